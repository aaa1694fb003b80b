"""Reusable steps on the CRM tab's Expenses pages. Each takes a Playwright ``Page`` or ``Frame``
(the same steps run on the app itself and inside a CRM's cross-site iframe), and navigates
with links and buttons relative to where it is, never with absolute URLs of the host page."""

from __future__ import annotations

import base64
import re
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Dialog, Frame, Locator, Page, expect

Target = Page | Frame


def page_of(target: Target) -> Page:
    """The page whose dialogs (hx-confirm) a step answers."""
    return target.page if isinstance(target, Frame) else target


def receipt_png(path: Path, colour: tuple[int, int, int] = (31, 111, 235)) -> Path:
    """A small real PNG (a coloured card with a stripe), written to ``path``."""
    width, height = 48, 64
    rows = []
    for y in range(height):
        stripe = 20 <= y < 26
        pixel = bytes((255, 255, 255)) if stripe else bytes(colour)
        rows.append(b"\x00" + pixel * width)

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    png = (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows))) + chunk(b"IEND", b"")
    )  # fmt: skip
    path.write_bytes(png)
    return path


def _follow(target: Target, link: Locator) -> None:
    """Click a link and wait until the frame (or page) has loaded where it leads."""
    with target.expect_navigation():
        link.click()


def open_expenses(target: Target, view: str = "Unreported") -> None:
    """The Expenses tab, then the sub-navigation's Unreported or All Expenses."""
    tabs = target.get_by_role("navigation", name="Zoho Expense")
    _follow(target, tabs.get_by_role("link", name="Expenses"))
    subtabs = target.get_by_role("navigation", name="Expenses")
    _follow(target, subtabs.get_by_role("link", name=view))
    heading = "All Expenses" if view == "All Expenses" else "Unreported Expenses"
    expect(target.get_by_role("heading", name=heading, level=1)).to_be_visible()


def open_new_expense(target: Target) -> None:
    subtabs = target.get_by_role("navigation", name="Expenses")
    _follow(target, subtabs.get_by_role("link", name="New Expense"))
    expect(target.get_by_role("heading", name="New Expense", level=1)).to_be_visible()


def upload_receipt(target: Target, path: Path) -> None:
    """Upload through the receipt field's file input; waits until it is listed."""
    field = target.locator(".receipt-field").first
    field.get_by_label(re.compile("receipts", re.IGNORECASE)).set_input_files(str(path))
    expect(field.locator(".receipt-files li", has_text=path.name)).to_be_attached()


def drop_receipt(target: Target, path: Path, content_type: str = "image/png") -> None:
    """Drag and drop a file onto the receipt field (a drop event carrying a DataTransfer)."""
    field = target.locator(".receipt-field").first
    data = base64.b64encode(path.read_bytes()).decode()
    transfer = target.evaluate_handle(
        """([data, name, type]) => {
            const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], name, {type}));
            return transfer;
        }""",
        [data, path.name, content_type],
    )
    field.dispatch_event("dragover", {"dataTransfer": transfer})
    field.dispatch_event("drop", {"dataTransfer": transfer})
    expect(field.locator(".receipt-files li", has_text=path.name)).to_be_attached()


def choose_customer_in_crm(target: Target, account_name: str) -> None:
    """Search in CRM by the start of an account name and choose that account."""
    form = target.locator("#expense-form")
    form.get_by_label("Account name").fill(account_name[:6])
    form.get_by_role("button", name="Search in CRM").click()
    form.get_by_role("button", name=f"Choose {account_name}", exact=True).click()
    expect(form.locator(".chosen-customer")).to_contain_text(account_name)


def choose_customer(target: Target, name: str) -> None:
    """Type-ahead over Spendsync customers, then choose one."""
    form = target.locator("#expense-form")
    form.get_by_role("searchbox", name=re.compile(r"^Customer")).fill(name[:4])
    form.get_by_role("button", name=f"Choose {name}", exact=True).click()
    expect(form.locator(".chosen-customer")).to_contain_text(name)


@dataclass
class NewExpense:
    amount: str
    category: str
    merchant: str = ""
    date: str | None = None
    description: str = ""
    currency: str | None = None
    billable: bool = False
    reimbursable: bool = True
    potential: str | None = None
    report: str | None = None  # an existing report's option label
    new_report: str | None = None  # the name of a New Report


