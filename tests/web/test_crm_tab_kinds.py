"""CRM tab → Bulk Add, Per Diem, Mileage and Card Transactions over HTTP: each page for a
submitter and an admin, a post without the CSRF token refused, errors next to their field (per
row for Bulk Add) with nothing written, and card transactions only for whom may see them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

import httpx
import pytest

from gql.ids import encode_id
from orm import models
from tests.factories import make_expense, make_report, make_user
from tests.support.crm_tab_kinds import KindsData, seed_expense_kinds
from tests.web.conftest import sign_in

PAGES = {
    "/crm-tab/expenses/bulk": "Bulk Add",
    "/crm-tab/per-diem": "Per Diem",
    "/crm-tab/mileage": "Mileage",
    "/crm-tab/cards": "Card Transactions",
}
FRAGMENT = {"HX-Request": "true", "HX-Target": "tab-page"}


@dataclass
class Tab:
    admin: models.User
    sam: models.User
    rita: models.User
    data: KindsData


@pytest.fixture
async def tab(admin: models.User) -> Tab:
    org = await admin.org
    sam = await make_user(org, email="sam@acme.example", name="Sam Submitter")
    rita = await make_user(org, email="rita@acme.example", name="Rita Roe")
    return Tab(admin, sam, rita, await seed_expense_kinds(org, sam, admin))


def _id(kind: str, pk: int) -> str:
    return encode_id(kind, pk)


def _section(html: str, start_marker: str, end_marker: str) -> str:
    start = html.index(start_marker)
    return html[start : html.index(end_marker, start)]


def _codes(html: str) -> list[str]:
    return re.findall(r'class="field-error" data-code="([A-Z_]+)"', html)


@pytest.mark.parametrize("email", ["sam@acme.example", "admin@acme.example"])
async def test_each_page_for_a_submitter_and_an_admin(
    client: httpx.AsyncClient, tab: Tab, email: str
) -> None:
    await sign_in(client, email)
    for url, heading in PAGES.items():
        page = await client.get(url)
        assert page.status_code == 200, url
        assert f"<h1>{heading}</h1>" in page.text
        assert 'aria-current="page">' + heading in page.text.replace("\n", "")
        assert "Sync Modules is off" not in page.text


async def test_pages_answer_sync_modules_off(client: httpx.AsyncClient, tab: Tab) -> None:
    await models.Integration.filter(org_id=tab.sam.org_id).update(sync_modules=False)
    await sign_in(client, "sam@acme.example")
    for url in PAGES:
        page = await client.get(url)
        assert "Sync Modules is off" in page.text, url
        assert "HOTEL ADLON" not in page.text


async def test_a_post_without_the_csrf_token_is_refused(
    client: httpx.AsyncClient, tab: Tab
) -> None:
    await sign_in(client, "sam@acme.example")
    charge = _id("CardTransaction", tab.data.charges["TAXI BERLIN"].id)
    posts = {
        "/crm-tab/expenses/bulk": {
            "action": "save", "expenses.0.date": "2026-01-10", "expenses.0.amount": "12.00",
            "expenses.0.categoryId": _id("Category", tab.data.meals.id),
        },
        "/crm-tab/per-diem": {
            "action": "save", "mode": "INDIVIDUAL_DAYS",
            "locationId": _id("PerDiemLocation", tab.data.berlin.id), "firstDate": "2026-01-14",
            "lastDate": "2026-01-14", "startTime": "07:00", "endTime": "19:00",
            "calculated": "2026-01-14", "dates": "2026-01-14",
        },
        "/crm-tab/mileage": {
            "action": "save", "date": "2026-01-14", "distance": "10",
            "vehicleId": _id("MileageVehicle", tab.data.car.id),
        },
        f"/crm-tab/cards/transactions/{charge}/expense": {
            "categoryId": _id("Category", tab.data.travel.id),
        },
    }  # fmt: skip
    for url, data in posts.items():
        response = await client.post(url, data=data)
        assert response.status_code == 403, url
    assert await models.Expense.all().count() == 0
    assert await models.CardTransaction.filter(expense_id__isnull=False).count() == 0


# Bulk Add -------------------------------------------------------------------------------------


def _row(index: int, **values: str) -> dict[str, str]:
    return {f"expenses.{index}.{name}": value for name, value in values.items()}


async def test_bulk_add_saves_every_row_and_skips_empty_ones(
    client: httpx.AsyncClient, tab: Tab
) -> None:
    token = await sign_in(client, "sam@acme.example")
    meals, travel = _id("Category", tab.data.meals.id), _id("Category", tab.data.travel.id)
    form = {
        "csrf_token": token, "action": "save",
        **_row(0, date="2026-01-12", categoryId=meals, amount="18.50", merchant="Cafe Einstein",
               customerId=_id("Customer", tab.data.globex.id),
               potentialId=_id("Potential", tab.data.renewal.id), isBillable="on",
               isReimbursable="on"),
        **_row(1, date="2026-01-13", categoryId=travel, amount="42.00", merchant="DB Bahn"),
        **_row(2, date="2026-01-13", currency="", amount=""),  # empty: skipped
        **_row(3, date="2026-01-14", categoryId=meals, amount="9.90", currency="GBP",
               exchangeRate="1.25", isReimbursable="on"),
    }  # fmt: skip
    response = await client.post("/crm-tab/expenses/bulk", data=form, headers=FRAGMENT)
    assert response.status_code == 204, response.text
    assert response.headers["HX-Location"] == "/crm-tab/expenses/bulk"
    rows = await models.Expense.filter(user_id=tab.sam.id).order_by("date")
    assert [(e.merchant, e.amount_minor, e.currency) for e in rows] == [
        ("Cafe Einstein", 1850, "USD"), ("DB Bahn", 4200, "USD"), ("", 990, "GBP"),
    ]  # fmt: skip
    assert (rows[0].customer_id, rows[0].potential_id) == (tab.data.globex.id,
                                                           tab.data.renewal.id)  # fmt: skip
    assert (rows[0].is_billable, rows[0].is_reimbursable) == (True, True)
    assert rows[1].is_reimbursable is False  # Claim Reimbursement left unticked
    page = await client.get("/crm-tab/expenses/bulk")
    assert "Added 3 expenses." in page.text


async def test_bulk_add_shows_errors_on_their_row_and_writes_nothing(
    client: httpx.AsyncClient, tab: Tab
) -> None:
    token = await sign_in(client, "sam@acme.example")
    meals = _id("Category", tab.data.meals.id)
    tomorrow = (date.today() + timedelta(days=2)).isoformat()
    form = {
        "csrf_token": token, "action": "save",
        **_row(0, date="2026-01-12", categoryId=meals, amount="18.50", merchant="Fine"),
        **_row(1, date="", categoryId="", amount="", merchant=""),  # empty: skipped
        **_row(2, date=tomorrow, categoryId=meals, amount="5.00"),
        **_row(3, date="2026-01-12", categoryId="", amount="7.00",
               customerId=_id("Customer", tab.data.initech.id),
               potentialId=_id("Potential", tab.data.renewal.id)),
    }  # fmt: skip
    response = await client.post("/crm-tab/expenses/bulk", data=form, headers=FRAGMENT)
    assert response.status_code == 200
    html = response.text
    # the rows sent were 0, 2 and 3: the API's expenses.1 and expenses.2 are rows 2 and 3
    assert _codes(_section(html, 'id="bulk-row-0"', "</fieldset>")) == []
    assert _codes(_section(html, 'id="bulk-row-2"', "</fieldset>")) == ["DATE_IN_FUTURE"]
    row3 = _section(html, 'id="bulk-row-3"', "</fieldset>")
    assert sorted(_codes(row3)) == ["NOT_FOUND", "POTENTIAL_NOT_OF_CUSTOMER"]
    assert 'name="expenses.3.categoryId" required aria-invalid="true"' in row3
    assert 'value="Fine"' in html  # what was typed stays
    assert await models.Expense.all().count() == 0

    # a number the API's scalar would refuse as a whole request: next to its field too
    form = {"csrf_token": token, "action": "save",
            **_row(0, date="2026-01-12", categoryId=meals, amount="12,50")}  # fmt: skip
    html = (await client.post("/crm-tab/expenses/bulk", data=form, headers=FRAGMENT)).text
    assert _codes(_section(html, 'id="bulk-row-0"', "</fieldset>")) == ["INVALID_AMOUNT"]
    assert await models.Expense.all().count() == 0


async def test_add_more_expenses_with_and_without_javascript(
    client: httpx.AsyncClient, tab: Tab
) -> None:
    token = await sign_in(client, "sam@acme.example")
    page = await client.get("/crm-tab/expenses/bulk")
    assert [int(i) for i in re.findall(r'data-row="(\d+)"', page.text)] == [0, 1, 2]
    # htmx: one row as a fragment (crm-tab-kinds.js asks for the row after the last one)
    fragment = await client.get(
        "/crm-tab/expenses/bulk/row?next=3",
        headers={"HX-Request": "true", "HX-Target": "bulk-rows"},
    )
    assert 'id="bulk-row-3"' in fragment.text
    assert "<h1>" not in fragment.text
    assert 'name="expenses.3.date"' in fragment.text
    # without JavaScript: the form posts and comes back with one more row, values kept
    form = {"csrf_token": token, "action": "add", **_row(0, merchant="Kept"),
            **_row(1, merchant=""), **_row(2, merchant="")}  # fmt: skip
    page = await client.post("/crm-tab/expenses/bulk", data=form)
    assert [int(i) for i in re.findall(r'data-row="(\d+)"', page.text)] == [0, 1, 2, 3]
    assert 'value="Kept"' in page.text
    assert await models.Expense.all().count() == 0


# Per Diem -------------------------------------------------------------------------------------


def _trip(tab: Tab, **more: str) -> dict[str, str]:
    return {
        "mode": "TRIP", "departureLocationId": _id("PerDiemLocation", tab.data.berlin.id),
        "departureDate": "2026-01-14", "departureTime": "09:00",
        "arrivalLocationId": _id("PerDiemLocation", tab.data.munich.id),
        "arrivalDate": "2026-01-16", "arrivalTime": "17:00",
    } | more  # fmt: skip


async def test_per_diem_calculate_then_save_the_ticked_days(
    client: httpx.AsyncClient, tab: Tab
) -> None:
    token = await sign_in(client, "sam@acme.example")
    report = await make_report(tab.sam, "Munich trip")
    calculated = await client.post(
        "/crm-tab/per-diem", data={"csrf_token": token, "action": "calculate", **_trip(tab)},
        headers=FRAGMENT,
    )  # fmt: skip
    html = calculated.text
    assert re.findall(r'data-day="([\d-]+)"', html) == ["2026-01-14", "2026-01-15", "2026-01-16"]
    # German preset: first and last day 0.5, the day between full; Munich 30.00 after day 1
    assert "14.00 USD" in html and "30.00 USD" in html and "15.00 USD" in html
    assert html.count('name="dates"') == 3 and html.count("checked>") >= 3
    assert await models.Expense.all().count() == 0
    # save two of the three days, lunch provided on the 15th, into the draft report
    form = {
        "csrf_token": token, "action": "save", **_trip(tab),
        "calculated": ["2026-01-14", "2026-01-15", "2026-01-16"],
        "dates": ["2026-01-14", "2026-01-15"], "meals.2026-01-15.lunch": "on",
        "description": "Trade fair", "reportId": _id("Report", report.id),
    }  # fmt: skip
    response = await client.post("/crm-tab/per-diem", data=form, headers=FRAGMENT)
    assert response.status_code == 204, response.text
    rows = await models.Expense.filter(user_id=tab.sam.id).order_by("date")
    # the 15th: 30.00 minus 40 % of the full day for lunch = 18.00
    assert [(e.date.isoformat(), e.amount_minor, e.report_id) for e in rows] == [
        ("2026-01-14", 1400, report.id), ("2026-01-15", 1800, report.id),
    ]  # fmt: skip
    assert {e.description for e in rows} == {"Trade fair"}


async def test_per_diem_errors_next_to_their_field_and_nothing_written(
    client: httpx.AsyncClient, tab: Tab
) -> None:
    token = await sign_in(client, "sam@acme.example")
    bad = _trip(tab, arrivalDate="2026-01-13")
    html = (await client.post("/crm-tab/per-diem", data={"csrf_token": token,
            "action": "calculate", **bad}, headers=FRAGMENT)).text  # fmt: skip
    assert re.search(r'name="arrivalDate" value="2026-01-13" aria-invalid="true">\s*'
                     r'<p class="field-error" data-code="INVALID_DATE_RANGE"', html)  # fmt: skip
    assert "data-day=" not in html
    html = (
        await client.post(
            "/crm-tab/per-diem",
            data={"csrf_token": token, "action": "calculate", **_trip(tab, departureTime="25:00")},
            headers=FRAGMENT,
        )
    ).text
    assert re.search(r'name="departureTime" value="25:00" aria-invalid="true">\s*'
                     r'<p class="field-error" data-code="INVALID"', html)  # fmt: skip
    # a day claimed twice: the second save is refused on that day's row
    form = {
        "csrf_token": token,
        "action": "save",
        **_trip(tab),
        "calculated": ["2026-01-14", "2026-01-15", "2026-01-16"],
        "dates": ["2026-01-16"],
    }
    assert (await client.post("/crm-tab/per-diem", data=form, headers=FRAGMENT)).status_code == 204
    form["dates"] = ["2026-01-15", "2026-01-16"]
    html = (await client.post("/crm-tab/per-diem", data=form, headers=FRAGMENT)).text
    row = _section(html, 'data-day="2026-01-16"', "</tr>")
    assert _codes(row) == ["PER_DIEM_DAY_CLAIMED"]
    assert await models.Expense.all().count() == 1


async def test_per_diem_individual_days(client: httpx.AsyncClient, tab: Tab) -> None:
    token = await sign_in(client, "sam@acme.example")
    form = {
        "csrf_token": token, "mode": "INDIVIDUAL_DAYS",
        "locationId": _id("PerDiemLocation", tab.data.berlin.id), "firstDate": "2026-01-14",
        "lastDate": "2026-01-15", "startTime": "07:00", "endTime": "19:00",
    }  # fmt: skip
    html = (
        await client.post("/crm-tab/per-diem", data=form | {"action": "calculate"},
                          headers=FRAGMENT)
    ).text  # fmt: skip
    # 12 hours a day, more than 8: half of Berlin's 28.00
    assert re.findall(r'data-day="([\d-]+)"', html) == ["2026-01-14", "2026-01-15"]
    assert html.count("14.00 USD") == 2
    save = form | {"action": "save", "calculated": ["2026-01-14", "2026-01-15"],
                   "dates": ["2026-01-14", "2026-01-15"]}  # fmt: skip
    response = await client.post("/crm-tab/per-diem", data=save, headers=FRAGMENT)
    assert response.status_code == 204, response.text
    rows = await models.Expense.filter(user_id=tab.sam.id)
    assert sorted(e.amount_minor for e in rows) == [1400, 1400]


async def test_per_diem_without_a_policy(client: httpx.AsyncClient, tab: Tab) -> None:
    await sign_in(client, "rita@acme.example")
    page = await client.get("/crm-tab/per-diem")
    assert "No per diem policy is assigned to you." in page.text
    assert "Calculate Per Diem" not in page.text


# Mileage --------------------------------------------------------------------------------------


async def test_mileage_calculates_then_saves(client: httpx.AsyncClient, tab: Tab) -> None:
    token = await sign_in(client, "rita@acme.example")
    form = {
        "csrf_token": token,
        "action": "calculate",
        "date": "2026-01-14",
        "vehicleId": _id("MileageVehicle", tab.data.car.id),
        "distance": "",
        "odometerStart": "12000",
        "odometerEnd": "12120",
        "isReimbursable": "on",
        "customerId": _id("Customer", tab.data.globex.id),
        "potentialId": _id("Potential", tab.data.renewal.id),
        "description": "Globex visit",
    }
    html = (await client.post("/crm-tab/mileage", data=form, headers=FRAGMENT)).text
    assert re.search(r"data-amount>36.00 USD<", html)
    assert "0.3 USD/km" in html and "0.3 USD per km" in html
    assert await models.Expense.all().count() == 0
    response = await client.post("/crm-tab/mileage", data=form | {"action": "save"},
                                 headers=FRAGMENT)  # fmt: skip
    assert response.status_code == 204, response.text
    expense = await models.Expense.get(user_id=tab.rita.id)
    assert (expense.amount_minor, expense.customer_id, expense.potential_id) == (
        3600, tab.data.globex.id, tab.data.renewal.id,
    )  # fmt: skip
    assert "Saved the mileage expense of 36.00 USD." in (await client.get("/crm-tab/mileage")).text


async def test_mileage_errors_next_to_their_field(client: httpx.AsyncClient, tab: Tab) -> None:
    token = await sign_in(client, "rita@acme.example")
    car = _id("MileageVehicle", tab.data.car.id)
    cases = [
        ({"distance": ""}, "distance", "REQUIRED"),
        ({"distance": "ten"}, "distance", "INVALID_AMOUNT"),
        ({"distance": "", "odometerStart": "500", "odometerEnd": "400"}, "odometerEnd",
         "INVALID_ODOMETER"),
        ({"distance": "10", "vehicleId": ""}, "vehicleId", "REQUIRED"),
        ({"distance": "10", "date": "2019-06-01"}, "date", "NO_MILEAGE_RATE"),
    ]  # fmt: skip
    for values, field, code in cases:
        form = {"csrf_token": token, "action": "save", "date": "2026-01-14", "vehicleId": car,
                "distance": "10"} | values  # fmt: skip
        html = (await client.post("/crm-tab/mileage", data=form, headers=FRAGMENT)).text
        assert re.search(rf'name="{field}"[^>]*aria-invalid="true"', html), (values, html[-3000:])
        assert f'data-code="{code}"' in html, values
    assert await models.Expense.all().count() == 0


# Card Transactions ----------------------------------------------------------------------------


async def test_a_submitter_sees_only_their_own_card_transactions(
    client: httpx.AsyncClient, tab: Tab
) -> None:
    await sign_in(client, "rita@acme.example")
    page = await client.get("/crm-tab/cards")
    assert "HOTEL ADLON" not in page.text and "Company Visa" not in page.text
    assert "No cards yet." in page.text
    # the admin sees the card and who holds it, but may not act on it
    client.cookies.clear()
    await sign_in(client, "admin@acme.example")
    page = await client.get("/crm-tab/cards")
    assert "HOTEL ADLON BERLIN" in page.text and "held by Sam Submitter" in page.text
    assert "Create Expense" not in page.text and "/match" not in page.text
    client.cookies.clear()
    await sign_in(client, "sam@acme.example")
    page = await client.get("/crm-tab/cards")
    assert page.text.count("<summary>Create Expense</summary>") == 3


async def test_create_an_expense_from_a_transaction_and_match_another(
    client: httpx.AsyncClient, tab: Tab
) -> None:
    token = await sign_in(client, "sam@acme.example")
    hotel, taxi = tab.data.charges["HOTEL ADLON BERLIN"], tab.data.charges["TAXI BERLIN"]
    # refused: no category; shown in that transaction's form, nothing written
    url = f"/crm-tab/cards/transactions/{_id('CardTransaction', hotel.id)}/expense"
    html = (await client.post(url, data={"csrf_token": token, "categoryId": ""},
                              headers=FRAGMENT)).text  # fmt: skip
    row = _section(html, 'data-transaction="HOTEL ADLON BERLIN"', "</tr>")
    assert _codes(row) == ["REQUIRED"] and "<details open>" in row
    assert await models.Expense.all().count() == 0
    form = {"csrf_token": token, "categoryId": _id("Category", tab.data.travel.id),
            "description": "Client dinner stay", "customerId": _id("Customer", tab.data.globex.id),
            "isBillable": "on"}  # fmt: skip
    response = await client.post(url, data=form, headers=FRAGMENT)
    assert response.status_code == 204, response.text
    stored = await models.CardTransaction.get(id=hotel.id).prefetch_related("expense")
    assert stored.status is models.CardTransactionStatus.MATCHED
    assert stored.expense is not None
    assert (stored.expense.amount_minor, stored.expense.merchant, stored.expense.is_billable) == (
        21240, "HOTEL ADLON BERLIN", True,
    )  # fmt: skip

    # match: only the same amount, non-reimbursable, is offered
    own = await make_expense(tab.sam, tab.data.travel, 2350, date=date(2026, 1, 11),
                             merchant="Taxi Berlin", is_reimbursable=False)  # fmt: skip
    await make_expense(tab.sam, tab.data.travel, 2350, merchant="Reimbursable taxi")
    page = await client.get("/crm-tab/cards")
    taxi_row = _section(page.text, 'data-transaction="TAXI BERLIN"', "</tr>")
    assert "Taxi Berlin" in taxi_row and "Reimbursable taxi" not in taxi_row
    match_url = f"/crm-tab/cards/transactions/{_id('CardTransaction', taxi.id)}/match"
    html = (await client.post(match_url, data={"csrf_token": token, "expenseId": ""},
                              headers=FRAGMENT)).text  # fmt: skip
    assert _codes(_section(html, 'data-transaction="TAXI BERLIN"', "</tr>")) == ["REQUIRED"]
    response = await client.post(
        match_url, data={"csrf_token": token, "expenseId": _id("Expense", own.id)}, headers=FRAGMENT
    )
    assert response.status_code == 204, response.text
    assert (await models.CardTransaction.get(id=taxi.id)).expense_id == own.id
    page = await client.get("/crm-tab/cards")
    assert "Matched TAXI BERLIN to the expense Taxi Berlin." in page.text


async def test_another_users_transaction_cannot_be_acted_on(
    client: httpx.AsyncClient, tab: Tab
) -> None:
    token = await sign_in(client, "rita@acme.example")
    url = f"/crm-tab/cards/transactions/{_id('CardTransaction', tab.data.charges['LUFTHANSA'].id)}"
    response = await client.post(url + "/expense", data={"csrf_token": token,
                                 "categoryId": _id("Category", tab.data.travel.id)},
                                 headers=FRAGMENT)  # fmt: skip
    assert response.status_code == 200
    assert "No such card transaction." in response.text
    assert "LUFTHANSA" not in response.text
    assert await models.Expense.all().count() == 0


async def test_malformed_input_never_answers_a_server_error(
    client: httpx.AsyncClient, tab: Tab
) -> None:
    token = await sign_in(client, "sam@acme.example")
    junk = ["", "x", "-1", "1e5", "2026-02-30", "99:99", "Q2F0ZWdvcnk6OTk5", "ZZZZ", "0" * 80]
    posts: list[tuple[str, dict[str, str]]] = []
    for value in junk:
        posts += [
            ("/crm-tab/expenses/bulk", {"action": "save", **_row(0, date=value, amount=value,
             categoryId=value, currency=value, exchangeRate=value, customerId=value,
             potentialId=value, receiptIds=value)}),
            ("/crm-tab/per-diem", {"action": "save", "mode": value, "calculated": value,
             "dates": value, "reportId": value, f"exchangeRate.{value}": value,
             **{name: value for name in ("departureLocationId", "departureDate",
                                          "departureTime", "arrivalLocationId", "arrivalDate",
                                          "arrivalTime")}}),
            ("/crm-tab/per-diem", _trip(tab, action="save", calculated=value, dates=value,
                                        reportId=value)),
            ("/crm-tab/mileage", {"action": "save", "date": value, "vehicleId": value,
             "distance": value, "odometerStart": value, "odometerEnd": value,
             "customerId": value, "exchangeRate": value}),
            (f"/crm-tab/cards/transactions/{value or 'x'}/expense", {"categoryId": value,
             "customerId": value, "exchangeRate": value}),
            (f"/crm-tab/cards/transactions/{value or 'x'}/match", {"expenseId": value}),
        ]  # fmt: skip
    for url, data in posts:
        response = await client.post(url, data={"csrf_token": token, **data}, headers=FRAGMENT)
        assert response.status_code < 500, (url, data, response.text[-500:])
    for url in ("/crm-tab/expenses/bulk/row?next=abc", "/crm-tab/expenses/bulk/row?next=99999"):
        response = await client.get(url, headers={"HX-Request": "true", "HX-Target": "bulk-rows"})
        assert response.status_code == 200
    assert await models.Expense.all().count() == 0
