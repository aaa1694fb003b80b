"""The vocabulary of the sync's front door: what crosses between ``SyncService`` and resolvers.

Resolvers call the CRM through ``sync.service.SyncService`` only; its operations take and give
the plain types named here (the CRM's metadata, search results, users), raise the errors named
here (``CrmError`` and its retriable kind, a refused choice), and resolvers check an admin's
input against the pure rules named here (the field mapping's compatible types, the users
sync's role rules, the data centres), and the cipher of the secrets at rest with its key
rotation (resolvers keep the embed secrets with it too). The import-linter contract
``resolvers-through-the-front-door`` lets resolvers import this module and ``sync.service``,
and the builder (``resolvers/sync_runtime.py``) the worker's job queue ``sync.jobs``; nothing
else of ``sync``.
"""

from __future__ import annotations

from dataclasses import dataclass

from sync.credentials import CredentialCipher, CredentialError, Rotation, rotate_stored_secrets
from sync.crm.auth import DATA_CENTRES
from sync.crm.errors import CrmError, CrmRetriableError
from sync.crm.factory import ClientFactory, ConnectionSettings
from sync.crm.metadata_dto import CrmField, CrmUser, CustomView
from sync.engine.choose import ChooseProblem
from sync.engine.crm_search import MAX_RESULTS as MAX_SEARCH_RESULTS
from sync.engine.crm_search import FoundAccount, FoundContact
from sync.engine.fieldmap import BUILTINS as FIELD_TARGETS
from sync.engine.fieldmap import COMPATIBLE as COMPATIBLE_CRM_TYPES
from sync.engine.fieldmap import CUSTOM_PREFIX
from sync.engine.fieldmap import REQUIRED as REQUIRED_TARGET
from sync.engine.fieldmap import accepts as field_accepts
from sync.engine.fieldmap import effective as effective_field_map
from sync.engine.users import RoleRule, UserCounts, Wanted, created_time, rules_of
from sync.realtime import HOOK_PATH


@dataclass(frozen=True)
class CrmOrganisation:
    """What an admin sees when choosing the CRM organisation."""

    id: str
    name: str
    currency: str | None
    multi_currency: bool


__all__ = [
    "COMPATIBLE_CRM_TYPES",
    "CUSTOM_PREFIX",
    "DATA_CENTRES",
    "FIELD_TARGETS",
    "HOOK_PATH",
    "MAX_SEARCH_RESULTS",
    "REQUIRED_TARGET",
    "ChooseProblem",
    "ClientFactory",
    "ConnectionSettings",
    "CredentialCipher",
    "CredentialError",
    "CrmError",
    "CrmField",
    "CrmOrganisation",
    "CrmRetriableError",
    "CrmUser",
    "CustomView",
    "FoundAccount",
    "FoundContact",
    "RoleRule",
    "Rotation",
    "UserCounts",
    "Wanted",
    "created_time",
    "effective_field_map",
    "field_accepts",
    "rotate_stored_secrets",
    "rules_of",
]
