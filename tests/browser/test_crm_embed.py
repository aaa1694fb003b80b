"""The CRM tab inside a CRM's iframe on another site, third-party cookies blocked: signed embed
links, the embedded session with CSRF, CORS for a widget's script, refused links."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Browser, expect, sync_playwright

from orm import models
from resolvers.identity.tokens import create_token
from tests.browser.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, LiveServer
from tests.browser.support import (
    assert_clean,
    block_third_party_cookies,
    check_a11y,
    embed_link,
    host_server,
    new_page,
    open_embedded_tab,
    open_link_in_host,
    screenshot,
    sign_in,
    third_party_cookies_sent,
    with_database,
)
from tests.factories import make_user, viewer_for

pytestmark = pytest.mark.browser

SAM = "sam@acme.example"


async def _add_sam() -> None:
    admin = await models.User.get(email=ADMIN_EMAIL)
    await make_user(await admin.org, email=SAM, name="Sam Seller")


async def _name_of(email: str) -> str:
    return (await models.User.get(email=email)).name


async def _token_of(email: str) -> str:
    user = await models.User.get(email=email)
    created = await create_token(viewer_for(user), name="widget", expires_at=None)
    assert created.value is not None
    return created.value.secret


POST_NAME = """async ([name, withToken, asForm]) => {
    const token = JSON.parse(document.body.getAttribute("hx-headers"))["X-CSRF-Token"];
    const body = new URLSearchParams({name});
    const headers = {"HX-Request": "true"};
    if (withToken && asForm) body.set("csrf_token", token);
    if (withToken && !asForm) headers["X-CSRF-Token"] = token;
    const response = await fetch("/account/name", {method: "POST", headers, body});
    return response.status;
}"""


def test_the_tab_opens_signed_in_inside_a_cross_site_iframe_with_third_party_cookies_blocked(
    live_server: LiveServer, browser: Browser
) -> None:
    with_database(live_server.database_url, _add_sam)
    page, frame = open_embedded_tab(browser, live_server, SAM, "/crm-tab")
    assert frame.url.startswith(live_server.url + "/crm-tab")
    assert page.url.startswith("http://localhost:")
    # signed in as Sam inside the frame (the tab's page, or the gate before it)
    expect(frame.locator(".identity")).to_contain_text("Sam Seller")
    # only the partitioned embedded cookie exists, keyed to the CRM's site
    cookies = page.context.cookies()
    assert [c["name"] for c in cookies] == ["spendsync_embed"]
    assert cookies[0].get("partitionKey", "").startswith("http://localhost")
    # htmx-style and form posts from the tab pass CSRF on the embedded session
    assert frame.evaluate(POST_NAME, ["Forged", False, False]) == 403
    assert frame.evaluate(POST_NAME, ["Sam Htmx", True, False]) in (200, 204)
    assert with_database(live_server.database_url, lambda: _name_of(SAM)) == "Sam Htmx"
    assert frame.evaluate(POST_NAME, ["Sam Form", True, True]) in (200, 204, 303)
    assert with_database(live_server.database_url, lambda: _name_of(SAM)) == "Sam Form"
    screenshot(page, "crm-embed-tab-in-iframe")
    check_a11y(page)
    # signing out inside the frame lands on a page of the tab that says so
    frame.get_by_role("button", name="Sign out").click()
    expect(frame.get_by_role("heading", name="You are signed out")).to_be_visible()
    assert page.context.cookies() == []
    screenshot(page, "crm-embed-signed-out")
    assert_clean(page)


def test_the_probe_sees_third_party_cookies_when_the_browser_allows_them(
    live_server: LiveServer, chromium_path: str, tmp_path: Path
) -> None:
    """The check ``open_embedded_tab`` relies on is not vacuous: a profile that allows
    third-party cookies sends the plain cookie, Playwright's contexts do not."""
    profile = tmp_path / "profile"
    (profile / "Default").mkdir(parents=True)
    preferences = {"profile": {"cookie_controls_mode": 0, "block_third_party_cookies": False}}
    (profile / "Default" / "Preferences").write_text(json.dumps(preferences))
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=chromium_path, args=["--no-sandbox", "--headless=new"]
        )
        try:
            assert third_party_cookies_sent(context.new_page(), live_server.url)
        finally:
            context.close()
        browser = playwright.chromium.launch(
            executable_path=chromium_path, args=["--no-sandbox", "--headless=new"]
        )
        try:
            page = new_page(browser)
            block_third_party_cookies(page)
            assert not third_party_cookies_sent(page, live_server.url)
        finally:
            browser.close()


