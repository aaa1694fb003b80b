"""The CRM tab's whole flow inside a CRM: the tab in an iframe of a host page on another site
(the host on ``localhost``, the app on ``127.0.0.1``), third-party cookies blocked, each role
opening it with its own signed embed link.

A submitter creates an expense with an uploaded receipt, a customer found through Search in CRM
(the CRM simulator's demo data, synced) and its potential; bulk-adds three expenses for the same
customer and potential; creates a new report for that potential, adds the four expenses,
records a trip per diem into it and submits it to the approver. The approver approves it in
Approvals, an admin reimburses it, and the Potential's record page shows the figures entered
with nothing left to reimburse. Another submitter's expense on the same potential, seeded
beforehand, never shows in the first submitter's lists, report or record page."""

from __future__ import annotations

import re
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Frame, Page, expect

from orm import models
from tests.browser.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, CrmSimulator, LiveServer
from tests.browser.crm_tab_kinds_steps import BulkRow, Trip, bulk_add, record_trip_per_diem
from tests.browser.crm_tab_report_steps import (
    add_expenses,
    approve_report,
    new_report,
    open_approval,
    open_record_page,
    open_reports,
    open_to_reimburse,
    record_totals,
    reimburse_report,
    submit_report,
)
from tests.browser.crm_tab_steps import (
    NewExpense,
    create_expense,
    open_expenses,
    receipt_png,
    row,
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
from tests.browser.test_crm_tab_expenses import connect_crm_and_sync
from tests.factories import make_expense, make_user
from tests.support.crm_tab_kinds import seed_per_diem_policy

pytestmark = pytest.mark.browser

SUBMITTER = "sam@acme.example"
OTHER_SUBMITTER = "olga@acme.example"
APPROVER = "abe@acme.example"
CATEGORY = "Meals and Entertainment"
TRAVEL = "Air Travel"
REPORT = "Customer workshop"
OTHER_MERCHANT = "Olga's dinner"


class Steps:
    """Checks every page state it is shown (axe-core inside the tab's frame, no CSP violation
    or script error) and keeps a numbered screenshot of the host page with the tab in it."""

    def __init__(self) -> None:
        self.number = 0

    def __call__(self, page: Page, frame: Frame, name: str) -> None:
        check_a11y(frame)
        # axe-core leaves empty style attributes on the elements it measured; htmx's settle
        # step would copy them onto swapped-in twins, which the CSP reports as inline styles
        frame.evaluate(
            "() => document.querySelectorAll('[style]').forEach(e => e.removeAttribute('style'))"
        )
        frame.evaluate("window.scrollTo({top: 0, behavior: 'instant'})")
        self.number += 1
        screenshot(page, f"crm-embedded-flow-{self.number:02d}-{name}")
        assert_clean(page)

    def on_state(self, page: Page, frame: Frame) -> Any:
        return lambda name: self(page, frame, name)


def _account_and_deal(crm: CrmSimulator) -> tuple[dict[str, Any], dict[str, Any]]:
    """An account of the simulator's demo data with a deal (the first such pair)."""
    accounts = crm.store.records["Accounts"]
    for deal in crm.store.records["Deals"].values():
        link = deal.get("Account_Name")
        account_id = str(link.get("id") if isinstance(link, dict) else link or "")
        if account_id in accounts:
            return accounts[account_id], deal
    raise AssertionError("the demo data has an account with a deal")


def _seed(account_crm_id: str, deal_crm_id: str) -> Any:
    async def seed() -> None:
        admin = await models.User.get(email=ADMIN_EMAIL)
        org = await admin.org
        await models.Integration.filter(org_id=org.id).update(sync_modules=True)
        sam = await make_user(org, email=SUBMITTER, name="Sam Submitter")
        olga = await make_user(org, email=OTHER_SUBMITTER, name="Olga Other")
        await make_user(org, email=APPROVER, name="Abe Approver", role=models.UserRole.APPROVER)
        await seed_per_diem_policy(org, sam)
        # another submitter's expense on the same customer and potential, before the flow
        customer = await models.Customer.get(org_id=org.id, crm_id=account_crm_id)
        potential = await models.Potential.get(org_id=org.id, crm_id=deal_crm_id)
        category = await models.Category.get(org_id=org.id, name=CATEGORY)
        await make_expense(olga, category, 7700, currency=org.base_currency, merchant=OTHER_MERCHANT,
                           customer=customer, potential=potential, date=date(2026, 11, 16))  # fmt: skip

    return seed


def test_the_whole_flow_inside_a_cross_site_iframe(
    live_server: LiveServer, crm_simulator: CrmSimulator, browser: Browser, tmp_path: Path
) -> None:
    started = time.monotonic()
    base = live_server.url
    show = Steps()

    # the admin connects the organisation to the CRM and syncs its accounts and deals
    admin_page = new_page(browser)
    sign_in(admin_page, base, ADMIN_EMAIL, ADMIN_PASSWORD)
    connect_crm_and_sync(admin_page, base, crm_simulator)
    admin_page.context.close()
    account, deal = _account_and_deal(crm_simulator)
    account_name, deal_name, deal_id = account["Account_Name"], deal["Deal_Name"], deal["id"]
    with_database(live_server.database_url, _seed(account["id"], deal_id))

    # 1. the submitter, in the CRM's iframe (open_embedded_tab checks third-party cookies
    #    are blocked before it mints the link)
    page, tab = open_embedded_tab(browser, live_server, SUBMITTER, "/crm-tab/expenses")
    host = page.url
    assert host.startswith("http://localhost:") and tab.url.startswith(base)
    # the tab's only cookie is the embedded session, partitioned under the CRM's site
    cookies = page.context.cookies()
    assert [c["name"] for c in cookies] == ["spendsync_embed"]
    assert cookies[0].get("partitionKey", "").startswith("http://localhost")
    expect(tab.locator(".identity")).to_contain_text("Sam Submitter")
    expect(tab.get_by_role("heading", name="Unreported Expenses")).to_be_visible()
    # only Sam's own data: Olga's expense on the same potential is nowhere in his lists
    expect(tab.get_by_text("No unreported expenses match.")).to_be_visible()
    open_expenses(tab, "All Expenses")
    expect(row(tab, OTHER_MERCHANT)).to_have_count(0)
    show(page, tab, "all-expenses-empty")

    # New Expense: Search in CRM, the deal as its potential, a receipt uploaded
    create_expense(
        tab,
        NewExpense(amount="86.40", category=CATEGORY, merchant="Trattoria Roma", date="2026-11-17",
                   description="Lunch with the buyer", billable=True, potential=deal_name),
        receipt=receipt_png(tmp_path / "trattoria.png"), crm_account=account_name,
    )  # fmt: skip
    expect(row(tab, "Trattoria Roma")).to_contain_text("86.40")
    show(page, tab, "expense-saved")

    # Bulk Add: three expenses for the same customer and potential
    on_state = show.on_state(page, tab)
    bulk = [
        BulkRow("2026-11-17", TRAVEL, "312.00", merchant="Lufthansa",
                customer=account_name, potential=deal_name),
        BulkRow("2026-11-18", CATEGORY, "24.50", merchant="Taxi Centrale",
                customer=account_name, potential=deal_name),
        BulkRow("2026-11-18", CATEGORY, "12.30", merchant="Cafe Einstein",
                customer=account_name, potential=deal_name, billable=True),
    ]  # fmt: skip
    bulk_add(tab, bulk, on_state=on_state)

    # a new report for the potential, the four expenses added to it
    open_reports(tab, base)
    tab.get_by_role("link", name="New Report").first.click()
    new_report(tab, name=REPORT, purpose="Workshop at the customer", start="2026-11-17",
               end="2026-11-18", customer=account_name, potential=deal_name)  # fmt: skip
    expect(tab.locator("ul.unreported")).not_to_contain_text(OTHER_MERCHANT)
    add_expenses(tab, ["Trattoria Roma", "Lufthansa", "Taxi Centrale", "Cafe Einstein"])
    show(page, tab, "report-with-expenses")

    # Per Diem: a trip Berlin → Munich recorded into the report
    trip = Trip("Berlin", "2026-11-17", "08:00", "Munich", "2026-11-18", "19:00")
    record_trip_per_diem(tab, trip, report=REPORT, on_state=on_state)

    # back to the report: the per diem days are in it; Submit to the approver
    open_reports(tab, base, "draft")
    tab.get_by_role("link", name=REPORT, exact=True).click()
    expect(tab.get_by_role("heading", name=REPORT, level=1)).to_be_visible()
    # the entered figures: 86.40 + 312.00 + 24.50 + 12.30, and the per diem the German rules
    # give for a two-day trip (more than 8 hours each day): half of Berlin's 28.00 on the
    # departure day, half of Munich's 30.00 on the arrival day
    assert with_database(live_server.database_url, _per_diems) == [
        (date(2026, 11, 17), 1400), (date(2026, 11, 18), 1500),
    ]  # fmt: skip
    total = "464.20 EUR"
    totals = record_totals(tab)
    assert (totals["total"], totals["to-reimburse"], totals["count"]) == (total, total, "6")
    submit_report(tab, "Abe Approver")
    show(page, tab, "report-submitted")
    assert page.url == host  # the host page never moved
    page.context.close()

    # 2. the approver approves it in Approvals, inside the iframe
    page, tab = open_embedded_tab(browser, live_server, APPROVER, "/crm-tab/approvals")
    expect(tab.locator(".identity")).to_contain_text("Abe Approver")
    expect(tab.locator("table.approvals-table")).to_contain_text(REPORT)
    show(page, tab, "approvals")
    open_approval(tab, base, REPORT)
    assert record_totals(tab)["total"] == total
    show(page, tab, "report-to-approve")
    approve_report(tab, "Fine, thanks.")
    show(page, tab, "approved")
    page.context.close()

    # 3. an admin reimburses it
    page, tab = open_embedded_tab(browser, live_server, ADMIN_EMAIL, "/crm-tab/approvals")
    expect(tab.locator("table.reimburse-table")).to_contain_text(REPORT)
    open_to_reimburse(tab, base, REPORT)
    show(page, tab, "report-to-reimburse")
    reimburse_report(tab, (date.today() - timedelta(days=1)).isoformat(), "SEPA-0042")
    expect(tab.locator("table.reimburse-table")).not_to_contain_text(REPORT)
    show(page, tab, "reimbursed")
    page.context.close()

    # 4. the Potential's record page, as the submitter: nothing left to reimburse, his
    #    expenses listed (Olga's unreported one on the same deal is not his to see)
    page, tab = open_embedded_tab(browser, live_server, SUBMITTER, "/crm-tab")
    open_record_page(tab, base, "Potentials", deal_id)
    expect(tab.get_by_role("heading", name=deal_name, level=1)).to_be_visible()
    totals = record_totals(tab)
    assert (totals["total"], totals["reimbursable"], totals["to-reimburse"], totals["count"]) == (
        total, total, "0.00 EUR", "6",
    )  # fmt: skip
    listed = tab.locator("#record-expenses tbody tr")
    expect(listed).to_have_count(6)
    for merchant, amount in (("Trattoria Roma", "86.40"), ("Lufthansa", "312.00"),
                             ("Taxi Centrale", "24.50"), ("Cafe Einstein", "12.30"),
                             ("Berlin", "14.00"), ("Munich", "15.00")):  # fmt: skip
        expect(listed.filter(has_text=merchant)).to_contain_text(amount)
        expect(listed.filter(has_text=merchant)).to_contain_text("Reimbursed")
    expect(tab.locator("#record-expenses")).not_to_contain_text(OTHER_MERCHANT)
    report_row = tab.locator("#record-reports tbody tr", has_text=REPORT)
    expect(report_row).to_contain_text("Reimbursed")
    expect(report_row).to_contain_text(re.compile(r"0\.00 EUR\s*$"))
    show(page, tab, "record-page-reimbursed")
    assert page.url.startswith("http://localhost:")
    page.context.close()

    # Sam's view is his own: the same page shows the admin Olga's expense too
    page, tab = open_embedded_tab(browser, live_server, ADMIN_EMAIL, "/crm-tab")
    open_record_page(tab, base, "Potentials", deal_id)
    expect(tab.locator("#record-expenses")).to_contain_text(OTHER_MERCHANT)
    assert record_totals(tab)["to-reimburse"] == "77.00 EUR"
    page.context.close()

    async def stored() -> tuple[Any, ...]:
        report = await models.Report.get(name=REPORT).prefetch_related("potential", "customer")
        expense = await models.Expense.get(merchant="Trattoria Roma").prefetch_related("receipts")
        return (report.status, report.potential.crm_id if report.potential else None,
                report.customer.crm_id if report.customer else None,
                [r.file_name for r in expense.receipts])  # fmt: skip

    assert with_database(live_server.database_url, stored) == (
        models.ReportStatus.REIMBURSED, deal_id, account["id"], ["trattoria.png"],
    )  # fmt: skip
    print(f"the embedded flow took {time.monotonic() - started:.1f} s")


async def _per_diems() -> list[tuple[date, int]]:
    sam = await models.User.get(email=SUBMITTER)
    rows = await models.Expense.filter(user_id=sam.id, category__name="Per Diem")
    return sorted((e.date, e.base_amount_minor) for e in rows)
