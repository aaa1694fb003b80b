"""The database goes away in the middle of a sync run and comes back: the run ends FAILED with
a recorded reason (written as soon as the database answers again, never left RUNNING), what it
had committed is whole and once, the organisation is scheduled again soon, and the next run
resumes from the bookmarks and converges on the CRM's records.

SQLite: another process holds the file's write lock (every write is refused once the busy
timeout has passed, as while a long backup or migration writes). PostgreSQL: the test's own
cluster is stopped (``pg_ctl stop -m fast``: open connections are cut, new ones refused) and
started again. The default run keeps the database away 3 s; the ``long`` variant 30 s.
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from tortoise.context import tortoise_test_context

from orm import models
from sync.credentials import CredentialCipher
from sync.crm.factory import ClientFactory
from sync.crm.records import format_since
from sync.crm.simulator import CrmStore, SimulatorConfig, create_simulator_app
from sync.service import DATABASE_LOST, DATABASE_RETRY, SyncService
from tests.conftest import MODELS, require_or_skip
from tests.factories import make_org
from tests.support.postgres import Cluster, PostgresUnavailable, start_cluster
from tests.sync.engine.lifecycle_support import connected


@dataclass
class Database:
    """Takes the test's database away and brings it back."""

    backend: str
    away: Callable[[], Awaitable[None]]
    back: Callable[[], Awaitable[None]]


class _SqliteLock:
    """Another process's write lock on the file (a connection of its own, not Tortoise's)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.holder: sqlite3.Connection | None = None

    def _lock(self) -> sqlite3.Connection:
        holder = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        holder.execute("PRAGMA busy_timeout=30000")  # until the app's transaction in progress ends
        holder.execute("BEGIN EXCLUSIVE")
        return holder

    async def away(self) -> None:
        self.holder = await asyncio.to_thread(self._lock)

    async def back(self) -> None:
        if self.holder is not None:
            self.holder.execute("ROLLBACK")
            self.holder.close()
            self.holder = None


class _StoppedCluster:
    def __init__(self, cluster: Cluster) -> None:
        self.cluster = cluster
        self.stopped = False

    async def away(self) -> None:
        self.stopped = True
        await asyncio.to_thread(self.cluster.pause)

    async def back(self) -> None:
        if self.stopped:
            await asyncio.to_thread(self.cluster.resume)
            self.stopped = False


@pytest.fixture
async def database(backend: str, tmp_path: Path) -> AsyncIterator[Database]:
    if backend == "sqlite":
        path = tmp_path / "sync.sqlite3"
        lock = _SqliteLock(path)
        # a short busy timeout: a refused write is known quickly (the app waits 5 s)
        async with tortoise_test_context(MODELS, db_url=f"sqlite://{path}?busy_timeout=200"):
            try:
                yield Database(backend, lock.away, lock.back)
            finally:
                await lock.back()
        return
    try:
        cluster = start_cluster()  # its own: stopping it must not disturb the suite's
    except PostgresUnavailable as exc:
        require_or_skip(f"PostgreSQL layer skipped: {exc}")
        raise
    stopped = _StoppedCluster(cluster)
    try:
        async with tortoise_test_context(MODELS, db_url=cluster.url_for("test_{}")):
            try:
                yield Database(backend, stopped.away, stopped.back)
            finally:
                await stopped.back()
    finally:
        with contextlib.suppress(PostgresUnavailable):
            cluster.stop()


@dataclass
class Cut(httpx.AsyncBaseTransport):
    """The simulator; once armed, the database goes away when the run asks for the third page
    of accounts (the run is mid-way: the first page committed, the rest not read)."""

    inner: httpx.AsyncBaseTransport
    database: Database
    armed: bool = False
    requests: list[httpx.Request] = field(default_factory=list)
    # taking the database away, on its own: the run's failure cancels the request that started it
    cutting: asyncio.Future[None] | None = None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        third_page = request.url.path.endswith("/Accounts") and "page=3" in str(request.url)
        if self.armed and self.cutting is None and third_page:
            self.cutting = asyncio.ensure_future(self.database.away())
            await asyncio.shield(self.cutting)
        return await self.inner.handle_async_request(request)


def _store() -> CrmStore:
    return CrmStore.generate(seed=11, accounts=500, contacts=0, deals=400, users=3)


async def _compare(org_id: int, store: CrmStore) -> None:
    """Local rows are the CRM's records, each once."""
    customers = await models.Customer.filter(org_id=org_id, crm_id__isnull=False)
    potentials = await models.Potential.filter(org_id=org_id, crm_id__isnull=False)
    assert Counter(c.crm_id for c in customers).most_common(1)[0][1] == 1
    assert Counter(p.crm_id for p in potentials).most_common(1)[0][1] == 1
    accounts = store.records["Accounts"]
    assert {c.crm_id for c in customers} == set(accounts)
    assert all(c.name == accounts[c.crm_id or ""]["Account_Name"] for c in customers)
    deals = store.records["Deals"]
    assert {p.crm_id for p in potentials} == set(deals)
    assert all(p.name == deals[p.crm_id or ""]["Deal_Name"] for p in potentials)


