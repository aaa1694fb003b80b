"""Helpers of the CRM users and Search in CRM tests: a connected integration (credentials
encrypted by the service, as ``integrationConnect`` stores them) and GraphQL calls."""

from __future__ import annotations

from typing import Any

import httpx

from orm import models
from sync.crm.factory import ClientFactory
from sync.crm.simulator import CrmStore, SimulatorConfig, create_simulator_app
from sync.service import SyncService
from tests.conftest import execute
from tests.factories import viewer_for
from tests.sync.engine.conftest import CONNECTION, SIM, Counting, Crm, make_integration


def simulator(store: CrmStore, config: SimulatorConfig | None = None) -> Crm:
    log: list[httpx.Request] = []
    app = create_simulator_app(store, config or SimulatorConfig())
    return Crm(store, log, ClientFactory(transport=Counting(httpx.ASGITransport(app=app), log)))


async def connect(
    org: models.Organization, service: SyncService, **settings: object
) -> models.Integration:
    return await make_integration(
        org, client_id=CONNECTION.client_id, accounts_url=SIM, api_url=SIM,
        client_secret_encrypted=service.cipher.encrypt(CONNECTION.client_secret),
        refresh_token_encrypted=service.cipher.encrypt(CONNECTION.refresh_token), **settings,
    )  # fmt: skip


async def call(
    document: str, user: models.User, service: SyncService, **variables: Any
) -> dict[str, Any]:
    """The data of a successful GraphQL call."""
    result = await execute(document, variables or None, viewer=viewer_for(user), sync=service)
    assert result.errors is None, result.errors
    data: dict[str, Any] = result.data
    return data


async def refused(document: str, user: models.User, service: SyncService, **variables: Any) -> str:
    """The code of the top-level error of a refused call."""
    result = await execute(document, variables or None, viewer=viewer_for(user), sync=service)
    assert result.errors, result.data
    return str((result.errors[0].extensions or {}).get("code"))
