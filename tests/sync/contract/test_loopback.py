"""One end-to-end run over a real socket: uvicorn on 127.0.0.1, a free port, bounded time."""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn

from sync.crm import FakeClock, OAuthCredentials, ZohoCrmClient
from sync.crm.simulator import (
    CrmStore,
    RecordedResponse,
    SimulatorConfig,
    create_simulator_app,
)
from tests.sync.oas import validate_response

# Request 2 (the second page) hangs for 1 s: longer than the client's read timeout.
CONFIG = SimulatorConfig(fault_schedule=((2, "timeout"),), timeout_seconds=1.0)


@pytest.fixture
def loopback_url() -> Iterator[str]:
    recorded: list[RecordedResponse] = []
    app = create_simulator_app(
        CrmStore.generate(seed=4, accounts=450, contacts=10, deals=10, users=3),
        CONFIG,
        recorder=recorded,
    )
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.01)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()
    assert not thread.is_alive()
    # Same OAS check as the in-process tests, through the simulator's own recorder hook.
    assert recorded
    problems = [
        f"{r.method} {r.path} -> {r.status}: {problem}"
        for r in recorded
        for problem in validate_response(r.method, r.path, r.status, r.body)
    ]
    assert not problems, "\n".join(problems[:30])


async def test_client_over_loopback(loopback_url: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)  # httpx and httpcore trace every step at DEBUG
    config = CONFIG
    clock = FakeClock()
    started = time.monotonic()
    async with httpx.AsyncClient() as http:
        crm = ZohoCrmClient(
            http,
            OAuthCredentials(config.client_id, config.client_secret, config.refresh_token),
            accounts_url=loopback_url,
            timeout=httpx.Timeout(5.0, read=0.3),
            clock=clock,
        )
        ids = [r.id async for r in crm.iter_records("Accounts", ["Account_Name"], per_page=100)]
        assert len(ids) == len(set(ids)) == 450
        assert len(clock.sleeps) == 1  # the read timeout on page 2 was retried once
        results = await crm.insert("Contacts", [{"Last_Name": "Loopback"}])
        assert results[0].ok
    assert time.monotonic() - started < 30
    for secret in (
        config.client_secret,
        config.refresh_token,
        crm.tokens._token.value if crm.tokens._token else "-",
    ):
        assert secret not in caplog.text
