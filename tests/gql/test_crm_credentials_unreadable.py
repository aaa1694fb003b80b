"""Stored CRM secrets this server cannot read (the key changed without ``spendsync
rotate-keys``, or none were stored) are a refusal the caller can act on, never an
INTERNAL_SERVER_ERROR: CRM searches answer CRM_REJECTED naming the way out, a sync run fails
with the same words recorded."""

from __future__ import annotations

import pytest

from orm import models
from sync.credentials import CredentialCipher
from sync.service import SyncService
from tests.conftest import execute
from tests.factories import make_crm_tab, make_org, make_user, viewer_for

SEARCH = """query { crmSearchAccounts(accountName: "Globex") { crmId name } }"""
CONTACTS = """query { crmSearchContacts(lastName: "Doe") { crmId } }"""


@pytest.fixture
def service() -> SyncService:
    return SyncService(CredentialCipher(CredentialCipher.generate_key()))


@pytest.mark.parametrize("written_with_another_key", [False, True])
@pytest.mark.parametrize("document", [SEARCH, CONTACTS])
async def test_a_search_with_unreadable_credentials_is_refused_plainly(
    db: None, service: SyncService, document: str, written_with_another_key: bool
) -> None:
    org = await make_org()
    admin = await make_user(org, role=models.UserRole.ADMIN)
    secrets = {}
    if written_with_another_key:
        other = CredentialCipher(CredentialCipher.generate_key())
        secrets = {"client_id": "1000.X", "client_secret_encrypted": other.encrypt("s"),
                   "refresh_token_encrypted": other.encrypt("r")}  # fmt: skip
    await make_crm_tab(org, **secrets)
    result = await execute(document, viewer=viewer_for(admin), sync=service)
    assert result.errors, result
    [error] = result.errors
    assert error.extensions == {"code": "CRM_REJECTED"}
    assert "rotate-keys" in error.message


async def test_a_sync_run_with_unreadable_credentials_fails_with_the_reason(
    db: None, service: SyncService
) -> None:
    org = await make_org()
    await make_crm_tab(org, customers_configured=True)
    run = await service.run_now(org.id, "MANUAL")
    assert run.status is models.SyncStatus.FAILED
    assert "cannot be read with this server's key" in (run.error_message or "")