FETCH = """async ([url, token]) => {
    try {
        const response = await fetch(url, {
            method: "POST",
            headers: {"Content-Type": "application/json",
                      ...(token ? {"Authorization": "Bearer " + token} : {})},
            body: JSON.stringify({query: "{ viewer { email name } }"}),
        });
        return {status: response.status, body: await response.json()};
    } catch (error) {
        return {failed: String(error)};
    }
}"""


def test_a_widget_script_on_a_crm_origin_calls_graphql_with_a_bearer_token(
    live_server: LiveServer, browser: Browser
) -> None:
    embed_link(live_server, ADMIN_EMAIL, "/crm-tab")  # allows the CRM host's origin
    token = with_database(live_server.database_url, lambda: _token_of(ADMIN_EMAIL))
    page = new_page(browser)
    block_third_party_cookies(page)
    page.goto(f"{host_server()}/host?{urlencode({'src': 'about:blank'})}")
    answer: dict[str, Any] = page.evaluate(FETCH, [f"{live_server.url}/graphql", token])
    assert answer.get("status") == 200, answer
    assert answer["body"]["data"]["viewer"] == {"email": ADMIN_EMAIL, "name": "Ada Admin"}
    # without a token the API answers, as to anyone: nobody is signed in
    anonymous: dict[str, Any] = page.evaluate(FETCH, [f"{live_server.url}/graphql", ""])
    assert anonymous["body"]["data"]["viewer"] is None
    # a page on an origin no organisation allows: the browser refuses the answer
    other = new_page(browser)
    other.goto(f"{host_server('elsewhere')}/host?{urlencode({'src': 'about:blank'})}")
    refused: dict[str, Any] = other.evaluate(FETCH, [f"{live_server.url}/graphql", token])
    assert "failed" in refused, refused


def test_expired_and_tampered_embed_links_are_refused_inside_the_iframe(
    live_server: LiveServer, browser: Browser
) -> None:
    with_database(live_server.database_url, _add_sam)
    page = new_page(browser, viewport={"width": 1300, "height": 1000})
    block_third_party_cookies(page)

    tampered = embed_link(live_server, SAM, "/crm-tab").replace(
        "sam%40acme.example", "ada%40acme.example"
    )
    frame = open_link_in_host(page, tampered)
    expect(frame.get_by_role("heading", name="This link cannot open the tab")).to_be_visible()
    expect(frame.locator("[data-code]")).to_have_attribute("data-code", "EMBED_LINK_INVALID")
    expect(frame.get_by_role("button", name="Sign out")).to_have_count(0)
    screenshot(page, "crm-embed-link-tampered")
    check_a11y(page)

    expiring = embed_link(live_server, SAM, "/crm-tab")
    # a link that lasts one second (the shortest the API mints), opened after it expired
    short = _short_lived_link(live_server, SAM)
    time.sleep(2.2)
    frame = open_link_in_host(page, short)
    expect(frame.get_by_role("heading", name="This link has expired")).to_be_visible()
    expect(frame.get_by_role("button", name="Sign out")).to_have_count(0)
    screenshot(page, "crm-embed-link-expired")

    # a good link works once; opened again it is refused
    frame = open_link_in_host(page, expiring)
    expect(frame.locator(".identity")).to_contain_text("Sam Seller")
    frame = open_link_in_host(page, expiring)
    expect(frame.get_by_role("heading", name="This link was already used")).to_be_visible()
    expect(frame.get_by_role("button", name="Sign out")).to_have_count(0)
    assert_clean(page)


