"""The amount of each day (pure): rate in force on the day, share from the rules, meal
deductions, never below zero (or, under an incidentals floor, below the rate's incidentals);
exact decimals, rounded half up to minor units once per day."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from resolvers.perdiem.bands import TimeBand, band_share
from resolvers.perdiem.hours import DaySpan

ZERO = Decimal(0)
ONE = Decimal(1)


@dataclass(frozen=True, slots=True)
class RateValue:
    location_id: int
    currency: str
    full_day_minor: int
    effective_from: date
    effective_to: date | None = None
    breakfast_minor: int | None = None
    lunch_minor: int | None = None
    dinner_minor: int | None = None
    # Part of the full day: what a day keeps under an incidentals floor.
    incidentals_minor: int | None = None
    # The gross of a day whose share is strictly between 0 and 1 (instead of rate times share).
    partial_day_minor: int | None = None

    def covers(self, day: date) -> bool:
        ends = self.effective_to
        return self.effective_from <= day and (ends is None or day <= ends)


@dataclass(frozen=True, slots=True)
class Tier:
    """A day earns ``share`` when its hours are at least ``min_hours`` (``exclusive``: more)."""

    min_hours: Decimal
    share: Decimal
    exclusive: bool = False

    def reached_by(self, minutes: int) -> bool:
        threshold = self.min_hours * 60
        return minutes > threshold if self.exclusive else minutes >= threshold


@dataclass(frozen=True, slots=True)
class Rules:
    tiers: tuple[Tier, ...]
    first_last_day_share: Decimal | None = None
    breakfast_share: Decimal | None = None
    lunch_share: Decimal | None = None
    dinner_share: Decimal | None = None
    # Ordered by time and covering the whole day, or empty.
    time_bands: tuple[TimeBand, ...] = ()
    incidentals_floor: bool = False


@dataclass(frozen=True, slots=True)
class Meals:
    """Meals provided (by a host, a hotel, a conference) on one day."""

    breakfast: bool = False
    lunch: bool = False
    dinner: bool = False


NO_MEALS = Meals()


@dataclass(frozen=True, slots=True)
class DayAmount:
    span: DaySpan
    rate: RateValue
    share: Decimal
    gross_minor: int  # rate times share (or the partial-day amount), rounded
    deductions_minor: int  # what the meals actually took off (never more than the gross)
    amount_minor: int


class MissingRate(LookupError):
    def __init__(self, day: date, location_id: int) -> None:
        super().__init__(f"no rate for location {location_id} on {day}")
        self.day = day
        self.location_id = location_id


def rate_on(rates: Iterable[RateValue], location_id: int, day: date) -> RateValue:
    """The location's rate in force on ``day``; each day of a trip uses its own day's rate."""
    for rate in rates:
        if rate.location_id == location_id and rate.covers(day):
            return rate
    raise MissingRate(day, location_id)


def tier_share(minutes: int, tiers: Iterable[Tier]) -> Decimal:
    """The share of the highest tier the hours reach; zero below every tier."""
    reached = [tier for tier in tiers if tier.reached_by(minutes)]
    if not reached:
        return ZERO
    return max(reached, key=lambda tier: (tier.min_hours, tier.exclusive)).share


def day_share(span: DaySpan, rules: Rules) -> Decimal:
    """Bands, when the policy has them, decide the days a TRIP leaves or returns; otherwise
    the first and last day share, otherwise the hour tiers."""
    banded = band_share(span, rules.time_bands)
    if banded is not None:
        return banded
    if span.is_first_or_last and rules.first_last_day_share is not None:
        return rules.first_last_day_share
    return tier_share(span.minutes, rules.tiers)


def meal_deductions(rate: RateValue, rules: Rules, meals: Meals) -> Decimal:
    """Exact minor units taken off for the provided meals: the rule's share of the full-day
    rate, or, where the rule has no share for a meal, the rate's component for it."""
    total = ZERO
    for provided, share, component in (
        (meals.breakfast, rules.breakfast_share, rate.breakfast_minor),
        (meals.lunch, rules.lunch_share, rate.lunch_minor),
        (meals.dinner, rules.dinner_share, rate.dinner_minor),
    ):
        if not provided:
            continue
        if share is not None:
            total += Decimal(rate.full_day_minor) * share
        elif component is not None:
            total += Decimal(component)
    return total


def day_gross(rate: RateValue, share: Decimal) -> Decimal:
    """Exact minor units a day earns before meals: the rate's partial-day amount when it has
    one and the share is strictly between 0 and 1, otherwise rate times share."""
    if rate.partial_day_minor is not None and ZERO < share < ONE:
        return Decimal(rate.partial_day_minor)
    return Decimal(rate.full_day_minor) * share


def deduction_floor(rate: RateValue, rules: Rules, gross: Decimal) -> Decimal:
    """What meal deductions leave a day at the least: under an incidentals floor the rate's
    incidentals, but never more than the day's gross; otherwise zero."""
    if rules.incidentals_floor and rate.incidentals_minor is not None:
        return min(gross, Decimal(rate.incidentals_minor))
    return ZERO


def _round(value: Decimal) -> int:
    return int(value.quantize(ONE, rounding=ROUND_HALF_UP))


def day_amount(span: DaySpan, rate: RateValue, rules: Rules, meals: Meals = NO_MEALS) -> DayAmount:
    share = day_share(span, rules)
    gross = day_gross(rate, share)
    net = gross - meal_deductions(rate, rules, meals)
    amount = _round(max(deduction_floor(rate, rules, gross), net))
    gross_minor = _round(gross)
    return DayAmount(
        span=span,
        rate=rate,
        share=share,
        gross_minor=gross_minor,
        deductions_minor=gross_minor - amount,
        amount_minor=amount,
    )


def calculate(
    spans: Sequence[DaySpan],
    rates: Sequence[RateValue],
    rules: Rules,
    meals: Mapping[date, Meals] | None = None,
) -> list[DayAmount]:
    """Every day of the trip; raises ``MissingRate`` for the first day without a rate."""
    provided = meals or {}
    return [
        day_amount(span, rate_on(rates, span.location_id, span.date), rules,
                   provided.get(span.date, NO_MEALS))
        for span in spans
    ]  # fmt: skip
