"""Mileage expenses: the preview (``calculate``), and recording or changing one in place.

The distance already claimed in the fiscal year is the sum over the owner's other mileage
expenses of the same vehicle type dated in that fiscal year and recorded before this one (for a
new expense: all of them). The owner's row is locked while an expense is priced and written, so
two expenses recorded at once cannot both start at the same place on the slabs (PostgreSQL).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.functions import Sum
from tortoise.transactions import in_transaction

from orm import models
from orm.money import Money
from resolvers.errors import ErrorCode, FieldError, MutationResult, Refused
from resolvers.expenses.access import visible_expenses
from resolvers.expenses.locks import editable_expense
from resolvers.expenses.validation import (
    CleanExpense,
    ExpenseData,
    Lookup,
    clean_expense,
    lookup_for_expenses,
)
from resolvers.mileage.calculation import (
    DistanceError,
    Line,
    RatePeriod,
    Slab,
    convert,
    distance_of,
    fiscal_year,
    rate_in_force,
    split_into_lines,
)
from resolvers.viewer import Viewer


def to_hundredths(value: Decimal) -> int:
    return int(value * 100)


def from_hundredths(value: int) -> Decimal:
    return Decimal(value).scaleb(-2)


@dataclass(slots=True)
class MileageData:
    date: date
    vehicle_id: int | None
    distance: Decimal | None = None
    odometer_start: Decimal | None = None
    odometer_end: Decimal | None = None
    description: str = ""
    reference: str = ""
    is_reimbursable: bool = True
    is_billable: bool = False
    customer_id: int | None = None
    potential_id: int | None = None
    exchange_rate: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Calculation:
    vehicle: models.MileageVehicle
    rate: models.MileageRate
    distance: Decimal
    odometer_start: Decimal | None
    odometer_end: Decimal | None
    fiscal_year_start: date
    fiscal_year_end: date
    claimed_before: Decimal
    lines: list[Line]

    @property
    def amount_minor(self) -> int:
        return sum(line.amount_minor for line in self.lines)


async def _periods(
    vehicle_id: int, connection: BaseDBAsyncClient | None
) -> tuple[list[RatePeriod], dict[int, models.MileageRate]]:
    rates = await models.MileageRate.filter(vehicle_id=vehicle_id).using_db(connection)
    slabs = await (
        models.MileageSlab.filter(rate_id__in=[rate.id for rate in rates])
        .order_by("from_hundredths")
        .using_db(connection)
    )
    periods = [
        RatePeriod(
            key=rate.id, effective_from=rate.effective_from, effective_to=rate.effective_to,
            unit=rate.unit, currency=rate.currency,
            slabs=(Slab(Decimal(0), rate.rate_per_unit),
                   *(Slab(from_hundredths(s.from_hundredths), s.rate_per_unit)
                     for s in slabs if s.rate_id == rate.id)),
        )
        for rate in rates
    ]  # fmt: skip
    return periods, {rate.id: rate for rate in rates}


async def claimed_distance(
    connection: BaseDBAsyncClient | None,
    owner: Viewer,
    vehicle_id: int,
    year: tuple[date, date],
    unit: models.DistanceUnit,
    before_expense_id: int | None,
) -> Decimal:
    """Summed in SQL per unit (exact integer hundredths), then expressed in ``unit``."""
    query = models.MileageDetail.filter(
        org_id=owner.org_id,
        vehicle_id=vehicle_id,
        expense__user_id=owner.user_id,
        expense__date__gte=year[0],
        expense__date__lte=year[1],
    )
    if before_expense_id is not None:
        query = query.filter(expense_id__lt=before_expense_id)
    rows = await (
        query.annotate(total=Sum("distance_hundredths"))
        .group_by("unit")
        .using_db(connection)
        .values("unit", "total")
    )
    total = Decimal(0)
    for row in rows:
        total += convert(
            from_hundredths(int(row["total"] or 0)), models.DistanceUnit(row["unit"]), unit
        )
    return total


async def calculate(
    owner: Viewer,
    data: MileageData,
    *,
    expense_id: int | None = None,
    current_vehicle_id: int | None = None,
    connection: BaseDBAsyncClient | None = None,
) -> tuple[Calculation | None, list[FieldError]]:
    """Price a trip of ``owner`` without saving anything. ``expense_id`` is the expense being
    changed: it is left out of the claimed distance, as is everything recorded after it."""
    errors: list[FieldError] = []
    distance = None
    try:
        distance = distance_of(data.distance, data.odometer_start, data.odometer_end)
    except DistanceError as exc:
        code = (
            ErrorCode.INVALID_ODOMETER
            if exc.field.startswith("odometer")
            else (ErrorCode.INVALID_DISTANCE)
        )
        errors.append(FieldError(exc.field, exc.message, code))
    vehicle = None
    if data.vehicle_id is not None:
        vehicle = (
            await models.MileageVehicle.filter(id=data.vehicle_id, org_id=owner.org_id)
            .using_db(connection)
            .first()
        )
    if vehicle is None:
        errors.append(FieldError("vehicleId", "No such vehicle.", ErrorCode.NOT_FOUND))
        return None, errors
    if not vehicle.is_enabled and vehicle.id != current_vehicle_id:
        errors.append(
            FieldError("vehicleId", "This vehicle is disabled.", ErrorCode.VEHICLE_DISABLED)
        )
    periods, rates = await _periods(vehicle.id, connection)
    period = rate_in_force(periods, data.date)
    if period is None:
        errors.append(
            FieldError(
                "date",
                f"{vehicle.name} has no mileage rate on {data.date.isoformat()}.",
                ErrorCode.NO_MILEAGE_RATE,
            )
        )
    if errors or distance is None or period is None:
        return None, errors
    org = await models.Organization.filter(id=owner.org_id).using_db(connection).first()
    assert org is not None
    year = fiscal_year(data.date, org.fiscal_year_start_month)
    claimed = await claimed_distance(connection, owner, vehicle.id, year, period.unit, expense_id)
    lines = split_into_lines(period.slabs, claimed, distance, period.currency)
    odometer = data.distance is None
    calculation = Calculation(
        vehicle=vehicle, rate=rates[period.key], distance=distance,
        odometer_start=data.odometer_start if odometer else None,
        odometer_end=data.odometer_end if odometer else None,
        fiscal_year_start=year[0], fiscal_year_end=year[1], claimed_before=claimed, lines=lines,
    )  # fmt: skip
    return calculation, []


async def _mileage_expense(
    viewer: Viewer, expense_id: int | None, *, for_change: bool
) -> tuple[models.Expense, models.MileageDetail] | MutationResult[models.Expense]:
    if for_change:
        expense = await editable_expense(viewer, expense_id)
        if isinstance(expense, MutationResult):
            return expense
    else:
        found = None
        if expense_id is not None:
            found = await visible_expenses(viewer).get_or_none(id=expense_id)
        if found is None:
            return MutationResult.fail("expenseId", "No such expense.", ErrorCode.NOT_FOUND)
        expense = found
    detail = None
    if expense.kind is models.ExpenseKind.MILEAGE:
        detail = await models.MileageDetail.get_or_none(expense_id=expense.id)
    if detail is None:
        field = "id" if for_change else "expenseId"
        return MutationResult.fail(field, "This is not a mileage expense.", ErrorCode.NOT_FOUND)
    return expense, detail


async def preview(
    viewer: Viewer, data: MileageData, expense_id: int | None = None
) -> MutationResult[Calculation]:
    """``mileageCalculate``: what a new expense (or a change of ``expense_id``) would be."""
    owner, current_vehicle_id = viewer, None
    if expense_id is not None:
        found = await _mileage_expense(viewer, expense_id, for_change=False)
        if isinstance(found, MutationResult):
            return MutationResult(errors=found.errors)
        expense, detail = found
        owner = Viewer(user_id=expense.user_id, org_id=viewer.org_id, role=viewer.role)
        current_vehicle_id = detail.vehicle_id
    calculation, errors = await calculate(
        owner, data, expense_id=expense_id, current_vehicle_id=current_vehicle_id
    )
    return MutationResult(calculation, errors)


_RENAMED = {"amount": "distance", "currency": "vehicleId", "categoryId": "vehicleId"}


def _clean(
    data: MileageData, calculation: Calculation | None, lookup: Lookup, errors: list[FieldError]
) -> CleanExpense | None:
    """The expense columns, checked by the ordinary expense rules; fields the mileage input
    does not have are reported on the mileage field that decides them."""
    amount = Decimal(1)
    currency = lookup.org.base_currency
    if calculation is not None:
        currency = calculation.rate.currency
        amount = Money(calculation.amount_minor, currency).amount
    row = ExpenseData(
        date=data.date, category_id=calculation.vehicle.category_id if calculation else None,
        amount=amount, currency=currency, exchange_rate=data.exchange_rate,
        description=data.description, reference=data.reference,
        is_reimbursable=data.is_reimbursable, is_billable=data.is_billable,
        customer_id=data.customer_id, potential_id=data.potential_id,
    )  # fmt: skip
    found: list[FieldError] = []
    clean = clean_expense(row, lookup, found)
    for error in found:
        if calculation is None and error.field in ("amount", "categoryId", "exchangeRate"):
            continue  # nothing to say about them until the trip can be priced
        field = _RENAMED.get(error.field or "", error.field)
        errors.append(FieldError(field, error.message, error.code))
    return clean


async def _write(
    connection: BaseDBAsyncClient,
    owner: Viewer,
    expense: models.Expense | None,
    detail: models.MileageDetail | None,
    clean: CleanExpense,
    calculation: Calculation,
) -> models.Expense:
    if expense is None:
        expense = await models.Expense.create(
            org_id=owner.org_id, user_id=owner.user_id, kind=models.ExpenseKind.MILEAGE,
            using_db=connection, **clean.values,
        )  # fmt: skip
    else:  # mileage has no merchant: keep whatever the expense has
        expense.update_from_dict({k: v for k, v in clean.values.items() if k != "merchant"})
        await expense.save(using_db=connection)
    values = {
        "vehicle_id": calculation.vehicle.id,
        "rate_id": calculation.rate.id,
        "unit": calculation.rate.unit,
        "distance_hundredths": to_hundredths(calculation.distance),
        "odometer_start_hundredths": None
        if calculation.odometer_start is None
        else to_hundredths(calculation.odometer_start),
        "odometer_end_hundredths": None
        if calculation.odometer_end is None
        else to_hundredths(calculation.odometer_end),
        "claimed_before_hundredths": to_hundredths(calculation.claimed_before),
        "fiscal_year_start": calculation.fiscal_year_start,
    }
    if detail is None:
        detail = await models.MileageDetail.create(
            org_id=owner.org_id, expense_id=expense.id, using_db=connection, **values
        )
    else:
        detail.update_from_dict(values)
        await detail.save(using_db=connection)
        await models.MileageLine.filter(detail_id=detail.id).using_db(connection).delete()
    await models.MileageLine.bulk_create(
        [
            models.MileageLine(
                org_id=owner.org_id, detail_id=detail.id, position=index,
                from_hundredths=to_hundredths(line.from_distance),
                distance_hundredths=to_hundredths(line.distance),
                rate_per_unit=line.rate_per_unit, amount_minor=line.amount_minor,
            )
            for index, line in enumerate(calculation.lines)
        ],
        using_db=connection,
    )  # fmt: skip
    return expense


async def save_mileage_expense(
    viewer: Viewer, expense_id: int | None, data: MileageData
) -> MutationResult[models.Expense]:
    """Record a mileage expense of the viewer (no id), or recalculate one in place (same id,
    same attendees and receipts) under the ordinary rules of who may change an expense."""
    expense = detail = None
    owner = viewer
    if expense_id is not None:
        found = await _mileage_expense(viewer, expense_id, for_change=True)
        if isinstance(found, MutationResult):
            return found
        expense, detail = found
        owner = Viewer(user_id=expense.user_id, org_id=viewer.org_id, role=viewer.role)
    current_vehicle_id = detail.vehicle_id if detail else None
    calculation, errors = await calculate(
        owner, data, expense_id=expense_id, current_vehicle_id=current_vehicle_id
    )
    category_id = calculation.vehicle.category_id if calculation else None
    related = ExpenseData(
        category_id=category_id, customer_id=data.customer_id, potential_id=data.potential_id
    )
    lookup = await lookup_for_expenses(owner, [related])
    _clean(data, calculation, lookup, errors)
    if errors:
        return MutationResult(errors=errors)
    try:
        async with in_transaction() as connection:
            await (
                models.User.filter(id=owner.user_id)
                .select_for_update()
                .using_db(connection)
                .first()
            )
            # priced again under the lock: another expense may have been recorded meanwhile
            calculation, late = await calculate(
                owner, data, expense_id=expense_id, current_vehicle_id=current_vehicle_id,
                connection=connection,
            )  # fmt: skip
            clean = _clean(data, calculation, lookup, late)
            if late or calculation is None or clean is None:
                raise Refused(late)
            expense = await _write(connection, owner, expense, detail, clean, calculation)
    except Refused as refusal:
        return MutationResult(errors=refusal.errors)
    return MutationResult(expense)
