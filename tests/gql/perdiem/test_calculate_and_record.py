"""perDiemCalculate (nothing saved), perDiemRecord (one expense per ticked day, breakdown kept),
perDiemUpdate (recalculated in place) and expenseUpdate refusing per diem expenses."""

from __future__ import annotations

from datetime import date
from typing import Any

from gql.ids import encode_id
from orm import models
from tests.conftest import dotted, execute
from tests.factories import viewer_for
from tests.gql.perdiem.conftest import World

DAY_FIELDS = """
date locationName hours rate { amount currency } share gross { amount } deductions { amount }
amount { amount currency } meals { breakfast lunch dinner } isFirstOrLast
"""
CALCULATE = f"""
query($input: PerDiemCalculateInput!) {{
  perDiemCalculate(input: $input) {{ days {{ {DAY_FIELDS} }} errors {{ field message code }} }}
}}
"""
PER_DIEM_FIELDS = f"""
expense {{ id date amount {{ amount currency }} baseAmount {{ amount currency }} exchangeRate
          merchant description category {{ name }} status }}
day {{ {DAY_FIELDS} }}
trip {{ mode departureDate departureTime arrivalDate arrivalTime }}
policy {{ name }}
"""
RECORD = f"""
mutation($input: PerDiemRecordInput!) {{
  perDiemRecord(input: $input) {{ perDiems {{ {PER_DIEM_FIELDS} }} errors {{ field code }} }}
}}
"""
UPDATE = f"""
mutation($input: PerDiemUpdateInput!) {{
  perDiemUpdate(input: $input) {{ perDiem {{ {PER_DIEM_FIELDS} }} errors {{ field code }} }}
}}
"""
EXPENSE = f"query($id: ID!) {{ perDiemExpense(id: $id) {{ {PER_DIEM_FIELDS} }} }}"


def trip(world: World, **changes: Any) -> dict[str, Any]:
    """Berlin 30 Dec 2025 10:00 to Munich 2 Jan 2026 15:00, breakfast provided on 1 January."""
    return {
        "mode": "TRIP",
        "departureLocationId": encode_id("PerDiemLocation", world.berlin.id),
        "departureDate": "2025-12-30", "departureTime": "10:00:00",
        "arrivalLocationId": encode_id("PerDiemLocation", world.munich.id),
        "arrivalDate": "2026-01-02", "arrivalTime": "15:00:00",
        "meals": [{"date": "2026-01-01", "breakfast": True}],
    } | changes  # fmt: skip


def day(
    when: str, where: str, hours: str, rate: str, share: str, gross: str, deductions: str,
    amount: str, meals: tuple[bool, bool, bool] = (False, False, False), edge: bool = False,
) -> dict[str, Any]:  # fmt: skip
    return {
        "date": when, "locationName": where, "hours": hours,
        "rate": {"amount": rate, "currency": "EUR"}, "share": share, "gross": {"amount": gross},
        "deductions": {"amount": deductions}, "amount": {"amount": amount, "currency": "EUR"},
        "meals": dict(zip(("breakfast", "lunch", "dinner"), meals, strict=True)),
        "isFirstOrLast": edge,
    }  # fmt: skip


TRIP_DAYS = [
    day("2025-12-30", "Berlin", "14", "28.00", "0.5", "14.00", "0.00", "14.00", edge=True),
    day("2025-12-31", "Munich", "24", "24.00", "1", "24.00", "0.00", "24.00"),
    # a new Munich rate from 1 January; breakfast takes 20 % of that day's full rate
    day("2026-01-01", "Munich", "24", "30.00", "1", "30.00", "6.00", "24.00",
        meals=(True, False, False)),
    day("2026-01-02", "Munich", "15", "30.00", "0.5", "15.00", "0.00", "15.00", edge=True),
]  # fmt: skip


async def test_calculate_a_trip_saves_nothing(world: World) -> None:
    result = await execute(CALCULATE, {"input": {"trip": trip(world)}},
                           viewer=viewer_for(world.alice))  # fmt: skip
    assert result.data["perDiemCalculate"] == {"days": TRIP_DAYS, "errors": []}
    assert await models.Expense.all().count() == 0
    assert await models.PerDiemDetail.all().count() == 0


