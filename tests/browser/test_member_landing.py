"""APPROVERs and SUBMITTERs land on a page they can use, with sign-out; the admin's pages answer
them the 403 page in the layout, with none of the page's data."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from orm import models
from tests.browser.conftest import ADMIN_EMAIL, LiveServer
from tests.browser.support import (
    assert_clean,
    check_a11y,
    new_page,
    screenshot,
    sign_in,
    with_database,
)
from tests.factories import PASSWORD, make_user

ADMIN_PAGES = (
    "/settings",
    "/admin/users",
    "/settings/integrations/zoho-crm",
    "/settings/organization",
    "/settings/per-diem",
)


async def _member(role: models.UserRole) -> str:
    org = await models.Organization.get(name="Acme Sales")
    email = f"{role.value.lower()}@acme.example"
    await make_user(org, email=email, name=f"{role.value.title()} Person", role=role)
    return email


@pytest.mark.browser
@pytest.mark.parametrize("role", [models.UserRole.APPROVER, models.UserRole.SUBMITTER])
def test_a_member_lands_on_my_account_and_is_refused_the_admin_pages(
    live_server: LiveServer, browser: Browser, role: models.UserRole
) -> None:
    email = with_database(live_server.database_url, lambda: _member(role))
    page = new_page(browser)
    sign_in(page, live_server.url, email, PASSWORD)

    expect(page).to_have_url(f"{live_server.url}/account")
    expect(page.get_by_role("heading", name="My account", exact=True)).to_be_visible()
    expect(
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Settings")
    ).to_have_count(0)
    check_a11y(page)
    screenshot(page, f"member-{role.value.lower()}-landing")

    for path in ADMIN_PAGES:
        response = page.goto(f"{live_server.url}{path}")
        assert response is not None and response.status == 403, path
        expect(page.get_by_role("heading", name="Not allowed")).to_be_visible()
        expect(page.get_by_role("button", name="Sign out")).to_be_visible()
        assert ADMIN_EMAIL not in page.content()
    check_a11y(page)
    screenshot(page, f"member-{role.value.lower()}-refused")

    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(f"{live_server.url}/login")
    assert_clean(page)
