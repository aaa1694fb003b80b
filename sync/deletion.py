"""Deleting an organisation's integration: a job, in short transactions (docs/SYNC.md).

CONVERT_ALL turns every synced customer, contact person and potential into a plain Spendsync
record (its CRM links cleared). KEEP_WITH_TRANSACTIONS does that only for the records in use and
deletes the rest (contact persons go with their customer). In use: a potential named by an
expense or report; a customer named by an expense or report, by a potential that stays, or whose
contact person attended an expense. Each batch decides and writes in one transaction, so an
expense created meanwhile keeps its customer, and a job stopped half-way resumes where it was.
At the end the credentials, channels and bookmarks go, the integration is NOT_CONNECTED again,
and every active admin of the organisation gets a notification.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from orm import models
from sync.ports import Clock

logger = logging.getLogger("spendsync.sync.deletion")
BATCH = 200
Deferrer = Callable[[int], Awaitable[None]]
# (connection, organisation id, kind, title, body) -> how many admins were told
AdminNotifier = Callable[[BaseDBAsyncClient, int, str, str, str], Awaitable[int]]


class Deletions:
    """Starts deletion jobs: in this process by default (SQLite), or through ``defer`` (the
    procrastinate queue of a PostgreSQL deployment, see ``sync/jobs.py``)."""

    def __init__(
        self,
        now: Clock,
        wait_for_run: Callable[[int], Awaitable[None]],
        unwatch: Callable[[models.Integration], Awaitable[None]],
        *,
        notify: AdminNotifier | None = None,
        defer: Deferrer | None = None,
    ) -> None:
        """``wait_for_run`` waits for the organisation's run in this process to end,
        ``unwatch`` closes its notification channels. ``notify`` tells the organisation's
        admins that the deletion finished (the notifications live a floor above the sync: the
        builder hands it in)."""
        self.now = now
        self.wait_for_run = wait_for_run
        self.unwatch = unwatch
        self.notify = notify
        self.defer = defer
        self._tasks: dict[int, asyncio.Task[None]] = {}

    async def start(self, deletion: models.IntegrationDeletion) -> None:
        if self.defer is not None:
            await self.defer(deletion.id)
            return
        self._tasks[deletion.id] = asyncio.create_task(
            self._run_and_forget(deletion.id), name=f"delete-integration-{deletion.org_id}"
        )

    async def resume(self, deletion: models.IntegrationDeletion) -> None:
        """In-process mode: a deletion left QUEUED or RUNNING by a stopped process starts again
        (finished batches stay done)."""
        if self.defer is None and deletion.id not in self._tasks:
            await self.start(deletion)

    async def _run_and_forget(self, deletion_id: int) -> None:
        try:
            await self.run(deletion_id)
        finally:
            self._tasks.pop(deletion_id, None)

    async def idle(self) -> None:
        while self._tasks:
            await asyncio.gather(*list(self._tasks.values()), return_exceptions=True)

    async def aclose(self) -> None:
        tasks = list(self._tasks.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def run(self, deletion_id: int) -> None:
        """The job. Safe to run again after a crash (finished batches stay done)."""
        deletion = await models.IntegrationDeletion.get(id=deletion_id)
        if deletion.status is models.DeletionStatus.SUCCEEDED:
            return
        await models.IntegrationDeletion.filter(id=deletion.id).update(
            status=models.DeletionStatus.RUNNING
        )
        org_id = deletion.org_id
        try:
            await self.wait_for_run(org_id)
            integration = await models.Integration.get_or_none(org_id=org_id)
            if integration is not None:
                await self.unwatch(integration)
            keep_all = deletion.mode is models.DeletionMode.CONVERT_ALL
            while await _potential_batch(deletion, keep_all):
                pass
            while await _customer_batch(deletion, keep_all):
                pass
            async with in_transaction() as conn:
                await (
                    models.ContactPerson.filter(org_id=org_id, crm_id__isnull=False)
                    .using_db(conn)
                    .update(crm_id=None)
                )
                await models.SyncCursor.filter(org_id=org_id).using_db(conn).delete()
                await models.CustomerCrmAlias.filter(org_id=org_id).using_db(conn).delete()
                await models.WatchChannel.filter(org_id=org_id).using_db(conn).delete()
                # credentials and settings go with the row: the integration is NOT_CONNECTED
                await models.Integration.filter(org_id=org_id).using_db(conn).delete()
                await (
                    models.IntegrationDeletion.filter(id=deletion.id)
                    .using_db(conn)
                    .update(status=models.DeletionStatus.SUCCEEDED, finished_at=self.now())
                )
                await deletion.refresh_from_db(using_db=conn)
                if self.notify is not None:
                    await self.notify(
                        conn, org_id, "INTEGRATION_DELETED", "The CRM integration was deleted.",
                        _summary(deletion),
                    )  # fmt: skip
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.exception("deletion of the integration of org %s failed", org_id)
            await models.IntegrationDeletion.filter(id=deletion.id).update(
                status=models.DeletionStatus.FAILED, finished_at=self.now(),
                error_message="An unexpected error stopped the deletion; ask again to resume.",
            )  # fmt: skip


def _ints(rows: Any) -> list[int]:
    """``values_list(..., flat=True)`` rows as ints (Tortoise types them as tuples)."""
    return [int(row) for row in rows if row is not None]


MODE_WORDS = {
    models.DeletionMode.CONVERT_ALL: "Kept every synced record",
    models.DeletionMode.KEEP_WITH_TRANSACTIONS: "Kept the records with transactions",
}


def _quantity(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _summary(deletion: models.IntegrationDeletion) -> str:
    return (
        f"{MODE_WORDS[deletion.mode]}: {_quantity(deletion.converted_customers, 'customer')} and "
        f"{_quantity(deletion.converted_potentials, 'potential')} kept as Spendsync records; "
        f"{_quantity(deletion.deleted_customers, 'customer')} and "
        f"{_quantity(deletion.deleted_potentials, 'potential')} deleted."
    )


async def _next_synced(
    conn: BaseDBAsyncClient, model: type[models.Customer] | type[models.Potential], org_id: int
) -> list[int]:
    """Ids of the next batch of rows still linked to the CRM."""
    batch = await (
        model.filter(org_id=org_id, crm_id__isnull=False)
        .using_db(conn)
        .order_by("id")
        .limit(BATCH)
        .values_list("id", flat=True)
    )
    return _ints(batch)


async def _in_transactions(conn: BaseDBAsyncClient, field: str, ids: list[int]) -> set[int]:
    """The ids an expense or a report names in ``field``."""
    used: set[int] = set()
    for model in (models.Expense, models.Report):
        rows = await (
            model.filter(**{f"{field}__in": ids}).using_db(conn).values_list(field, flat=True)
        )
        used.update(_ints(rows))
    return used


async def _count(
    conn: BaseDBAsyncClient,
    deletion: models.IntegrationDeletion,
    kind: str,
    kept: int,
    dropped: int,
) -> None:
    """Add a batch to the deletion's ``converted_<kind>`` and ``deleted_<kind>`` counts."""
    totals = {
        f"converted_{kind}": getattr(deletion, f"converted_{kind}") + kept,
        f"deleted_{kind}": getattr(deletion, f"deleted_{kind}") + dropped,
    }
    await models.IntegrationDeletion.filter(id=deletion.id).using_db(conn).update(**totals)
    for name, value in totals.items():
        setattr(deletion, name, value)


