"""Admin configuration of mileage: vehicle types, and their effective-dated rates with slabs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from orm import models
from resolvers.categories import named_category, reserved_category_error
from resolvers.errors import ErrorCode, FieldError, MutationResult, Refused
from resolvers.mileage.calculation import MAX_ODOMETER, decimals_within, periods_overlap
from resolvers.validation import clean_currency, clean_name
from resolvers.viewer import Viewer

MILEAGE_CATEGORY = "Mileage"
MAX_SLABS = 10
MAX_RATE_PER_UNIT = Decimal("10000")


def list_vehicles(viewer: Viewer, *, include_disabled: bool) -> QuerySet[models.MileageVehicle]:
    query = models.MileageVehicle.filter(org_id=viewer.org_id)
    if not include_disabled:
        query = query.filter(is_enabled=True)
    return query.order_by("name", "id")


def list_rates(viewer: Viewer, vehicle_id: int | None) -> QuerySet[models.MileageRate]:
    query = models.MileageRate.filter(org_id=viewer.org_id)
    if vehicle_id is not None:
        query = query.filter(vehicle_id=vehicle_id)
    return query.order_by("vehicle_id", "effective_from", "id")


async def save_vehicle(
    viewer: Viewer,
    vehicle_id: int | None,
    *,
    name: str | None,
    category_id: int | None = None,
    is_enabled: bool | None = None,
) -> MutationResult[models.MileageVehicle]:
    """Create (no id) or change a vehicle type. Without a category, new vehicles record their
    expenses in the organisation's "Mileage" category (created when missing)."""
    errors: list[FieldError] = []
    name = clean_name(name, creating=vehicle_id is None, max_length=100, errors=errors)
    category = None
    if category_id is not None:
        category = await models.Category.get_or_none(id=category_id, org_id=viewer.org_id)
        if category is None:
            errors.append(FieldError("categoryId", "No such category.", ErrorCode.NOT_FOUND))
        elif reserved := reserved_category_error(category, "categoryId"):
            errors.append(reserved)
    vehicle = models.MileageVehicle(org_id=viewer.org_id)
    if vehicle_id is not None:
        found = await models.MileageVehicle.get_or_none(id=vehicle_id, org_id=viewer.org_id)
        if found is None:
            return MutationResult.fail("id", "No such vehicle.", ErrorCode.NOT_FOUND)
        vehicle = found
    if errors:
        return MutationResult(errors=errors)
    if name is not None:
        vehicle.name = name
    if is_enabled is not None:
        vehicle.is_enabled = is_enabled
    duplicate = models.MileageVehicle.filter(org_id=viewer.org_id, name=vehicle.name)
    if vehicle.id is not None:
        duplicate = duplicate.exclude(id=vehicle.id)
    if await duplicate.exists():
        return MutationResult.fail("name", "A vehicle with this name exists.", ErrorCode.UNIQUE)
    try:
        async with in_transaction() as connection:
            if category is None and vehicle.id is None:
                category = await named_category(viewer.org_id, MILEAGE_CATEGORY, connection)
            if category is not None:
                vehicle.category_id = category.id
            await vehicle.save(using_db=connection)
    except IntegrityError:
        return MutationResult.fail("name", "A vehicle with this name exists.", ErrorCode.UNIQUE)
    return MutationResult(vehicle)


@dataclass(slots=True)
class SlabData:
    from_distance: Decimal
    rate_per_unit: Decimal


@dataclass(slots=True)
class RateData:
    effective_from: date
    effective_to: date | None
    unit: models.DistanceUnit
    rate_per_unit: Decimal
    currency: str | None = None
    slabs: list[SlabData] = field(default_factory=list)


def _check_rate_value(value: Decimal, field_name: str, errors: list[FieldError]) -> None:
    if not (0 < value <= MAX_RATE_PER_UNIT) or not decimals_within(value, 6):
        errors.append(
            FieldError(
                field_name,
                f"A rate must be more than 0 and at most {MAX_RATE_PER_UNIT:,}, "
                "with at most 6 decimals.",
                ErrorCode.INVALID_AMOUNT,
            )
        )


