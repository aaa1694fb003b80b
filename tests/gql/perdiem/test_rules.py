"""Incidentals floor, time-of-day bands and partial-day amounts through GraphQL: configuration
(admins), refusals that change nothing, perDiemCalculate, and perDiemRecord + perDiemUpdate
storing the new breakdown."""

from __future__ import annotations

from datetime import date
from typing import Any

from gql.errors import field_path
from gql.ids import encode_id
from orm import models
from resolvers.perdiem.presets import PerDiemPreset
from tests.conftest import execute
from tests.factories import viewer_for
from tests.gql.perdiem.conftest import HAWAII_BANDS, World, make_policy

RULES = """
rules { tiers { minHours share } firstLastDayShare incidentalsFloor
        timeBands { startsAfter endsAt share } }
"""
POLICY_CREATE = f"""
mutation($input: PerDiemPolicyCreateInput!) {{
  perDiemPolicyCreate(input: $input) {{ policy {{ id {RULES} }} errors {{ field code }} }}
}}
"""
POLICY_UPDATE = f"""
mutation($input: PerDiemPolicyUpdateInput!) {{
  perDiemPolicyUpdate(input: $input) {{ policy {{ id {RULES} }} errors {{ field code }} }}
}}
"""
LOAD_PRESET = f"""
mutation($input: PerDiemPolicyLoadPresetInput!) {{
  perDiemPolicyLoadPreset(input: $input) {{ policy {{ {RULES} }} errors {{ field code }} }}
}}
"""
RATE = """
rate { id fullDay { amount currency } dinner { amount } incidentals { amount currency }
       partialDay { amount currency } }
errors { field code }
"""
RATE_CREATE = f"""
mutation($input: PerDiemRateCreateInput!) {{ perDiemRateCreate(input: $input) {{ {RATE} }} }}
"""
RATE_UPDATE = f"""
mutation($input: PerDiemRateUpdateInput!) {{ perDiemRateUpdate(input: $input) {{ {RATE} }} }}
"""
DAY = "date share gross { amount } deductions { amount } amount { amount currency }"
CALCULATE = f"""
query($input: PerDiemCalculateInput!) {{
  perDiemCalculate(input: $input) {{ days {{ {DAY} }} errors {{ field code }} }}
}}
"""
PER_DIEM = (
    f"expense {{ id date amount {{ amount currency }} baseAmount {{ amount }} }} day {{ {DAY} }}"
)
RECORD = f"""
mutation($input: PerDiemRecordInput!) {{
  perDiemRecord(input: $input) {{ perDiems {{ {PER_DIEM} }} errors {{ field code }} }}
}}
"""
UPDATE = f"""
mutation($input: PerDiemUpdateInput!) {{
  perDiemUpdate(input: $input) {{ perDiem {{ {PER_DIEM} }} errors {{ field code }} }}
}}
"""
US_RATE = {"currency": "USD", "full_day_minor": 7900, "breakfast_minor": 1800,
           "lunch_minor": 2000, "dinner_minor": 3600, "incidentals_minor": 500}  # fmt: skip


def gid(kind: str, pk: int) -> str:
    return encode_id(kind, pk)


async def _policy_for_alice(
    world: World, preset: PerDiemPreset, name: str, **rate: Any
) -> models.PerDiemLocation:
    """A policy on ``preset`` with one location of that name and rate, assigned to Alice."""
    policy = await make_policy(world.org, name, preset)
    location = await models.PerDiemLocation.create(org=world.org, policy=policy, name=name)
    await models.PerDiemRate.create(org=world.org, location=location,
                                    effective_from=date(2020, 1, 1), **rate)  # fmt: skip
    await models.PerDiemAssignment.filter(user_id=world.alice.id).update(policy_id=policy.id)
    return location


def _trip(location: models.PerDiemLocation, leaves: str, returns: str, **changes: Any) -> Any:
    """14 January at ``leaves`` to 16 January at ``returns``."""
    return {
        "mode": "TRIP", "departureLocationId": gid("PerDiemLocation", location.id),
        "departureDate": "2026-01-14", "departureTime": leaves,
        "arrivalLocationId": gid("PerDiemLocation", location.id),
        "arrivalDate": "2026-01-16", "arrivalTime": returns,
    } | changes  # fmt: skip


