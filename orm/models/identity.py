from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model

from orm.models.base import TimestampedModel
from orm.models.organizations import Organization


class UserRole(StrEnum):
    ADMIN = "ADMIN"
    APPROVER = "APPROVER"
    SUBMITTER = "SUBMITTER"


class UserStatus(StrEnum):
    ACTIVE = "ACTIVE"
    INACTIVE = "INACTIVE"


class ApiTokenScope(StrEnum):
    """FULL: whatever its user may do. READ_ONLY: queries only (reporting tools)."""

    FULL = "FULL"
    READ_ONLY = "READ_ONLY"


class User(TimestampedModel):
    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="users", on_delete=fields.CASCADE
    )
    org_id: int
    email = fields.CharField(max_length=254)
    name = fields.CharField(max_length=200)
    role = fields.CharEnumField(UserRole, max_length=16, default=UserRole.SUBMITTER)
    status = fields.CharEnumField(UserStatus, max_length=16, default=UserStatus.ACTIVE)
    # Null for users who never log in with a password (API-only or CRM-provisioned users).
    password_hash = fields.CharField(max_length=255, null=True)
    crm_user_id = fields.CharField(max_length=64, null=True)
    last_login_at = fields.DatetimeField(null=True)

    api_tokens: fields.ReverseRelation[ApiToken]

    class Meta:
        table = "user"
        unique_together = (("org", "email"), ("org", "crm_user_id"))
        indexes = (("org", "status", "role"),)


class ApiToken(TimestampedModel):
    """A bearer token for widgets and reporting tools. Only its SHA-256 digest is stored."""

    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="api_tokens", on_delete=fields.CASCADE
    )
    org_id: int
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="api_tokens", on_delete=fields.CASCADE
    )
    user_id: int
    name = fields.CharField(max_length=100)
    token_digest = fields.CharField(max_length=64, unique=True)
    # The first characters of the secret, shown so people can tell their tokens apart.
    prefix = fields.CharField(max_length=16)
    scope = fields.CharEnumField(ApiTokenScope, max_length=16, default=ApiTokenScope.FULL)
    last_used_at = fields.DatetimeField(null=True)
    expires_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "api_token"


class SignInFailure(Model):
    """A refused password sign-in: the address tried and the client it came from (sign-in
    throttling, resolvers.identity.throttle). Rows older than the throttling window are
    deleted as new ones are written."""

    id = fields.BigIntField(primary_key=True)
    email = fields.CharField(max_length=254)
    client = fields.CharField(max_length=64, default="")
    failed_at = fields.DatetimeField()

    class Meta:
        table = "sign_in_failure"
        indexes = (("email", "failed_at"), ("client", "failed_at"), ("failed_at",))
