"""Integration settings (admin only). Resolvers delegate to the sync service."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

import strawberry

from gql.context import Info
from gql.errors import PublicError, UserError
from gql.integration.types import (
    ConflictPolicy,
    CrmCustomView,
    CustomerModule,
    DuplicatePolicy,
    Integration,
    SyncExtent,
    SyncRun,
)
from gql.payloads import payload
from gql.permissions import IsAdmin, viewer_of
from resolvers import integration
from resolvers.errors import Refused

if TYPE_CHECKING:
    from sync.service import SyncService


@strawberry.enum
class CrmViewModule(Enum):
    ACCOUNTS = "Accounts"
    CONTACTS = "Contacts"


@strawberry.input(description="A data centre (US, EU, IN, AU, JP, CN, CA, SA) or explicit URLs.")
class IntegrationConnectInput:
    client_id: str
    client_secret: str
    refresh_token: str
    data_centre: str | None = None
    accounts_url: str | None = None
    api_url: str | None = None


@strawberry.input
class IntegrationCustomerSettingsInput:
    customer_module: CustomerModule  # type: ignore[valid-type]
    extent: SyncExtent = SyncExtent.FETCH  # type: ignore[valid-type]
    duplicate_policy: DuplicatePolicy = DuplicatePolicy.SKIP  # type: ignore[valid-type]
    account_view_id: str | None = None
    contact_view_id: str | None = None
    include_orphan_contacts: bool = False
    sync_interval_hours: int = 24
    conflict_policy: ConflictPolicy = ConflictPolicy.CRM_WINS  # type: ignore[valid-type]
    picked_contact_ids: list[str] | None = strawberry.field(
        default=None, description="ACCOUNTS_AND_CONTACTS: only these CRM contacts (at most 100)."
    )
    sync_now: bool = strawberry.field(
        default=True, description='True: "Save and Sync"; false: "Save and Sync Later".'
    )


@strawberry.input
class FieldMappingInput:
    target: str = strawberry.field(
        description="A customer field (name, email, phone, website; contacts: first_name, "
        'last_name) or "custom:<apiName>".'
    )
    crm_field: str


@strawberry.input
class IntegrationFieldMappingInput:
    module: CrmViewModule
    mappings: list[FieldMappingInput] = strawberry.field(description="At most 100.")


@strawberry.type
class FieldMapping:
    target: str
    crm_field: str


@strawberry.type
class CrmFieldInfo:
    api_name: str
    label: str | None
    data_type: str


@strawberry.type(description="A customer field the CRM can fill.")
class CustomerFieldTarget:
    target: str = strawberry.field(description='A customer field or "custom:<apiName>".')
    label: str
    crm_types: list[str] = strawberry.field(description="The CRM data types that may fill it.")
    required: bool


@strawberry.type
class IntegrationPayload:
    integration: Integration | None
    errors: list[UserError]


@strawberry.type
class IntegrationSyncNowPayload:
    run: SyncRun | None
    errors: list[UserError]


def _service(info: Info) -> SyncService:
    service = info.context.sync
    if service is None:
        raise PublicError("The sync service is not running.", "SERVICE_UNAVAILABLE")
    return service


@strawberry.type
class IntegrationQueries:
    @strawberry.field(permission_classes=[IsAdmin])
    async def integration(self, info: Info) -> Integration:
        return Integration.from_model(await integration.get_integration(viewer_of(info)))

    @strawberry.field(permission_classes=[IsAdmin], description="Views to choose from.")
    async def integration_custom_views(
        self, info: Info, module: CrmViewModule
    ) -> list[CrmCustomView]:
        try:
            views = await integration.crm_custom_views(
                viewer_of(info), _service(info), module.value
            )
        except Refused as refused:
            raise PublicError.of(refused) from None
        return [
            CrmCustomView(id=v.id, name=v.name or v.id, module=module.value,
                          is_system=bool(v.system_name))
            for v in views
        ]  # fmt: skip


@strawberry.type
class IntegrationMappingQueries:
    @strawberry.field(permission_classes=[IsAdmin], description="In force (default until saved).")
    async def integration_field_mapping(
        self, info: Info, module: CrmViewModule
    ) -> list[FieldMapping]:
        current = await integration.field_mapping(viewer_of(info), module.value)
        return [FieldMapping(target=t, crm_field=c) for t, c in current.items()]

    @strawberry.field(
        permission_classes=[IsAdmin],
        description="What a mapping may fill: built-in customer fields, then custom fields.",
    )
    async def integration_field_targets(
        self, info: Info, module: CrmViewModule
    ) -> list[CustomerFieldTarget]:
        targets = await integration.field_targets(viewer_of(info), module.value)
        return [
            CustomerFieldTarget(target=t.target, label=t.label, crm_types=list(t.crm_types),
                                required=t.required)
            for t in targets
        ]  # fmt: skip

    @strawberry.field(permission_classes=[IsAdmin], description="The CRM's fields of a module.")
    async def integration_crm_fields(self, info: Info, module: CrmViewModule) -> list[CrmFieldInfo]:
        try:
            fields = await integration.crm_fields(viewer_of(info), _service(info), module.value)
        except Refused as refused:
            raise PublicError.of(refused) from None
        return [
            CrmFieldInfo(api_name=f.api_name, label=f.label, data_type=f.data_type) for f in fields
        ]


@strawberry.type
class IntegrationMutations:
    @strawberry.mutation(permission_classes=[IsAdmin])
    async def integration_field_mapping_save(
        self, info: Info, input: IntegrationFieldMappingInput
    ) -> IntegrationPayload:
        mapping = {m.target: m.crm_field for m in input.mappings[:101]}
        if len(input.mappings) > 100 or len(mapping) != len(input.mappings):
            raise PublicError("Give at most 100 mappings, one per target.", "BAD_MAPPING")
        result = await integration.save_field_mapping(
            viewer_of(info), _service(info), input.module.value, mapping
        )
        return payload(IntegrationPayload, result, Integration.from_model)

    @strawberry.mutation(
        permission_classes=[IsAdmin], description="Verified against the CRM before it is saved."
    )
    async def integration_connect(
        self, info: Info, input: IntegrationConnectInput
    ) -> IntegrationPayload:
        result = await integration.connect(
            viewer_of(info), _service(info),
            integration.ConnectData(
                client_id=input.client_id, client_secret=input.client_secret,
                refresh_token=input.refresh_token, data_centre=input.data_centre,
                accounts_url=input.accounts_url, api_url=input.api_url,
            ),
        )  # fmt: skip
        return payload(IntegrationPayload, result, Integration.from_model)

    @strawberry.mutation(permission_classes=[IsAdmin])
    async def integration_customer_settings_save(
        self, info: Info, input: IntegrationCustomerSettingsInput
    ) -> IntegrationPayload:
        data = integration.CustomerSettings(
            customer_module=input.customer_module, extent=input.extent,
            duplicate_policy=input.duplicate_policy, account_view_id=input.account_view_id,
            contact_view_id=input.contact_view_id,
            include_orphan_contacts=input.include_orphan_contacts,
            sync_interval_hours=input.sync_interval_hours, conflict_policy=input.conflict_policy,
            picked_contact_ids=input.picked_contact_ids,
        )  # fmt: skip
        result = await integration.save_customer_settings(
            viewer_of(info), _service(info), data, sync_now=input.sync_now
        )
        return payload(IntegrationPayload, result, Integration.from_model)

    @strawberry.mutation(permission_classes=[IsAdmin], description="Instant sync.")
    async def integration_sync_now(self, info: Info) -> IntegrationSyncNowPayload:
        result = await integration.sync_now(viewer_of(info), _service(info))
        return payload(IntegrationSyncNowPayload, result, SyncRun.from_model)
