"""Signed embed links, the partitioned embedded session and the tab's frame-ancestors."""

from __future__ import annotations

import base64
import json
import re
import secrets
import time
from collections.abc import AsyncIterator
from urllib.parse import urlencode

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from gql.ids import encode_id
from orm import models
from resolvers import embedding
from tests.factories import make_crm_tab, make_user, viewer_for
from web.routes.crm_tab import render_tab

CRM = "https://crm.zoho.eu"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


async def set_up(app: Starlette, admin: models.User, origins: list[str] | None = None) -> str:
    """Origins and an embed secret for the admin's organisation; returns the secret."""
    viewer = viewer_for(admin)
    await embedding.update_origins(viewer, origins or [CRM])
    generated = await embedding.generate_secret(viewer, app.state.sync.cipher)
    app.state.origin_cache.invalidate()
    assert generated.value is not None
    return generated.value.secret


def link(
    secret: str,
    org_id: int,
    user: str,
    *,
    path: str = "/crm-tab/expenses",
    expires_in: int = 300,
    nonce: str | None = None,
    sig: str | None = None,
) -> str:
    org = encode_id("Organization", org_id)
    expires = int(time.time()) + expires_in
    nonce = nonce or secrets.token_urlsafe(16)
    signature = sig or embedding.sign(secret, org, user, expires, path, nonce)
    query = {"org": org, "user": user, "exp": expires, "path": path, "nonce": nonce,
             "sig": signature}  # fmt: skip
    return "/crm-tab/embed?" + urlencode(query)


