"""The CRM integration's settings: connecting, choosing what syncs, starting syncs.

The rules live here; talking to the CRM and running syncs is the sync service's job.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from urllib.parse import urlsplit

from tortoise.queryset import QuerySet

from orm import models
from resolvers.errors import ErrorCode, FieldError, MutationResult, Refused
from resolvers.viewer import Viewer
from sync.api import (
    COMPATIBLE_CRM_TYPES,
    CUSTOM_PREFIX,
    DATA_CENTRES,
    FIELD_TARGETS,
    REQUIRED_TARGET,
    ConnectionSettings,
    CrmError,
    CrmField,
    CrmRetriableError,
    CustomView,
    effective_field_map,
    field_accepts,
)
from sync.service import SyncService

MAX_SECRET = 1024
MAX_CLIENT_ID = 255
MAX_URL = 255
# The whole check of new credentials (token, /org, currencies, with the client's retries):
# past it the admin hears CRM_UNREACHABLE instead of waiting for every retry.
CONNECT_TIMEOUT_SECONDS = 5.0


async def get_integration(viewer: Viewer) -> models.Integration:
    """The organisation's integration; an unsaved NOT_CONNECTED one when there is none yet."""
    found = await models.Integration.get_or_none(org_id=viewer.org_id)
    return found or models.Integration(org_id=viewer.org_id)


def list_runs(viewer: Viewer) -> QuerySet[models.SyncRun]:
    return models.SyncRun.filter(org_id=viewer.org_id).order_by("-created_at", "-id")


async def forget_bookmarks(org_id: int) -> None:
    """The next run reads every record again (a full sync; upserts make it harmless)."""
    await models.SyncCursor.filter(org_id=org_id).delete()


@dataclass(frozen=True)
class ConnectData:
    client_id: str
    client_secret: str
    refresh_token: str
    data_centre: str | None = None
    accounts_url: str | None = None
    api_url: str | None = None


def _url(value: str | None, name: str, errors: list[FieldError]) -> str | None:
    if not value:
        return None
    parts = urlsplit(value.strip())
    if len(value.strip()) > MAX_URL:
        errors.append(FieldError(name, "This address is too long.", ErrorCode.TOO_LONG))
    elif parts.scheme not in {"http", "https"} or not parts.netloc:
        errors.append(FieldError(name, "Give an http(s) address.", ErrorCode.INVALID))
    return value.strip().rstrip("/")


def _clean_connect(data: ConnectData, errors: list[FieldError]) -> ConnectionSettings:
    for name, value in (
        ("clientId", data.client_id), ("clientSecret", data.client_secret),
        ("refreshToken", data.refresh_token),
    ):  # fmt: skip
        limit = MAX_CLIENT_ID if name == "clientId" else MAX_SECRET
        if not value.strip():
            errors.append(FieldError(name, "This field is required.", ErrorCode.REQUIRED))
        elif len(value.strip()) > limit:
            errors.append(FieldError(name, "This value is too long.", ErrorCode.TOO_LONG))
    accounts_url = _url(data.accounts_url, "accountsUrl", errors)
    api_url = _url(data.api_url, "apiUrl", errors)
    data_centre = data.data_centre.upper() if data.data_centre else None
    if accounts_url is None and data_centre not in DATA_CENTRES:
        errors.append(
            FieldError(
                "dataCentre",
                f"Choose a data centre ({', '.join(DATA_CENTRES)}) or give the accounts URL.",
                ErrorCode.INVALID,
            )
        )
    return ConnectionSettings(
        client_id=data.client_id.strip(), client_secret=data.client_secret.strip(),
        refresh_token=data.refresh_token.strip(),
        data_centre=None if accounts_url else data_centre, accounts_url=accounts_url,
        api_url=api_url,
    )  # fmt: skip


# Zoho's token endpoint says which credential it refused: the error goes next to that field.
REFUSED_FIELD: dict[str, tuple[str, str]] = {
    "invalid_client": ("clientSecret", " (client id or secret not recognised)"),
    "invalid_client_secret": ("clientSecret", " (client secret not recognised)"),
    "invalid_code": ("refreshToken", " (refresh token not valid)"),
}


