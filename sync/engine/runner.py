"""One sync run: the streams of the integration's settings, page by page.

Each page's rows, the run's counters and the stream's bookmark commit in ONE transaction, so a
crash replays at most one page and never skips one. No CRM request happens inside a
transaction. The bookmark never passes the signpost (the run's start time): records changed
while the run reads are read again next time. A stream read through a CRM view cannot be sorted
(Zoho refuses ``cvid`` with ``sort_by``), so its bookmark moves only when it is complete.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Coroutine, Sequence
from contextlib import aclosing
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from orm import models
from sync.crm.dto import CrmRecord, parse_datetime
from sync.crm.protocol import CrmClient
from sync.engine import fieldmap, local, mapping, windows
from sync.engine.push import Pusher
from sync.engine.windows import Window

Kind = str  # "account" | "contact" | "deal"
# A record can escape an incremental read: page numbers are offsets, and a record deleted or
# edited in the CRM during a read shifts the later ones back by one. Every so often a run
# ignores the bookmarks and reads everything (upserts make it harmless).
FULL_READ_EVERY = timedelta(days=7)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Stream:
    module: str
    kind: Kind
    fields: tuple[str, ...]
    cvid: str | None = None

    @property
    def cursor_key(self) -> str:
        return f"{self.module}:{self.cvid}" if self.cvid else self.module


@dataclass(slots=True)
class _StreamRead:
    """What the windows of one stream share while they are read."""

    stream: Stream
    signpost: datetime
    since: datetime | None
    index: local.DuplicateIndex
    frontier: windows.Frontier | None
    twins: local.TwinIndex | None = None
    # Pages of one stream are written one at a time (the duplicate index and the bookmark
    # frontier are shared by its windows).
    writing: asyncio.Lock = field(default_factory=asyncio.Lock)


@dataclass(slots=True)
class _Mapped:
    """One page mapped to rows, before it is written."""

    tally: local.Tally = field(default_factory=local.Tally)
    failures: list[tuple[str, str]] = field(default_factory=list)
    customers: list[local.CustomerItem] = field(default_factory=list)
    persons: list[tuple[str, str, mapping.PersonValues]] = field(default_factory=list)
    deals: list[tuple[str, mapping.DealValues]] = field(default_factory=list)


def field_maps(integration: models.Integration) -> dict[str, dict[str, str]]:
    return {
        "Accounts": fieldmap.effective("Accounts", integration.account_field_map),
        "Contacts": fieldmap.effective("Contacts", integration.contact_field_map),
    }


def plan(integration: models.Integration) -> list[Stream]:
    module = integration.customer_module
    maps = field_maps(integration)
    streams = []
    if module in (models.CustomerModule.ACCOUNTS, models.CustomerModule.ACCOUNTS_AND_CONTACTS):
        fields = fieldmap.request_fields("Accounts", maps["Accounts"])
        streams.append(Stream("Accounts", "account", fields, integration.account_view_id))
    if module in (models.CustomerModule.CONTACTS, models.CustomerModule.ACCOUNTS_AND_CONTACTS):
        fields = fieldmap.request_fields("Contacts", maps["Contacts"])
        streams.append(Stream("Contacts", "contact", fields, integration.contact_view_id))
    streams.append(Stream("Deals", "deal", mapping.DEAL_FIELDS))
    return streams


def _utc_now() -> datetime:
    return datetime.now(UTC)


async def _read_ahead(pages: AsyncIterator[T]) -> AsyncGenerator[T, None]:
    """Ask for the next page while the caller writes this one: latency and writes overlap.
    Pages still reach the caller in order, so bookmarks move exactly as without it."""
    iterator = aiter(pages)
    pending: asyncio.Future[T] = asyncio.ensure_future(anext(iterator))
    try:
        while True:
            try:
                page = await pending
            except StopAsyncIteration:
                return
            pending = asyncio.ensure_future(anext(iterator))
            yield page
    finally:
        if not pending.done():
            pending.cancel()
            await asyncio.gather(pending, return_exceptions=True)


async def _together(*work: Coroutine[Any, Any, None]) -> None:
    """Run side by side; the first failure cancels the rest and is raised as itself (not as an
    exception group), so callers handle CRM errors as usual."""
    try:
        async with asyncio.TaskGroup() as group:
            for item in work:
                group.create_task(item)
    except ExceptionGroup as failure:
        first: BaseException = failure
        while isinstance(first, BaseExceptionGroup):
            first = first.exceptions[0]
        raise first from None


class SyncEngine:
    def __init__(
        self,
        client: CrmClient,
        integration: models.Integration,
        run: models.SyncRun,
        *,
        now: Callable[[], datetime] = _utc_now,
        modules: frozenset[str] | None = None,
    ) -> None:
        """``modules``: read only these CRM modules' streams, from their bookmarks (a
        near-real-time callback); None reads every stream of the settings."""
        self.client = client
        self.modules = modules
        self.integration = integration
        self.run = run
        self.now = now
        self.org_id = integration.org_id
        self.forecast: dict[str, str] = {}
        self.full_read = False
        self.totals: dict[str, int] = {}
        self.maps = field_maps(integration)
        picked = integration.picked_contact_ids
        self.picked: frozenset[str] | None = frozenset(picked) if picked else None
        self.custom_types: dict[str, models.CustomFieldType] = {}
        self.currency = integration.crm_currency or "USD"
        # the fastest CRM answer seen (seconds): whether windows can hide any latency
        self.round_trip = math.inf

    async def execute(self) -> None:
        signpost = self.now()
        last_full = self.integration.last_full_read_at
        self.full_read = last_full is None or signpost - last_full >= FULL_READ_EVERY
        streams = plan(self.integration)
        if self.modules is not None:
            self.full_read = False
            streams = [s for s in streams if s.module in self.modules]
        for stream in streams:
            asked = time.perf_counter()
            self.totals[stream.cursor_key] = await self.client.count(
                stream.module, cvid=stream.cvid
            )
            self.round_trip = min(self.round_trip, time.perf_counter() - asked)
        await models.SyncRun.filter(id=self.run.id).update(
            estimated_total=sum(self.totals.values())
        )
        self.forecast = await self._stage_forecast()
        self.custom_types = {
            f.api_name: f.data_type for f in await models.CustomField.filter(org_id=self.org_id)
        }
        if not self.integration.crm_currency:
            self.currency = (await models.Organization.get(id=self.org_id)).base_currency
        customer_streams = [s for s in streams if s.kind != "deal"]
        deal_streams = [s for s in streams if s.kind == "deal"]

        async def in_order(chain: list[Stream]) -> None:
            for stream in chain:  # contacts after accounts: persons need their account
                await self._read(stream, signpost)

        # Each page_token chain is sequential; customers and deals are read side by side.
        await _together(in_order(customer_streams), in_order(deal_streams))
        await local.relink_potentials(self.org_id)
        if self._accounts_view(streams):
            tally = local.Tally()
            await local.drop_potentials_outside(self.org_id, tally)
            async with in_transaction() as conn:
                await self._count(conn, tally)
        await _together(
            *(
                self._read_deleted(module, signpost)
                for module in dict.fromkeys(s.module for s in streams)
            )
        )
        if self.full_read:
            await models.Integration.filter(id=self.integration.id).update(
                last_full_read_at=signpost
            )
        if self.integration.extent is models.SyncExtent.TWO_WAY:
            await Pusher(self.client, self.integration, self.run).execute()

    def _accounts_view(self, streams: list[Stream]) -> bool:
        """This run read accounts through a view (and deals): a deal follows its account, so
        deals of accounts outside the view are not kept."""
        return any(s.kind == "deal" for s in streams) and any(
            s.kind == "account" and s.cvid for s in streams
        )

    async def _stage_forecast(self) -> dict[str, str]:
        """Stage → forecast type ("Open", "Closed Won", "Closed Lost") from the fields metadata."""
        forecast: dict[str, str] = {}
        for crm_field in await self.client.list_fields("Deals"):
            if crm_field.api_name != "Stage":
                continue
            values = crm_field.raw.get("pick_list_values")
            for value in values if isinstance(values, list) else []:
                if isinstance(value, dict) and value.get("actual_value"):
                    forecast[str(value["actual_value"])] = str(value.get("forecast_type") or "Open")
        return forecast

    async def _cursor(self, key: str) -> datetime | None:
        if self.full_read and not key.startswith("deleted:"):
            return None
        cursor = await models.SyncCursor.get_or_none(org_id=self.org_id, stream=key)
        return cursor.modified_since if cursor else None

    async def _save_cursor(self, conn: BaseDBAsyncClient, key: str, moment: datetime) -> None:
        updated = (
            await models.SyncCursor.filter(org_id=self.org_id, stream=key)
            .using_db(conn)
            .update(modified_since=moment)
        )
        if not updated:
            await models.SyncCursor.create(
                org_id=self.org_id, stream=key, modified_since=moment, using_db=conn
            )

    async def _read(self, stream: Stream, signpost: datetime) -> None:
        since = await self._cursor(stream.cursor_key)
        sorted_stream = stream.cvid is None
        parts: Sequence[Window] = windows.WHOLE
        if sorted_stream and since is None:
            total = self.totals.get(stream.cursor_key, 0)
            parts = await windows.split(
                self.client, stream.module, total, self.client.max_in_flight, self.round_trip
            )
        kind = (
            models.CustomerType.BUSINESS
            if stream.kind == "account"
            else models.CustomerType.INDIVIDUAL
        )
        crm_module = (
            models.CrmModule.ACCOUNTS if stream.kind == "account" else models.CrmModule.CONTACTS
        )
        twins = (
            await local.TwinIndex.load(self.org_id, crm_module)
            if self.integration.duplicate_policy is models.DuplicatePolicy.OVERWRITE
            and self._makes_customers(stream)
            else None
        )
        reading = _StreamRead(
            stream, signpost, since, await local.DuplicateIndex.load(self.org_id, kind),
            windows.Frontier(parts) if sorted_stream else None, twins,
        )  # fmt: skip
        await _together(*(self._read_window(reading, i, w) for i, w in enumerate(parts)))
        async with in_transaction() as conn:
            await self._save_cursor(conn, stream.cursor_key, signpost)

    def _makes_customers(self, stream: Stream) -> bool:
        """Accounts always; contacts in CONTACTS mode or as orphan contacts."""
        integration = self.integration
        return (
            stream.kind == "account"
            or integration.customer_module is models.CustomerModule.CONTACTS
            or integration.include_orphan_contacts
        )

    async def _read_window(self, reading: _StreamRead, position: int, window: Window) -> None:
        """One window's page chain, in ``Modified_Time`` order; records outside the window
        belong to a neighbour and are left to it."""
        stream = reading.stream
        sorted_stream = stream.cvid is None
        pages = self.client.iter_pages(
            stream.module, stream.fields,
            sort_by="Modified_Time" if sorted_stream else None,
            sort_order="asc" if sorted_stream else None,
            cvid=stream.cvid,
            modified_since=reading.since if window.lower is None else window.since,
        )  # fmt: skip
        async with aclosing(_read_ahead(pages)) as ahead:
            async for page in ahead:
                if page.not_modified or not page.records:
                    continue
                records = tuple(r for r in page.records if window.holds(r.modified_time))
                if records:
                    # mapping is pure CPU: done before queueing for the stream's writes, so it
                    # overlaps another window's database work
                    mapped = self._map(reading.stream, records)
                    async with reading.writing:
                        await self._apply_page(reading, position, records, mapped)
                upper = window.upper
                if upper is not None and any(
                    r.modified_time is not None and r.modified_time >= upper for r in page.records
                ):
                    break
        if reading.frontier is not None:
            reading.frontier.finish(position)

    def _map(self, stream: Stream, records: tuple[CrmRecord, ...]) -> _Mapped:
        """A page's records as rows to write (pure: no I/O)."""
        integration = self.integration
        mapped = _Mapped()
        tally, failures = mapped.tally, mapped.failures
        customers, persons, deals = mapped.customers, mapped.persons, mapped.deals
        accounts_map, contacts_map = self.maps["Accounts"], self.maps["Contacts"]
        for record in records:
            try:
                if stream.kind == "account":
                    customers.append(local.CustomerItem(
                        record.id, mapping.account_values(record, accounts_map),
                        record.modified_time,
                        mapping.custom_values(record, accounts_map, self.custom_types),
                        parse_datetime(record.get("Created_Time")),
                    ))  # fmt: skip
                elif stream.kind == "deal":
                    deals.append(
                        (record.id, mapping.deal_values(record, self.forecast, self.currency))
                    )
                elif integration.customer_module is models.CustomerModule.CONTACTS or (
                    mapping.lookup_id(record.get("Account_Name")) is None
                    and integration.include_orphan_contacts
                ):
                    customers.append(local.CustomerItem(
                        record.id, mapping.contact_values(record, contacts_map),
                        record.modified_time,
                        mapping.custom_values(record, contacts_map, self.custom_types),
                        parse_datetime(record.get("Created_Time")),
                    ))  # fmt: skip
                elif (account_id := mapping.lookup_id(record.get("Account_Name"))) is not None:
                    if self.picked is not None and record.id not in self.picked:
                        tally.add("skipped")  # not among the hand-picked contacts
                        continue
                    persons.append(
                        (record.id, account_id, mapping.person_values(record, contacts_map))
                    )
                else:
                    tally.add("skipped")
            except mapping.MappingError as exc:
                failures.append((record.id, str(exc)))
        return mapped

    async def _apply_page(
        self,
        reading: _StreamRead,
        position: int,
        records: tuple[CrmRecord, ...],
        mapped: _Mapped,
    ) -> None:
        """Write the mapped page, its counters and the bookmark in one transaction."""
        stream, index, frontier = reading.stream, reading.index, reading.frontier
        integration = self.integration
        tally, failures = mapped.tally, mapped.failures
        customers, persons, deals = mapped.customers, mapped.persons, mapped.deals
        module = (
            models.CrmModule.ACCOUNTS if stream.kind == "account" else models.CrmModule.CONTACTS
        )
        notes: list[tuple[str, str]] = []
        async with in_transaction() as conn:
            conflicts = await local.write_customers(
                conn, self.org_id, module, customers, integration.duplicate_policy, index, tally,
                integration.conflict_policy, reading.twins, notes,
            )  # fmt: skip
            winner = (
                "the CRM's"
                if integration.conflict_policy is models.ConflictPolicy.CRM_WINS
                else "Spendsync's"
            )
            failures += [
                (crm_id, f"CONFLICT: changed in both places; {winner} version kept")
                for crm_id in conflicts
            ]
            await local.write_persons(conn, self.org_id, persons, tally)
            await local.write_potentials(conn, self.org_id, deals, tally)
            for crm_id, message in failures:
                await models.SyncRecordError.create(
                    org_id=self.org_id, run_id=self.run.id, module=stream.module, crm_id=crm_id,
                    message=message, using_db=conn,
                )  # fmt: skip
            tally.add("failed", len(failures) - len(conflicts))
            for crm_id, message in notes:  # merges: recorded, not failures
                await models.SyncRecordError.create(
                    org_id=self.org_id, run_id=self.run.id, module=stream.module, crm_id=crm_id,
                    message=message, using_db=conn,
                )  # fmt: skip
            await self._count(conn, tally, processed=len(records))
            seen = [r.modified_time for r in records if r.modified_time is not None]
            newest = max(seen) if seen else None
            mark = frontier.proposal(position, newest) if frontier is not None else None
            if mark is not None:
                await self._save_cursor(conn, stream.cursor_key, min(mark, reading.signpost))
        if frontier is not None:
            frontier.committed(position, newest)

    async def _count(
        self, conn: BaseDBAsyncClient, tally: local.Tally, *, processed: int = 0
    ) -> None:
        changes = {name: F(name) + n for name, n in tally.counts.items() if n}
        if processed:
            changes["processed"] = F("processed") + processed
        if changes:
            await models.SyncRun.filter(id=self.run.id).using_db(conn).update(**changes)

    async def _read_deleted(self, module: str, signpost: datetime) -> None:
        key = f"deleted:{module}"
        since = await self._cursor(key)
        async for page in self.client.iter_deleted(module, modified_since=since):
            ids = [record.id for record in page.records]
            if page.not_modified or not ids:
                continue
            tally = local.Tally()
            async with in_transaction() as conn:
                await local.deactivate(conn, self.org_id, module, ids, tally)
                await self._count(conn, tally)
        async with in_transaction() as conn:
            await self._save_cursor(conn, key, signpost)
