"""Security headers (each once; HSTS in production; a full CSP the pages satisfy) and the
introspection policy."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from asgi_lifespan import LifespanManager
from starlette.applications import Starlette

from orm import models
from resolvers.identity.tokens import create_token
from tests.factories import make_org, make_user, viewer_for
from tests.web.conftest import BASE_URL
from tests.web.test_receipts import PNG, bearer, upload
from web.app import create_app
from web.database import apply_migrations
from web.settings import Settings, SettingsError

TEMPLATES = Path(__file__).resolve().parents[2] / "web" / "templates"
INTROSPECT = {"query": "{ __schema { queryType { name } } }"}


def policy(response: httpx.Response) -> dict[str, str]:
    directives = response.headers["content-security-policy"].split(";")
    return {d.split()[0]: d.strip() for d in directives if d.strip()}


def once(response: httpx.Response, name: str) -> str:
    values = response.headers.get_list(name)
    assert len(values) == 1, f"{name}: {values}"
    return values[0]


@pytest.fixture
async def production(tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    url = f"sqlite://{tmp_path}/prod.sqlite3"
    await apply_migrations(url)
    settings = Settings(
        database_url=url, secret_key="p" * 50, environment="production",
        graphql_introspection="signed-in", receipt_dir=tmp_path / "receipts",
    )  # fmt: skip
    application = create_app(settings)
    async with LifespanManager(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as http:
            yield http


async def test_every_header_once_and_a_full_policy(
    app: Starlette, client: httpx.AsyncClient, admin: models.User
) -> None:
    headers = await bearer(admin)
    uploaded = await upload(client, headers, PNG)
    download = await client.get(f"/receipts/{uploaded.json()['receipt']['id']}", headers=headers)
    assert download.status_code == 200
    for response in (download, await client.get("/login"), await client.get("/healthz")):
        assert once(response, "x-content-type-options") == "nosniff"
        once(response, "referrer-policy")
        once(response, "content-security-policy")
        directives = policy(response)
        assert directives["default-src"] == "default-src 'self'"
        assert directives["script-src"] == "script-src 'self'"
        assert directives["frame-ancestors"] == "frame-ancestors 'self'"
        assert "unsafe-inline" not in response.headers["content-security-policy"]
        assert "strict-transport-security" not in response.headers  # development: plain HTTP


async def test_production_sends_hsts(production: httpx.AsyncClient) -> None:
    response = await production.get("/login")
    assert once(response, "strict-transport-security").startswith("max-age=")
    assert "includeSubDomains" in response.headers["strict-transport-security"]
    assert policy(response)["default-src"] == "default-src 'self'"


async def test_introspection_in_production_is_for_signed_in_callers(
    production: httpx.AsyncClient,
) -> None:
    anonymous = await production.post("/graphql", json=INTROSPECT)
    body = anonymous.json()
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    hidden = await production.post(
        "/graphql", json={"query": '{ t: __type(name: "Query") { name } }'}
    )
    assert hidden.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert (await production.post("/graphql", json={"query": "{ __typename }"})).json() == {
        "data": {"__typename": "Query"}
    }
    user = await make_user(await make_org(), role=models.UserRole.ADMIN)
    created = await create_token(viewer_for(user), name="tool", expires_at=None)
    assert created.value is not None
    auth = {"Authorization": f"Bearer {created.value.secret}"}
    signed_in = await production.post("/graphql", json=INTROSPECT, headers=auth)
    assert signed_in.json() == {"data": {"__schema": {"queryType": {"name": "Query"}}}}


async def test_introspection_is_public_in_development(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json=INTROSPECT)
    assert response.json()["data"]["__schema"]["queryType"]["name"] == "Query"


def test_introspection_setting(tmp_path: Path) -> None:
    env = {"SPENDSYNC_VAR_DIR": str(tmp_path)}
    assert Settings.from_env(env).graphql_introspection == "public"
    production = env | {"SPENDSYNC_ENV": "production", "SECRET_KEY": "s" * 50,
                        "CREDENTIALS_KEY": "k" * 44}  # fmt: skip
    assert Settings.from_env(production).graphql_introspection == "signed-in"
    opened = production | {"GRAPHQL_INTROSPECTION": "public"}
    assert Settings.from_env(opened).graphql_introspection == "public"
    with pytest.raises(SettingsError):
        Settings.from_env(env | {"GRAPHQL_INTROSPECTION": "sometimes"})


async def test_graphiql_keeps_its_own_policy_in_development(client: httpx.AsyncClient) -> None:
    page = await client.get("/graphql", headers={"Accept": "text/html"})
    assert "graphiql" in page.text.lower()
    assert len(page.headers.get_list("content-security-policy")) == 1
    assert policy(page)["frame-ancestors"] == "frame-ancestors 'self'"


@pytest.mark.parametrize("path", sorted(TEMPLATES.rglob("*.html")), ids=lambda p: p.name)
def test_templates_satisfy_the_policy(path: Path) -> None:
    """No inline script, style element or attribute, event handler or hx-on."""
    text = path.read_text()
    for script in re.finditer(r"<script\b([^>]*)>", text):
        assert "src=" in script.group(1), f"inline script in {path.name}"
    assert not re.search(r"<style\b|\sstyle=|\son[a-z]+=|\shx-on", text), path.name
