"""The CRM unreachable for 10 minutes (fast-forwarded: the client's retry sleeps and the
service's clock run on one fake clock) while a sync runs: the run fails with a recorded reason,
runs asked for during the outage fail the same way, the schedule backs off instead of
hammering the CRM, nothing is half-written, and the first run after the outage completes with
every record once. And a run whose process dies mid-way is marked interrupted and re-run by
the restarted process, without duplicates. On SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, timedelta

import httpx

from orm import models
from sync.credentials import CredentialCipher
from sync.crm import FakeClock
from sync.crm.factory import ClientFactory
from sync.crm.simulator import SimulatorConfig, create_simulator_app
from sync.service import FAILURE_RETRY, SyncService
from tests.sync.engine.conftest import Crm
from tests.sync.engine.lifecycle_support import connected

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
OUTAGE = timedelta(minutes=10)


class Outage(httpx.AsyncBaseTransport):
    """The simulator, unreachable (connection refused) from the ``fail_after``-th request
    until ``OUTAGE`` of fake time has passed since the first refusal."""

    def __init__(self, inner: httpx.AsyncBaseTransport, clock: FakeClock, fail_after: int):
        self.inner, self.clock, self.fail_after = inner, clock, fail_after
        self.requests = 0
        self.refused = 0
        self.down_since: float | None = None

    def down(self) -> bool:
        if self.down_since is None:
            return False
        return self.clock.now - self.down_since < OUTAGE.total_seconds()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        if self.down_since is None and self.requests > self.fail_after:
            self.down_since = self.clock.now
        if self.down():
            self.refused += 1
            raise httpx.ConnectError("connection refused", request=request)
        return await self.inner.handle_async_request(request)


async def test_a_ten_minute_crm_outage_fails_runs_cleanly_and_the_next_run_completes(
    crm: Crm, org: models.Organization
) -> None:
    clock = FakeClock(start=0.0)

    def now() -> datetime:  # the service's clock follows the client's sleeps
        return START + timedelta(seconds=clock.now)

    app = create_simulator_app(crm.store, SimulatorConfig())
    outage = Outage(httpx.ASGITransport(app=app), clock, fail_after=6)
    service = SyncService(
        CredentialCipher(CredentialCipher.generate_key()),
        ClientFactory(transport=outage, clock=clock),
        now=now,
    )
    await connected(org, service, next_sync_at=START)

    # the CRM goes away during the first run, after a few pages
    [first] = await service.tick()
    await service.wait_for_run(org.id)
    await first.refresh_from_db()
    assert outage.down_since is not None and outage.refused > 0
    assert first.status is models.SyncStatus.FAILED
    assert first.error_message.startswith("The CRM refused the sync:")
    assert first.finished_at is not None
    integration = await models.Integration.get(org_id=org.id)
    assert integration.next_sync_at is not None
    assert integration.next_sync_at - first.finished_at <= FAILURE_RETRY  # backs off, no tick
    assert integration.last_sync_at is None
    half = Counter(await models.Customer.filter(org_id=org.id).values_list("crm_id", flat=True))
    assert half and all(n == 1 for n in half.values())  # mid-run: written whole, once

    # asked for again during the outage: fails the same way, the scheduler does not retry yet
    clock.advance(60)
    assert outage.down()
    again = await service.run_now(org.id, "MANUAL")
    assert again.status is models.SyncStatus.FAILED
    assert again.error_message.startswith("The CRM refused the sync:")
    assert await service.tick() == []  # not due: the failure moved next_sync_at
    assert not await models.SyncRun.filter(org_id=org.id, status__in=[
        models.SyncStatus.RUNNING, models.SyncStatus.QUEUED]).exists()  # fmt: skip

    # ten minutes later the CRM answers again; the next scheduled run completes
    clock.advance(OUTAGE.total_seconds())
    assert not outage.down()
    integration = await models.Integration.get(org_id=org.id)
    clock.now = max(clock.now, (integration.next_sync_at - START).total_seconds())
    [recovered] = await service.tick()
    await service.wait_for_run(org.id)
    await recovered.refresh_from_db()
    assert recovered.status is models.SyncStatus.SUCCEEDED, recovered.error_message
    integration = await models.Integration.get(org_id=org.id)
    assert integration.last_sync_at == recovered.finished_at

    synced = Counter(await models.Customer.filter(org_id=org.id, crm_id__isnull=False)
                     .values_list("crm_id", flat=True))  # fmt: skip
    assert all(n == 1 for n in synced.values())  # no duplicates
    accounts = set(crm.store.records["Accounts"])
    assert accounts <= set(synced)  # nothing lost
    statuses = (
        await models.SyncRun.filter(org_id=org.id).order_by("id").values_list("status", flat=True)
    )
    assert statuses == [models.SyncStatus.FAILED, models.SyncStatus.FAILED,
                        models.SyncStatus.SUCCEEDED]  # fmt: skip
    await service.aclose_when_idle()


class Hangs(httpx.AsyncBaseTransport):
    """The simulator until the ``hang_after``-th request, which never returns: the process
    is "killed" there (its run never reaches its end)."""

    def __init__(self, inner: httpx.AsyncBaseTransport, hang_after: int):
        self.inner, self.hang_after, self.requests = inner, hang_after, 0
        self.reached = asyncio.Event()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        if self.requests > self.hang_after:
            self.reached.set()
            await asyncio.Event().wait()  # forever
        return await self.inner.handle_async_request(request)


async def test_a_run_killed_with_its_process_is_marked_and_re_run_without_duplicates(
    crm: Crm, org: models.Organization
) -> None:
    """The app (SYNC_RUNNER=app) dies during a scheduled run: the restarted process marks the
    run interrupted at start-up (``recover``), and its scheduler re-runs the organisation, whose
    next_sync_at the dead run never moved; every record ends up once."""
    cipher = CredentialCipher(CredentialCipher.generate_key())
    app = create_simulator_app(crm.store, SimulatorConfig())
    hangs = Hangs(httpx.ASGITransport(app=app), hang_after=6)
    dying = SyncService(cipher, ClientFactory(transport=hangs), now=lambda: START)
    await connected(org, dying, next_sync_at=START)
    [killed] = await dying.tick()
    await asyncio.wait_for(hangs.reached.wait(), timeout=30)
    await killed.refresh_from_db()
    assert killed.status is models.SyncStatus.RUNNING  # what a killed process leaves behind
    written = await models.Customer.filter(org_id=org.id).count()
    assert written > 0  # mid-run: pages already committed

    later = START + timedelta(minutes=1)
    restarted = SyncService(cipher, crm.factory, now=lambda: later)
    await restarted.recover()  # the app's start-up
    await killed.refresh_from_db()
    assert killed.status is models.SyncStatus.FAILED
    assert killed.error_message.startswith("Interrupted")
    [rerun] = await restarted.tick()
    assert rerun.id != killed.id
    await restarted.wait_for_run(org.id)
    await rerun.refresh_from_db()
    assert rerun.status is models.SyncStatus.SUCCEEDED, rerun.error_message
    assert await restarted.tick() == []  # done: not re-run again

    synced = Counter(await models.Customer.filter(org_id=org.id, crm_id__isnull=False)
                     .values_list("crm_id", flat=True))  # fmt: skip
    assert all(n == 1 for n in synced.values())
    assert set(crm.store.records["Accounts"]) <= set(synced)
    for task in list(dying._tasks.values()):  # the dead process's task, only now let go
        task.cancel()
    await asyncio.gather(*dying._tasks.values(), return_exceptions=True)
