"""The browser layer: the app under uvicorn on 127.0.0.1, Debian's chromium driven by Playwright."""

from __future__ import annotations

import asyncio
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn
from tortoise import Tortoise

from orm.config import tortoise_config
from resolvers.organizations import create_organization_with_admin
from tests.conftest import require_or_skip
from web.app import create_app
from web.database import apply_migrations
from web.settings import Settings

ADMIN_EMAIL = "ada@acme.example"
ADMIN_PASSWORD = "correct horse battery"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@dataclass(frozen=True)
class LiveServer:
    url: str
    database_url: str


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _prepare(database_url: str) -> None:
    await apply_migrations(database_url)
    await Tortoise.init(config=tortoise_config(database_url))
    try:
        result = await create_organization_with_admin(
            org_name="Acme Sales", base_currency="EUR", time_zone="Europe/Berlin",
            admin_email=ADMIN_EMAIL, admin_name="Ada Admin", admin_password=ADMIN_PASSWORD,
        )  # fmt: skip
        assert not result.errors
    finally:
        await Tortoise.close_connections()


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    database_url = f"sqlite://{tmp_path}/browser.sqlite3"
    asyncio.run(_prepare(database_url))
    port = _free_port()
    settings = Settings(database_url=database_url, secret_key="browser-" + "k" * 40, port=port)
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the app did not start")
        time.sleep(0.05)
    yield LiveServer(url=f"http://127.0.0.1:{port}", database_url=database_url)
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def chromium_path() -> str:
    path = shutil.which("chromium")
    if path is None:
        require_or_skip(
            "browser layer skipped: no `chromium` on the PATH (Debian package chromium)"
        )
    assert path is not None
    return path
