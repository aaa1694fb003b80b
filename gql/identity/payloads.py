from __future__ import annotations

import strawberry

from gql.errors import UserError, errors_field
from gql.identity.types import ApiToken, PasswordLinkKind, User


@strawberry.type(description="Result of `sessionCreate`.")
class SessionCreatePayload:
    user: User | None = strawberry.field(description="The signed-in user; null when refused.")
    errors: list[UserError] = errors_field()


@strawberry.type(description="Result of `sessionDelete` (never refused).")
class SessionDeletePayload:
    errors: list[UserError] = errors_field()


@strawberry.type(description="Returned by every mutation that changes one user.")
class UserPayload:
    """Returned by every mutation that changes one user."""

    user: User | None = strawberry.field(description="The user as saved; null when refused.")
    errors: list[UserError] = errors_field()


@strawberry.type(description="Result of `apiTokenCreate`.")
class ApiTokenCreatePayload:
    token: ApiToken | None = strawberry.field(description="The new token; null when refused.")
    secret: str | None = strawberry.field(
        description="The bearer token. Shown only in this response; store it now."
    )
    errors: list[UserError] = errors_field()


@strawberry.type(description="Result of `apiTokenRevoke`.")
class ApiTokenRevokePayload:
    token: ApiToken | None = strawberry.field(description="The revoked token; null when refused.")
    errors: list[UserError] = errors_field()


@strawberry.type(description="Result of `userPasswordLinkSend`.")
class UserPasswordLinkSendPayload:
    user: User | None = strawberry.field(
        description="The user the link was sent to; null when refused."
    )
    kind: PasswordLinkKind | None = strawberry.field(  # type: ignore[valid-type]
        description="INVITATION for a user without a password, else PASSWORD_RESET."
    )
    errors: list[UserError] = errors_field()


@strawberry.type(
    description=(
        "Result of `passwordResetRequest`: the same answer whether or not the "
        "address belongs to someone."
    )
)
class PasswordResetRequestPayload:
    """The same answer whether or not the address belongs to someone."""

    errors: list[UserError] = errors_field()


@strawberry.type(description="Result of `passwordSet`.")
class PasswordSetPayload:
    user: User | None = strawberry.field(description="Signed in (the browser session is set).")
    errors: list[UserError] = errors_field()


@strawberry.type(description="Result of `passwordChange`.")
class PasswordChangePayload:
    user: User | None = strawberry.field(description="You, after the change; null when refused.")
    errors: list[UserError] = errors_field()
