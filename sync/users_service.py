"""Running users syncs: instant ones (asked through the API) and the one after every customer
sync run of an organisation whose users sync is on. Each is a ``UserSyncRun`` row; a CRM
refusal marks it FAILED and never fails the customer sync it follows."""

from __future__ import annotations

import logging
from contextlib import AbstractAsyncContextManager
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from orm import models
from sync.crm.client import ZohoCrmClient
from sync.crm.errors import CrmError
from sync.crm.protocol import CrmClient
from sync.engine.users import sync_users

if TYPE_CHECKING:
    from sync.service import SyncService

logger = logging.getLogger("spendsync.sync")


def open_client(
    service: SyncService, integration: models.Integration
) -> AbstractAsyncContextManager[ZohoCrmClient]:
    """A client of the organisation's CRM (secrets decrypted only here, never logged)."""
    return service.factory.connect(str(integration.org_id), service.connection(integration))


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
    service: SyncService, integration: models.Integration, trigger: str
) -> models.UserSyncRun:
    try:
        async with open_client(service, integration) as client:
            return await run_user_sync(client, integration, trigger=trigger)
    except CrmError as exc:  # refused while opening the client (the token request)
        run = await models.UserSyncRun.create(org_id=integration.org_id, trigger=trigger)
        await _failed(run, f"The CRM refused the users sync: {exc}")
        await run.refresh_from_db()
        return run
