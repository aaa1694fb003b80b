from __future__ import annotations

import strawberry

from gql.crm.types import IntegrationUserSync, UserSyncRun
from gql.customers.types import Customer
from gql.errors import UserError
from gql.identity.types import User


@strawberry.type
class IntegrationUserSyncSavePayload:
    user_sync: IntegrationUserSync | None
    run: UserSyncRun | None = strawberry.field(
        description="The instant users sync run when this turned the users sync on."
    )
    errors: list[UserError]


@strawberry.type
class IntegrationUserSyncNowPayload:
    run: UserSyncRun | None
    errors: list[UserError]


@strawberry.type
class CrmUsersImportPayload:
    users: list[User] = strawberry.field(description="The Spendsync users, in the given order.")
    created_active: int
    created_inactive: int
    linked: int
    skipped: int
    errors: list[UserError]


@strawberry.type
class CrmCustomerChoosePayload:
    customer: Customer | None
    errors: list[UserError]
