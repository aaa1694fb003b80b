"""Inputs of per diem. Ids are the opaque ids the API hands out; amounts are major units."""

from __future__ import annotations

from datetime import date, time

import strawberry

from gql.ids import pk
from gql.limits import MAX_LIST_INPUT
from gql.perdiem.types import PerDiemMode, PerDiemPreset
from gql.scalars import DecimalString
from resolvers.perdiem.amounts import Rules, Tier
from resolvers.perdiem.bands import TimeBand
from resolvers.perdiem.calculate import MealsData, TripData
from resolvers.perdiem.hours import minute_of_day
from resolvers.perdiem.validation import MAX_BANDS, RateData


@strawberry.input(description="Hours in a day that earn a share of the full-day rate.")
class PerDiemTierInput:
    min_hours: DecimalString = strawberry.field(description='Hours away in the day, e.g. "8".')
    exclusive: bool = strawberry.field(default=False, description="True: more than minHours.")
    share: DecimalString = strawberry.field(description='Of the full-day rate: "0.75" is 75 %.')


@strawberry.input(
    description="Departures after startsAfter until endsAt earn share on the first day of a "
    "trip; the last day mirrors the bands by the return time. 23:59 as endsAt is the end of "
    "the day."
)
class PerDiemTimeBandInput:
    starts_after: time = strawberry.field(
        description="Band start (HH:MM, organisation's time zone), exclusive."
    )
    ends_at: time = strawberry.field(
        description="Band end (HH:MM, organisation's time zone), inclusive."
    )
    share: DecimalString = strawberry.field(description='Of the full-day rate: "0.75" is 75 %.')

    def to_band(self) -> TimeBand:
        return TimeBand(minute_of_day(self.starts_after, end=False),
                        minute_of_day(self.ends_at, end=True), self.share)  # fmt: skip


@strawberry.input(description="Replaces the policy's whole rule set.")
class PerDiemRulesInput:
    tiers: list[PerDiemTierInput] = strawberry.field(description="At most 10.")
    first_last_day_share: DecimalString | None = strawberry.field(
        default=None,
        description=(
            'Share on the first and last day of a multi-day trip, whatever the hours, e.g. "0.5".'
        ),
    )
    breakfast_share: DecimalString | None = strawberry.field(
        default=None,
        description=(
            "Share of the full-day rate deducted per provided "
            "breakfast; null deducts the rate's breakfast component."
        ),
    )
    lunch_share: DecimalString | None = strawberry.field(
        default=None, description="As `breakfastShare`, for lunch."
    )
    dinner_share: DecimalString | None = strawberry.field(
        default=None, description="As `breakfastShare`, for dinner."
    )
    incidentals_floor: bool = strawberry.field(
        default=False,
        description="Meal deductions never take a day below the rate's incidentals.",
    )
    time_bands: list[PerDiemTimeBandInput] = strawberry.field(
        default_factory=list,
        description="Empty, or covering the whole day without gaps or overlaps; at most 24. "
        "They decide the first and last day of a TRIP.",
    )

    def to_rules(self) -> Rules:
        return Rules(
            tiers=tuple(Tier(t.min_hours, t.share, t.exclusive) for t in self.tiers[:11]),
            first_last_day_share=self.first_last_day_share,
            breakfast_share=self.breakfast_share,
            lunch_share=self.lunch_share,
            dinner_share=self.dinner_share,
            time_bands=tuple(b.to_band() for b in self.time_bands[: MAX_BANDS + 1]),
            incidentals_floor=self.incidentals_floor,
        )


@strawberry.input(description="A new per diem policy.")
class PerDiemPolicyCreateInput:
    name: str = strawberry.field(description="Unique name, e.g. Germany 2026.")
    rules: PerDiemRulesInput | None = strawberry.field(
        default=None, description="Tiers, shares and time bands; none by default."
    )


@strawberry.input(description="Fields left out stay as they are.")
class PerDiemPolicyUpdateInput:
    id: strawberry.ID = strawberry.field(description="The policy's opaque id.")
    name: str | None = strawberry.field(default=None, description="A new name.")
    rules: PerDiemRulesInput | None = strawberry.field(
        default=None, description="A new rule set, replacing the whole current one."
    )


