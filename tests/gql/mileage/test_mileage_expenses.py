"""Recording, previewing and changing mileage expenses through GraphQL."""

from __future__ import annotations

from datetime import date

import pytest

from gql.ids import encode_id
from orm import models
from tests.conftest import dotted, execute
from tests.factories import make_report, make_user, viewer_for
from tests.gql.mileage.conftest import Fleet, make_rate, record, trip

MILEAGE_CALCULATE = """
query($input: MileageCalculateInput!) {
  mileageCalculate(input: $input) {
    calculation {
      unit distance fiscalYearStart fiscalYearEnd distanceClaimedBefore amount { amount currency }
      rate { effectiveFrom ratePerUnit } lines { distance ratePerUnit amount { amount } }
    }
    errors { field code }
  }
}
"""
MILEAGE_EXPENSE_UPDATE = """
mutation($input: MileageExpenseUpdateInput!) {
  mileageExpenseUpdate(input: $input) {
    expense {
      id date amount { amount } description
      mileage { distance odometerStart odometerEnd distanceClaimedBefore vehicle { name }
                lines { distance ratePerUnit amount { amount } } }
    }
    errors { field code }
  }
}
"""
EXPENSE_UPDATE = """
mutation($input: ExpenseUpdateInput!) {
  expenseUpdate(input: $input) { expense { amount { amount } description } errors { field code } }
}
"""


def _lines(payload: dict) -> list[tuple[str, str, str]]:
    return [
        (line["distance"], line["ratePerUnit"], line["amount"]["amount"])
        for line in payload["expense"]["mileage"]["lines"]
    ]


@pytest.mark.parametrize(
    ("day", "rate", "amount"),
    [(date(2026, 6, 30), "0.45", "45.00"),  # the day before the change
     (date(2026, 7, 1), "0.5", "50.00"),  # the day it changes
     (date(2026, 7, 2), "0.5", "50.00")],  # the day after
)  # fmt: skip
async def test_the_rate_in_force_on_the_expense_date_applies(
    fleet: Fleet, day: date, rate: str, amount: str
) -> None:
    payload = await record(fleet.alice, fleet.car, day, "100")
    assert payload["errors"] == []
    expense = payload["expense"]
    assert expense["amount"] == {"amount": amount, "currency": "GBP"}
    assert expense["baseAmount"] == {"amount": amount}
    assert expense["category"] == {"name": "Mileage"}
    assert expense["mileage"]["rate"]["ratePerUnit"] == rate
    assert _lines(payload) == [("100", rate, amount)]
    stored = await models.Expense.get(id=(await models.MileageDetail.get()).expense_id)
    assert (stored.date, stored.amount_minor, stored.currency) == (
        day,
        int(amount[:-3]) * 100,
        "GBP",
    )


async def test_no_rate_before_the_first_period(fleet: Fleet) -> None:
    payload = await record(fleet.alice, fleet.car, date(2025, 3, 31), "100")
    assert payload == {"expense": None, "errors": [
        {"field": ["date"], "code": "NO_MILEAGE_RATE",
         "message": "Car has no mileage rate on 2025-03-31."}
    ]}  # fmt: skip
    assert await models.Expense.all().count() == 0


async def test_odometer_entry(fleet: Fleet) -> None:
    payload = await record(
        fleet.alice, fleet.car, date(2026, 5, 4), odometerStart="45210.5", odometerEnd="45338"
    )
    assert payload["errors"] == []
    mileage = payload["expense"]["mileage"]
    assert (mileage["odometerStart"], mileage["odometerEnd"], mileage["distance"]) == (
        "45210.5", "45338", "127.5"
    )  # fmt: skip
    assert payload["expense"]["amount"]["amount"] == "57.38"  # 127.5 x 0.45 = 57.375, half up
    detail = await models.MileageDetail.get()
    assert (detail.odometer_start_hundredths, detail.odometer_end_hundredths) == (4521050, 4533800)
    assert detail.distance_hundredths == 12750


