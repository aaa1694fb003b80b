"""The CRM tab's report cycle in Chromium: a submitter opens a Potential's record page, creates a
report from it (prefilled), adds expenses and submits it; the approver approves it; a second
report is recalled, resubmitted, rejected with a comment and submitted again; an admin
reimburses both; the Potential's record page then shows nothing left to reimburse."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import Browser, Page, expect

from orm import models
from tests.browser.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, LiveServer
from tests.browser.crm_tab_report_steps import (
    add_expenses,
    approve_report,
    new_report,
    open_approval,
    open_record_page,
    open_reports,
    open_to_reimburse,
    recall_report,
    record_totals,
    reimburse_report,
    reject_report,
    start_report_from_record,
    submit_report,
)
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
    make_user,
)

DEAL_CRM_ID = "4150868000000300001"
ACCOUNT_CRM_ID = "4150868000000224011"
SUBMITTER = "sam@acme.example"
APPROVER = "abe@acme.example"


async def _setup() -> None:
    org = await models.Organization.get(name="Acme Sales")
    await make_crm_tab(org)
    await make_user(org, email=APPROVER, name="Abe Approver", role=models.UserRole.APPROVER)
    sam = await make_user(org, email=SUBMITTER, name="Sam Submitter")
    travel = await make_category(org, "Travel")
    account = await make_customer(org, "Globex Corporation", crm_module=models.CrmModule.ACCOUNTS,
                                  crm_id=ACCOUNT_CRM_ID)  # fmt: skip
    deal = await make_potential(org, account, "Globex renewal", crm_id=DEAL_CRM_ID,
                                stage="Negotiation")  # fmt: skip
    for merchant, cents, day in (("Lufthansa", 42000, 10), ("Hotel Adlon", 18000, 11),
                                 ("Taxi Berlin", 4800, 12)):  # fmt: skip
        await make_expense(sam, travel, cents, currency="EUR", customer=account, potential=deal,
                           merchant=merchant, date=date(2026, 11, day))  # fmt: skip


def _show(page: Page, name: str) -> None:
    check_a11y(page)
    screenshot(page, f"crm-reports-{name}")
    assert_clean(page)


@pytest.mark.browser
def test_reports_are_submitted_approved_rejected_and_reimbursed(
    live_server: LiveServer, browser: Browser
) -> None:
    base = live_server.url
    with_database(live_server.database_url, _setup)

    # the submitter starts from the Potential's record page
    sam = new_page(browser)
    sign_in(sam, base, SUBMITTER, PASSWORD)
    open_record_page(sam, base, "Potentials", DEAL_CRM_ID)
    expect(sam.get_by_role("heading", name="Globex renewal", level=1)).to_be_visible()
    assert record_totals(sam)["to-reimburse"] == "648.00 EUR"
    _show(sam, "01-record-before")

    start_report_from_record(sam)
    expect(sam.get_by_label("Customer", exact=True).locator("option:checked")).to_have_text(
        "Globex Corporation"
    )
    _show(sam, "02-new-report-prefilled")
    # an error first: the end before the start, shown next to the field, nothing written
    sam.get_by_label("Report Name").fill("Globex kick-off")
    sam.get_by_label("From", exact=True).fill("2026-11-12")
    sam.get_by_label("To", exact=True).fill("2026-11-10")
    sam.get_by_role("button", name="Save").click()
    expect(sam.locator('.field-error[data-code="INVALID_DATE_RANGE"]')).to_be_visible()
    _show(sam, "03-new-report-error")

    new_report(sam, name="Globex kick-off", purpose="Kick-off workshop at Globex",
               start="2026-11-10", end="2026-11-12", customer="Globex Corporation",
               potential="Globex renewal")  # fmt: skip
    _show(sam, "04-report-draft")
    add_expenses(sam, ["Lufthansa", "Hotel Adlon"])
    assert record_totals(sam)["total"] == "600.00 EUR"
    _show(sam, "05-report-with-expenses")
    submit_report(sam, "Abe Approver")
    _show(sam, "06-report-submitted")

    # a second report: recalled, submitted again
    open_reports(sam, base)
    sam.get_by_role("link", name="New Report").click()
    new_report(sam, name="Berlin taxis", start="2026-11-12", end="2026-11-12",
               customer="Globex Corporation", potential="Globex renewal")  # fmt: skip
    add_expenses(sam, ["Taxi Berlin"])
    submit_report(sam, "Abe Approver")
    recall_report(sam)
    submit_report(sam, "Abe Approver")

    # the approver approves the first and rejects the second with a comment
    abe = new_page(browser)
    sign_in(abe, base, APPROVER, PASSWORD)
    abe.goto(f"{base}/crm-tab/approvals")
    expect(abe.locator("table.approvals-table tbody tr")).to_have_count(2)
    _show(abe, "07-approvals")
    open_approval(abe, base, "Globex kick-off")
    _show(abe, "08-report-to-approve")
    approve_report(abe, "Fine, thanks.")
    open_approval(abe, base, "Berlin taxis")
    abe.once("dialog", lambda dialog: dialog.accept())
    abe.get_by_role("button", name="Reject", exact=True).click()  # no comment: refused
    expect(abe.locator("#reject-comment-error")).to_be_visible()
    _show(abe, "09-reject-needs-a-comment")
    reject_report(abe, "Add the taxi receipt, please.")

    # the submitter reads the comment and submits again; the approver approves
    open_reports(sam, base, "rejected")
    sam.get_by_role("link", name="Berlin taxis").click()
    expect(sam.locator(".history .comment")).to_contain_text("Add the taxi receipt, please.")
    _show(sam, "10-report-rejected")
    submit_report(sam, "Abe Approver")
    open_approval(abe, base, "Berlin taxis")
    approve_report(abe)

    # the admin reimburses both
    ada = new_page(browser)
    sign_in(ada, base, ADMIN_EMAIL, ADMIN_PASSWORD)
    ada.goto(f"{base}/crm-tab/approvals")
    expect(ada.locator("table.reimburse-table tbody tr")).to_have_count(2)
    _show(ada, "11-admin-to-reimburse")
    paid_on = (date.today() - timedelta(days=1)).isoformat()
    open_to_reimburse(ada, base, "Globex kick-off")
    _show(ada, "12-report-to-reimburse")
    reimburse_report(ada, paid_on, "SEPA-0001")
    open_to_reimburse(ada, base, "Berlin taxis")
    reimburse_report(ada, paid_on, "SEPA-0002")
    expect(ada.locator("table.reimburse-table")).to_contain_text("No approved report")
    _show(ada, "13-all-reimbursed")

    # the submitter's reports and the Potential's record page: nothing left to reimburse
    open_reports(sam, base, "reimbursed")
    expect(sam.locator("table.reports-table tbody tr")).to_have_count(2)
    _show(sam, "14-reports-reimbursed")
    open_record_page(sam, base, "Potentials", DEAL_CRM_ID)
    totals = record_totals(sam)
    assert (totals["total"], totals["to-reimburse"], totals["count"]) == (
        "648.00 EUR", "0.00 EUR", "3",
    )  # fmt: skip
    expect(sam.locator("#record-reports tbody tr")).to_have_count(2)
    _show(sam, "15-record-after")


@pytest.mark.browser
def test_the_steps_run_inside_a_frame(live_server: LiveServer, browser: Browser) -> None:
    """The same steps drive the tab inside an iframe (here a same-origin host page; the
    cross-site embedding reuses them)."""
    base = live_server.url
    with_database(live_server.database_url, _setup)
    page = new_page(browser)
    sign_in(page, base, SUBMITTER, PASSWORD)
    host = f"{base}/__host-page"
    page.route(host, lambda route: route.fulfill(
        content_type="text/html",
        body='<!doctype html><html lang="en"><title>CRM</title><h1>CRM record</h1>'
        f'<iframe title="Zoho Expense" src="/crm-tab/records/Potentials/{DEAL_CRM_ID}" '
        'width="1200" height="1400"></iframe></html>',
    ))  # fmt: skip
    page.goto(host)
    frame = page.locator("iframe").element_handle().content_frame()
    assert frame is not None
    expect(frame.get_by_role("heading", name="Globex renewal", level=1)).to_be_visible()
    assert record_totals(frame)["to-reimburse"] == "648.00 EUR"

    start_report_from_record(frame)
    new_report(frame, name="Framed trip", start="2026-11-10", end="2026-11-12",
               customer="Globex Corporation", potential="Globex renewal")  # fmt: skip
    add_expenses(frame, ["Lufthansa"])
    submit_report(frame, "Abe Approver")
    recall_report(frame)
    open_record_page(frame, base, "Potentials", DEAL_CRM_ID)
    expect(frame.locator("#record-reports")).to_contain_text("Framed trip")
    screenshot(page, "crm-reports-16-in-a-frame")
    assert_clean(page)
