"""A way in for every user, driven in Chromium: CRM users imported with roles and invited, the
invitation link, "Forgot password?", and an API token made on My account. Links are read from
the log, where the app writes e-mails when no SMTP_URL is set."""

from __future__ import annotations

import logging
import re
import time
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from orm import models
from resolvers.identity import tokens
from tests.browser.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, CrmSimulator, LiveServer
from tests.browser.support import (
    assert_clean,
    check_a11y,
    new_page,
    screenshot,
    sign_in,
    with_database,
)
from tests.factories import viewer_for

pytestmark = pytest.mark.browser

NEW_PASSWORD = "a much better secret"
MARY = "mary.sharma1@spendsync-demo.test"
ROBERT = "robert.mensah2@spendsync-demo.test"
_LINK = re.compile(r"https?://\S+/set-password\?token=\S+")


def link_from_log(caplog: pytest.LogCaptureFixture, address: str, seconds: float = 10) -> str:
    """The newest set-password link e-mailed to ``address`` (the development mailer logs it)."""
    deadline = time.monotonic() + seconds
    while True:
        found = [
            match
            for record in list(caplog.records)
            if record.name == "spendsync.mail" and f"to {address}:" in record.getMessage()
            for match in _LINK.findall(record.getMessage())
        ]
        if found:
            return found[-1]
        assert time.monotonic() < deadline, f"no link was e-mailed to {address}"
        time.sleep(0.1)


def connect_crm(live_server: LiveServer, crm: CrmSimulator) -> None:
    """Connect the integration to the simulator through GraphQL, with an admin's API token."""

    async def admin_token() -> str:
        admin = await models.User.get(email=ADMIN_EMAIL)
        created = await tokens.create_token(viewer_for(admin), name="setup", expires_at=None)
        assert created.value is not None
        return created.value.secret

    secret = with_database(live_server.database_url, admin_token)
    mutation = """mutation($input: IntegrationConnectInput!) {
      integrationConnect(input: $input) { integration { state } errors { field message } }
    }"""
    variables = {"input": {"clientId": crm.client_id, "clientSecret": crm.client_secret,
                           "refreshToken": crm.refresh_token, "accountsUrl": crm.url,
                           "apiUrl": crm.url}}  # fmt: skip
    answer = httpx.post(
        f"{live_server.url}/graphql",
        json={"query": mutation, "variables": variables},
        headers={"Authorization": f"Bearer {secret}"},
        timeout=30,
    ).json()
    assert answer["data"]["integrationConnect"] == {
        "integration": {"state": "CONNECTED"},
        "errors": [],
    }, answer


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()


def choose_password(page: Page, link: str, base_url: str) -> None:
    parts = urlsplit(link)
    page.goto(f"{base_url}{parts.path}?{parts.query}")
    check_a11y(page)
    page.get_by_label("New password").fill(NEW_PASSWORD)
    page.get_by_label("Confirm password").fill("not the same at all")
    page.get_by_role("button", name="Set password and sign in").click()
    expect(page.locator('[data-code="INVALID"]')).to_have_text("The two passwords differ.")
    page.get_by_label("New password").fill(NEW_PASSWORD)
    page.get_by_label("Confirm password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Set password and sign in").click()
    expect(page.get_by_text("Your password is set: you are signed in.")).to_be_visible()


def test_crm_users_are_imported_with_roles_invited_and_sign_in(
    live_server: LiveServer,
    crm_simulator: CrmSimulator,
    browser: Browser,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="spendsync.mail")
    connect_crm(live_server, crm_simulator)
    page = new_page(browser)
    sign_in(page, live_server.url, ADMIN_EMAIL, ADMIN_PASSWORD)

    page.goto(f"{live_server.url}/admin/users")
    check_a11y(page)
    page.get_by_role("link", name="Import Zoho CRM users").click()
    expect(page.get_by_role("heading", name="Import Zoho CRM users")).to_be_visible()
    check_a11y(page)
    page.get_by_label("Import Mary Sharma").check()
    page.get_by_label("Role of Mary Sharma").select_option("APPROVER")
    page.get_by_label("Import Robert Mensah").check()
    screenshot(page, "way-in-import-crm-users")
    page.get_by_role("button", name="Import selected users").click()

    expect(page.get_by_text(re.compile(r"^Imported 2 users"))).to_be_visible()
    mary = page.locator(f'tr[data-user="{MARY}"]')
    expect(mary.locator("[data-source]")).to_have_text("Zoho CRM")
    expect(mary.locator("[data-can-sign-in]")).to_have_text("No (no password yet)")
    expect(mary.get_by_label("Role of Mary Sharma")).to_have_value("APPROVER")
    expect(
        page.locator(f'tr[data-user="{ROBERT}"]').get_by_label("Role of Robert Mensah")
    ).to_have_value("SUBMITTER")
    mary.get_by_role("button", name="Send invitation to Mary Sharma").click()
    expect(page.get_by_text(f"Sent an invitation to {MARY}.")).to_be_visible()
    check_a11y(page)
    screenshot(page, "way-in-users-invited")
    assert_clean(page)
    link = link_from_log(caplog, MARY)
    sign_out(page)

    # Mary opens the invitation, chooses a password and is signed in on her own area
    choose_password(page, link, live_server.url)
    expect(page).to_have_url(f"{live_server.url}/account")
    expect(page.get_by_role("heading", name="My account")).to_be_visible()
    check_a11y(page)
    screenshot(page, "way-in-invited-user-signed-in")
    sign_out(page)
    sign_in(page, live_server.url, MARY, NEW_PASSWORD)
    expect(page).to_have_url(f"{live_server.url}/account")

    # the link worked once
    parts = urlsplit(link)
    page.goto(f"{live_server.url}{parts.path}?{parts.query}")
    expect(page.get_by_role("heading", name="This link no longer works")).to_be_visible()
    assert_clean(page)


