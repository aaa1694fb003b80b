"""Async factories with readable defaults; no randomness."""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal
from typing import Any

from orm import models
from resolvers.identity.passwords import hash_password
from resolvers.viewer import Viewer

_sequence = itertools.count(1)
PASSWORD = "correct horse battery"
_PASSWORD_HASH = hash_password(PASSWORD)  # Argon2 is slow on purpose: hash the default once


async def make_org(name: str = "Acme Sales", **overrides: Any) -> models.Organization:
    values: dict[str, Any] = {"base_currency": "USD", "time_zone": "UTC"} | overrides
    return await models.Organization.create(name=name, **values)


async def make_crm_tab(org: models.Organization, **overrides: Any) -> models.Integration:
    """A connected integration with Sync Modules on: the CRM tab and its widgets answer."""
    values: dict[str, Any] = {"state": models.IntegrationState.CONNECTED, "sync_modules": True}
    return await models.Integration.create(org=org, **(values | overrides))


async def make_user(
    org: models.Organization,
    *,
    email: str | None = None,
    name: str | None = None,
    role: models.UserRole = models.UserRole.SUBMITTER,
    password: str | None = PASSWORD,
    **overrides: Any,
) -> models.User:
    number = next(_sequence)
    return await models.User.create(
        org=org,
        email=email or f"user{number}@acme.example",
        name=name or f"User {number}",
        role=role,
        password_hash=(_PASSWORD_HASH if password == PASSWORD else hash_password(password))
        if password
        else None,
        **overrides,
    )


def viewer_for(user: models.User) -> Viewer:
    return Viewer(user_id=user.id, org_id=user.org_id, role=user.role)


async def make_category(
    org: models.Organization, name: str = "Meals", **overrides: Any
) -> models.Category:
    return await models.Category.create(org=org, name=name, **overrides)


async def make_customer(
    org: models.Organization,
    name: str = "Globex Corporation",
    type: models.CustomerType = models.CustomerType.BUSINESS,
    **overrides: Any,
) -> models.Customer:
    return await models.Customer.create(org=org, name=name, type=type, **overrides)


async def make_potential(
    org: models.Organization,
    customer: models.Customer | None,
    name: str = "Globex renewal",
    **overrides: Any,
) -> models.Potential:
    return await models.Potential.create(org=org, customer=customer, name=name, **overrides)


async def make_expense(
    user: models.User,
    category: models.Category,
    amount_minor: int = 1250,
    currency: str = "USD",
    **overrides: Any,
) -> models.Expense:
    values: dict[str, Any] = {
        "date": date(2026, 1, 15),
        "base_amount_minor": amount_minor,
        "exchange_rate": Decimal(1),
    } | overrides
    return await models.Expense.create(
        org_id=user.org_id, user=user, category=category, amount_minor=amount_minor,
        currency=currency, **values,
    )  # fmt: skip


async def make_report(
    user: models.User, name: str = "January trip", **overrides: Any
) -> models.Report:
    number = next(_sequence)
    values: dict[str, Any] = {
        "start_date": date(2026, 1, 1), "end_date": date(2026, 1, 31), "number": f"T-{number:05d}",
    } | overrides  # fmt: skip
    return await models.Report.create(org_id=user.org_id, user=user, name=name, **values)