async def connect(
    viewer: Viewer, service: SyncService, data: ConnectData
) -> MutationResult[models.Integration]:
    """Verify the credentials against the CRM (``/org``) before anything is saved."""
    errors: list[FieldError] = []
    settings = _clean_connect(data, errors)
    for field, url in (("accountsUrl", settings.accounts_url), ("apiUrl", settings.api_url)):
        if url and not service.allow_explicit_urls:
            errors.append(
                FieldError(
                    field,
                    "This server accepts a data centre only (ALLOW_CRM_URLS is off).",
                    ErrorCode.INVALID,
                )
            )
    if errors:
        return MutationResult(errors=errors)
    try:
        async with asyncio.timeout(CONNECT_TIMEOUT_SECONDS):
            crm_org = await service.verify(viewer.org_id, settings)
    except (TimeoutError, CrmRetriableError) as exc:
        reason = "did not answer in time" if isinstance(exc, TimeoutError) else f"failed: {exc}"
        return MutationResult.fail(
            None,
            f"The CRM could not be reached (the check {reason}); try again later.",
            ErrorCode.CRM_UNREACHABLE,
        )
    except CrmError as exc:
        refused, hint = REFUSED_FIELD.get(exc.code or "", (None, ""))
        return MutationResult.fail(
            refused, f"The CRM refused the connection{hint}: {exc}", ErrorCode.CRM_REJECTED
        )
    integration = await get_integration(viewer)
    if integration.state is models.IntegrationState.DISABLED:
        return MutationResult.fail(
            None, "The integration is disabled: enable it first.", ErrorCode.INTEGRATION_DISABLED
        )
    if integration.crm_org_id not in (None, crm_org.id):
        await forget_bookmarks(viewer.org_id)  # another CRM organisation: read everything again
    integration.update_from_dict(
        {
            "state": models.IntegrationState.CONNECTED,
            "data_centre": settings.data_centre, "accounts_url": settings.accounts_url,
            "api_url": settings.api_url, "client_id": settings.client_id,
            "client_secret_encrypted": service.cipher.encrypt(settings.client_secret),
            "refresh_token_encrypted": service.cipher.encrypt(settings.refresh_token),
            "crm_org_id": crm_org.id, "crm_org_name": crm_org.name,
            "crm_currency": crm_org.currency, "crm_multi_currency": crm_org.multi_currency,
        }
    )  # fmt: skip
    await integration.save()
    return MutationResult(integration)


@dataclass(frozen=True)
class CustomerSettings:
    customer_module: models.CustomerModule
    extent: models.SyncExtent = models.SyncExtent.FETCH
    duplicate_policy: models.DuplicatePolicy = models.DuplicatePolicy.SKIP
    account_view_id: str | None = None
    contact_view_id: str | None = None
    include_orphan_contacts: bool = False
    sync_interval_hours: int = 24
    conflict_policy: models.ConflictPolicy = models.ConflictPolicy.CRM_WINS
    picked_contact_ids: list[str] | None = None


async def _connected(viewer: Viewer) -> models.Integration | MutationResult[models.Integration]:
    integration = await models.Integration.get_or_none(org_id=viewer.org_id)
    if integration is not None and integration.state is models.IntegrationState.DISABLED:
        return MutationResult.fail(
            None,
            "The integration is disabled: enable it before syncing or changing what syncs.",
            ErrorCode.INTEGRATION_DISABLED,
        )
    if integration is None or integration.state is not models.IntegrationState.CONNECTED:
        return MutationResult.fail(
            None, "Connect the CRM first (or enable the integration).", ErrorCode.NOT_CONNECTED
        )
    return integration


async def _readable(viewer: Viewer) -> models.Integration:
    """The connected integration whose CRM metadata an admin reads; refused (NOT_CONNECTED)
    otherwise."""
    row = await get_integration(viewer)
    if row.state is not models.IntegrationState.CONNECTED:
        raise Refused([FieldError(None, "Connect the CRM first.", ErrorCode.NOT_CONNECTED)])
    return row


def _crm_refused(exc: CrmError) -> Refused:
    return Refused([FieldError(None, f"The CRM refused: {exc}", ErrorCode.CRM_REJECTED)])


async def crm_custom_views(viewer: Viewer, service: SyncService, module: str) -> list[CustomView]:
    """The CRM's views of a module, to choose which records sync. Raises ``Refused``
    (NOT_CONNECTED, CRM_REJECTED)."""
    row = await _readable(viewer)
    try:
        return await service.custom_views(row, module)
    except CrmError as exc:
        raise _crm_refused(exc) from exc


