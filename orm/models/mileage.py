"""Mileage: organisation-wide vehicle types, effective-dated rates with distance slabs, and the
mileage detail of an expense with its priced lines.

Distances are stored as integers in hundredths of their unit (``*_hundredths``), as money is
stored in minor units, so SQL sums of distance are exact on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum

from tortoise import fields

from orm.models.base import TimestampedModel
from orm.models.expenses import Category, Expense
from orm.models.organizations import Organization


class DistanceUnit(StrEnum):
    KM = "KM"
    MILE = "MILE"


class MileageVehicle(TimestampedModel):
    """A vehicle type of the organisation (Car, Motorcycle, Bicycle), shared by all users.
    Slab distances are counted per user and vehicle type, as HMRC counts them."""

    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="mileage_vehicles", on_delete=fields.CASCADE
    )
    org_id: int
    name = fields.CharField(max_length=100)
    is_enabled = fields.BooleanField(default=True)
    # The category mileage expenses of this vehicle are recorded in.
    category: fields.ForeignKeyRelation[Category] = fields.ForeignKeyField(
        "models.Category", related_name="mileage_vehicles", on_delete=fields.RESTRICT
    )
    category_id: int

    class Meta:
        table = "mileage_vehicle"
        unique_together = (("org", "name"),)


class MileageRate(TimestampedModel):
    """The rate of a vehicle from ``effective_from`` to ``effective_to`` (inclusive; open-ended
    when null). Periods of one vehicle never overlap. ``rate_per_unit`` applies from the first
    unit of the fiscal year; slabs change it above their distance."""

    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="mileage_rates", on_delete=fields.CASCADE
    )
    org_id: int
    vehicle: fields.ForeignKeyRelation[MileageVehicle] = fields.ForeignKeyField(
        "models.MileageVehicle", related_name="rates", on_delete=fields.CASCADE
    )
    vehicle_id: int
    effective_from: date = fields.DateField()
    effective_to: date | None = fields.DateField(null=True)
    unit = fields.CharEnumField(DistanceUnit, max_length=8)
    currency = fields.CharField(max_length=3)
    rate_per_unit: Decimal = fields.DecimalField(max_digits=16, decimal_places=6)

    class Meta:
        table = "mileage_rate"
        indexes = (("org", "vehicle", "effective_from"),)


class MileageSlab(TimestampedModel):
    """Above ``from_hundredths`` claimed in the fiscal year, ``rate_per_unit`` applies."""

    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="mileage_slabs", on_delete=fields.CASCADE
    )
    org_id: int
    rate: fields.ForeignKeyRelation[MileageRate] = fields.ForeignKeyField(
        "models.MileageRate", related_name="slabs", on_delete=fields.CASCADE
    )
    rate_id: int
    from_hundredths = fields.BigIntField()
    rate_per_unit: Decimal = fields.DecimalField(max_digits=16, decimal_places=6)

    class Meta:
        table = "mileage_slab"
        unique_together = (("rate", "from_hundredths"),)


class MileageDetail(TimestampedModel):
    """How a mileage expense was priced; the expense row keeps the total as its amount."""

    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="mileage_details", on_delete=fields.CASCADE
    )
    org_id: int
    expense: fields.OneToOneRelation[Expense] = fields.OneToOneField(
        "models.Expense", related_name="mileage", on_delete=fields.CASCADE
    )
    expense_id: int
    vehicle: fields.ForeignKeyRelation[MileageVehicle] = fields.ForeignKeyField(
        "models.MileageVehicle", related_name="details", on_delete=fields.RESTRICT
    )
    vehicle_id: int
    rate: fields.ForeignKeyRelation[MileageRate] = fields.ForeignKeyField(
        "models.MileageRate", related_name="details", on_delete=fields.RESTRICT
    )
    rate_id: int
    unit = fields.CharEnumField(DistanceUnit, max_length=8)
    distance_hundredths = fields.BigIntField()
    odometer_start_hundredths = fields.BigIntField(null=True)
    odometer_end_hundredths = fields.BigIntField(null=True)
    # Where on the slabs the expense started: the distance claimed before it in the fiscal year.
    claimed_before_hundredths = fields.BigIntField(default=0)
    fiscal_year_start: date = fields.DateField()

    lines: fields.ReverseRelation[MileageLine]

    class Meta:
        table = "mileage_detail"
        indexes = (("org", "vehicle"),)


class MileageLine(TimestampedModel):
    """One part of a mileage expense priced at one rate (several when it crosses a slab)."""

    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="mileage_lines", on_delete=fields.CASCADE
    )
    org_id: int
    detail: fields.ForeignKeyRelation[MileageDetail] = fields.ForeignKeyField(
        "models.MileageDetail", related_name="lines", on_delete=fields.CASCADE
    )
    detail_id: int
    position = fields.SmallIntField()
    from_hundredths = fields.BigIntField()
    distance_hundredths = fields.BigIntField()
    rate_per_unit: Decimal = fields.DecimalField(max_digits=16, decimal_places=6)
    amount_minor = fields.BigIntField()

    class Meta:
        table = "mileage_line"
        unique_together = (("detail", "position"),)
