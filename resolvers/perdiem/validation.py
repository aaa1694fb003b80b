"""Checks of per diem rules and rates (pure): they append errors and never raise."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from resolvers.errors import ErrorCode, FieldError
from resolvers.money import Money, MoneyError, normalize_currency
from resolvers.perdiem.amounts import RateValue, Rules

MAX_TIERS = 10
SHARE_PLACES = 4
HOURS_PLACES = 2


@dataclass(slots=True)
class RateData:
    currency: str = ""
    full_day: Decimal | None = None
    breakfast: Decimal | None = None
    lunch: Decimal | None = None
    dinner: Decimal | None = None
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
    if len(errors) > start:
        return rules
    ordered = tuple(sorted(rules.tiers, key=lambda t: (t.min_hours, t.exclusive)))
    return Rules(ordered, rules.first_last_day_share, rules.breakfast_share, rules.lunch_share,
                 rules.dinner_share)  # fmt: skip


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
    given = [getattr(data, name) is not None for name in meals]
    if any(given) and not all(given):
        errors.append(
            FieldError(f"{prefix}breakfast", "Give all three meal components, or none.",
                       ErrorCode.COMPONENTS_MISMATCH)
        )  # fmt: skip
    elif all(given) and full_day is not None and None not in meals.values():
        total = sum(value or 0 for value in meals.values())
        if total != full_day:
            errors.append(
                FieldError(f"{prefix}breakfast", "Breakfast, lunch and dinner must add up to the "
                           "full-day amount.", ErrorCode.COMPONENTS_MISMATCH)
            )  # fmt: skip
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
        dinner_minor=meals["dinner"],
    )  # fmt: skip


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