async def test_calculate_individual_days(world: World) -> None:
    individual = {
        "mode": "INDIVIDUAL_DAYS", "locationId": encode_id("PerDiemLocation", world.berlin.id),
        "firstDate": "2026-01-14", "lastDate": "2026-01-17", "startTime": "08:00:00",
        "endTime": "17:00:00",
        "meals": [{"date": "2026-01-15", "lunch": True, "dinner": True}],
    }  # fmt: skip
    result = await execute(CALCULATE, {"input": {"trip": individual}},
                           viewer=viewer_for(world.alice))  # fmt: skip
    assert result.data["perDiemCalculate"]["days"] == [
        day("2026-01-14", "Berlin", "9", "28.00", "0.5", "14.00", "0.00", "14.00"),
        # lunch and dinner (22.40) would take more than the day earns: it stops at zero
        day("2026-01-15", "Berlin", "9", "28.00", "0.5", "14.00", "14.00", "0.00",
            meals=(False, True, True)),
        day("2026-01-16", "Berlin", "9", "28.00", "0.5", "14.00", "0.00", "14.00"),
        day("2026-01-17", "Berlin", "9", "28.00", "0.5", "14.00", "0.00", "14.00"),
    ]  # fmt: skip
    eight = individual | {"startTime": "09:00:00", "meals": []}  # exactly 8 h: not more than 8
    none = await execute(CALCULATE, {"input": {"trip": eight}}, viewer=viewer_for(world.alice))
    days = none.data["perDiemCalculate"]["days"]
    assert [(d["hours"], d["share"], d["amount"]["amount"]) for d in days] == [
        ("8", "0", "0.00")
    ] * 4


async def test_calculate_refusals(world: World) -> None:
    alice = viewer_for(world.alice)
    cases = [
        (trip(world, departureTime=None), alice,
         [("trip.departureTime", "This field is required.", "REQUIRED")]),
        (trip(world, arrivalDate="2025-12-29"), alice,
         [("trip", "The arrival must come after the departure.", "INVALID_DATE_RANGE")]),
        (trip(world, departureDate="2019-06-01", arrivalDate="2019-06-02", meals=[]), alice,
         [("trip", "Berlin has no rate on 2019-06-01.", "PER_DIEM_NO_RATE")]),
        (trip(world, arrivalLocationId=encode_id("PerDiemLocation", world.other_location.id)),
         alice, [("trip.arrivalLocationId", "No such location in your per diem policy.",
                  "NOT_FOUND")]),
        (trip(world, meals=[{"date": "2026-02-01", "dinner": True}]), alice,
         [("trip.meals.0.date", "Give meals once per day of the trip.", "DAY_NOT_IN_TRIP")]),
        (trip(world, arrivalDate="2026-06-01"), alice,
         [("trip", "At most 100 days.", "TOO_MANY_ITEMS")]),
        (trip(world), viewer_for(world.bob),
         [(None, "You have no per diem policy; ask an admin to assign one.",
           "PER_DIEM_NO_POLICY")]),
    ]  # fmt: skip
    for value, viewer, expected in cases:
        result = await execute(CALCULATE, {"input": {"trip": value}}, viewer=viewer)
        payload = result.data["perDiemCalculate"]
        assert payload["days"] == []
        assert [
            (dotted(e["field"]), e["message"], e["code"]) for e in payload["errors"]
        ] == expected