def _day(when: str, share: str, gross: str, deductions: str, amount: str, currency: str) -> Any:
    return {"date": when, "share": share, "gross": {"amount": gross},
            "deductions": {"amount": deductions},
            "amount": {"amount": amount, "currency": currency}}  # fmt: skip


async def _calculate(world: World, trip: dict[str, Any]) -> Any:
    result = await execute(CALCULATE, {"input": {"trip": trip}}, viewer=viewer_for(world.alice))
    assert result.errors is None
    return result.data["perDiemCalculate"]


async def test_admin_sets_bands_and_the_floor_and_loads_the_presets(world: World) -> None:
    admin = viewer_for(world.admin)
    rules = {"tiers": [{"minHours": "24", "share": "1"}], "incidentalsFloor": True,
             "timeBands": [HAWAII_BANDS[2], HAWAII_BANDS[0], HAWAII_BANDS[3], HAWAII_BANDS[1]]}  # fmt: skip
    created = await execute(POLICY_CREATE, {"input": {"name": "Islands", "rules": rules}},
                            viewer=admin)  # fmt: skip
    payload = created.data["perDiemPolicyCreate"]
    assert payload["errors"] == []
    policy_id = payload["policy"]["id"]
    assert payload["policy"]["rules"] == {
        "tiers": [{"minHours": "24", "share": "1"}], "firstLastDayShare": None,
        "incidentalsFloor": True, "timeBands": HAWAII_BANDS,  # kept in order of time
    }  # fmt: skip
    expected = {
        "HAWAII": (False, HAWAII_BANDS, [{"minHours": "24", "share": "1"}], None),
        "US_FEDERAL": (True, [], [{"minHours": "12", "share": "0.75"},
                                  {"minHours": "24", "share": "1"}], "0.75"),
        "GERMANY": (False, [], [{"minHours": "8", "share": "0.5"},
                                {"minHours": "24", "share": "1"}], "0.5"),
    }  # fmt: skip
    for preset, (floor, bands, tiers, edge) in expected.items():
        loaded = await execute(LOAD_PRESET, {"input": {"id": policy_id, "preset": preset}},
                               viewer=admin)  # fmt: skip
        assert loaded.data["perDiemPolicyLoadPreset"]["policy"]["rules"] == {
            "tiers": tiers, "firstLastDayShare": edge, "incidentalsFloor": floor,
            "timeBands": bands,
        }, preset  # fmt: skip
    policy = await models.PerDiemPolicy.get(name="Islands")
    assert await models.PerDiemTimeBand.filter(policy_id=policy.id).count() == 0
    # rules given again without the new fields switch them off
    updated = await execute(POLICY_UPDATE, {"input": {"id": policy_id, "rules": rules}},
                            viewer=admin)  # fmt: skip
    assert updated.data["perDiemPolicyUpdate"]["policy"]["rules"]["timeBands"] == HAWAII_BANDS
    cleared = await execute(POLICY_UPDATE, {"input": {"id": policy_id, "rules": {"tiers": []}}},
                            viewer=admin)  # fmt: skip
    assert cleared.data["perDiemPolicyUpdate"]["policy"]["rules"] == {
        "tiers": [], "firstLastDayShare": None, "incidentalsFloor": False, "timeBands": [],
    }  # fmt: skip


