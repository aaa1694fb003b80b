"""The Zoho client against the CRM simulator, in process through ``httpx.ASGITransport``.

Every response the simulator sends during these tests is recorded by :class:`OasRecorder` (a
transport wrapper) and validated against Zoho's OpenAPI files with ``tests/sync/oas.py`` when
the test ends; any mismatch fails the test that produced it.
"""

from __future__ import annotations

import json
import random
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from sync.crm import FakeClock, OAuthCredentials, OrgLimiter, RetryPolicy, ZohoCrmClient
from sync.crm.simulator import Clock, CrmStore, SimulatorConfig, create_simulator_app
from tests.sync.oas import validate_response

SIM = "http://crm-sim.test"


@dataclass
class Exchange:
    method: str
    path: str
    status: int
    body: Any
    params: dict[str, str] = field(default_factory=dict)


@dataclass
class OasRecorder(httpx.AsyncBaseTransport):
    """Wraps a transport; keeps (method, path, status, JSON body) of every response."""

    inner: httpx.AsyncBaseTransport
    exchanges: list[Exchange] = field(default_factory=list)
    validate: bool = True

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        content = await response.aread()
        body = json.loads(content) if content else None
        if self.validate:
            self.exchanges.append(
                Exchange(
                    request.method,
                    request.url.path,
                    response.status_code,
                    body,
                    dict(request.url.params),
                )
            )
        return response

    def problems(self) -> list[str]:
        found: list[str] = []
        for ex in self.exchanges:
            for problem in validate_response(ex.method, ex.path, ex.status, ex.body):
                found.append(f"{ex.method} {ex.path} -> {ex.status}: {problem}")
        return found

    async def aclose(self) -> None:
        await self.inner.aclose()


@pytest.fixture
def store() -> CrmStore:
    return CrmStore.generate(seed=1, accounts=30, contacts=90, deals=40, users=5)


@pytest.fixture
def sim_config() -> SimulatorConfig:
    return SimulatorConfig()


@pytest.fixture
def sim_clock() -> Clock | None:
    """The simulator's clock; None = the real one (override with a ``ManualClock``)."""
    return None


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@dataclass
class Sim:
    store: CrmStore
    config: SimulatorConfig
    recorder: OasRecorder
    http: httpx.AsyncClient
    make: Callable[..., ZohoCrmClient]


@pytest.fixture
async def sim(
    store: CrmStore, sim_config: SimulatorConfig, sim_clock: Clock | None, clock: FakeClock
) -> AsyncIterator[Sim]:
    app = create_simulator_app(store, sim_config, clock=sim_clock)
    recorder = OasRecorder(httpx.ASGITransport(app=app))
    async with httpx.AsyncClient(transport=recorder, base_url=SIM) as http:

        def make(**kwargs: Any) -> ZohoCrmClient:
            credentials = kwargs.pop(
                "credentials",
                OAuthCredentials(
                    sim_config.client_id, sim_config.client_secret, sim_config.refresh_token
                ),
            )
            kwargs.setdefault("accounts_url", SIM)
            kwargs.setdefault("clock", clock)
            kwargs.setdefault("rng", random.Random(5))
            kwargs.setdefault("retry", RetryPolicy(max_attempts=6, base=0.5, cap=4.0))
            kwargs.setdefault("limiter", OrgLimiter(max_in_flight=5))
            return ZohoCrmClient(http, credentials, **kwargs)

        yield Sim(store, sim_config, recorder, http, make)
    problems = recorder.problems()
    assert recorder.exchanges, "no simulator response was recorded"
    assert not problems, "responses that break Zoho's OAS:\n" + "\n".join(problems[:30])


@pytest.fixture
def crm(sim: Sim) -> ZohoCrmClient:
    return sim.make()
