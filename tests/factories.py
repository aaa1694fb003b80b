"""Async factories with readable defaults; no randomness."""

from __future__ import annotations

import itertools
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
