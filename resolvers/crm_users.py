"""Users from the CRM: the users-sync settings, instant users syncs, the CRM's user list and
the manual import (docs/SYNC.md, "Users from the CRM"). Admin-only; the rules of importing
live in the users sync, behind ``SyncService``."""

from __future__ import annotations

from dataclasses import dataclass

from orm import models
from resolvers.errors import ErrorCode, FieldError, MutationResult
from resolvers.viewer import Viewer
from sync.api import CrmError, CrmUser, UserCounts, Wanted

# the users sync's rule vocabulary, for the GraphQL binding
from sync.api import RoleRule as RoleRule
from sync.api import created_time as created_time
from sync.api import rules_of as rules_of
from sync.service import SyncService

MAX_RULES = 50
MAX_IMPORT = 100
MAX_PER_PAGE = 100


async def _connected(viewer: Viewer) -> models.Integration | MutationResult[object]:
    integration = await models.Integration.get_or_none(org_id=viewer.org_id)
    if integration is None or integration.state is not models.IntegrationState.CONNECTED:
        return MutationResult.fail(
            None, "Connect the CRM first (or enable the integration).", ErrorCode.NOT_CONNECTED
        )
    return integration


@dataclass(frozen=True)
class UserSyncSettings:
    enabled: bool
    rules: list[RoleRule]


@dataclass(frozen=True)
class UserSyncOutcome:
    integration: models.Integration
    run: models.UserSyncRun | None


def _check_rules(rules: list[RoleRule]) -> list[FieldError]:
    errors = []
    if len(rules) > MAX_RULES:
        return [FieldError("roleMappings", f"At most {MAX_RULES}.", ErrorCode.TOO_MANY_ITEMS)]
    seen: set[tuple[str, str]] = set()
    for index, rule in enumerate(rules):
        key = (rule.kind, rule.name.strip().casefold())
        if not rule.name.strip():
            errors.append(FieldError(f"roleMappings.{index}.name", "Give the CRM's name.",
                                     ErrorCode.REQUIRED))  # fmt: skip
        elif len(rule.name.strip()) > 100:
            errors.append(FieldError(f"roleMappings.{index}.name", "At most 100 characters.",
                                     ErrorCode.TOO_LONG))  # fmt: skip
        elif key in seen:
            errors.append(FieldError(f"roleMappings.{index}.name", "Mapped twice.",
                                     ErrorCode.UNIQUE))  # fmt: skip
        seen.add(key)
    return errors


async def save_settings(
    viewer: Viewer, service: SyncService, data: UserSyncSettings
) -> MutationResult[UserSyncOutcome]:
    """Turning the users sync on runs an instant users sync (its run is returned)."""
    found = await _connected(viewer)
    if isinstance(found, MutationResult):
        return MutationResult(errors=found.errors)
    errors = _check_rules(data.rules)
    if errors:
        return MutationResult(errors=errors)
    integration = found
    turned_on = data.enabled and not integration.users_sync_enabled
    integration.users_sync_enabled = data.enabled
    integration.user_role_mapping = [
        RoleRule(r.kind, r.name.strip(), r.role).as_json() for r in data.rules
    ] or None
    await integration.save(update_fields=["users_sync_enabled", "user_role_mapping", "updated_at"])
    run = await service.sync_users(integration, "ENABLED") if turned_on else None
    return MutationResult(UserSyncOutcome(integration, run))


async def sync_now(viewer: Viewer, service: SyncService) -> MutationResult[models.UserSyncRun]:
    found = await _connected(viewer)
    if isinstance(found, MutationResult):
        return MutationResult(errors=found.errors)
    if not found.users_sync_enabled:
        return MutationResult.fail(
            None, "Turn the users sync on first.", ErrorCode.SYNC_NOT_CONFIGURED
        )
    return MutationResult(await service.sync_users(found, "MANUAL"))


