from __future__ import annotations

import strawberry

from gql.crm.types import IntegrationUserSync, UserSyncRun
from gql.customers.types import Customer
from gql.errors import UserError, errors_field
from gql.identity.types import User


@strawberry.type(description="Result of `integrationUserSyncSave`.")
class IntegrationUserSyncSavePayload:
    user_sync: IntegrationUserSync | None = strawberry.field(
        description="The settings as saved; null when refused."
    )
    run: UserSyncRun | None = strawberry.field(
        description="The instant users sync run when this turned the users sync on."
    )
    errors: list[UserError] = errors_field()


@strawberry.type(description="Result of `integrationUserSyncNow`.")
class IntegrationUserSyncNowPayload:
    run: UserSyncRun | None = strawberry.field(description="The users sync run; null when refused.")
    errors: list[UserError] = errors_field()


@strawberry.type(description="Result of `crmUsersImport`: what happened to each chosen CRM user.")
class CrmUsersImportPayload:
    users: list[User] = strawberry.field(description="The Spendsync users, in the given order.")
    created_active: int = strawberry.field(
        description="New users created ACTIVE (within the plan)."
    )
    created_inactive: int = strawberry.field(
        description="New users created INACTIVE (beyond the plan's user limit)."
    )
    linked: int = strawberry.field(description="Existing Spendsync users linked by e-mail.")
    skipped: int = strawberry.field(description="CRM users already imported, left as they are.")
    errors: list[UserError] = errors_field()


@strawberry.type(description="Result of `crmCustomerChoose`.")
class CrmCustomerChoosePayload:
    customer: Customer | None = strawberry.field(
        description="The linked customer (new or existing); null when refused."
    )
    errors: list[UserError] = errors_field()
