"""Time-of-day bands (pure): the first day of a trip earns the share of the band its departure
time falls in, the last day the mirrored share by its return time (State of Hawaii style).

A band runs *after* ``starts_after`` *until* ``ends_at`` (minutes of the day, 0 to 1440): the
band 06:00-12:00 takes departures from 06:01 to 12:00. A departure at 00:00 falls in the first
band. The bands of a policy are contiguous and cover the whole day (``validation.py``).

The return day mirrors the bands: a return at ``t`` earns what a departure at 24:00 - ``t``
would, with each band's edges swapped, so the departure band 18:00-24:00 becomes the return band
00:00-06:00 (returns from 00:01 to 06:00). With the Hawaii shares, returns 00:01-06:00 earn 1/4
of a day, 06:01-12:00 1/2, 12:01-18:00 3/4 and 18:01-24:00 a full day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from resolvers.perdiem.hours import MINUTES_PER_DAY, DaySpan


@dataclass(frozen=True, slots=True)
class TimeBand:
    """Departures after ``starts_after`` until ``ends_at`` (minutes of the day) earn ``share``."""

    starts_after: int
    ends_at: int
    share: Decimal


def departure_share(minute: int, bands: Sequence[TimeBand]) -> Decimal:
    """The share of the band a departure at ``minute`` falls in (bands in order of time)."""
    for band in bands:
        if minute <= band.ends_at:
            return band.share
    return bands[-1].share


def return_share(minute: int, bands: Sequence[TimeBand]) -> Decimal:
    """The mirrored share for a return at ``minute`` (1 to 1440): the band holding
    24:00 - ``minute``, counting its start in and its end out."""
    mirrored = MINUTES_PER_DAY - minute
    for band in bands:
        if mirrored < band.ends_at:
            return band.share
    return bands[-1].share


def band_share(span: DaySpan, bands: Sequence[TimeBand]) -> Decimal | None:
    """The share bands give a TRIP day on which the traveller leaves or returns: by departure,
    by return, or on a trip of one date the smaller of the two. None for any other day."""
    if not bands:
        return None
    shares = []
    if span.departure_minute is not None:
        shares.append(departure_share(span.departure_minute, bands))
    if span.arrival_minute is not None:
        shares.append(return_share(span.arrival_minute, bands))
    return min(shares) if shares else None