def select_containing(select: Locator, text: str) -> None:
    """Choose the first option whose label contains ``text``."""
    value = select.locator("option", has_text=text).first.get_attribute("value")
    assert value is not None, f"no option with {text!r}"
    select.select_option(value)


def fill_expense(target: Target, expense: NewExpense) -> None:
    """Fill the New Expense form's fields (the customer is chosen beforehand)."""
    form = target.locator("#expense-form")
    if expense.date:
        form.get_by_label("Date").fill(expense.date)
    form.locator("select[name=category]").select_option(label=expense.category)
    form.get_by_label("Amount").fill(expense.amount)
    if expense.currency:
        form.get_by_label("Currency").fill(expense.currency)
    form.get_by_label("Merchant").fill(expense.merchant)
    form.get_by_label("Description").fill(expense.description)
    form.get_by_label("Billable").set_checked(expense.billable)
    form.get_by_label("Claim Reimbursement").set_checked(expense.reimbursable)
    if expense.potential:
        select_containing(form.locator("select[name=potential]"), expense.potential)
    if expense.new_report:
        form.locator("select[name=report]").select_option(label="New Report…")
        form.get_by_label(re.compile("^New report name")).fill(expense.new_report)
    elif expense.report:
        select_containing(form.locator("select[name=report]"), expense.report)


def save_expense(target: Target, button: str = "Save and Close", merchant: str = "") -> None:
    """Save; waits for the notice naming the saved expense on the page that follows."""
    target.locator("#expense-form").get_by_role("button", name=button, exact=True).click()
    expect(target.locator(".flashes")).to_contain_text(f"Saved {merchant or 'the expense'} (")


def create_expense(
    target: Target,
    expense: NewExpense,
    *,
    receipt: Path | None = None,
    crm_account: str | None = None,
    customer: str | None = None,
    button: str = "Save and Close",
) -> None:
    """New Expense from the sub-navigation: customer (Search in CRM or type-ahead), fields,
    receipt upload, then Save and Close (or Save and New)."""
    open_new_expense(target)
    if crm_account:
        choose_customer_in_crm(target, crm_account)
    elif customer:
        choose_customer(target, customer)
    fill_expense(target, expense)
    if receipt:
        upload_receipt(target, receipt)
    save_expense(target, button, expense.merchant)


def row(target: Target, merchant: str) -> Locator:
    return target.locator("#expense-list tbody tr", has_text=merchant)


def select_expenses(target: Target, merchants: list[str]) -> None:
    """Tick each expense's checkbox with the keyboard (Space on the focused box)."""
    for merchant in merchants:
        box = row(target, merchant).get_by_role("checkbox")
        box.focus()
        box.press("Space")
        expect(box).to_be_checked()


def add_selected_to_report(target: Target, merchants: list[str], *, new_report: str) -> None:
    select_expenses(target, merchants)
    actions = target.locator("#selection-actions")
    actions.locator("select[name=report]").select_option(label="New Report…")
    actions.get_by_label(re.compile("^New report name")).fill(new_report)
    actions.get_by_role("button", name="Add to Report").click()
    expect(target.locator(".flashes")).to_contain_text(f"to {new_report}")


def delete_selected(target: Target, merchants: list[str]) -> list[str]:
    """Select and Delete, accepting the confirmation; returns the dialog's message."""
    select_expenses(target, merchants)
    seen: list[str] = []

    def accept(dialog: Dialog) -> None:
        seen.append(dialog.message)
        dialog.accept()

    page_of(target).once("dialog", accept)
    target.locator("#selection-actions").get_by_role("button", name="Delete").click()
    expect(target.locator("#expense-list .notice, .flashes .notice").first).to_contain_text(
        "Deleted"
    )
    return seen


def edit_expense(target: Target, merchant: str, *, amount: str) -> None:
    """From a list: open the expense, Edit, change the amount, Save; back on the expense."""
    _follow(target, row(target, merchant).get_by_role("link", name=merchant))
    _follow(target, target.get_by_role("link", name="Edit", exact=True))
    form = target.locator("#expense-form")
    form.get_by_label("Amount").fill(amount)
    form.get_by_role("button", name="Save", exact=True).click()
    expect(target.locator(".flashes")).to_contain_text("Saved the expense.")
    expect(target.locator("dd.amount")).to_have_attribute("data-amount", amount)
