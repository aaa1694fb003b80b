"""The US incidentals floor, time-of-day bands (State of Hawaii style) and partial-day amounts:
worked examples with exact amounts, band edges, how bands meet the other rules, and the checks
of rules and rates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from decimal import Decimal

import pytest

from resolvers.errors import ErrorCode, FieldError
from resolvers.perdiem.amounts import Meals, RateValue, Rules, Tier, calculate, day_amount
from resolvers.perdiem.bands import TimeBand, departure_share, return_share
from resolvers.perdiem.hours import DaySpan, split_individual_days, split_trip
from resolvers.perdiem.presets import PRESETS, PerDiemPreset
from resolvers.perdiem.validation import RateData, clean_bands, clean_rate, clean_rules

GERMANY = PRESETS[PerDiemPreset.GERMANY]
US = PRESETS[PerDiemPreset.US_FEDERAL]
HAWAII = PRESETS[PerDiemPreset.HAWAII]
CHICAGO, HONOLULU, PARIS = 1, 2, 3
D = date(2026, 1, 14)
# GSA style: 79 USD M&IE = breakfast 18 + lunch 20 + dinner 36 + incidentals 5
USD_79 = RateValue(CHICAGO, "USD", 7900, date(2020, 1, 1), breakfast_minor=1800,
                   lunch_minor=2000, dinner_minor=3600, incidentals_minor=500)  # fmt: skip
USD_100 = RateValue(HONOLULU, "USD", 10000, date(2020, 1, 1))
# BMF style foreign rate: 39 EUR a full day, 26 EUR a partial day
EUR_39 = RateValue(PARIS, "EUR", 3900, date(2020, 1, 1), partial_day_minor=2600)
NONE, ALL = Meals(), Meals(True, True, True)


def edge_day(rate: RateValue, minutes: int = 3 * 60) -> DaySpan:
    return DaySpan(D, minutes, rate.location_id, True)


def amounts(rules: Rules, rate: RateValue, span: DaySpan, meals: Meals) -> tuple[int, int, int]:
    result = day_amount(span, rate, rules, meals)
    assert result.gross_minor - result.deductions_minor == result.amount_minor
    return result.gross_minor, result.deductions_minor, result.amount_minor


# --- the incidentals floor


def test_every_meal_provided_on_a_us_75_percent_day_leaves_the_incidentals() -> None:
    # 75 % of 79 = 59.25; the meals at full value (74.00) would take it to zero; it keeps 5.00
    assert amounts(US, USD_79, edge_day(USD_79), ALL) == (5925, 5425, 500)
    # without the floor the same day stops at zero, as before
    assert amounts(replace(US, incidentals_floor=False), USD_79, edge_day(USD_79), ALL) == (
        5925, 5925, 0
    )  # fmt: skip


@pytest.mark.parametrize(
    ("minutes", "edge", "meals", "expected"),
    [
        (24 * 60, False, ALL, (7900, 7400, 500)),  # full day, every meal: the incidentals
        (24 * 60, False, Meals(True, True, False), (7900, 3800, 4100)),  # above the floor
        (3 * 60, True, Meals(dinner=True), (5925, 3600, 2325)),
        (3 * 60, True, Meals(lunch=True, dinner=True), (5925, 5425, 500)),  # floored
        (12 * 60, False, ALL, (0, 0, 0)),  # a day that earns nothing keeps nothing
    ],
)  # fmt: skip
def test_us_days_under_the_floor(
    minutes: int, edge: bool, meals: Meals, expected: tuple[int, int, int]
) -> None:
    assert amounts(US, USD_79, DaySpan(D, minutes, CHICAGO, edge), meals) == expected


def test_the_floor_never_raises_a_day_above_its_gross_and_rounds_once() -> None:
    tiny = Rules(tiers=(Tier(Decimal(0), Decimal("0.0625")),), incidentals_floor=True)
    # 6.25 % of 79 = 4.9375, less than the 5.00 incidentals: the floor is the gross itself
    assert amounts(tiny, USD_79, DaySpan(D, 60, CHICAGO), ALL) == (494, 0, 494)
    assert amounts(tiny, USD_79, DaySpan(D, 60, CHICAGO), NONE) == (494, 0, 494)


def test_a_rate_without_incidentals_still_stops_at_zero_under_the_floor() -> None:
    plain = replace(USD_79, incidentals_minor=None, dinner_minor=4100)
    assert amounts(US, plain, edge_day(plain), ALL) == (5925, 5925, 0)


# --- time-of-day bands


@pytest.mark.parametrize(
    ("clock", "share"),
    [(time(0, 0), "1"), (time(0, 1), "1"), (time(6, 0), "1"), (time(6, 1), "0.75"),
     (time(7, 30), "0.75"), (time(12, 0), "0.75"), (time(12, 1), "0.5"), (time(18, 0), "0.5"),
     (time(18, 1), "0.25"), (time(23, 59), "0.25")],
)  # fmt: skip
def test_departure_bands(clock: time, share: str) -> None:
    minute = clock.hour * 60 + clock.minute
    assert departure_share(minute, HAWAII.time_bands) == Decimal(share)


@pytest.mark.parametrize(
    ("minute", "share"),
    [(1, "0.25"), (6 * 60, "0.25"), (6 * 60 + 1, "0.5"), (12 * 60, "0.5"), (12 * 60 + 1, "0.75"),
     (18 * 60, "0.75"), (18 * 60 + 1, "1"), (24 * 60, "1")],
)  # fmt: skip
def test_return_bands_mirror_the_departure_bands(minute: int, share: str) -> None:
    assert return_share(minute, HAWAII.time_bands) == Decimal(share)


def test_hawaii_trip_departing_at_0730_gets_three_quarters_of_the_rate() -> None:
    days = split_trip(CHICAGO, D, time(7, 30), HONOLULU, date(2026, 1, 16), time(17, 0))
    chicago = RateValue(CHICAGO, "USD", 8000, date(2020, 1, 1))
    result = calculate(days, [chicago, USD_100], HAWAII)
    # departure 07:30: 3/4 of 80; a full day in between; return 17:00 (12:01-18:00): 3/4 of 100
    assert [(r.share, r.gross_minor, r.amount_minor) for r in result] == [
        (Decimal("0.75"), 6000, 6000), (Decimal(1), 10000, 10000),
        (Decimal("0.75"), 7500, 7500),
    ]  # fmt: skip


def test_arriving_at_midnight_is_a_return_at_the_end_of_the_day() -> None:
    days = split_trip(HONOLULU, D, time(19, 0), HONOLULU, date(2026, 1, 16), time(0, 0))
    assert [day_amount(s, USD_100, HAWAII).amount_minor for s in days] == [2500, 10000]


def test_bands_replace_the_first_and_last_day_share_and_the_tiers_on_those_days() -> None:
    rules = replace(HAWAII, first_last_day_share=Decimal("0.5"),
                    tiers=(Tier(Decimal(8), Decimal("0.1")), Tier(Decimal(24), Decimal(1))))  # fmt: skip
    days = split_trip(HONOLULU, D, time(5, 0), HONOLULU, date(2026, 1, 15), time(9, 0))
    assert [day_amount(s, USD_100, rules).share for s in days] == [Decimal(1), Decimal("0.5")]
    # without bands the same rules give the first and last day share
    plain = replace(rules, time_bands=())
    assert [day_amount(s, USD_100, plain).share for s in days] == [Decimal("0.5")] * 2


@pytest.mark.parametrize(
    ("leaves", "returns", "share"),
    [((7, 30), (20, 0), "0.75"),  # departure 3/4, return 1: the smaller
     ((7, 30), (10, 0), "0.5"),  # departure 3/4, return 1/2
     ((5, 0), (23, 59), "1"),
     ((19, 0), (23, 0), "0.25")],
)  # fmt: skip
def test_a_one_date_trip_gets_the_smaller_of_its_two_band_shares(
    leaves: tuple[int, int], returns: tuple[int, int], share: str
) -> None:
    [only] = split_trip(HONOLULU, D, time(*leaves), HONOLULU, D, time(*returns))
    assert day_amount(only, USD_100, HAWAII).share == Decimal(share)


def test_bands_do_not_apply_to_individual_days() -> None:
    days = split_individual_days(HONOLULU, D, date(2026, 1, 15), time(7, 30), time(20, 0))
    assert [day_amount(s, USD_100, HAWAII).share for s in days] == [Decimal(0)] * 2
    whole = split_individual_days(HONOLULU, D, D, time(0, 0), time(23, 59))
    assert day_amount(whole[0], USD_100, HAWAII).share == Decimal(1)


# --- partial-day amounts


@pytest.mark.parametrize(
    ("minutes", "edge", "meals", "share", "expected"),
    [
        (60, True, NONE, "0.5", (2600, 0, 2600)),  # arrival day: 26, not 19.50
        (9 * 60, False, NONE, "0.5", (2600, 0, 2600)),  # single day of more than 8 hours
        (24 * 60, False, NONE, "1", (3900, 0, 3900)),
        (8 * 60, False, NONE, "0", (0, 0, 0)),
        # meals still come off the full-day rate: breakfast 20 % of 39 = 7.80
        (60, True, Meals(breakfast=True), "0.5", (2600, 780, 1820)),
        (60, True, Meals(lunch=True, dinner=True), "0.5", (2600, 2600, 0)),
    ],
)  # fmt: skip
def test_bmf_partial_day_amount(
    minutes: int, edge: bool, meals: Meals, share: str, expected: tuple[int, int, int]
) -> None:
    result = day_amount(DaySpan(D, minutes, PARIS, edge), EUR_39, GERMANY, meals)
    assert result.share == Decimal(share)
    assert (result.gross_minor, result.deductions_minor, result.amount_minor) == expected


def test_partial_day_amount_with_bands_and_the_floor() -> None:
    rate = replace(USD_100, partial_day_minor=6000, breakfast_minor=2000, lunch_minor=3000,
                   dinner_minor=4500, incidentals_minor=500)  # fmt: skip
    rules = replace(HAWAII, incidentals_floor=True)
    [first, last] = split_trip(HONOLULU, D, time(7, 30), HONOLULU, date(2026, 1, 15), time(23, 0))
    assert amounts(rules, rate, first, NONE) == (6000, 0, 6000)  # 3/4 day: the partial amount
    assert amounts(rules, rate, first, ALL) == (6000, 5500, 500)  # meals at full value, floored
    assert amounts(rules, rate, last, NONE) == (10000, 0, 10000)  # a full return day


# --- checks


def _rate(**changes: object) -> tuple[RateValue | None, list[tuple[str | None, ErrorCode]]]:
    data = RateData(currency="USD", full_day=Decimal("79"), breakfast=Decimal("18"),
                    lunch=Decimal("20"), dinner=Decimal("36"), incidentals=Decimal("5"),
                    effective_from=date(2026, 1, 1))  # fmt: skip
    for name, value in changes.items():
        setattr(data, name, value)
    errors: list[FieldError] = []
    value = clean_rate(data, CHICAGO, errors)
    return value, [(e.field, e.code) for e in errors]


def test_rate_checks_of_incidentals_and_partial_day() -> None:
    value, errors = _rate(partial_day=Decimal("59.25"))
    assert errors == [] and value is not None
    assert (value.incidentals_minor, value.partial_day_minor) == (500, 5925)
    mismatch = [("breakfast", ErrorCode.COMPONENTS_MISMATCH)]
    assert _rate(dinner=Decimal("41"))[1] == mismatch  # meals alone add up, but not with 5
    assert _rate(incidentals=None)[1] == mismatch  # 74 without the incidentals
    assert _rate(incidentals=None, dinner=Decimal("41"))[1] == []  # as before
    no_meals = {"breakfast": None, "lunch": None, "dinner": None}
    assert _rate(**no_meals, incidentals=Decimal("79"))[1] == []  # at most the full day
    assert _rate(**no_meals, incidentals=Decimal("79.01"))[1] == [
        ("incidentals", ErrorCode.COMPONENTS_MISMATCH)
    ]
    assert _rate(incidentals=Decimal("-1"))[1] == [("incidentals", ErrorCode.INVALID_AMOUNT)]
    assert _rate(incidentals=Decimal("5.001"))[1] == [("incidentals", ErrorCode.INVALID_AMOUNT)]
    for bad in ("79.01", "0", "12.345"):
        assert _rate(partial_day=Decimal(bad))[1] == [("partialDay", ErrorCode.INVALID_AMOUNT)]


def _bands(*bands: tuple[int, int, str]) -> tuple[tuple[TimeBand, ...], list[tuple[str, str]]]:
    errors: list[FieldError] = []
    cleaned = clean_bands(
        tuple(TimeBand(s, e, Decimal(share)) for s, e, share in bands), errors, "rules.timeBands"
    )
    return cleaned, [(e.field or "", e.code.value) for e in errors]


@pytest.mark.parametrize(
    ("bands", "errors"),
    [
        (((0, 720, "1"), (780, 1440, "0.5")), [("rules.timeBands.1.startsAfter", "TIME_BAND_GAP")]),
        (((60, 720, "1"), (720, 1440, "0.5")), [("rules.timeBands.0.startsAfter", "TIME_BAND_GAP")]),
        (((0, 720, "1"), (720, 1380, "0.5")), [("rules.timeBands.1.endsAt", "TIME_BAND_GAP")]),
        (((720, 1440, "0.5"), (0, 780, "1")),
         [("rules.timeBands.0.startsAfter", "TIME_BAND_OVERLAP")]),
        (((0, 720, "1"), (0, 1440, "0.5")), [("rules.timeBands.1.startsAfter", "UNIQUE")]),
        (((0, 720, "1"), (720, 720, "0.5")), [("rules.timeBands.1.endsAt", "INVALID")]),
        (((0, 720, "1"), (720, 1441, "0.5")), [("rules.timeBands.1.endsAt", "INVALID")]),
        (((0, 720, "1.5"), (720, 1440, "0.5")), [("rules.timeBands.0.share", "INVALID")]),
        (tuple((i * 60, i * 60 + 60, "1") for i in range(24)), []),
        (tuple((i * 50, i * 50 + 50, "1") for i in range(25)), [("rules.timeBands",
                                                                "TOO_MANY_ITEMS")]),
    ],
)  # fmt: skip
def test_band_checks(
    bands: tuple[tuple[int, int, str], ...], errors: list[tuple[str, str]]
) -> None:
    assert _bands(*bands)[1] == errors


def test_bands_are_kept_in_order_of_time() -> None:
    cleaned, errors = _bands((720, 1440, "0.5"), (0, 720, "1"))
    assert errors == []
    assert [(b.starts_after, b.ends_at) for b in cleaned] == [(0, 720), (720, 1440)]
    rules = clean_rules(Rules(tiers=(), time_bands=(cleaned[1], cleaned[0]),
                              incidentals_floor=True), [])  # fmt: skip
    assert rules.time_bands == cleaned and rules.incidentals_floor


@pytest.mark.parametrize("preset", list(PerDiemPreset))
def test_presets_pass_their_own_checks(preset: PerDiemPreset) -> None:
    errors: list[FieldError] = []
    assert clean_rules(PRESETS[preset], errors) == PRESETS[preset]
    assert errors == []


def test_preset_flags_and_bands() -> None:
    assert (GERMANY.incidentals_floor, GERMANY.time_bands) == (False, ())
    assert (US.incidentals_floor, US.time_bands) == (True, ())
    assert not HAWAII.incidentals_floor and HAWAII.first_last_day_share is None
    assert [(b.starts_after, b.ends_at, b.share) for b in HAWAII.time_bands] == [
        (0, 360, Decimal(1)), (360, 720, Decimal("0.75")), (720, 1080, Decimal("0.5")),
        (1080, 1440, Decimal("0.25")),
    ]  # fmt: skip
