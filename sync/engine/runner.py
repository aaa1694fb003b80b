"""One sync run: the streams of the integration's settings, page by page.

Each stream has ONE writer, fed by its readers through a bounded queue; the pages waiting
(up to PAGES_PER_TRANSACTION) commit in ONE transaction with the run's counters and the
stream's bookmark they allow, so a crash replays at most one transaction's pages and never
skips one. No CRM request happens inside a transaction. The bookmark never passes the
signpost (the run's start time): records changed while the run reads are read again next
time. A stream read through a CRM view cannot be sorted (Zoho refuses ``cvid`` with
``sort_by``), so its bookmark moves only when it is complete.
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
from sync.engine import fieldmap, local, mapping, rows, windows
from sync.engine.push import Pusher
from sync.engine.windows import Window

Kind = str  # "account" | "contact" | "deal"
# A record can escape an incremental read: page numbers are offsets, and a record deleted or
# edited in the CRM during a read shifts the later ones back by one. Every so often a run
# ignores the bookmarks and reads everything (upserts make it harmless).
FULL_READ_EVERY = timedelta(days=7)
T = TypeVar("T")
# Pages read but not yet written, per stream: the readers run ahead of the writer by at most
# this many pages (memory stays flat), and the writer takes up to PAGES_PER_TRANSACTION of
# those waiting into one transaction with the bookmark they allow.
QUEUED_PAGES = 8
PAGES_PER_TRANSACTION = 8


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
    # Pages of one stream go to ONE writer, in the order its windows hand them over (the
    # duplicate index and the bookmark frontier are shared by the windows).
    queue: asyncio.Queue[_Page | _Finished | None] = field(
        default_factory=lambda: asyncio.Queue(maxsize=QUEUED_PAGES)
    )


@dataclass(frozen=True, slots=True)
class _Page:
    position: int  # the window it comes from
    count: int  # records read (some may belong to no row: skipped, failed)
    newest: datetime | None  # its newest Modified_Time
    mapped: _Mapped


@dataclass(frozen=True, slots=True)
class _Finished:
    position: int  # this window has handed over its last page


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
        # the Stage picklist's forecast types, asked for when the first deals arrive
        self.forecast: dict[str, str] | None = None
        self.forecast_lock = asyncio.Lock()
        self.full_read = False
        self.totals: dict[str, int] = {}
        # per CRM module: records read so far (written with the run's counters)
        self.read_per_module: dict[str, int] = {}
        self.modules_read: list[str] = []
        self.maps = field_maps(integration)
        picked = integration.picked_contact_ids
        self.picked: frozenset[str] | None = frozenset(picked) if picked else None
        self.custom_types: dict[str, models.CustomFieldType] = {}
        # whether CRM records may be merged into customers (aliases to look up)
        self.aliases = True
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
        # Streams read in full are counted (progress, and the window split); an incremental
        # read costs one request per stream, so it is not counted. One count at a time: each
        # measures the CRM's round trip, which decides whether windows pay.
        for stream in streams:
            if await self._cursor(stream.cursor_key) is not None:
                continue
            asked = time.perf_counter()
            self.totals[stream.cursor_key] = await self.client.count(
                stream.module, cvid=stream.cvid
            )
            self.round_trip = min(self.round_trip, time.perf_counter() - asked)
        self.modules_read = [stream.module for stream in streams]
        await models.SyncRun.filter(id=self.run.id).update(
            estimated_total=sum(self.totals.values()), stream_progress=self._stream_progress()
        )
        self.custom_types = {
            f.api_name: f.data_type for f in await models.CustomField.filter(org_id=self.org_id)
        }
        self.aliases = (
            self.integration.duplicate_policy is models.DuplicatePolicy.OVERWRITE
            or await models.CustomerCrmAlias.filter(org_id=self.org_id).exists()
        )
        if not self.integration.crm_currency:
            self.currency = (await models.Organization.get(id=self.org_id)).base_currency
        customer_streams = [s for s in streams if s.kind != "deal"]
        deal_streams = [s for s in streams if s.kind == "deal"]

        async def in_order(chain: list[Stream]) -> None:
            for stream in chain:  # contacts after accounts: persons need their account
                await self._read(stream, signpost)

        # Each page_token chain is sequential; customers and deals are read side by side.
        await _together(in_order(customer_streams), in_order(deal_streams))
        # the pages of customers and deals commit side by side: the last word is this one
        await models.SyncRun.filter(id=self.run.id).update(stream_progress=self._stream_progress())
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

        async def read_all() -> None:
            await _together(*(self._read_window(reading, i, w) for i, w in enumerate(parts)))
            await reading.queue.put(None)  # the writer stops after what it holds

        await _together(self._write(reading), read_all())
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
                    if stream.kind == "deal" and self.forecast is None:
                        async with self.forecast_lock:
                            if self.forecast is None:
                                self.forecast = await self._stage_forecast()
                    # mapping is pure CPU, done here: it overlaps the writer's database work
                    seen = [r.modified_time for r in records if r.modified_time is not None]
                    await reading.queue.put(_Page(
                        position, len(records), max(seen) if seen else None,
                        self._map(reading.stream, records),
                    ))  # fmt: skip
                upper = window.upper
                if upper is not None and any(
                    r.modified_time is not None and r.modified_time >= upper for r in page.records
                ):
                    break
        await reading.queue.put(_Finished(position))

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
                        (record.id, mapping.deal_values(record, self.forecast or {}, self.currency))
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

    async def _write(self, reading: _StreamRead) -> None:
        """The stream's writer: the pages waiting in the queue (at most
        PAGES_PER_TRANSACTION) are written in one transaction with their counters and the
        bookmark they allow, in the order the readers handed them over."""
        while True:
            batch = [await reading.queue.get()]
            pages = 1
            while pages < PAGES_PER_TRANSACTION and batch[-1] is not None:
                try:
                    item = reading.queue.get_nowait()
                except asyncio.QueueEmpty:
                    break
                batch.append(item)
                pages += isinstance(item, _Page)
            items = [item for item in batch if item is not None]
            if items:
                await self._apply_pages(reading, items)
            if batch[-1] is None:
                return

    async def _apply_pages(self, reading: _StreamRead, items: list[_Page | _Finished]) -> None:
        """Write the mapped pages, their counters and the bookmark in one transaction (a crash
        loses them together with the bookmark that covers them)."""
        stream, index, frontier = reading.stream, reading.index, reading.frontier
        integration = self.integration
        tally = local.Tally()
        failures: list[tuple[str, str]] = []
        notes: list[tuple[str, str]] = []
        conflicted = 0
        module = (
            models.CrmModule.ACCOUNTS if stream.kind == "account" else models.CrmModule.CONTACTS
        )
        winner = (
            "the CRM's"
            if integration.conflict_policy is models.ConflictPolicy.CRM_WINS
            else "Spendsync's"
        )
        async with in_transaction() as conn:
            # page by page: every statement keeps a page's shape, so the databases' statement
            # caches (PostgreSQL numbers its parameters) serve every transaction
            for page in (item for item in items if isinstance(item, _Page)):
                mapped = page.mapped
                tally.counts.update(mapped.tally.counts)
                failures += mapped.failures
                conflicts = await local.write_customers(
                    conn, self.org_id, module, mapped.customers, integration.duplicate_policy,
                    index, tally, integration.conflict_policy, reading.twins, notes,
                )  # fmt: skip
                conflicted += len(conflicts)
                failures += [
                    (crm_id, f"CONFLICT: changed in both places; {winner} version kept")
                    for crm_id in conflicts
                ]
                await local.write_persons(
                    conn, self.org_id, mapped.persons, tally, aliases=self.aliases
                )
                await local.write_potentials(
                    conn, self.org_id, mapped.deals, tally, aliases=self.aliases
                )
            errors = [*failures, *notes]  # merges (notes): recorded, not failures
            if errors:
                await rows.insert_many(conn, models.SyncRecordError, [
                    {"org_id": self.org_id, "run_id": self.run.id, "module": stream.module,
                     "crm_id": crm_id, "message": message}
                    for crm_id, message in errors
                ])  # fmt: skip
            tally.add("failed", len(failures) - conflicted)
            processed = sum(item.count for item in items if isinstance(item, _Page))
            read = self.read_per_module
            read[stream.module] = read.get(stream.module, 0) + processed
            await self._count(conn, tally, processed=processed)
            mark = None
            for item in items:  # the bookmark moves as if the pages were written one by one
                if frontier is None:
                    continue
                if isinstance(item, _Finished):
                    frontier.finish(item.position)
                    continue
                proposal = frontier.proposal(item.position, item.newest)
                mark = proposal if proposal is not None else mark
                frontier.committed(item.position, item.newest)
            if mark is not None:
                await self._save_cursor(conn, stream.cursor_key, min(mark, reading.signpost))

    async def _count(
        self, conn: BaseDBAsyncClient, tally: local.Tally, *, processed: int = 0
    ) -> None:
        changes = {name: F(name) + n for name, n in tally.counts.items() if n}
        if processed:
            changes["processed"] = F("processed") + processed
        if changes:
            extra = {"stream_progress": self._stream_progress()} if processed else {}
            await models.SyncRun.filter(id=self.run.id).using_db(conn).update(**changes, **extra)

    def _stream_progress(self) -> dict[str, dict[str, int]]:
        """Records read of the estimate, per CRM module (a view's count is the view's)."""
        estimated: dict[str, int] = {}
        for key, total in self.totals.items():
            module = key.split(":", 1)[0]
            estimated[module] = estimated.get(module, 0) + total
        return {
            module: {
                "processed": self.read_per_module.get(module, 0),
                "estimated": estimated.get(module, 0),
            }
            for module in self.modules_read
        }

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
