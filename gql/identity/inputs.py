from __future__ import annotations

from datetime import datetime

import strawberry

from gql.identity.types import ApiTokenScope, UserRole, UserStatus


@strawberry.input
class UserFilter:
    role: UserRole | None = None  # type: ignore[valid-type]
    status: UserStatus | None = None  # type: ignore[valid-type]
    search: str | None = strawberry.field(default=None, description="Part of a name or e-mail.")


@strawberry.input
class SessionCreateInput:
    email: str
    password: str
    organization_id: strawberry.ID | None = strawberry.field(
        default=None, description="Needed only when the address exists in several organisations."
    )


@strawberry.input
class UserInviteInput:
    email: str
    name: str
    role: UserRole = UserRole.SUBMITTER  # type: ignore[valid-type]
    password: str | None = strawberry.field(
        default=None, description="Initial password; without one the user cannot log in."
    )


@strawberry.input(description="Fields left out stay as they are.")
class UserUpdateInput:
    id: strawberry.ID
    name: str | None = None
    role: UserRole | None = None  # type: ignore[valid-type]


@strawberry.input
class UserStatusInput:
    id: strawberry.ID


@strawberry.input
class ApiTokenCreateInput:
    name: str
    expires_at: datetime | None = None
    scope: ApiTokenScope = strawberry.field(  # type: ignore[valid-type]
        default=ApiTokenScope.FULL,
        description="READ_ONLY for reporting tools: queries only. FULL when left out.",
    )


@strawberry.input
class ApiTokenRevokeInput:
    id: strawberry.ID


@strawberry.input
class UserPasswordLinkSendInput:
    id: strawberry.ID


@strawberry.input
class PasswordResetRequestInput:
    email: str


@strawberry.input
class PasswordSetInput:
    token: str = strawberry.field(description="The `token` of the invitation or reset link.")
    password: str


@strawberry.input
class PasswordChangeInput:
    current_password: str
    new_password: str


@strawberry.input
class ViewerUpdateInput:
    name: str
