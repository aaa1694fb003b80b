from __future__ import annotations

from datetime import datetime

import strawberry

from gql.identity.types import ApiTokenScope, UserRole, UserStatus


@strawberry.input(description="Narrows the user list; criteria combine with AND.")
class UserFilter:
    role: UserRole | None = strawberry.field(default=None, description="Only users with this role.")  # type: ignore[valid-type]
    status: UserStatus | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="Only active or only deactivated users."
    )
    search: str | None = strawberry.field(default=None, description="Part of a name or e-mail.")


@strawberry.input(description="Sign-in credentials.")
class SessionCreateInput:
    email: str = strawberry.field(description="The e-mail address the user signs in with.")
    password: str = strawberry.field(description="The user's password.")
    organization_id: strawberry.ID | None = strawberry.field(
        default=None, description="Needed only when the address exists in several organisations."
    )


@strawberry.input(description="A new user of the organisation.")
class UserInviteInput:
    email: str = strawberry.field(description="Sign-in e-mail address, unique in the organisation.")
    name: str = strawberry.field(description="Display name (1 to 255 characters).")
    role: UserRole = strawberry.field(  # type: ignore[valid-type]
        default=UserRole.SUBMITTER, description="SUBMITTER by default."
    )
    password: str | None = strawberry.field(
        default=None, description="Initial password; without one the user cannot log in."
    )


@strawberry.input(description="Fields left out stay as they are.")
class UserUpdateInput:
    id: strawberry.ID = strawberry.field(description="The user's opaque id.")
    name: str | None = strawberry.field(default=None, description="New display name.")
    role: UserRole | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="New role; the last active admin cannot lose ADMIN (LAST_ADMIN)."
    )


@strawberry.input(description="The user to deactivate or reactivate.")
class UserStatusInput:
    id: strawberry.ID = strawberry.field(description="The user's opaque id.")


@strawberry.input(description="A new API token.")
class ApiTokenCreateInput:
    name: str = strawberry.field(
        description="A label to recognise the token by (1 to 255 characters)."
    )
    expires_at: datetime | None = strawberry.field(
        default=None,
        description=(
            "When the token stops working (ISO 8601 date-time, in the future); null for never."
        ),
    )
    scope: ApiTokenScope = strawberry.field(  # type: ignore[valid-type]
        default=ApiTokenScope.FULL,
        description="READ_ONLY for reporting tools: queries only. FULL when left out.",
    )


@strawberry.input(description="The API token to revoke.")
class ApiTokenRevokeInput:
    id: strawberry.ID = strawberry.field(description="The token's opaque id.")


@strawberry.input(description="The user to send a set-password link to.")
class UserPasswordLinkSendInput:
    id: strawberry.ID = strawberry.field(description="The user's opaque id.")


@strawberry.input(description="Who forgot their password.")
class PasswordResetRequestInput:
    email: str = strawberry.field(description="The e-mail address the user signs in with.")


@strawberry.input(description="A password chosen through an invitation or reset link.")
class PasswordSetInput:
    token: str = strawberry.field(description="The `token` of the invitation or reset link.")
    password: str = strawberry.field(
        description="The new password (at least the minimum length, not a common password)."
    )


@strawberry.input(description="Your current password and the new one.")
class PasswordChangeInput:
    current_password: str = strawberry.field(description="Your password now.")
    new_password: str = strawberry.field(
        description="The new password (at least the minimum length, not a common password)."
    )


@strawberry.input(description="Your own profile.")
class ViewerUpdateInput:
    name: str = strawberry.field(description="Your new display name (1 to 255 characters).")