async def test_rates_with_incidentals_and_a_partial_day_amount(world: World) -> None:
    admin = viewer_for(world.admin)
    chicago = await models.PerDiemLocation.create(org=world.org, policy=world.policy,
                                                  name="Chicago")  # fmt: skip
    rate = {"locationId": gid("PerDiemLocation", chicago.id), "currency": "USD",
            "fullDay": "79", "breakfast": "18", "lunch": "20", "dinner": "36",
            "incidentals": "5", "partialDay": "59.25", "effectiveFrom": "2026-01-01"}  # fmt: skip
    created = await execute(RATE_CREATE, {"input": rate}, viewer=admin)
    payload = created.data["perDiemRateCreate"]
    assert payload["errors"] == []
    assert {key: payload["rate"][key] for key in ("incidentals", "partialDay", "dinner")} == {
        "incidentals": {"amount": "5.00", "currency": "USD"},
        "partialDay": {"amount": "59.25", "currency": "USD"}, "dinner": {"amount": "36.00"},
    }  # fmt: skip
    row = await models.PerDiemRate.get(location_id=chicago.id)
    assert (row.incidentals_minor, row.partial_day_minor) == (500, 5925)
    changes = {"dinner": "41", "incidentals": None, "partialDay": None}
    update = {k: v for k, v in rate.items() if k != "locationId"} | changes
    updated = await execute(RATE_UPDATE, {"input": update | {"id": payload["rate"]["id"]}},
                            viewer=admin)  # fmt: skip
    assert updated.data["perDiemRateUpdate"]["errors"] == []
    await row.refresh_from_db()
    assert (row.dinner_minor, row.incidentals_minor, row.partial_day_minor) == (4100, None, None)
    # refusals write nothing
    for bad, field, code in [
        ({"dinner": "41"}, "breakfast", "COMPONENTS_MISMATCH"),  # 18 + 20 + 41 + 5 is not 79
        ({"breakfast": None, "lunch": None, "dinner": None, "incidentals": "80"}, "incidentals",
         "COMPONENTS_MISMATCH"),
        ({"partialDay": "79.01"}, "partialDay", "INVALID_AMOUNT"),
        ({"partialDay": "0"}, "partialDay", "INVALID_AMOUNT"),
        ({"incidentals": "5.001"}, "incidentals", "INVALID_AMOUNT"),
    ]:  # fmt: skip
        refused = await execute(RATE_CREATE, {"input": rate | bad | {"effectiveFrom": "2020-01-01",
                                                                     "effectiveTo": "2020-12-31"}},
                                viewer=admin)  # fmt: skip
        assert refused.data["perDiemRateCreate"] == {
            "rate": None, "errors": [{"field": field_path(field), "code": code}]
        }, bad  # fmt: skip
    assert await models.PerDiemRate.filter(location_id=chicago.id).count() == 1


async def test_calculate_us_day_keeps_the_incidentals(world: World) -> None:
    chicago = await _policy_for_alice(world, PerDiemPreset.US_FEDERAL, "Chicago", **US_RATE)
    trip = _trip(chicago, "09:00:00", "17:00:00", arrivalDate="2026-01-15",
                 meals=[{"date": "2026-01-14", "breakfast": True, "lunch": True,
                         "dinner": True}])  # fmt: skip
    assert await _calculate(world, trip) == {
        "days": [
            # 75 % of 79 = 59.25; every meal at full value would leave nothing: it keeps 5.00
            _day("2026-01-14", "0.75", "59.25", "54.25", "5.00", "USD"),
            _day("2026-01-15", "0.75", "59.25", "0.00", "59.25", "USD"),
        ],
        "errors": [],
    }  # fmt: skip


async def test_calculate_hawaii_bands(world: World) -> None:
    honolulu = await _policy_for_alice(world, PerDiemPreset.HAWAII, "Honolulu", currency="USD",
                                       full_day_minor=10000)  # fmt: skip
    days = (await _calculate(world, _trip(honolulu, "07:30:00", "17:00:00")))["days"]
    assert days == [
        _day("2026-01-14", "0.75", "75.00", "0.00", "75.00", "USD"),  # left 06:01-12:00
        _day("2026-01-15", "1", "100.00", "0.00", "100.00", "USD"),
        _day("2026-01-16", "0.75", "75.00", "0.00", "75.00", "USD"),  # back 12:01-18:00
    ]  # fmt: skip
    late = await _calculate(world, _trip(honolulu, "18:01:00", "06:00:00"))
    assert [d["share"] for d in late["days"]] == ["0.25", "1", "0.25"]
    one_date = _trip(honolulu, "07:30:00", "10:00:00", arrivalDate="2026-01-14")
    assert [d["share"] for d in (await _calculate(world, one_date))["days"]] == ["0.5"]


async def test_calculate_bmf_partial_day_amount(world: World) -> None:
    paris = await _policy_for_alice(world, PerDiemPreset.GERMANY, "Paris", currency="EUR",
                                    full_day_minor=3900, partial_day_minor=2600)  # fmt: skip
    trip = _trip(paris, "09:00:00", "17:00:00",
                 meals=[{"date": "2026-01-16", "breakfast": True}])  # fmt: skip
    assert (await _calculate(world, trip))["days"] == [
        _day("2026-01-14", "0.5", "26.00", "0.00", "26.00", "EUR"),  # not 19.50
        _day("2026-01-15", "1", "39.00", "0.00", "39.00", "EUR"),
        # breakfast: 20 % of the full-day 39.00
        _day("2026-01-16", "0.5", "26.00", "7.80", "18.20", "EUR"),
    ]  # fmt: skip


