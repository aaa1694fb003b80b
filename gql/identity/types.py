from __future__ import annotations

from datetime import datetime

import strawberry

from gql.context import Info
from gql.enums import described_enum
from gql.ids import encode_id
from gql.node import Node
from gql.organizations.types import Organization
from orm import models
from resolvers.identity.links import LinkKind

UserRole = described_enum(
    models.UserRole,
    description="What a user may do.",
    values={
        "ADMIN": (
            "Manages users, settings, the CRM integration and every expense and "
            "report; approves reports too."
        ),
        "APPROVER": "Records own expenses and approves or rejects the reports submitted to them.",
        "SUBMITTER": "Records own expenses and submits Expense Reports for approval.",
    },
)
UserStatus = described_enum(
    models.UserStatus,
    description="Whether a user may sign in.",
    values={
        "ACTIVE": "May sign in; counts against the plan's user limit.",
        "INACTIVE": "Deactivated: cannot sign in, API tokens stop working; history is kept.",
    },
)
ApiTokenScope = described_enum(
    models.ApiTokenScope,
    description="FULL: whatever the token's user may do. READ_ONLY: every query, no mutation "
    "(refused with the top-level code READ_ONLY_TOKEN); for reporting tools.",
    values={
        "FULL": "Whatever the token's user may do.",
        "READ_ONLY": "Queries only; every mutation is refused with READ_ONLY_TOKEN.",
    },
)
PasswordLinkKind = described_enum(
    LinkKind,
    name="PasswordLinkKind",
    description="What a set-password link was sent as.",
    values={
        "INVITATION": "Sent to a user without a password, to choose one.",
        "PASSWORD_RESET": "Sent to a user who has a password, to replace it.",
    },
)


@strawberry.type(
    description=(
        "A person of the organisation: a submitter records expenses and "
        "reports, an approver approves reports submitted to them, an admin "
        "manages everything."
    )
)
class User(Node):
    id: strawberry.ID = strawberry.field(description="Opaque id of the user.")
    email: str = strawberry.field(description="Sign-in e-mail address, unique in the organisation.")
    name: str = strawberry.field(description="Display name.")
    role: UserRole = strawberry.field(description="What the user may do.")  # type: ignore[valid-type]
    status: UserStatus = strawberry.field(  # type: ignore[valid-type]
        description="ACTIVE users may sign in; INACTIVE users may not."
    )
    crm_user_id: str | None = strawberry.field(description="The linked Zoho CRM user, if any.")
    has_password: bool = strawberry.field(description="False for users who never log in.")
    last_login_at: datetime | None = strawberry.field(
        description="Last successful sign-in (ISO 8601 date-time, UTC); null if never."
    )
    created_at: datetime = strawberry.field(
        description="When the user was invited or imported (ISO 8601 date-time, UTC)."
    )
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

    @strawberry.field(description="The user's organisation.")
    async def organization(self, info: Info) -> Organization:
        row = await info.context.loaders.organization_by_id.load(self._row.org_id)
        assert row is not None, "a user's organisation is the viewer's"
        return Organization.from_model(row)


@strawberry.type(description="A bearer token; the secret itself is shown only once, at creation.")
class ApiToken(Node):
    id: strawberry.ID = strawberry.field(description="Opaque id of the token (not the secret).")
    name: str = strawberry.field(description="The label given at creation.")
    prefix: str = strawberry.field(description="The first characters of the secret.")
    scope: ApiTokenScope = strawberry.field(description="What the token may do.")  # type: ignore[valid-type]
    last_used_at: datetime | None = strawberry.field(
        description="Last authenticated request (ISO 8601 date-time, UTC); null if never used."
    )
    expires_at: datetime | None = strawberry.field(
        description="When it stops working; null for never."
    )
    revoked_at: datetime | None = strawberry.field(
        description="When it was revoked; null while valid."
    )
    created_at: datetime = strawberry.field(
        description="When it was created (ISO 8601 date-time, UTC)."
    )
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

    @strawberry.field(description="The user the token acts as.")
    async def user(self, info: Info) -> User:
        row = await info.context.loaders.user_by_id.load(self._row.user_id)
        assert row is not None, "a token's user is in the viewer's organisation"
        return User.from_model(row)


@strawberry.type(description="A valid invitation or password-reset link.")
class PasswordLink:
    kind: PasswordLinkKind = strawberry.field(description="Invitation or password reset.")  # type: ignore[valid-type]
    email: str = strawberry.field(description="The address the link was sent to.")
    name: str = strawberry.field(description="The user's name, to greet them.")
    expires_at: datetime = strawberry.field(
        description="When the link stops working (ISO 8601 date-time, UTC)."
    )


async def user_of(info: Info, user_id: int | None) -> User | None:
    """The user of a primary key, through the request's loader."""
    if user_id is None:
        return None
    row = await info.context.loaders.user_by_id.load(user_id)
    return User.from_model(row) if row else None
