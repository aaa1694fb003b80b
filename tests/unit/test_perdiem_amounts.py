"""Amounts per day under the Germany and US presets and a custom tier table: boundary hours,
meal deductions reaching zero, half-up rounding and a trip crossing into a new rate period."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

import pytest

from resolvers.perdiem.amounts import (
    Meals,
    MissingRate,
    RateValue,
    Rules,
    Tier,
    calculate,
    day_amount,
)
from resolvers.perdiem.hours import DaySpan, split_individual_days, split_trip
from resolvers.perdiem.presets import PRESETS, PerDiemPreset

GERMANY = PRESETS[PerDiemPreset.GERMANY]
US = PRESETS[PerDiemPreset.US_FEDERAL]
CUSTOM = Rules(
    tiers=(Tier(Decimal(8), Decimal("0.25")), Tier(Decimal(14), Decimal("0.5")),
           Tier(Decimal(24), Decimal(1))),
)  # fmt: skip
BERLIN, MUNICH, CHICAGO = 1, 2, 3
D = date(2026, 1, 14)
EUR_28 = RateValue(BERLIN, "EUR", 2800, date(2020, 1, 1))
USD_79 = RateValue(CHICAGO, "USD", 7900, date(2020, 1, 1), breakfast_minor=1800,
                   lunch_minor=2000, dinner_minor=4100)  # fmt: skip
NONE, B, L, DN = Meals(), Meals(breakfast=True), Meals(lunch=True), Meals(dinner=True)
ALL = Meals(True, True, True)


def span(minutes: int, *, edge: bool = False, location: int = BERLIN) -> DaySpan:
    return DaySpan(D, minutes, location, edge)


@pytest.mark.parametrize(
    ("rules", "rate", "minutes", "edge", "meals", "share", "deductions", "amount"),
    [
        # Germany: a single day needs MORE than 8 hours
        (GERMANY, EUR_28, 8 * 60, False, NONE, "0", 0, 0),
        (GERMANY, EUR_28, 8 * 60 + 1, False, NONE, "0.5", 0, 1400),
        (GERMANY, EUR_28, 23 * 60, False, NONE, "0.5", 0, 1400),
        (GERMANY, EUR_28, 24 * 60, False, NONE, "1", 0, 2800),  # exactly 24 h: full
        # arrival and departure days of a multi-day trip: partial whatever the hours
        (GERMANY, EUR_28, 60, True, NONE, "0.5", 0, 1400),
        (GERMANY, EUR_28, 20 * 60, True, NONE, "0.5", 0, 1400),
        # meals: 20 % / 40 % / 40 % of the FULL-day rate, per day, never below zero
        (GERMANY, EUR_28, 24 * 60, False, B, "1", 560, 2240),
        (GERMANY, EUR_28, 24 * 60, False, Meals(lunch=True, dinner=True), "1", 2240, 560),
        (GERMANY, EUR_28, 24 * 60, False, ALL, "1", 2800, 0),  # reaches exactly zero
        (GERMANY, EUR_28, 60, True, B, "0.5", 560, 840),
        (GERMANY, EUR_28, 60, True, DN, "0.5", 1120, 280),
        (GERMANY, EUR_28, 60, True, Meals(lunch=True, dinner=True), "0.5", 1400, 0),  # floored
        (GERMANY, EUR_28, 8 * 60, False, B, "0", 0, 0),  # nothing earned, nothing taken
        # US federal: single day more than 12 h at 75 %, first and last day 75 %
        (US, USD_79, 12 * 60, False, NONE, "0", 0, 0),
        (US, USD_79, 12 * 60 + 1, False, NONE, "0.75", 0, 5925),
        (US, USD_79, 24 * 60, False, NONE, "1", 0, 7900),  # exactly 24 h
        (US, USD_79, 3 * 60, True, NONE, "0.75", 0, 5925),
        # a provided meal is deducted at its full component value even on a 75 % day
        (US, USD_79, 3 * 60, True, DN, "0.75", 4100, 1825),
        (US, USD_79, 24 * 60, False, Meals(True, True, False), "1", 3800, 4100),
        (US, USD_79, 3 * 60, True, ALL, "0.75", 5925, 0),  # reaches zero, not below
        # custom tiers: at least 8 h 25 %, at least 14 h 50 %, 24 h 100 %
        (CUSTOM, EUR_28, 8 * 60 - 1, False, NONE, "0", 0, 0),
        (CUSTOM, EUR_28, 8 * 60, False, NONE, "0.25", 0, 700),  # exactly 8 h counts
        (CUSTOM, EUR_28, 14 * 60 - 1, False, NONE, "0.25", 0, 700),
        (CUSTOM, EUR_28, 14 * 60, False, NONE, "0.5", 0, 1400),
        (CUSTOM, EUR_28, 24 * 60 - 1, False, NONE, "0.5", 0, 1400),
        (CUSTOM, EUR_28, 24 * 60, False, NONE, "1", 0, 2800),  # exactly 24 h
        (CUSTOM, EUR_28, 60, True, NONE, "0", 0, 0),  # no first/last rule: hours decide
        (CUSTOM, EUR_28, 24 * 60, False, ALL, "1", 0, 2800),  # no meal rule, no components
    ],
)  # fmt: skip
def test_day_amounts(
    rules: Rules, rate: RateValue, minutes: int, edge: bool, meals: Meals,
    share: str, deductions: int, amount: int,
) -> None:  # fmt: skip
    result = day_amount(span(minutes, edge=edge, location=rate.location_id), rate, rules, meals)
    assert (result.share, result.deductions_minor, result.amount_minor) == (
        Decimal(share),
        deductions,
        amount,
    )
    assert result.gross_minor - result.deductions_minor == result.amount_minor


def test_each_day_rounds_half_up_to_minor_units() -> None:
    odd = RateValue(CHICAGO, "USD", 5150, date(2020, 1, 1))  # 75 % = 38.625
    assert day_amount(span(60, edge=True, location=CHICAGO), odd, US).amount_minor == 3863
    yen = RateValue(CHICAGO, "JPY", 5001, date(2020, 1, 1))  # 50 % = 2500.5 yen
    assert day_amount(span(60, edge=True, location=CHICAGO), yen, GERMANY).amount_minor == 2501
    # breakfast on a 28.57 full day: 28.57 - 5.714 = 22.856, rounded once to 22.86
    odd_eur = RateValue(BERLIN, "EUR", 2857, date(2020, 1, 1))
    assert day_amount(span(24 * 60), odd_eur, GERMANY, B).amount_minor == 2286


def test_germany_trip_over_four_days() -> None:
    days = split_trip(MUNICH, date(2026, 1, 14), time(9, 0), BERLIN, date(2026, 1, 17), time(17, 0))
    munich = RateValue(MUNICH, "EUR", 2800, date(2020, 1, 1))
    result = calculate(days, [munich, EUR_28], GERMANY, {date(2026, 1, 15): B})
    assert [(r.span.location_id, r.share, r.amount_minor) for r in result] == [
        (MUNICH, Decimal("0.5"), 1400), (BERLIN, Decimal(1), 2240),
        (BERLIN, Decimal(1), 2800), (BERLIN, Decimal("0.5"), 1400),
    ]  # fmt: skip


def test_individual_days_of_eight_hours_earn_nothing_in_germany() -> None:
    days = split_individual_days(BERLIN, date(2026, 1, 14), date(2026, 1, 17), time(9, 0),
                                 time(17, 0))  # fmt: skip
    assert [r.amount_minor for r in calculate(days, [EUR_28], GERMANY)] == [0, 0, 0, 0]
    longer = split_individual_days(BERLIN, date(2026, 1, 14), date(2026, 1, 15), time(8, 0),
                                   time(17, 0))  # fmt: skip
    assert [r.amount_minor for r in calculate(longer, [EUR_28], GERMANY)] == [1400, 1400]


def test_a_trip_crossing_into_a_new_rate_period_uses_each_days_rate() -> None:
    old = RateValue(BERLIN, "EUR", 2800, date(2020, 1, 1), date(2025, 12, 31))
    new = RateValue(BERLIN, "EUR", 3000, date(2026, 1, 1))
    days = split_trip(BERLIN, date(2025, 12, 30), time(10, 0), BERLIN, date(2026, 1, 2),
                      time(15, 0))  # fmt: skip
    result = calculate(days, [new, old], GERMANY)
    assert [(r.span.date, r.rate.full_day_minor, r.amount_minor) for r in result] == [
        (date(2025, 12, 30), 2800, 1400), (date(2025, 12, 31), 2800, 2800),
        (date(2026, 1, 1), 3000, 3000), (date(2026, 1, 2), 3000, 1500),
    ]  # fmt: skip


def test_a_day_without_a_rate_is_reported() -> None:
    later = RateValue(BERLIN, "EUR", 3000, date(2026, 1, 16))
    days = split_individual_days(BERLIN, date(2026, 1, 14), date(2026, 1, 17), time(0, 0),
                                 time(23, 59))  # fmt: skip
    with pytest.raises(MissingRate) as missing:
        calculate(days, [later], GERMANY)
    assert (missing.value.day, missing.value.location_id) == (date(2026, 1, 14), BERLIN)
