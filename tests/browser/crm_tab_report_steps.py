"""Reusable steps through the CRM tab's Expense Reports, Approvals and record pages.

Each step takes a Playwright ``Page`` or a ``Frame`` (the tab inside a CRM's iframe) and leaves
it on the page the step ends on, checked. Confirmations (``hx-confirm``) are accepted on the
frame's page.
"""

from __future__ import annotations

import re

from playwright.sync_api import Dialog, Frame, Page, expect

Target = Page | Frame


def page_of(target: Target) -> Page:
    return target.page if isinstance(target, Frame) else target


def _accept_next_confirmation(target: Target, expected: str) -> list[str]:
    """Accept the next dialog; the returned list receives its message."""
    messages: list[str] = []

    def accept(dialog: Dialog) -> None:
        messages.append(dialog.message)
        dialog.accept()

    page_of(target).once("dialog", accept)
    return messages


def _flash(target: Target, text: str) -> None:
    expect(target.locator(".flashes")).to_contain_text(text)


def open_reports(target: Target, base_url: str, status: str = "") -> None:
    target.goto(f"{base_url}/crm-tab/reports" + (f"?status={status}" if status else ""))
    expect(target.get_by_role("heading", name="Expense Reports", level=1)).to_be_visible()


def open_record_page(target: Target, base_url: str, module: str, crm_id: str) -> None:
    """A CRM record's page (module as the CRM names it: Accounts, Contacts, Potentials)."""
    target.goto(f"{base_url}/crm-tab/records/{module}/{crm_id}")
    expect(target.get_by_role("heading", name="Totals")).to_be_visible()


def start_report_from_record(target: Target) -> None:
    """On a record page: New Expense Report (prefilled with the record's customer/potential)."""
    target.locator(".record-head").get_by_role("link", name="New Expense Report").click()
    expect(target.get_by_role("heading", name="New Report")).to_be_visible()


def record_totals(target: Target) -> dict[str, str]:
    """The totals on a record or report page: {"total": "648.00", "to-reimburse": …}."""
    totals: dict[str, str] = {}
    for cell in target.locator("dd[data-total]").all():
        key = cell.get_attribute("data-total") or ""
        totals[key] = re.sub(r"\s+", " ", cell.inner_text()).strip()
    return totals


def new_report(
    target: Target,
    *,
    name: str,
    start: str,
    end: str,
    purpose: str = "",
    customer: str | None = None,
    potential: str | None = None,
) -> None:
    """On the New Report page: fill it in and Save; ends on the new report's page.
    ``customer``/``potential``: names to choose (a prefilled choice is checked instead when
    the select already holds it)."""
    expect(target.get_by_role("heading", name="New Report")).to_be_visible()
    target.get_by_label("Report Name").fill(name)
    if purpose:
        target.get_by_label("Business Purpose").fill(purpose)
    target.get_by_label("From", exact=True).fill(start)
    target.get_by_label("To", exact=True).fill(end)
    customer_select = target.get_by_label("Customer", exact=True)
    if customer is not None:
        if customer_select.locator("option:checked").inner_text() != customer:
            customer_select.select_option(label=customer)
        expect(customer_select.locator("option:checked")).to_have_text(customer)
    if potential is not None:
        potential_select = target.get_by_label("Potential", exact=True)
        expect(potential_select).to_be_enabled()
        option = potential_select.locator("option", has_text=potential)
        if not option.evaluate("o => o.selected"):
            potential_select.select_option(label=option.inner_text())
        expect(potential_select.locator("option:checked")).to_contain_text(potential)
    target.get_by_role("button", name="Save").click()
    expect(target.get_by_role("heading", name=name, level=1)).to_be_visible()
    _flash(target, "Created report")


def add_expenses(target: Target, merchants: list[str]) -> None:
    """On a draft report's page: tick the unreported expenses and Add to Report."""
    choices = target.locator("ul.unreported")
    for merchant in merchants:
        choices.locator("label", has_text=merchant).get_by_role("checkbox").check()
    target.get_by_role("button", name="Add to Report").click()
    _flash(target, "to the report")
    for merchant in merchants:
        expect(target.locator("table.report-expenses")).to_contain_text(merchant)


def submit_report(target: Target, approver: str) -> None:
    """On a draft or rejected report's page: choose the approver and Submit."""
    select = target.get_by_label("Approver")
    label = select.locator("option", has_text=approver).inner_text()
    select.select_option(label=label)
    target.get_by_role("button", name="Submit", exact=True).click()
    _flash(target, f"Submitted the report to {approver}")
    expect(target.locator("#report")).to_have_attribute("data-report-status", "SUBMITTED")


def recall_report(target: Target) -> None:
    messages = _accept_next_confirmation(target, "Recall")
    target.get_by_role("button", name="Recall").click()
    _flash(target, "Recalled the report")
    expect(target.locator("#report")).to_have_attribute("data-report-status", "DRAFT")
    assert messages and messages[0].startswith("Recall this report?"), messages


def open_approval(target: Target, base_url: str, report_name: str) -> None:
    """Approvals → the report submitted to me with this name."""
    target.goto(f"{base_url}/crm-tab/approvals")
    expect(target.get_by_role("heading", name="Approvals", level=1)).to_be_visible()
    target.locator("table.approvals-table").get_by_role(
        "link", name=report_name, exact=True
    ).click()
    expect(target.get_by_role("heading", name=report_name, level=1)).to_be_visible()


def approve_report(target: Target, comment: str = "") -> None:
    """On a report submitted to me: Approve; ends on Approvals."""
    if comment:
        target.locator("#approve-form").get_by_label("Comment").fill(comment)
    target.get_by_role("button", name="Approve", exact=True).click()
    _flash(target, "Approved the report")
    expect(target.get_by_role("heading", name="Approvals", level=1)).to_be_visible()


def reject_report(target: Target, comment: str) -> None:
    """On a report submitted to me: Reject with the (required) comment; ends on Approvals."""
    target.get_by_label("Reason for rejection").fill(comment)
    messages = _accept_next_confirmation(target, "Reject")
    target.get_by_role("button", name="Reject", exact=True).click()
    _flash(target, "Rejected the report")
    assert messages and messages[0].startswith("Reject this report?"), messages


def open_to_reimburse(target: Target, base_url: str, report_name: str) -> None:
    """Approvals (admin) → Approved, to reimburse → the report."""
    target.goto(f"{base_url}/crm-tab/approvals")
    row = target.locator("table.reimburse-table tr", has_text=report_name)
    row.get_by_role("link", name=report_name, exact=True).click()
    expect(target.get_by_role("heading", name=report_name, level=1)).to_be_visible()


def reimburse_report(target: Target, paid_on: str, reference: str = "") -> None:
    """On an approved report (admin): record the reimbursement; ends on Approvals."""
    form = target.locator("#reimburse-form")
    form.get_by_label("Reimbursement date").fill(paid_on)
    if reference:
        form.get_by_label("Reference").fill(reference)
    messages = _accept_next_confirmation(target, "Record the reimbursement")
    target.get_by_role("button", name="Reimburse", exact=True).click()
    _flash(target, "Recorded the reimbursement")
    assert messages and messages[0].startswith("Record the reimbursement"), messages
