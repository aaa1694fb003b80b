"""GraphiQL (development) runs from the npm packages the app serves: nothing from other hosts."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Route, expect

from tests.browser.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, LiveServer
from tests.browser.support import assert_clean, check_a11y, new_page, screenshot, sign_in

pytestmark = pytest.mark.browser


def test_graphiql_loads_and_runs_a_query_with_other_hosts_blocked(
    live_server: LiveServer, browser: Browser
) -> None:
    foreign: list[str] = []

    def only_loopback(route: Route) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    page = new_page(browser)
    page.route("**/*", only_loopback)
    sign_in(page, live_server.url, ADMIN_EMAIL, ADMIN_PASSWORD)

    response = page.goto(f"{live_server.url}/graphql")
    assert response is not None
    # a strict policy: scripts and styles from our origin only (a violation fails assert_clean)
    assert response.headers["content-security-policy"].startswith("default-src 'self';")
    editor = page.locator(".graphiql-query-editor .CodeMirror")
    expect(editor).to_be_visible()
    page.evaluate(
        "document.querySelector('.graphiql-query-editor .CodeMirror')"
        ".CodeMirror.setValue('query Me { viewer { email role } }')"
    )
    # the query is a cookie-authenticated POST: it passes the CSRF check with the page's header
    page.locator(".graphiql-execute-button").click()
    result = page.locator(".result-window")
    expect(result).to_contain_text(ADMIN_EMAIL)
    expect(result).to_contain_text('"role": "ADMIN"')
    check_a11y(page)
    screenshot(page, "graphiql-offline")
    assert_clean(page)
    assert foreign == []
