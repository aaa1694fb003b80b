"""Who may configure mileage, and that nothing crosses organisations."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from gql.ids import encode_id
from orm import models
from tests.conftest import execute
from tests.factories import make_org, make_user, viewer_for
from tests.gql.mileage.conftest import Fleet, make_rate, record, trip

RATE = {"effectiveFrom": "2030-01-01", "unit": "KM", "ratePerUnit": "0.3"}
EARLIER = {"effectiveFrom": "2024-01-01", "effectiveTo": "2024-12-31", "unit": "KM",
           "ratePerUnit": "0.3"}  # fmt: skip

ADMIN_MUTATIONS = [
    ("mileageVehicleCreate", "MileageVehicleCreateInput", lambda f: {"name": "Truck"}),
    ("mileageVehicleUpdate", "MileageVehicleUpdateInput",
     lambda f: {"id": encode_id("MileageVehicle", f.car.id), "isEnabled": False}),
    ("mileageRateCreate", "MileageRateCreateInput",
     lambda f: {"vehicleId": encode_id("MileageVehicle", f.car.id), "rate": EARLIER}),
    ("mileageRateUpdate", "MileageRateUpdateInput",
     lambda f: {"id": encode_id("MileageRate", f.car_from_july.id), "rate": RATE}),
    ("mileageRateDelete", "MileageRateDeleteInput",
     lambda f: {"id": encode_id("MileageRate", f.car_from_july.id)}),
]  # fmt: skip


async def _snapshot() -> list[Any]:
    vehicles = await models.MileageVehicle.all().order_by("id").values_list("name", "is_enabled")
    rates = (
        await models.MileageRate.all()
        .order_by("id")
        .values_list("effective_from", "effective_to", "rate_per_unit")
    )
    slabs = await models.MileageSlab.all().count()
    return [vehicles, rates, slabs]


@pytest.mark.parametrize(("name", "input_type", "make_input"), ADMIN_MUTATIONS)
async def test_a_submitter_may_not_configure_mileage(
    fleet: Fleet, name: str, input_type: str, make_input: Any
) -> None:
    before = await _snapshot()
    document = (
        f"mutation($input: {input_type}!) {{ {name}(input: $input) {{ errors {{ code }} }} }}"
    )
    for user in (fleet.alice, fleet.bob):
        result = await execute(document, {"input": make_input(fleet)}, viewer=viewer_for(user))
        assert result.data is None
        assert [e.extensions["code"] for e in result.errors] == ["FORBIDDEN"]
    assert await _snapshot() == before
    # the same call by the admin goes through
    allowed = await execute(document, {"input": make_input(fleet)}, viewer=viewer_for(fleet.admin))
    assert allowed.data[name]["errors"] == []


async def test_anonymous_callers_see_nothing(fleet: Fleet) -> None:
    result = await execute("{ mileageVehicles { totalCount } }")
    assert [e.extensions["code"] for e in result.errors] == ["UNAUTHENTICATED"]


@pytest.fixture
async def other(fleet: Fleet) -> dict[str, Any]:
    """A second organisation with its own admin, submitter, vehicle and rate."""
    org = await make_org(name="Initech", base_currency="GBP")
    category = await models.Category.create(org=org, name="Mileage")
    van = await models.MileageVehicle.create(org=org, name="Van", category=category)
    return {
        "admin": await make_user(org, email="admin@initech.example", role=models.UserRole.ADMIN),
        "user": await make_user(org, email="peter@initech.example"),
        "van": van,
        "rate": await make_rate(van, date(2026, 1, 1), None, "0.40"),
    }


async def test_lists_stay_inside_the_organisation(fleet: Fleet, other: dict[str, Any]) -> None:
    mine = await execute(
        "{ mileageVehicles(includeDisabled: true) { nodes { name } } "
        "mileageRates(first: 100) { nodes { vehicle { name } } } }",
        viewer=viewer_for(other["admin"]),
    )
    assert mine.data == {
        "mileageVehicles": {"nodes": [{"name": "Van"}]},
        "mileageRates": {"nodes": [{"vehicle": {"name": "Van"}}]},
    }
    foreign_filter = await execute(
        "query($id: ID) { mileageRates(vehicleId: $id) { nodes { ratePerUnit } } }",
        {"id": encode_id("MileageVehicle", fleet.car.id)},
        viewer=viewer_for(other["admin"]),
    )
    assert foreign_filter.data == {"mileageRates": {"nodes": []}}


async def test_foreign_vehicles_rates_and_expenses_are_not_found(
    fleet: Fleet, other: dict[str, Any]
) -> None:
    admin_b, user_b = viewer_for(other["admin"]), viewer_for(other["user"])
    before = await _snapshot()
    car_id = encode_id("MileageVehicle", fleet.car.id)
    attempts = [
        ("mutation($i: MileageVehicleUpdateInput!) { mileageVehicleUpdate(input: $i) "
         "{ errors { field code } } }", {"id": car_id, "isEnabled": False}, admin_b),
        ("mutation($i: MileageRateCreateInput!) { mileageRateCreate(input: $i) "
         "{ errors { field code } } }", {"vehicleId": car_id, "rate": RATE}, admin_b),
        ("mutation($i: MileageRateUpdateInput!) { mileageRateUpdate(input: $i) "
         "{ errors { field code } } }",
         {"id": encode_id("MileageRate", fleet.car_from_july.id), "rate": RATE}, admin_b),
        ("mutation($i: MileageRateDeleteInput!) { mileageRateDelete(input: $i) "
         "{ errors { field code } } }",
         {"id": encode_id("MileageRate", fleet.car_until_june.id)}, admin_b),
        ("mutation($i: MileageExpenseCreateInput!) { mileageExpenseCreate(input: $i) "
         "{ errors { field code } } }",
         {"expense": {"trip": trip(fleet.car, date(2026, 5, 1), "10")}}, user_b),
    ]  # fmt: skip
    for document, value, viewer in attempts:
        result = await execute(document, {"i": value}, viewer=viewer)
        errors = next(iter(result.data.values()))["errors"]
        assert [e["code"] for e in errors] == ["NOT_FOUND"], document
    assert await _snapshot() == before
    assert await models.Expense.all().count() == 0
    # someone else's mileage expense: not previewable, not changeable
    created = await record(fleet.alice, fleet.car, date(2026, 5, 1), "10")
    expense_id = created["expense"]["id"]
    van_trip = trip(other["van"], date(2026, 5, 1), "10")
    preview = await execute(
        "query($i: MileageCalculateInput!) { mileageCalculate(input: $i) "
        "{ calculation { amount { amount } } errors { field code } } }",
        {"i": {"trip": van_trip, "expenseId": expense_id}},
        viewer=user_b,
    )
    assert preview.data["mileageCalculate"] == {
        "calculation": None, "errors": [{"field": ["expenseId"], "code": "NOT_FOUND"}]
    }  # fmt: skip
    update = await execute(
        "mutation($i: MileageExpenseUpdateInput!) { mileageExpenseUpdate(input: $i) "
        "{ errors { field code } } }",
        {"i": {"id": expense_id, "expense": {"trip": van_trip}}},
        viewer=admin_b,
    )
    assert update.data["mileageExpenseUpdate"]["errors"] == [{"field": ["id"], "code": "NOT_FOUND"}]
    assert (await models.MileageDetail.get()).vehicle_id == fleet.car.id


async def test_vehicle_rates_and_slabs_load_in_a_fixed_number_of_queries(
    fleet: Fleet, count_queries: Any
) -> None:
    for number in range(6):
        vehicle = await models.MileageVehicle.create(
            org=fleet.org, name=f"Pool car {number}", category=fleet.mileage
        )
        await make_rate(vehicle, date(2026, 1, 1), None, "0.4", ((5000, "0.2"), (9000, "0.1")))
    document = (
        "{ mileageVehicles(first: 100) { nodes { name category { name } "
        "rates { ratePerUnit vehicle { name } slabs { fromDistance } } } } }"
    )
    count_queries.statements.clear()
    result = await execute(document, viewer=viewer_for(fleet.alice))
    assert result.errors is None
    assert len(result.data["mileageVehicles"]["nodes"]) == 8
    # the page of vehicles, then one batch each: categories, rates, slabs, the rates' vehicles
    assert len(count_queries) == 5


async def test_expense_lists_load_mileage_details_in_a_fixed_number_of_queries(
    fleet: Fleet, count_queries: Any
) -> None:
    document = (
        "{ expenses(first: 100) { nodes { amount { amount } mileage { distance "
        "vehicle { name } rate { ratePerUnit } lines { distance amount { amount } } } } } }"
    )

    async def statements() -> tuple[int, list[Any]]:
        count_queries.statements.clear()
        result = await execute(document, viewer=viewer_for(fleet.alice))
        assert result.errors is None
        return len(count_queries), result.data["expenses"]["nodes"]

    await record(fleet.alice, fleet.car, date(2026, 5, 1), "9990")
    await record(fleet.alice, fleet.car, date(2026, 5, 2), "20")
    small, nodes = await statements()
    assert sorted(len(node["mileage"]["lines"]) for node in nodes) == [1, 2]
    for day in range(3, 13):
        await record(fleet.alice, fleet.motorcycle, date(2026, 5, day), "7")
    large, nodes = await statements()
    assert len(nodes) == 12
    assert large == small