async def _potential_batch(deletion: models.IntegrationDeletion, keep_all: bool) -> bool:
    """Convert or delete the next batch of synced potentials; False when none is left."""
    async with in_transaction() as conn:
        ids = await _next_synced(conn, models.Potential, deletion.org_id)
        if not ids:
            return False
        keep = set(ids) if keep_all else await _in_transactions(conn, "potential_id", ids)
        drop = [i for i in ids if i not in keep]
        if keep:
            await (
                models.Potential.filter(id__in=keep)
                .using_db(conn)
                .update(crm_id=None, crm_account_id=None, crm_contact_id=None)
            )
        if drop:
            await models.Potential.filter(id__in=drop).using_db(conn).delete()
        await _count(conn, deletion, "potentials", len(keep), len(drop))
    return True


async def _customer_batch(deletion: models.IntegrationDeletion, keep_all: bool) -> bool:
    """Convert or delete the next batch of synced customers; False when none is left."""
    async with in_transaction() as conn:
        ids = await _next_synced(conn, models.Customer, deletion.org_id)
        if not ids:
            return False
        keep = set(ids)
        if not keep_all:
            keep = await _in_transactions(conn, "customer_id", ids)
            # potentials left now are in use (or were never synced): their customers stay
            for row in (
                await models.Potential.filter(
                    Q(customer_id__in=ids) | Q(contact_customer_id__in=ids)
                )
                .using_db(conn)
                .values_list("customer_id", "contact_customer_id")
            ):
                keep |= {int(i) for i in row if i is not None and int(i) in ids}
            attended = await (
                models.ExpenseAttendee.filter(contact_person__customer_id__in=ids)
                .using_db(conn)
                .values_list("contact_person__customer_id", flat=True)
            )
            keep |= set(_ints(attended))
        drop = [i for i in ids if i not in keep]
        if keep:
            await (
                models.Customer.filter(id__in=keep)
                .using_db(conn)
                .update(crm_module=None, crm_id=None, crm_modified_at=None, sync_dirty=False)
            )
        if drop:
            await models.ContactPerson.filter(customer_id__in=drop).using_db(conn).delete()
            await models.Customer.filter(id__in=drop).using_db(conn).delete()
        await _count(conn, deletion, "customers", len(keep), len(drop))
    return True
