"""The organisation (tenant) and its settings."""

from __future__ import annotations

from tortoise.transactions import in_transaction

from orm import models
from resolvers.categories import create_default_categories
from resolvers.errors import ErrorCode, FieldError, MutationResult
from resolvers.identity.passwords import hash_password, password_problems
from resolvers.validation import clean_currency, clean_email, clean_text, clean_time_zone
from resolvers.viewer import Viewer

MAX_USER_LIMIT = 100_000


async def get_organization(viewer: Viewer) -> models.Organization:
    return await models.Organization.get(id=viewer.org_id)


async def update_organization(
    viewer: Viewer,
    *,
    name: str | None = None,
    base_currency: str | None = None,
    time_zone: str | None = None,
    active_user_limit: int | None = None,
    fiscal_year_start_month: int | None = None,
) -> MutationResult[models.Organization]:
    """A lower ``active_user_limit`` deactivates nobody; it only stops new activations."""
    errors: list[FieldError] = []
    changes: dict[str, str | int] = {}
    if name is not None:
        changes["name"] = clean_text(name, "name", max_length=200, errors=errors)
    if base_currency is not None:
        changes["base_currency"] = clean_currency(base_currency, "baseCurrency", errors)
    if time_zone is not None:
        changes["time_zone"] = clean_time_zone(time_zone, "timeZone", errors)
    if active_user_limit is not None:
        if not 1 <= active_user_limit <= MAX_USER_LIMIT:
            errors.append(FieldError("activeUserLimit", f"Between 1 and {MAX_USER_LIMIT}.",
                                     ErrorCode.INVALID))  # fmt: skip
        changes["active_user_limit"] = active_user_limit
    if fiscal_year_start_month is not None:
        if 1 <= fiscal_year_start_month <= 12:
            changes["fiscal_year_start_month"] = fiscal_year_start_month
        else:
            errors.append(
                FieldError("fiscalYearStartMonth", "Give a month from 1 to 12.", ErrorCode.INVALID)
            )
    if errors:
        return MutationResult(errors=errors)
    org = await models.Organization.get(id=viewer.org_id)
    if (
        changes.get("base_currency", org.base_currency) != org.base_currency
        and await models.Expense.filter(org_id=org.id).exists()
    ):
        # stored base amounts and rates are in the current base currency
        return MutationResult.fail(
            "baseCurrency",
            "The base currency cannot change once expenses are recorded in it.",
            ErrorCode.BASE_CURRENCY_LOCKED,
        )
    if changes:
        org.update_from_dict(changes)
        await org.save(update_fields=[*changes, "updated_at"])
    return MutationResult(org)


async def create_organization_with_admin(
    *,
    org_name: str,
    base_currency: str,
    time_zone: str,
    admin_email: str,
    admin_name: str,
    admin_password: str,
    active_user_limit: int = 25,
) -> MutationResult[models.User]:
    """Bootstrap a tenant and its first admin (CLI and first start)."""
    errors: list[FieldError] = []
    org_name = clean_text(org_name, "organization", max_length=200, errors=errors)
    base_currency = clean_currency(base_currency, "currency", errors)
    time_zone = clean_time_zone(time_zone, "timeZone", errors)
    admin_email = clean_email(admin_email, "email", errors)
    admin_name = clean_text(admin_name, "name", max_length=200, errors=errors)
    errors += password_problems(admin_password, email=admin_email)
    if errors:
        return MutationResult(errors=errors)
    async with in_transaction() as connection:
        org = await models.Organization.create(
            name=org_name,
            base_currency=base_currency,
            time_zone=time_zone,
            active_user_limit=active_user_limit,
            using_db=connection,
        )
        await create_default_categories(org.id, connection)
        admin = await models.User.create(
            org=org,
            email=admin_email,
            name=admin_name,
            role=models.UserRole.ADMIN,
            password_hash=hash_password(admin_password),
            using_db=connection,
        )
    return MutationResult(admin)


async def any_organization_exists() -> bool:
    return await models.Organization.all().exists()