@pytest.mark.parametrize(
    ("readings", "field", "code"),
    [({"odometerStart": "500", "odometerEnd": "400"}, "odometerEnd", "INVALID_ODOMETER"),
     ({"odometerStart": "500", "odometerEnd": "500"}, "odometerEnd", "INVALID_ODOMETER"),
     ({"odometerStart": "500"}, "odometerEnd", "INVALID_ODOMETER"),
     ({"odometerStart": "-1", "odometerEnd": "5"}, "odometerStart", "INVALID_ODOMETER"),
     ({"odometerStart": "1.001", "odometerEnd": "5"}, "odometerStart", "INVALID_ODOMETER"),
     ({"distance": "10", "odometerStart": "1", "odometerEnd": "11"}, "distance",
      "INVALID_DISTANCE"),
     ({}, "distance", "INVALID_DISTANCE"),
     ({"distance": "0"}, "distance", "INVALID_DISTANCE"),
     ({"distance": "12.345"}, "distance", "INVALID_DISTANCE")],
)  # fmt: skip
async def test_bad_readings_are_refused_and_nothing_is_saved(
    fleet: Fleet, readings: dict[str, str], field: str, code: str
) -> None:
    payload = await record(fleet.alice, fleet.car, date(2026, 5, 4), **readings)
    assert payload["expense"] is None
    assert [(dotted(e["field"]), e["code"]) for e in payload["errors"]] == [(field, code)]
    assert await models.Expense.all().count() == 0
    assert await models.MileageDetail.all().count() == 0
    assert await models.MileageLine.all().count() == 0


async def test_an_expense_crossing_a_slab_is_split_into_a_line_at_each_rate(fleet: Fleet) -> None:
    first = await record(fleet.alice, fleet.car, date(2026, 4, 10), "9900")
    assert _lines(first) == [("9900", "0.45", "4455.00")]
    # another user's and another vehicle's miles do not count towards Alice's car
    await record(fleet.bob, fleet.car, date(2026, 4, 11), "500")
    await record(fleet.alice, fleet.motorcycle, date(2026, 4, 11), "500")
    second = await record(fleet.alice, fleet.car, date(2026, 5, 2), "250")
    assert second["errors"] == []
    assert second["expense"]["mileage"]["distanceClaimedBefore"] == "9900"
    assert _lines(second) == [("100", "0.45", "45.00"), ("150", "0.25", "37.50")]
    assert second["expense"]["amount"]["amount"] == "82.50"
    detail = await models.MileageDetail.get(distance_hundredths=25000)
    lines = await models.MileageLine.filter(detail_id=detail.id).order_by("position")
    assert [(ln.from_hundredths, ln.distance_hundredths, ln.amount_minor) for ln in lines] == [
        (990000, 10000, 4500), (1000000, 15000, 3750)
    ]  # fmt: skip
    third = await record(fleet.alice, fleet.car, date(2026, 5, 3), "10")
    assert _lines(third) == [("10", "0.25", "2.50")]


async def test_the_count_restarts_with_the_fiscal_year(fleet: Fleet) -> None:
    # the organisation's fiscal year starts in April
    await record(fleet.alice, fleet.car, date(2026, 3, 20), "10500")  # fiscal year 2025
    march = await record(fleet.alice, fleet.car, date(2026, 3, 31), "100")
    assert march["expense"]["mileage"]["fiscalYearStart"] == "2025-04-01"
    assert _lines(march) == [("100", "0.25", "25.00")]
    april = await record(fleet.alice, fleet.car, date(2026, 4, 1), "100")
    assert april["expense"]["mileage"]["fiscalYearStart"] == "2026-04-01"
    assert april["expense"]["mileage"]["distanceClaimedBefore"] == "0"
    assert _lines(april) == [("100", "0.45", "45.00")]


async def test_the_slab_position_carries_across_a_rate_change(fleet: Fleet) -> None:
    await record(fleet.alice, fleet.car, date(2026, 6, 1), "9950")
    july = await record(fleet.alice, fleet.car, date(2026, 7, 1), "100")
    assert _lines(july) == [("50", "0.5", "25.00"), ("50", "0.3", "15.00")]


