"""/graphql over HTTP: transports, identities, CSRF."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from asgi_lifespan import LifespanManager

from orm import models
from tests.factories import make_org, make_user
from tests.support.deadline import deadline
from tests.support.documents import doubling_fragments
from tests.web.conftest import BASE_URL, sign_in
from web.app import create_app
from web.database import apply_migrations
from web.settings import Settings

VIEWER = {"query": "{ viewer { email } }"}
INVITE = {
    "query": "mutation($i: UserInviteInput!) { userInvite(input: $i) { errors { code } } }",
    "variables": {"i": {"email": "new@acme.example", "name": "New"}},
}
TOKEN_CREATE = 'mutation { apiTokenCreate(input: {name: "widget"}) { secret errors { code } } }'


async def test_bearer_tokens_authenticate_without_csrf(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    csrf = await sign_in(client, admin.email)
    created = await client.post(
        "/graphql", json={"query": TOKEN_CREATE}, headers={"X-CSRF-Token": csrf}
    )
    secret = created.json()["data"]["apiTokenCreate"]["secret"]
    client.cookies.clear()
    bearer = {"Authorization": f"Bearer {secret}"}
    response = await client.post("/graphql", json=VIEWER, headers=bearer)
    assert response.json() == {"data": {"viewer": {"email": "admin@acme.example"}}}
    invited = await client.post("/graphql", json=INVITE, headers=bearer)
    assert invited.json()["data"]["userInvite"]["errors"] == []
    token = await models.ApiToken.get(name="widget")
    assert token.last_used_at is not None


async def test_a_wrong_bearer_token_is_401_and_another_scheme_anonymous(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    for header in ("Bearer sst_nope", "Bearer "):
        response = await client.post("/graphql", json=VIEWER, headers={"Authorization": header})
        assert response.status_code == 401
        assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    response = await client.post("/graphql", json=VIEWER, headers={"Authorization": "Basic abc"})
    assert response.json() == {"data": {"viewer": None}}


async def test_session_cookie_needs_the_csrf_header_for_posts(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    csrf = await sign_in(client, admin.email)
    refused = await client.post("/graphql", json=INVITE)
    assert refused.status_code == 403
    wrong = await client.post("/graphql", json=INVITE, headers={"X-CSRF-Token": "forged"})
    assert wrong.status_code == 403
    assert not await models.User.filter(email="new@acme.example").exists()
    accepted = await client.post("/graphql", json=INVITE, headers={"X-CSRF-Token": csrf})
    assert accepted.json()["data"]["userInvite"]["errors"] == []
    # reads over GET need no token
    read = await client.get("/graphql", params={"query": "{ viewer { email } }"})
    assert read.json()["data"]["viewer"]["email"] == "admin@acme.example"


async def test_mutations_over_get_are_rejected(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    await sign_in(client, admin.email)
    response = await client.get("/graphql", params={"query": TOKEN_CREATE})
    assert response.status_code in {400, 405}
    assert await models.ApiToken.all().count() == 0


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/x-www-form-urlencoded", "query=%7B+viewer+%7B+email+%7D+%7D"),
        ("text/plain", '{"query": "{ viewer { email } }"}'),
        ("multipart/form-data; boundary=x", "--x--"),
    ],
)
async def test_non_json_posts_are_rejected(
    client: httpx.AsyncClient, admin: models.User, content_type: str, body: str
) -> None:
    secret_user = await make_user(await admin.org)
    assert secret_user.id
    response = await client.post("/graphql", content=body, headers={"Content-Type": content_type})
    assert response.status_code in {400, 415}


async def test_graphiql_only_in_development(client: httpx.AsyncClient, admin: models.User) -> None:
    await sign_in(client, admin.email)
    response = await client.get("/graphql", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert "graphiql" in response.text.lower()
    # everything it loads is ours: no other host, no inline script
    sources = re.findall(r'(?:src|href)="([^"]+)"', response.text)
    assert sources and all(source.startswith("/static/") for source in sources)
    assert "<script>" not in response.text and "cdn" not in response.text.lower()
    for source in sources:
        served = await client.get(source)
        assert served.status_code == 200, source
    # the page hands its script the token the CSRF check wants as X-CSRF-Token
    token = re.search(r'data-csrf-token="([^"]+)"', response.text)
    assert token
    boot = await client.get("/static/graphiql-boot.js")
    assert '"X-CSRF-Token"' in boot.text
    query = {"query": "{ viewer { email } }"}
    refused = await client.post("/graphql", json=query)
    assert refused.status_code == 403
    answered = await client.post("/graphql", json=query, headers={"X-CSRF-Token": token.group(1)})
    assert answered.json()["data"]["viewer"]["email"] == admin.email


async def test_login_and_logout_through_graphql(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    mutation = """mutation($i: SessionCreateInput!) {
      sessionCreate(input: $i) { user { email } errors { code } }
    }"""
    response = await client.post(
        "/graphql",
        json={
            "query": mutation,
            "variables": {"i": {"email": admin.email, "password": "correct horse battery"}},
        },
    )
    assert response.json()["data"]["sessionCreate"]["errors"] == []
    viewer = await client.get("/graphql", params={"query": "{ viewer { email } }"})
    assert viewer.json()["data"]["viewer"]["email"] == admin.email


async def test_cross_origin_cookie_posts_are_refused(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    csrf = await sign_in(client, admin.email)
    headers = {"X-CSRF-Token": csrf}
    foreign = await client.post(
        "/graphql", json=INVITE, headers=headers | {"Origin": "http://evil.example"}
    )
    # cross-origin, the cookie is not even read (Bearer tokens only): nobody is signed in
    assert foreign.json()["data"] is None
    assert foreign.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert "access-control-allow-origin" not in foreign.headers
    assert await models.User.filter(org_id=admin.org_id).count() == 1
    same = await client.post("/graphql", json=INVITE, headers=headers | {"Origin": BASE_URL})
    assert same.json()["data"]["userInvite"]["errors"] == []


async def test_graphiql_is_off_in_production(tmp_path: Path) -> None:
    url = f"sqlite://{tmp_path}/prod.sqlite3"
    await apply_migrations(url)
    settings = Settings(database_url=url, secret_key="p" * 50, environment="production")
    application = create_app(settings)
    async with LifespanManager(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as http:
            page = await http.get("/graphql", headers={"Accept": "text/html"})
            assert "graphiql" not in page.text.lower()
            assert page.status_code in {400, 404}


@pytest.fixture
async def small_body_client(tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    """The app with a 4 KiB ceiling on /graphql bodies."""
    url = f"sqlite://{tmp_path}/limit.sqlite3"
    await apply_migrations(url)
    settings = Settings(database_url=url, secret_key="l" * 50, graphql_max_body_bytes=4096)
    application = create_app(settings)
    async with LifespanManager(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as http:
            yield http


def _padded(document: dict[str, Any], size: int) -> bytes:
    """``document`` as JSON, padded with whitespace to exactly ``size`` bytes."""
    text = json.dumps(document).encode()
    return text + b" " * (size - len(text))


async def _chunks(body: bytes, size: int = 1000) -> AsyncIterator[bytes]:
    for start in range(0, len(body), size):
        yield body[start : start + size]


async def test_graphql_bodies_over_the_limit_are_refused_unread(
    small_body_client: httpx.AsyncClient,
) -> None:
    org = await make_org(name="Acme Sales", active_user_limit=10)
    admin = await make_user(org, email="admin@acme.example", role=models.UserRole.ADMIN)
    csrf = await sign_in(small_body_client, admin.email)
    headers = {"X-CSRF-Token": csrf, "Content-Type": "application/json"}

    # at the limit: answered as usual (the body reaches Strawberry whole)
    exact = await small_body_client.post("/graphql", content=_padded(INVITE, 4096), headers=headers)
    assert exact.json()["data"]["userInvite"]["errors"] == []
    assert await models.User.filter(email="new@acme.example").count() == 1

    other = {**INVITE, "variables": {"i": {"email": "big@acme.example", "name": "Big"}}}
    declared = await small_body_client.post(
        "/graphql", content=_padded(other, 4097), headers=headers
    )
    chunked = await small_body_client.post(
        "/graphql", content=_chunks(_padded(other, 20_000)), headers=headers
    )
    for refused in (declared, chunked):
        assert refused.status_code == 413
        error = refused.json()["errors"][0]
        assert error["extensions"] == {"code": "REQUEST_TOO_LARGE"}
        assert "larger than 4 KiB" in error["message"]
    assert "content-length" not in chunked.request.headers  # really sent without a length
    assert not await models.User.filter(email="big@acme.example").exists()

    # a body without a length but within the limit is put back together for the app
    small = await small_body_client.post(
        "/graphql", content=_chunks(_padded(other, 3000), 700), headers=headers
    )
    assert small.json()["data"]["userInvite"]["errors"] == []
    assert await models.User.filter(email="big@acme.example").exists()


async def test_a_costly_anonymous_document_is_refused_while_healthz_answers(
    client: httpx.AsyncClient,
) -> None:
    query = doubling_fragments(30)  # 1.5 KB, about 180 tokens
    with deadline(20):  # turns a blocked event loop into a failure instead of a hang
        costly, health = await asyncio.gather(
            client.get("/graphql", params={"query": query}), client.get("/healthz")
        )
    assert health.json() == {"status": "ok"}
    assert costly.status_code == 200
    assert [e["extensions"]["code"] for e in costly.json()["errors"]] == ["QUERY_TOO_COMPLEX"]


@pytest.mark.parametrize(
    "body",
    [
        b'{"query": "{ viewer { email } }", "variables": {"a": '
        + b"[" * 100_000
        + b"]" * 100_000
        + b"}}",
        b'{"query": "{ viewer { email } }", "variables": {"a": '
        + b'{"b": ' * 2000
        + b"1"
        + b"}" * 2000
        + b"}}",
        b'{"query": "{ viewer { email \xff\xfe } }"}',
        b'{"query": "{ viewer { email } }", "variables": {"a": "\\ud800"}}',
    ],
    ids=["nested-100000", "nested-2000", "not-utf8", "lone-surrogate"],
)
async def test_bodies_nested_too_deep_or_not_utf8_are_400(
    client: httpx.AsyncClient, body: bytes
) -> None:
    response = await client.post(
        "/graphql", content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400


async def test_get_variables_nested_too_deep_are_400(client: httpx.AsyncClient) -> None:
    variables = "[" * 5000 + "]" * 5000
    response = await client.get(
        "/graphql", params={"query": "{ viewer { email } }", "variables": variables}
    )
    assert response.status_code == 400
