"""Settings → Integrations → Zoho CRM as an admin drives it, against the CRM simulator on
loopback: connect, configure and sync with a live progress bar; Instant Sync after a change in
the CRM; disable and delete, then the notification."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from orm import models
from sync.crm.simulator.app import create_simulator_app
from sync.crm.simulator.config import SimulatorConfig
from sync.crm.simulator.store import CrmStore
from tests.browser.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, CrmSimulator, LiveServer, _serve
from tests.browser.support import (
    assert_clean,
    check_a11y,
    new_page,
    screenshot,
    sign_in,
    with_database,
)
from tests.factories import make_category, make_expense

pytestmark = pytest.mark.browser
BASE = "/settings/integrations/zoho-crm"


@pytest.fixture
def slow_crm() -> Iterator[CrmSimulator]:
    """The simulator answering each request after 500 ms, so a run lasts a few seconds and the
    progress bar is seen moving."""
    config = SimulatorConfig(latency_ms=500)
    store = CrmStore.demo()
    with _serve(create_simulator_app(store, config)) as url:
        yield CrmSimulator(
            url=url, store=store, client_id=config.client_id,
            client_secret=config.client_secret, refresh_token=config.refresh_token,
        )  # fmt: skip


def _shot(page: Page, name: str) -> None:
    """A full-page screenshot from the top (the sticky settings menu follows the scroll)."""
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, name)


def _connect(page: Page, live_server: LiveServer, crm: CrmSimulator) -> None:
    page.goto(f"{live_server.url}{BASE}")
    expect(page.get_by_role("heading", name="Connect Zoho CRM")).to_be_visible()
    form = page.locator("#connect-form")
    form.get_by_label("Data centre").select_option(label="Explicit URLs (simulator, sandbox)")
    form.get_by_label("Accounts URL").fill(crm.url)
    form.get_by_label("API URL").fill(crm.url)
    form.get_by_label("Client ID").fill(crm.client_id)
    form.get_by_label("Client secret").fill(crm.client_secret)
    form.get_by_label("Refresh token").fill(crm.refresh_token)
    form.get_by_role("button", name="Connect").click()
    expect(page).to_have_url(f"{live_server.url}{BASE}/configure")


def _accept_next_dialog(page: Page, expected: str) -> list[str]:
    seen: list[str] = []

    def accept(dialog: Any) -> None:
        seen.append(dialog.message)
        dialog.accept()

    page.once("dialog", accept)
    return seen


def _save_and_sync(page: Page, live_server: LiveServer) -> None:
    seen = _accept_next_dialog(page, "start syncing")
    page.get_by_role("button", name="Save and Sync", exact=True).click()
    expect(page).to_have_url(f"{live_server.url}{BASE}")
    assert seen and "start syncing" in seen[0]


def _wait_for_100(page: Page) -> None:
    """The status block polls itself until the run ends; the overall bar then reads 100 %."""
    total = page.locator('#sync-status [data-module="all"]')
    expect(total).to_have_attribute("data-percent", "100", timeout=30_000)
    expect(page.locator("#sync-status")).to_have_attribute("data-run-status", "SUCCEEDED")
    expect(page.locator('#sync-status [data-module="all"] progress')).to_have_attribute(
        "value", "100"
    )


def _zoho_expense_account_with_contacts(crm: CrmSimulator) -> tuple[dict[str, Any], dict[str, Any]]:
    contacts = crm.store.records["Contacts"].values()
    for account in crm.store.records["Accounts"].values():
        if not account["Zoho_Expense"]:
            continue
        for contact in contacts:
            link = contact.get("Account_Name")
            if (link.get("id") if isinstance(link, dict) else link) == account["id"]:
                return account, contact
    raise AssertionError("the demo data has a Zoho Expense account with a contact")


def test_connect_configure_save_and_sync_then_customers_are_listed(
    live_server: LiveServer, slow_crm: CrmSimulator, browser: Browser
) -> None:
    crm_simulator = slow_crm
    page = new_page(browser)
    sign_in(page, live_server.url, ADMIN_EMAIL, ADMIN_PASSWORD)
    page.goto(f"{live_server.url}{BASE}")
    check_a11y(page)
    _shot(page, "zoho-crm-1-connect")

    # a wrong secret is answered next to its field, and nothing is saved
    form = page.locator("#connect-form")
    form.get_by_label("Data centre").select_option(label="Explicit URLs (simulator, sandbox)")
    form.get_by_label("Accounts URL").fill(crm_simulator.url)
    form.get_by_label("Client ID").fill(crm_simulator.client_id)
    form.get_by_label("Client secret").fill("not the secret")
    form.get_by_label("Refresh token").fill(crm_simulator.refresh_token)
    form.get_by_role("button", name="Connect").click()
    error = page.locator("#connect-form label", has_text="Client secret").locator(".field-error")
    expect(error).to_contain_text("client id or secret not recognised")
    check_a11y(page)

    # connect: the CRM organisation, its currency and the prerequisite are shown
    _connect(page, live_server, crm_simulator)
    expect(page.locator("[data-crm-name]")).to_have_text(crm_simulator.store.org["company_name"])
    expect(page.locator("[data-crm-currency]")).to_contain_text("USD")
    expect(page.locator('[data-currency="single"]')).to_contain_text("must be EUR")
    check_a11y(page)
    _shot(page, "zoho-crm-2-configure")

    # a custom field, mapped to a CRM field: a type error first, on its row
    page.get_by_role("link", name="Field mapping").first.click()
    custom = page.locator("#custom-field-form")
    custom.get_by_label("Label").fill("Head count")
    custom.get_by_label("Type").select_option("NUMBER")
    custom.get_by_role("button", name="Add custom field").click()
    expect(page.get_by_text("Added the custom field Head count")).to_be_visible()
    row = page.locator('tr[data-target^="custom:"]')
    row.get_by_role("combobox").select_option("Industry")
    page.get_by_role("button", name="Save mapping").click()
    expect(page.locator('tr[data-target^="custom:"] .field-error')).to_contain_text("cannot fill")
    check_a11y(page)
    _shot(page, "zoho-crm-3-mapping-error")
    page.locator('tr[data-target^="custom:"]').get_by_role("combobox").select_option("Employees")
    page.get_by_role("button", name="Save mapping").click()
    expect(page.get_by_text("Saved the Accounts field mapping")).to_be_visible()

    # configure Accounts & their Contacts with a view and one picked contact
    account, contact = _zoho_expense_account_with_contacts(crm_simulator)
    page.get_by_role("link", name="Customers", exact=True).click()
    page.get_by_role("radio", name=re.compile(r"^Accounts & their Contacts")).check()
    page.get_by_role("radio", name=re.compile(r"^Overwrite")).check()
    page.get_by_label("Account view").select_option(label="Zoho Expense Accounts (custom view)")
    page.get_by_label("Only the contacts I pick").check()
    page.get_by_label("Find an account to pick its contacts").fill(account["Account_Name"])
    result = page.locator(f'[data-account="{account["id"]}"]')
    expect(result).to_be_visible()
    result.get_by_label(re.compile(re.escape(contact["Last_Name"]))).check()
    check_a11y(page)
    _shot(page, "zoho-crm-4-configured")
    _save_and_sync(page, live_server)

    # while the run is active the status block polls itself every second...
    status = page.locator("#sync-status")
    expect(status).to_have_attribute("data-run-status", re.compile("QUEUED|RUNNING"))
    expect(status).to_have_attribute("hx-trigger", "every 1s")
    expect(status.locator("progress").first).to_be_visible()
    check_a11y(page)
    _shot(page, "zoho-crm-5-progress")

    # ...and stops once the bar reaches 100 %, per module and in all
    _wait_for_100(page)
    expect(status).not_to_have_attribute("hx-trigger", "every 1s")
    zoho_expense = [a for a in crm_simulator.store.records["Accounts"].values()
                    if a["Zoho_Expense"]]  # fmt: skip
    accounts = page.locator('#sync-status [data-module="Accounts"]')
    expect(accounts).to_have_attribute("data-percent", "100")
    expect(accounts).to_contain_text(f"{len(zoho_expense)} of {len(zoho_expense)} read")
    expect(page.locator("#run-history tr[data-status=SUCCEEDED]")).to_have_count(1)
    check_a11y(page)
    _shot(page, "zoho-crm-6-synced")

    # the synced customers: the view's accounts, the mapped custom field, the picked contact
    page.get_by_role("link", name="Synced customers").first.click()
    rows = page.locator("#customer-table tr[data-crm-id]")
    expect(rows).to_have_count(len(zoho_expense))
    mine = page.locator(f'tr[data-crm-id="{account["id"]}"]')
    expect(mine).to_contain_text(account["Account_Name"])
    expect(mine).to_contain_text("Business")
    expect(mine).to_contain_text(f"Head count: {account['Employees']}")
    expect(mine).to_contain_text(contact["Last_Name"])
    check_a11y(page)
    _shot(page, "zoho-crm-7-customers")
    page.get_by_label("Search customers").fill(account["Account_Name"])
    expect(rows).to_have_count(1)
    check_a11y(page)
    assert_clean(page)


def _set_up_and_sync(page: Page, live_server: LiveServer, crm: CrmSimulator) -> None:
    sign_in(page, live_server.url, ADMIN_EMAIL, ADMIN_PASSWORD)
    _connect(page, live_server, crm)
    page.get_by_role("radio", name=re.compile(r"^Accounts —")).check()
    _save_and_sync(page, live_server)
    _wait_for_100(page)


def test_instant_sync_brings_a_change_made_in_the_crm(
    live_server: LiveServer, crm_simulator: CrmSimulator, browser: Browser
) -> None:
    page = new_page(browser)
    _set_up_and_sync(page, live_server, crm_simulator)

    # given an account renamed in the CRM after the first sync
    record = next(iter(crm_simulator.store.records["Accounts"].values()))
    record["Account_Name"] = "Renamed in the CRM GmbH"
    record["Modified_Time"] = datetime.now(UTC).replace(microsecond=0)
    crm_simulator.store.touch("Accounts")

    # when the admin asks for an Instant Sync
    page.get_by_role("button", name="Instant Sync").click()
    expect(page.get_by_text("Instant Sync started.")).to_be_visible()
    expect(page.locator("#run-history tr[data-status=SUCCEEDED]")).to_have_count(2, timeout=30_000)
    _wait_for_100(page)
    expect(page.locator("#sync-status")).to_contain_text("Manual run")
    expect(page.locator("#sync-status")).to_contain_text("1 updated")
    check_a11y(page)
    _shot(page, "zoho-crm-instant-sync")

    # then the change shows up
    page.get_by_role("button", name="Check Status").click()
    expect(page.locator("#sync-status")).to_have_attribute("data-run-status", "SUCCEEDED")
    page.get_by_role("link", name="Synced customers").first.click()
    page.get_by_label("Search customers").fill("Renamed")
    row = page.locator(f'tr[data-crm-id="{record["id"]}"]')
    expect(row).to_contain_text("Renamed in the CRM GmbH")
    expect(page.locator("#customer-table tr[data-crm-id]")).to_have_count(1)
    check_a11y(page)
    _shot(page, "zoho-crm-instant-sync-customers")
    assert_clean(page)


async def _expense_for(crm_id: str) -> None:
    """An expense that names the synced customer of ``crm_id``: a record with a transaction."""
    admin = await models.User.get(email=ADMIN_EMAIL)
    org = await models.Organization.get(id=admin.org_id)
    customer = await models.Customer.get(org_id=org.id, crm_id=crm_id)
    await make_expense(admin, await make_category(org), customer=customer, currency="EUR")


async def _customers() -> list[models.Customer]:
    return await models.Customer.all()


def test_disable_then_delete_keeping_records_with_transactions_notifies(
    live_server: LiveServer, crm_simulator: CrmSimulator, browser: Browser
) -> None:
    page = new_page(browser)
    _set_up_and_sync(page, live_server, crm_simulator)
    kept = next(iter(crm_simulator.store.records["Accounts"].values()))
    with_database(live_server.database_url, lambda: _expense_for(kept["id"]))
    expect(page.locator("header .count")).to_have_count(0)

    # disable (with a confirmation)
    seen = _accept_next_dialog(page, "Disable")
    page.get_by_role("button", name="Disable").click()
    expect(page.locator(".flashes")).to_contain_text("The integration is disabled: no sync runs")
    assert seen and "Disable the Zoho CRM integration?" in seen[0]
    expect(page.locator("[data-state]")).to_have_attribute("data-state", "DISABLED")
    check_a11y(page)
    _shot(page, "zoho-crm-disabled")

    # delete: the confirmation step explains both choices
    page.get_by_role("link", name="Delete integration…").click()
    expect(page.get_by_text("Keep only records with transactions")).to_be_visible()
    expect(page.get_by_text("Keep every synced record")).to_be_visible()
    check_a11y(page)
    _shot(page, "zoho-crm-delete-confirm")
    page.get_by_label("Keep only records with transactions").check()
    seen = _accept_next_dialog(page, "Delete")
    page.get_by_role("button", name="Delete integration").click()
    assert_deleted = page.get_by_role("heading", name="The integration was deleted")
    expect(assert_deleted).to_be_visible(timeout=30_000)
    assert seen and "cannot be undone" in seen[0]
    accounts = len(crm_simulator.store.records["Accounts"])
    expect(page.locator("[data-deletion=SUCCEEDED]")).to_contain_text(
        f"1 customer and 0 potentials kept as Spendsync records, {accounts - 1} customers"
    )

    # the header counts the unread notification; its text says what happened
    expect(page.locator("header .count")).to_have_text("1")
    check_a11y(page)
    _shot(page, "zoho-crm-deleted")
    page.get_by_role("link", name=re.compile("Notifications")).click()
    note = page.locator('[data-notification="INTEGRATION_DELETED"]')
    expect(note).to_contain_text("The CRM integration was deleted.")
    expect(note).to_contain_text(
        "Kept the records with transactions: 1 customer and 0 potentials kept as Spendsync records"
    )
    check_a11y(page)
    _shot(page, "zoho-crm-deleted-notification")
    assert_clean(page)

    left = with_database(live_server.database_url, _customers)
    assert [(c.name, c.crm_id) for c in left] == [(kept["Account_Name"], None)]
