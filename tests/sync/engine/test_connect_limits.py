"""Connecting: ALLOW_CRM_URLS=false covers every address the server calls (the API URL too,
and settings stored before the switch), and the check of new credentials is bounded in time."""

from __future__ import annotations

import httpx
import pytest

from orm import models
from resolvers import integration as integration_rules
from sync.credentials import CredentialCipher
from sync.crm.factory import ClientFactory
from sync.service import SyncService
from tests.factories import make_user
from tests.support.deadline import deadline
from tests.sync.engine.conftest import CONNECTION, SIM, Crm, make_integration
from tests.sync.engine.test_integration_api import CONNECT, CONNECT_INPUT, gql


@pytest.fixture
async def admin(org: models.Organization) -> models.User:
    return await make_user(org, email="admin@synced.example", role=models.UserRole.ADMIN)


def locked(crm: Crm) -> SyncService:
    return SyncService(
        CredentialCipher(CredentialCipher.generate_key()), crm.factory, allow_explicit_urls=False
    )


async def test_api_url_is_refused_when_explicit_urls_are_off(crm: Crm, admin: models.User) -> None:
    service = locked(crm)
    data_centre_with_api_url = CONNECT_INPUT | {
        "accountsUrl": None, "dataCentre": "US", "apiUrl": "http://169.254.169.254",
    }  # fmt: skip
    refused = await gql(CONNECT, admin, service, input=data_centre_with_api_url)
    assert refused["integrationConnect"]["errors"] == [
        {
            "field": ["apiUrl"], "code": "INVALID",
            "message": "This server accepts a data centre only (ALLOW_CRM_URLS is off).",
        }
    ]  # fmt: skip
    assert not crm.requests  # nothing was sent anywhere
    assert not await models.Integration.exists()


async def test_stored_addresses_are_not_called_once_explicit_urls_are_off(
    crm: Crm, org: models.Organization
) -> None:
    service = locked(crm)
    await make_integration(
        org, client_id=CONNECTION.client_id, accounts_url=SIM, api_url="http://169.254.169.254",
        client_secret_encrypted=service.cipher.encrypt(CONNECTION.client_secret),
        refresh_token_encrypted=service.cipher.encrypt(CONNECTION.refresh_token),
    )  # fmt: skip
    run = await service.run_now(org.id, "MANUAL")
    assert run.status is models.SyncStatus.FAILED
    assert "ALLOW_CRM_URLS is off" in run.error_message
    assert not crm.requests
    await service.aclose_when_idle()


class Unreachable(httpx.AsyncBaseTransport):
    def __init__(self) -> None:
        self.attempts = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.attempts += 1
        raise httpx.ConnectError("connection refused", request=request)


async def test_an_unreachable_crm_is_reported_within_the_connect_bound(
    admin: models.User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(integration_rules, "CONNECT_TIMEOUT_SECONDS", 1.0, raising=False)
    transport = Unreachable()
    service = SyncService(
        CredentialCipher(CredentialCipher.generate_key()), ClientFactory(transport=transport)
    )
    with deadline(30):  # the client alone retries for about a minute
        result = await gql(CONNECT, admin, service, input=CONNECT_INPUT)
    errors = result["integrationConnect"]["errors"]
    assert [e["code"] for e in errors] == ["CRM_UNREACHABLE"]
    assert "could not be reached" in errors[0]["message"]
    assert transport.attempts >= 1
    assert not await models.Integration.exists()


def test_the_connect_bound_is_a_few_seconds() -> None:
    assert 1 <= integration_rules.CONNECT_TIMEOUT_SECONDS <= 10
