from __future__ import annotations

import strawberry

from gql.errors import UserError
from gql.identity.types import ApiToken, PasswordLinkKind, User


@strawberry.type
class SessionCreatePayload:
    user: User | None
    errors: list[UserError]


@strawberry.type
class SessionDeletePayload:
    errors: list[UserError]


@strawberry.type
class UserPayload:
    """Returned by every mutation that changes one user."""

    user: User | None
    errors: list[UserError]


@strawberry.type
class ApiTokenCreatePayload:
    token: ApiToken | None
    secret: str | None = strawberry.field(
        description="The bearer token. Shown only in this response; store it now."
    )
    errors: list[UserError]


@strawberry.type
class ApiTokenRevokePayload:
    token: ApiToken | None
    errors: list[UserError]


@strawberry.type
class UserPasswordLinkSendPayload:
    user: User | None
    kind: PasswordLinkKind | None = strawberry.field(  # type: ignore[valid-type]
        description="INVITATION for a user without a password, else PASSWORD_RESET."
    )
    errors: list[UserError]


@strawberry.type
class PasswordResetRequestPayload:
    """The same answer whether or not the address belongs to someone."""

    errors: list[UserError]


@strawberry.type
class PasswordSetPayload:
    user: User | None = strawberry.field(description="Signed in (the browser session is set).")
    errors: list[UserError]


@strawberry.type
class PasswordChangePayload:
    user: User | None
    errors: list[UserError]
