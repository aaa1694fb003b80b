"""Splitting a trip into calendar days with their hours and location (pure).

Times are wall-clock times in the organisation's time zone (the traveller's home zone). The end
of a day is midnight: a departure at 09:00 gives 15 hours, an end time of 23:59 is read as the end
of the day (24:00), so 00:00 to 23:59 is a full 24-hour day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from decimal import Decimal

MINUTES_PER_DAY = 24 * 60
END_OF_DAY = time(23, 59)


@dataclass(frozen=True, slots=True)
class DaySpan:
    date: date
    minutes: int
    location_id: int
    # First or last day of a trip that spans more than one day (TRIP mode only).
    is_first_or_last: bool = False
    # TRIP mode only: the minute of the day the trip leaves (its first day) and the minute it
    # returns (its last day, 1 to 1440); both on a trip that starts and ends on one date.
    departure_minute: int | None = None
    arrival_minute: int | None = None

    @property
    def hours(self) -> Decimal:
        """Hours to two decimals (what the breakdown shows; tiers compare exact minutes)."""
        return (Decimal(self.minutes) / 60).quantize(Decimal("0.01"))


class SpanError(ValueError):
    """An impossible range: arrival before departure, end before start, last before first."""


def minute_of_day(value: time, *, end: bool) -> int:
    """Minutes since midnight; as an ``end``, 23:59 is the end of the day (1440)."""
    if end and value >= END_OF_DAY:
        return MINUTES_PER_DAY
    return value.hour * 60 + value.minute


def split_trip(
    departure_location_id: int,
    departure_date: date,
    departure_time: time,
    arrival_location_id: int,
    arrival_date: date,
    arrival_time: time,
) -> list[DaySpan]:
    """One continuous trip. The first day runs from departure to midnight at the departure
    location's rate, days in between count 24 hours at the arrival location's rate, and the
    last day runs from 00:00 to the arrival time at the arrival location's rate. A trip that
    starts and ends on one date is one day (departure to arrival) at the departure location.
    Arriving at 00:00 makes the day before the last day (it ends at midnight): no empty day."""
    start = minute_of_day(departure_time, end=False)
    finish = minute_of_day(arrival_time, end=True)
    if arrival_date < departure_date or (arrival_date == departure_date and finish <= start):
        raise SpanError("The arrival must come after the departure.")
    if finish == 0:  # arriving at 00:00 ends the trip with the day before, at midnight
        arrival_date, finish = arrival_date - timedelta(days=1), MINUTES_PER_DAY
    if arrival_date == departure_date:
        return [DaySpan(departure_date, finish - start, departure_location_id,
                        departure_minute=start, arrival_minute=finish)]  # fmt: skip
    days = [DaySpan(departure_date, MINUTES_PER_DAY - start, departure_location_id, True,
                    departure_minute=start)]  # fmt: skip
    current = departure_date + timedelta(days=1)
    while current < arrival_date:
        days.append(DaySpan(current, MINUTES_PER_DAY, arrival_location_id))
        current += timedelta(days=1)
    days.append(DaySpan(arrival_date, finish, arrival_location_id, True, arrival_minute=finish))
    return days


def split_individual_days(
    location_id: int, first_date: date, last_date: date, start_time: time, end_time: time
) -> list[DaySpan]:
    """The same daily start and end time on every date from ``first_date`` to ``last_date``;
    each day is judged on its own hours."""
    start = minute_of_day(start_time, end=False)
    finish = minute_of_day(end_time, end=True)
    if last_date < first_date:
        raise SpanError("The last date may not precede the first date.")
    if finish <= start:
        raise SpanError("The daily end time must come after the start time.")
    count = (last_date - first_date).days + 1
    return [
        DaySpan(first_date + timedelta(days=offset), finish - start, location_id)
        for offset in range(count)
    ]
