"""GraphiQL (development) runs from the npm packages the app serves: nothing from other hosts."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Route, expect, sync_playwright

from tests.browser.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, CHROMIUM_ARGS, LiveServer

pytestmark = pytest.mark.browser


def test_graphiql_loads_and_runs_a_query_offline(
    live_server: LiveServer, chromium_path: str
) -> None:
    foreign: list[str] = []

    def only_loopback(route: Route) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.set_default_timeout(15_000)
            page.route("**/*", only_loopback)
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))

            page.goto(f"{live_server.url}/login")
            page.get_by_label("E-mail").fill(ADMIN_EMAIL)
            page.get_by_label("Password").fill(ADMIN_PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_url(f"{live_server.url}/admin/users")

            page.goto(f"{live_server.url}/graphql")
            editor = page.locator(".graphiql-query-editor .CodeMirror")
            expect(editor).to_be_visible()
            page.evaluate(
                "document.querySelector('.graphiql-query-editor .CodeMirror')"
                ".CodeMirror.setValue('query Me { viewer { email role } }')"
            )
            page.locator(".graphiql-execute-button").click()
            result = page.locator(".result-window")
            expect(result).to_contain_text(ADMIN_EMAIL)
            expect(result).to_contain_text("ADMIN")
            assert errors == []
        finally:
            browser.close()
    assert foreign == []
