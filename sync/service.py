"""The sync service: connects organisations to their CRM and runs their syncs.

One run per organisation at a time: a run is a ``SyncRun`` row (QUEUED → RUNNING → SUCCEEDED or
FAILED) executed by a background task of the app's lifespan (the in-process runner used with
SQLite). A scheduler tick starts the runs that are due (every ``sync_interval_hours`` after the
last one). Secrets are decrypted only to open a client and never logged.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from contextlib import AbstractAsyncContextManager
from datetime import UTC, datetime, timedelta
from typing import Any

from orm import models
from orm.availability import database_unavailable
from sync import metrics
from sync.api import CrmOrganisation
from sync.credentials import CredentialCipher, CredentialError
from sync.crm.client import ZohoCrmClient
from sync.crm.errors import CrmAuthError, CrmError, CrmFatalError
from sync.crm.factory import ClientFactory, ConnectionSettings
from sync.crm.metadata_dto import CrmField, CrmOrg, CrmUser, CustomView
from sync.deletion import AdminNotifier, Deferrer, Deletions
from sync.engine import crm_search, users
from sync.engine.choose import Chooser
from sync.engine.runner import SyncEngine
from sync.ports import RunGate
from sync.realtime import RealTime
from sync.users_service import instant_user_sync, run_user_sync

logger = logging.getLogger("spendsync.sync")
# Hands an organisation's queued run to the job queue: (org id, trigger) → queued or not.
Defer = Callable[[int, str], Awaitable[bool]]
ACTIVE = (models.SyncStatus.QUEUED, models.SyncStatus.RUNNING)
FAILURE_RETRY = timedelta(hours=1)
# A run that lost its database (docs/OPERATIONS.md, "Faults"): its reason, and when the
# scheduler tries again. Its end is recorded once the database answers again, asking every
# RECORD_RETRY_FIRST seconds at first, then at most every RECORD_RETRY_MAX.
DATABASE_LOST = (
    "The database became unavailable during the sync; the next run resumes where it stopped."
)
DATABASE_RETRY = timedelta(minutes=5)
RECORD_RETRY_FIRST, RECORD_RETRY_MAX = 0.25, 5.0
DATABASE_PROBE_SECONDS = 10.0


def _utc_now() -> datetime:
    return datetime.now(UTC)


class IntegrationOff(Exception):
    """The integration was disabled or deleted before the run started."""


class SyncService:
    def __init__(
        self,
        cipher: CredentialCipher,
        factory: ClientFactory | None = None,
        *,
        now: Callable[[], datetime] = _utc_now,
        allow_explicit_urls: bool = True,
        defer: Defer | None = None,
        defer_deletion: Deferrer | None = None,
        notify_admins: AdminNotifier | None = None,
        public_url: str | None = None,
        callback_delay: float = 5.0,
    ) -> None:
        """``allow_explicit_urls=False`` (production default) accepts data centres only, so an
        admin cannot point the server at an arbitrary (internal) address. With ``defer`` and
        ``defer_deletion`` (the app on PostgreSQL) queued runs and deletions are handed to the
        procrastinate workers instead of being run in this process. ``notify_admins`` tells
        admins a deletion finished; ``public_url`` is where the CRM's near-real-time
        callbacks reach this server (none: no channels), ``callback_delay`` how long a burst
        of callbacks is gathered into one run. ``resolvers.sync_runtime`` builds the service
        from the settings, for the app and for the worker."""
        self.allow_explicit_urls = allow_explicit_urls
        self.defer = defer
        self.cipher = cipher
        self.factory = factory or ClientFactory()
        self.now = now
        self._tasks: dict[int, asyncio.Task[None]] = {}
        self._locks: dict[int, asyncio.Lock] = {}
        # lifecycle (docs/SYNC.md, "Lifecycle"): callbacks and deletion jobs
        # they receive narrow collaborators, never the service (docs/ARCHITECTURE.md)
        runs = RunGate(wait=self.wait_for_run, start=self.start_run, idle=self.aclose_when_idle)
        self.realtime = RealTime(
            self._open, now, runs, public_url=public_url, callback_delay=callback_delay
        )
        self.deletions = Deletions(
            now, self.wait_for_run, self.unwatch, notify=notify_admins, defer=defer_deletion
        )

    # -- connection ---------------------------------------------------------------------------
    def _check_urls(self, settings: ConnectionSettings) -> ConnectionSettings:
        """With explicit URLs switched off, no call goes anywhere but a data centre: settings
        that name an address (stored before the switch) are refused before any request."""
        if not self.allow_explicit_urls and (settings.accounts_url or settings.api_url):
            raise CrmFatalError(
                "This server calls the CRM's data centres only (ALLOW_CRM_URLS is off): "
                "connect the integration again with a data centre."
            )
        return settings

    async def verify(self, org_id: int, settings: ConnectionSettings) -> CrmOrganisation:
        """Ask the CRM who it is; raises ``CrmError`` when it refuses the credentials."""
        self._check_urls(settings)
        async with self.factory.connect(f"verify:{org_id}", settings) as client:
            org: CrmOrg = await client.get_org()
            currencies = await client.list_currencies()
        base = next((c.iso_code for c in currencies if c.is_base), None) or org.iso_code
        return CrmOrganisation(org.id, org.company_name or "", base, org.multi_currency)

    def connection(self, integration: models.Integration) -> ConnectionSettings:
        return self._check_urls(self._connection(integration))

    def _connection(self, integration: models.Integration) -> ConnectionSettings:
        """The stored connection, its secrets decrypted. Secrets this server cannot read (the
        key changed without ``spendsync rotate-keys``, or none were ever stored) are the CRM
        refusing the connection, as for any caller of the CRM: a ``CrmAuthError``."""
        try:
            client_secret = self.cipher.decrypt(integration.client_secret_encrypted or "")
            refresh_token = self.cipher.decrypt(integration.refresh_token_encrypted or "")
        except CredentialError as exc:
            raise CrmAuthError(
                "The stored CRM credentials cannot be read with this server's key: connect the "
                "integration again, or run `spendsync rotate-keys` with the key they were "
                "written with.",
                code="CREDENTIALS_UNREADABLE",
            ) from exc
        return ConnectionSettings(
            client_id=integration.client_id,
            client_secret=client_secret,
            refresh_token=refresh_token,
            data_centre=integration.data_centre,
            accounts_url=integration.accounts_url,
            api_url=integration.api_url,
        )

    def _open(self, integration: models.Integration) -> AbstractAsyncContextManager[ZohoCrmClient]:
        """The one client opener: a client of the organisation's CRM (its secrets decrypted
        here only, never logged). Every operation below opens its client here; the near-real-
        time channels and the users sync receive this opener, not the service."""
        return self.factory.connect(str(integration.org_id), self.connection(integration))

    # -- what resolvers ask of the CRM (each raises ``CrmError`` when the CRM refuses) -----------
    async def crm_fields(self, integration: models.Integration, module: str) -> list[CrmField]:
        async with self._open(integration) as client:
            return await client.list_fields(module)

    async def contacts_exist(self, integration: models.Integration, ids: list[str]) -> set[str]:
        """Which of these CRM contact ids exist."""
        async with self._open(integration) as client:
            found = set()
            for contact_id in dict.fromkeys(ids):
                if contact_id.isdigit() and await client.get_record(
                    "Contacts", contact_id, fields=("Last_Name",)
                ):
                    found.add(contact_id)
            return found

    async def custom_views(self, integration: models.Integration, module: str) -> list[CustomView]:
        async with self._open(integration) as client:
            return await client.list_custom_views(module)

    async def search_contacts(
        self, integration: models.Integration, first_name: str | None, last_name: str | None,
        limit: int,
    ) -> list[crm_search.FoundContact]:  # fmt: skip
        """Search in CRM: contacts by name (``limit`` at most ``MAX_SEARCH_RESULTS``)."""
        async with self._open(integration) as client:
            return await crm_search.search_contacts(client, first_name, last_name, limit)

    async def search_accounts(
        self, integration: models.Integration, name: str, limit: int
    ) -> list[crm_search.FoundAccount]:
        """Search in CRM: accounts by name, each with its contacts."""
        async with self._open(integration) as client:
            return await crm_search.search_accounts(client, name, limit)

    async def choose(
        self, integration: models.Integration, module: str, crm_id: str
    ) -> models.Customer:
        """Fetch-on-choose: the CRM record as a linked customer, through the sync's mapping and
        writers. Raises ``ChooseProblem`` (a record that cannot be chosen) or ``CrmError``."""
        async with self._open(integration) as client:
            return await Chooser(client, integration).choose(module, crm_id)

    async def crm_users(self, integration: models.Integration) -> list[CrmUser]:
        """The CRM's users, active and deactivated, in import order (oldest first)."""
        async with self._open(integration) as client:
            return sorted(await users.read_users(client), key=users.import_order)

    async def import_users(self, org_id: int, wanted: list[users.Wanted]) -> users.UserCounts:
        """Import the chosen CRM users with their roles (the users sync's own writer)."""
        return await users.apply_users(org_id, wanted)

    async def sync_users(self, integration: models.Integration, trigger: str) -> models.UserSyncRun:
        """An instant users sync; a CRM refusal is a FAILED run, never an exception."""
        return await instant_user_sync(self._open, integration, trigger)

    # -- lifecycle: near-real-time channels, callbacks, deletions -----------------------------
    @property
    def takes_callbacks(self) -> bool:
        """Whether the CRM can reach this server (a public address is configured)."""
        return self.realtime.notify_url is not None

    async def watch(self, integration: models.Integration) -> None:
        """Open the organisation's notification channel (raises ``CrmError``)."""
        await self.realtime.subscribe(integration)

    async def unwatch(self, integration: models.Integration) -> None:
        """Close the organisation's channels (whatever the CRM answers)."""
        await self.realtime.unsubscribe_all(integration)

    async def accept_callback(self, payload: Mapping[str, Any]) -> bool:
        """A callback from the CRM: False (refused, nothing changes) unless it is ours."""
        return await self.realtime.accept(payload)

    async def start_deletion(self, deletion: models.IntegrationDeletion) -> None:
        await self.deletions.start(deletion)

    async def resume_deletion(self, deletion: models.IntegrationDeletion) -> None:
        await self.deletions.resume(deletion)

    # -- runs ---------------------------------------------------------------------------------
    async def start_run(
        self, org_id: int, trigger: str, *, modules: frozenset[str] | None = None
    ) -> models.SyncRun:
        """Queue a run and start it in the background; an active run is returned instead.
        ``modules``: only these CRM modules' streams, incrementally (near-real-time callbacks)."""
        lock = self._locks.setdefault(org_id, asyncio.Lock())
        # With workers, a run in progress may already have read what this run is asked for (a
        # CRM callback during a run): a new one is queued behind it, unless one already waits.
        blocking = ACTIVE if self.defer is None else (models.SyncStatus.QUEUED,)
        async with lock:
            active = await models.SyncRun.filter(org_id=org_id, status__in=blocking).first()
            if active is not None:
                return active
            run = await models.SyncRun.create(org_id=org_id, trigger=trigger)
            if self.defer is None:
                self._tasks[org_id] = asyncio.create_task(
                    self._execute(run, modules), name=f"sync-org-{org_id}"
                )
        if self.defer is not None:
            # A job already waiting for this organisation takes this run (run_queued); a
            # worker's run reads every stream (incrementally), whatever ``modules`` asked.
            await self.defer(org_id, trigger)
        return run

    async def run_queued(self, org_id: int, trigger: str) -> models.SyncRun:
        """A worker's job: run the organisation's oldest queued run (queued by the app), or a
        new one when none waits (a scheduled job). The job holds the organisation's lock, so a
        run still RUNNING now was left by a worker that stopped: it is marked interrupted."""
        await self.recover(org_id, statuses=(models.SyncStatus.RUNNING,))
        queued = (
            await models.SyncRun.filter(org_id=org_id, status=models.SyncStatus.QUEUED)
            .order_by("id")
            .first()
        )
        if queued is None:
            return await self.run_now(org_id, trigger)
        await self._execute(queued)
        await queued.refresh_from_db()
        return queued

    async def run_now(self, org_id: int, trigger: str) -> models.SyncRun:
        """Queue a run and wait for it (CLI and tests)."""
        run = await self.start_run(org_id, trigger)
        task = self._tasks.get(org_id)
        if task is not None:
            await task
        await run.refresh_from_db()
        return run

    async def wait_for_run(self, org_id: int) -> None:
        """Until the organisation's run in this process (if any) has ended."""
        task = self._tasks.get(org_id)
        if task is not None:
            await asyncio.gather(task, return_exceptions=True)

    async def _execute(self, run: models.SyncRun, modules: frozenset[str] | None = None) -> None:
        status, message = models.SyncStatus.SUCCEEDED, ""
        try:
            run.status = models.SyncStatus.RUNNING
            run.started_at = self.now()
            await run.save(update_fields=["status", "started_at", "updated_at"])
            integration = await models.Integration.get(org_id=run.org_id)
            if integration.state is not models.IntegrationState.CONNECTED:
                raise IntegrationOff
            async with self._open(integration) as client:
                await SyncEngine(client, integration, run, now=self.now, modules=modules).execute()
                if integration.users_sync_enabled and not modules:  # after customers and deals
                    await run_user_sync(
                        client, integration, trigger=run.trigger, sync_run_id=run.id
                    )
        except IntegrationOff:
            status, message = models.SyncStatus.CANCELLED, "The integration is disabled."
        except CrmError as exc:
            status, message = models.SyncStatus.FAILED, f"The CRM refused the sync: {exc}"
            logger.warning("sync of org %s failed: %s", run.org_id, type(exc).__name__)
        except asyncio.CancelledError:
            status, message = models.SyncStatus.CANCELLED, "The service stopped during the run."
            raise
        except Exception as exc:
            # a lost connection may surface as the driver's confusion (a protocol state error
            # on a connection the server cut): asked again, the database does not answer
            if database_unavailable(exc) or not await self._database_answers():
                # what was committed stays (each transaction holds its pages and the bookmark
                # they allow); the next run resumes from the bookmarks
                status, message = models.SyncStatus.FAILED, DATABASE_LOST
                logger.warning("sync of org %s lost its database: %r", run.org_id, exc)
            else:
                status, message = models.SyncStatus.FAILED, "An unexpected error stopped the sync."
                logger.exception("sync of org %s crashed", run.org_id)
        finally:
            try:
                await self._until_recorded(lambda: self._record_end(run, status, message, modules))
            finally:
                self._tasks.pop(run.org_id, None)

    async def _database_answers(self) -> bool:
        try:
            await asyncio.wait_for(models.SyncRun.all().limit(1).exists(), DATABASE_PROBE_SECONDS)
        except TimeoutError:
            return False
        except Exception as exc:
            return not database_unavailable(exc)  # another failure: not the database's absence
        return True

    async def _until_recorded(self, record: Callable[[], Awaitable[None]]) -> None:
        """Record a run's end, waiting for the database while it cannot be reached (its row
        must not stay RUNNING: that would block the organisation's next runs); any other
        failure is raised. Cancelling (shutdown) gives up: start-up recovery marks the run."""
        delay = RECORD_RETRY_FIRST
        while True:
            try:
                await record()
                return
            except Exception as exc:
                if not database_unavailable(exc):
                    raise
                logger.warning("database unavailable, the run's end waits %.2f s", delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, RECORD_RETRY_MAX)

    async def _record_end(
        self,
        run: models.SyncRun,
        status: models.SyncStatus,
        message: str,
        modules: frozenset[str] | None,
    ) -> None:
        finished = self.now()
        await models.SyncRun.filter(id=run.id).update(
            status=status, finished_at=finished, error_message=message
        )
        started = run.started_at
        metrics.run_ended(
            run.trigger, status.value,
            (finished - started).total_seconds() if started is not None else None,
        )  # fmt: skip
        current = await models.Integration.get_or_none(org_id=run.org_id)
        interval = timedelta(hours=current.sync_interval_hours if current else 24)
        if current is None or modules:
            pass  # deleted meanwhile; callback runs leave the 24-hour cycle as it is
        elif status is models.SyncStatus.SUCCEEDED:
            await models.Integration.filter(org_id=run.org_id).update(
                last_sync_at=finished, next_sync_at=finished + interval
            )
        elif current.next_sync_at is not None:
            # scheduled again later, not at every tick (a revoked token must not hammer the
            # CRM's accounts server); after a database outage sooner: the CRM was not at fault
            retry = DATABASE_RETRY if message == DATABASE_LOST else FAILURE_RETRY
            await models.Integration.filter(org_id=run.org_id).update(
                next_sync_at=finished + min(interval, retry)
            )

    async def tick(self) -> list[models.SyncRun]:
        """Start every scheduled run that is due."""
        due = await models.Integration.filter(
            state=models.IntegrationState.CONNECTED,
            customers_configured=True,
            next_sync_at__lte=self.now(),
        )
        runs = [await self.start_run(integration.org_id, "SCHEDULED") for integration in due]
        await self.realtime.renew_due()
        return runs

    async def recover(
        self, org_id: int | None = None, *, statuses: tuple[models.SyncStatus, ...] = ACTIVE
    ) -> None:
        """At start-up: runs left QUEUED or RUNNING by a stopped process are marked failed."""
        stale = models.SyncRun.filter(status__in=statuses)
        if org_id is not None:
            stale = stale.filter(org_id=org_id)
        await stale.update(
            status=models.SyncStatus.FAILED,
            finished_at=self.now(),
            error_message="Interrupted: the service stopped; the next run resumes where it was.",
        )

    async def schedule_forever(self, every_seconds: float) -> None:
        """The in-process scheduler (SQLite deployments): a tick every ``every_seconds``."""
        while True:
            try:
                await self.tick()
            except Exception:  # a failed tick must not stop the scheduler
                logger.exception("sync scheduler tick failed")
            await asyncio.sleep(every_seconds)

    async def aclose_when_idle(self) -> None:
        """Wait for the runs in progress to finish (tests, graceful shutdown)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks.values()), return_exceptions=True)

    async def aclose(self) -> None:
        await self.realtime.aclose()
        await self.deletions.aclose()
        tasks = list(self._tasks.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
