"""Simulator fixtures: a manual clock, a small store, and a client whose every response is
validated against Zoho's OpenAPI files when the test ends."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from sync.crm.simulator import (
    CrmStore,
    ManualClock,
    RecordedResponse,
    SimulatorConfig,
    create_simulator_app,
)
from tests.sync.oas import validate_response

BASE_URL = "http://crm.test"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def recorder() -> list[RecordedResponse]:
    return []


@pytest.fixture
def store() -> CrmStore:
    return CrmStore.generate(seed=7, accounts=40, contacts=120, deals=60, users=6)


@pytest.fixture
def config() -> SimulatorConfig:
    return SimulatorConfig()


@pytest.fixture
def sent() -> list[tuple[str, dict[str, Any]]]:
    return []


@pytest.fixture
async def make_client(
    clock: ManualClock,
    recorder: list[RecordedResponse],
    sent: list[tuple[str, dict[str, Any]]],
) -> AsyncIterator[Callable[..., Any]]:
    """``await make_client(store, config, auth=True)`` → an httpx client on a fresh app."""
    opened: list[httpx.AsyncClient] = []

    async def notifier(url: str, payload: dict[str, Any]) -> None:
        sent.append((url, payload))

    async def build(
        store: CrmStore, config: SimulatorConfig | None = None, *, auth: bool = True
    ) -> httpx.AsyncClient:
        app = create_simulator_app(store, config or SimulatorConfig(), clock, notifier, recorder)
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL)
        opened.append(client)
        if auth:
            cfg = config or SimulatorConfig()
            token = await grant(client, cfg)
            client.headers["Authorization"] = f"Zoho-oauthtoken {token}"
        client.app = app  # type: ignore[attr-defined]
        return client

    yield build
    for client in opened:
        await client.aclose()


async def grant(client: httpx.AsyncClient, config: SimulatorConfig) -> str:
    response = await client.post(
        "/oauth/v2/token",
        data={
            "grant_type": "refresh_token",
            "client_id": config.client_id,
            "client_secret": config.client_secret,
            "refresh_token": config.refresh_token,
        },
    )
    return str(response.json()["access_token"])


@pytest.fixture
async def client(
    make_client: Callable[..., Any], store: CrmStore, config: SimulatorConfig
) -> httpx.AsyncClient:
    return await make_client(store, config)  # type: ignore[no-any-return]


@pytest.fixture(autouse=True)
def _validate_every_response(recorder: list[RecordedResponse]) -> Any:
    """Fail the test if any simulator answer does not match Zoho's OpenAPI description.

    Every answer is validated, metadata included; ``/oauth/v2/token`` and ``/org/currencies``
    (absent from the OAS files) against the schemas ``tests/sync/oas.py`` writes from the doc.
    """
    yield
    problems = []
    for item in recorder:
        for problem in validate_response(item.method, item.path, item.status, item.body):
            problems.append(f"{item.method} {item.path} {item.status}: {problem}")
    assert not problems, "\n".join(problems[:20])
