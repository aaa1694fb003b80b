"""The integration's lifecycle: options, disabling, enabling and deleting (docs/SYNC.md).

Sync Modules and near-real-time sync are stored on the integration; the potentials option is
the organisation's ``potential_scope`` (ONLY_USERS_POTENTIALS = OWN, ALL_POTENTIALS = ALL), so
the expense rules that already apply it stay the one place that does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from orm import models
from resolvers.errors import ErrorCode, FieldError, MutationResult, Refused
from resolvers.viewer import Viewer
from sync.api import HOOK_PATH, CrmError
from sync.service import SyncService

ACTIVE_DELETION = (models.DeletionStatus.QUEUED, models.DeletionStatus.RUNNING)
# where the CRM posts its notification callbacks (near-real-time sync)
CALLBACK_PATH = HOOK_PATH


class PotentialsOption(StrEnum):
    ONLY_USERS_POTENTIALS = "ONLY_USERS_POTENTIALS"
    ALL_POTENTIALS = "ALL_POTENTIALS"


SCOPE_OF = {
    PotentialsOption.ONLY_USERS_POTENTIALS: models.PotentialScope.OWN,
    PotentialsOption.ALL_POTENTIALS: models.PotentialScope.ALL,
}
OPTION_OF = {scope: option for option, scope in SCOPE_OF.items()}


def potentials_option(org: models.Organization) -> PotentialsOption:
    return OPTION_OF[org.potential_scope]


# -- Sync Modules -----------------------------------------------------------------------------
SYNC_MODULES_OFF_MESSAGE = (
    "The Expenses and Expense Reports modules of the CRM tab are off: an admin turns on "
    "Sync Modules in the CRM integration settings."
)


async def sync_modules_refusal(viewer: Viewer) -> FieldError | None:
    """Why the CRM tab's Expenses and Expense Reports pages are refused, or None when they are
    available (Sync Modules on, integration connected)."""
    integration = await models.Integration.get_or_none(org_id=viewer.org_id)
    if integration is None or not integration.sync_modules:
        return FieldError(None, SYNC_MODULES_OFF_MESSAGE, ErrorCode.SYNC_MODULES_OFF)
    if integration.state is models.IntegrationState.DISABLED:
        return FieldError(None, "The CRM integration is disabled.", ErrorCode.INTEGRATION_DISABLED)
    if integration.state is not models.IntegrationState.CONNECTED:
        return FieldError(None, "The CRM is not connected.", ErrorCode.NOT_CONNECTED)
    return None


async def require_sync_modules(viewer: Viewer) -> None:
    """For the pages of the CRM tab: raises ``Refused`` with the reason while they are off."""
    refusal = await sync_modules_refusal(viewer)
    if refusal is not None:
        raise Refused([refusal])


# -- options ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Options:
    """Each None leaves that option as it is."""

    sync_modules: bool | None = None
    potentials_option: PotentialsOption | None = None
    real_time_sync: bool | None = None


async def save_options(
    viewer: Viewer, service: SyncService, data: Options
) -> MutationResult[models.Integration]:
    """Turning near-real-time sync on opens the CRM channel first (nothing is saved when the CRM
    refuses); turning it off closes the channels."""
    integration = await models.Integration.get_or_none(org_id=viewer.org_id)
    if integration is None or integration.state is models.IntegrationState.NOT_CONNECTED:
        return MutationResult.fail(None, "Connect the CRM first.", ErrorCode.NOT_CONNECTED)
    if data.real_time_sync and not integration.real_time_sync:
        if integration.state is models.IntegrationState.DISABLED:
            return MutationResult.fail(
                "realTimeSync", "Enable the integration first.", ErrorCode.INTEGRATION_DISABLED
            )
        if not service.takes_callbacks:
            return MutationResult.fail(
                "realTimeSync",
                "This server has no public address for the CRM's callbacks (PUBLIC_BASE_URL).",
                ErrorCode.PUBLIC_URL_MISSING,
            )
        try:
            await service.watch(integration)
        except CrmError as exc:
            return MutationResult.fail(
                "realTimeSync", f"The CRM refused the subscription: {exc}", ErrorCode.CRM_REJECTED
            )
    elif data.real_time_sync is False and integration.real_time_sync:
        await service.unwatch(integration)
    changes: dict[str, bool] = {}
    if data.sync_modules is not None:
        changes["sync_modules"] = data.sync_modules
    if data.real_time_sync is not None:
        changes["real_time_sync"] = data.real_time_sync
    if changes:
        integration.update_from_dict(changes)
        await integration.save(update_fields=[*changes, "updated_at"])
    if data.potentials_option is not None:
        await models.Organization.filter(id=viewer.org_id).update(
            potential_scope=SCOPE_OF[data.potentials_option]
        )
    return MutationResult(integration)


# -- disable, enable, delete ------------------------------------------------------------------
async def _deletion_in_progress(org_id: int) -> models.IntegrationDeletion | None:
    return (
        await models.IntegrationDeletion.filter(org_id=org_id, status__in=ACTIVE_DELETION)
        .order_by("-id")
        .first()
    )


async def disable(viewer: Viewer, service: SyncService) -> MutationResult[models.Integration]:
    """No sync runs afterwards; every record stays. Disabling twice changes nothing."""
    integration = await models.Integration.get_or_none(org_id=viewer.org_id)
    if integration is None or integration.state is models.IntegrationState.NOT_CONNECTED:
        return MutationResult.fail(None, "The CRM is not connected.", ErrorCode.NOT_CONNECTED)
    if integration.state is models.IntegrationState.CONNECTED:
        integration.state = models.IntegrationState.DISABLED
        await integration.save(update_fields=["state", "updated_at"])
        await service.unwatch(integration)
    return MutationResult(integration)


async def enable(viewer: Viewer, service: SyncService) -> MutationResult[models.Integration]:
    """Back to CONNECTED; the scheduled cycle resumes (and the channels, at the next tick)."""
    integration = await models.Integration.get_or_none(org_id=viewer.org_id)
    if integration is None or integration.state is models.IntegrationState.NOT_CONNECTED:
        return MutationResult.fail(None, "The CRM is not connected.", ErrorCode.NOT_CONNECTED)
    if await _deletion_in_progress(viewer.org_id) is not None:
        return MutationResult.fail(
            None, "The integration is being deleted.", ErrorCode.DELETION_IN_PROGRESS
        )
    if integration.state is models.IntegrationState.DISABLED:
        integration.state = models.IntegrationState.CONNECTED
        await integration.save(update_fields=["state", "updated_at"])
    return MutationResult(integration)


async def delete(
    viewer: Viewer, service: SyncService, mode: models.DeletionMode
) -> MutationResult[models.IntegrationDeletion]:
    """Only a DISABLED integration can be deleted; the work runs as a job. Asking while one is
    queued or running returns that one (restarting it when its process had stopped)."""
    integration = await models.Integration.get_or_none(org_id=viewer.org_id)
    if integration is None or integration.state is models.IntegrationState.NOT_CONNECTED:
        return MutationResult.fail(
            None, "There is no integration to delete.", ErrorCode.NOT_CONNECTED
        )
    if integration.state is not models.IntegrationState.DISABLED:
        return MutationResult.fail(
            None, "Disable the integration before deleting it.", ErrorCode.INTEGRATION_NOT_DISABLED
        )
    active = await _deletion_in_progress(viewer.org_id)
    if active is not None:
        await service.resume_deletion(active)
        return MutationResult(active)
    deletion = await models.IntegrationDeletion.create(
        org_id=viewer.org_id, mode=mode, requested_by_id=viewer.user_id
    )
    await service.start_deletion(deletion)
    return MutationResult(deletion)


async def latest_deletion(org_id: int) -> models.IntegrationDeletion | None:
    return await models.IntegrationDeletion.filter(org_id=org_id).order_by("-id").first()


# -- the CRM's callbacks ----------------------------------------------------------------------
async def accept_callback(service: SyncService, payload: Mapping[str, Any]) -> bool:
    """A notification callback from the CRM (``POST /hooks/zoho/notify``): False when its
    channel is unknown or its token wrong (the caller answers 403; nothing changes); True when
    accepted (the sync of the modules it names starts shortly, gathered with the next ones)."""
    return await service.accept_callback(payload)