async def test_record_ticked_days_keeps_the_breakdown(world: World) -> None:
    result = await execute(
        RECORD, {"input": {"trip": trip(world), "dates": ["2025-12-30", "2026-01-01"]}},
        viewer=viewer_for(world.alice),
    )  # fmt: skip
    payload = result.data["perDiemRecord"]
    assert payload["errors"] == []
    expenses = [p["expense"] for p in payload["perDiems"]]
    assert [(e["date"], e["amount"], e["baseAmount"], e["merchant"], e["category"], e["status"])
            for e in expenses] == [
        ("2025-12-30", {"amount": "14.00", "currency": "EUR"},
         {"amount": "14.00", "currency": "EUR"}, "Berlin", {"name": "Per Diem"}, "UNREPORTED"),
        ("2026-01-01", {"amount": "24.00", "currency": "EUR"},
         {"amount": "24.00", "currency": "EUR"}, "Munich", {"name": "Per Diem"}, "UNREPORTED"),
    ]  # fmt: skip
    assert [p["day"] for p in payload["perDiems"]] == [TRIP_DAYS[0], TRIP_DAYS[2]]
    assert payload["perDiems"][0]["trip"] == {
        "mode": "TRIP", "departureDate": "2025-12-30", "departureTime": "10:00:00",
        "arrivalDate": "2026-01-02", "arrivalTime": "15:00:00",
    }  # fmt: skip
    assert payload["perDiems"][0]["policy"] == {"name": "Germany"}
    rows = await models.Expense.filter(user_id=world.alice.id).order_by("date")
    assert [(r.amount_minor, r.base_amount_minor, r.currency) for r in rows] == [
        (1400, 1400, "EUR"), (2400, 2400, "EUR")
    ]  # fmt: skip
    assert await models.Category.filter(org_id=world.org.id, name="Per Diem").count() == 1
    stored = await models.PerDiemDetail.get(expense_id=rows[1].id)
    assert stored.breakdown is not None and stored.breakdown["deductions_minor"] == 600
    assert stored.breakdown["share"] == "1" and stored.breakdown["rate_minor"] == 3000
    # read back through the query
    again = await execute(EXPENSE, {"id": expenses[1]["id"]}, viewer=viewer_for(world.alice))
    assert again.data["perDiemExpense"]["day"] == TRIP_DAYS[2]
    # a second recording reuses the category
    await execute(RECORD, {"input": {"trip": trip(world), "dates": ["2025-12-31"]}},
                  viewer=viewer_for(world.alice))  # fmt: skip
    assert await models.Category.filter(org_id=world.org.id, name="Per Diem").count() == 1


async def test_record_refusals_write_nothing(world: World) -> None:
    zero_day = trip(world, meals=[{"date": "2025-12-30", "lunch": True, "dinner": True}])
    future = {
        "mode": "INDIVIDUAL_DAYS", "locationId": encode_id("PerDiemLocation", world.berlin.id),
        "firstDate": "2099-01-01", "lastDate": "2099-01-01", "startTime": "08:00:00",
        "endTime": "20:00:00",
    }  # fmt: skip
    cases = [
        ({"trip": zero_day, "dates": ["2025-12-30", "2025-12-31"]},
         [{"field": ["dates", "0"], "code": "INVALID_AMOUNT"}]),
        ({"trip": trip(world), "dates": ["2025-12-31", "2026-01-05"]},
         [{"field": ["dates", "1"], "code": "DAY_NOT_IN_TRIP"}]),
        ({"trip": trip(world), "dates": []}, [{"field": ["dates"], "code": "REQUIRED"}]),
        ({"trip": trip(world), "dates": ["2025-12-31", "2025-12-31"]},
         [{"field": ["dates"], "code": "REQUIRED"}]),
        ({"trip": future, "dates": ["2099-01-01"]},
         [{"field": ["dates", "0"], "code": "DATE_IN_FUTURE"}]),
    ]  # fmt: skip
    for value, errors in cases:
        result = await execute(RECORD, {"input": value}, viewer=viewer_for(world.alice))
        assert result.data["perDiemRecord"] == {"perDiems": [], "errors": errors}
    assert await models.Expense.all().count() == 0
    assert await models.PerDiemDetail.all().count() == 0


async def test_a_foreign_currency_day_needs_an_exchange_rate(world: World) -> None:
    york = await models.PerDiemLocation.create(org=world.org, policy=world.policy, name="New York")
    await models.PerDiemRate.create(org=world.org, location=york, currency="USD",
                                    full_day_minor=7900, effective_from=date(2020, 1, 1))  # fmt: skip
    value = {
        "mode": "INDIVIDUAL_DAYS", "locationId": encode_id("PerDiemLocation", york.id),
        "firstDate": "2026-03-02", "lastDate": "2026-03-02", "startTime": "00:00:00",
        "endTime": "23:59:00",
    }  # fmt: skip
    missing = await execute(RECORD, {"input": {"trip": value, "dates": ["2026-03-02"]}},
                            viewer=viewer_for(world.alice))  # fmt: skip
    assert missing.data["perDiemRecord"]["errors"] == [
        {"field": ["exchangeRates"], "code": "EXCHANGE_RATE_REQUIRED"}
    ]
    recorded = await execute(
        RECORD, {"input": {"trip": value, "dates": ["2026-03-02"],
                           "exchangeRates": [{"currency": "usd", "rate": "0.9235"}]}},
        viewer=viewer_for(world.alice),
    )  # fmt: skip
    expense = recorded.data["perDiemRecord"]["perDiems"][0]["expense"]
    # 79.00 USD x 0.9235 = 72.9565 EUR, rounded half up
    assert (expense["amount"], expense["baseAmount"], expense["exchangeRate"]) == (
        {"amount": "79.00", "currency": "USD"}, {"amount": "72.96", "currency": "EUR"}, "0.9235"
    )  # fmt: skip


