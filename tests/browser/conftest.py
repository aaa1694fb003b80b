"""The browser layer: the app under uvicorn on 127.0.0.1, Debian's chromium driven by Playwright."""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, expect, sync_playwright
from starlette.types import ASGIApp
from tortoise import Tortoise

from orm.config import tortoise_config
from resolvers.organizations import create_organization_with_admin
from sync.crm.simulator.app import create_simulator_app
from sync.crm.simulator.config import SimulatorConfig
from sync.crm.simulator.store import CrmStore
from tests.conftest import require_or_skip
from web.app import create_app
from web.database import apply_migrations
from web.settings import Settings

# Assertions wait as long as actions (15 s): a busy machine runs a sync or a swap in more than
# the default 5 s, and a waiting assertion costs nothing when the page is quick.
expect.set_options(timeout=15_000)

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


@dataclass(frozen=True)
class CrmSimulator:
    """The Zoho CRM simulator with its demo data, served on loopback (token and API, one port)."""

    url: str
    store: CrmStore
    client_id: str
    client_secret: str
    refresh_token: str


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


@contextlib.contextmanager
def _serve(app: ASGIApp) -> Iterator[str]:
    """Serve ``app`` with uvicorn on a free loopback port in a thread; yields its base URL."""
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    database_url = f"sqlite://{tmp_path}/browser.sqlite3"
    asyncio.run(_prepare(database_url))
    settings = Settings(database_url=database_url, secret_key="browser-" + "k" * 40)
    with _serve(create_app(settings)) as url:
        yield LiveServer(url=url, database_url=database_url)


@pytest.fixture
def crm_simulator() -> Iterator[CrmSimulator]:
    config = SimulatorConfig()
    store = CrmStore.demo()
    with _serve(create_simulator_app(store, config)) as url:
        yield CrmSimulator(
            url=url, store=store, client_id=config.client_id,
            client_secret=config.client_secret, refresh_token=config.refresh_token,
        )  # fmt: skip


@pytest.fixture
def chromium_path() -> str:
    path = shutil.which("chromium")
    if path is None:
        require_or_skip(
            "browser layer skipped: no `chromium` on the PATH (Debian package chromium)"
        )
    assert path is not None
    return path


@pytest.fixture
def browser(chromium_path: str) -> Iterator[Browser]:
    """Debian's Chromium, headless, as the browser tests launch it."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()