async def test_a_rate_in_kilometres_counts_miles_already_claimed(fleet: Fleet) -> None:
    van = await models.MileageVehicle.create(org=fleet.org, name="Van", category=fleet.mileage)
    await make_rate(van, date(2026, 4, 1), date(2026, 6, 30), "0.45", ((100, "0.25"),))
    await make_rate(van, date(2026, 7, 1), None, "0.30", ((160, "0.20"),), models.DistanceUnit.KM)
    await record(fleet.alice, van, date(2026, 6, 1), "99")  # 99 miles = 159.325056 km
    july = await record(fleet.alice, van, date(2026, 7, 1), "10")
    assert july["expense"]["mileage"]["unit"] == "KM"
    assert july["expense"]["mileage"]["distanceClaimedBefore"] == "159.33"
    assert _lines(july) == [("0.67", "0.3", "0.20"), ("9.33", "0.2", "1.87")]


async def test_the_preview_matches_what_is_recorded_and_saves_nothing(fleet: Fleet) -> None:
    await record(fleet.alice, fleet.car, date(2026, 4, 10), "9900")
    variables = {"input": {"trip": trip(fleet.car, date(2026, 5, 2), "250")}}
    result = await execute(MILEAGE_CALCULATE, variables, viewer=viewer_for(fleet.alice))
    assert result.data["mileageCalculate"] == {
        "calculation": {
            "unit": "MILE", "distance": "250", "fiscalYearStart": "2026-04-01",
            "fiscalYearEnd": "2027-03-31", "distanceClaimedBefore": "9900",
            "amount": {"amount": "82.50", "currency": "GBP"},
            "rate": {"effectiveFrom": "2025-04-01", "ratePerUnit": "0.45"},
            "lines": [{"distance": "100", "ratePerUnit": "0.45", "amount": {"amount": "45.00"}},
                      {"distance": "150", "ratePerUnit": "0.25", "amount": {"amount": "37.50"}}],
        },
        "errors": [],
    }  # fmt: skip
    assert await models.Expense.all().count() == 1
    bad = await execute(
        MILEAGE_CALCULATE,
        {"input": {"trip": trip(fleet.car, date(2026, 5, 2), odometerStart="9", odometerEnd="3")}},
        viewer=viewer_for(fleet.alice),
    )
    assert bad.data["mileageCalculate"] == {
        "calculation": None, "errors": [{"field": ["odometerEnd"], "code": "INVALID_ODOMETER"}]
    }  # fmt: skip


async def test_update_recalculates_in_place_and_leaves_itself_out(fleet: Fleet) -> None:
    first = await record(fleet.alice, fleet.car, date(2026, 4, 10), "9900")
    second = await record(fleet.alice, fleet.car, date(2026, 5, 2), "250")
    # the first one edited: only expenses recorded before it count, itself never
    changed = await execute(
        MILEAGE_EXPENSE_UPDATE,
        {"input": {"id": first["expense"]["id"], "expense": {
            "trip": trip(fleet.car, date(2026, 4, 10), odometerStart="100", odometerEnd="10100"),
            "description": "Roadshow"}}},
        viewer=viewer_for(fleet.alice),
    )  # fmt: skip
    payload = changed.data["mileageExpenseUpdate"]
    assert payload["errors"] == []
    assert payload["expense"]["id"] == first["expense"]["id"]
    assert payload["expense"]["description"] == "Roadshow"
    assert payload["expense"]["mileage"]["distanceClaimedBefore"] == "0"
    assert _lines(payload) == [("10000", "0.45", "4500.00")]
    assert payload["expense"]["amount"] == {"amount": "4500.00"}
    # the second one edited counts the first, but not its own earlier distance
    again = await execute(
        MILEAGE_EXPENSE_UPDATE,
        {"input": {"id": second["expense"]["id"],
                   "expense": {"trip": trip(fleet.car, date(2026, 5, 2), "20")}}},
        viewer=viewer_for(fleet.alice),
    )  # fmt: skip
    assert again.data["mileageExpenseUpdate"]["expense"]["mileage"]["distanceClaimedBefore"] == (
        "10000"
    )
    assert _lines(again.data["mileageExpenseUpdate"]) == [("20", "0.25", "5.00")]
    assert await models.Expense.all().count() == 2
    assert await models.MileageDetail.all().count() == 2
    assert await models.MileageLine.all().count() == 2


