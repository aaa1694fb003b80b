"""procrastinate workers: two of them never sync one organisation at the same time."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg
import pytest
from tortoise import Tortoise

from orm import models
from orm.config import tortoise_config
from sync import jobs
from sync.credentials import CredentialCipher
from sync.service import SyncService
from tests.conftest import execute
from tests.factories import make_org, make_user, viewer_for
from tests.support.postgres import Cluster
from tests.sync.engine.conftest import Crm
from tests.sync.engine.test_integration_api import CONNECT, CONNECT_INPUT, SAVE
from web.database import apply_migrations

pytestmark = pytest.mark.postgres


@dataclass
class RecordingService:
    """Stands in for the sync service: records when each organisation's sync runs."""

    intervals: dict[int, list[tuple[float, float]]] = field(default_factory=dict)
    started: asyncio.Event = field(default_factory=asyncio.Event)

    def now(self) -> object:
        return None

    async def run_queued(self, org_id: int, trigger: str) -> models.SyncRun:
        begin = time.monotonic()
        self.started.set()
        await asyncio.sleep(0.4)
        self.intervals.setdefault(org_id, []).append((begin, time.monotonic()))
        return models.SyncRun(org_id=org_id, status=models.SyncStatus.SUCCEEDED)


@pytest.fixture
async def jobs_database(postgres_cluster: Cluster) -> str:
    name = f"jobs_{int(time.time() * 1000)}"
    admin = await asyncpg.connect(postgres_cluster.url)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    return postgres_cluster.url_for(name)


async def test_two_workers_never_run_one_organisation_twice(jobs_database: str) -> None:
    service = RecordingService()
    jobs.runtime.service = service  # type: ignore[assignment]
    await apply_migrations(jobs_database)
    await Tortoise.init(config=tortoise_config(jobs_database))  # the periodic task reads it
    app = jobs.app_for(jobs_database)
    try:
        await app.open_async()
        await app.schema_manager.apply_schema_async()
        assert await jobs.defer_sync(1, "MANUAL") is True
        assert await jobs.defer_sync(1, "MANUAL") is False  # one waiting job per org
        assert await jobs.defer_sync(2, "MANUAL") is True
        options = {"queues": [jobs.QUEUE], "fetch_job_polling_interval": 0.05,
                   "install_signal_handlers": False, "concurrency": 2}  # fmt: skip
        # two workers (as two replicas would run), each taking two jobs at a time
        workers = [
            asyncio.create_task(app.run_worker_async(name=f"w{i}", **options))  # type: ignore[arg-type]
            for i in range(2)
        ]
        await asyncio.wait_for(service.started.wait(), timeout=20)
        assert await jobs.defer_sync(1, "MANUAL") is True  # the running one is not waiting
        deadline = time.monotonic() + 30
        while sum(len(v) for v in service.intervals.values()) < 3:
            assert time.monotonic() < deadline, service.intervals
            await asyncio.sleep(0.05)
        for worker in workers:
            worker.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
    finally:
        jobs.runtime.service = None
        await app.close_async()
        await Tortoise.close_connections()
    first, second = sorted(service.intervals[1])
    assert first[1] <= second[0], "two syncs of organisation 1 overlapped"
    assert len(service.intervals[2]) == 1


async def test_instant_sync_from_the_api_runs_on_a_worker(jobs_database: str, crm: Crm) -> None:
    """With SYNC_RUNNER=jobs the app only queues: the run waits as QUEUED with a job, and a
    worker (another process in production) executes that very run."""
    cipher = CredentialCipher(CredentialCipher.generate_key())
    app_service = SyncService(cipher, crm.factory, defer=jobs.defer_sync)
    jobs.runtime.service = SyncService(cipher, crm.factory)  # the worker's
    await apply_migrations(jobs_database)
    await Tortoise.init(config=tortoise_config(jobs_database))
    app = jobs.app_for(jobs_database)
    try:
        await app.open_async()
        await app.schema_manager.apply_schema_async()
        org = await make_org(name="Queued", base_currency="USD")
        admin = await make_user(org, email="admin@queued.example", role=models.UserRole.ADMIN)
        viewer = viewer_for(admin)
        connected = await execute(
            CONNECT, {"input": CONNECT_INPUT}, viewer=viewer, sync=app_service
        )
        assert connected.errors is None and connected.data is not None
        assert connected.data["integrationConnect"]["errors"] == []
        saved = await execute(SAVE, {"input": {"customerModule": "ACCOUNTS", "syncNow": True}},
                              viewer=viewer, sync=app_service)  # fmt: skip
        assert saved.errors is None and saved.data is not None
        assert saved.data["integrationCustomerSettingsSave"]["errors"] == []
        # the app queued the run and a job, and runs nothing itself
        run = await models.SyncRun.get(org_id=org.id)
        assert run.status is models.SyncStatus.QUEUED and run.trigger == "INITIAL"
        assert app_service._tasks == {}
        waiting = await app.job_manager.list_jobs_async(queue=jobs.QUEUE, status="todo")
        assert [job.task_kwargs for job in waiting] == [{"org_id": org.id, "trigger": "INITIAL"}]
        # a second instant sync while it waits returns the same run
        again = await execute("mutation { integrationSyncNow { run { id } errors { code } } }",
                              viewer=viewer, sync=app_service)  # fmt: skip
        assert again.errors is None and again.data is not None
        assert again.data["integrationSyncNow"]["errors"] == []
        assert await models.SyncRun.filter(org_id=org.id).count() == 1
        # when a worker takes the job
        options = {"queues": [jobs.QUEUE], "fetch_job_polling_interval": 0.05,
                   "install_signal_handlers": False, "wait": False}  # fmt: skip
        await asyncio.wait_for(app.run_worker_async(**options), timeout=60)  # type: ignore[arg-type]
        # then that run finished there, with the CRM's accounts
        await run.refresh_from_db()
        assert run.status is models.SyncStatus.SUCCEEDED, run.error_message
        assert run.processed == run.estimated_total > 0
        assert await models.Customer.filter(org_id=org.id).count() == len(
            crm.store.records["Accounts"]
        )
    finally:
        jobs.runtime.service = None
        await app.close_async()
        await Tortoise.close_connections()


async def test_the_app_on_postgres_hands_syncs_to_the_workers(
    jobs_database: str, tmp_path: Path
) -> None:
    """With a PostgreSQL DATABASE_URL the app defaults to SYNC_RUNNER=jobs: its lifespan opens
    the job queue, and syncs and deletions are deferred to the workers (no in-process
    scheduler)."""
    from asgi_lifespan import LifespanManager

    from web.app import create_app
    from web.settings import Settings

    await apply_migrations(jobs_database)
    settings = Settings.from_env({"SPENDSYNC_VAR_DIR": str(tmp_path),
                                  "DATABASE_URL": jobs_database})  # fmt: skip
    assert settings.sync_runner == "jobs"
    application = create_app(settings)
    async with LifespanManager(application):
        service = application.state.sync
        assert service.defer is jobs.defer_sync
        assert service.deletions.defer is jobs.defer_deletion
        # the queue is open: deferring works (the workers' schema applied once, as in
        # `spendsync worker --apply-schema`)
        queue = jobs.app_for(jobs_database)
        await queue.schema_manager.apply_schema_async()
        assert await jobs.defer_sync(1, "MANUAL") is True
