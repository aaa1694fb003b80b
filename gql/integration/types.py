from __future__ import annotations

from datetime import datetime

import strawberry

from gql.context import Info
from gql.ids import encode_id
from gql.pagination import After, Connection, First, paginate
from gql.permissions import viewer_of
from orm import models
from resolvers import integration, lifecycle

IntegrationState = strawberry.enum(models.IntegrationState)
CustomerModule = strawberry.enum(models.CustomerModule, description="What becomes a customer.")
SyncExtent = strawberry.enum(models.SyncExtent)
DuplicatePolicy = strawberry.enum(models.DuplicatePolicy)
SyncStatus = strawberry.enum(models.SyncStatus)
ConflictPolicy = strawberry.enum(
    models.ConflictPolicy, description="Which side wins when both changed since the last sync."
)
PotentialsOption = strawberry.enum(
    lifecycle.PotentialsOption,
    description="Which potentials a user may pick for expenses and reports (admins: all).",
)


@strawberry.type
class CrmOrganization:
    id: str
    name: str | None
    base_currency: str | None
    multi_currency: bool


@strawberry.type
class SyncRecordError:
    module: str
    crm_id: str
    message: str


_READ_ORDER = {"Accounts": 0, "Contacts": 1, "Deals": 2}


@strawberry.type(description="How far a run has read one CRM module.")
class SyncStreamProgress:
    module: str = strawberry.field(description="Accounts, Contacts or Deals.")
    processed: int = strawberry.field(description="Records read so far.")
    estimated: int = strawberry.field(
        description="Records in the CRM (in the chosen view) when the run started."
    )


@strawberry.type
class SyncRun:
    id: strawberry.ID
    status: SyncStatus  # type: ignore[valid-type]
    trigger: str
    started_at: datetime | None
    finished_at: datetime | None
    processed: int
    estimated_total: int
    created: int
    updated: int
    cloned: int
    merged: int
    skipped: int
    deactivated: int
    failed: int
    pushed: int
    conflicts: int
    error_message: str
    _row: strawberry.Private[models.SyncRun]

    @classmethod
    def from_model(cls, row: models.SyncRun) -> SyncRun:
        return cls(
            id=encode_id("SyncRun", row.id), status=row.status, trigger=row.trigger,
            started_at=row.started_at, finished_at=row.finished_at, processed=row.processed,
            estimated_total=row.estimated_total, created=row.created, updated=row.updated,
            cloned=row.cloned, merged=row.merged, skipped=row.skipped,
            deactivated=row.deactivated, failed=row.failed, pushed=row.pushed,
            conflicts=row.conflicts, error_message=row.error_message,
            _row=row,
        )  # fmt: skip

    @strawberry.field(
        description="Progress per CRM module, in reading order (empty until the run has counted "
        "its records)."
    )
    def streams(self) -> list[SyncStreamProgress]:
        progress = self._row.stream_progress or {}
        return [
            SyncStreamProgress(
                module=module, processed=int(counts.get("processed", 0)),
                estimated=int(counts.get("estimated", 0)),
            )
            # PostgreSQL's jsonb keeps no key order: the streams' reading order is the plan's
            for module, counts in sorted(progress.items(), key=lambda i: _READ_ORDER.get(i[0], 9))
            if isinstance(counts, dict)
        ]  # fmt: skip

    @strawberry.field(description="Records that could not be synced, with the reason (first 100).")
    async def record_errors(self, info: Info) -> list[SyncRecordError]:
        rows = await info.context.loaders.record_errors_by_run_id.load(self._row.id)
        return [
            SyncRecordError(module=r["module"], crm_id=r["crm_id"], message=r["message"])
            for r in rows
        ]


@strawberry.type(description="The Zoho CRM integration. Secrets are never returned.")
class Integration:
    state: IntegrationState  # type: ignore[valid-type]
    data_centre: str | None
    accounts_url: str | None
    api_url: str | None
    client_id: str | None
    crm_organization: CrmOrganization | None
    customer_module: CustomerModule  # type: ignore[valid-type]
    extent: SyncExtent  # type: ignore[valid-type]
    duplicate_policy: DuplicatePolicy  # type: ignore[valid-type]
    conflict_policy: ConflictPolicy  # type: ignore[valid-type]
    account_view_id: str | None
    contact_view_id: str | None
    include_orphan_contacts: bool
    picked_contact_ids: list[str] | None
    customers_configured: bool
    sync_interval_hours: int
    last_sync_at: datetime | None
    next_sync_at: datetime | None
    _row: strawberry.Private[models.Integration]

    @classmethod
    def from_model(cls, row: models.Integration) -> Integration:
        crm_org = None
        if row.crm_org_id:
            crm_org = CrmOrganization(
                id=row.crm_org_id, name=row.crm_org_name, base_currency=row.crm_currency,
                multi_currency=row.crm_multi_currency,
            )  # fmt: skip
        return cls(
            state=row.state, data_centre=row.data_centre, accounts_url=row.accounts_url,
            api_url=row.api_url, client_id=row.client_id or None, crm_organization=crm_org,
            customer_module=row.customer_module, extent=row.extent,
            duplicate_policy=row.duplicate_policy, conflict_policy=row.conflict_policy,
            account_view_id=row.account_view_id,
            contact_view_id=row.contact_view_id,
            include_orphan_contacts=row.include_orphan_contacts,
            picked_contact_ids=row.picked_contact_ids,
            customers_configured=row.customers_configured,
            sync_interval_hours=row.sync_interval_hours, last_sync_at=row.last_sync_at,
            next_sync_at=row.next_sync_at, _row=row,
        )  # fmt: skip

    @strawberry.field(description="The CRM tab's Expenses and Expense Reports modules.")
    def sync_modules(self) -> bool:
        return self._row.sync_modules

    @strawberry.field(description="Near-real-time sync through the CRM's notifications.")
    def real_time_sync(self) -> bool:
        return self._row.real_time_sync

    @strawberry.field
    async def potentials_option(self, info: Info) -> PotentialsOption:  # type: ignore[valid-type]
        org = await info.context.loaders.organization_by_id.load(self._row.org_id)
        assert org is not None
        return lifecycle.potentials_option(org)

    @strawberry.field
    async def runs(
        self, info: Info, first: First = None, after: After = None
    ) -> Connection[SyncRun]:
        query = integration.list_runs(viewer_of(info))
        return await paginate(query, SyncRun.from_model, first=first, after=after)


@strawberry.type
class CrmCustomView:
    id: str
    name: str
    module: str
    is_system: bool
