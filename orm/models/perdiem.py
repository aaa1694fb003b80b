"""Per diem: policies with their rules, locations with effective-dated rates, the policy each
user is assigned, and the per-day breakdown kept with every per diem expense."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from tortoise import fields

from orm.models.base import TimestampedModel
from orm.models.expenses import Expense
from orm.models.identity import User
from orm.models.organizations import Organization


class PerDiemMode(StrEnum):
    TRIP = "TRIP"
    INDIVIDUAL_DAYS = "INDIVIDUAL_DAYS"


class PerDiemPolicy(TimestampedModel):
    """A rule set: hour tiers and departure-time bands (child rows), the first and last day
    share of a multi-day trip, the share of the full-day rate deducted for each provided meal,
    and whether meal deductions stop at the rate's incidentals amount."""

    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="per_diem_policies", on_delete=fields.CASCADE
    )
    org_id: int
    name = fields.CharField(max_length=100)
    # Share of the rate on the first and last day of a multi-day trip, whatever the hours;
    # null means those days are judged by their hours like any other day.
    first_last_day_share: Decimal | None = fields.DecimalField(
        max_digits=6, decimal_places=4, null=True
    )
    # Shares of the full-day rate deducted per provided meal; null deducts the meal's
    # component amount of the rate (nothing when the rate has no components).
    breakfast_share: Decimal | None = fields.DecimalField(max_digits=6, decimal_places=4, null=True)
    lunch_share: Decimal | None = fields.DecimalField(max_digits=6, decimal_places=4, null=True)
    dinner_share: Decimal | None = fields.DecimalField(max_digits=6, decimal_places=4, null=True)
    # True: meal deductions never take a day below the rate's incidentals amount (US FTR).
    incidentals_floor = fields.BooleanField(default=False)

    tiers: fields.ReverseRelation[PerDiemTier]
    time_bands: fields.ReverseRelation[PerDiemTimeBand]
    locations: fields.ReverseRelation[PerDiemLocation]

    class Meta:
        table = "per_diem_policy"
        unique_together = (("org", "name"),)


class PerDiemTier(TimestampedModel):
    """Hours in a day that earn a share of the rate: at least (or more than) ``min_hours``."""

    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="per_diem_tiers", on_delete=fields.CASCADE
    )
    org_id: int
    policy: fields.ForeignKeyRelation[PerDiemPolicy] = fields.ForeignKeyField(
        "models.PerDiemPolicy", related_name="tiers", on_delete=fields.CASCADE
    )
    policy_id: int
    min_hours: Decimal = fields.DecimalField(max_digits=5, decimal_places=2)
    # True: strictly more than ``min_hours``; false: at least ``min_hours``.
    exclusive = fields.BooleanField(default=False)
    share: Decimal = fields.DecimalField(max_digits=6, decimal_places=4)

    class Meta:
        table = "per_diem_tier"


class PerDiemTimeBand(TimestampedModel):
    """A departure-time band: a trip leaving within it earns ``share`` on its first day.

    Minutes of the day run 0 to 1440; the band runs after ``starts_after_minute`` until
    ``ends_at_minute``. The last day of a trip mirrors the bands by the return time."""

    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="per_diem_time_bands", on_delete=fields.CASCADE
    )
    org_id: int
    policy: fields.ForeignKeyRelation[PerDiemPolicy] = fields.ForeignKeyField(
        "models.PerDiemPolicy", related_name="time_bands", on_delete=fields.CASCADE
    )
    policy_id: int
    starts_after_minute = fields.SmallIntField()
    ends_at_minute = fields.SmallIntField()
    share: Decimal = fields.DecimalField(max_digits=6, decimal_places=4)

    class Meta:
        table = "per_diem_time_band"


class PerDiemLocation(TimestampedModel):
    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="per_diem_locations", on_delete=fields.CASCADE
    )
    org_id: int
    policy: fields.ForeignKeyRelation[PerDiemPolicy] = fields.ForeignKeyField(
        "models.PerDiemPolicy", related_name="locations", on_delete=fields.CASCADE
    )
    policy_id: int
    name = fields.CharField(max_length=200)

    rates: fields.ReverseRelation[PerDiemRate]

    class Meta:
        table = "per_diem_location"
        unique_together = (("policy", "name"),)


class PerDiemRate(TimestampedModel):
    """A location's rate from ``effective_from`` to ``effective_to`` (inclusive; null: open).
    Meal components, when given, add up to the full-day amount (less the incidentals, when
    given). The partial-day amount, when given, replaces rate times share on a partial day."""

    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="per_diem_rates", on_delete=fields.CASCADE
    )
    org_id: int
    location: fields.ForeignKeyRelation[PerDiemLocation] = fields.ForeignKeyField(
        "models.PerDiemLocation", related_name="rates", on_delete=fields.CASCADE
    )
    location_id: int
    currency = fields.CharField(max_length=3)
    full_day_minor = fields.BigIntField()
    breakfast_minor = fields.BigIntField(null=True)
    lunch_minor = fields.BigIntField(null=True)
    dinner_minor = fields.BigIntField(null=True)
    incidentals_minor = fields.BigIntField(null=True)
    partial_day_minor = fields.BigIntField(null=True)
    effective_from: date = fields.DateField()
    effective_to: date | None = fields.DateField(null=True)

    class Meta:
        table = "per_diem_rate"
        indexes = (("location", "effective_from"),)


class PerDiemAssignment(TimestampedModel):
    """The per diem policy a user's per diems are calculated with (one per user)."""

    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="per_diem_assignments", on_delete=fields.CASCADE
    )
    org_id: int
    user: fields.OneToOneRelation[User] = fields.OneToOneField(
        "models.User", related_name="per_diem_assignment", on_delete=fields.CASCADE
    )
    user_id: int
    policy: fields.ForeignKeyRelation[PerDiemPolicy] = fields.ForeignKeyField(
        "models.PerDiemPolicy", related_name="assignments", on_delete=fields.RESTRICT
    )
    policy_id: int

    class Meta:
        table = "per_diem_assignment"


class PerDiemDetail(TimestampedModel):
    """What made a per diem expense: the policy, the mode and inputs of the trip, and the
    breakdown of the expense's day (date, location, hours, rate, share, deductions, amount)."""

    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="per_diem_details", on_delete=fields.CASCADE
    )
    org_id: int
    expense: fields.OneToOneRelation[Expense] = fields.OneToOneField(
        "models.Expense", related_name="per_diem", on_delete=fields.CASCADE
    )
    expense_id: int
    policy: fields.ForeignKeyRelation[PerDiemPolicy] = fields.ForeignKeyField(
        "models.PerDiemPolicy", related_name="details", on_delete=fields.RESTRICT
    )
    policy_id: int
    mode = fields.CharEnumField(PerDiemMode, max_length=16)
    inputs: dict[str, Any] | None = fields.JSONField(null=True)
    breakdown: dict[str, Any] | None = fields.JSONField(null=True)

    class Meta:
        table = "per_diem_detail"
