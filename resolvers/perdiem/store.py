"""Rows to calculation values and back, and loading what a calculation needs."""

from __future__ import annotations

from collections.abc import Iterable

from tortoise.backends.base.client import BaseDBAsyncClient

from orm import models
from resolvers.perdiem.amounts import RateValue, Rules, Tier
from resolvers.perdiem.bands import TimeBand


def rate_value(row: models.PerDiemRate) -> RateValue:
    return RateValue(
        location_id=row.location_id, currency=row.currency, full_day_minor=row.full_day_minor,
        effective_from=row.effective_from, effective_to=row.effective_to,
        breakfast_minor=row.breakfast_minor, lunch_minor=row.lunch_minor,
        dinner_minor=row.dinner_minor, incidentals_minor=row.incidentals_minor,
        partial_day_minor=row.partial_day_minor,
    )  # fmt: skip


def rate_fields(value: RateValue) -> dict[str, object]:
    return {
        "currency": value.currency, "full_day_minor": value.full_day_minor,
        "breakfast_minor": value.breakfast_minor, "lunch_minor": value.lunch_minor,
        "dinner_minor": value.dinner_minor, "incidentals_minor": value.incidentals_minor,
        "partial_day_minor": value.partial_day_minor, "effective_from": value.effective_from,
        "effective_to": value.effective_to,
    }  # fmt: skip


def rules_of(
    policy: models.PerDiemPolicy,
    tiers: Iterable[models.PerDiemTier],
    bands: Iterable[models.PerDiemTimeBand],
) -> Rules:
    return Rules(
        tiers=tuple(
            Tier(t.min_hours, t.share, t.exclusive)
            for t in sorted(tiers, key=lambda t: (t.min_hours, t.exclusive))
        ),
        first_last_day_share=policy.first_last_day_share,
        breakfast_share=policy.breakfast_share,
        lunch_share=policy.lunch_share,
        dinner_share=policy.dinner_share,
        time_bands=tuple(
            TimeBand(b.starts_after_minute, b.ends_at_minute, b.share)
            for b in sorted(bands, key=lambda b: b.starts_after_minute)
        ),
        incidentals_floor=policy.incidentals_floor,
    )


async def write_rules(
    connection: BaseDBAsyncClient, policy: models.PerDiemPolicy, rules: Rules
) -> None:
    """Replace the policy's rule set (its shares and flags, its tier and time band rows)."""
    policy.first_last_day_share = rules.first_last_day_share
    policy.breakfast_share = rules.breakfast_share
    policy.lunch_share = rules.lunch_share
    policy.dinner_share = rules.dinner_share
    policy.incidentals_floor = rules.incidentals_floor
    await policy.save(using_db=connection)
    await models.PerDiemTier.filter(policy_id=policy.id).using_db(connection).delete()
    await models.PerDiemTier.bulk_create(
        [models.PerDiemTier(org_id=policy.org_id, policy_id=policy.id, min_hours=t.min_hours,
                            exclusive=t.exclusive, share=t.share)
         for t in rules.tiers],
        using_db=connection,
    )  # fmt: skip
    await models.PerDiemTimeBand.filter(policy_id=policy.id).using_db(connection).delete()
    await models.PerDiemTimeBand.bulk_create(
        [models.PerDiemTimeBand(org_id=policy.org_id, policy_id=policy.id,
                                starts_after_minute=b.starts_after, ends_at_minute=b.ends_at,
                                share=b.share)
         for b in rules.time_bands],
        using_db=connection,
    )  # fmt: skip


async def load_rules(policy: models.PerDiemPolicy) -> Rules:
    return rules_of(
        policy,
        await models.PerDiemTier.filter(policy_id=policy.id),
        await models.PerDiemTimeBand.filter(policy_id=policy.id),
    )


async def load_rates(policy_id: int) -> list[RateValue]:
    rows = await models.PerDiemRate.filter(location__policy_id=policy_id).order_by(
        "location_id", "effective_from"
    )
    return [rate_value(row) for row in rows]
