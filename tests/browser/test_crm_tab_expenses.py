"""The CRM tab's Expenses pages in Chromium: New Expense with receipts (file input and drag
and drop), a customer found through Search in CRM (the CRM simulator) and its potential; Save
and New; an error next to its field; select two → Add to Report; Delete with the reason shown
for one that cannot be deleted; one expense with its receipts; the Receipts Inbox."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from orm import models
from tests.browser.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, CrmSimulator, LiveServer
from tests.browser.crm_tab_steps import (
    NewExpense,
    add_selected_to_report,
    create_expense,
    delete_selected,
    drop_receipt,
    edit_expense,
    fill_expense,
    open_expenses,
    open_new_expense,
    receipt_png,
    row,
    save_expense,
    upload_receipt,
)
from tests.browser.support import (
    assert_clean,
    check_a11y,
    new_page,
    open_embedded_tab,
    screenshot,
    sign_in,
    with_database,
)
from tests.factories import make_user

pytestmark = pytest.mark.browser
INTEGRATION = "/settings/integrations/zoho-crm"
CATEGORY = "Meals and Entertainment"


def _shot(page: Page, name: str) -> None:
    check_a11y(page)
    # axe-core leaves an empty style attribute on elements it measured; htmx's settle step
    # copies an element's attributes onto its swapped-in twin (same id), which the CSP then
    # reports as an inline style: remove axe's leftovers so only the page's own problems count
    page.evaluate(
        "() => document.querySelectorAll('[style]').forEach(e => e.removeAttribute('style'))"
    )
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, f"crm-tab-expenses-{name}")
    assert_clean(page)


def connect_crm_and_sync(page: Page, base_url: str, crm: CrmSimulator) -> None:
    """Connect the organisation to the CRM simulator, sync its accounts (and their deals), then
    turn Sync Modules on."""
    page.goto(f"{base_url}{INTEGRATION}")
    form = page.locator("#connect-form")
    form.get_by_label("Data centre").select_option(label="Explicit URLs (simulator, sandbox)")
    form.get_by_label("Accounts URL").fill(crm.url)
    form.get_by_label("API URL").fill(crm.url)
    form.get_by_label("Client ID").fill(crm.client_id)
    form.get_by_label("Client secret").fill(crm.client_secret)
    form.get_by_label("Refresh token").fill(crm.refresh_token)
    form.get_by_role("button", name="Connect").click()
    expect(page).to_have_url(f"{base_url}{INTEGRATION}/configure")
    page.get_by_role("radio", name=re.compile(r"^Accounts —")).check()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Save and Sync", exact=True).click()
    expect(page).to_have_url(f"{base_url}{INTEGRATION}")
    expect(page.locator("#sync-status")).to_have_attribute(
        "data-run-status", "SUCCEEDED", timeout=30_000
    )


async def _sync_modules_on() -> None:
    await models.Integration.all().update(sync_modules=True)


def _account_with_deals(crm: CrmSimulator) -> tuple[dict[str, Any], list[str]]:
    deals: dict[str, list[str]] = {}
    for deal in crm.store.records["Deals"].values():
        link = deal.get("Account_Name")
        account_id = link.get("id") if isinstance(link, dict) else link
        if account_id:
            deals.setdefault(str(account_id), []).append(deal["Deal_Name"])
    for account in crm.store.records["Accounts"].values():
        if account["id"] in deals:
            return account, deals[account["id"]]
    raise AssertionError("the demo data has an account with deals")


def test_expenses_pages_end_to_end(
    live_server: LiveServer, crm_simulator: CrmSimulator, browser: Browser, tmp_path: Path
) -> None:
    page = new_page(browser)
    base = live_server.url
    sign_in(page, base, ADMIN_EMAIL, ADMIN_PASSWORD)
    connect_crm_and_sync(page, base, crm_simulator)
    with_database(live_server.database_url, _sync_modules_on)
    account, deals = _account_with_deals(crm_simulator)
    lunch_png = receipt_png(tmp_path / "lunch-receipt.png")
    taxi_png = receipt_png(tmp_path / "taxi-receipt.png", (6, 118, 71))

    # the tab opens on Unreported, empty
    page.goto(f"{base}/crm-tab")
    expect(page.get_by_role("heading", name="Unreported Expenses")).to_be_visible()
    expect(page.get_by_text("No unreported expenses match.")).to_be_visible()
    _shot(page, "1-unreported-empty")

    # New Expense: Search in CRM, its potential, a receipt uploaded and one dropped
    open_new_expense(page)
    _shot(page, "2-new-expense")
    form = page.locator("#expense-form")
    form.get_by_label("Account name").fill(account["Account_Name"][:5])
    form.get_by_role("button", name="Search in CRM").click()
    result = form.locator(f'[data-crm-account="{account["id"]}"]')
    expect(result).to_be_visible()
    _shot(page, "3-search-in-crm")
    result.get_by_role("button", name=f"Choose {account['Account_Name']}", exact=True).click()
    expect(form.locator(".chosen-customer")).to_contain_text(account["Account_Name"])
    potential = form.locator("select[name=potential]")
    for deal in deals:
        expect(potential.locator("option", has_text=deal)).to_have_count(1)
    fill_expense(
        page,
        NewExpense(amount="48.60", category=CATEGORY, merchant="Trattoria Roma",
                   description="Lunch with the buyer", billable=True, potential=deals[0]),
    )  # fmt: skip
    upload_receipt(page, lunch_png)
    drop_receipt(page, taxi_png)
    # a third one, removed again: its id no longer travels with the form
    upload_receipt(page, receipt_png(tmp_path / "wrong-receipt.png", (90, 90, 90)))
    form.get_by_role("button", name="Remove wrong-receipt.png").click()
    expect(form.locator(".receipt-files li", has_text="wrong-receipt.png")).to_have_count(0)
    expect(form.locator('.receipt-field input[type="hidden"][name="receipt"]')).to_have_count(2)
    _shot(page, "4-new-expense-filled")

    # an error is shown next to its field, the values typed are kept, nothing is saved
    form.get_by_label("Amount").fill("48,60")
    form.get_by_role("button", name="Save and New").click()
    error = form.locator("#amount-error")
    expect(error).to_contain_text("Give a number such as 12.50")
    expect(form.get_by_label("Amount")).to_have_attribute("aria-invalid", "true")
    expect(form.get_by_label("Amount")).to_be_focused()
    expect(form.get_by_label("Merchant")).to_have_value("Trattoria Roma")
    expect(form.locator("select[name=potential]")).to_have_value(re.compile(".+"))
    expect(form.locator('input[name="receipt"]:checked')).to_have_count(2)  # kept, from the inbox
    _shot(page, "5-new-expense-error")
    form.get_by_label("Amount").fill("48.60")
    save_expense(page, "Save and New", "Trattoria Roma")
    expect(page.get_by_role("heading", name="New Expense", level=1)).to_be_visible()
    expect(page.locator(".flashes")).to_contain_text("Saved Trattoria Roma (48.60 EUR).")
    _shot(page, "6-saved-and-new")

    async def first_expense() -> tuple[Any, ...]:
        expense = await models.Expense.get(merchant="Trattoria Roma").prefetch_related(
            "customer", "potential", "receipts"
        )
        assert expense.customer is not None and expense.potential is not None
        return (expense.customer.crm_id, expense.potential.name, expense.is_billable,
                sorted(r.file_name for r in expense.receipts))  # fmt: skip

    assert with_database(live_server.database_url, first_expense) == (
        account["id"], deals[0], True, ["lunch-receipt.png", "taxi-receipt.png"],
    )  # fmt: skip

    # two more, the customer found with the type-ahead
    fill_expense(page, NewExpense(amount="23.00", category=CATEGORY, merchant="Taxi Centrale"))
    save_expense(page, "Save and Close", "Taxi Centrale")
    create_expense(
        page, NewExpense(amount="9.90", category=CATEGORY, merchant="Coffee Bar"),
        customer=account["Account_Name"],
    )  # fmt: skip
    expect(page.get_by_role("heading", name="Unreported Expenses")).to_be_visible()
    expect(page.locator("#expense-list tbody tr[data-expense]")).to_have_count(3)
    _shot(page, "7-unreported-three")
    select_all = page.get_by_label("Select all expenses on this page")
    select_all.check()
    expect(page.locator("#expense-list tbody input[name=id]:checked")).to_have_count(3)
    select_all.uncheck()
    expect(page.locator("#expense-list tbody input[name=id]:checked")).to_have_count(0)

    # select two with the keyboard → Add to Report (a new report)
    add_selected_to_report(page, ["Trattoria Roma", "Taxi Centrale"], new_report="Buyer visit")
    expect(page.locator("#expense-list tbody tr[data-expense]")).to_have_count(1)
    open_expenses(page, "All Expenses")
    expect(row(page, "Trattoria Roma")).to_contain_text("Buyer visit")
    _shot(page, "8-all-expenses-reported")

    # the report is submitted: its expenses can no longer be deleted
    async def submit_report() -> None:
        await models.Report.filter(name="Buyer visit").update(status=models.ReportStatus.SUBMITTED)

    with_database(live_server.database_url, submit_report)
    page.reload()
    messages = delete_selected(page, ["Coffee Bar", "Taxi Centrale"])
    assert "cannot be deleted" in messages[0]
    notice = page.locator("#expense-list .notice")
    expect(notice).to_contain_text("Deleted 1 expense.")
    expect(row(page, "Taxi Centrale").locator("[data-reason]")).to_have_text(
        "A submitted expense cannot be deleted."
    )
    expect(row(page, "Coffee Bar")).to_have_count(0)
    _shot(page, "9-delete-with-reason")

    # one expense: its receipts as thumbnails, edit and delete refused with the reason
    row(page, "Trattoria Roma").get_by_role("link", name="Trattoria Roma").click()
    expect(page.get_by_role("heading", name=re.compile("Trattoria Roma"))).to_be_visible()
    thumbs = page.locator(".receipt-thumb img")
    expect(thumbs).to_have_count(2)
    assert page.evaluate(
        "() => [...document.querySelectorAll('.receipt-thumb img')].every(i => i.naturalWidth > 0)"
    )
    expect(page.locator("[data-delete-reason]")).to_contain_text("cannot be deleted")
    _shot(page, "10-expense")

    # Receipts Inbox: upload, then convert into an expense
    page.get_by_role("navigation", name="Expenses").get_by_role(
        "link", name="Receipts Inbox"
    ).click()
    # the receipt removed from the form waits in the inbox
    expect(page.locator(".inbox-item")).to_have_count(1)
    expect(page.locator(".inbox-item", has_text="wrong-receipt.png")).to_be_visible()
    # a file that is no receipt: the upload error shows inside the field, nothing is listed
    notes = tmp_path / "notes.txt"
    notes.write_text("not a receipt")
    page.locator(".receipt-field").get_by_label("Receipts").set_input_files(str(notes))
    upload_error = page.locator(".receipt-field .field-error[role=alert]")
    expect(upload_error).to_contain_text("notes.txt: ")
    expect(page.locator(".inbox-item")).to_have_count(1)
    upload_receipt(page, receipt_png(tmp_path / "hotel-receipt.png", (180, 35, 24)))
    item = page.locator(".inbox-item", has_text="hotel-receipt.png")
    expect(item).to_be_visible()
    _shot(page, "11-receipts-inbox")
    item.get_by_role("link", name=re.compile("Convert to Expense")).click()
    expect(page.locator('#expense-form input[name="receipt"]:checked')).to_have_count(1)
    fill_expense(page, NewExpense(amount="120.00", category=CATEGORY, merchant="Hotel Astoria"))
    save_expense(page, merchant="Hotel Astoria")
    page.get_by_role("navigation", name="Expenses").get_by_role(
        "link", name="Receipts Inbox"
    ).click()
    expect(page.locator(".inbox-item", has_text="hotel-receipt.png")).to_have_count(0)
    expect(page.locator(".inbox-item")).to_have_count(1)

    # Sync Modules off: the tab's pages say so
    with_database(live_server.database_url, _sync_modules_off)
    page.goto(f"{base}/crm-tab/expenses/new")
    expect(page.get_by_role("heading", name="Sync Modules is off")).to_be_visible()
    _shot(page, "12-sync-modules-off")
    assert_clean(page)


async def _sync_modules_off() -> None:
    await models.Integration.all().update(sync_modules=False)


SAM = "sam@acme.example"


async def _tab_without_crm_calls() -> None:
    """Sync Modules on (connected; these steps call no CRM), a customer, and Sam, a submitter."""
    admin = await models.User.get(email=ADMIN_EMAIL)
    await models.Integration.create(
        org_id=admin.org_id, state=models.IntegrationState.CONNECTED, sync_modules=True
    )
    await models.Customer.create(
        org_id=admin.org_id, name="Initrode GmbH", type=models.CustomerType.BUSINESS
    )
    await make_user(await admin.org, email=SAM, name="Sam Seller")


def test_the_steps_run_in_a_cross_site_iframe_with_third_party_cookies_blocked(
    live_server: LiveServer, browser: Browser, tmp_path: Path
) -> None:
    """The same steps drive the pages inside a CRM's iframe on another site, opened with a
    signed embed link as Sam (a submitter), third-party cookies blocked."""
    with_database(live_server.database_url, _tab_without_crm_calls)
    page, tab = open_embedded_tab(browser, live_server, SAM, "/crm-tab/expenses")
    host = page.url
    expect(tab.get_by_role("heading", name="Unreported Expenses")).to_be_visible()
    expect(tab.locator(".identity")).to_contain_text("Sam Seller")

    create_expense(
        tab, NewExpense(amount="15.00", category=CATEGORY, merchant="Frame lunch"),
        receipt=receipt_png(tmp_path / "frame.png"), customer="Initrode GmbH",
        button="Save and New",
    )  # fmt: skip
    fill_expense(tab, NewExpense(amount="7.50", category=CATEGORY, merchant="Frame taxi"))
    save_expense(tab, "Save and Close", "Frame taxi")
    create_expense(tab, NewExpense(amount="3.20", category=CATEGORY, merchant="Frame coffee"))
    open_expenses(tab)
    add_selected_to_report(tab, ["Frame lunch", "Frame taxi"], new_report="Frame report")
    edit_expense(tab, "Frame coffee", amount="4.10")
    expect(tab.locator(".receipt-thumb img")).to_have_count(0)
    open_expenses(tab, "All Expenses")
    row(tab, "Frame lunch").get_by_role("link", name="Frame lunch").click()
    thumb = tab.locator(".receipt-thumb img")
    expect(thumb).to_have_count(1)
    assert thumb.evaluate("img => img.complete && img.naturalWidth > 0")  # the embedded cookie
    screenshot(page, "crm-tab-expenses-in-a-cross-site-frame")
    open_expenses(tab, "All Expenses")
    delete_selected(tab, ["Frame coffee"])
    expect(row(tab, "Frame coffee")).to_have_count(0)
    expect(row(tab, "Frame lunch")).to_contain_text("Frame report")
    assert page.url == host  # the host page never moved
    assert_clean(page)