async def test_update_follows_the_expense_locking_rules(fleet: Fleet) -> None:
    created = await record(fleet.alice, fleet.car, date(2026, 5, 2), "25")
    variables = {"input": {"id": created["expense"]["id"],
                           "expense": {"trip": trip(fleet.car, date(2026, 5, 2), "30")}}}  # fmt: skip
    by_bob = await execute(MILEAGE_EXPENSE_UPDATE, variables, viewer=viewer_for(fleet.bob))
    assert by_bob.data["mileageExpenseUpdate"]["errors"] == [{"field": ["id"], "code": "NOT_FOUND"}]
    report = await make_report(fleet.alice, status=models.ReportStatus.SUBMITTED)
    await models.Expense.filter(id=(await models.MileageDetail.get()).expense_id).update(
        report_id=report.id
    )
    locked = await execute(MILEAGE_EXPENSE_UPDATE, variables, viewer=viewer_for(fleet.alice))
    assert locked.data["mileageExpenseUpdate"]["errors"] == [
        {"field": ["id"], "code": "EXPENSE_LOCKED"}
    ]
    assert (await models.MileageDetail.get()).distance_hundredths == 2500


async def test_an_ordinary_expense_is_not_a_mileage_expense(fleet: Fleet) -> None:
    plain = await models.Expense.create(
        org=fleet.org, user=fleet.alice, category=fleet.mileage, date=date(2026, 5, 1),
        amount_minor=100, currency="GBP", base_amount_minor=100,
    )  # fmt: skip
    result = await execute(
        MILEAGE_EXPENSE_UPDATE,
        {"input": {"id": encode_id("Expense", plain.id),
                   "expense": {"trip": trip(fleet.car, date(2026, 5, 2), "30")}}},
        viewer=viewer_for(fleet.alice),
    )  # fmt: skip
    assert result.data["mileageExpenseUpdate"]["errors"] == [{"field": ["id"], "code": "NOT_FOUND"}]
    assert await models.MileageDetail.all().count() == 0


async def test_expense_update_cannot_change_the_amount_or_date_of_a_mileage_expense(
    fleet: Fleet,
) -> None:
    created = await record(fleet.alice, fleet.car, date(2026, 5, 2), "100")
    expense_id = created["expense"]["id"]
    base = {"date": "2026-05-02", "categoryId": encode_id("Category", fleet.mileage.id),
            "amount": "45.00", "currency": "GBP"}  # fmt: skip

    async def update(**changes: str) -> dict:
        result = await execute(
            EXPENSE_UPDATE, {"input": {"id": expense_id, "expense": base | changes}},
            viewer=viewer_for(fleet.alice),
        )  # fmt: skip
        return result.data["expenseUpdate"]

    assert (await update(amount="99.00"))["errors"] == [
        {"field": ["amount"], "code": "MILEAGE_AMOUNT_LOCKED"}
    ]
    assert (await update(date="2026-05-01"))["errors"] == [
        {"field": ["date"], "code": "MILEAGE_AMOUNT_LOCKED"}
    ]
    assert (await models.Expense.get()).amount_minor == 4500
    # everything else may change
    assert await update(description="Client visit") == {
        "expense": {"amount": {"amount": "45.00"}, "description": "Client visit"}, "errors": []
    }  # fmt: skip
    assert (await models.MileageDetail.get()).distance_hundredths == 10000


async def test_disabled_vehicles_and_categories(fleet: Fleet) -> None:
    created = await record(fleet.alice, fleet.car, date(2026, 5, 2), "10")
    await models.MileageVehicle.filter(id=fleet.car.id).update(is_enabled=False)
    refused = await record(fleet.alice, fleet.car, date(2026, 5, 3), "10")
    assert refused["errors"] == [
        {"field": ["vehicleId"], "code": "VEHICLE_DISABLED", "message": "This vehicle is disabled."}
    ]
    # an expense already recorded with it can still be corrected
    fixed = await execute(
        MILEAGE_EXPENSE_UPDATE,
        {"input": {"id": created["expense"]["id"],
                   "expense": {"trip": trip(fleet.car, date(2026, 5, 2), "12")}}},
        viewer=viewer_for(fleet.alice),
    )  # fmt: skip
    assert fixed.data["mileageExpenseUpdate"]["errors"] == []
    await models.Category.filter(id=fleet.mileage.id).update(is_enabled=False)
    blocked = await record(fleet.alice, fleet.motorcycle, date(2026, 5, 3), "10")
    assert [(dotted(e["field"]), e["code"]) for e in blocked["errors"]] == [
        ("vehicleId", "CATEGORY_DISABLED")
    ]
    assert await models.Expense.all().count() == 1


