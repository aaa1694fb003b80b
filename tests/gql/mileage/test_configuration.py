"""Admin configuration of vehicles and rates, and the lists everyone reads."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from gql.errors import field_path
from gql.ids import encode_id
from orm import models
from tests.conftest import execute
from tests.factories import make_org, make_user, viewer_for
from tests.gql.mileage.conftest import Fleet, record

VEHICLE_CREATE = """
mutation($input: MileageVehicleCreateInput!) {
  mileageVehicleCreate(input: $input) {
    vehicle { id name isEnabled category { name } } errors { field code }
  }
}
"""
VEHICLE_UPDATE = """
mutation($input: MileageVehicleUpdateInput!) {
  mileageVehicleUpdate(input: $input) {
    vehicle { name isEnabled category { name } } errors { field code }
  }
}
"""
RATE_CREATE = """
mutation($input: MileageRateCreateInput!) {
  mileageRateCreate(input: $input) {
    rate { id effectiveFrom effectiveTo unit currency ratePerUnit
           slabs { fromDistance ratePerUnit } vehicle { name } }
    errors { field code }
  }
}
"""
RATE_UPDATE = """
mutation($input: MileageRateUpdateInput!) {
  mileageRateUpdate(input: $input) {
    rate { effectiveFrom effectiveTo ratePerUnit slabs { fromDistance ratePerUnit } }
    errors { field code }
  }
}
"""
RATE_DELETE = """
mutation($input: MileageRateDeleteInput!) {
  mileageRateDelete(input: $input) { deletedId errors { field code } }
}
"""
VEHICLES = """
query($all: Boolean!) {
  mileageVehicles(includeDisabled: $all) {
    totalCount
    nodes { name isEnabled rates { effectiveFrom effectiveTo ratePerUnit
                                   slabs { fromDistance ratePerUnit } } }
  }
}
"""
RATES = """
query($vehicleId: ID) {
  mileageRates(vehicleId: $vehicleId) { nodes { vehicle { name } effectiveFrom ratePerUnit } }
}
"""
ORGANIZATION_UPDATE = """
mutation($input: OrganizationUpdateInput!) {
  organizationUpdate(input: $input) {
    organization { fiscalYearStartMonth } errors { field code }
  }
}
"""


def _rate(start: str, end: str | None = None, rate: str = "0.45", **more: Any) -> dict[str, Any]:
    return {"effectiveFrom": start, "effectiveTo": end, "unit": "MILE", "ratePerUnit": rate} | more


async def test_vehicles_record_in_the_mileage_category_made_once(db: None) -> None:
    org = await make_org()
    admin = viewer_for(await make_user(org, role=models.UserRole.ADMIN))
    car = await execute(VEHICLE_CREATE, {"input": {"name": " Car "}}, viewer=admin)
    bike = await execute(VEHICLE_CREATE, {"input": {"name": "Bicycle"}}, viewer=admin)
    assert car.data["mileageVehicleCreate"]["vehicle"]["category"] == {"name": "Mileage"}
    assert car.data["mileageVehicleCreate"]["vehicle"]["name"] == "Car"
    assert bike.data["mileageVehicleCreate"]["vehicle"]["category"] == {"name": "Mileage"}
    assert await models.Category.filter(org_id=org.id, name="Mileage").count() == 1
    duplicate = await execute(VEHICLE_CREATE, {"input": {"name": "Car"}}, viewer=admin)
    assert duplicate.data["mileageVehicleCreate"] == {
        "vehicle": None, "errors": [{"field": ["name"], "code": "UNIQUE"}]
    }  # fmt: skip
    fuel = await models.Category.create(org=org, name="Fuel/Mileage")
    van = await execute(
        VEHICLE_CREATE,
        {"input": {"name": "Van", "categoryId": encode_id("Category", fuel.id)}},
        viewer=admin,
    )
    assert van.data["mileageVehicleCreate"]["vehicle"]["category"] == {"name": "Fuel/Mileage"}


async def test_disabling_a_vehicle_hides_it_from_the_picker(fleet: Fleet) -> None:
    admin = viewer_for(fleet.admin)
    variables = {"input": {"id": encode_id("MileageVehicle", fleet.motorcycle.id),
                           "isEnabled": False, "name": "Motorbike"}}  # fmt: skip
    result = await execute(VEHICLE_UPDATE, variables, viewer=admin)
    assert result.data["mileageVehicleUpdate"] == {
        "vehicle": {"name": "Motorbike", "isEnabled": False, "category": {"name": "Mileage"}},
        "errors": [],
    }
    listed = await execute(VEHICLES, {"all": False}, viewer=viewer_for(fleet.alice))
    assert [n["name"] for n in listed.data["mileageVehicles"]["nodes"]] == ["Car"]
    everything = await execute(VEHICLES, {"all": True}, viewer=viewer_for(fleet.alice))
    assert everything.data["mileageVehicles"]["nodes"] == [
        {"name": "Car", "isEnabled": True, "rates": [
            {"effectiveFrom": "2025-04-01", "effectiveTo": "2026-06-30", "ratePerUnit": "0.45",
             "slabs": [{"fromDistance": "10000", "ratePerUnit": "0.25"}]},
            {"effectiveFrom": "2026-07-01", "effectiveTo": None, "ratePerUnit": "0.5",
             "slabs": [{"fromDistance": "10000", "ratePerUnit": "0.3"}]}]},
        {"name": "Motorbike", "isEnabled": False, "rates": [
            {"effectiveFrom": "2020-01-01", "effectiveTo": None, "ratePerUnit": "0.24",
             "slabs": []}]},
    ]  # fmt: skip


async def test_rates_with_slabs_are_created_and_listed(fleet: Fleet) -> None:
    admin = viewer_for(fleet.admin)
    bike = await models.MileageVehicle.create(org=fleet.org, name="Bicycle", category=fleet.mileage)
    slabs = [{"fromDistance": "5000", "ratePerUnit": "0.15"},
             {"fromDistance": "2000.5", "ratePerUnit": "0.18"}]  # fmt: skip
    refused = await execute(
        RATE_CREATE,
        {"input": {"vehicleId": encode_id("MileageVehicle", bike.id),
                   "rate": _rate("2026-04-01", rate="0.2", slabs=slabs)}},
        viewer=admin,
    )  # fmt: skip
    assert refused.data["mileageRateCreate"]["errors"] == [
        {"field": ["slabs", "1", "fromDistance"], "code": "INVALID_DISTANCE"}
    ]
    slabs.reverse()
    created = await execute(
        RATE_CREATE,
        {"input": {"vehicleId": encode_id("MileageVehicle", bike.id),
                   "rate": _rate("2026-04-01", rate="0.2", slabs=slabs)}},
        viewer=admin,
    )  # fmt: skip
    assert created.data["mileageRateCreate"]["errors"] == []
    rate = created.data["mileageRateCreate"]["rate"]
    assert {k: v for k, v in rate.items() if k != "id"} == {
        "effectiveFrom": "2026-04-01", "effectiveTo": None, "unit": "MILE", "currency": "GBP",
        "ratePerUnit": "0.2", "vehicle": {"name": "Bicycle"},
        "slabs": [{"fromDistance": "2000.5", "ratePerUnit": "0.18"},
                  {"fromDistance": "5000", "ratePerUnit": "0.15"}],
    }  # fmt: skip
    listed = await execute(
        RATES, {"vehicleId": encode_id("MileageVehicle", bike.id)}, viewer=viewer_for(fleet.bob)
    )
    assert listed.data["mileageRates"]["nodes"] == [
        {"vehicle": {"name": "Bicycle"}, "effectiveFrom": "2026-04-01", "ratePerUnit": "0.2"}
    ]
    every = await execute(RATES, {}, viewer=viewer_for(fleet.bob))
    assert len(every.data["mileageRates"]["nodes"]) == 4


@pytest.mark.parametrize(
    ("period", "overlap"),
    [(("2026-06-30", None), True), (("2024-01-01", "2025-04-01"), True),
     (("2024-01-01", "2025-03-31"), False), (("2025-05-01", "2025-05-31"), True)],
)  # fmt: skip
async def test_rate_periods_of_a_vehicle_may_not_overlap(
    fleet: Fleet, period: tuple[str, str | None], overlap: bool
) -> None:
    result = await execute(
        RATE_CREATE,
        {"input": {"vehicleId": encode_id("MileageVehicle", fleet.car.id),
                   "rate": _rate(*period)}},
        viewer=viewer_for(fleet.admin),
    )  # fmt: skip
    errors = result.data["mileageRateCreate"]["errors"]
    if overlap:
        assert errors == [{"field": ["effectiveFrom"], "code": "RATE_PERIOD_OVERLAP"}]
        assert await models.MileageRate.filter(vehicle_id=fleet.car.id).count() == 2
    else:
        assert errors == []
        assert await models.MileageRate.filter(vehicle_id=fleet.car.id).count() == 3


async def test_rate_update_replaces_values_and_slabs_and_keeps_recorded_lines(
    fleet: Fleet,
) -> None:
    admin = viewer_for(fleet.admin)
    created = await record(fleet.alice, fleet.car, date(2026, 8, 3), "100")
    rate_id = encode_id("MileageRate", fleet.car_from_july.id)
    # moving the start into the earlier period overlaps it
    overlapping = await execute(
        RATE_UPDATE, {"input": {"id": rate_id, "rate": _rate("2026-06-01", rate="0.55")}},
        viewer=admin,
    )  # fmt: skip
    assert overlapping.data["mileageRateUpdate"]["errors"] == [
        {"field": ["effectiveFrom"], "code": "RATE_PERIOD_OVERLAP"}
    ]
    backwards = await execute(
        RATE_UPDATE, {"input": {"id": rate_id, "rate": _rate("2026-07-01", "2026-06-01")}},
        viewer=admin,
    )  # fmt: skip
    assert backwards.data["mileageRateUpdate"]["errors"] == [
        {"field": ["effectiveTo"], "code": "INVALID_DATE_RANGE"}
    ]
    changed = await execute(
        RATE_UPDATE,
        {"input": {"id": rate_id, "rate": _rate("2026-07-01", rate="0.55", slabs=[])}},
        viewer=admin,
    )  # fmt: skip
    assert changed.data["mileageRateUpdate"] == {
        "rate": {"effectiveFrom": "2026-07-01", "effectiveTo": None, "ratePerUnit": "0.55",
                 "slabs": []},
        "errors": [],
    }  # fmt: skip
    assert await models.MileageSlab.filter(rate_id=fleet.car_from_july.id).count() == 0
    # the recorded expense keeps what it was priced with until it is changed
    assert created["expense"]["amount"]["amount"] == "50.00"
    assert (await models.Expense.get()).amount_minor == 5000
    assert (await models.MileageLine.get()).amount_minor == 5000


async def test_only_unused_rates_can_be_deleted(fleet: Fleet) -> None:
    admin = viewer_for(fleet.admin)
    await record(fleet.alice, fleet.car, date(2026, 8, 3), "100")
    used = await execute(
        RATE_DELETE, {"input": {"id": encode_id("MileageRate", fleet.car_from_july.id)}},
        viewer=admin,
    )  # fmt: skip
    assert used.data["mileageRateDelete"] == {
        "deletedId": None, "errors": [{"field": ["id"], "code": "RATE_IN_USE"}]
    }  # fmt: skip
    unused_id = encode_id("MileageRate", fleet.car_until_june.id)
    deleted = await execute(RATE_DELETE, {"input": {"id": unused_id}}, viewer=admin)
    assert deleted.data["mileageRateDelete"] == {"deletedId": unused_id, "errors": []}
    assert await models.MileageRate.filter(vehicle_id=fleet.car.id).count() == 1
    assert await models.MileageSlab.filter(rate_id=fleet.car_until_june.id).count() == 0


@pytest.mark.parametrize(
    ("rate", "field", "code"),
    [(_rate("2026-01-01", rate="0"), "ratePerUnit", "INVALID_AMOUNT"),
     (_rate("2026-01-01", rate="0.1234567"), "ratePerUnit", "INVALID_AMOUNT"),
     (_rate("2026-01-01", currency="XXY"), "currency", "INVALID_CURRENCY"),
     (_rate("2026-01-01", slabs=[{"fromDistance": "0", "ratePerUnit": "0.2"}]),
      "slabs.0.fromDistance", "INVALID_DISTANCE"),
     (_rate("2026-01-01", slabs=[{"fromDistance": "10", "ratePerUnit": "-1"}]),
      "slabs.0.ratePerUnit", "INVALID_AMOUNT"),
     (_rate("2026-01-01", slabs=[{"fromDistance": str(n + 1), "ratePerUnit": "0.1"}
                                 for n in range(11)]), "slabs", "TOO_MANY_ITEMS")],
)  # fmt: skip
async def test_bad_rates_are_refused(
    fleet: Fleet, rate: dict[str, Any], field: str, code: str
) -> None:
    result = await execute(
        RATE_CREATE,
        {"input": {"vehicleId": encode_id("MileageVehicle", fleet.motorcycle.id), "rate": rate}},
        viewer=viewer_for(fleet.admin),
    )
    assert result.data["mileageRateCreate"]["errors"] == [
        {"field": field_path(field), "code": code}
    ]
    assert await models.MileageRate.all().count() == 3


async def test_the_fiscal_year_start_month_is_an_organisation_setting(fleet: Fleet) -> None:
    admin = viewer_for(fleet.admin)
    bad = await execute(ORGANIZATION_UPDATE, {"input": {"fiscalYearStartMonth": 13}}, viewer=admin)
    assert bad.data["organizationUpdate"]["errors"] == [
        {"field": ["fiscalYearStartMonth"], "code": "INVALID"}
    ]
    good = await execute(ORGANIZATION_UPDATE, {"input": {"fiscalYearStartMonth": 1}}, viewer=admin)
    assert good.data["organizationUpdate"] == {
        "organization": {"fiscalYearStartMonth": 1}, "errors": []
    }  # fmt: skip
    # a calendar fiscal year now: March's miles count in April
    await record(fleet.alice, fleet.car, date(2026, 3, 20), "10500")
    april = await record(fleet.alice, fleet.car, date(2026, 4, 1), "100")
    assert april["expense"]["mileage"]["fiscalYearStart"] == "2026-01-01"
    assert april["expense"]["mileage"]["lines"][0]["ratePerUnit"] == "0.25"
    submitter = await execute(
        ORGANIZATION_UPDATE, {"input": {"fiscalYearStartMonth": 4}}, viewer=viewer_for(fleet.bob)
    )
    assert submitter.errors[0].extensions["code"] == "FORBIDDEN"
    assert (await models.Organization.get()).fiscal_year_start_month == 1
