from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from orm import models
from tests.browser.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, LiveServer
from tests.browser.support import (
    assert_clean,
    check_a11y,
    new_page,
    screenshot,
    with_database,
)

pytestmark = pytest.mark.browser


def test_an_admin_signs_in_and_invites_a_user(live_server: LiveServer, browser: Browser) -> None:
    page = new_page(browser)

    # given: the sign-in page
    page.goto(f"{live_server.url}/admin/users")
    expect(page).to_have_url(f"{live_server.url}/login?next=/admin/users")

    # a wrong password is answered in place
    page.get_by_label("E-mail").fill(ADMIN_EMAIL)
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator('[data-code="INVALID_CREDENTIALS"]')).to_be_visible()
    # the e-mail is kept and the caret waits in the password field (htmx
    # moves focus when the swap settles; typing before then would land elsewhere)
    expect(page.get_by_label("E-mail")).to_have_value(ADMIN_EMAIL)
    expect(page.get_by_label("Password")).to_be_focused()
    expect(page.get_by_label("Password")).to_have_value("")

    # when: signing in and inviting a user
    page.get_by_label("Password").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{live_server.url}/admin/users")
    expect(page.get_by_role("heading", name="Users", exact=True)).to_be_visible()

    invite = page.locator("#invite-form")
    invite.get_by_label("E-mail").fill("not-an-address@")
    invite.get_by_label("Name").fill("Nora Newcomer")
    page.evaluate("document.querySelector('#invite-form input[name=email]').type = 'text'")
    invite.get_by_role("button", name="Invite").click()
    expect(page.locator('#invite-form [data-code="INVALID_EMAIL"]')).to_be_visible()

    invite = page.locator("#invite-form")
    invite.get_by_label("E-mail").fill("nora@acme.example")
    invite.get_by_label("Role").select_option("APPROVER")
    invite.get_by_role("button", name="Invite").click()

    # then: the new user is listed and stored
    row = page.locator('tr[data-user="nora@acme.example"]')
    expect(row).to_be_visible()
    expect(row).to_contain_text("Nora Newcomer")
    expect(
        page.get_by_text("Invited Nora Newcomer; an invitation e-mail is on its way.")
    ).to_be_visible()
    check_a11y(page)
    screenshot(page, "admin-users-invited")
    assert_clean(page)

    stored = with_database(
        live_server.database_url, lambda: models.User.get_or_none(email="nora@acme.example")
    )
    assert stored is not None
    assert stored.role is models.UserRole.APPROVER
    assert stored.status is models.UserStatus.ACTIVE