def test_a_forgotten_password_is_reset_from_the_sign_in_page(
    live_server: LiveServer, browser: Browser, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="spendsync.mail")
    page = new_page(browser)
    page.goto(f"{live_server.url}/login")
    page.get_by_role("link", name="Forgot password?").click()
    expect(page.get_by_role("heading", name="Forgot password?")).to_be_visible()
    check_a11y(page)
    page.get_by_label("E-mail").fill(ADMIN_EMAIL)
    page.get_by_role("button", name="Send reset link").click()
    expect(page.get_by_text("we have sent it an e-mail with a link")).to_be_visible()
    check_a11y(page)
    screenshot(page, "way-in-forgot-password")
    link = link_from_log(caplog, ADMIN_EMAIL)

    choose_password(page, link, live_server.url)
    expect(page).to_have_url(f"{live_server.url}/settings")
    screenshot(page, "way-in-password-reset-signed-in")
    sign_out(page)
    page.get_by_label("E-mail").fill(ADMIN_EMAIL)
    page.get_by_label("Password").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator('[data-code="INVALID_CREDENTIALS"]')).to_be_visible()
    sign_in(page, live_server.url, ADMIN_EMAIL, NEW_PASSWORD)
    assert_clean(page)


def test_an_api_token_made_on_my_account_calls_graphql(
    live_server: LiveServer, browser: Browser
) -> None:
    page = new_page(browser)
    sign_in(page, live_server.url, ADMIN_EMAIL, ADMIN_PASSWORD)
    page.get_by_role("link", name="My account").click()
    expect(page.get_by_role("heading", name="My account")).to_be_visible()
    check_a11y(page)

    page.get_by_label("Token name").fill("Monthly report")
    page.get_by_role("button", name="Generate token").click()
    secret_box = page.get_by_label("Token", exact=True)
    expect(secret_box).to_have_value(re.compile(r"^sst_"))
    secret = secret_box.input_value()
    expect(page.locator('tr[data-token="Monthly report"]')).to_contain_text("Never")
    check_a11y(page)
    screenshot(page, "way-in-api-token-created")

    query = {"query": "{ viewer { email role } }"}
    bearer = {"Authorization": f"Bearer {secret}"}
    answer = httpx.post(f"{live_server.url}/graphql", json=query, headers=bearer, timeout=10)
    assert answer.json() == {"data": {"viewer": {"email": ADMIN_EMAIL, "role": "ADMIN"}}}

    # the secret is not shown again; the token's last use is
    page.reload()
    expect(page.get_by_label("Token", exact=True)).to_have_count(0)
    row = page.locator('tr[data-token="Monthly report"]')
    expect(row.locator("td").nth(3)).not_to_have_text("Never")

    page.once("dialog", lambda dialog: dialog.accept())
    row.get_by_role("button", name="Revoke Monthly report").click()
    expect(page.get_by_text("Revoked the token Monthly report.")).to_be_visible()
    refused = httpx.post(f"{live_server.url}/graphql", json=query, headers=bearer, timeout=10)
    assert refused.status_code == 401  # a revoked token is refused, not taken as anonymous
    assert refused.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert_clean(page)


def test_the_users_sync_is_turned_on_run_and_turned_off(
    live_server: LiveServer, crm_simulator: CrmSimulator, browser: Browser
) -> None:
    connect_crm(live_server, crm_simulator)
    page = new_page(browser)
    sign_in(page, live_server.url, ADMIN_EMAIL, ADMIN_PASSWORD)
    page.goto(f"{live_server.url}/admin/users")
    expect(page.locator("[data-user-sync]")).to_have_text("Off")
    expect(page.get_by_role("button", name="Sync users now")).to_have_count(0)

    page.get_by_role("button", name="Enable users sync").click()
    expect(
        page.get_by_text("Users sync done: 5 added, 0 linked by e-mail, 0 deactivated.")
    ).to_be_visible()
    expect(page.locator("[data-user-sync]")).to_have_attribute("data-user-sync", "on")
    expect(page.locator(f'tr[data-user="{MARY}"] [data-source]')).to_have_text("Zoho CRM")

    page.get_by_role("button", name="Sync users now").click()
    expect(
        page.get_by_text("Users sync done: 0 added, 0 linked by e-mail, 0 deactivated.")
    ).to_be_visible()
    check_a11y(page)
    screenshot(page, "way-in-users-sync")

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Disable users sync").click()
    expect(page.get_by_text("Users sync is off: users stay as they are.")).to_be_visible()
    expect(page.locator("[data-user-sync]")).to_have_text("Off")

    async def stored() -> tuple[bool, int]:
        integration = await models.Integration.get()
        return integration.users_sync_enabled, await models.UserSyncRun.all().count()

    assert with_database(live_server.database_url, stored) == (False, 2)
    assert_clean(page)