@pytest.fixture
async def tab(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    """A client over https (its cookie jar keeps Secure cookies), like the browser in the CRM's
    iframe: it only ever holds the embedded session's cookie."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as http:
        yield http


def embed_cookie(response: httpx.Response) -> str:
    for header in response.headers.get_list("set-cookie"):
        if header.startswith("spendsync_embed="):
            return header
    raise AssertionError("no embedded session cookie was set")


def cookie_value(header: str) -> str:
    return header.split(";", 1)[0].split("=", 1)[1]


def session_data(header: str) -> dict[str, object]:
    """What a session cookie holds (signed, not encrypted: base64 JSON before the signature)."""
    value = cookie_value(header)
    if value == "null":
        return {}
    data: dict[str, object] = json.loads(base64.b64decode(value.split(".", 1)[0]))
    return data


async def test_a_valid_link_signs_in_the_embedded_session_and_opens_the_target(
    app: Starlette, client: httpx.AsyncClient, admin: models.User
) -> None:
    secret = await set_up(app, admin)
    user = await make_user(await admin.org, email="sam@acme.example", name="Sam Seller")
    response = await client.get(link(secret, admin.org_id, "sam@acme.example"))
    assert response.status_code == 303
    assert response.headers["location"] == "/crm-tab/expenses"
    header = embed_cookie(response)
    flags = {part.strip().lower() for part in header.split(";")[1:]}
    assert {"httponly", "samesite=none", "secure", "partitioned", "path=/"} <= flags
    # the first-party cookie is neither set nor touched
    assert not any(
        h.startswith("spendsync_session=") for h in response.headers.get_list("set-cookie")
    )
    client.cookies.clear()
    page = await client.get(
        "/account", headers={"Cookie": f"spendsync_embed={cookie_value(header)}"}
    )
    assert page.status_code == 200
    assert "Sam Seller" in page.text and user.email in page.text


async def test_the_embedded_session_passes_csrf_on_form_posts_and_htmx(
    app: Starlette, tab: httpx.AsyncClient, admin: models.User
) -> None:
    secret = await set_up(app, admin)
    user = await make_user(await admin.org, email="sam@acme.example", name="Sam Seller")
    assert (await tab.get(link(secret, admin.org_id, user.email))).status_code == 303
    assert set(tab.cookies.keys()) == {"spendsync_embed"}
    page = await tab.get("/account")
    token = _CSRF.search(page.text)
    assert token is not None
    refused = await tab.post("/account/name", data={"name": "Forged"})
    assert refused.status_code == 403
    assert (await models.User.get(id=user.id)).name == "Sam Seller"
    posted = await tab.post(
        "/account/name", data={"name": "Sam Form", "csrf_token": token.group(1)}
    )
    assert posted.status_code == 303
    assert (await models.User.get(id=user.id)).name == "Sam Form"
    htmx = await tab.post(
        "/account/name", data={"name": "Sam Htmx"},
        headers={"HX-Request": "true", "X-CSRF-Token": token.group(1),
                 "Origin": "https://testserver"},
    )  # fmt: skip
    assert htmx.status_code in (200, 204)
    assert (await models.User.get(id=user.id)).name == "Sam Htmx"
    assert set(tab.cookies.keys()) == {"spendsync_embed"}  # never a first-party cookie


async def test_crm_user_id_works_as_the_user(
    app: Starlette, client: httpx.AsyncClient, admin: models.User
) -> None:
    secret = await set_up(app, admin)
    await make_user(await admin.org, email="crm@acme.example", crm_user_id="4876876000000225001")
    response = await client.get(link(secret, admin.org_id, "4876876000000225001"))
    assert response.status_code == 303


@pytest.mark.parametrize(
    ("change", "status", "code"),
    [
        ("tampered", 403, "EMBED_LINK_INVALID"),
        ("expired", 401, "EMBED_LINK_EXPIRED"),
        ("too_far", 403, "EMBED_LINK_INVALID"),
        ("outside_tab", 403, "EMBED_LINK_INVALID"),
        ("traversal", 403, "EMBED_LINK_INVALID"),
        ("unknown_user", 403, "NOT_FOUND"),
        ("other_org_user", 403, "NOT_FOUND"),
        ("inactive", 403, "USER_INACTIVE"),
        ("other_secret", 403, "EMBED_LINK_INVALID"),
        ("missing", 403, "EMBED_LINK_INVALID"),
    ],
)
async def test_a_bad_link_is_refused_with_a_page_and_nobody_signed_in(
    app: Starlette, client: httpx.AsyncClient, admin: models.User, change: str, status: int,
    code: str,
) -> None:  # fmt: skip
    secret = await set_up(app, admin)
    org = await admin.org
    await make_user(org, email="sam@acme.example")
    await make_user(org, email="gone@acme.example", status=models.UserStatus.INACTIVE)
    other_org = await models.Organization.create(name="Globex")
    await make_user(other_org, email="spy@globex.example")
    url = {
        "tampered": link(secret, admin.org_id, "sam@acme.example").replace(
            "sam%40acme.example", "admin%40acme.example"
        ),
        "expired": link(secret, admin.org_id, "sam@acme.example", expires_in=-5),
        "too_far": link(secret, admin.org_id, "sam@acme.example", expires_in=3600),
        "outside_tab": link(secret, admin.org_id, "sam@acme.example", path="/settings"),
        "traversal": link(secret, admin.org_id, "sam@acme.example", path="/crm-tab/../settings"),
        "unknown_user": link(secret, admin.org_id, "nobody@acme.example"),
        "other_org_user": link(secret, admin.org_id, "spy@globex.example"),
        "inactive": link(secret, admin.org_id, "gone@acme.example"),
        "other_secret": link("sse_not-the-secret", admin.org_id, "sam@acme.example"),
        "missing": "/crm-tab/embed?org=x",
    }[change]
    response = await client.get(url)
    assert response.status_code == status
    assert f'data-code="{code}"' in response.text
    assert "Open the Zoho Expense tab again" in response.text
    assert "Sign out" not in response.text  # nobody is signed in
    for header in response.headers.get_list("set-cookie"):
        assert "user_id" not in session_data(header)


async def test_a_link_works_once(
    app: Starlette, client: httpx.AsyncClient, admin: models.User
) -> None:
    secret = await set_up(app, admin)
    await make_user(await admin.org, email="sam@acme.example")
    url = link(secret, admin.org_id, "sam@acme.example")
    assert (await client.get(url)).status_code == 303
    client.cookies.clear()
    replayed = await client.get(url)
    assert replayed.status_code == 403
    assert 'data-code="EMBED_LINK_USED"' in replayed.text


async def test_a_rotated_secret_refuses_links_signed_with_the_old_one(
    app: Starlette, client: httpx.AsyncClient, admin: models.User
) -> None:
    old = await set_up(app, admin)
    new = await set_up(app, admin)
    assert old != new
    await make_user(await admin.org, email="sam@acme.example")
    assert (await client.get(link(old, admin.org_id, "sam@acme.example"))).status_code == 403
    assert (await client.get(link(new, admin.org_id, "sam@acme.example"))).status_code == 303


async def test_the_first_party_session_stays_lax_and_wins_when_sent(
    app: Starlette, client: httpx.AsyncClient, admin: models.User
) -> None:
    secret = await set_up(app, admin)
    await make_user(await admin.org, email="sam@acme.example", name="Sam Seller")
    login = await client.get("/login")
    first_party = [
        h for h in login.headers.get_list("set-cookie") if h.startswith("spendsync_session=")
    ]
    assert first_party and "samesite=lax" in first_party[0].lower()
    assert "partitioned" not in first_party[0].lower()
    response = await client.get(link(secret, admin.org_id, "sam@acme.example"))
    embedded = cookie_value(embed_cookie(response))
    cookies = f"spendsync_session={cookie_value(first_party[0])}; spendsync_embed={embedded}"
    client.cookies.clear()
    alone = await client.get("/account", headers={"Cookie": f"spendsync_embed={embedded}"})
    assert alone.status_code == 200 and "Sam Seller" in alone.text
    both = await client.get("/account", headers={"Cookie": cookies})
    # the first-party (anonymous) session came too: that one is used
    assert both.status_code == 303 and both.headers["location"].startswith("/login")


async def test_tab_pages_may_be_framed_by_the_organisations_crm_origins_only(
    app: Starlette, client: httpx.AsyncClient, admin: models.User
) -> None:
    secret = await set_up(app, admin, [CRM, "https://crm.zoho.com:8443"])
    other = await models.Organization.create(name="Globex")
    await embedding.update_origins(
        viewer_for(await make_user(other, role=models.UserRole.ADMIN)), ["https://globex.crm"]
    )
    app.state.origin_cache.invalidate()
    await make_user(await admin.org, email="sam@acme.example")
    response = await client.get(link(secret, admin.org_id, "sam@acme.example"))
    cookie = {"Cookie": f"spendsync_embed={cookie_value(embed_cookie(response))}"}
    policy = response.headers["content-security-policy"]
    assert policy.endswith("frame-ancestors 'self' https://crm.zoho.eu https://crm.zoho.com:8443")
    client.cookies.clear()
    tab = await client.get("/crm-tab", headers=cookie)
    assert "frame-ancestors 'self' https://crm.zoho.eu" in tab.headers["content-security-policy"]
    assert "globex" not in tab.headers["content-security-policy"]
    for path in ("/account", "/notifications", "/login"):
        elsewhere = await client.get(path, headers=cookie)
        assert elsewhere.headers["content-security-policy"].endswith("frame-ancestors 'self'")
    # a refused link's page can still be shown inside the CRM named by the link
    refused = await client.get(link("wrong", admin.org_id, "sam@acme.example"))
    assert refused.status_code == 403
    assert "https://crm.zoho.eu" in refused.headers["content-security-policy"]
    # with nobody signed in the tab only says to open it again from the CRM: any CRM may show it
    client.cookies.clear()
    anonymous = await client.get("/crm-tab")
    assert anonymous.headers["content-security-policy"].endswith(
        "frame-ancestors 'self' https://crm.zoho.com:8443 https://crm.zoho.eu https://globex.crm"
    )
    assert (
        (await client.get("/login"))
        .headers["content-security-policy"]
        .endswith("frame-ancestors 'self'")
    )


async def _tab_page(request: Request) -> Response:
    """A page of the tab as every tab page renders (the pages themselves live elsewhere)."""
    return await render_tab(request, "crm_tab/off.html", {"status": {}})


async def _tab_page_on(request: Request) -> Response:
    return await render_tab(request, "crm_tab/layout.html")


async def test_the_gate_and_an_ended_session_inside_the_crm_frame(
    app: Starlette, tab: httpx.AsyncClient, admin: models.User
) -> None:
    app.router.routes.insert(0, Route("/crm-tab/probe", _tab_page))
    secret = await set_up(app, admin)
    await make_user(await admin.org, email="sam@acme.example", name="Sam Seller")
    # nobody signed in inside the frame: a page saying so, not the sign-in page
    ended = await tab.get("/crm-tab/probe", headers={"Sec-Fetch-Dest": "iframe"})
    assert ended.status_code == 401
    assert "Your session has ended" in ended.text
    assert "https://crm.zoho.eu" in ended.headers["content-security-policy"]
    outside = await tab.get("/crm-tab/probe")  # opened directly: the sign-in page as before
    assert outside.status_code == 303 and outside.headers["location"].startswith("/login")
    tab.cookies.clear()  # a browser in a CRM's frame keeps no first-party cookie
    # signed in through a link: the "Sync Modules is off" gate, then the page once it is on
    assert (await tab.get(link(secret, admin.org_id, "sam@acme.example"))).status_code == 303
    off = await tab.get("/crm-tab/probe")
    assert off.status_code == 200 and "Sync Modules is off" in off.text
    assert "Sam Seller" in off.text
    await make_crm_tab(await admin.org)
    app.router.routes.insert(0, Route("/crm-tab/probe-on", _tab_page_on))
    on = await tab.get("/crm-tab/probe-on")
    assert on.status_code == 200 and "Sync Modules is off" not in on.text
    # the session ends (signed out inside the frame): the tab says so
    token = _CSRF.search(off.text)
    assert token is not None
    signed_out = await tab.post("/logout", data={"csrf_token": token.group(1)})
    assert signed_out.headers["location"] == "/crm-tab/signed-out"
    page = await tab.get("/crm-tab/signed-out")
    assert page.status_code == 200 and "You are signed out" in page.text
    assert "https://crm.zoho.eu" in page.headers["content-security-policy"]
    gone = await tab.get("/crm-tab/probe", headers={"Sec-Fetch-Dest": "iframe"})
    assert gone.status_code == 401 and "Your session has ended" in gone.text
