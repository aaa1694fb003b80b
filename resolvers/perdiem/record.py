"""Recording per diem days as expenses, and recalculating one in place.

One expense per ticked day: a day has one location, one rate and one currency, so every
expense stays in a single currency even when a trip crosses borders. Each expense keeps the trip
inputs and its day's breakdown in a ``PerDiemDetail`` row; editing it recalculates the same row
(same id) under the policy it was recorded with, with the rates and rules now in force.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any
from zoneinfo import ZoneInfo

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from orm import models
from orm.money import CURRENCY_EXPONENTS
from resolvers.categories import special_category
from resolvers.errors import ErrorCode, FieldError, MutationResult, Refused
from resolvers.expenses.locks import editable_expense
from resolvers.expenses.mutations import target_report
from resolvers.expenses.validation import MAX_EXCHANGE_RATE
from resolvers.perdiem.amounts import DayAmount, Meals
from resolvers.perdiem.calculate import (
    Calculation,
    TripData,
    assigned_policy,
    calculate_for_policy,
)
from resolvers.validation import clean_text
from resolvers.viewer import Viewer

PER_DIEM_CATEGORY = "Per Diem"


@dataclass(slots=True)
class RecordData:
    trip: TripData
    dates: list[date]
    description: str = ""
    exchange_rates: dict[str, Decimal] = field(default_factory=dict)
    # a draft or rejected report of the user's that the new expenses join
    report_id: int | None = None


def _text(value: Decimal) -> str:
    """A decimal as plain text without trailing zeros ("1", "0.75", "14.5")."""
    return format(value.normalize(), "f")


def breakdown(day: DayAmount, location_name: str, meals: Meals) -> dict[str, Any]:
    """One day as stored on the expense (amounts in minor units, decimals as strings)."""
    return {
        "date": day.span.date.isoformat(),
        "location_id": day.span.location_id,
        "location_name": location_name,
        "minutes": day.span.minutes,
        "hours": _text(day.span.hours),
        "is_first_or_last": day.span.is_first_or_last,
        "currency": day.rate.currency,
        "rate_minor": day.rate.full_day_minor,
        "share": _text(day.share),
        "gross_minor": day.gross_minor,
        "deductions_minor": day.deductions_minor,
        "amount_minor": day.amount_minor,
        "meals": {"breakfast": meals.breakfast, "lunch": meals.lunch, "dinner": meals.dinner},
    }


def _meals_on(trip: TripData, day: date) -> Meals:
    for given in trip.meals:
        if given.date == day:
            return Meals(given.breakfast, given.lunch, given.dinner)
    return Meals()


def _base_minor(amount_minor: int, currency: str, rate: Decimal, base: str) -> int:
    shift = CURRENCY_EXPONENTS[base] - CURRENCY_EXPONENTS[currency]
    converted = (Decimal(amount_minor) * rate).scaleb(shift)
    return int(converted.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _rate_for(
    currency: str, org: models.Organization, rates: dict[str, Decimal], errors: list[FieldError],
    kept: Decimal | None = None,
) -> Decimal:  # fmt: skip
    if currency == org.base_currency:
        return Decimal(1)
    rate = rates.get(currency, kept)
    if rate is None:
        errors.append(FieldError("exchangeRates", f"Give the rate from {currency} to the base "
                                 f"currency {org.base_currency}.",
                                 ErrorCode.EXCHANGE_RATE_REQUIRED))  # fmt: skip
        return Decimal(1)
    if not (0 < rate <= MAX_EXCHANGE_RATE) or rate != round(rate, 10):
        errors.append(FieldError("exchangeRates", "A rate is positive, at most 1,000,000, with "
                                 "at most 10 decimals.", ErrorCode.INVALID_AMOUNT))  # fmt: skip
    return rate


def _check_day(
    day: DayAmount | None, when: date, today: date, field_name: str, errors: list[FieldError]
) -> None:
    if day is None:
        errors.append(FieldError(field_name, f"{when.isoformat()} is not a day of this trip.",
                                 ErrorCode.DAY_NOT_IN_TRIP))  # fmt: skip
    elif when > today:
        errors.append(FieldError(field_name, "A per diem cannot be recorded for a future day.",
                                 ErrorCode.DATE_IN_FUTURE))  # fmt: skip
    elif day.amount_minor <= 0:
        errors.append(FieldError(field_name, f"{when.isoformat()} earns nothing to claim.",
                                 ErrorCode.INVALID_AMOUNT))  # fmt: skip


def _today(org: models.Organization) -> date:
    return datetime.now(ZoneInfo(org.time_zone)).date()


async def _claimed_days(
    connection: BaseDBAsyncClient, user_id: int, dates: list[date], *, other_than: int | None = None
) -> set[date]:
    """Days the user already has a per diem for (one per day), with the user row locked so two
    requests cannot both claim a day."""
    await models.User.filter(id=user_id).select_for_update().using_db(connection).first()
    query = models.Expense.filter(user_id=user_id, kind=models.ExpenseKind.PER_DIEM, date__in=dates)
    if other_than is not None:
        query = query.exclude(id=other_than)
    return set(await query.using_db(connection).values_list("date", flat=True))  # type: ignore[arg-type]


def _claimed(when: date, field_name: str) -> FieldError:
    return FieldError(field_name, f"You already have a per diem for {when.isoformat()}.",
                      ErrorCode.PER_DIEM_DAY_CLAIMED)  # fmt: skip


def _expense_values(
    calc: Calculation, day: DayAmount, rate: Decimal, org: models.Organization, description: str
) -> dict[str, Any]:
    name = calc.location_names[day.span.location_id]
    return {
        "date": day.span.date, "amount_minor": day.amount_minor, "currency": day.rate.currency,
        "exchange_rate": rate,
        "base_amount_minor": _base_minor(day.amount_minor, day.rate.currency, rate,
                                         org.base_currency),
        "merchant": name, "description": description or f"Per diem: {name}",
    }  # fmt: skip


async def record_per_diem(viewer: Viewer, data: RecordData) -> MutationResult[list[models.Expense]]:
    """Create one expense per ticked day, all or nothing."""
    policy = await assigned_policy(viewer.org_id, viewer.user_id)
    if policy is None:
        return MutationResult.fail(None, "You have no per diem policy; ask an admin to assign "
                                   "one.", ErrorCode.PER_DIEM_NO_POLICY)  # fmt: skip
    result = await calculate_for_policy(policy, data.trip)
    if result.value is None:
        return MutationResult(errors=result.errors)
    calc = result.value
    errors: list[FieldError] = []
    description = clean_text(data.description, "description", max_length=2000, errors=errors,
                             required=False)  # fmt: skip
    if not data.dates or len(set(data.dates)) != len(data.dates):
        errors.append(FieldError("dates", "Tick each day to record once.", ErrorCode.REQUIRED))
    await target_report(viewer, data.report_id, errors, "reportId")
    org = await models.Organization.get(id=viewer.org_id)
    by_date = {day.span.date: day for day in calc.days}
    chosen: list[tuple[DayAmount, Decimal]] = []
    for index, when in enumerate(data.dates):
        day = by_date.get(when)
        _check_day(day, when, _today(org), f"dates.{index}", errors)
        if day is not None:
            chosen.append((day, _rate_for(day.rate.currency, org, data.exchange_rates, errors)))
    if errors:
        return MutationResult(errors=errors)
    category = await special_category(
        viewer.org_id, models.CategoryKind.PER_DIEM, PER_DIEM_CATEGORY
    )
    if not category.is_enabled:
        return MutationResult.fail(None, f"The {category.name} category is disabled; ask an "
                                   "admin to enable it.", ErrorCode.CATEGORY_DISABLED)  # fmt: skip
    try:
        return MutationResult(await _create(viewer, data, policy, calc, chosen, category,
                                            org, description))  # fmt: skip
    except Refused as refusal:
        return MutationResult(errors=refusal.errors)


async def _create(
    viewer: Viewer,
    data: RecordData,
    policy: models.PerDiemPolicy,
    calc: Calculation,
    chosen: list[tuple[DayAmount, Decimal]],
    category: models.Category,
    org: models.Organization,
    description: str,
) -> list[models.Expense]:
    created = []
    async with in_transaction() as connection:
        late: list[FieldError] = []  # the report again, locked: it may have been submitted since
        await target_report(viewer, data.report_id, late, "reportId", connection)
        if late:
            raise Refused(late)
        claimed = await _claimed_days(connection, viewer.user_id, list(data.dates))
        if claimed:
            raise Refused([_claimed(when, f"dates.{i}") for i, when in enumerate(data.dates)
                           if when in claimed])  # fmt: skip
        for day, rate in chosen:
            expense = await models.Expense.create(
                org_id=viewer.org_id, user_id=viewer.user_id, category_id=category.id,
                report_id=data.report_id, kind=models.ExpenseKind.PER_DIEM, using_db=connection,
                **_expense_values(calc, day, rate, org, description),
            )  # fmt: skip
            await models.PerDiemDetail.create(
                org_id=viewer.org_id, expense_id=expense.id, policy_id=policy.id,
                mode=data.trip.mode, inputs=data.trip.to_json(),
                breakdown=breakdown(day, calc.location_names[day.span.location_id],
                                    _meals_on(data.trip, day.span.date)),
                using_db=connection,
            )  # fmt: skip
            created.append(expense)
    return created


async def update_per_diem(
    viewer: Viewer,
    expense_id: int | None,
    trip: TripData,
    *,
    day: date | None = None,
    description: str | None = None,
    exchange_rates: dict[str, Decimal] | None = None,
) -> MutationResult[models.Expense]:
    """Recalculate a per diem expense in place from new trip inputs; ``day`` (by default the
    expense's date) picks which day of the trip the expense is."""
    expense = await editable_expense(viewer, expense_id)
    if isinstance(expense, MutationResult):
        return expense
    detail = None
    if expense.kind is models.ExpenseKind.PER_DIEM:
        detail = await models.PerDiemDetail.get_or_none(expense_id=expense.id).select_related(
            "policy"
        )
    if detail is None:
        return MutationResult.fail("id", "This expense is not a per diem.", ErrorCode.INVALID)
    result = await calculate_for_policy(detail.policy, trip)
    if result.value is None:
        return MutationResult(errors=result.errors)
    calc = result.value
    errors: list[FieldError] = []
    if description is not None:
        description = clean_text(description, "description", max_length=2000, errors=errors,
                                 required=False)  # fmt: skip
    org = await models.Organization.get(id=viewer.org_id)
    when = day or expense.date
    found = next((d for d in calc.days if d.span.date == when), None)
    _check_day(found, when, _today(org), "day", errors)
    rate = Decimal(1)
    if found is not None:
        kept = expense.exchange_rate if expense.currency == found.rate.currency else None
        rate = _rate_for(found.rate.currency, org, exchange_rates or {}, errors, kept)
    if errors or found is None:
        return MutationResult(errors=errors)
    values = _expense_values(calc, found, rate, org, description or "")
    if description is None:
        values["description"] = expense.description
    async with in_transaction() as connection:
        if when != expense.date and await _claimed_days(
            connection, expense.user_id, [when], other_than=expense.id
        ):
            return MutationResult(errors=[_claimed(when, "day")])  # nothing written yet
        expense.update_from_dict(values)
        await expense.save(using_db=connection)
        detail.mode = trip.mode
        detail.inputs = trip.to_json()
        detail.breakdown = breakdown(found, calc.location_names[found.span.location_id],
                                     _meals_on(trip, when))  # fmt: skip
        await detail.save(using_db=connection)
    return MutationResult(expense)
