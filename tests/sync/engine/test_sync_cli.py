"""``spendsync sync --org ID`` against the simulator served on 127.0.0.1."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from tortoise import Tortoise

from orm import models
from orm.config import tortoise_config
from sync.credentials import CredentialCipher
from sync.crm.simulator import (
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
    DEMO_REFRESH_TOKEN,
    CrmStore,
    SimulatorConfig,
    create_simulator_app,
)
from web.cli import main
from web.database import apply_migrations


@pytest.fixture
def simulator_url() -> Iterator[str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    store = CrmStore.generate(seed=2, accounts=15, contacts=10, deals=8, users=2)
    server = uvicorn.Server(
        uvicorn.Config(create_simulator_app(store, SimulatorConfig()), host="127.0.0.1", port=port,
                       log_level="warning")
    )  # fmt: skip
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the simulator did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def test_sync_command_runs_one_sync_with_progress(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    simulator_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = f"sqlite://{tmp_path}/cli.sqlite3"
    key = CredentialCipher.generate_key()
    cipher = CredentialCipher(key)
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SPENDSYNC_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("CREDENTIALS_KEY", key)

    async def prepare() -> int:
        await apply_migrations(url)
        await Tortoise.init(config=tortoise_config(url))
        try:
            org = await models.Organization.create(name="CLI")
            await models.Integration.create(
                org=org, state=models.IntegrationState.CONNECTED, accounts_url=simulator_url,
                api_url=simulator_url, client_id=DEMO_CLIENT_ID,
                client_secret_encrypted=cipher.encrypt(DEMO_CLIENT_SECRET),
                refresh_token_encrypted=cipher.encrypt(DEMO_REFRESH_TOKEN),
                customer_module=models.CustomerModule.ACCOUNTS, customers_configured=True,
            )  # fmt: skip
            return org.id
        finally:
            await Tortoise.close_connections()

    org_id = asyncio.run(prepare())
    assert main(["sync", "--org", str(org_id)]) == 0
    out = capsys.readouterr().out
    assert "23/23 SUCCEEDED" in out
    assert "created=23" in out
    assert main(["sync", "--org", "999"]) == 2
