"""The one place the sync service is built and started, from the settings: for the app (runs
in its own process on SQLite, or handed to procrastinate workers on PostgreSQL), for a worker
process and for the command line. The composition root and the CLI call this module; they
import nothing of ``sync`` themselves.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING, Protocol

from orm import models
from resolvers.notifications import notify_admins
from sync import jobs
from sync.api import CredentialCipher
from sync.service import ACTIVE, SyncService

if TYPE_CHECKING:
    from procrastinate import App

    from sync.api import ClientFactory

logger = logging.getLogger("spendsync.jobs")


class SyncSettings(Protocol):
    """What the sync needs of the settings (``web.settings.Settings`` has all of it)."""

    @property
    def database_url(self) -> str: ...
    @property
    def credentials_key(self) -> str: ...
    @property
    def credentials_key_previous(self) -> tuple[str, ...]: ...
    @property
    def allow_crm_urls(self) -> bool: ...
    @property
    def public_base_url(self) -> str: ...
    @property
    def sync_callback_delay_seconds(self) -> float: ...
    @property
    def sync_runner(self) -> str: ...
    @property
    def sync_tick_seconds(self) -> int: ...
    @property
    def worker_heartbeat_seconds(self) -> int: ...
    @property
    def worker_stalled_seconds(self) -> int: ...


def build_sync_service(
    settings: SyncSettings, *, crm_factory: ClientFactory | None = None, queued: bool = False
) -> SyncService:
    """The service with every collaborator handed in at construction. ``queued``: runs and
    deletions go to the procrastinate queue (the app beside workers) instead of this process.
    Settings built by hand (tests) without a credentials key get a throwaway one."""
    key = settings.credentials_key or CredentialCipher.generate_key()
    return SyncService(
        CredentialCipher(key, settings.credentials_key_previous),
        crm_factory,
        allow_explicit_urls=settings.allow_crm_urls,
        defer=jobs.defer_sync if queued else None,
        defer_deletion=jobs.defer_deletion if queued else None,
        notify_admins=notify_admins,
        public_url=settings.public_base_url or None,
        callback_delay=settings.sync_callback_delay_seconds,
    )


@contextlib.asynccontextmanager
async def app_sync(
    settings: SyncSettings, *, crm_factory: ClientFactory | None = None
) -> AsyncIterator[SyncService]:
    """The sync of the app for the span of the block (the app's lifespan; the ORM is open).

    With ``SYNC_RUNNER=jobs`` it queues runs for the workers (which recover and schedule);
    otherwise it recovers the runs a stopped process left and schedules runs every
    ``SYNC_TICK_SECONDS`` itself."""
    async with contextlib.AsyncExitStack() as stack:
        queued = settings.sync_runner == "jobs"
        if queued:
            await stack.enter_async_context(jobs.app_for(settings.database_url).open_async())
        service = build_sync_service(settings, crm_factory=crm_factory, queued=queued)
        scheduler = None
        if not queued:
            await service.recover()  # with workers, their runs are not ours to judge
            if settings.sync_tick_seconds > 0:
                scheduler = asyncio.create_task(
                    service.schedule_forever(settings.sync_tick_seconds)
                )
        try:
            yield service
        finally:
            if scheduler is not None:
                scheduler.cancel()
                await asyncio.gather(scheduler, return_exceptions=True)
            await service.aclose()


async def run_worker(settings: SyncSettings, *, concurrency: int, apply_schema: bool) -> bool:
    """A worker process's life (the ORM is open): run queued syncs and deletions until
    stopped, and retry the jobs of workers that stopped sending heartbeats (killed mid-job).
    ``apply_schema``: create procrastinate's tables and return instead; True then."""
    queue = jobs.app_for(settings.database_url)
    jobs.runtime.service = build_sync_service(settings)
    try:
        async with queue.open_async():
            if apply_schema:
                await queue.schema_manager.apply_schema_async()
                return True
            watcher = asyncio.create_task(_retry_stalled_forever(queue, settings))
            try:
                await queue.run_worker_async(
                    queues=[jobs.QUEUE], concurrency=concurrency,
                    update_heartbeat_interval=settings.worker_heartbeat_seconds,
                    stalled_worker_timeout=settings.worker_stalled_seconds,
                )  # fmt: skip
            finally:
                watcher.cancel()
                await asyncio.gather(watcher, return_exceptions=True)
    finally:
        await jobs.runtime.service.aclose()
        jobs.runtime.service = None
    return False


async def _retry_stalled_forever(queue: App, settings: SyncSettings) -> None:
    """At start-up, then every heartbeat interval."""
    while True:
        try:
            await jobs.retry_stalled_jobs(queue, stalled_seconds=settings.worker_stalled_seconds)
        except Exception:  # the database away a moment: try again at the next interval
            logger.warning("retrying stalled jobs failed", exc_info=True)
        await asyncio.sleep(settings.worker_heartbeat_seconds)


async def run_once(
    settings: SyncSettings,
    org_id: int,
    *,
    takeover: bool = False,
    progress: Callable[[models.SyncRun], None] | None = None,
    poll_seconds: float = 0.5,
) -> models.SyncRun | None:
    """One manual sync of the organisation, from the command line, reporting its progress;
    None when the organisation has no connected CRM integration. ``takeover``: first recover
    runs another (stopped) process left active."""
    integration = await models.Integration.get_or_none(org_id=org_id)
    if integration is None or integration.state is not models.IntegrationState.CONNECTED:
        return None
    service = build_sync_service(settings)
    try:
        if takeover:
            await service.recover(org_id=org_id)
        sync_run = await service.start_run(org_id, "MANUAL")
        while True:
            await sync_run.refresh_from_db()
            if progress is not None:
                progress(sync_run)
            if sync_run.status not in ACTIVE:
                return sync_run
            await asyncio.sleep(poll_seconds)
    finally:
        await service.aclose_when_idle()
