"""Pure mileage arithmetic: no database, no I/O, exact decimals throughout.

* ``rate_in_force``: the rate period covering a date.
* ``fiscal_year``: the fiscal year (first and last day) a date falls in.
* ``distance_of``: a distance from a typed distance or from odometer readings.
* ``split_into_lines``: a trip priced on the slabs, starting where the distance already claimed
  in the fiscal year ends; one line per rate it touches.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from orm.models.mileage import DistanceUnit
from orm.money import CURRENCY_EXPONENTS

HUNDREDTH = Decimal("0.01")
KM_PER_MILE = Decimal("1.609344")  # exact, by the international yard and pound agreement
MAX_DISTANCE = Decimal("100000")  # per expense, in its unit
MAX_ODOMETER = Decimal("10000000")


class DistanceError(ValueError):
    """A distance or odometer reading that cannot be used; ``field`` names the input."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True, slots=True)
class Slab:
    """From ``from_distance`` units claimed in the fiscal year on, ``rate_per_unit`` applies."""

    from_distance: Decimal
    rate_per_unit: Decimal


@dataclass(frozen=True, slots=True)
class RatePeriod:
    """A rate of one vehicle; ``slabs`` start with the base rate at distance 0."""

    key: int
    effective_from: date
    effective_to: date | None
    unit: DistanceUnit
    currency: str
    slabs: tuple[Slab, ...]

    def covers(self, day: date) -> bool:
        return periods_overlap(self.effective_from, self.effective_to, day, day)


@dataclass(frozen=True, slots=True)
class Line:
    """``distance`` units from ``from_distance`` (in the fiscal year) at ``rate_per_unit``."""

    from_distance: Decimal
    distance: Decimal
    rate_per_unit: Decimal
    amount_minor: int


def rate_in_force(periods: Sequence[RatePeriod], day: date) -> RatePeriod | None:
    """The period covering ``day`` (periods of one vehicle never overlap), or None."""
    for period in periods:
        if period.covers(day):
            return period
    return None


def periods_overlap(
    first_from: date, first_to: date | None, second_from: date, second_to: date | None
) -> bool:
    """Whether two inclusive date ranges share a day; a missing end is open-ended."""
    return (second_to is None or first_from <= second_to) and (
        first_to is None or second_from <= first_to
    )


def fiscal_year(day: date, start_month: int) -> tuple[date, date]:
    """The first and last day of the fiscal year that starts on day 1 of ``start_month``."""
    if not 1 <= start_month <= 12:
        raise ValueError("start_month must be 1 to 12")
    year = day.year if day.month >= start_month else day.year - 1
    start = date(year, start_month, 1)
    following = date(year + 1, start_month, 1)
    return start, date.fromordinal(following.toordinal() - 1)


def decimals_within(value: Decimal, places: int) -> bool:
    """At most ``places`` decimals (trailing zeros do not count); safe for huge values."""
    exponent = value.normalize().as_tuple().exponent
    return isinstance(exponent, int) and exponent >= -places


def _check_hundredths(value: Decimal, field: str, what: str, maximum: Decimal) -> None:
    if not value.is_finite() or not decimals_within(value, 2):
        raise DistanceError(field, f"{what} may have at most 2 decimals.")
    if value < 0 or value > maximum:
        raise DistanceError(field, f"{what} must be between 0 and {maximum:,}.")


def distance_of(
    distance: Decimal | None, odometer_start: Decimal | None, odometer_end: Decimal | None
) -> Decimal:
    """Either a distance, or both odometer readings (distance = end - start, end > start)."""
    if distance is not None and (odometer_start is not None or odometer_end is not None):
        raise DistanceError("distance", "Give a distance or odometer readings, not both.")
    if distance is None:
        if odometer_start is None and odometer_end is None:
            raise DistanceError("distance", "Give a distance or odometer start and end readings.")
        if odometer_start is None:
            raise DistanceError("odometerStart", "Give the odometer start reading too.")
        if odometer_end is None:
            raise DistanceError("odometerEnd", "Give the odometer end reading too.")
        _check_hundredths(odometer_start, "odometerStart", "An odometer reading", MAX_ODOMETER)
        _check_hundredths(odometer_end, "odometerEnd", "An odometer reading", MAX_ODOMETER)
        if odometer_end <= odometer_start:
            raise DistanceError(
                "odometerEnd", "The end reading must be greater than the start reading."
            )
        distance = odometer_end - odometer_start
        field = "odometerEnd"
    else:
        field = "distance"
    _check_hundredths(distance, field, "The distance", MAX_DISTANCE)
    if distance <= 0 or distance > MAX_DISTANCE:
        raise DistanceError(
            field, f"The distance must be more than 0 and at most {MAX_DISTANCE:,}."
        )
    return distance


def convert(distance: Decimal, from_unit: DistanceUnit, to_unit: DistanceUnit) -> Decimal:
    """A distance in another unit, rounded half up to hundredths."""
    if from_unit is to_unit:
        return distance
    factor = KM_PER_MILE if from_unit is DistanceUnit.MILE else 1 / KM_PER_MILE
    return (distance * factor).quantize(HUNDREDTH, rounding=ROUND_HALF_UP)


def price(distance: Decimal, rate_per_unit: Decimal, currency: str) -> int:
    """``distance`` times ``rate_per_unit`` in minor units, rounded half up."""
    exact = distance * rate_per_unit
    return int(exact.scaleb(CURRENCY_EXPONENTS[currency]).quantize(Decimal(1), ROUND_HALF_UP))


def split_into_lines(
    slabs: Sequence[Slab], claimed_before: Decimal, distance: Decimal, currency: str
) -> list[Line]:
    """Price ``distance`` units that follow ``claimed_before`` units of the fiscal year.

    Each slab covers [its from_distance, the next slab's from_distance); the part of the trip
    inside each slab becomes one line, rounded to minor units on its own, so the lines add up
    to the total exactly."""
    if not slabs or slabs[0].from_distance != 0:
        raise ValueError("the first slab must start at 0")
    lines: list[Line] = []
    position, end = claimed_before, claimed_before + distance
    for index, slab in enumerate(slabs):
        upper = slabs[index + 1].from_distance if index + 1 < len(slabs) else None
        if upper is not None and upper <= position:
            continue
        stop = end if upper is None else min(end, upper)
        if stop <= position:
            break
        part = stop - position
        lines.append(
            Line(position, part, slab.rate_per_unit, price(part, slab.rate_per_unit, currency))
        )
        position = stop
    return lines
