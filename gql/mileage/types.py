"""Output types of mileage. Distances and rates are exact ``DecimalString``s."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import strawberry

from gql.categories.types import Category
from gql.context import Info
from gql.enums import described_enum
from gql.ids import encode_id
from gql.money import money
from gql.node import Node
from gql.scalars import DecimalString, Money
from orm import models
from resolvers.mileage.calculation import Line
from resolvers.mileage.expenses import Calculation, from_hundredths

DistanceUnit = described_enum(
    models.DistanceUnit,
    description="Kilometres or miles.",
    values={
        "KM": "Kilometres.",
        "MILE": "Miles (1 mile = 1.609344 km).",
    },
)


def _decimal(value: Decimal) -> DecimalString:
    """Without trailing zeros: "250", "0.45"."""
    return DecimalString(value.normalize())


def _distance(hundredths: int | None) -> DecimalString | None:
    return None if hundredths is None else _decimal(from_hundredths(hundredths))


@strawberry.type(description="Above `fromDistance` claimed in the fiscal year, this rate applies.")
class MileageSlab:
    from_distance: DecimalString = strawberry.field(
        description="Distance claimed in the fiscal year above which this rate applies."
    )
    rate_per_unit: DecimalString = strawberry.field(
        description="Price per unit above that distance."
    )


@strawberry.type(description="A vehicle's rate from one date to another (inclusive).")
class MileageRate(Node):
    id: strawberry.ID = strawberry.field(description="Opaque id of the rate.")
    effective_from: date = strawberry.field(description="First day it applies (ISO 8601 date).")
    effective_to: date | None = strawberry.field(description="Null: until further notice.")
    unit: DistanceUnit = strawberry.field(description="Kilometres or miles.")  # type: ignore[valid-type]
    currency: str = strawberry.field(description="ISO 4217 currency of its prices.")
    rate_per_unit: DecimalString = strawberry.field(
        description="From the first unit of the fiscal year, up to the first slab."
    )
    _row: strawberry.Private[models.MileageRate]

    @classmethod
    def from_model(cls, row: models.MileageRate) -> MileageRate:
        return cls(
            id=encode_id("MileageRate", row.id), effective_from=row.effective_from,
            effective_to=row.effective_to, unit=row.unit, currency=row.currency,
            rate_per_unit=_decimal(row.rate_per_unit), _row=row,
        )  # fmt: skip

    @strawberry.field(
        description="Prices above a distance claimed in the fiscal year, by increasing distance."
    )
    async def slabs(self, info: Info) -> list[MileageSlab]:
        rows = await info.context.loaders.mileage_slabs_by_rate_id.load(self._row.id)
        return [
            MileageSlab(
                from_distance=_decimal(from_hundredths(row.from_hundredths)),
                rate_per_unit=_decimal(row.rate_per_unit),
            )
            for row in rows
        ]

    @strawberry.field(description="The vehicle it prices.")
    async def vehicle(self, info: Info) -> MileageVehicle:
        row = await info.context.loaders.mileage_vehicle_by_id.load(self._row.vehicle_id)
        assert row is not None
        return MileageVehicle.from_model(row)


@strawberry.type(description="A vehicle type of the organisation (Car, Motorcycle, ...).")
class MileageVehicle(Node):
    id: strawberry.ID = strawberry.field(description="Opaque id of the vehicle.")
    name: str = strawberry.field(description="Vehicle type, e.g. Car.")
    is_enabled: bool = strawberry.field(description="Disabled vehicles take no new trips.")
    _row: strawberry.Private[models.MileageVehicle]

    @classmethod
    def from_model(cls, row: models.MileageVehicle) -> MileageVehicle:
        return cls(
            id=encode_id("MileageVehicle", row.id), name=row.name, is_enabled=row.is_enabled,
            _row=row,
        )  # fmt: skip

    @strawberry.field(description="The category its mileage expenses are recorded in.")
    async def category(self, info: Info) -> Category:
        row = await info.context.loaders.category_by_id.load(self._row.category_id)
        assert row is not None
        return Category.from_model(row)

    @strawberry.field(description="Oldest first.")
    async def rates(self, info: Info) -> list[MileageRate]:
        rows = await info.context.loaders.mileage_rates_by_vehicle_id.load(self._row.id)
        return [MileageRate.from_model(row) for row in rows]


@strawberry.type(description="Part of a trip priced at one rate.")
class MileageLine:
    from_distance: DecimalString = strawberry.field(
        description="Where in the fiscal year's distance this part starts."
    )
    distance: DecimalString = strawberry.field(description="This part's distance.")
    rate_per_unit: DecimalString = strawberry.field(description="Price per unit of this part.")
    amount: Money = strawberry.field(
        description="This part's amount (distance times rate, rounded to the currency)."
    )

    @classmethod
    def of(cls, line: Line, currency: str) -> MileageLine:
        return cls(
            from_distance=_decimal(line.from_distance), distance=_decimal(line.distance),
            rate_per_unit=_decimal(line.rate_per_unit),
            amount=money(line.amount_minor, currency),
        )  # fmt: skip

    @classmethod
    def from_model(cls, row: models.MileageLine, currency: str) -> MileageLine:
        return cls(
            from_distance=_decimal(from_hundredths(row.from_hundredths)),
            distance=_decimal(from_hundredths(row.distance_hundredths)),
            rate_per_unit=_decimal(row.rate_per_unit), amount=money(row.amount_minor, currency),
        )  # fmt: skip


@strawberry.type(description="A priced trip, not saved.")
class MileageCalculation:
    vehicle: MileageVehicle = strawberry.field(description="The trip's vehicle.")
    rate: MileageRate = strawberry.field(description="The rate in force on the date.")
    unit: DistanceUnit = strawberry.field(description="The rate's distance unit.")  # type: ignore[valid-type]
    distance: DecimalString = strawberry.field(description="The trip's distance in that unit.")
    odometer_start: DecimalString | None = strawberry.field(
        description="Odometer reading at departure, when given."
    )
    odometer_end: DecimalString | None = strawberry.field(
        description="Odometer reading at arrival, when given."
    )
    fiscal_year_start: date = strawberry.field(
        description="First day of the fiscal year the trip falls in (ISO 8601 date)."
    )
    fiscal_year_end: date = strawberry.field(
        description="Last day of that fiscal year (ISO 8601 date)."
    )
    distance_claimed_before: DecimalString = strawberry.field(
        description="Claimed in the fiscal year before this trip (same user and vehicle)."
    )
    lines: list[MileageLine] = strawberry.field(
        description="The parts priced at each rate or slab."
    )
    amount: Money = strawberry.field(description="The trip's amount, in the rate's currency.")

    @classmethod
    def of(cls, calc: Calculation) -> MileageCalculation:
        currency = calc.rate.currency
        return cls(
            vehicle=MileageVehicle.from_model(calc.vehicle),
            rate=MileageRate.from_model(calc.rate), unit=calc.rate.unit,
            distance=_decimal(calc.distance),
            odometer_start=None if calc.odometer_start is None else _decimal(calc.odometer_start),
            odometer_end=None if calc.odometer_end is None else _decimal(calc.odometer_end),
            fiscal_year_start=calc.fiscal_year_start, fiscal_year_end=calc.fiscal_year_end,
            distance_claimed_before=_decimal(calc.claimed_before),
            lines=[MileageLine.of(line, currency) for line in calc.lines],
            amount=money(calc.amount_minor, currency),
        )  # fmt: skip


@strawberry.type(description="How a mileage expense was priced; its amount is the lines' sum.")
class MileageDetail:
    unit: DistanceUnit = strawberry.field(description="The rate's distance unit.")  # type: ignore[valid-type]
    distance: DecimalString = strawberry.field(description="The trip's distance in that unit.")
    odometer_start: DecimalString | None = strawberry.field(
        description="Odometer reading at departure, when given."
    )
    odometer_end: DecimalString | None = strawberry.field(
        description="Odometer reading at arrival, when given."
    )
    fiscal_year_start: date = strawberry.field(
        description="First day of the fiscal year the trip falls in (ISO 8601 date)."
    )
    distance_claimed_before: DecimalString = strawberry.field(
        description="Claimed in the fiscal year before this trip (same user and vehicle)."
    )
    _row: strawberry.Private[models.MileageDetail]
    _currency: strawberry.Private[str]

    @classmethod
    def from_model(cls, row: models.MileageDetail, currency: str) -> MileageDetail:
        return cls(
            unit=row.unit, distance=_decimal(from_hundredths(row.distance_hundredths)),
            odometer_start=_distance(row.odometer_start_hundredths),
            odometer_end=_distance(row.odometer_end_hundredths),
            fiscal_year_start=row.fiscal_year_start,
            distance_claimed_before=_decimal(from_hundredths(row.claimed_before_hundredths)),
            _row=row, _currency=currency,
        )  # fmt: skip

    @strawberry.field(description="The trip's vehicle.")
    async def vehicle(self, info: Info) -> MileageVehicle:
        row = await info.context.loaders.mileage_vehicle_by_id.load(self._row.vehicle_id)
        assert row is not None
        return MileageVehicle.from_model(row)

    @strawberry.field(description="The rate the trip was priced with.")
    async def rate(self, info: Info) -> MileageRate:
        row = await info.context.loaders.mileage_rate_by_id.load(self._row.rate_id)
        assert row is not None
        return MileageRate.from_model(row)

    @strawberry.field(description="The parts priced at each rate or slab.")
    async def lines(self, info: Info) -> list[MileageLine]:
        rows = await info.context.loaders.mileage_lines_by_detail_id.load(self._row.id)
        return [MileageLine.from_model(row, self._currency) for row in rows]
