from __future__ import annotations

from datetime import datetime

import strawberry

from gql.context import Info
from gql.enums import described_enum
from gql.ids import encode_id
from gql.node import Node
from gql.pagination import After, Connection, First, paginate
from gql.permissions import viewer_of
from orm import models
from resolvers import integration, lifecycle

IntegrationState = described_enum(
    models.IntegrationState,
    description="Whether Zoho CRM is connected and syncing.",
    values={
        "NOT_CONNECTED": "No CRM connected.",
        "CONNECTED": "Connected; syncs run.",
        "DISABLED": "Connected but paused by an admin: no sync runs, data stays.",
    },
)
CustomerModule = described_enum(
    models.CustomerModule,
    description="What becomes a customer.",
    values={
        "ACCOUNTS": "Each CRM account becomes a BUSINESS customer.",
        "CONTACTS": "Each CRM contact becomes an INDIVIDUAL customer.",
        "ACCOUNTS_AND_CONTACTS": (
            "Accounts become customers; their contacts become its contact persons."
        ),
    },
)
SyncExtent = described_enum(
    models.SyncExtent,
    description="Which way the customer sync goes.",
    values={
        "FETCH": "Zoho CRM to Spendsync only.",
        "TWO_WAY": "Also pushes customers created in Spendsync to the CRM.",
    },
)
DuplicatePolicy = described_enum(
    models.DuplicatePolicy,
    description=(
        "What happens when a CRM record matches an existing customer (by name or e-mail)."
    ),
    values={
        "CLONE": "Create a new customer beside it.",
        "OVERWRITE": "Update and link the existing customer; merge duplicates into the oldest.",
        "SKIP": "Leave the existing customer; do not link or push it.",
    },
)
SyncStatus = described_enum(
    models.SyncStatus,
    description="Where a sync run is.",
    values={
        "QUEUED": "Waiting for a worker.",
        "RUNNING": "Reading and applying records.",
        "SUCCEEDED": "Done (some records may have failed; see `failed`).",
        "FAILED": "Stopped; see `errorMessage`.",
        "CANCELLED": "Stopped before the end (e.g. the integration was disabled).",
    },
)
ConflictPolicy = described_enum(
    models.ConflictPolicy,
    description="Which side wins when both changed since the last sync.",
    values={
        "CRM_WINS": "The CRM's version is kept.",
        "SPENDSYNC_WINS": "Spendsync's version is kept and pushed to the CRM.",
    },
)
PotentialsOption = described_enum(
    lifecycle.PotentialsOption,
    description="Which potentials a user may pick for expenses and reports (admins: all).",
    values={
        "ONLY_USERS_POTENTIALS": "A user may pick only potentials (deals) they own in the CRM.",
        "ALL_POTENTIALS": "A user may pick any open potential.",
    },
)


@strawberry.type(description="The Zoho CRM organisation the integration is connected to.")
class CrmOrganization:
    id: str = strawberry.field(description="The CRM organisation's id.")
    name: str | None = strawberry.field(description="The CRM organisation's name.")
    base_currency: str | None = strawberry.field(
        description=(
            "The CRM's home currency (ISO 4217); must equal the organisation's base currency."
        )
    )
    multi_currency: bool = strawberry.field(description="Whether the CRM has multi-currency on.")


@strawberry.type(description="A CRM record a sync run could not apply, and why.")
class SyncRecordError:
    module: str = strawberry.field(description="The CRM module: Accounts, Contacts or Deals.")
    crm_id: str = strawberry.field(description="The record's id in Zoho CRM.")
    message: str = strawberry.field(
        description="Why it was not synced (or how it was merged or skipped)."
    )


_READ_ORDER = {"Accounts": 0, "Contacts": 1, "Deals": 2}


@strawberry.type(description="How far a run has read one CRM module.")
class SyncStreamProgress:
    module: str = strawberry.field(description="Accounts, Contacts or Deals.")
    processed: int = strawberry.field(description="Records read so far.")
    estimated: int = strawberry.field(
        description="Records in the CRM (in the chosen view) when the run started."
    )


