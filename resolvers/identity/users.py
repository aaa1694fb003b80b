"""Users of an organisation: listing, inviting, role changes, deactivation."""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from orm import models
from resolvers.errors import ErrorCode, FieldError, MutationResult
from resolvers.identity.passwords import hash_password, password_problems
from resolvers.validation import clean_email, clean_text
from resolvers.viewer import Viewer

MAX_SEARCH_LENGTH = 100


@dataclass(frozen=True, slots=True)
class UserFilter:
    role: models.UserRole | None = None
    status: models.UserStatus | None = None
    search: str | None = None


def list_users(viewer: Viewer, filters: UserFilter | None = None) -> QuerySet[models.User]:
    query = models.User.filter(org_id=viewer.org_id)
    if filters is not None:
        if filters.role is not None:
            query = query.filter(role=filters.role)
        if filters.status is not None:
            query = query.filter(status=filters.status)
        if filters.search and filters.search.strip():
            term = filters.search.strip()[:MAX_SEARCH_LENGTH]
            query = query.filter(Q(name__icontains=term) | Q(email__icontains=term))
    return query.order_by("name", "id")


async def _locked_org(viewer: Viewer, connection: BaseDBAsyncClient) -> models.Organization:
    """Lock the organisation row so limit and last-admin checks cannot race (PostgreSQL)."""
    query = models.Organization.select_for_update().using_db(connection)
    return await query.get(id=viewer.org_id)


async def _active_count(org_id: int, connection: BaseDBAsyncClient, **filters: object) -> int:
    query = models.User.filter(org_id=org_id, status=models.UserStatus.ACTIVE, **filters)
    return await query.using_db(connection).count()


async def invite_user(
    viewer: Viewer,
    *,
    email: str,
    name: str,
    role: models.UserRole,
    password: str | None = None,
    crm_user_id: str | None = None,
) -> MutationResult[models.User]:
    errors: list[FieldError] = []
    email = clean_email(email, "email", errors)
    name = clean_text(name, "name", max_length=200, errors=errors)
    if password is not None:
        errors += password_problems(password, email=email)
    if errors:
        return MutationResult(errors=errors)
    async with in_transaction() as connection:
        org = await _locked_org(viewer, connection)
        if await models.User.filter(org_id=org.id, email=email).using_db(connection).exists():
            return MutationResult.fail(
                "email", "A user with this e-mail address already exists.", ErrorCode.UNIQUE
            )
        if await _active_count(org.id, connection) >= org.active_user_limit:
            return _limit_error(org)
        try:
            user = await models.User.create(
                org_id=org.id,
                email=email,
                name=name,
                role=role,
                password_hash=hash_password(password) if password is not None else None,
                crm_user_id=crm_user_id,
                using_db=connection,
            )
        except IntegrityError:
            return MutationResult.fail(
                "email", "A user with this e-mail address already exists.", ErrorCode.UNIQUE
            )
    return MutationResult(user)


def _limit_error(org: models.Organization) -> MutationResult[models.User]:
    return MutationResult.fail(
        None,
        f"The plan allows {org.active_user_limit} active users; deactivate someone first.",
        ErrorCode.USER_LIMIT_REACHED,
    )


def _last_admin_error() -> MutationResult[models.User]:
    return MutationResult.fail(
        None,
        "The organisation needs at least one active admin.",
        ErrorCode.LAST_ADMIN,
    )


async def update_user(
    viewer: Viewer,
    user_id: int | None,
    *,
    name: str | None = None,
    role: models.UserRole | None = None,
    status: models.UserStatus | None = None,
) -> MutationResult[models.User]:
    """Change what is given (None leaves a field as it is)."""
    errors: list[FieldError] = []
    if name is not None:
        name = clean_text(name, "name", max_length=200, errors=errors)
    if errors:
        return MutationResult(errors=errors)
    async with in_transaction() as connection:
        org = await _locked_org(viewer, connection)
        user = None
        if user_id is not None:
            user = await models.User.filter(id=user_id, org_id=org.id).using_db(connection).first()
        if user is None:
            return MutationResult.fail("id", "No such user.", ErrorCode.NOT_FOUND)
        new_role = role or user.role
        new_status = status or user.status
        stays_active_admin = (
            new_role is models.UserRole.ADMIN and new_status is models.UserStatus.ACTIVE
        )
        is_active_admin = (
            user.role is models.UserRole.ADMIN and user.status is models.UserStatus.ACTIVE
        )
        if is_active_admin and not stays_active_admin:
            others = await _active_count(
                org.id, connection, role=models.UserRole.ADMIN, id__not=user.id
            )
            if others == 0:
                return _last_admin_error()
        if (
            user.status is models.UserStatus.INACTIVE
            and new_status is models.UserStatus.ACTIVE
            and await _active_count(org.id, connection) >= org.active_user_limit
        ):
            return _limit_error(org)
        user.name = name if name is not None else user.name
        user.role = new_role
        user.status = new_status
        await user.save(using_db=connection, update_fields=["name", "role", "status", "updated_at"])
    return MutationResult(user)


async def active_user_by_email(email: str, org_id: int | None) -> MutationResult[models.User]:
    """The one active user with this address (in ``org_id`` when given), for the command line."""
    query = models.User.filter(email=email.strip().lower(), status=models.UserStatus.ACTIVE)
    if org_id is not None:
        query = query.filter(org_id=org_id)
    found = await query.order_by("org_id").limit(2)
    if not found:
        return MutationResult.fail(
            "email", "No active user has this e-mail address.", ErrorCode.NOT_FOUND
        )
    if len(found) > 1:
        return MutationResult.fail(
            "organizationId",
            "This address belongs to several organisations: choose one.",
            ErrorCode.ORGANIZATION_REQUIRED,
        )
    return MutationResult(found[0])
