"""Building a dashboard in the browser: three components added, one moved with the keyboard,
the page reloaded and the order kept; the same dashboard in the CRM tab."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import Browser, Page, expect

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
from tests.factories import (
    PASSWORD,
    make_category,
    make_crm_tab,
    make_customer,
    make_expense,
    make_potential,
    make_report,
    make_user,
)

pytestmark = pytest.mark.browser


async def seed() -> None:
    """Three deals with approved spend by two users, in euros."""
    admin = await models.User.get(email=ADMIN_EMAIL)
    org = await admin.org
    await make_crm_tab(org)
    mia = await make_user(org, name="Mia Moreau", email="mia@acme.example")
    travel, meals = await make_category(org, "Travel"), await make_category(org, "Meals")
    globex, initech = await make_customer(org, "Globex"), await make_customer(org, "Initech")
    won, lost, open_ = (
        models.PotentialState.WON,
        models.PotentialState.LOST,
        models.PotentialState.OPEN,
    )
    deals = [
        await make_potential(org, globex, "Globex renewal", state=won, stage="Closed Won",
                             amount_minor=2_500_000, currency="EUR"),
        await make_potential(org, initech, "Initech pilot", state=lost, stage="Closed Lost",
                             amount_minor=800_000, currency="EUR"),
        await make_potential(org, globex, "Globex expansion", state=open_, stage="Negotiation",
                             amount_minor=4_000_000, currency="EUR"),
    ]  # fmt: skip
    spend = [
        (admin, travel, 48_000, 0, 3), (admin, meals, 12_500, 0, 9), (mia, travel, 31_000, 1, 14),
        (mia, meals, 8_900, 2, 20), (admin, travel, 22_000, 2, 27), (mia, travel, 15_400, 0, 30),
    ]  # fmt: skip
    for user, category, amount, deal, day in spend:
        report = await make_report(user, status=models.ReportStatus.APPROVED)
        await make_expense(user, category, amount, "EUR", date=date(2026, 1, day), report=report,
                           potential=deals[deal], customer=deals[deal].customer)  # fmt: skip


def add_component(page: Page, kind: str, report: str, title: str, group_by: str = "") -> None:
    before = page.locator(".dash-grid > li").count()
    form = page.locator("#add")
    form.get_by_label("Title").fill(title)
    form.get_by_label("Show as").select_option(kind)
    form.get_by_label("Report", exact=True).select_option(report)
    if group_by:
        form.get_by_label("Group by").select_option(group_by)
    form.get_by_role("button", name="Add component").click()
    expect(page.locator("#dashboard .notice.ok")).to_have_text("Component added.")
    expect(page.locator(".dash-grid > li")).to_have_count(before + 1)


def titles(page: Page) -> list[str]:
    return page.locator(".dash-grid > li h2").all_inner_texts()


def test_build_reorder_and_reload_a_dashboard(live_server: LiveServer, browser: Browser) -> None:
    with_database(live_server.database_url, seed)
    page = new_page(browser, viewport={"width": 1280, "height": 900})
    sign_in(page, live_server.url, ADMIN_EMAIL, ADMIN_PASSWORD)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Dashboard").click()
    expect(page).to_have_url(f"{live_server.url}/dashboard")
    expect(page.get_by_text("No dashboard yet")).to_be_visible()
    check_a11y(page)

    # an ad hoc chart needs a grouping: said next to the field, nothing saved
    form = page.locator("#add")
    form.get_by_label("Report", exact=True).select_option("AD_HOC")
    expect(form.get_by_label("Deal", exact=True)).to_be_hidden()
    form.get_by_role("button", name="Add component").click()
    error = page.locator('#add [data-code="REQUIRED"]')
    expect(error).to_have_text("A chart needs a grouping: choose what to group by.")
    expect(page.locator(".dash-grid > li")).to_have_count(0)
    check_a11y(page)
    screenshot(page, "dashboard-field-error")

    # a bar chart of spend per deal, a KPI tile of the total, a table of spend by user
    add_component(page, "BAR", "SPEND_PER_DEAL", "Spend per deal")
    add_component(page, "KPI", "AD_HOC", "Total spend")
    add_component(page, "TABLE", "AD_HOC", "Spend by user", group_by="USER")
    assert titles(page) == ["Spend per deal", "Total spend", "Spend by user"]
    # the chart is drawn, and says what it shows in words
    chart = page.locator("#dashboard .chart").first
    expect(chart).to_have_attribute("data-drawn", "true")
    expect(chart.locator("canvas")).to_have_count(1)
    expect(chart).to_have_attribute(
        "aria-label",
        "Bar chart of total spend by deal. Globex renewal: 759.00 EUR; Initech pilot: "
        "310.00 EUR; Globex expansion: 309.00 EUR.",
    )
    expect(page.locator("[data-kpi]")).to_have_text("1,378.00")
    check_a11y(page)

    # the table moves up with the keyboard; the focus stays on its button
    move_up = page.get_by_role("button", name="Move up: Spend by user")
    move_up.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#dashboard .notice.ok")).to_have_text("Moved Spend by user up.")
    expect(page.get_by_role("button", name="Move up: Spend by user")).to_be_focused()
    assert titles(page) == ["Spend per deal", "Spend by user", "Total spend"]

    # configure: the KPI tile shows the average expense instead
    kpi = page.locator(".dash-kind-kpi")
    kpi.locator("summary", has_text="Configure").click()
    kpi.get_by_label("Measure").select_option("AVERAGE")
    check_a11y(page)
    kpi.get_by_role("button", name="Save").click()
    expect(page.locator("#dashboard .notice.ok")).to_have_text("Component saved.")
    expect(page.locator("[data-kpi]")).to_have_text("229.67")  # 1,378.00 / 6, half up

    # reloaded: the components come back in their order
    page.reload()
    assert titles(page) == ["Spend per deal", "Spend by user", "Total spend"]
    expect(page.locator("#dashboard .chart").first).to_have_attribute("data-drawn", "true")
    table = page.locator(".dash-table").last
    expect(table.locator("tbody tr").first).to_contain_text("Ada Admin")
    check_a11y(page)
    screenshot(page, "dashboard-built")
    assert_clean(page)

    stored = with_database(
        live_server.database_url,
        lambda: models.Dashboard.get(user__email=ADMIN_EMAIL),
    )
    assert [c["title"] for c in stored.components] == [
        "Spend per deal", "Spend by user", "Total spend"
    ]  # fmt: skip

    # the admin saves it as the organisation's default; Mia sees it with her own figures
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Save as organisation default").click()
    expect(page.locator("#dashboard .notice.ok")).to_contain_text("organisation's default")
    other = new_page(browser, viewport={"width": 1280, "height": 900})
    sign_in(other, live_server.url, "mia@acme.example", PASSWORD)
    other.goto(f"{live_server.url}/dashboard")
    expect(other.get_by_text("Your organisation's default dashboard.")).to_be_visible()
    expect(other.locator("[data-kpi]")).to_have_text("184.33")  # (310 + 89 + 154) / 3
    check_a11y(other)
    screenshot(other, "dashboard-organisation-default")
    assert_clean(other)


def test_the_crm_tab_dashboard(live_server: LiveServer, browser: Browser) -> None:
    with_database(live_server.database_url, seed)
    page = new_page(browser, viewport={"width": 1100, "height": 900})
    sign_in(page, live_server.url, ADMIN_EMAIL, ADMIN_PASSWORD)
    page.goto(f"{live_server.url}/crm-tab/dashboard")
    tabs = page.get_by_role("navigation", name="Zoho Expense")
    expect(tabs.get_by_role("link", name="Dashboard")).to_have_attribute("aria-current", "page")
    add_component(page, "PIE", "SPEND_BY_STAGE", "Spend by stage")
    add_component(page, "LINE", "AD_HOC", "Spend per week", group_by="WEEK")
    add_component(page, "KPI", "SPEND_PER_CUSTOMER", "Spent on customers")
    expect(page.locator("#dashboard .chart[data-drawn]")).to_have_count(2)
    # the pie's figures as a table
    page.get_by_text("Figures as a table").first.click()
    expect(page.locator(".chart-data table").first).to_contain_text("Closed Won")
    check_a11y(page)
    # removing one, after confirming
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Remove: Spent on customers").click()
    expect(page.locator("#dashboard .notice.ok")).to_have_text("Removed Spent on customers.")
    page.reload()
    assert titles(page) == ["Spend by stage", "Spend per week"]
    check_a11y(page)
    screenshot(page, "crm-tab-dashboard")
    assert_clean(page)
