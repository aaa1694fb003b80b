"""Rule presets an admin can load into a policy (rates stay data the admin enters or imports).

GERMANY (§9(4a) EStG): a single-day trip of more than 8 hours earns the partial rate (half of
the full day: 14 of 28 EUR); the departure and arrival days of a multi-day trip earn the partial
rate whatever their hours; full 24-hour days the full rate; provided breakfast, lunch and dinner
take 20 %, 40 % and 40 % of the full-day rate off that day, never below zero.

US_FEDERAL (FTR §301-11.101): 75 % of M&IE on the first and last day of travel; a single-day
trip of more than 12 hours earns 75 %; full days 100 %; a provided meal is deducted at its full
value, i.e. the rate's meal component, but never below the rate's incidentals (the traveller
keeps the incidentals even with every meal provided, as long as the day earned that much).

HAWAII (State of Hawaii style): the departure time gives the first day a quarter to a full day
(00:01-06:00 a full day, 06:01-12:00 3/4, 12:01-18:00 1/2, 18:01-24:00 1/4), the return time
the last day mirrored (00:01-06:00 1/4 ... 18:01-24:00 a full day); a trip of one date earns the
smaller of the two; days in between are full days; a provided meal is deducted at the rate's
component.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from resolvers.perdiem.amounts import Rules, Tier
from resolvers.perdiem.bands import TimeBand


class PerDiemPreset(StrEnum):
    GERMANY = "GERMANY"
    US_FEDERAL = "US_FEDERAL"
    HAWAII = "HAWAII"


def _quarter_day_bands() -> tuple[TimeBand, ...]:
    """00:00-06:00 a full day, then a quarter less every six hours."""
    shares = (Decimal(1), Decimal("0.75"), Decimal("0.5"), Decimal("0.25"))
    return tuple(TimeBand(i * 360, (i + 1) * 360, share) for i, share in enumerate(shares))


PRESETS: dict[PerDiemPreset, Rules] = {
    PerDiemPreset.GERMANY: Rules(
        tiers=(
            Tier(Decimal(8), Decimal("0.5"), exclusive=True),
            Tier(Decimal(24), Decimal(1)),
        ),
        first_last_day_share=Decimal("0.5"),
        breakfast_share=Decimal("0.2"),
        lunch_share=Decimal("0.4"),
        dinner_share=Decimal("0.4"),
    ),
    PerDiemPreset.US_FEDERAL: Rules(
        tiers=(
            Tier(Decimal(12), Decimal("0.75"), exclusive=True),
            Tier(Decimal(24), Decimal(1)),
        ),
        first_last_day_share=Decimal("0.75"),
        incidentals_floor=True,
    ),
    PerDiemPreset.HAWAII: Rules(
        tiers=(Tier(Decimal(24), Decimal(1)),),
        time_bands=_quarter_day_bands(),
    ),
}
