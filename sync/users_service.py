"""Running users syncs: instant ones (asked through the API) and the one after every customer
sync run of an organisation whose users sync is on. Each is a ``UserSyncRun`` row; a CRM
refusal marks it FAILED and never fails the customer sync it follows."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from orm import models
from sync.crm.errors import CrmError
from sync.crm.protocol import CrmClient
from sync.engine.users import sync_users
from sync.ports import ClientOpener

logger = logging.getLogger("spendsync.sync")


async def _failed(run: models.UserSyncRun, message: str) -> None:
    await models.UserSyncRun.filter(id=run.id).update(
        status=models.SyncStatus.FAILED, finished_at=datetime.now(UTC), error_message=message
    )


async def run_user_sync(
    client: CrmClient,
    integration: models.Integration,
    *,
    trigger: str,
    sync_run_id: int | None = None,
) -> models.UserSyncRun:
    """One users sync with an open client (the customer sync's, after its streams)."""
    run = await models.UserSyncRun.create(
        org_id=integration.org_id, trigger=trigger, sync_run_id=sync_run_id
    )
    try:
        await sync_users(client, integration, run)
    except CrmError as exc:
        await _failed(run, f"The CRM refused the users sync: {exc}")
        logger.warning("users sync of org %s failed: %s", integration.org_id, type(exc).__name__)
    await run.refresh_from_db()
    return run


async def instant_user_sync(
    opener: ClientOpener, integration: models.Integration, trigger: str
) -> models.UserSyncRun:
    """A users sync on a client of its own (``opener``: the service's opener)."""
    try:
        async with opener(integration) as client:
            return await run_user_sync(client, integration, trigger=trigger)
    except CrmError as exc:  # refused while opening the client (the token request)
        run = await models.UserSyncRun.create(org_id=integration.org_id, trigger=trigger)
        await _failed(run, f"The CRM refused the users sync: {exc}")
        await run.refresh_from_db()
        return run