async def _outage_during_a_sync(database: Database, seconds: float) -> None:
    store = _store()
    # pages 300 ms apart: the writer commits each before the next arrives
    simulator = create_simulator_app(store, SimulatorConfig(latency_ms=300))
    cut = Cut(httpx.ASGITransport(app=simulator), database)
    service = SyncService(
        CredentialCipher(CredentialCipher.generate_key()), ClientFactory(transport=cut)
    )
    org = await make_org(name="Outage", base_currency="USD")
    await connected(
        org, service, customer_module=models.CustomerModule.ACCOUNTS,
        next_sync_at=datetime.now(UTC) - timedelta(minutes=1),
    )  # fmt: skip

    first = await service.run_now(org.id, "MANUAL")
    assert first.status is models.SyncStatus.SUCCEEDED, first.error_message
    await _compare(org.id, store)
    bookmark_before = (await models.SyncCursor.get(org_id=org.id, stream="Accounts")).modified_since

    # the CRM changes: every account and deal is renamed; the next run reads them incrementally
    changed_at = datetime.now(UTC)
    for module, name in (("Accounts", "Account_Name"), ("Deals", "Deal_Name")):
        for record in store.records[module].values():
            record[name] = f"{record[name]} (renamed)"
            record["Modified_Time"] = changed_at
        store.touch(module)
    cut.armed = True

    run = await service.start_run(org.id, "MANUAL")
    deadline = time.monotonic() + 60
    while cut.cutting is None:
        assert time.monotonic() < deadline, "the run never reached the CRM's pages"
        await asyncio.sleep(0.01)
    task = service._tasks.get(org.id)
    assert task is not None and not task.done()  # mid-run
    await cut.cutting
    await asyncio.sleep(seconds)
    # the run cannot record its end while the database is away: it has not given up on it
    assert not task.done()
    await database.back()
    await asyncio.wait_for(service.wait_for_run(org.id), timeout=60)

    await run.refresh_from_db()
    assert run.status is models.SyncStatus.FAILED
    assert run.error_message == DATABASE_LOST
    assert run.finished_at is not None and run.started_at is not None
    integration = await models.Integration.get(org_id=org.id)
    assert integration.next_sync_at is not None
    assert integration.next_sync_at - run.finished_at <= DATABASE_RETRY  # scheduled again soon
    assert integration.last_sync_at == first.finished_at
    assert not await models.SyncRun.filter(org_id=org.id, status__in=[
        models.SyncStatus.RUNNING, models.SyncStatus.QUEUED]).exists()  # fmt: skip
    # what the run committed is whole and once: every row is the old or the new record
    renamed = 0
    customers = await models.Customer.filter(org_id=org.id, crm_id__isnull=False)
    assert Counter(c.crm_id for c in customers).most_common(1)[0][1] == 1
    for customer in customers:
        account = store.records["Accounts"][customer.crm_id or ""]
        assert customer.name in (account["Account_Name"],
                                 account["Account_Name"].removesuffix(" (renamed)"))  # fmt: skip
        renamed += customer.name == account["Account_Name"]
    assert 0 < renamed < len(store.records["Accounts"])  # committed before, then stopped
    bookmark = (await models.SyncCursor.get(org_id=org.id, stream="Accounts")).modified_since
    assert bookmark is not None and bookmark_before is not None and bookmark >= bookmark_before
    assert bookmark <= run.started_at  # never past the run's start: nothing skipped

    # the next run resumes from the bookmark and converges
    cut.armed = False
    asked = len(cut.requests)
    rerun = await service.run_now(org.id, "MANUAL")
    assert rerun.status is models.SyncStatus.SUCCEEDED, rerun.error_message
    await _compare(org.id, store)
    since = {r.headers.get("If-Modified-Since") for r in cut.requests[asked:]
             if r.url.path.endswith("/Accounts")}  # fmt: skip
    assert since == {format_since(bookmark)}  # from the bookmark, not in full
    statuses = await models.SyncRun.filter(org_id=org.id).order_by("id").values_list(
        "status", flat=True)  # fmt: skip
    assert statuses == [models.SyncStatus.SUCCEEDED, models.SyncStatus.FAILED,
                        models.SyncStatus.SUCCEEDED]  # fmt: skip
    await service.aclose_when_idle()
    print(
        f"[{database.backend}] database away {seconds:.0f} s during a sync: {renamed} of "
        f"{len(store.records['Accounts'])} accounts committed before; the next run converged"
    )


async def test_the_database_away_for_a_few_seconds_during_a_sync(database: Database) -> None:
    await _outage_during_a_sync(database, 3)


@pytest.mark.long
async def test_the_database_away_for_thirty_seconds_during_a_sync(database: Database) -> None:
    await _outage_during_a_sync(database, 30)
