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


@strawberry.input
class PerDiemTierInput:
    min_hours: DecimalString
    exclusive: bool = strawberry.field(default=False, description="True: more than minHours.")
    share: DecimalString = strawberry.field(description='Of the full-day rate: "0.75" is 75 %.')


@strawberry.input(
    description="Departures after startsAfter until endsAt earn share on the first day of a "
    "trip; the last day mirrors the bands by the return time. 23:59 as endsAt is the end of "
    "the day."
)
class PerDiemTimeBandInput:
    starts_after: time
    ends_at: time
    share: DecimalString = strawberry.field(description='Of the full-day rate: "0.75" is 75 %.')

    def to_band(self) -> TimeBand:
        return TimeBand(minute_of_day(self.starts_after, end=False),
                        minute_of_day(self.ends_at, end=True), self.share)  # fmt: skip


@strawberry.input(description="Replaces the policy's whole rule set.")
class PerDiemRulesInput:
    tiers: list[PerDiemTierInput] = strawberry.field(description="At most 10.")
    first_last_day_share: DecimalString | None = None
    breakfast_share: DecimalString | None = None
    lunch_share: DecimalString | None = None
    dinner_share: DecimalString | None = None
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


@strawberry.input
class PerDiemPolicyCreateInput:
    name: str
    rules: PerDiemRulesInput | None = None


@strawberry.input(description="Fields left out stay as they are.")
class PerDiemPolicyUpdateInput:
    id: strawberry.ID
    name: str | None = None
    rules: PerDiemRulesInput | None = None


@strawberry.input
class PerDiemPolicyLoadPresetInput:
    id: strawberry.ID
    preset: PerDiemPreset  # type: ignore[valid-type]


@strawberry.input
class PerDiemPolicyAssignInput:
    user_id: strawberry.ID
    policy_id: strawberry.ID | None = strawberry.field(
        default=None, description="Null removes the user's assignment."
    )


@strawberry.input
class PerDiemLocationCreateInput:
    policy_id: strawberry.ID
    name: str


@strawberry.input
class PerDiemLocationUpdateInput:
    id: strawberry.ID
    name: str


@strawberry.input
class PerDiemDeleteInput:
    id: strawberry.ID


@strawberry.input(
    description="Meal components, when given, are all three and add up to fullDay (with the "
    "incidentals, when given)."
)
class PerDiemRateFields:
    currency: str
    full_day: DecimalString
    breakfast: DecimalString | None = None
    lunch: DecimalString | None = None
    dinner: DecimalString | None = None
    incidentals: DecimalString | None = strawberry.field(
        default=None, description="Part of fullDay; kept under an incidentals floor."
    )
    partial_day: DecimalString | None = strawberry.field(
        default=None, description="At most fullDay; replaces rate times share on a partial day."
    )
    effective_from: date
    effective_to: date | None = strawberry.field(default=None, description="Inclusive; null: open.")

    def to_data(self) -> RateData:
        return RateData(
            currency=self.currency, full_day=self.full_day, breakfast=self.breakfast,
            lunch=self.lunch, dinner=self.dinner, incidentals=self.incidentals,
            partial_day=self.partial_day, effective_from=self.effective_from,
            effective_to=self.effective_to,
        )  # fmt: skip


@strawberry.input
class PerDiemRateCreateInput(PerDiemRateFields):
    location_id: strawberry.ID


@strawberry.input(description="Replaces every field of the rate.")
class PerDiemRateUpdateInput(PerDiemRateFields):
    id: strawberry.ID


@strawberry.input
class PerDiemRatesImportInput:
    policy_id: strawberry.ID
    csv: str = strawberry.field(
        description="Header: location, currency, full_day, effective_from and optionally "
        "breakfast, lunch, dinner, incidentals, partial_day, effective_to. All rows or none are "
        "imported."
    )


@strawberry.input(description="Meals provided (and so deducted) on one day of the trip.")
class PerDiemMealsInput:
    date: date
    breakfast: bool = False
    lunch: bool = False
    dinner: bool = False


@strawberry.input(
    description="TRIP: departure and arrival fields. INDIVIDUAL_DAYS: locationId, firstDate, "
    "lastDate and the daily startTime and endTime. Times are in the organisation's time zone; "
    "23:59 as an end time means the end of the day."
)
class PerDiemTripInput:
    mode: PerDiemMode  # type: ignore[valid-type]
    departure_location_id: strawberry.ID | None = None
    departure_date: date | None = None
    departure_time: time | None = None
    arrival_location_id: strawberry.ID | None = None
    arrival_date: date | None = None
    arrival_time: time | None = None
    location_id: strawberry.ID | None = None
    first_date: date | None = None
    last_date: date | None = None
    start_time: time | None = None
    end_time: time | None = None
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


@strawberry.input
class PerDiemCalculateInput:
    trip: PerDiemTripInput


@strawberry.input
class ExchangeRateInput:
    currency: str
    rate: DecimalString = strawberry.field(description="Base-currency units per unit.")


@strawberry.input(description="One expense per ticked day.")
class PerDiemRecordInput:
    trip: PerDiemTripInput
    dates: list[date] = strawberry.field(description="The days to record; at most 100.")
    description: str = ""
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
    trip: PerDiemTripInput
    day: date | None = strawberry.field(
        default=None, description="Which day of the trip the expense is; its date by default."
    )
    description: str | None = None
    exchange_rates: list[ExchangeRateInput] = strawberry.field(default_factory=list)
