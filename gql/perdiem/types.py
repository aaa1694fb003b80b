"""Output types of per diem: policies with rules, locations and rates, and per-day breakdowns."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal
from typing import Any

import strawberry

from gql.context import Info
from gql.enums import described_enum
from gql.expenses.types import Expense
from gql.identity.types import User
from gql.ids import encode_id
from gql.money import money
from gql.node import Node
from gql.permissions import IsAdmin
from gql.scalars import DecimalString, Money
from orm import models
from resolvers.perdiem.amounts import DayAmount, Meals
from resolvers.perdiem.hours import MINUTES_PER_DAY
from resolvers.perdiem.presets import PerDiemPreset as PresetValue
from resolvers.perdiem.record import breakdown

PerDiemMode = described_enum(
    models.PerDiemMode,
    description="How a trip is split into days.",
    values={
        "TRIP": (
            "One journey: departure and return date and time; first and"
            " last day follow the policy's rules."
        ),
        "INDIVIDUAL_DAYS": (
            "Separate days at one location, each with the same start and end time."
        ),
    },
)
PerDiemPreset = described_enum(
    PresetValue,
    description="A rule set an admin can load.",
    values={
        "GERMANY": (
            "German rules (§9(4a) EStG): partial rate over 8 hours and "
            "on travel days; meals deducted as shares."
        ),
        "US_FEDERAL": (
            "US federal travel rules (FTR): 75 % on the first and last "
            "day; meals deducted at their value, down to incidentals."
        ),
        "HAWAII": (
            "State of Hawaii style: the departure and return times give quarter to full days."
        ),
    },
)


def _decimal(value: Decimal | None) -> DecimalString | None:
    return DecimalString(value.normalize()) if value is not None else None


def _plain(value: Decimal) -> DecimalString:
    """Shares and hours without trailing zeros but never in exponent form ("1", "0.5")."""
    return DecimalString(Decimal(format(value.normalize(), "f")))


@strawberry.type(description="Hours in a day that earn a share of the rate.")
class PerDiemTier:
    min_hours: DecimalString = strawberry.field(description="Hours away in the day.")
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
    starts_after: time = strawberry.field(description="Band start (exclusive).")
    ends_at: time = strawberry.field(description="Band end (inclusive).")
    share: DecimalString = strawberry.field(description='Share of the full-day rate, e.g. "0.75".')

    @classmethod
    def from_model(cls, row: models.PerDiemTimeBand) -> PerDiemTimeBand:
        return cls(starts_after=_clock(row.starts_after_minute),
                   ends_at=_clock(row.ends_at_minute), share=_plain(row.share))  # fmt: skip


@strawberry.type(
    description="How a policy turns hours and provided meals into a share of the full-day rate."
)
class PerDiemRules:
    tiers: list[PerDiemTier] = strawberry.field(
        description="Hours-to-share tiers, by increasing hours."
    )
    first_last_day_share: DecimalString | None = strawberry.field(
        description="Share on the first and last day of a multi-day trip, whatever the hours."
    )
    breakfast_share: DecimalString | None = strawberry.field(
        description="Of the full-day rate, per provided breakfast; null deducts the component."
    )
    lunch_share: DecimalString | None = strawberry.field(
        description="As `breakfastShare`, for lunch."
    )
    dinner_share: DecimalString | None = strawberry.field(
        description="As `breakfastShare`, for dinner."
    )
    incidentals_floor: bool = strawberry.field(
        description="Meal deductions never take a day below the rate's incidentals."
    )
    time_bands: list[PerDiemTimeBand] = strawberry.field(
        description="In order of time; when any, they decide the first and last day of a TRIP."
    )


@strawberry.type(description="A location's rate for a period (both ends inclusive).")
class PerDiemRate(Node):
    id: strawberry.ID = strawberry.field(description="Opaque id of the rate.")
    full_day: Money = strawberry.field(description="The full-day amount.")
    breakfast: Money | None = strawberry.field(
        description="Breakfast component; null without meal components."
    )
    lunch: Money | None = strawberry.field(description="Lunch component.")
    dinner: Money | None = strawberry.field(description="Dinner component.")
    incidentals: Money | None = strawberry.field(
        description="Part of the full day; what a day keeps under an incidentals floor."
    )
    partial_day: Money | None = strawberry.field(
        description="The gross of a day whose share is between 0 and 1, instead of rate times "
        "share."
    )
    effective_from: date = strawberry.field(description="First day it applies (ISO 8601 date).")
    effective_to: date | None = strawberry.field(
        description="Last day it applies; null: open-ended."
    )

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


@strawberry.type(description="A country or city with its own per diem rates.")
class PerDiemLocation(Node):
    id: strawberry.ID = strawberry.field(description="Opaque id of the location.")
    name: str = strawberry.field(description="Country or city name.")
    _row: strawberry.Private[models.PerDiemLocation]

    @classmethod
    def from_model(cls, row: models.PerDiemLocation) -> PerDiemLocation:
        return cls(id=encode_id("PerDiemLocation", row.id), name=row.name, _row=row)

    @strawberry.field(description="Oldest first.")
    async def rates(self, info: Info) -> list[PerDiemRate]:
        rows = await info.context.loaders.per_diem_rates_by_location_id.load(self._row.id)
        return [PerDiemRate.from_model(row) for row in rows]


@strawberry.type(
    description=(
        "A set of per diem rules with its locations and rates; "
        "users are assigned one. Admins manage policies."
    )
)
class PerDiemPolicy(Node):
    id: strawberry.ID = strawberry.field(description="Opaque id of the policy.")
    name: str = strawberry.field(description="The policy's name.")
    _row: strawberry.Private[models.PerDiemPolicy]

    @classmethod
    def from_model(cls, row: models.PerDiemPolicy) -> PerDiemPolicy:
        return cls(id=encode_id("PerDiemPolicy", row.id), name=row.name, _row=row)

    @strawberry.field(description="How a day's hours and meals turn into a share of the rate.")
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


@strawberry.type(description="Meals provided on a day (deducted from the per diem).")
class PerDiemMeals:
    breakfast: bool = strawberry.field(description="Breakfast was provided.")
    lunch: bool = strawberry.field(description="Lunch was provided.")
    dinner: bool = strawberry.field(description="Dinner was provided.")


@strawberry.type(
    description="One day of a per diem: amount = gross - deductions, never below 0 (nor below "
    "the incidentals under an incidentals floor)."
)
class PerDiemDay:
    date: date = strawberry.field(description="The day (ISO 8601 date).")
    location_id: strawberry.ID = strawberry.field(description="Opaque id of the day's location.")
    location_name: str = strawberry.field(description="The day's location.")
    hours: DecimalString = strawberry.field(description='Hours travelled on the day, e.g. "9.5".')
    rate: Money = strawberry.field(description="The full-day rate in force on this day.")
    share: DecimalString = strawberry.field(description="Of the rate, from the policy's rules.")
    gross: Money = strawberry.field(
        description="Rate times share, or the rate's partial-day amount on a partial day."
    )
    deductions: Money = strawberry.field(
        description="Taken off for provided meals (gross - amount)."
    )
    amount: Money = strawberry.field(description="What the day earns: gross minus deductions.")
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
    mode: PerDiemMode = strawberry.field(description="TRIP or INDIVIDUAL_DAYS.")  # type: ignore[valid-type]
    departure_location_id: strawberry.ID | None = strawberry.field(
        description="TRIP: where you left to."
    )
    departure_date: date | None = strawberry.field(description="TRIP: departure day.")
    departure_time: time | None = strawberry.field(description="TRIP: departure time.")
    arrival_location_id: strawberry.ID | None = strawberry.field(
        description="TRIP: where you came back from."
    )
    arrival_date: date | None = strawberry.field(description="TRIP: return day.")
    arrival_time: time | None = strawberry.field(description="TRIP: return time.")
    location_id: strawberry.ID | None = strawberry.field(
        description="INDIVIDUAL_DAYS: the location."
    )
    first_date: date | None = strawberry.field(description="INDIVIDUAL_DAYS: first day.")
    last_date: date | None = strawberry.field(description="INDIVIDUAL_DAYS: last day.")
    start_time: time | None = strawberry.field(description="INDIVIDUAL_DAYS: daily start.")
    end_time: time | None = strawberry.field(description="INDIVIDUAL_DAYS: daily end.")

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
    expense: Expense = strawberry.field(
        description="The expense (category Per Diem, amount of the day)."
    )
    day: PerDiemDay = strawberry.field(
        description="The day's breakdown, as calculated when recorded."
    )
    trip: PerDiemTrip = strawberry.field(description="The trip inputs it was calculated from.")
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
