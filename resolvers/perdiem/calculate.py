"""Turning a trip input into its per-day breakdown under a policy (reads only, writes nothing)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

from orm import models
from resolvers.errors import ErrorCode, FieldError, MutationResult
from resolvers.perdiem.amounts import DayAmount, Meals, MissingRate, calculate
from resolvers.perdiem.hours import DaySpan, SpanError, split_individual_days, split_trip
from resolvers.perdiem.store import load_rates, load_rules
from resolvers.viewer import Viewer

MAX_DAYS = 100


@dataclass(slots=True)
class MealsData:
    date: date
    breakfast: bool = False
    lunch: bool = False
    dinner: bool = False


@dataclass(slots=True)
class TripData:
    """TRIP uses the departure and arrival fields; INDIVIDUAL_DAYS the location, the first and
    last date and the daily start and end time."""

    mode: models.PerDiemMode
    departure_location_id: int | None = None
    departure_date: date | None = None
    departure_time: time | None = None
    arrival_location_id: int | None = None
    arrival_date: date | None = None
    arrival_time: time | None = None
    location_id: int | None = None
    first_date: date | None = None
    last_date: date | None = None
    start_time: time | None = None
    end_time: time | None = None
    meals: list[MealsData] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The inputs as stored with a recorded per diem (ISO dates and times)."""
        values: dict[str, Any] = {"mode": self.mode.value}
        for name in ("departure_location_id", "arrival_location_id", "location_id"):
            values[name] = getattr(self, name)
        for name in ("departure_date", "departure_time", "arrival_date", "arrival_time",
                     "first_date", "last_date", "start_time", "end_time"):  # fmt: skip
            value = getattr(self, name)
            values[name] = value.isoformat() if value is not None else None
        values["meals"] = [
            {"date": m.date.isoformat(), "breakfast": m.breakfast, "lunch": m.lunch,
             "dinner": m.dinner}
            for m in self.meals
        ]  # fmt: skip
        return values


@dataclass(slots=True)
class Calculation:
    policy: models.PerDiemPolicy
    days: list[DayAmount]
    location_names: dict[int, str]


def _required(data: TripData, names: tuple[str, ...], prefix: str) -> list[FieldError]:
    return [
        FieldError(f"{prefix}{_camel(name)}", "This field is required.", ErrorCode.REQUIRED)
        for name in names
        if getattr(data, name) is None
    ]


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


TRIP_FIELDS = ("departure_location_id", "departure_date", "departure_time",
               "arrival_location_id", "arrival_date", "arrival_time")  # fmt: skip
DAYS_FIELDS = ("location_id", "first_date", "last_date", "start_time", "end_time")


def split(data: TripData, errors: list[FieldError], prefix: str = "trip.") -> list[DaySpan]:
    """The days of the trip, or no days with errors explaining why."""
    if data.mode is models.PerDiemMode.TRIP:
        errors += _required(data, TRIP_FIELDS, prefix)
    else:
        errors += _required(data, DAYS_FIELDS, prefix)
    if errors:
        return []
    try:
        if data.mode is models.PerDiemMode.TRIP:
            assert data.departure_location_id and data.arrival_location_id
            assert data.departure_date and data.departure_time and data.arrival_date
            assert data.arrival_time is not None
            if (data.arrival_date - data.departure_date).days >= MAX_DAYS:
                raise OverflowError
            return split_trip(
                data.departure_location_id, data.departure_date, data.departure_time,
                data.arrival_location_id, data.arrival_date, data.arrival_time,
            )  # fmt: skip
        assert data.location_id and data.first_date and data.last_date
        assert data.start_time is not None and data.end_time is not None
        if (data.last_date - data.first_date).days >= MAX_DAYS:
            raise OverflowError
        return split_individual_days(
            data.location_id, data.first_date, data.last_date, data.start_time, data.end_time
        )
    except SpanError as exc:
        errors.append(FieldError(prefix.rstrip(".") or None, str(exc),
                                 ErrorCode.INVALID_DATE_RANGE))  # fmt: skip
    except OverflowError:
        errors.append(FieldError(prefix.rstrip(".") or None, f"At most {MAX_DAYS} days.",
                                 ErrorCode.TOO_MANY_ITEMS))  # fmt: skip
    return []


async def assigned_policy(org_id: int, user_id: int) -> models.PerDiemPolicy | None:
    assignment = await models.PerDiemAssignment.get_or_none(
        org_id=org_id, user_id=user_id
    ).select_related("policy")
    return assignment.policy if assignment else None


async def calculate_for_policy(
    policy: models.PerDiemPolicy, data: TripData, prefix: str = "trip."
) -> MutationResult[Calculation]:
    errors: list[FieldError] = []
    spans = split(data, errors, prefix)
    if errors:
        return MutationResult(errors=errors)
    # every location id given is checked, also one the mode does not use (it is stored)
    named = (data.departure_location_id, data.arrival_location_id, data.location_id)
    wanted = {span.location_id for span in spans} | {i for i in named if i is not None}
    names = dict(
        await models.PerDiemLocation.filter(policy_id=policy.id, id__in=wanted).values_list(
            "id", "name"
        )
    )
    for name in ("departure_location_id", "arrival_location_id", "location_id"):
        value = getattr(data, name)
        if value is not None and value not in names:
            errors.append(FieldError(f"{prefix}{_camel(name)}",
                                     "No such location in your per diem policy.",
                                     ErrorCode.NOT_FOUND))  # fmt: skip
    dates = {span.date for span in spans}
    meals: dict[date, Meals] = {}
    for index, given in enumerate(data.meals):
        if given.date not in dates or given.date in meals:
            message = "Give meals once per day of the trip."
            field_name = f"{prefix}meals.{index}.date"
            errors.append(FieldError(field_name, message, ErrorCode.DAY_NOT_IN_TRIP))
        meals[given.date] = Meals(given.breakfast, given.lunch, given.dinner)
    if errors:
        return MutationResult(errors=errors)
    try:
        days = calculate(spans, await load_rates(policy.id), await load_rules(policy), meals)
    except MissingRate as missing:
        return MutationResult.fail(
            prefix.rstrip(".") or None,
            f"{names[missing.location_id]} has no rate on {missing.day.isoformat()}.",
            ErrorCode.PER_DIEM_NO_RATE,
        )
    return MutationResult(Calculation(policy, days, names))


async def calculate_for_viewer(viewer: Viewer, data: TripData) -> MutationResult[Calculation]:
    """The breakdown under the viewer's assigned policy; saves nothing."""
    policy = await assigned_policy(viewer.org_id, viewer.user_id)
    if policy is None:
        return MutationResult.fail(
            None, "You have no per diem policy; ask an admin to assign one.",
            ErrorCode.PER_DIEM_NO_POLICY,
        )  # fmt: skip
    return await calculate_for_policy(policy, data)
