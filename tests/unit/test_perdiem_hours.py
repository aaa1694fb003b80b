"""Per-day hours of TRIP and INDIVIDUAL_DAYS, including the seed's two worked examples."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

import pytest

from resolvers.perdiem.hours import DaySpan, SpanError, split_individual_days, split_trip

HOME, AWAY = 1, 2
JAN = 1


def d(day: int, month: int = JAN, year: int = 2026) -> date:
    return date(year, month, day)


@pytest.mark.parametrize(
    ("departure", "arrival", "expected"),
    [
        # worked example: 09:00 on 14 January to 17:00 on 17 January
        ((d(14), time(9, 0)), (d(17), time(17, 0)),
         [(d(14), "15.00", HOME, True), (d(15), "24.00", AWAY, False),
          (d(16), "24.00", AWAY, False), (d(17), "17.00", AWAY, True)]),
        # overnight: two partial days, both first/last
        ((d(14), time(20, 0)), (d(15), time(6, 30)),
         [(d(14), "4.00", HOME, True), (d(15), "6.50", AWAY, True)]),
        # one date: departure to arrival, at the departure location
        ((d(14), time(7, 15)), (d(14), time(19, 45)), [(d(14), "12.50", HOME, False)]),
        # leaving at 00:00 is a full first day; arriving at 23:59 a full last day
        ((d(14), time(0, 0)), (d(15), time(23, 59)),
         [(d(14), "24.00", HOME, True), (d(15), "24.00", AWAY, True)]),
        # arriving at 00:00: the trip ended at midnight, the day before is the last day
        ((d(14), time(18, 0)), (d(16), time(0, 0)),
         [(d(14), "6.00", HOME, True), (d(15), "24.00", AWAY, True)]),
        ((d(14), time(18, 0)), (d(15), time(0, 0)), [(d(14), "6.00", HOME, False)]),
        # across a month end
        ((d(31), time(12, 0)), (d(2, 2), time(8, 0)),
         [(d(31), "12.00", HOME, True), (d(1, 2), "24.00", AWAY, False),
          (d(2, 2), "8.00", AWAY, True)]),
    ],
)  # fmt: skip
def test_trip_days(
    departure: tuple[date, time], arrival: tuple[date, time], expected: list[tuple[object, ...]]
) -> None:
    days = split_trip(HOME, *departure, AWAY, *arrival)
    assert [(s.date, str(s.hours), s.location_id, s.is_first_or_last) for s in days] == expected


@pytest.mark.parametrize(
    ("first", "last", "start", "end", "expected_minutes", "count"),
    [
        # worked example: 09:00 to 17:00 over 14-17 January is 8 hours on each of four days
        (d(14), d(17), time(9, 0), time(17, 0), 480, 4),
        (d(14), d(14), time(6, 0), time(20, 30), 870, 1),
        (d(14), d(15), time(0, 0), time(23, 59), 1440, 2),  # 23:59 reads as the end of the day
        (d(14), d(16), time(8, 0), time(16, 0), 480, 3),
    ],
)
def test_individual_days(
    first: date, last: date, start: time, end: time, expected_minutes: int, count: int
) -> None:
    days = split_individual_days(AWAY, first, last, start, end)
    assert [s.minutes for s in days] == [expected_minutes] * count
    assert [s.date for s in days] == [date.fromordinal(first.toordinal() + i) for i in range(count)]
    assert all(s.location_id == AWAY and not s.is_first_or_last for s in days)


def test_worked_example_individual_days_hours() -> None:
    days = split_individual_days(AWAY, d(14), d(17), time(9, 0), time(17, 0))
    assert days == [DaySpan(d(day), 480, AWAY) for day in (14, 15, 16, 17)]
    assert [s.hours for s in days] == [Decimal("8.00")] * 4


@pytest.mark.parametrize(
    "args",
    [
        (HOME, d(15), time(9, 0), AWAY, d(14), time(17, 0)),  # arrives before leaving
        (HOME, d(14), time(9, 0), AWAY, d(14), time(9, 0)),  # no time away
    ],
)
def test_impossible_trips(args: tuple[object, ...]) -> None:
    with pytest.raises(SpanError):
        split_trip(*args)  # type: ignore[arg-type]


def test_impossible_individual_days() -> None:
    with pytest.raises(SpanError):
        split_individual_days(AWAY, d(15), d(14), time(9, 0), time(17, 0))
    with pytest.raises(SpanError):
        split_individual_days(AWAY, d(14), d(15), time(17, 0), time(9, 0))
