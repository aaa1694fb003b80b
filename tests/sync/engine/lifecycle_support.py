"""Shared by the lifecycle tests: a simulator that delivers its callbacks to our hook endpoint,
a connected integration with real (encrypted) credentials, and a GraphQL helper."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import httpx
from starlette.applications import Starlette

from orm import models
from resolvers.notifications import notify_admins
from sync.credentials import CredentialCipher
from sync.crm.factory import ClientFactory
from sync.crm.simulator import CrmStore, SimulatorConfig, create_simulator_app
from sync.service import SyncService
from tests.conftest import execute
from tests.factories import viewer_for
from tests.sync.engine.conftest import CONNECTION, SIM, make_integration
from web.endpoints import zoho_hooks

PUBLIC_URL = "https://spendsync.test"


@dataclass
class LiveCrm:
    """The simulator and Spendsync's hook endpoint, wired together in process."""

    store: CrmStore
    service: SyncService
    hooks: Starlette
    statuses: list[int] = field(default_factory=list)

    async def post_hook(self, payload: Any) -> httpx.Response:
        transport = httpx.ASGITransport(app=self.hooks)
        async with httpx.AsyncClient(transport=transport, base_url=PUBLIC_URL) as client:
            return await client.post("/hooks/zoho/notify", json=payload)


def live_crm(callback_delay: float = 0.05) -> LiveCrm:
    store = CrmStore.generate(seed=7, accounts=25, contacts=60, deals=30, users=4,
                              contacts_without_account=0.2, near_duplicates=0.0)  # fmt: skip
    hooks = Starlette(routes=zoho_hooks.routes)
    live: LiveCrm

    async def deliver(url: str, payload: dict[str, Any]) -> None:
        assert url == f"{PUBLIC_URL}/hooks/zoho/notify"
        live.statuses.append((await live.post_hook(payload)).status_code)

    app = create_simulator_app(store, SimulatorConfig(), notifier=deliver)
    service = SyncService(
        CredentialCipher(CredentialCipher.generate_key()),
        ClientFactory(transport=httpx.ASGITransport(app=app)),
        notify_admins=notify_admins,
        public_url=PUBLIC_URL,
        callback_delay=callback_delay,
    )
    hooks.state.sync = service
    live = LiveCrm(store, service, hooks)
    return live


async def connected(
    org: models.Organization, service: SyncService, **settings: object
) -> models.Integration:
    """A CONNECTED integration whose credentials open the simulator."""
    values: dict[str, object] = {
        "client_id": CONNECTION.client_id,
        "client_secret_encrypted": service.cipher.encrypt(CONNECTION.client_secret),
        "refresh_token_encrypted": service.cipher.encrypt(CONNECTION.refresh_token),
        "accounts_url": SIM, "api_url": SIM, "crm_org_id": "1",
    } | settings  # fmt: skip
    return await make_integration(org, **values)


async def gql(
    document: str, user: models.User, service: SyncService | None, **variables: Any
) -> dict[str, Any]:
    result = await execute(document, variables or None, viewer=viewer_for(user), sync=service)
    assert result.errors is None, result.errors
    data: dict[str, Any] = result.data
    return data