def clean_rate(data: RateData, base_currency: str, errors: list[FieldError]) -> dict[str, object]:
    """Validated columns of a rate (slabs as (from hundredths, rate) pairs under "slabs")."""
    if data.effective_to is not None and data.effective_to < data.effective_from:
        errors.append(
            FieldError(
                "effectiveTo",
                "The end date may not be before the start date.",
                ErrorCode.INVALID_DATE_RANGE,
            )
        )
    currency = clean_currency(data.currency or base_currency, "currency", errors)
    _check_rate_value(data.rate_per_unit, "ratePerUnit", errors)
    if len(data.slabs) > MAX_SLABS:
        errors.append(FieldError("slabs", f"At most {MAX_SLABS}.", ErrorCode.TOO_MANY_ITEMS))
    slabs: list[tuple[int, Decimal]] = []
    previous = Decimal(0)
    for index, slab in enumerate(data.slabs[:MAX_SLABS]):
        where = f"slabs.{index}."
        start = slab.from_distance
        if not decimals_within(start, 2) or not (previous < start <= MAX_ODOMETER):
            errors.append(
                FieldError(
                    f"{where}fromDistance",
                    "Slab distances must be more than 0, increase from slab to slab, and have "
                    "at most 2 decimals.",
                    ErrorCode.INVALID_DISTANCE,
                )
            )
        else:
            previous = start
        _check_rate_value(slab.rate_per_unit, f"{where}ratePerUnit", errors)
        slabs.append((int(start * 100), slab.rate_per_unit))
    return {
        "effective_from": data.effective_from,
        "effective_to": data.effective_to,
        "unit": data.unit,
        "currency": currency,
        "rate_per_unit": data.rate_per_unit,
        "slabs": slabs,
    }


async def _check_overlap(
    connection: BaseDBAsyncClient, rate: models.MileageRate, values: dict[str, object]
) -> None:
    """Refuses a period sharing a day with another rate of the vehicle. The vehicle row is
    locked first, so two admins cannot add overlapping periods at once (PostgreSQL)."""
    await (
        models.MileageVehicle.filter(id=rate.vehicle_id)
        .select_for_update()
        .using_db(connection)
        .first()
    )
    others = models.MileageRate.filter(vehicle_id=rate.vehicle_id).using_db(connection)
    if rate.id is not None:
        others = others.exclude(id=rate.id)
    start, end = values["effective_from"], values["effective_to"]
    assert isinstance(start, date)
    assert end is None or isinstance(end, date)
    for other in await others:
        if periods_overlap(start, end, other.effective_from, other.effective_to):
            until = other.effective_to.isoformat() if other.effective_to else "open-ended"
            raise Refused(
                [
                    FieldError(
                        "effectiveFrom",
                        f"This vehicle already has a rate from {other.effective_from.isoformat()}"
                        f" to {until}; periods may not overlap.",
                        ErrorCode.RATE_PERIOD_OVERLAP,
                    )
                ]
            )


async def save_rate(
    viewer: Viewer, *, vehicle_id: int | None = None, rate_id: int | None = None, data: RateData
) -> MutationResult[models.MileageRate]:
    """Create a rate of a vehicle (``vehicle_id``) or replace a rate's values and slabs
    (``rate_id``). Expenses already recorded keep the lines they were priced with."""
    errors: list[FieldError] = []
    org = await models.Organization.get(id=viewer.org_id)
    if rate_id is not None:
        found = await models.MileageRate.get_or_none(id=rate_id, org_id=viewer.org_id)
        if found is None:
            return MutationResult.fail("id", "No such rate.", ErrorCode.NOT_FOUND)
        rate = found
    else:
        vehicle = None
        if vehicle_id is not None:
            vehicle = await models.MileageVehicle.get_or_none(id=vehicle_id, org_id=viewer.org_id)
        if vehicle is None:
            return MutationResult.fail("vehicleId", "No such vehicle.", ErrorCode.NOT_FOUND)
        rate = models.MileageRate(org_id=viewer.org_id, vehicle_id=vehicle.id)
    values = clean_rate(data, org.base_currency, errors)
    if errors:
        return MutationResult(errors=errors)
    slabs = values.pop("slabs")
    assert isinstance(slabs, list)
    try:
        async with in_transaction() as connection:
            await _check_overlap(connection, rate, values)
            rate.update_from_dict(values)
            await rate.save(using_db=connection)
            await models.MileageSlab.filter(rate_id=rate.id).using_db(connection).delete()
            await models.MileageSlab.bulk_create(
                [
                    models.MileageSlab(
                        org_id=viewer.org_id, rate_id=rate.id, from_hundredths=start,
                        rate_per_unit=value,
                    )
                    for start, value in slabs
                ],
                using_db=connection,
            )  # fmt: skip
    except Refused as refusal:
        return MutationResult(errors=refusal.errors)
    return MutationResult(rate)


async def delete_rate(viewer: Viewer, rate_id: int | None) -> MutationResult[int]:
    """Only a rate no expense was priced with; a used rate is ended with ``effectiveTo``."""
    rate = None
    if rate_id is not None:
        rate = await models.MileageRate.get_or_none(id=rate_id, org_id=viewer.org_id)
    if rate is None:
        return MutationResult.fail("id", "No such rate.", ErrorCode.NOT_FOUND)
    if await models.MileageDetail.filter(rate_id=rate.id).exists():
        return MutationResult.fail(
            "id",
            "Expenses were priced with this rate; end it with an end date instead.",
            ErrorCode.RATE_IN_USE,
        )
    try:
        await rate.delete()
    except IntegrityError:  # an expense was priced with it meanwhile
        return MutationResult.fail(
            "id", "Expenses were priced with this rate.", ErrorCode.RATE_IN_USE
        )
    return MutationResult(rate.id)