def _short_lived_link(live_server: LiveServer, email: str) -> str:
    import httpx

    token = with_database(live_server.database_url, lambda: _token_of(ADMIN_EMAIL))
    user_id = with_database(live_server.database_url, lambda: _user_id(email))
    response = httpx.post(
        f"{live_server.url}/graphql", headers={"Authorization": f"Bearer {token}"},
        json={"query": "mutation($input: CrmEmbedLinkCreateInput!) { crmEmbedLinkCreate("
              "input: $input) { url errors { message } } }",
              "variables": {"input": {"userId": user_id, "path": "/crm-tab",
                                      "expiresInSeconds": 1}}},
    )  # fmt: skip
    return str(response.json()["data"]["crmEmbedLinkCreate"]["url"])


async def _user_id(email: str) -> str:
    from gql.ids import encode_id

    return str(encode_id("User", (await models.User.get(email=email)).id))


def test_the_admin_sets_up_embedding_on_the_settings_page(
    live_server: LiveServer, browser: Browser
) -> None:
    with_database(live_server.database_url, _add_sam)
    page = new_page(browser)
    sign_in(page, live_server.url, ADMIN_EMAIL, ADMIN_PASSWORD)
    page.goto(f"{live_server.url}/settings")
    page.get_by_role("navigation", name="Settings").get_by_role(
        "link", name="CRM tab embedding"
    ).click()
    expect(page.get_by_role("heading", name="CRM tab embedding", level=1)).to_be_visible()
    origins = page.get_by_label("Origins allowed to embed the tab and call the API")
    origins.fill("https://crm.zoho.eu\nhttps://crm.zoho.eu/crm/tab")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".field-error")).to_contain_text("no path")
    expect(origins).to_have_attribute("aria-invalid", "true")
    screenshot(page, "crm-embed-settings-origin-error")
    check_a11y(page)
    origins.fill(f"https://crm.zoho.eu\n{host_server()}")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved the CRM origins.")).to_be_visible()

    page.get_by_role("button", name="Generate secret").click()
    secret = page.get_by_label("New embed secret")
    expect(secret).to_have_value(re.compile(r"^sse_"))
    page.get_by_label("User").select_option(label="Sam Seller (sam@acme.example)")
    page.get_by_role("button", name="Create link").click()
    link = page.get_by_label("Embed link", exact=True)
    expect(link).to_have_value(re.compile(r"/crm-tab/embed\?org="))
    screenshot(page, "crm-embed-settings")
    check_a11y(page)
    assert_clean(page)

    # the link opens the tab as Sam inside the CRM's page, in a browser of its own
    tab_page = new_page(browser)
    block_third_party_cookies(tab_page)
    frame = open_link_in_host(tab_page, link.input_value())
    expect(frame.locator(".identity")).to_contain_text("Sam Seller")


async def _sync_modules_on() -> None:
    admin = await models.User.get(email=ADMIN_EMAIL)
    await models.Integration.create(
        org_id=admin.org_id, state=models.IntegrationState.CONNECTED, sync_modules=True
    )


def test_a_tab_page_in_the_iframe_shows_the_gate_then_the_page(
    live_server: LiveServer, browser: Browser
) -> None:
    with_database(live_server.database_url, _add_sam)
    page, frame = open_embedded_tab(browser, live_server, SAM, "/crm-tab/reports")
    expect(frame.get_by_role("heading", name="Sync Modules is off")).to_be_visible()
    expect(frame.locator(".identity")).to_contain_text("Sam Seller")
    screenshot(page, "crm-embed-sync-modules-off")
    check_a11y(page)
    with_database(live_server.database_url, _sync_modules_on)
    frame.goto(f"{live_server.url}/crm-tab/reports")
    expect(frame.get_by_role("heading", name="Expense Reports", level=1)).to_be_visible()
    screenshot(page, "crm-embed-reports-in-iframe")
    check_a11y(page)
    assert_clean(page)
