"""An organisation in GBP whose fiscal year starts in April, with a Car whose mileage rate
changes on 1 July 2026 (45p then 25p above 10,000 miles; 50p then 30p), a Motorcycle without
slabs, an admin, and two submitters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from gql.ids import encode_id
from orm import models
from tests.conftest import execute
from tests.factories import make_category, make_org, make_user, viewer_for


@dataclass
class Fleet:
    org: models.Organization
    admin: models.User
    alice: models.User
    bob: models.User
    mileage: models.Category
    car: models.MileageVehicle
    motorcycle: models.MileageVehicle
    car_until_june: models.MileageRate
    car_from_july: models.MileageRate


async def make_rate(
    vehicle: models.MileageVehicle,
    start: date,
    end: date | None,
    rate: str,
    slabs: tuple[tuple[int, str], ...] = (),
    unit: models.DistanceUnit = models.DistanceUnit.MILE,
    currency: str = "GBP",
) -> models.MileageRate:
    row = await models.MileageRate.create(
        org_id=vehicle.org_id, vehicle=vehicle, effective_from=start, effective_to=end,
        unit=unit, currency=currency, rate_per_unit=Decimal(rate),
    )  # fmt: skip
    for miles, value in slabs:
        await models.MileageSlab.create(
            org_id=vehicle.org_id, rate=row, from_hundredths=miles * 100,
            rate_per_unit=Decimal(value),
        )  # fmt: skip
    return row


@pytest.fixture
async def fleet(db: None) -> Fleet:
    org = await make_org(base_currency="GBP", time_zone="Europe/London", fiscal_year_start_month=4)
    mileage = await make_category(org, "Mileage")
    car = await models.MileageVehicle.create(org=org, name="Car", category=mileage)
    motorcycle = await models.MileageVehicle.create(org=org, name="Motorcycle", category=mileage)
    await make_rate(motorcycle, date(2020, 1, 1), None, "0.24")
    return Fleet(
        org=org,
        admin=await make_user(org, email="admin@acme.example", role=models.UserRole.ADMIN),
        alice=await make_user(org, email="alice@acme.example", name="Alice"),
        bob=await make_user(org, email="bob@acme.example", name="Bob"),
        mileage=mileage,
        car=car,
        motorcycle=motorcycle,
        car_until_june=await make_rate(
            car, date(2025, 4, 1), date(2026, 6, 30), "0.45", ((10000, "0.25"),)
        ),
        car_from_july=await make_rate(car, date(2026, 7, 1), None, "0.50", ((10000, "0.30"),)),
    )


MILEAGE_EXPENSE_CREATE = """
mutation($input: MileageExpenseCreateInput!) {
  mileageExpenseCreate(input: $input) {
    expense {
      id date amount { amount currency } baseAmount { amount } description
      category { name }
      mileage {
        unit distance odometerStart odometerEnd fiscalYearStart distanceClaimedBefore
        vehicle { name } rate { id ratePerUnit }
        lines { fromDistance distance ratePerUnit amount { amount currency } }
      }
    }
    errors { field code message }
  }
}
"""


def trip(
    vehicle: models.MileageVehicle, day: date, distance: str | None = None, **more: Any
) -> dict[str, Any]:
    value: dict[str, Any] = {
        "date": day.isoformat(),
        "vehicleId": encode_id("MileageVehicle", vehicle.id),
    }
    if distance is not None:
        value["distance"] = distance
    return value | more


async def record(
    user: models.User,
    vehicle: models.MileageVehicle,
    day: date,
    distance: str | None = None,
    **more: Any,
) -> dict[str, Any]:
    """``mileageExpenseCreate`` as ``user``; returns the payload."""
    extra = {k: more.pop(k) for k in list(more) if k not in ("odometerStart", "odometerEnd")}
    variables = {"input": {"expense": {"trip": trip(vehicle, day, distance, **more), **extra}}}
    result = await execute(MILEAGE_EXPENSE_CREATE, variables, viewer=viewer_for(user))
    assert result.errors is None, result.errors
    return result.data["mileageExpenseCreate"]
