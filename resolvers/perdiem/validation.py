"""Checks of per diem rules and rates (pure): they append errors and never raise."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from orm.money import Money, MoneyError, normalize_currency
from resolvers.errors import ErrorCode, FieldError
from resolvers.perdiem.amounts import RateValue, Rules
from resolvers.perdiem.bands import TimeBand
from resolvers.perdiem.hours import MINUTES_PER_DAY

MAX_TIERS = 10
MAX_BANDS = 24
SHARE_PLACES = 4
HOURS_PLACES = 2


@dataclass(slots=True)
class RateData:
    currency: str = ""
    full_day: Decimal | None = None
    breakfast: Decimal | None = None
    lunch: Decimal | None = None
    dinner: Decimal | None = None
    incidentals: Decimal | None = None
    partial_day: Decimal | None = None
    effective_from: date | None = None
    effective_to: date | None = None


def _places_ok(value: Decimal, places: int) -> bool:
    return value == round(value, places)


def clean_share(value: Decimal | None, field: str, errors: list[FieldError]) -> Decimal | None:
    """A share of the rate: 0 to 1 with at most four decimals ("0.75" is 75 %)."""
    if value is None:
        return None
    if not (0 <= value <= 1) or not _places_ok(value, SHARE_PLACES):
        errors.append(
            FieldError(field, "A share is between 0 and 1 with at most 4 decimals (0.75 is 75 %).",
                       ErrorCode.INVALID)
        )  # fmt: skip
        return None
    return value


def clean_rules(rules: Rules, errors: list[FieldError], prefix: str = "rules.") -> Rules:
    start = len(errors)
    if len(rules.tiers) > MAX_TIERS:
        errors.append(
            FieldError(f"{prefix}tiers", f"At most {MAX_TIERS} tiers.", ErrorCode.TOO_MANY_ITEMS)
        )
    seen: set[tuple[Decimal, bool]] = set()
    for index, tier in enumerate(rules.tiers[:MAX_TIERS]):
        field = f"{prefix}tiers.{index}"
        if not (0 <= tier.min_hours <= 24) or not _places_ok(tier.min_hours, HOURS_PLACES):
            errors.append(
                FieldError(f"{field}.minHours", "Hours are between 0 and 24 with at most 2 "
                           "decimals.", ErrorCode.INVALID)
            )  # fmt: skip
        clean_share(tier.share, f"{field}.share", errors)
        key = (tier.min_hours, tier.exclusive)
        if key in seen:
            errors.append(
                FieldError(f"{field}.minHours", "Two tiers start at the same hours.",
                           ErrorCode.UNIQUE)
            )  # fmt: skip
        seen.add(key)
    clean_share(rules.first_last_day_share, f"{prefix}firstLastDayShare", errors)
    clean_share(rules.breakfast_share, f"{prefix}breakfastShare", errors)
    clean_share(rules.lunch_share, f"{prefix}lunchShare", errors)
    clean_share(rules.dinner_share, f"{prefix}dinnerShare", errors)
    bands = clean_bands(rules.time_bands, errors, f"{prefix}timeBands")
    if len(errors) > start:
        return rules
    ordered = tuple(sorted(rules.tiers, key=lambda t: (t.min_hours, t.exclusive)))
    return replace(rules, tiers=ordered, time_bands=bands)


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def clean_bands(
    bands: tuple[TimeBand, ...], errors: list[FieldError], field: str
) -> tuple[TimeBand, ...]:
    """Departure-time bands in order of time; they must cover the whole day, 00:00 to 24:00,
    each starting where the one before ends (``TIME_BAND_GAP``, ``TIME_BAND_OVERLAP``). Errors
    name the band by its place in the input."""
    start = len(errors)
    if len(bands) > MAX_BANDS:
        errors.append(FieldError(field, f"At most {MAX_BANDS} time bands.",
                                 ErrorCode.TOO_MANY_ITEMS))  # fmt: skip
        return bands
    seen: set[int] = set()
    for index, band in enumerate(bands):
        if not (0 <= band.starts_after < band.ends_at <= MINUTES_PER_DAY):
            errors.append(FieldError(f"{field}.{index}.endsAt", "A band ends after it starts "
                                     "(23:59 is the end of the day).",
                                     ErrorCode.INVALID))  # fmt: skip
        clean_share(band.share, f"{field}.{index}.share", errors)
        if band.starts_after in seen:
            errors.append(FieldError(f"{field}.{index}.startsAfter",
                                     "Two bands start at the same time.",
                                     ErrorCode.UNIQUE))  # fmt: skip
        seen.add(band.starts_after)
    if len(errors) > start or not bands:
        return bands
    ordered = sorted(enumerate(bands), key=lambda pair: pair[1].starts_after)
    ends = 0  # where the bands so far end
    for index, band in ordered:
        if band.starts_after != ends:
            gap = band.starts_after > ends
            errors.append(FieldError(
                f"{field}.{index}.startsAfter",
                f"No band covers {_clock(ends)} to {_clock(band.starts_after)}." if gap
                else f"This band overlaps another until {_clock(ends)}.",
                ErrorCode.TIME_BAND_GAP if gap else ErrorCode.TIME_BAND_OVERLAP,
            ))  # fmt: skip
        ends = band.ends_at
    if ends != MINUTES_PER_DAY:
        errors.append(FieldError(f"{field}.{ordered[-1][0]}.endsAt", f"No band covers "
                                 f"{_clock(ends)} to the end of the day (23:59).",
                                 ErrorCode.TIME_BAND_GAP))  # fmt: skip
    return tuple(band for _, band in ordered)


def _minor(
    value: Decimal | None, currency: str, field: str, errors: list[FieldError], *, positive: bool
) -> int | None:
    if value is None:
        return None
    try:
        minor = Money.from_decimal(value, currency).minor
    except MoneyError as exc:
        errors.append(FieldError(field, str(exc), ErrorCode.INVALID_AMOUNT))
        return None
    if minor < 0 or (positive and minor == 0):
        errors.append(
            FieldError(field, "The amount must be more than zero." if positive
                       else "The amount may not be negative.", ErrorCode.INVALID_AMOUNT)
        )  # fmt: skip
        return None
    return minor


def clean_rate(
    data: RateData, location_id: int, errors: list[FieldError], prefix: str = ""
) -> RateValue | None:
    """A rate ready to store; None (with errors) when refused."""
    start = len(errors)
    try:
        currency = normalize_currency(data.currency)
    except MoneyError as exc:
        errors.append(FieldError(f"{prefix}currency", str(exc), ErrorCode.INVALID_CURRENCY))
        return None
    if data.full_day is None:
        errors.append(FieldError(f"{prefix}fullDay", "This field is required.", ErrorCode.REQUIRED))
    full_day = _minor(data.full_day, currency, f"{prefix}fullDay", errors, positive=True)
    meals = {
        name: _minor(getattr(data, name), currency, f"{prefix}{name}", errors, positive=False)
        for name in ("breakfast", "lunch", "dinner")
    }
    incidentals = _minor(data.incidentals, currency, f"{prefix}incidentals", errors,
                         positive=False)  # fmt: skip
    partial_day = _minor(data.partial_day, currency, f"{prefix}partialDay", errors,
                         positive=True)  # fmt: skip
    _check_parts(data, full_day, meals, incidentals, partial_day, errors, prefix)
    if data.effective_from is None:
        errors.append(
            FieldError(f"{prefix}effectiveFrom", "This field is required.", ErrorCode.REQUIRED)
        )
    elif data.effective_to is not None and data.effective_to < data.effective_from:
        errors.append(
            FieldError(f"{prefix}effectiveTo", "The end may not precede the start.",
                       ErrorCode.INVALID_DATE_RANGE)
        )  # fmt: skip
    if len(errors) > start or full_day is None or data.effective_from is None:
        return None
    return RateValue(
        location_id=location_id, currency=currency, full_day_minor=full_day,
        effective_from=data.effective_from, effective_to=data.effective_to,
        breakfast_minor=meals["breakfast"], lunch_minor=meals["lunch"],
        dinner_minor=meals["dinner"], incidentals_minor=incidentals, partial_day_minor=partial_day,
    )  # fmt: skip


def _check_parts(
    data: RateData, full_day: int | None, meals: dict[str, int | None], incidentals: int | None,
    partial_day: int | None, errors: list[FieldError], prefix: str,
) -> None:  # fmt: skip
    """Meal components are all three or none; with the incidentals (when given) they add up to
    the full day. The incidentals and the partial-day amount are at most the full day. Amounts
    already refused (None although given) are not compared."""
    given = [getattr(data, name) is not None for name in meals]
    if any(given) and not all(given):
        errors.append(
            FieldError(f"{prefix}breakfast", "Give all three meal components, or none.",
                       ErrorCode.COMPONENTS_MISMATCH)
        )  # fmt: skip
    if full_day is None or (data.incidentals is not None and incidentals is None):
        return
    parts = [*meals.values(), incidentals or 0]
    if all(given) and None not in parts and sum(v or 0 for v in parts) != full_day:
        errors.append(
            FieldError(f"{prefix}breakfast", "Breakfast, lunch and dinner must add up to the "
                       "full-day amount." if incidentals is None else "Breakfast, lunch, dinner "
                       "and incidentals must add up to the full-day amount.",
                       ErrorCode.COMPONENTS_MISMATCH)
        )  # fmt: skip
    if incidentals is not None and incidentals > full_day:
        errors.append(FieldError(f"{prefix}incidentals", "The incidentals are part of the "
                                 "full-day amount: at most that much.",
                                 ErrorCode.COMPONENTS_MISMATCH))  # fmt: skip
    if partial_day is not None and partial_day > full_day:
        errors.append(FieldError(f"{prefix}partialDay", "The partial-day amount may not exceed "
                                 "the full-day amount.", ErrorCode.INVALID_AMOUNT))  # fmt: skip


def overlaps(rate: RateValue, others: Iterable[RateValue]) -> bool:
    """True when another rate of the same location is in force on any of ``rate``'s days."""
    far = date.max
    for other in others:
        if other.location_id != rate.location_id:
            continue
        if rate.effective_from <= (other.effective_to or far) and other.effective_from <= (
            rate.effective_to or far
        ):
            return True
    return False
