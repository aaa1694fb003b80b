from __future__ import annotations

from datetime import datetime

import strawberry

from gql.context import Info
from gql.ids import encode_id
from gql.organizations.types import Organization
from orm import models
from resolvers.identity.links import LinkKind

UserRole = strawberry.enum(models.UserRole, description="What a user may do.")
UserStatus = strawberry.enum(models.UserStatus)
ApiTokenScope = strawberry.enum(
    models.ApiTokenScope,
    description="FULL: whatever the token's user may do. READ_ONLY: every query, no mutation "
    "(refused with the top-level code READ_ONLY_TOKEN); for reporting tools.",
)
PasswordLinkKind = strawberry.enum(
    LinkKind, name="PasswordLinkKind", description="What a set-password link was sent as."
)


@strawberry.type
class User:
    id: strawberry.ID
    email: str
    name: str
    role: UserRole  # type: ignore[valid-type]
    status: UserStatus  # type: ignore[valid-type]
    crm_user_id: str | None = strawberry.field(description="The linked Zoho CRM user, if any.")
    has_password: bool = strawberry.field(description="False for users who never log in.")
    last_login_at: datetime | None
    created_at: datetime
    _row: strawberry.Private[models.User]

    @classmethod
    def from_model(cls, row: models.User) -> User:
        return cls(
            id=encode_id("User", row.id),
            email=row.email,
            name=row.name,
            role=row.role,
            status=row.status,
            crm_user_id=row.crm_user_id,
            has_password=row.password_hash is not None,
            last_login_at=row.last_login_at,
            created_at=row.created_at,
            _row=row,
        )

    @strawberry.field
    async def organization(self, info: Info) -> Organization:
        row = await info.context.loaders.organization_by_id.load(self._row.org_id)
        assert row is not None, "a user's organisation is the viewer's"
        return Organization.from_model(row)


@strawberry.type(description="A bearer token; the secret itself is shown only once, at creation.")
class ApiToken:
    id: strawberry.ID
    name: str
    prefix: str = strawberry.field(description="The first characters of the secret.")
    scope: ApiTokenScope  # type: ignore[valid-type]
    last_used_at: datetime | None
    expires_at: datetime | None
    revoked_at: datetime | None
    created_at: datetime
    _row: strawberry.Private[models.ApiToken]

    @classmethod
    def from_model(cls, row: models.ApiToken) -> ApiToken:
        return cls(
            id=encode_id("ApiToken", row.id),
            name=row.name,
            prefix=row.prefix,
            scope=row.scope,
            last_used_at=row.last_used_at,
            expires_at=row.expires_at,
            revoked_at=row.revoked_at,
            created_at=row.created_at,
            _row=row,
        )

    @strawberry.field
    async def user(self, info: Info) -> User:
        row = await info.context.loaders.user_by_id.load(self._row.user_id)
        assert row is not None, "a token's user is in the viewer's organisation"
        return User.from_model(row)


@strawberry.type(description="A valid invitation or password-reset link.")
class PasswordLink:
    kind: PasswordLinkKind  # type: ignore[valid-type]
    email: str
    name: str
    expires_at: datetime


async def user_of(info: Info, user_id: int | None) -> User | None:
    """The user of a primary key, through the request's loader."""
    if user_id is None:
        return None
    row = await info.context.loaders.user_by_id.load(user_id)
    return User.from_model(row) if row else None