async def crm_fields(viewer: Viewer, service: SyncService, module: str) -> list[CrmField]:
    """The CRM's fields of a module, for the field mapping. Raises ``Refused``
    (NOT_CONNECTED, CRM_REJECTED)."""
    row = await _readable(viewer)
    try:
        return await service.crm_fields(row, module)
    except CrmError as exc:
        raise _crm_refused(exc) from exc


async def save_customer_settings(
    viewer: Viewer, service: SyncService, data: CustomerSettings, *, sync_now: bool
) -> MutationResult[models.Integration]:
    """ "Save and Sync" (``sync_now``) or "Save and Sync Later"."""
    integration = await _connected(viewer)
    if isinstance(integration, MutationResult):
        return integration
    errors: list[FieldError] = []
    org = await models.Organization.get(id=viewer.org_id)
    if integration.crm_multi_currency and integration.crm_currency not in (None, org.base_currency):
        errors.append(
            FieldError(
                None,
                f"The CRM uses several currencies with base {integration.crm_currency}, but this "
                f"organisation's base currency is {org.base_currency}. Change the organisation's "
                f"base currency to {integration.crm_currency} (or the CRM's) first.",
                ErrorCode.CURRENCY_MISMATCH,
            )
        )
    if not 1 <= data.sync_interval_hours <= 24 * 7:
        errors.append(
            FieldError("syncIntervalHours", "Between 1 and 168 hours.", ErrorCode.INVALID)
        )
    for name, module, view_id in (
        ("accountViewId", "Accounts", data.account_view_id),
        ("contactViewId", "Contacts", data.contact_view_id),
    ):
        if view_id is None:
            continue
        try:
            views = await service.custom_views(integration, module)
        except CrmError as exc:
            return MutationResult.fail(None, f"The CRM refused: {exc}", ErrorCode.CRM_REJECTED)
        if view_id not in {view.id for view in views}:
            errors.append(
                FieldError(name, f"No such {module} view in the CRM.", ErrorCode.NOT_FOUND)
            )
    errors += await _check_picked(service, integration, data)
    if errors:
        return MutationResult(errors=errors)
    scope = (
        "customer_module", "account_view_id", "contact_view_id", "include_orphan_contacts",
        "picked_contact_ids",
    )  # fmt: skip
    before = tuple(getattr(integration, name) for name in scope)
    integration.update_from_dict(
        {
            "customer_module": data.customer_module, "extent": data.extent,
            "duplicate_policy": data.duplicate_policy, "account_view_id": data.account_view_id,
            "contact_view_id": data.contact_view_id,
            "include_orphan_contacts": data.include_orphan_contacts,
            "sync_interval_hours": data.sync_interval_hours, "customers_configured": True,
            "conflict_policy": data.conflict_policy,
            "picked_contact_ids": list(dict.fromkeys(data.picked_contact_ids or [])) or None,
        }
    )  # fmt: skip
    await integration.save()
    if before != tuple(getattr(integration, name) for name in scope):
        # records left out before (another module, view, orphans) are older than the bookmarks
        await forget_bookmarks(viewer.org_id)
    if sync_now:
        await service.start_run(viewer.org_id, "INITIAL")
    return MutationResult(integration)


MAX_PICKED_CONTACTS = 100


async def _check_picked(
    service: SyncService, integration: models.Integration, data: CustomerSettings
) -> list[FieldError]:
    """Hand-picked contacts: only with ACCOUNTS_AND_CONTACTS, at most 100, each existing in the
    CRM (a contact whose account is outside the account view is simply never synced)."""
    if not data.picked_contact_ids:
        return []
    if data.customer_module is not models.CustomerModule.ACCOUNTS_AND_CONTACTS:
        return [
            FieldError("pickedContactIds", "Only with ACCOUNTS_AND_CONTACTS.", ErrorCode.INVALID)
        ]
    if len(data.picked_contact_ids) > MAX_PICKED_CONTACTS:
        return [FieldError("pickedContactIds", f"At most {MAX_PICKED_CONTACTS}.",
                           ErrorCode.TOO_MANY_ITEMS)]  # fmt: skip
    errors = []
    try:
        found = await service.contacts_exist(integration, data.picked_contact_ids)
    except CrmError as exc:
        return [FieldError(None, f"The CRM refused: {exc}", ErrorCode.CRM_REJECTED)]
    for index, contact_id in enumerate(data.picked_contact_ids):
        if contact_id not in found:
            errors.append(FieldError(f"pickedContactIds.{index}", "No such contact in the CRM.",
                                     ErrorCode.NOT_FOUND))  # fmt: skip
    return errors


