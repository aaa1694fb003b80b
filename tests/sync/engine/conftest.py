"""The sync engine against the CRM simulator (in process), on SQLite and on PostgreSQL."""

from __future__ import annotations

from dataclasses import dataclass

import httpx
import pytest

from orm import models
from resolvers.notifications import notify_admins
from sync.credentials import CredentialCipher
from sync.crm.factory import ClientFactory, ConnectionSettings
from sync.crm.simulator import (
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
    DEMO_REFRESH_TOKEN,
    CrmStore,
    SimulatorConfig,
    create_simulator_app,
)
from sync.engine.runner import SyncEngine
from sync.service import SyncService
from tests.factories import make_org

SIM = "http://crm-sim.test"
CONNECTION = ConnectionSettings(
    client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET, refresh_token=DEMO_REFRESH_TOKEN,
    data_centre=None, accounts_url=SIM, api_url=SIM,
)  # fmt: skip


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@dataclass
class Crm:
    store: CrmStore
    requests: list[httpx.Request]
    factory: ClientFactory


class Counting(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport, log: list[httpx.Request]) -> None:
        self.inner, self.log = inner, log

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.log.append(request)
        return await self.inner.handle_async_request(request)


@pytest.fixture
def crm() -> Crm:
    store = CrmStore.generate(seed=7, accounts=25, contacts=60, deals=30, users=4,
                              contacts_without_account=0.2, near_duplicates=0.0)  # fmt: skip
    log: list[httpx.Request] = []
    app = create_simulator_app(store, SimulatorConfig())
    return Crm(store, log, ClientFactory(transport=Counting(httpx.ASGITransport(app=app), log)))


@pytest.fixture
def service(crm: Crm) -> SyncService:
    """The sync service, talking to the simulator in process; admins hear of deletions."""
    return SyncService(
        CredentialCipher(CredentialCipher.generate_key()), crm.factory,
        notify_admins=notify_admins,
    )  # fmt: skip


@pytest.fixture
async def org(db: None) -> models.Organization:
    return await make_org(name="Synced", base_currency="USD")


async def make_integration(org: models.Organization, **settings: object) -> models.Integration:
    values: dict[str, object] = {
        "state": models.IntegrationState.CONNECTED, "crm_currency": "USD", "customers_configured": True,
    } | settings  # fmt: skip
    return await models.Integration.create(org=org, **values)


async def sync(crm: Crm, integration: models.Integration) -> models.SyncRun:
    """One run in the foreground, with the integration as stored (like the service); returns
    the finished run row."""
    await integration.refresh_from_db()
    run = await models.SyncRun.create(org_id=integration.org_id, status=models.SyncStatus.RUNNING)
    async with crm.factory.connect(str(integration.org_id), CONNECTION) as client:
        await SyncEngine(client, integration, run).execute()
    await run.refresh_from_db()
    return run
