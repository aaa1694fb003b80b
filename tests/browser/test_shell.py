"""The layout as an admin meets it: landing page, navigation by keyboard, notifications with the
unread count in the header, error pages, sign-out; accessibility checked on each page."""

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
    sign_in,
    with_database,
)

pytestmark = pytest.mark.browser


async def _notify_admin(*titles: str) -> None:
    admin = await models.User.get(email=ADMIN_EMAIL)
    for title in titles:
        await models.Notification.create(
            org_id=admin.org_id, user_id=admin.id, kind="SYNC_FAILED", title=title,
            body=f"{title}: the CRM refused the refresh token.",
        )  # fmt: skip


def test_an_admin_lands_on_settings_and_reads_notifications(
    live_server: LiveServer, browser: Browser
) -> None:
    with_database(
        live_server.database_url, lambda: _notify_admin("Sync failed", "Sync failed again")
    )
    page = new_page(browser)
    sign_in(page, live_server.url, ADMIN_EMAIL, ADMIN_PASSWORD)

    # the admin's landing page: the Settings overview with the integration's state
    expect(page).to_have_url(f"{live_server.url}/settings")
    expect(page.get_by_role("heading", name="Settings", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Connect Zoho CRM")).to_be_visible()
    header_bell = page.get_by_role("link", name="Notifications 2 unread")
    expect(header_bell).to_be_visible()
    check_a11y(page)
    screenshot(page, "shell-settings-overview")

    # keyboard: the skip link comes first and moves to the content
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()

    # notifications: list, mark one read, the header count follows
    header_bell.click()
    expect(page.get_by_role("heading", name="Notifications", exact=True)).to_be_visible()
    check_a11y(page)
    page.get_by_role("button", name="Mark as read (Sync failed)", exact=True).click()
    expect(page.get_by_role("link", name="Notifications 1 unread")).to_be_visible()
    page.get_by_role("button", name="Mark all as read").click()
    expect(page.get_by_text("All notifications are marked as read.")).to_be_visible()
    expect(page.get_by_role("link", name="Notifications", exact=True)).to_be_visible()
    screenshot(page, "shell-notifications")

    # an unknown address answers the 404 page in the layout, with the way home
    page.goto(f"{live_server.url}/settings/no-such-page")
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    check_a11y(page)
    screenshot(page, "shell-not-found")
    page.get_by_role("link", name="Go to the home page").click()
    expect(page).to_have_url(f"{live_server.url}/settings")

    # sign-out is always there
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(f"{live_server.url}/login")
    assert_clean(page)
