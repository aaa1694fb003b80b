"""API tokens: random secrets shown once, stored as SHA-256 digests, revocable."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tortoise.queryset import QuerySet

from orm import models
from resolvers.errors import ErrorCode, FieldError, MutationResult
from resolvers.identity.users import active_user_by_email
from resolvers.validation import clean_text
from resolvers.viewer import Viewer

TOKEN_PREFIX = "sst_"  # noqa: S105 (a public prefix, not a secret)
# Writing ``last_used_at`` on every request would turn reads into writes; once a minute is enough.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class CreatedToken:
    token: models.ApiToken
    secret: str


def list_tokens(
    viewer: Viewer, *, include_revoked: bool = False, own: bool = False
) -> QuerySet[models.ApiToken]:
    """The viewer's own tokens; an admin sees every token of the organisation (unless ``own``)."""
    query = models.ApiToken.filter(org_id=viewer.org_id)
    if own or not viewer.is_admin:
        query = query.filter(user_id=viewer.user_id)
    if not include_revoked:
        query = query.filter(revoked_at__isnull=True)
    return query.order_by("-created_at", "-id")


async def create_token(
    viewer: Viewer,
    *,
    name: str,
    expires_at: datetime | None,
    scope: models.ApiTokenScope = models.ApiTokenScope.FULL,
    now: datetime | None = None,
) -> MutationResult[CreatedToken]:
    now = now or datetime.now(UTC)
    errors: list[FieldError] = []
    name = clean_text(name, "name", max_length=100, errors=errors)
    if expires_at is not None:
        if expires_at.tzinfo is None:
            errors.append(FieldError("expiresAt", "Give a time zone offset.", ErrorCode.INVALID))
        elif expires_at <= now:
            errors.append(FieldError("expiresAt", "Must be in the future.", ErrorCode.INVALID))
    if errors:
        return MutationResult(errors=errors)
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = await models.ApiToken.create(
        org_id=viewer.org_id,
        user_id=viewer.user_id,
        name=name,
        token_digest=digest(secret),
        prefix=secret[: len(TOKEN_PREFIX) + 4],
        expires_at=expires_at,
        scope=scope,
    )
    return MutationResult(CreatedToken(token, secret))


async def revoke_token(
    viewer: Viewer, token_id: int | None, now: datetime | None = None
) -> MutationResult[models.ApiToken]:
    token = None
    if token_id is not None:
        token = await list_tokens(viewer, include_revoked=True).get_or_none(id=token_id)
    if token is None:
        return MutationResult.fail("id", "No such API token.", ErrorCode.NOT_FOUND)
    if token.revoked_at is not None:
        return MutationResult.fail(
            "id", "This token is already revoked.", ErrorCode.ALREADY_REVOKED
        )
    token.revoked_at = now or datetime.now(UTC)
    await token.save(update_fields=["revoked_at", "updated_at"])
    return MutationResult(token)


async def authenticate_token(secret: str, now: datetime | None = None) -> Viewer | None:
    """The viewer a bearer token stands for, or None when unknown, revoked, expired or inactive."""
    if not secret.startswith(TOKEN_PREFIX) or len(secret) > 128:
        return None
    now = now or datetime.now(UTC)
    token = await models.ApiToken.get_or_none(
        token_digest=digest(secret), revoked_at__isnull=True
    ).select_related("user")
    if token is None or (token.expires_at is not None and token.expires_at <= now):
        return None
    user = token.user
    if user.status is not models.UserStatus.ACTIVE or user.org_id != token.org_id:
        return None
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        await models.ApiToken.filter(id=token.id).update(last_used_at=now)
    return Viewer(
        user_id=user.id, org_id=user.org_id, role=user.role, api_token_id=token.id,
        read_only=token.scope is models.ApiTokenScope.READ_ONLY,
    )  # fmt: skip


async def create_token_for_address(
    email: str,
    *,
    org_id: int | None,
    name: str,
    expires_at: datetime | None,
    read_only: bool = False,
) -> MutationResult[CreatedToken]:
    """An API token for an active user, by address (the command line's ``spendsync token
    create``, for automation that cannot sign in); ``read_only``: queries only."""
    found = await active_user_by_email(email, org_id)
    if found.value is None:
        return MutationResult(errors=found.errors)
    user = found.value
    viewer = Viewer(user_id=user.id, org_id=user.org_id, role=user.role)
    scope = models.ApiTokenScope.READ_ONLY if read_only else models.ApiTokenScope.FULL
    return await create_token(viewer, name=name, expires_at=expires_at, scope=scope)
