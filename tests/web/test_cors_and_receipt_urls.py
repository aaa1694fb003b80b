"""CORS on /graphql and the receipt routes for the CRM origins; signed receipt URLs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from starlette.applications import Starlette

from orm import models
from resolvers import embedding
from resolvers.receipts import urls
from tests.factories import make_org, make_user, viewer_for
from tests.web.conftest import sign_in
from tests.web.test_receipts import PDF, PNG, bearer, upload

CRM = "https://crm.zoho.eu"
VIEWER = {"query": "{ viewer { email } }"}


async def allow(app: Starlette, admin: models.User, origins: list[str]) -> None:
    await embedding.update_origins(viewer_for(admin), origins)
    app.state.origin_cache.invalidate()


def preflight(origin: str) -> dict[str, str]:
    return {"Origin": origin, "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type"}  # fmt: skip


async def test_a_preflight_from_a_configured_origin_is_answered(
    app: Starlette, client: httpx.AsyncClient, admin: models.User
) -> None:
    await allow(app, admin, [CRM])
    for path in ("/graphql", "/receipts", "/receipts/abc"):
        response = await client.options(path, headers=preflight(CRM))
        assert response.status_code == 204, path
        assert response.headers["access-control-allow-origin"] == CRM
        assert "POST" in response.headers["access-control-allow-methods"]
        assert response.headers["access-control-allow-headers"] == "Authorization, Content-Type"
        assert int(response.headers["access-control-max-age"]) > 0
        assert "access-control-allow-credentials" not in response.headers


async def test_other_origins_get_no_cors_headers(
    app: Starlette, client: httpx.AsyncClient, admin: models.User
) -> None:
    await allow(app, admin, [CRM])
    for origin in ("https://evil.example", "https://crm.zoho.eu.evil.example", "null",
                   "http://crm.zoho.eu"):  # fmt: skip
        response = await client.options("/graphql", headers=preflight(origin))
        assert response.status_code == 403
        assert not any(h.startswith("access-control-") for h in response.headers)
        actual = await client.post(
            "/graphql", json=VIEWER, headers={"Origin": origin, **await bearer(admin)}
        )
        assert actual.status_code == 200
        assert not any(h.startswith("access-control-") for h in actual.headers)


async def test_an_origin_configured_by_any_organisation_is_allowed_and_changes_apply(
    app: Starlette, client: httpx.AsyncClient, admin: models.User
) -> None:
    other = await make_org(name="Globex")
    globex_admin = await make_user(other, role=models.UserRole.ADMIN)
    response = await client.options("/graphql", headers=preflight("https://globex.crm"))
    assert response.status_code == 403
    # the admin changes origins through GraphQL: the cache is invalidated at once
    token = await bearer(globex_admin)
    update = await client.post(
        "/graphql", headers=token,
        json={"query": "mutation { crmEmbeddingOriginsUpdate(input: {origins: "
              "[\"https://globex.crm\"]}) { errors { code } } }"},
    )  # fmt: skip
    assert update.json()["data"]["crmEmbeddingOriginsUpdate"]["errors"] == []
    response = await client.options("/graphql", headers=preflight("https://globex.crm"))
    assert response.status_code == 204


async def test_a_cross_origin_request_is_answered_with_a_bearer_token_only(
    app: Starlette, client: httpx.AsyncClient, admin: models.User
) -> None:
    await allow(app, admin, [CRM])
    csrf = await sign_in(client, "admin@acme.example")
    assert client.cookies.get("spendsync_session")
    # same origin: the session cookie works as before
    own = await client.post(
        "/graphql", json=VIEWER, headers={"Origin": "http://testserver", "X-CSRF-Token": csrf}
    )
    assert own.json()["data"]["viewer"] == {"email": "admin@acme.example"}
    # cross-origin with the cookie only: the cookie is ignored (anonymous), CORS headers on
    cookie_only = await client.post("/graphql", json=VIEWER, headers={"Origin": CRM})
    assert cookie_only.status_code == 200
    assert cookie_only.json()["data"]["viewer"] is None
    assert cookie_only.headers["access-control-allow-origin"] == CRM
    assert "access-control-allow-credentials" not in cookie_only.headers
    assert "set-cookie" not in cookie_only.headers
    got = await client.get("/graphql", params={"query": "{ viewer { email } }"},
                           headers={"Origin": CRM})  # fmt: skip
    assert got.json()["data"]["viewer"] is None
    # with a bearer token: data
    with_token = await client.post(
        "/graphql", json=VIEWER, headers={"Origin": CRM, **await bearer(admin)}
    )
    assert with_token.json()["data"]["viewer"] == {"email": "admin@acme.example"}
    assert with_token.headers["access-control-allow-origin"] == CRM
    assert "origin" in with_token.headers["vary"].lower()


async def test_receipt_routes_answer_cors_and_ignore_cookies_cross_origin(
    app: Starlette, client: httpx.AsyncClient, admin: models.User
) -> None:
    await allow(app, admin, [CRM])
    token = await bearer(admin)
    created = (await upload(client, token, PNG)).json()["receipt"]
    await sign_in(client, "admin@acme.example")
    own = await client.get(f"/receipts/{created['id']}")
    assert own.status_code == 200  # the session cookie, same origin
    cross = await client.get(f"/receipts/{created['id']}", headers={"Origin": CRM})
    assert cross.status_code == 401  # the cookie is ignored cross-origin
    assert cross.headers["access-control-allow-origin"] == CRM
    with_token = await client.get(f"/receipts/{created['id']}", headers={"Origin": CRM, **token})
    assert with_token.status_code == 200 and with_token.content == PNG
    uploaded = await client.post(
        "/receipts", files={"file": ("b.png", PNG + b"1", "image/png")},
        headers={"Origin": CRM, **token},
    )  # fmt: skip
    assert uploaded.status_code == 201
    assert uploaded.headers["access-control-allow-origin"] == CRM


async def receipt_url(client: httpx.AsyncClient, headers: dict[str, str], receipt_id: str) -> str:
    response = await client.post(
        "/graphql", headers=headers,
        json={"query": "{ receiptInbox { nodes { id url } } }"},
    )  # fmt: skip
    nodes = response.json()["data"]["receiptInbox"]["nodes"]
    return next(str(n["url"]) for n in nodes if n["id"] == receipt_id)


async def test_a_signed_receipt_url_works_without_credentials_with_safe_headers(
    app: Starlette, client: httpx.AsyncClient, admin: models.User
) -> None:
    token = await bearer(admin)
    image = (await upload(client, token, PNG)).json()["receipt"]
    pdf = (await upload(client, token, PDF, "bill.pdf", "application/pdf")).json()["receipt"]
    url = await receipt_url(client, token, image["id"])
    assert url.startswith(f"http://testserver/receipts/{image['id']}/file?exp=")
    client.cookies.clear()
    response = await client.get(url)  # no cookie, no header
    assert response.status_code == 200 and response.content == PNG
    assert response.headers["content-type"] == "image/png"
    assert response.headers["content-disposition"].startswith('inline; filename="lunch.png"')
    assert response.headers["x-content-type-options"] == "nosniff"
    document = await client.get(await receipt_url(client, token, pdf["id"]))
    assert document.status_code == 200 and document.content == PDF
    assert document.headers["content-type"] == "application/pdf"
    assert document.headers["content-disposition"].startswith('attachment; filename="bill.pdf"')
    assert "sandbox" in document.headers["content-security-policy"]
    expires = int(parse_qs(urlsplit(url).query)["exp"][0])
    now = datetime.now(UTC).timestamp()
    assert now + 240 < expires <= now + 6 * 60


@pytest.mark.parametrize("change", ["signature", "expiry", "other_receipt", "expired", "bare"])
async def test_a_tampered_or_expired_receipt_url_is_refused_without_data(
    app: Starlette, client: httpx.AsyncClient, admin: models.User, change: str
) -> None:
    token = await bearer(admin)
    mine = (await upload(client, token, PNG)).json()["receipt"]
    globex = await make_org(name="Globex")
    spy = await make_user(globex, role=models.UserRole.ADMIN)
    theirs = (await upload(client, await bearer(spy), PNG + b"globex")).json()["receipt"]
    url = await receipt_url(client, token, mine["id"])
    path, _, query = url.removeprefix("http://testserver").partition("?")
    params = {k: v[0] for k, v in parse_qs(query).items()}
    key = app.state.receipts.url_key
    if change == "signature":
        params["sig"] = ("0" if params["sig"][0] != "0" else "1") + params["sig"][1:]
    elif change == "expiry":
        params["exp"] = str(int(params["exp"]) + 3600)
    elif change == "other_receipt":  # another organisation's receipt under my signature
        path = f"/receipts/{theirs['id']}/file"
    elif change == "expired":  # correctly signed, but in the past
        past = int((datetime.now(UTC) - timedelta(seconds=5)).timestamp())
        receipt_pk = (await models.Receipt.get(sha256__isnull=False, org_id=admin.org_id)).id
        params = {"exp": str(past), "sig": urls.signature(key, receipt_pk, past)}
    else:
        params = {}
    client.cookies.clear()
    response = await client.get(path, params=params)
    assert response.status_code == 403
    assert PNG not in response.content
    assert response.headers["content-type"].startswith("application/json")