@strawberry.input(description="A preset rule set to load into a policy.")
class PerDiemPolicyLoadPresetInput:
    id: strawberry.ID = strawberry.field(description="The policy's opaque id.")
    preset: PerDiemPreset = strawberry.field(description="The rule set to load.")  # type: ignore[valid-type]


@strawberry.input(description="A user's per diem policy.")
class PerDiemPolicyAssignInput:
    user_id: strawberry.ID = strawberry.field(description="The user's opaque id.")
    policy_id: strawberry.ID | None = strawberry.field(
        default=None, description="Null removes the user's assignment."
    )


@strawberry.input(description="A new location of a policy.")
class PerDiemLocationCreateInput:
    policy_id: strawberry.ID = strawberry.field(description="The policy's opaque id.")
    name: str = strawberry.field(
        description="Country or city, e.g. France or Paris; unique in the policy."
    )


@strawberry.input(description="A location's new name.")
class PerDiemLocationUpdateInput:
    id: strawberry.ID = strawberry.field(description="The location's opaque id.")
    name: str = strawberry.field(description="The new name; unique in the policy.")


@strawberry.input(description="The location or rate to delete.")
class PerDiemDeleteInput:
    id: strawberry.ID = strawberry.field(description="Its opaque id.")


@strawberry.input(
    description="Meal components, when given, are all three and add up to fullDay (with the "
    "incidentals, when given)."
)
class PerDiemRateFields:
    currency: str = strawberry.field(description="ISO 4217 code of the amounts.")
    full_day: DecimalString = strawberry.field(
        description='Full-day amount, a decimal string such as "28.00".'
    )
    breakfast: DecimalString | None = strawberry.field(
        default=None, description="Breakfast component (all three meal components or none)."
    )
    lunch: DecimalString | None = strawberry.field(default=None, description="Lunch component.")
    dinner: DecimalString | None = strawberry.field(default=None, description="Dinner component.")
    incidentals: DecimalString | None = strawberry.field(
        default=None, description="Part of fullDay; kept under an incidentals floor."
    )
    partial_day: DecimalString | None = strawberry.field(
        default=None, description="At most fullDay; replaces rate times share on a partial day."
    )
    effective_from: date = strawberry.field(description="First day it applies (ISO 8601 date).")
    effective_to: date | None = strawberry.field(default=None, description="Inclusive; null: open.")

    def to_data(self) -> RateData:
        return RateData(
            currency=self.currency, full_day=self.full_day, breakfast=self.breakfast,
            lunch=self.lunch, dinner=self.dinner, incidentals=self.incidentals,
            partial_day=self.partial_day, effective_from=self.effective_from,
            effective_to=self.effective_to,
        )  # fmt: skip


@strawberry.input(description="A new rate of a location.")
class PerDiemRateCreateInput(PerDiemRateFields):
    location_id: strawberry.ID = strawberry.field(description="The location's opaque id.")


@strawberry.input(description="Replaces every field of the rate.")
class PerDiemRateUpdateInput(PerDiemRateFields):
    id: strawberry.ID = strawberry.field(description="The rate's opaque id.")


@strawberry.input(description="Locations and rates as CSV text.")
class PerDiemRatesImportInput:
    policy_id: strawberry.ID = strawberry.field(description="The policy's opaque id.")
    csv: str = strawberry.field(
        description="Header: location, currency, full_day, effective_from and optionally "
        "breakfast, lunch, dinner, incidentals, partial_day, effective_to. All rows or none are "
        "imported."
    )


@strawberry.input(description="Meals provided (and so deducted) on one day of the trip.")
class PerDiemMealsInput:
    date: date = strawberry.field(description="The day (ISO 8601 date).")
    breakfast: bool = strawberry.field(default=False, description="Breakfast was provided.")
    lunch: bool = strawberry.field(default=False, description="Lunch was provided.")
    dinner: bool = strawberry.field(default=False, description="Dinner was provided.")


