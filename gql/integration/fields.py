"""Integration settings (admin only). Resolvers delegate to the sync service."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry

from gql.context import Info
from gql.enums import described_enum
from gql.errors import PublicError, UserError, errors_field
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


class CrmViewModule(Enum):
    ACCOUNTS = "Accounts"
    CONTACTS = "Contacts"


described_enum(
    CrmViewModule,
    description="A Zoho CRM module whose records can become customers.",
    values={
        "ACCOUNTS": "Accounts: companies.",
        "CONTACTS": "Contacts: people.",
    },
)


@strawberry.input(description="A data centre (US, EU, IN, AU, JP, CN, CA, SA) or explicit URLs.")
class IntegrationConnectInput:
    client_id: str = strawberry.field(
        description="OAuth client id of the Zoho API console's self client."
    )
    client_secret: str = strawberry.field(
        description="OAuth client secret; stored, never returned."
    )
    refresh_token: str = strawberry.field(
        description="OAuth refresh token with the CRM scopes; stored, never returned."
    )
    data_centre: str | None = strawberry.field(
        default=None, description="Zoho data centre: US, EU, IN, AU, JP, CN, CA or SA."
    )
    accounts_url: str | None = strawberry.field(
        default=None, description="Zoho Accounts base URL, instead of a data centre."
    )
    api_url: str | None = strawberry.field(
        default=None, description="Zoho CRM API base URL, instead of a data centre."
    )


@strawberry.input(description="What the customer sync brings from Zoho CRM, and how.")
class IntegrationCustomerSettingsInput:
    customer_module: CustomerModule = strawberry.field(  # type: ignore[valid-type]
        description="What becomes a customer: accounts, contacts or both."
    )
    extent: SyncExtent = strawberry.field(  # type: ignore[valid-type]
        default=SyncExtent.FETCH,
        description="FETCH by default; TWO_WAY also pushes new customers to the CRM.",
    )
    duplicate_policy: DuplicatePolicy = strawberry.field(  # type: ignore[valid-type]
        default=DuplicatePolicy.SKIP,
        description=(
            "SKIP by default; what happens when a CRM record matches an existing customer."
        ),
    )
    account_view_id: str | None = strawberry.field(
        default=None, description="CRM custom view whose accounts sync; null for all."
    )
    contact_view_id: str | None = strawberry.field(
        default=None, description="CRM custom view whose contacts sync; null for all."
    )
    include_orphan_contacts: bool = strawberry.field(
        default=False,
        description=(
            "ACCOUNTS_AND_CONTACTS: contacts without an account become INDIVIDUAL customers."
        ),
    )
    sync_interval_hours: int = strawberry.field(
        default=24, description="Hours between scheduled syncs (24 by default)."
    )
    conflict_policy: ConflictPolicy = strawberry.field(  # type: ignore[valid-type]
        default=ConflictPolicy.CRM_WINS,
        description="TWO_WAY: which side wins a conflicting change (CRM_WINS by default).",
    )
    picked_contact_ids: list[str] | None = strawberry.field(
        default=None, description="ACCOUNTS_AND_CONTACTS: only these CRM contacts (at most 100)."
    )
    sync_now: bool = strawberry.field(
        default=True, description='True: "Save and Sync"; false: "Save and Sync Later".'
    )


@strawberry.input(description="One CRM field filling one customer field.")
class FieldMappingInput:
    target: str = strawberry.field(
        description="A customer field (name, email, phone, website; contacts: first_name, "
        'last_name) or "custom:<apiName>".'
    )
    crm_field: str = strawberry.field(
        description="The CRM field's API name (see `integrationCrmFields`)."
    )


@strawberry.input(description="The field mapping of one CRM module.")
class IntegrationFieldMappingInput:
    module: CrmViewModule = strawberry.field(description="Accounts or Contacts.")
    mappings: list[FieldMappingInput] = strawberry.field(description="At most 100.")


@strawberry.type(description="One CRM field filling one customer field.")
class FieldMapping:
    target: str = strawberry.field(description='A customer field or "custom:<apiName>".')
    crm_field: str = strawberry.field(description="The CRM field's API name.")


@strawberry.type(description="A field of a Zoho CRM module.")
class CrmFieldInfo:
    api_name: str = strawberry.field(description="The field's API name.")
    label: str | None = strawberry.field(description="The field's label in the CRM.")
    data_type: str = strawberry.field(
        description="The CRM data type (text, email, phone, picklist, ...)."
    )


@strawberry.type(description="A customer field the CRM can fill.")
class CustomerFieldTarget:
    target: str = strawberry.field(description='A customer field or "custom:<apiName>".')
    label: str = strawberry.field(description="The field's label.")
    crm_types: list[str] = strawberry.field(description="The CRM data types that may fill it.")
    required: bool = strawberry.field(
        description=(
            "Whether a customer needs a value (mapping it from an optional CRM "
            "field may leave it empty)."
        )
    )


@strawberry.type(description="Result of a mutation that changes the CRM integration.")
class IntegrationPayload:
    integration: Integration | None = strawberry.field(
        description="The integration as saved; null when refused."
    )
    errors: list[UserError] = errors_field()


@strawberry.type(description="Result of `integrationSyncNow`.")
class IntegrationSyncNowPayload:
    run: SyncRun | None = strawberry.field(description="The queued run; null when refused.")
    errors: list[UserError] = errors_field()


def _service(info: Info) -> SyncService:
    service = info.context.sync
    if service is None:
        raise PublicError("The sync service is not running.", "SERVICE_UNAVAILABLE")
    return service


@strawberry.type
class IntegrationQueries:
    @strawberry.field(
        permission_classes=[IsAdmin],
        description="Admins only. The Zoho CRM integration and its sync settings.",
    )
    async def integration(self, info: Info) -> Integration:
        return Integration.from_model(await integration.get_integration(viewer_of(info)))

    @strawberry.field(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. The CRM's custom views of a module, to choose which records sync."
        ),
    )
    async def integration_custom_views(
        self,
        info: Info,
        module: Annotated[CrmViewModule, strawberry.argument(description="Accounts or Contacts.")],
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
    @strawberry.field(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. The field mapping in force for a module (the default until one is saved)."
        ),
    )
    async def integration_field_mapping(
        self,
        info: Info,
        module: Annotated[CrmViewModule, strawberry.argument(description="Accounts or Contacts.")],
    ) -> list[FieldMapping]:
        current = await integration.field_mapping(viewer_of(info), module.value)
        return [FieldMapping(target=t, crm_field=c) for t, c in current.items()]

    @strawberry.field(
        permission_classes=[IsAdmin],
        description="What a mapping may fill: built-in customer fields, then custom fields.",
    )
    async def integration_field_targets(
        self,
        info: Info,
        module: Annotated[CrmViewModule, strawberry.argument(description="Accounts or Contacts.")],
    ) -> list[CustomerFieldTarget]:
        targets = await integration.field_targets(viewer_of(info), module.value)
        return [
            CustomerFieldTarget(target=t.target, label=t.label, crm_types=list(t.crm_types),
                                required=t.required)
            for t in targets
        ]  # fmt: skip

    @strawberry.field(
        permission_classes=[IsAdmin],
        description="Admins only. The fields of a CRM module, as the CRM lists them.",
    )
    async def integration_crm_fields(
        self,
        info: Info,
        module: Annotated[CrmViewModule, strawberry.argument(description="Accounts or Contacts.")],
    ) -> list[CrmFieldInfo]:
        try:
            fields = await integration.crm_fields(viewer_of(info), _service(info), module.value)
        except Refused as refused:
            raise PublicError.of(refused) from None
        return [
            CrmFieldInfo(api_name=f.api_name, label=f.label, data_type=f.data_type) for f in fields
        ]


@strawberry.type
class IntegrationMutations:
    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Which CRM field fills which customer field. Codes: "
            "NOT_CONNECTED, INVALID, INCOMPATIBLE_FIELD_TYPE, CRM_UNREACHABLE."
        ),
    )
    async def integration_field_mapping_save(
        self,
        info: Info,
        input: Annotated[
            IntegrationFieldMappingInput,
            strawberry.argument(
                description="The module and its mappings (replace the saved ones)."
            ),
        ],
    ) -> IntegrationPayload:
        mapping = {m.target: m.crm_field for m in input.mappings[:101]}
        if len(input.mappings) > 100 or len(mapping) != len(input.mappings):
            raise PublicError("Give at most 100 mappings, one per target.", "BAD_MAPPING")
        result = await integration.save_field_mapping(
            viewer_of(info), _service(info), input.module.value, mapping
        )
        return payload(IntegrationPayload, result, Integration.from_model)

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Connect Zoho CRM with OAuth credentials, "
            "verified against the CRM before they are saved. Codes: "
            "REQUIRED, INVALID, CRM_REJECTED, CRM_UNREACHABLE."
        ),
    )
    async def integration_connect(
        self,
        info: Info,
        input: Annotated[
            IntegrationConnectInput,
            strawberry.argument(description="OAuth credentials and where the CRM is."),
        ],
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

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Choose what the customer sync brings; with `syncNow` the "
            "first sync starts. Codes: NOT_CONNECTED, CURRENCY_MISMATCH, INVALID, "
            "NOT_FOUND."
        ),
    )
    async def integration_customer_settings_save(
        self,
        info: Info,
        input: Annotated[
            IntegrationCustomerSettingsInput,
            strawberry.argument(description="The customer sync settings."),
        ],
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

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Queue a customer sync now. Codes: "
            "NOT_CONNECTED, INTEGRATION_DISABLED, SYNC_NOT_CONFIGURED."
        ),
    )
    async def integration_sync_now(self, info: Info) -> IntegrationSyncNowPayload:
        result = await integration.sync_now(viewer_of(info), _service(info))
        return payload(IntegrationSyncNowPayload, result, SyncRun.from_model)