async def _record_new_years_day(world: World) -> str:
    result = await execute(RECORD, {"input": {"trip": trip(world), "dates": ["2026-01-01"]}},
                           viewer=viewer_for(world.alice))  # fmt: skip
    return str(result.data["perDiemRecord"]["perDiems"][0]["expense"]["id"])


async def test_update_recalculates_the_same_expense_in_place(world: World) -> None:
    expense_id = await _record_new_years_day(world)
    before = await models.Expense.get(user_id=world.alice.id)
    detail_before = await models.PerDiemDetail.get(expense_id=before.id)
    # no breakfast after all, and dinner provided instead; the admin also raised the rate
    await models.PerDiemRate.filter(location_id=world.munich.id, full_day_minor=3000).update(
        full_day_minor=3200
    )
    changed = trip(world, meals=[{"date": "2026-01-01", "dinner": True}])
    result = await execute(UPDATE, {"input": {"id": expense_id, "trip": changed,
                                              "description": "Customer workshop"}},
                           viewer=viewer_for(world.alice))  # fmt: skip
    payload = result.data["perDiemUpdate"]
    assert payload["errors"] == []
    assert payload["perDiem"]["expense"]["id"] == expense_id
    assert payload["perDiem"]["expense"]["description"] == "Customer workshop"
    assert payload["perDiem"]["day"] == day(
        "2026-01-01", "Munich", "24", "32.00", "1", "32.00", "12.80", "19.20",
        meals=(False, False, True),
    )  # fmt: skip
    after = await models.Expense.get(user_id=world.alice.id)
    detail_after = await models.PerDiemDetail.get(expense_id=after.id)
    assert (after.id, after.amount_minor, after.base_amount_minor) == (before.id, 1920, 1920)
    assert detail_after.id == detail_before.id
    assert await models.Expense.all().count() == 1 and await models.PerDiemDetail.all().count() == 1
    # the trip moved: the expense becomes another day of it, chosen explicitly
    moved = trip(world, departureDate="2026-01-05", arrivalDate="2026-01-07", meals=[])
    refused = await execute(UPDATE, {"input": {"id": expense_id, "trip": moved}},
                            viewer=viewer_for(world.alice))  # fmt: skip
    assert refused.data["perDiemUpdate"]["errors"] == [
        {"field": ["day"], "code": "DAY_NOT_IN_TRIP"}
    ]
    assert (await models.Expense.get(id=after.id)).amount_minor == 1920
    repointed = await execute(UPDATE, {"input": {"id": expense_id, "trip": moved,
                                                 "day": "2026-01-06"}},
                              viewer=viewer_for(world.alice))  # fmt: skip
    expense = repointed.data["perDiemUpdate"]["perDiem"]["expense"]
    assert (expense["id"], expense["date"], expense["amount"]["amount"]) == (
        expense_id, "2026-01-06", "32.00"
    )  # fmt: skip


async def test_the_ordinary_expense_update_refuses_a_per_diem(world: World) -> None:
    expense_id = await _record_new_years_day(world)
    category = await models.Category.get(org_id=world.org.id, name="Per Diem")
    result = await execute(
        "mutation($input: ExpenseUpdateInput!) { expenseUpdate(input: $input) "
        "{ expense { id } errors { field code } } }",
        {"input": {"id": expense_id, "expense": {
            "date": "2026-01-01", "categoryId": encode_id("Category", category.id),
            "amount": "999.00", "currency": "EUR"}}},
        viewer=viewer_for(world.alice),
    )  # fmt: skip
    assert result.data["expenseUpdate"] == {
        "expense": None, "errors": [{"field": ["id"], "code": "PER_DIEM_EXPENSE"}]
    }  # fmt: skip
    assert (await models.Expense.get(user_id=world.alice.id)).amount_minor == 2400


