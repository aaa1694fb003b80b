"""Sync jobs for PostgreSQL deployments, run by procrastinate workers (``spendsync worker``).

Several replicas may run workers: every job of an organisation carries the lock
``sync-org-<id>``, so two workers never sync the same organisation at once, and the same
queueing lock, so at most one of its syncs waits in the queue. A periodic task (every five
minutes) defers the syncs that are due and renews the CRM's notification channels. Deleting an
integration is a job too (``delete_integration``), holding the same lock.

A worker killed in the middle of a job (``kill -9``, the machine lost) leaves the job ``doing``;
once its heartbeat is older than the stalled timeout, another worker's ``retry_stalled_jobs``
puts the job back in the queue, once (``STALLED_RETRIES``): the retried sync job marks the dead
worker's run interrupted and runs the organisation again (``SyncService.run_queued``). A job
killed again is failed, not retried for ever.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from procrastinate import App, Blueprint, PsycopgConnector
from procrastinate.exceptions import AlreadyEnqueued
from procrastinate.jobs import Status
from psycopg_pool import AsyncConnectionPool

from orm import models
from sync.service import SyncService

logger = logging.getLogger("spendsync.jobs")
QUEUE = "sync"
STALLED_RETRIES = 1
jobs = Blueprint()


@dataclass
class Runtime:
    """What the tasks need, set by the worker process at start-up."""

    service: SyncService | None = None


runtime = Runtime()


def org_lock(org_id: int) -> str:
    return f"sync-org-{org_id}"


@jobs.task(name="sync_org", queue=QUEUE)
async def sync_org(org_id: int, trigger: str = "SCHEDULED") -> None:
    if runtime.service is None:
        raise RuntimeError("the worker has no sync service")
    run = await runtime.service.run_queued(org_id, trigger)
    logger.info("sync of org %s finished: %s", org_id, run.status.value)


async def defer_sync(org_id: int, trigger: str) -> bool:
    """Queue a sync of the organisation; False when one is already waiting."""
    lock = org_lock(org_id)
    try:
        await sync_org.configure(lock=lock, queueing_lock=lock).defer_async(
            org_id=org_id, trigger=trigger
        )
    except AlreadyEnqueued:
        return False
    return True


@jobs.periodic(cron="*/5 * * * *", periodic_id="due-syncs")
@jobs.task(name="defer_due_syncs", queue=QUEUE)
async def defer_due_syncs(timestamp: int) -> None:
    if runtime.service is None:
        return
    due = await models.Integration.filter(
        state=models.IntegrationState.CONNECTED,
        customers_configured=True,
        next_sync_at__lte=runtime.service.now(),
    )
    for integration in due:
        await defer_sync(integration.org_id, "SCHEDULED")
    await runtime.service.realtime.renew_due()


@jobs.task(name="delete_integration", queue=QUEUE)
async def delete_integration(deletion_id: int) -> None:
    """Delete an organisation's integration (``sync/deletion.py``); the row says which."""
    if runtime.service is None:
        raise RuntimeError("the worker has no sync service")
    await runtime.service.deletions.run(deletion_id)


async def defer_deletion(deletion_id: int) -> None:
    """Queue a deletion job (the app's service defers deletions here when workers run
    the jobs); it takes the organisation's sync lock, so it never overlaps a sync."""
    deletion = await models.IntegrationDeletion.get(id=deletion_id)
    await delete_integration.configure(lock=org_lock(deletion.org_id)).defer_async(
        deletion_id=deletion_id
    )


async def retry_stalled_jobs(queue: App, *, stalled_seconds: float) -> tuple[int, int]:
    """Jobs of workers silent for ``stalled_seconds`` (killed mid-job): each is queued again
    if it was not retried ``STALLED_RETRIES`` times already, failed otherwise. Several workers
    may ask at once: a job another worker has already retried or failed is left alone.
    Returns (retried, failed)."""
    retried = failed = 0
    manager = queue.job_manager
    for job in await manager.get_stalled_jobs(queue=QUEUE, seconds_since_heartbeat=stalled_seconds):
        try:
            if job.attempts < STALLED_RETRIES:
                await manager.retry_job(job)
                retried += 1
            else:
                await manager.finish_job(job, status=Status.FAILED, delete_job=False)
                failed += 1
        except Exception:  # taken care of by another worker meanwhile
            logger.info("stalled job %s: already handled", job.id, exc_info=True)
            continue
        logger.warning(
            "job %s (%s) of a stalled worker: %s", job.id, job.task_name,
            "retried" if job.attempts < STALLED_RETRIES else "failed (retried before)",
        )  # fmt: skip
    return retried, failed


def libpq_url(database_url: str) -> str:
    """Tortoise's ``postgres://`` URL as libpq understands it."""
    scheme, _, rest = database_url.partition("://")
    if scheme not in {"postgres", "postgresql", "asyncpg", "psycopg"}:
        raise ValueError("procrastinate workers need a PostgreSQL DATABASE_URL")
    return f"postgresql://{rest}"


@dataclass
class _Target:
    conninfo: str = ""


_target = _Target()


def _pool(**options: Any) -> AsyncConnectionPool:
    """procrastinate's pool, on the database :func:`app_for` was last given."""
    if not _target.conninfo:
        raise RuntimeError("call app_for(database_url) before opening the job queue")
    return AsyncConnectionPool(conninfo=_target.conninfo, **options)


# One app per process (a blueprint's tasks join one app only); it opens on the database that
# app_for named last, so a process (or a test session) can open it again elsewhere.
_app = App(connector=PsycopgConnector(pool_factory=_pool))
_app.add_tasks_from(jobs, namespace="spendsync")


def app_for(database_url: str) -> App:
    """The procrastinate app of this process, to be opened on ``database_url``."""
    _target.conninfo = libpq_url(database_url)
    return _app
