"""Web layer: the real ASGI app (lifespan included) over httpx, on a migrated SQLite file."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from asgi_lifespan import LifespanManager
from starlette.applications import Starlette

from orm import models
from tests.factories import PASSWORD, make_org, make_user
from tests.support.mail import Outbox
from web.app import create_app
from web.database import apply_migrations
from web.settings import Settings

BASE_URL = "http://testserver"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def outbox() -> Outbox:
    """The e-mails the app sends (invitations, reset links)."""
    return Outbox()


@pytest.fixture
async def app(tmp_path: Path, outbox: Outbox) -> AsyncIterator[Starlette]:
    database_url = f"sqlite://{tmp_path}/web.sqlite3"
    await apply_migrations(database_url)
    settings = Settings(
        database_url=database_url,
        secret_key="test-secret-" + "x" * 40,
        receipt_dir=tmp_path / "receipts",
        receipt_max_bytes=64 * 1024,
    )
    application = create_app(settings, mailer=outbox)
    async with LifespanManager(application):
        yield application


@pytest.fixture
async def client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as http:
        yield http


@pytest.fixture
async def admin(app: Starlette) -> models.User:
    org = await make_org(name="Acme Sales", active_user_limit=10)
    return await make_user(org, email="admin@acme.example", name="Ada Admin",
                           role=models.UserRole.ADMIN)  # fmt: skip


async def csrf_token(client: httpx.AsyncClient) -> str:
    page = await client.get("/login")
    match = _CSRF.search(page.text)
    assert match, "the login page carries a CSRF token"
    return match.group(1)


async def sign_in(client: httpx.AsyncClient, email: str, password: str = PASSWORD) -> str:
    """Sign in through the login form; returns the session's CSRF token for later requests."""
    token = await csrf_token(client)
    response = await client.post(
        "/login", data={"email": email, "password": password, "csrf_token": token}
    )
    assert response.status_code == 303, response.text
    # a new session starts at sign-in, with a new token
    page = await client.get("/admin/users")
    match = _CSRF.search(page.text)
    return match.group(1) if match else await csrf_token(client)