async def test_a_foreign_currency_rate_needs_an_exchange_rate(fleet: Fleet) -> None:
    bike = await models.MileageVehicle.create(org=fleet.org, name="E-bike", category=fleet.mileage)
    await make_rate(bike, date(2026, 1, 1), None, "0.30", unit=models.DistanceUnit.KM,
                    currency="EUR")  # fmt: skip
    missing = await record(fleet.alice, bike, date(2026, 5, 2), "20")
    assert [(dotted(e["field"]), e["code"]) for e in missing["errors"]] == [
        ("exchangeRate", "EXCHANGE_RATE_REQUIRED")
    ]
    done = await record(fleet.alice, bike, date(2026, 5, 2), "20", exchangeRate="0.85")
    assert done["expense"]["amount"] == {"amount": "6.00", "currency": "EUR"}
    assert done["expense"]["baseAmount"] == {"amount": "5.10"}


async def test_deleting_a_mileage_expense_removes_its_detail(fleet: Fleet) -> None:
    created = await record(fleet.alice, fleet.car, date(2026, 5, 2), "250")
    result = await execute(
        "mutation($input: ExpensesDeleteInput!) { expensesDelete(input: $input) { errors { code } } }",
        {"input": {"ids": [created["expense"]["id"]]}},
        viewer=viewer_for(fleet.alice),
    )
    assert result.data["expensesDelete"]["errors"] == []
    assert await models.MileageDetail.all().count() == 0
    assert await models.MileageLine.all().count() == 0
    # and its miles no longer count
    again = await record(fleet.alice, fleet.car, date(2026, 5, 3), "10")
    assert again["expense"]["mileage"]["distanceClaimedBefore"] == "0"


async def test_the_approver_reprices_with_the_owners_distance_and_links_stay(
    fleet: Fleet,
) -> None:
    approver = await make_user(fleet.org, email="boss@acme.example", role=models.UserRole.APPROVER)
    await record(fleet.alice, fleet.car, date(2026, 4, 10), "9950")
    await record(approver, fleet.car, date(2026, 4, 10), "50")  # the approver's own miles
    created = await record(fleet.alice, fleet.car, date(2026, 5, 2), "100")
    assert created["expense"]["amount"]["amount"] == "35.00"
    expense_id = created["expense"]["id"]
    # attendees and a merchant are set through the ordinary update
    linked = await execute(
        EXPENSE_UPDATE,
        {"input": {"id": expense_id, "expense": {
            "date": "2026-05-02", "categoryId": encode_id("Category", fleet.mileage.id),
            "amount": "35.00", "merchant": "Own car",
            "attendeeUserIds": [encode_id("User", fleet.bob.id)]}}},
        viewer=viewer_for(fleet.alice),
    )  # fmt: skip
    assert linked.data["expenseUpdate"]["errors"] == []
    report = await make_report(fleet.alice, status=models.ReportStatus.SUBMITTED, approver=approver)
    await models.Expense.filter(user_id=fleet.alice.id).update(report_id=report.id)
    changed = await execute(
        MILEAGE_EXPENSE_UPDATE,
        {"input": {"id": expense_id,
                   "expense": {"trip": trip(fleet.car, date(2026, 5, 2), "60")}}},
        viewer=viewer_for(approver),
    )  # fmt: skip
    payload = changed.data["mileageExpenseUpdate"]
    assert payload["errors"] == []
    assert payload["expense"]["mileage"]["distanceClaimedBefore"] == "9950"
    # the owner's 9,950 miles count, the approver's own 50 do not
    assert _lines(payload) == [("50", "0.45", "22.50"), ("10", "0.25", "2.50")]
    detail = await models.MileageDetail.get(distance_hundredths=6000)
    stored = await models.Expense.get(id=detail.expense_id)
    assert (stored.user_id, stored.merchant, stored.amount_minor) == (
        fleet.alice.id,
        "Own car",
        2500,
    )
    attendees = await models.ExpenseAttendee.filter(expense_id=stored.id)
    assert [a.user_id for a in attendees] == [fleet.bob.id]
