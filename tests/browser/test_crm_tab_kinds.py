"""CRM tab → Bulk Add, Per Diem, Mileage and Card Transactions as a submitter drives them (and
as an admin sees them): three expenses bulk-added, a trip per diem with a day left out, a
mileage expense, an expense created from a card charge and another charge matched."""

from __future__ import annotations

import base64
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from orm import models
from tests.browser.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, LiveServer
from tests.browser.crm_tab_kinds_steps import (
    BulkRow,
    MileageTrip,
    Trip,
    add_mileage,
    bulk_add,
    bulk_row,
    create_expense_from_card,
    match_card_transaction,
    open_expenses_page,
    record_trip_per_diem,
)
from tests.browser.support import (
    ROOT,
    assert_clean,
    check_a11y,
    new_page,
    screenshot,
    sign_in,
    with_database,
)
from tests.factories import PASSWORD, make_report, make_user
from tests.support.crm_tab_kinds import seed_expense_kinds

pytestmark = pytest.mark.browser

SAM = "sam@acme.example"
# a 1x1 PNG
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
HAS_RECEIPTS_JS = (ROOT / "web" / "static" / "receipts.js").exists()


async def _seed() -> None:
    admin = await models.User.get(email=ADMIN_EMAIL)
    org = await admin.org
    sam = await make_user(org, email=SAM, name="Sam Submitter")
    await seed_expense_kinds(org, sam, admin)
    await make_report(sam, "Munich trade fair")


class StateCheck:
    """on_state for the steps: axe finds nothing serious and a screenshot is kept."""

    def __init__(self, page: Page, prefix: str) -> None:
        self.page, self.prefix = page, prefix

    def __call__(self, name: str) -> None:
        check_a11y(self.page)
        screenshot(self.page, f"{self.prefix}-{name}")


def test_a_submitter_adds_expenses_of_every_kind(
    live_server: LiveServer, browser: Browser, tmp_path: Path
) -> None:
    with_database(live_server.database_url, _seed)
    receipt = tmp_path / "cafe-einstein.png"
    receipt.write_bytes(PNG)
    page = new_page(browser)
    sign_in(page, live_server.url, SAM, PASSWORD)
    page.goto(f"{live_server.url}/crm-tab/expenses/bulk")
    on_state = StateCheck(page, "crm-kinds")

    # Bulk Add: a wrong row refuses the lot, the error on its row; then three expenses
    open_expenses_page(page, "Bulk Add")
    row = bulk_row(page, 1)
    row.get_by_label("Date").fill("2026-01-12")
    row.get_by_label("Amount").fill("12.50")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(bulk_row(page, 1).locator('[data-code="NOT_FOUND"]')).to_contain_text(
        "Choose a category"
    )
    expect(bulk_row(page, 1).get_by_label("Amount")).to_have_value("12.50")
    check_a11y(page)
    screenshot(page, "crm-kinds-bulk-add-error")
    rows = [
        BulkRow("2026-01-12", "Meals", "18.50", merchant="Cafe Einstein", customer="Globex Corporation",
                potential="Globex renewal", billable=True,
                receipts=(receipt,) if HAS_RECEIPTS_JS else ()),
        BulkRow("2026-01-11", "Travel", "23.50", merchant="Taxi to Globex", reimbursable=False),
        BulkRow("2026-01-13", "Meals", "9.90", currency="GBP", exchange_rate="1.17",
                description="Lunch at the fair"),
        BulkRow("2026-01-13", "Travel", "42.00", merchant="DB Bahn"),
    ]  # fmt: skip
    bulk_add(page, rows, on_state=on_state)

    # Per Diem: Berlin → Munich, the middle day with lunch provided, the last day not claimed
    trip = Trip("Berlin", "2026-01-14", "09:00", "Munich", "2026-01-16", "17:00")
    record_trip_per_diem(page, trip, untick=["2026-01-16"], meals=[("2026-01-15", "Lunch")],
                         report="Munich trade fair", on_state=on_state)  # fmt: skip

    # Mileage: 120 km by odometer at 0.30 EUR per km
    add_mileage(
        page,
        MileageTrip("2026-01-15", "Car", odometer_start="12000", odometer_end="12120",
                    description="Globex visit", customer="Globex Corporation",
                    potential="Globex renewal"),
        amount="36.00 EUR", on_state=on_state,
    )  # fmt: skip

    # Card Transactions: the hotel becomes an expense; the taxi matches the bulk-added one
    create_expense_from_card(page, "HOTEL ADLON BERLIN", category="Travel",
                             note="Globex workshop", customer="Globex Corporation",
                             on_state=on_state)  # fmt: skip
    match_card_transaction(page, "TAXI BERLIN", expense="Taxi to Globex", on_state=on_state)
    assert_clean(page)

    async def stored() -> dict[str, object]:
        sam = await models.User.get(email=SAM)
        expenses = await models.Expense.filter(user_id=sam.id).prefetch_related("category")
        per_diems = sorted(
            (e.date, e.amount_minor) for e in expenses if e.category.name == "Per Diem"
        )
        taxi = await models.CardTransaction.get(description="TAXI BERLIN").prefetch_related(
            "expense"
        )
        return {
            "merchants": sorted(e.merchant for e in expenses if e.category.name != "Per Diem"),
            "per_diems": per_diems,
            "in_report": sorted(e.date for e in expenses if e.report_id is not None),
            "mileage": [e.amount_minor for e in expenses if e.category.name == "Mileage"],
            "taxi": taxi.expense.merchant if taxi.expense else None,
            "receipts": await models.Receipt.filter(expense__merchant="Cafe Einstein").count(),
        }

    found = with_database(live_server.database_url, stored)
    # the fair's lunch and the mileage have no merchant
    assert found["merchants"] == sorted(["Cafe Einstein", "Taxi to Globex", "", "DB Bahn", "",
                                         "HOTEL ADLON BERLIN"])  # fmt: skip
    assert found["per_diems"] == [(date(2026, 1, 14), 1400), (date(2026, 1, 15), 1800)]
    assert found["in_report"] == [date(2026, 1, 14), date(2026, 1, 15)]
    assert found["mileage"] == [3600]
    assert found["taxi"] == "Taxi to Globex"
    assert found["receipts"] == (1 if HAS_RECEIPTS_JS else 0)


def test_an_admin_sees_the_pages(live_server: LiveServer, browser: Browser) -> None:
    with_database(live_server.database_url, _seed)
    page = new_page(browser)
    sign_in(page, live_server.url, ADMIN_EMAIL, ADMIN_PASSWORD)
    page.goto(f"{live_server.url}/crm-tab/expenses/bulk")
    for link in ("Bulk Add", "Per Diem", "Mileage", "Card Transactions"):
        open_expenses_page(page, link)
        check_a11y(page)
        screenshot(page, f"crm-kinds-admin-{link.lower().replace(' ', '-')}")
    # the admin sees Sam's card but acts on none of its transactions
    expect(page.get_by_text("held by Sam Submitter")).to_be_visible()
    expect(page.get_by_text("Create Expense", exact=True)).to_have_count(0)
    # + Add More Expenses adds a row in place
    open_expenses_page(page, "Bulk Add")
    page.get_by_role("button", name="+ Add More Expenses").click()
    expect(page.locator("fieldset.bulk-row")).to_have_count(4)
    expect(bulk_row(page, 3).get_by_label("Date")).not_to_have_value("")
    check_a11y(page)
    assert_clean(page)