@strawberry.type(
    description=(
        "One customer sync between Zoho CRM and Spendsync: accounts, contacts "
        "and deals (potentials)."
    )
)
class SyncRun(Node):
    id: strawberry.ID = strawberry.field(description="Opaque id of the run.")
    status: SyncStatus = strawberry.field(description="Where the run is.")  # type: ignore[valid-type]
    trigger: str = strawberry.field(
        description=(
            "What started it: INITIAL (first sync), SCHEDULED, MANUAL "
            "(`integrationSyncNow`) or CALLBACK (real-time sync)."
        )
    )
    started_at: datetime | None = strawberry.field(
        description="When it started; null while queued."
    )
    finished_at: datetime | None = strawberry.field(
        description="When it ended; null while queued or running."
    )
    processed: int = strawberry.field(description="CRM records read so far.")
    estimated_total: int = strawberry.field(
        description="CRM records to read, counted when the run started."
    )
    created: int = strawberry.field(description="Customers and potentials created.")
    updated: int = strawberry.field(description="Customers and potentials updated.")
    cloned: int = strawberry.field(
        description="Duplicates created beside an existing customer (duplicate policy CLONE)."
    )
    merged: int = strawberry.field(
        description="Duplicates merged into one customer (duplicate policy OVERWRITE)."
    )
    skipped: int = strawberry.field(
        description="CRM records left out (duplicates under SKIP, contacts outside the views)."
    )
    deactivated: int = strawberry.field(
        description="Customers and potentials made inactive because deleted in the CRM."
    )
    failed: int = strawberry.field(
        description="Records that could not be synced (see `recordErrors`)."
    )
    pushed: int = strawberry.field(description="Customers sent to the CRM (extent TWO_WAY).")
    conflicts: int = strawberry.field(
        description=(
            "Records changed on both sides since the last sync, settled by the conflict policy."
        )
    )
    error_message: str = strawberry.field(description="Why the run failed; empty otherwise.")
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
    state: IntegrationState = strawberry.field(  # type: ignore[valid-type]
        description="Whether the CRM is connected, and whether the sync runs."
    )
    data_centre: str | None = strawberry.field(
        description="Zoho data centre (US, EU, IN, AU, JP, CN, CA, SA); null with explicit URLs."
    )
    accounts_url: str | None = strawberry.field(
        description="Zoho Accounts (OAuth) base URL in use."
    )
    api_url: str | None = strawberry.field(description="Zoho CRM API base URL in use.")
    client_id: str | None = strawberry.field(
        description="The OAuth client id (the secret and refresh token are never returned)."
    )
    crm_organization: CrmOrganization | None = strawberry.field(
        description="The connected CRM organisation; null before connecting."
    )
    customer_module: CustomerModule = strawberry.field(  # type: ignore[valid-type]
        description="What becomes a customer: accounts, contacts or both."
    )
    extent: SyncExtent = strawberry.field(  # type: ignore[valid-type]
        description=(
            "FETCH (CRM to Spendsync) or TWO_WAY (customers created in Spendsync "
            "are pushed to the CRM too)."
        )
    )
    duplicate_policy: DuplicatePolicy = strawberry.field(  # type: ignore[valid-type]
        description="What happens when a CRM record matches an existing customer."
    )
    conflict_policy: ConflictPolicy = strawberry.field(  # type: ignore[valid-type]
        description="TWO_WAY: which side wins a conflicting change."
    )
    account_view_id: str | None = strawberry.field(
        description="CRM custom view whose accounts sync; null for all."
    )
    contact_view_id: str | None = strawberry.field(
        description="CRM custom view whose contacts sync; null for all."
    )
    include_orphan_contacts: bool = strawberry.field(
        description=(
            "ACCOUNTS_AND_CONTACTS: contacts without an account become INDIVIDUAL customers."
        )
    )
    picked_contact_ids: list[str] | None = strawberry.field(
        description="ACCOUNTS_AND_CONTACTS: only these CRM contacts sync; null for all."
    )
    customers_configured: bool = strawberry.field(
        description="Whether the customer sync settings were saved at least once."
    )
    sync_interval_hours: int = strawberry.field(
        description="Hours between scheduled syncs (24 by default)."
    )
    last_sync_at: datetime | None = strawberry.field(
        description="When the last run finished (ISO 8601 date-time, UTC); null before the first."
    )
    next_sync_at: datetime | None = strawberry.field(
        description="When the next scheduled run is due; null when none is scheduled."
    )
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

    @strawberry.field(description="Which potentials users may pick for expenses and reports.")
    async def potentials_option(self, info: Info) -> PotentialsOption:  # type: ignore[valid-type]
        org = await info.context.loaders.organization_by_id.load(self._row.org_id)
        assert org is not None
        return lifecycle.potentials_option(org)

    @strawberry.field(description="The customer sync runs, newest first.")
    async def runs(
        self, info: Info, first: First = None, after: After = None
    ) -> Connection[SyncRun]:
        query = integration.list_runs(viewer_of(info))
        return await paginate(query, SyncRun.from_model, first=first, after=after)


@strawberry.type(description="A Zoho CRM custom view (a saved filter) of accounts or contacts.")
class CrmCustomView:
    id: str = strawberry.field(description="The view's id in the CRM.")
    name: str = strawberry.field(description="The view's name.")
    module: str = strawberry.field(description="Accounts or Contacts.")
    is_system: bool = strawberry.field(
        description="Whether the CRM made it (e.g. All Accounts) rather than a user."
    )