async def test_record_and_update_store_the_floored_breakdown(world: World) -> None:
    chicago = await _policy_for_alice(world, PerDiemPreset.US_FEDERAL, "Chicago", **US_RATE)
    every_meal = [{"date": "2026-01-14", "breakfast": True, "lunch": True, "dinner": True}]
    trip = _trip(chicago, "09:00:00", "17:00:00", meals=every_meal)
    recorded = await execute(
        RECORD, {"input": {"trip": trip, "dates": ["2026-01-14"],
                           "exchangeRates": [{"currency": "USD", "rate": "0.9"}]}},
        viewer=viewer_for(world.alice),
    )  # fmt: skip
    payload = recorded.data["perDiemRecord"]
    assert payload["errors"] == []
    [per_diem] = payload["perDiems"]
    assert per_diem["day"] == _day("2026-01-14", "0.75", "59.25", "54.25", "5.00", "USD")
    assert (per_diem["expense"]["amount"], per_diem["expense"]["baseAmount"]) == (
        {"amount": "5.00", "currency": "USD"}, {"amount": "4.50"}
    )  # fmt: skip
    detail = await models.PerDiemDetail.get(expense__user_id=world.alice.id)
    assert detail.breakdown is not None
    assert [detail.breakdown[k] for k in ("gross_minor", "deductions_minor", "amount_minor")] == [
        5925, 5425, 500
    ]  # fmt: skip
    # only breakfast was provided after all: 59.25 - 18.00, above the floor
    changed = _trip(chicago, "09:00:00", "17:00:00",
                    meals=[{"date": "2026-01-14", "breakfast": True}])  # fmt: skip
    updated = await execute(UPDATE, {"input": {"id": per_diem["expense"]["id"], "trip": changed}},
                            viewer=viewer_for(world.alice))  # fmt: skip
    again = updated.data["perDiemUpdate"]
    assert again["errors"] == []
    assert again["perDiem"]["day"] == _day("2026-01-14", "0.75", "59.25", "18.00", "41.25", "USD")
    assert again["perDiem"]["expense"]["baseAmount"] == {"amount": "37.13"}  # rate kept
    after = await models.PerDiemDetail.get(expense__user_id=world.alice.id)
    assert after.id == detail.id and after.breakdown is not None
    assert (after.breakdown["deductions_minor"], after.breakdown["amount_minor"]) == (1800, 4125)


async def test_record_and_update_under_bands_with_a_partial_day_amount(world: World) -> None:
    honolulu = await _policy_for_alice(world, PerDiemPreset.HAWAII, "Honolulu", currency="EUR",
                                       full_day_minor=10000, partial_day_minor=6000)  # fmt: skip
    recorded = await execute(
        RECORD, {"input": {"trip": _trip(honolulu, "07:30:00", "17:00:00"),
                           "dates": ["2026-01-14", "2026-01-15"]}},
        viewer=viewer_for(world.alice),
    )  # fmt: skip
    payload = recorded.data["perDiemRecord"]
    assert payload["errors"] == []
    assert [p["day"] for p in payload["perDiems"]] == [
        _day("2026-01-14", "0.75", "60.00", "0.00", "60.00", "EUR"),  # 3/4 day: partial amount
        _day("2026-01-15", "1", "100.00", "0.00", "100.00", "EUR"),
    ]  # fmt: skip
    first_id = payload["perDiems"][0]["expense"]["id"]
    # leaving at 05:00 instead makes the first day a full day
    earlier = _trip(honolulu, "05:00:00", "17:00:00")
    updated = await execute(UPDATE, {"input": {"id": first_id, "trip": earlier}},
                            viewer=viewer_for(world.alice))  # fmt: skip
    assert updated.data["perDiemUpdate"]["perDiem"]["day"] == _day(
        "2026-01-14", "1", "100.00", "0.00", "100.00", "EUR"
    )
    expense = await models.Expense.get(user_id=world.alice.id, date=date(2026, 1, 14))
    detail = await models.PerDiemDetail.get(expense_id=expense.id)
    assert expense.amount_minor == 10000 and detail.breakdown is not None
    assert (detail.breakdown["share"], detail.breakdown["gross_minor"]) == ("1", 10000)
    assert detail.inputs is not None and detail.inputs["departure_time"] == "05:00:00"
    assert await models.Expense.filter(user_id=world.alice.id).count() == 2