async def recent_user_syncs(org_id: int, limit: int = 20) -> list[models.UserSyncRun]:
    query = models.UserSyncRun.filter(org_id=org_id).order_by("-created_at", "-id")
    return await query.limit(limit)


@dataclass(frozen=True)
class CrmUserEntry:
    user: CrmUser
    imported: models.User | None


@dataclass(frozen=True)
class CrmUserPage:
    entries: list[CrmUserEntry]
    total: int
    page: int
    per_page: int


class CrmUnavailable(Exception):
    """Not connected, or the CRM refused; ``code`` is an ErrorCode value."""

    def __init__(self, message: str, code: ErrorCode) -> None:
        super().__init__(message)
        self.code = code


async def _crm_users(service: SyncService, integration: models.Integration) -> list[CrmUser]:
    try:
        return await service.crm_users(integration)
    except CrmError as exc:
        raise CrmUnavailable(f"The CRM refused: {exc}", ErrorCode.CRM_REJECTED) from exc


async def crm_users(viewer: Viewer, service: SyncService, page: int, per_page: int) -> CrmUserPage:
    """The CRM's users (active and deactivated) in import order, a page at a time, each with
    the Spendsync user linked to it."""
    found = await _connected(viewer)
    if isinstance(found, MutationResult):
        raise CrmUnavailable(found.errors[0].message, ErrorCode.NOT_CONNECTED)
    page, per_page = max(page, 1), min(max(per_page, 1), MAX_PER_PAGE)
    everyone = await _crm_users(service, found)  # in import order
    chunk = everyone[(page - 1) * per_page : page * per_page]
    linked = {
        u.crm_user_id: u
        for u in await models.User.filter(
            org_id=viewer.org_id, crm_user_id__in=[c.id for c in chunk]
        )
    }
    entries = [CrmUserEntry(c, linked.get(c.id)) for c in chunk]
    return CrmUserPage(entries, len(everyone), page, per_page)


@dataclass(frozen=True)
class ImportChoice:
    crm_user_id: str
    role: models.UserRole


async def import_users(
    viewer: Viewer, service: SyncService, choices: list[ImportChoice]
) -> MutationResult[UserCounts]:
    """Import the chosen CRM users with their roles (plan limit as in the sync: ACTIVE while it
    allows, INACTIVE beyond). Users already imported stay as they are."""
    found = await _connected(viewer)
    if isinstance(found, MutationResult):
        return MutationResult(errors=found.errors)
    if not choices:
        return MutationResult.fail("users", "Choose at least one user.", ErrorCode.REQUIRED)
    if len(choices) > MAX_IMPORT:
        return MutationResult.fail("users", f"At most {MAX_IMPORT}.", ErrorCode.TOO_MANY_ITEMS)
    try:
        everyone = {u.id: u for u in await _crm_users(service, found)}
    except CrmUnavailable as exc:
        return MutationResult.fail(None, str(exc), exc.code)
    errors: list[FieldError] = []
    wanted: dict[str, Wanted] = {}
    for index, choice in enumerate(choices):
        crm = everyone.get(choice.crm_user_id)
        path = f"users.{index}.crmUserId"
        if crm is None:
            errors.append(FieldError(path, "No such user in the CRM.", ErrorCode.NOT_FOUND))
        elif not crm.active:
            errors.append(FieldError(path, "This user is deactivated in the CRM.",
                                     ErrorCode.USER_INACTIVE))  # fmt: skip
        elif not crm.email:
            errors.append(FieldError(path, "This CRM user has no e-mail address.",
                                     ErrorCode.INVALID_EMAIL))  # fmt: skip
        elif crm.id in wanted:
            errors.append(FieldError(path, "Chosen twice.", ErrorCode.UNIQUE))
        else:
            wanted[crm.id] = Wanted(crm, choice.role)
    if errors:
        return MutationResult(errors=errors)
    return MutationResult(await service.import_users(viewer.org_id, list(wanted.values())))
