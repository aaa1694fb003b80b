"""Reusable browser steps for the CRM tab's Bulk Add, Per Diem, Mileage and Card Transactions
pages. Each takes a Playwright ``Page`` or ``Frame`` (the same steps run inside a cross-site
iframe) already showing a page of the CRM tab, and moves through the tab's own navigation.

``on_state(name)``, when given, is called at each state worth checking (an accessibility check,
a screenshot): the caller decides what to do with a page or a frame."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Frame, Locator, Page, expect

Target = Page | Frame
OnState = Callable[[str], None]


def _noop(name: str) -> None:
    return None


def open_expenses_page(target: Target, link: str) -> None:
    """Click an entry of the Expenses sub-navigation (Bulk Add, Per Diem, …), from any page of
    the tab (a report's page, Approvals, a record page: the Expenses tab first)."""
    subtabs = target.get_by_role("navigation", name="Expenses")
    if subtabs.count() == 0:
        tabs = target.get_by_role("navigation", name="Zoho Expense")
        tabs.get_by_role("link", name="Expenses", exact=True).click()
        expect(subtabs).to_be_visible()
    subtabs.get_by_role("link", name=link).click()
    expect(target.get_by_role("heading", name=link, level=1)).to_be_visible()


@dataclass
class BulkRow:
    date: str
    category: str
    amount: str
    merchant: str = ""
    currency: str = ""
    exchange_rate: str = ""
    description: str = ""
    customer: str | None = None
    potential: str | None = None
    reimbursable: bool = True
    billable: bool = False
    receipts: Sequence[Path] = field(default_factory=tuple)


def bulk_row(target: Target, index: int) -> Locator:
    """The fieldset of the row ``index`` (0-based), "Expense <index + 1>"."""
    return target.locator(f"fieldset.bulk-row[data-row='{index}']")


def fill_bulk_row(target: Target, index: int, row: BulkRow) -> None:
    box = bulk_row(target, index)
    box.get_by_label("Date").fill(row.date)
    box.get_by_label("Category").select_option(label=row.category)
    box.get_by_label("Amount").fill(row.amount)
    box.get_by_label("Currency").fill(row.currency)
    box.get_by_label("Exchange rate").fill(row.exchange_rate)
    box.get_by_label("Merchant").fill(row.merchant)
    box.get_by_label("Description").fill(row.description)
    if row.customer is not None:
        box.get_by_label("Customer").select_option(label=row.customer)
    if row.potential is not None:
        box.get_by_label("Potential").select_option(label=row.potential)
    box.get_by_label("Claim Reimbursement").set_checked(row.reimbursable)
    box.get_by_label("Billable").set_checked(row.billable)
    if row.receipts:
        box.get_by_label("Receipt").set_input_files(list(row.receipts))
        hidden = box.locator(f"input[type=hidden][name='expenses.{index}.receiptIds']")
        expect(hidden).to_have_count(len(row.receipts))


def bulk_add(target: Target, rows: Sequence[BulkRow], on_state: OnState = _noop) -> None:
    """Bulk Add: fill one row per expense (+ Add More Expenses when the rows run out), Save."""
    open_expenses_page(target, "Bulk Add")
    on_state("bulk-add-empty")
    while target.locator("fieldset.bulk-row").count() < len(rows):
        count = target.locator("fieldset.bulk-row").count()
        target.get_by_role("button", name="+ Add More Expenses").click()
        expect(target.locator("fieldset.bulk-row")).to_have_count(count + 1)
    for index, row in enumerate(rows):
        fill_bulk_row(target, index, row)
    on_state("bulk-add-filled")
    target.get_by_role("button", name="Save", exact=True).click()
    count = len(rows)
    expect(target.get_by_text(f"Added {count} expense{'s' if count != 1 else ''}.")).to_be_visible()
    on_state("bulk-add-saved")


@dataclass
class Trip:
    departure_location: str
    departure_date: str
    departure_time: str
    arrival_location: str
    arrival_date: str
    arrival_time: str


def calculate_trip_per_diem(target: Target, trip: Trip) -> None:
    target.get_by_label("Trip", exact=True).check()
    target.get_by_label("Departure location").select_option(label=trip.departure_location)
    target.get_by_label("Departure date").fill(trip.departure_date)
    target.get_by_label("Departure time").fill(trip.departure_time)
    target.get_by_label("Arrival location").select_option(label=trip.arrival_location)
    target.get_by_label("Arrival date").fill(trip.arrival_date)
    target.get_by_label("Arrival time").fill(trip.arrival_time)
    target.get_by_role("button", name="Calculate Per Diem").click()
    expect(target.get_by_role("heading", name="Days")).to_be_visible()


def per_diem_day(target: Target, day: str) -> Locator:
    return target.locator(f"tr[data-day='{day}']")


def record_trip_per_diem(
    target: Target,
    trip: Trip,
    *,
    untick: Sequence[str] = (),
    meals: Sequence[tuple[str, str]] = (),
    report: str | None = None,
    description: str = "",
    on_state: OnState = _noop,
) -> None:
    """Per Diem → Trip: Calculate Per Diem, tick the meals provided ((date, "Breakfast"), …)
    and calculate again, untick the days not claimed, Save (into ``report`` when given)."""
    open_expenses_page(target, "Per Diem")
    on_state("per-diem-empty")
    calculate_trip_per_diem(target, trip)
    if meals:
        for day, meal in meals:
            per_diem_day(target, day).get_by_label(meal).check()
        target.get_by_role("button", name="Calculate Per Diem").click()
        for day, meal in meals:
            expect(per_diem_day(target, day).get_by_label(meal)).to_be_checked()
    on_state("per-diem-calculated")
    for day in untick:
        target.get_by_label(f"Claim {day}").uncheck()
    if description:
        target.get_by_label("Description").fill(description)
    if report is not None:  # the report's name (its number follows in the option)
        select = target.get_by_label("Add to Report")
        value = select.locator("option", has_text=report).get_attribute("value")
        select.select_option(value=value)
    target.get_by_role("button", name="Save", exact=True).click()
    expect(target.get_by_text("Recorded the per diem:")).to_be_visible()
    on_state("per-diem-saved")


@dataclass
class MileageTrip:
    date: str
    vehicle: str
    distance: str = ""
    odometer_start: str = ""
    odometer_end: str = ""
    description: str = ""
    customer: str | None = None
    potential: str | None = None


def add_mileage(
    target: Target, trip: MileageTrip, *, amount: str, on_state: OnState = _noop
) -> None:
    """Mileage: fill the trip, Calculate (the amount shown must be ``amount``), Save."""
    open_expenses_page(target, "Mileage")
    on_state("mileage-empty")
    form = target.locator("#mileage-form")
    form.get_by_label("Date").fill(trip.date)
    form.get_by_label("Vehicle").select_option(label=trip.vehicle)
    form.get_by_label("Distance").fill(trip.distance)
    form.get_by_label("Odometer start").fill(trip.odometer_start)
    form.get_by_label("Odometer end").fill(trip.odometer_end)
    form.get_by_label("Description").fill(trip.description)
    if trip.customer is not None:
        form.get_by_label("Customer").select_option(label=trip.customer)
    if trip.potential is not None:
        form.get_by_label("Potential").select_option(label=trip.potential)
    form.get_by_role("button", name="Calculate").click()
    expect(target.locator("[data-amount]")).to_have_text(amount)
    on_state("mileage-calculated")
    target.locator("#mileage-form").get_by_role("button", name="Save").click()
    expect(target.get_by_text(f"Saved the mileage expense of {amount}.")).to_be_visible()
    on_state("mileage-saved")


def card_transaction(target: Target, description: str) -> Locator:
    return target.locator(f"tr[data-transaction='{description}']")


def create_expense_from_card(
    target: Target,
    description: str,
    *,
    category: str,
    note: str = "",
    customer: str | None = None,
    on_state: OnState = _noop,
) -> None:
    """Card Transactions: Create Expense from the charge ``description``."""
    open_expenses_page(target, "Card Transactions")
    on_state("cards-list")
    row = card_transaction(target, description)
    row.get_by_text("Create Expense", exact=True).click()
    row.get_by_label("Category").select_option(label=category)
    row.get_by_label("Description").fill(note)
    if customer is not None:
        row.get_by_label("Customer").select_option(label=customer)
    on_state("cards-create-open")
    row.get_by_role("button", name=f"Create Expense from {description}").click()
    expect(target.get_by_text(f"Created an expense from {description}.")).to_be_visible()
    expect(card_transaction(target, description)).to_contain_text("Matched")


def match_card_transaction(
    target: Target, description: str, *, expense: str, on_state: OnState = _noop
) -> None:
    """Card Transactions: Match the charge ``description`` to the expense whose option text
    contains ``expense``."""
    open_expenses_page(target, "Card Transactions")
    row = card_transaction(target, description)
    row.get_by_text("Match", exact=True).click()
    select = row.get_by_label("Expense")
    value = select.locator("option", has_text=expense).get_attribute("value")
    select.select_option(value=value)
    on_state("cards-match-open")
    row.get_by_role("button", name=f"Match {description}").click()
    expect(target.get_by_text(f"Matched {description} to the expense")).to_be_visible()
    expect(card_transaction(target, description)).to_contain_text("Matched")
    on_state("cards-matched")
