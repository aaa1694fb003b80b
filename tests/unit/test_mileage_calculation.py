from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from orm.models.mileage import DistanceUnit
from resolvers.mileage.calculation import (
    DistanceError,
    Line,
    RatePeriod,
    Slab,
    convert,
    distance_of,
    fiscal_year,
    periods_overlap,
    price,
    rate_in_force,
    split_into_lines,
)

D = Decimal
HMRC = (Slab(D(0), D("0.45")), Slab(D(10000), D("0.25")))


def _period(key: int, start: date, end: date | None, rate: str) -> RatePeriod:
    return RatePeriod(key, start, end, DistanceUnit.MILE, "GBP", (Slab(D(0), D(rate)),))


PERIODS = [
    _period(1, date(2026, 1, 1), date(2026, 6, 30), "0.45"),
    _period(2, date(2026, 7, 1), None, "0.50"),
]


@pytest.mark.parametrize(
    ("day", "key"),
    [(date(2025, 12, 31), None), (date(2026, 1, 1), 1), (date(2026, 6, 30), 1),
     (date(2026, 7, 1), 2), (date(2026, 7, 2), 2), (date(2030, 1, 1), 2)],
)  # fmt: skip
def test_the_rate_in_force_on_the_day(day: date, key: int | None) -> None:
    found = rate_in_force(PERIODS, day)
    assert (found.key if found else None) == key


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [((date(2026, 1, 1), date(2026, 6, 30)), (date(2026, 7, 1), None), False),
     ((date(2026, 1, 1), date(2026, 7, 1)), (date(2026, 7, 1), None), True),
     ((date(2026, 1, 1), None), (date(2027, 1, 1), None), True),
     ((date(2026, 3, 1), date(2026, 3, 31)), (date(2026, 1, 1), date(2026, 12, 31)), True),
     ((date(2027, 1, 1), None), (date(2026, 1, 1), date(2026, 12, 31)), False)],
)  # fmt: skip
def test_periods_overlap(
    a: tuple[date, date | None], b: tuple[date, date | None], overlap: bool
) -> None:
    assert periods_overlap(*a, *b) is overlap
    assert periods_overlap(*b, *a) is overlap


@pytest.mark.parametrize(
    ("day", "start_month", "expected"),
    [(date(2026, 4, 1), 4, (date(2026, 4, 1), date(2027, 3, 31))),
     (date(2026, 3, 31), 4, (date(2025, 4, 1), date(2026, 3, 31))),
     (date(2026, 12, 31), 1, (date(2026, 1, 1), date(2026, 12, 31))),
     (date(2024, 2, 29), 3, (date(2023, 3, 1), date(2024, 2, 29))),
     (date(2026, 7, 15), 7, (date(2026, 7, 1), date(2027, 6, 30)))],
)  # fmt: skip
def test_fiscal_year(day: date, start_month: int, expected: tuple[date, date]) -> None:
    assert fiscal_year(day, start_month) == expected


def test_slab_boundary_splits_into_a_line_at_each_rate() -> None:
    # 9,900 miles claimed, 250 more: 100 at 45p, 150 at 25p
    lines = split_into_lines(HMRC, D(9900), D(250), "GBP")
    assert lines == [
        Line(D(9900), D(100), D("0.45"), 4500),
        Line(D(10000), D(150), D("0.25"), 3750),
    ]


@pytest.mark.parametrize(
    ("claimed", "distance", "expected"),
    [(D(0), D(100), [Line(D(0), D(100), D("0.45"), 4500)]),
     (D(9900), D(100), [Line(D(9900), D(100), D("0.45"), 4500)]),
     (D(10000), D(10), [Line(D(10000), D(10), D("0.25"), 250)]),
     (D(12000), D("0.5"), [Line(D(12000), D("0.5"), D("0.25"), 13)])],  # 12.5p rounds half up
)  # fmt: skip
def test_lines_on_each_side_of_the_boundary(
    claimed: Decimal, distance: Decimal, expected: list[Line]
) -> None:
    assert split_into_lines(HMRC, claimed, distance, "GBP") == expected


def test_a_trip_spanning_three_slabs() -> None:
    slabs = (Slab(D(0), D("0.30")), Slab(D(100), D("0.20")), Slab(D(200), D("0.10")))
    lines = split_into_lines(slabs, D(50), D(300), "EUR")
    assert [(line.distance, line.amount_minor) for line in lines] == [
        (D(50), 1500), (D(100), 2000), (D(150), 1500)
    ]  # fmt: skip


def test_each_line_is_rounded_half_up_on_its_own() -> None:
    assert price(D("10.01"), D("0.45"), "GBP") == 450  # 4.5045
    assert price(D("10.1"), D("0.45"), "GBP") == 455  # 4.545 -> 4.55
    assert price(D("10"), D("0.725"), "JPY") == 7  # 7.25 -> 7
    assert price(D("3"), D("0.5"), "JPY") == 2  # 1.5 -> 2


@pytest.mark.parametrize(
    ("distance", "start", "end", "expected"),
    [(D("42.5"), None, None, D("42.5")),
     (None, D("12000"), D("12250.4"), D("250.4")),
     (None, D("0"), D("0.01"), D("0.01"))],
)  # fmt: skip
def test_distance_from_distance_or_odometer(
    distance: Decimal | None, start: Decimal | None, end: Decimal | None, expected: Decimal
) -> None:
    assert distance_of(distance, start, end) == expected


@pytest.mark.parametrize(
    ("distance", "start", "end", "field"),
    [(None, None, None, "distance"),
     (D(10), D(1), D(11), "distance"),
     (None, D(100), None, "odometerEnd"),
     (None, None, D(100), "odometerStart"),
     (None, D(100), D(100), "odometerEnd"),
     (None, D(100), D(90), "odometerEnd"),
     (None, D(-5), D(10), "odometerStart"),
     (None, D("1.234"), D(10), "odometerStart"),
     (None, D(0), D(200000), "odometerEnd"),  # more than the largest distance per expense
     (D(0), None, None, "distance"),
     (D(-3), None, None, "distance"),
     (D("1.005"), None, None, "distance"),
     (D("1e40"), None, None, "distance")],
)  # fmt: skip
def test_bad_distances_and_odometer_readings(
    distance: Decimal | None, start: Decimal | None, end: Decimal | None, field: str
) -> None:
    with pytest.raises(DistanceError) as raised:
        distance_of(distance, start, end)
    assert raised.value.field == field


def test_units_convert_exactly_before_rounding_to_hundredths() -> None:
    assert convert(D(100), DistanceUnit.MILE, DistanceUnit.KM) == D("160.93")
    assert convert(D("160.9344"), DistanceUnit.KM, DistanceUnit.MILE) == D("100.00")
    assert convert(D(7), DistanceUnit.KM, DistanceUnit.KM) == D(7)