async def test_update_follows_the_expense_edit_rules(world: World) -> None:
    expense_id = await _record_new_years_day(world)
    report = await models.Report.create(
        org=world.org, user=world.alice, number="ER-00001", name="Trip", approver=world.admin,
        start_date=date(2026, 1, 1), end_date=date(2026, 1, 2),
        status=models.ReportStatus.SUBMITTED,
    )  # fmt: skip
    await models.Expense.filter(user_id=world.alice.id).update(report_id=report.id)
    locked = await execute(UPDATE, {"input": {"id": expense_id, "trip": trip(world, meals=[])}},
                           viewer=viewer_for(world.alice))  # fmt: skip
    assert locked.data["perDiemUpdate"]["errors"] == [{"field": ["id"], "code": "EXPENSE_LOCKED"}]
    # its approver may correct it while it is submitted
    by_approver = await execute(
        UPDATE, {"input": {"id": expense_id, "trip": trip(world, meals=[])}},
        viewer=viewer_for(world.admin),
    )  # fmt: skip
    assert by_approver.data["perDiemUpdate"]["perDiem"]["expense"]["amount"]["amount"] == "30.00"
    ordinary = await models.Expense.create(
        org=world.org, user=world.alice, date=date(2026, 1, 3), amount_minor=500, currency="EUR",
        base_amount_minor=500, category=await models.Category.get(name="Per Diem"),
    )  # fmt: skip
    not_per_diem = await execute(
        UPDATE, {"input": {"id": encode_id("Expense", ordinary.id), "trip": trip(world)}},
        viewer=viewer_for(world.alice),
    )  # fmt: skip
    assert not_per_diem.data["perDiemUpdate"]["errors"] == [{"field": ["id"], "code": "INVALID"}]


async def test_deleting_a_per_diem_takes_its_breakdown_along(world: World) -> None:
    expense_id = await _record_new_years_day(world)
    result = await execute(
        "mutation($ids: [ID!]!) { expensesDelete(input: {ids: $ids}) { deletedIds errors { code } } }",
        {"ids": [expense_id]}, viewer=viewer_for(world.alice),
    )  # fmt: skip
    assert result.data["expensesDelete"] == {"deletedIds": [expense_id], "errors": []}
    assert await models.PerDiemDetail.all().count() == 0


async def test_a_day_is_claimed_once(world: World) -> None:
    """A retried or overlapping perDiemRecord, or an update moving onto a claimed day, is
    refused and writes nothing."""
    first = await execute(RECORD, {"input": {"trip": trip(world),
                                             "dates": ["2025-12-30", "2026-01-01"]}},
                          viewer=viewer_for(world.alice))  # fmt: skip
    assert first.data["perDiemRecord"]["errors"] == []
    again = await execute(RECORD, {"input": {"trip": trip(world),
                                             "dates": ["2025-12-31", "2026-01-01"]}},
                          viewer=viewer_for(world.alice))  # fmt: skip
    assert again.data["perDiemRecord"] == {
        "perDiems": [],
        "errors": [{"field": ["dates", "1"], "code": "PER_DIEM_DAY_CLAIMED"}],
    }
    assert await models.Expense.filter(user_id=world.alice.id).count() == 2
    # moving the 30 December expense onto 1 January is refused too
    december = await models.Expense.get(user_id=world.alice.id, date="2025-12-30")
    moved = await execute(UPDATE, {"input": {"id": encode_id("Expense", december.id),
                                             "trip": trip(world), "day": "2026-01-01"}},
                          viewer=viewer_for(world.alice))  # fmt: skip
    assert moved.data["perDiemUpdate"]["errors"] == [
        {"field": ["day"], "code": "PER_DIEM_DAY_CLAIMED"}
    ]
    assert (await models.Expense.get(id=december.id)).date.isoformat() == "2025-12-30"


async def test_a_disabled_per_diem_category_is_respected(world: World) -> None:
    await models.Category.create(
        org_id=world.org.id, name="Daily allowance", is_enabled=False,
        kind=models.CategoryKind.PER_DIEM,
    )  # fmt: skip
    refused = await execute(RECORD, {"input": {"trip": trip(world), "dates": ["2026-01-01"]}},
                            viewer=viewer_for(world.alice))  # fmt: skip
    assert refused.data["perDiemRecord"]["errors"] == [{"field": None, "code": "CATEGORY_DISABLED"}]
    assert not await models.Expense.exists()
