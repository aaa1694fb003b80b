"""Users from the CRM (admin only) and Search in CRM (any member; see docs/SYNC.md for why
choosing a result is open to every member)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from gql.context import Info
from gql.crm.inputs import CrmCustomerChooseInput, CrmUsersImportInput, IntegrationUserSyncSaveInput
from gql.crm.payloads import (
    CrmCustomerChoosePayload,
    CrmUsersImportPayload,
    IntegrationUserSyncNowPayload,
    IntegrationUserSyncSavePayload,
)
from gql.crm.types import (
    CrmAccountResult,
    CrmContactResult,
    CrmRoleMapping,
    CrmUserInfo,
    CrmUserList,
    IntegrationUserSync,
    UserSyncRun,
)
from gql.customers.types import Customer
from gql.errors import PublicError
from gql.identity.types import User
from gql.payloads import payload
from gql.permissions import IsAdmin, IsAuthenticated, viewer_of
from orm import models
from resolvers import crm_search, crm_users, integration
from resolvers.crm_users import CrmUnavailable, RoleRule, rules_of

if TYPE_CHECKING:
    from sync.service import SyncService


def _service(info: Info) -> SyncService:
    service = info.context.sync
    if service is None:
        raise PublicError("The sync service is not running.", "SERVICE_UNAVAILABLE")
    return service


async def _user_sync(row: models.Integration) -> IntegrationUserSync:
    runs = await crm_users.recent_user_syncs(row.org_id)
    return IntegrationUserSync(
        enabled=row.users_sync_enabled, default_role=models.UserRole.SUBMITTER,
        role_mappings=[CrmRoleMapping.of(rule) for rule in rules_of(row)],
        runs=[UserSyncRun.from_model(r) for r in runs],
    )  # fmt: skip


@strawberry.type
class CrmQueries:
    @strawberry.field(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. The users sync settings (CRM users imported as Spendsync "
            "users) and its latest runs."
        ),
    )
    async def integration_user_sync(self, info: Info) -> IntegrationUserSync:
        return await _user_sync(await integration.get_integration(viewer_of(info)))

    @strawberry.field(
        permission_classes=[IsAdmin],
        description="The CRM's users (active and deactivated), with the Spendsync user each "
        "is imported as. perPage at most 100.",
    )
    async def crm_users(
        self,
        info: Info,
        page: Annotated[int, strawberry.argument(description="Page number, from 1.")] = 1,
        per_page: Annotated[
            int, strawberry.argument(description="Users per page, 1 to 100 (50 by default).")
        ] = 50,
    ) -> CrmUserList:
        try:
            found = await crm_users.crm_users(viewer_of(info), _service(info), page, per_page)
        except CrmUnavailable as exc:
            raise PublicError(str(exc), exc.code.value) from exc
        return CrmUserList(
            nodes=[CrmUserInfo.of(e) for e in found.entries], total=found.total,
            page=found.page, per_page=found.per_page,
            has_next_page=found.page * found.per_page < found.total,
        )  # fmt: skip

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="CRM contacts whose first and/or last name start with these (at most 25). "
        "Empty when nothing matches (or the CRM has not indexed a new record yet).",
    )
    async def crm_search_contacts(
        self,
        info: Info,
        first_name: Annotated[
            str | None, strawberry.argument(description="Start of the contact's first name.")
        ] = None,
        last_name: Annotated[
            str | None, strawberry.argument(description="Start of the contact's last name.")
        ] = None,
        limit: Annotated[
            int, strawberry.argument(description="Most results to return, 1 to 25 (10 by default).")
        ] = 10,
    ) -> list[CrmContactResult]:
        try:
            hits = await crm_search.search_contacts(
                viewer_of(info), _service(info), first_name, last_name, limit
            )
        except CrmUnavailable as exc:
            raise PublicError(str(exc), exc.code.value) from exc
        return [CrmContactResult.of(hit) for hit in hits]

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="CRM accounts whose name starts with this (at most 25), with their contacts.",
    )
    async def crm_search_accounts(
        self,
        info: Info,
        account_name: Annotated[
            str, strawberry.argument(description="Start of the account's name.")
        ],
        limit: Annotated[
            int,
            strawberry.argument(description="Most accounts to return, 1 to 25 (10 by default)."),
        ] = 10,
    ) -> list[CrmAccountResult]:
        try:
            hits = await crm_search.search_accounts(
                viewer_of(info), _service(info), account_name, limit
            )
        except CrmUnavailable as exc:
            raise PublicError(str(exc), exc.code.value) from exc
        return [CrmAccountResult.of(hit) for hit in hits]


@strawberry.type
class CrmMutations:
    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Turn the users sync (CRM users into Spendsync "
            "users) on or off and set its role mappings; turning it on "
            "runs an instant users sync."
        ),
    )
    async def integration_user_sync_save(
        self,
        info: Info,
        input: Annotated[
            IntegrationUserSyncSaveInput,
            strawberry.argument(
                description="Whether the users sync is on, and how CRM users get their role."
            ),
        ],
    ) -> IntegrationUserSyncSavePayload:
        rules = [RoleRule(m.match.value, m.name, m.role) for m in input.role_mappings[:51]]
        result = await crm_users.save_settings(
            viewer_of(info), _service(info), crm_users.UserSyncSettings(input.enabled, rules)
        )
        if result.value is None:
            return payload(IntegrationUserSyncSavePayload, result, user_sync=None, run=None)
        run = result.value.run
        return IntegrationUserSyncSavePayload(
            user_sync=await _user_sync(result.value.integration),
            run=UserSyncRun.from_model(run) if run else None, errors=[],
        )  # fmt: skip

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Run the users sync now. Codes: NOT_CONNECTED, SYNC_NOT_CONFIGURED."
        ),
    )
    async def integration_user_sync_now(self, info: Info) -> IntegrationUserSyncNowPayload:
        result = await crm_users.sync_now(viewer_of(info), _service(info))
        return payload(IntegrationUserSyncNowPayload, result, UserSyncRun.from_model)

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description="Import chosen CRM users, each with a role. Users already imported stay "
        "as they are; beyond the plan's limit new users are INACTIVE.",
    )
    async def crm_users_import(
        self,
        info: Info,
        input: Annotated[
            CrmUsersImportInput,
            strawberry.argument(description="The CRM users to import and their roles."),
        ],
    ) -> CrmUsersImportPayload:
        choices = [crm_users.ImportChoice(c.crm_user_id.strip(), c.role) for c in input.users]
        result = await crm_users.import_users(viewer_of(info), _service(info), choices)
        counts = result.value
        return payload(
            CrmUsersImportPayload, result, lambda c: [User.from_model(u) for u in c.users],
            empty=[], created_active=counts.created_active if counts else 0,
            created_inactive=counts.created_inactive if counts else 0,
            linked=counts.linked if counts else 0, skipped=counts.skipped if counts else 0,
        )  # fmt: skip

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="Fetch a CRM search result into Spendsync as a linked customer (any member: "
        "it happens while choosing the customer of an expense). Choosing again returns the "
        "same customer.",
    )
    async def crm_customer_choose(
        self,
        info: Info,
        input: Annotated[
            CrmCustomerChooseInput,
            strawberry.argument(
                description="The CRM record picked from `crmSearchContacts` or `crmSearchAccounts`."
            ),
        ],
    ) -> CrmCustomerChoosePayload:
        result = await crm_search.choose(
            viewer_of(info), _service(info), input.module.value, input.crm_id
        )
        return payload(CrmCustomerChoosePayload, result, Customer.from_model)