async def sync_now(viewer: Viewer, service: SyncService) -> MutationResult[models.SyncRun]:
    integration = await _connected(viewer)
    if isinstance(integration, MutationResult):
        return MutationResult(errors=integration.errors)
    if not integration.customers_configured:
        return MutationResult.fail(
            None, "Choose what to sync first.", ErrorCode.SYNC_NOT_CONFIGURED
        )
    return MutationResult(await service.start_run(viewer.org_id, "MANUAL"))


FIELD_MAP_ATTRIBUTE = {"Accounts": "account_field_map", "Contacts": "contact_field_map"}


async def field_mapping(viewer: Viewer, module: str) -> dict[str, str]:
    """The mapping in force for Accounts or Contacts (the default until an admin saves one)."""
    integration = await get_integration(viewer)
    return effective_field_map(module, getattr(integration, FIELD_MAP_ATTRIBUTE[module]))


@dataclass(frozen=True)
class FieldTarget:
    """A customer field the CRM can fill, and the CRM data types that may fill it."""

    target: str
    label: str
    crm_types: tuple[str, ...]
    required: bool


def _target_label(target: str) -> str:
    return target.replace("_", " ").capitalize()


async def field_targets(viewer: Viewer, module: str) -> list[FieldTarget]:
    """The built-in targets of ``module`` in their order, then the organisation's custom
    fields as ``custom:<api name>``."""
    targets = [
        FieldTarget(name, _target_label(name), tuple(sorted(types)),
                    name == REQUIRED_TARGET[module])
        for name, types in FIELD_TARGETS[module].items()
    ]  # fmt: skip
    for custom in await models.CustomField.filter(org_id=viewer.org_id).order_by("label", "id"):
        types = tuple(sorted(COMPATIBLE_CRM_TYPES[custom.data_type]))
        targets.append(FieldTarget(CUSTOM_PREFIX + custom.api_name, custom.label, types, False))
    return targets


async def save_field_mapping(
    viewer: Viewer, service: SyncService, module: str, mapping: dict[str, str]
) -> MutationResult[models.Integration]:
    """Targets are customer fields or ``custom:<api name>``; each CRM field must exist in the
    CRM and have a compatible type. The next run reads every record with the new mapping."""
    integration = await _connected(viewer)
    if isinstance(integration, MutationResult):
        return integration
    try:
        crm_fields = {f.api_name: f for f in await service.crm_fields(integration, module)}
    except CrmError as exc:
        return MutationResult.fail(None, f"The CRM refused: {exc}", ErrorCode.CRM_REJECTED)
    custom = {f.api_name: f for f in await models.CustomField.filter(org_id=viewer.org_id)}
    builtins = FIELD_TARGETS[module]
    errors: list[FieldError] = []
    for index, (target, crm_name) in enumerate(mapping.items()):
        path = f"mappings.{index}"
        crm_field = crm_fields.get(crm_name)
        if crm_field is None:
            errors.append(FieldError(f"{path}.crmField", f"{module} has no field {crm_name!r}.",
                                     ErrorCode.NOT_FOUND))  # fmt: skip
            continue
        if target in builtins:
            allowed: models.CustomFieldType | frozenset[str] = builtins[target]
        elif target.startswith(CUSTOM_PREFIX) and (
            found := custom.get(target[len(CUSTOM_PREFIX) :])
        ):
            allowed = found.data_type
        else:
            errors.append(FieldError(f"{path}.target", f"No customer field {target!r}.",
                                     ErrorCode.NOT_FOUND))  # fmt: skip
            continue
        if not field_accepts(allowed, crm_field.data_type):
            errors.append(
                FieldError(
                    f"{path}.crmField",
                    f"{crm_name} is a {crm_field.data_type} field and cannot fill {target}.",
                    ErrorCode.INCOMPATIBLE_FIELD_TYPE,
                )
            )
    if REQUIRED_TARGET[module] not in mapping:
        errors.append(FieldError("mappings", f"Map a CRM field to {REQUIRED_TARGET[module]}.",
                                 ErrorCode.REQUIRED))  # fmt: skip
    if errors:
        return MutationResult(errors=errors)
    setattr(integration, FIELD_MAP_ATTRIBUTE[module], dict(mapping))
    await integration.save()
    await forget_bookmarks(viewer.org_id)  # every record again, with the new mapping
    return MutationResult(integration)