@strawberry.input(
    description="TRIP: departure and arrival fields. INDIVIDUAL_DAYS: locationId, firstDate, "
    "lastDate and the daily startTime and endTime. Times are in the organisation's time zone; "
    "23:59 as an end time means the end of the day."
)
class PerDiemTripInput:
    mode: PerDiemMode = strawberry.field(  # type: ignore[valid-type]
        description=(
            "TRIP (departure and arrival) or INDIVIDUAL_DAYS (a range of days at one location)."
        )
    )
    departure_location_id: strawberry.ID | None = strawberry.field(
        default=None, description="TRIP: where you left to."
    )
    departure_date: date | None = strawberry.field(
        default=None, description="TRIP: departure day (ISO 8601 date)."
    )
    departure_time: time | None = strawberry.field(
        default=None, description="TRIP: departure time (HH:MM, organisation's time zone)."
    )
    arrival_location_id: strawberry.ID | None = strawberry.field(
        default=None, description="TRIP: where you came back from."
    )
    arrival_date: date | None = strawberry.field(
        default=None, description="TRIP: return day (ISO 8601 date)."
    )
    arrival_time: time | None = strawberry.field(
        default=None, description="TRIP: return time (HH:MM, organisation's time zone)."
    )
    location_id: strawberry.ID | None = strawberry.field(
        default=None, description="INDIVIDUAL_DAYS: the location of every day."
    )
    first_date: date | None = strawberry.field(
        default=None, description="INDIVIDUAL_DAYS: first day (ISO 8601 date)."
    )
    last_date: date | None = strawberry.field(
        default=None, description="INDIVIDUAL_DAYS: last day (ISO 8601 date)."
    )
    start_time: time | None = strawberry.field(
        default=None,
        description="INDIVIDUAL_DAYS: daily start (HH:MM, organisation's time zone).",
    )
    end_time: time | None = strawberry.field(
        default=None, description="INDIVIDUAL_DAYS: daily end (HH:MM, organisation's time zone)."
    )
    meals: list[PerDiemMealsInput] = strawberry.field(
        default_factory=list, description="At most one entry per day; at most 100."
    )

    def to_data(self) -> TripData:
        return TripData(
            mode=self.mode,
            departure_location_id=pk("PerDiemLocation", self.departure_location_id),
            departure_date=self.departure_date, departure_time=self.departure_time,
            arrival_location_id=pk("PerDiemLocation", self.arrival_location_id),
            arrival_date=self.arrival_date, arrival_time=self.arrival_time,
            location_id=pk("PerDiemLocation", self.location_id), first_date=self.first_date,
            last_date=self.last_date, start_time=self.start_time, end_time=self.end_time,
            meals=[MealsData(m.date, m.breakfast, m.lunch, m.dinner)
                   for m in self.meals[: MAX_LIST_INPUT + 1]],
        )  # fmt: skip


@strawberry.input(description="A trip to break down.")
class PerDiemCalculateInput:
    trip: PerDiemTripInput = strawberry.field(
        description="Where and when you travelled, and the meals provided."
    )


@strawberry.input(description="How to convert one currency into the base currency.")
class ExchangeRateInput:
    currency: str = strawberry.field(description="ISO 4217 code of the foreign currency.")
    rate: DecimalString = strawberry.field(description="Base-currency units per unit.")


@strawberry.input(description="One expense per ticked day.")
class PerDiemRecordInput:
    trip: PerDiemTripInput = strawberry.field(
        description="Where and when you travelled, and the meals provided."
    )
    dates: list[date] = strawberry.field(description="The days to record; at most 100.")
    description: str = strawberry.field(
        default="", description="Free text for each expense, e.g. the trip's purpose."
    )
    exchange_rates: list[ExchangeRateInput] = strawberry.field(
        default_factory=list, description="For days whose rate is not in the base currency."
    )
    report_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="A draft or rejected report of yours that the new expenses join.",
    )


@strawberry.input(description="Recalculates the per diem expense in place (same id).")
class PerDiemUpdateInput:
    id: strawberry.ID = strawberry.field(description="The expense's id.")
    trip: PerDiemTripInput = strawberry.field(description="The trip's new inputs.")
    day: date | None = strawberry.field(
        default=None, description="Which day of the trip the expense is; its date by default."
    )
    description: str | None = strawberry.field(
        default=None, description="A new description; unchanged when left out."
    )
    exchange_rates: list[ExchangeRateInput] = strawberry.field(
        default_factory=list, description="For days whose rate is not in the base currency."
    )
