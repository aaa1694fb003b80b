"""Output types of per diem: policies with rules, locations and rates, and per-day breakdowns."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal
from typing import Any

import strawberry

from gql.context import Info
from gql.expenses.types import Expense
from gql.identity.types import User
from gql.ids import encode_id
from gql.money import money
from gql.permissions import IsAdmin
from gql.scalars import DecimalString, Money
from orm import models
from resolvers.perdiem.amounts import DayAmount, Meals
from resolvers.perdiem.hours import MINUTES_PER_DAY
from resolvers.perdiem.presets import PerDiemPreset as PresetValue
from resolvers.perdiem.record import breakdown

PerDiemMode = strawberry.enum(models.PerDiemMode, description="How a trip is split into days.")
PerDiemPreset = strawberry.enum(PresetValue, description="A rule set an admin can load.")


def _decimal(value: Decimal | None) -> DecimalString | None:
    return DecimalString(value.normalize()) if value is not None else None


def _plain(value: Decimal) -> DecimalString:
    """Shares and hours without trailing zeros but never in exponent form ("1", "0.5")."""
    return DecimalString(Decimal(format(value.normalize(), "f")))


@strawberry.type(description="Hours in a day that earn a share of the rate.")
class PerDiemTier:
    min_hours: DecimalString
    exclusive: bool = strawberry.field(description="True: more than minHours; false: at least.")
    share: DecimalString = strawberry.field(description='Of the full-day rate: "0.75" is 75 %.')


def _clock(minute: int) -> time:
    """A minute of the day as a time; the end of the day (1440) is 23:59."""
    return time(23, 59) if minute >= MINUTES_PER_DAY else time(minute // 60, minute % 60)


@strawberry.type(
    description="Departures after startsAfter until endsAt earn share on a trip's first day; "
    "the last day mirrors the bands. endsAt 23:59 is the end of the day."
)
class PerDiemTimeBand:
    starts_after: time
    ends_at: time
    share: DecimalString

    @classmethod
    def from_model(cls, row: models.PerDiemTimeBand) -> PerDiemTimeBand:
        return cls(starts_after=_clock(row.starts_after_minute),
                   ends_at=_clock(row.ends_at_minute), share=_plain(row.share))  # fmt: skip


@strawberry.type
class PerDiemRules:
    tiers: list[PerDiemTier]
    first_last_day_share: DecimalString | None = strawberry.field(
        description="Share on the first and last day of a multi-day trip, whatever the hours."
    )
    breakfast_share: DecimalString | None = strawberry.field(
        description="Of the full-day rate, per provided breakfast; null deducts the component."
    )
    lunch_share: DecimalString | None
    dinner_share: DecimalString | None
    incidentals_floor: bool = strawberry.field(
        description="Meal deductions never take a day below the rate's incidentals."
    )
    time_bands: list[PerDiemTimeBand] = strawberry.field(
        description="In order of time; when any, they decide the first and last day of a TRIP."
    )


@strawberry.type(description="A location's rate for a period (both ends inclusive).")
class PerDiemRate:
    id: strawberry.ID
    full_day: Money
    breakfast: Money | None
    lunch: Money | None
    dinner: Money | None
    incidentals: Money | None = strawberry.field(
        description="Part of the full day; what a day keeps under an incidentals floor."
    )
    partial_day: Money | None = strawberry.field(
        description="The gross of a day whose share is between 0 and 1, instead of rate times "
        "share."
    )
    effective_from: date
    effective_to: date | None

    @classmethod
    def from_model(cls, row: models.PerDiemRate) -> PerDiemRate:
        def part(minor: int | None) -> Money | None:
            return money(minor, row.currency) if minor is not None else None

        return cls(
            id=encode_id("PerDiemRate", row.id), full_day=money(row.full_day_minor, row.currency),
            breakfast=part(row.breakfast_minor), lunch=part(row.lunch_minor),
            dinner=part(row.dinner_minor), incidentals=part(row.incidentals_minor),
            partial_day=part(row.partial_day_minor), effective_from=row.effective_from,
            effective_to=row.effective_to,
        )  # fmt: skip


@strawberry.type
class PerDiemLocation:
    id: strawberry.ID
    name: str
    _row: strawberry.Private[models.PerDiemLocation]

    @classmethod
    def from_model(cls, row: models.PerDiemLocation) -> PerDiemLocation:
        return cls(id=encode_id("PerDiemLocation", row.id), name=row.name, _row=row)

    @strawberry.field(description="Oldest first.")
    async def rates(self, info: Info) -> list[PerDiemRate]:
        rows = await info.context.loaders.per_diem_rates_by_location_id.load(self._row.id)
        return [PerDiemRate.from_model(row) for row in rows]


@strawberry.type
class PerDiemPolicy:
    id: strawberry.ID
    name: str
    _row: strawberry.Private[models.PerDiemPolicy]

    @classmethod
    def from_model(cls, row: models.PerDiemPolicy) -> PerDiemPolicy:
        return cls(id=encode_id("PerDiemPolicy", row.id), name=row.name, _row=row)

    @strawberry.field
    async def rules(self, info: Info) -> PerDiemRules:
        rows = await info.context.loaders.per_diem_tiers_by_policy_id.load(self._row.id)
        bands = await info.context.loaders.per_diem_time_bands_by_policy_id.load(self._row.id)
        policy = self._row
        return PerDiemRules(
            tiers=[PerDiemTier(min_hours=_plain(t.min_hours), exclusive=t.exclusive,
                               share=_plain(t.share)) for t in rows],
            first_last_day_share=_decimal(policy.first_last_day_share),
            breakfast_share=_decimal(policy.breakfast_share),
            lunch_share=_decimal(policy.lunch_share),
            dinner_share=_decimal(policy.dinner_share),
            incidentals_floor=policy.incidentals_floor,
            time_bands=[PerDiemTimeBand.from_model(b) for b in bands],
        )  # fmt: skip

    @strawberry.field(description="By name.")
    async def locations(self, info: Info) -> list[PerDiemLocation]:
        rows = await info.context.loaders.per_diem_locations_by_policy_id.load(self._row.id)
        return [PerDiemLocation.from_model(row) for row in rows]

    @strawberry.field(
        permission_classes=[IsAdmin],
        description="The users whose per diems are calculated with it, by name (admins).",
    )
    async def assigned_users(self, info: Info) -> list[User]:
        loaders = info.context.loaders
        rows = await loaders.per_diem_assignments_by_policy_id.load(self._row.id)
        users = await loaders.user_by_id.load_many([row.user_id for row in rows])
        found = [user for user in users if user is not None]
        return [User.from_model(user) for user in sorted(found, key=lambda u: (u.name, u.id))]


@strawberry.type
class PerDiemMeals:
    breakfast: bool
    lunch: bool
    dinner: bool


@strawberry.type(
    description="One day of a per diem: amount = gross - deductions, never below 0 (nor below "
    "the incidentals under an incidentals floor)."
)
class PerDiemDay:
    date: date
    location_id: strawberry.ID
    location_name: str
    hours: DecimalString
    rate: Money = strawberry.field(description="The full-day rate in force on this day.")
    share: DecimalString = strawberry.field(description="Of the rate, from the policy's rules.")
    gross: Money = strawberry.field(
        description="Rate times share, or the rate's partial-day amount on a partial day."
    )
    deductions: Money = strawberry.field(
        description="Taken off for provided meals (gross - amount)."
    )
    amount: Money
    meals: PerDiemMeals = strawberry.field(description="Meals provided on this day.")
    is_first_or_last: bool = strawberry.field(
        description="First or last day of a multi-day trip (TRIP mode)."
    )

    @classmethod
    def from_breakdown(cls, row: dict[str, Any]) -> PerDiemDay:
        currency = row["currency"]
        return cls(
            date=date.fromisoformat(row["date"]),
            location_id=encode_id("PerDiemLocation", row["location_id"]),
            location_name=row["location_name"], hours=_plain(Decimal(row["hours"])),
            rate=money(row["rate_minor"], currency), share=_plain(Decimal(row["share"])),
            gross=money(row["gross_minor"], currency),
            deductions=money(row["deductions_minor"], currency),
            amount=money(row["amount_minor"], currency), meals=PerDiemMeals(**row["meals"]),
            is_first_or_last=row["is_first_or_last"],
        )  # fmt: skip

    @classmethod
    def from_day(cls, day: DayAmount, location_name: str, meals: Meals) -> PerDiemDay:
        return cls.from_breakdown(breakdown(day, location_name, meals))


@strawberry.type(description="The inputs a per diem was calculated from.")
class PerDiemTrip:
    mode: PerDiemMode  # type: ignore[valid-type]
    departure_location_id: strawberry.ID | None
    departure_date: date | None
    departure_time: time | None
    arrival_location_id: strawberry.ID | None
    arrival_date: date | None
    arrival_time: time | None
    location_id: strawberry.ID | None
    first_date: date | None
    last_date: date | None
    start_time: time | None
    end_time: time | None

    @classmethod
    def from_json(cls, values: dict[str, Any]) -> PerDiemTrip:
        def location(key: str) -> strawberry.ID | None:
            pk = values.get(key)
            return encode_id("PerDiemLocation", pk) if pk is not None else None

        def day(key: str) -> date | None:
            return date.fromisoformat(values[key]) if values.get(key) else None

        def clock(key: str) -> time | None:
            return time.fromisoformat(values[key]) if values.get(key) else None

        return cls(
            mode=models.PerDiemMode(values["mode"]),
            departure_location_id=location("departure_location_id"),
            departure_date=day("departure_date"), departure_time=clock("departure_time"),
            arrival_location_id=location("arrival_location_id"),
            arrival_date=day("arrival_date"), arrival_time=clock("arrival_time"),
            location_id=location("location_id"), first_date=day("first_date"),
            last_date=day("last_date"), start_time=clock("start_time"),
            end_time=clock("end_time"),
        )  # fmt: skip


@strawberry.type(description="A per diem expense with the breakdown it keeps.")
class PerDiemExpense:
    expense: Expense
    day: PerDiemDay
    trip: PerDiemTrip
    _row: strawberry.Private[models.PerDiemDetail]

    @classmethod
    def from_models(cls, expense: models.Expense, detail: models.PerDiemDetail) -> PerDiemExpense:
        return cls(
            expense=Expense.from_model(expense),
            day=PerDiemDay.from_breakdown(detail.breakdown or {}),
            trip=PerDiemTrip.from_json(detail.inputs or {}),
            _row=detail,
        )

    @strawberry.field(description="The policy it was calculated under.")
    async def policy(self, info: Info) -> PerDiemPolicy:
        row = await info.context.loaders.per_diem_policy_by_id.load(self._row.policy_id)
        assert row is not None
        return PerDiemPolicy.from_model(row)
