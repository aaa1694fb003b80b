from __future__ import annotations

import strawberry

from gql.errors import UserError
from gql.identity.types import ApiToken, User


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
