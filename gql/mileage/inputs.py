"""Inputs of mileage. Distances and rates are exact ``DecimalString``s."""

from __future__ import annotations

from datetime import date

import strawberry

from gql.ids import pk
from gql.mileage.types import DistanceUnit
from gql.scalars import DecimalString
from resolvers.mileage.config import MAX_SLABS, RateData, SlabData
from resolvers.mileage.expenses import MileageData


@strawberry.input(description="Without a category, expenses go to the “Mileage” category.")
class MileageVehicleCreateInput:
    name: str = strawberry.field(description="Vehicle type, e.g. Car or Motorcycle; unique.")
    category_id: strawberry.ID | None = strawberry.field(
        default=None, description="Category of its mileage expenses."
    )


@strawberry.input(description="Fields left out stay as they are; `isEnabled: false` disables.")
class MileageVehicleUpdateInput:
    id: strawberry.ID = strawberry.field(description="The vehicle's opaque id.")
    name: str | None = strawberry.field(default=None, description="A new name.")
    category_id: strawberry.ID | None = strawberry.field(
        default=None, description="A new category."
    )
    is_enabled: bool | None = strawberry.field(
        default=None, description="False disables the vehicle (no new trips)."
    )


@strawberry.input(
    description="A higher or lower price once a distance is claimed in the fiscal year."
)
class MileageSlabInput:
    from_distance: DecimalString = strawberry.field(
        description="Distance claimed in the fiscal year above which this rate applies."
    )
    rate_per_unit: DecimalString = strawberry.field(
        description='Price per unit above `fromDistance`, at most 6 decimals, e.g. "0.30".'
    )


@strawberry.input(
    description="A vehicle's price per distance over a period, optionally with slabs."
)
class MileageRateInput:
    effective_from: date = strawberry.field(
        description="First day the rate applies (ISO 8601 date)."
    )
    effective_to: date | None = strawberry.field(
        default=None, description="Inclusive; null for open-ended. Periods may not overlap."
    )
    unit: DistanceUnit = strawberry.field(description="Kilometres or miles.")  # type: ignore[valid-type]
    currency: str | None = strawberry.field(
        default=None, description="Defaults to the base currency."
    )
    rate_per_unit: DecimalString = strawberry.field(description='At most 6 decimals, e.g. "0.45".')
    slabs: list[MileageSlabInput] = strawberry.field(
        default_factory=list, description=f"At most {MAX_SLABS}, increasing distances."
    )

    def to_data(self) -> RateData:
        return RateData(
            effective_from=self.effective_from, effective_to=self.effective_to, unit=self.unit,
            currency=self.currency, rate_per_unit=self.rate_per_unit,
            slabs=[SlabData(s.from_distance, s.rate_per_unit) for s in self.slabs[: MAX_SLABS + 1]],
        )  # fmt: skip


@strawberry.input(description="A new rate period of a vehicle.")
class MileageRateCreateInput:
    vehicle_id: strawberry.ID = strawberry.field(description="The vehicle's opaque id.")
    rate: MileageRateInput = strawberry.field(
        description="The rate's period, unit, currency and prices."
    )


@strawberry.input(description="Replaces the rate's values and slabs.")
class MileageRateUpdateInput:
    id: strawberry.ID = strawberry.field(description="The rate's opaque id.")
    rate: MileageRateInput = strawberry.field(
        description="The rate's new period, unit, currency and prices."
    )


@strawberry.input(description="The rate to delete.")
class MileageRateDeleteInput:
    id: strawberry.ID = strawberry.field(description="The rate's opaque id.")


@strawberry.input(description="Give `distance`, or both odometer readings; in the rate's unit.")
class MileageTripInput:
    date: date = strawberry.field(description="The trip's date (ISO 8601 date); not in the future.")
    vehicle_id: strawberry.ID = strawberry.field(description="An enabled vehicle.")
    distance: DecimalString | None = strawberry.field(
        default=None, description='Distance driven, e.g. "42.5" (at most 2 decimals).'
    )
    odometer_start: DecimalString | None = strawberry.field(
        default=None, description="Odometer reading at departure."
    )
    odometer_end: DecimalString | None = strawberry.field(
        default=None, description="Odometer reading at arrival; above the start."
    )


@strawberry.input(description="A trip to price.")
class MileageCalculateInput:
    trip: MileageTripInput = strawberry.field(description="Date, vehicle and distance.")
    expense_id: strawberry.ID | None = strawberry.field(
        default=None, description="The mileage expense being changed, if any."
    )


@strawberry.input(
    description="A Mileage expense: a trip and what an expense carries besides its amount."
)
class MileageExpenseInput:
    trip: MileageTripInput = strawberry.field(
        description="Date, vehicle and distance; they set the amount."
    )
    description: str = strawberry.field(
        default="", description="Free text, e.g. the trip's purpose."
    )
    reference: str = strawberry.field(default="", description="Your own reference number.")
    is_reimbursable: bool = strawberry.field(
        default=True, description="Reimbursable: paid back to you (true by default)."
    )
    is_billable: bool = strawberry.field(
        default=False, description="Billable: to be charged on to the customer."
    )
    customer_id: strawberry.ID | None = strawberry.field(
        default=None, description="The active customer the trip was for."
    )
    potential_id: strawberry.ID | None = strawberry.field(
        default=None, description="A potential (CRM deal) of that customer."
    )
    exchange_rate: DecimalString | None = strawberry.field(
        default=None, description="Required when the rate's currency is not the base currency."
    )

    def to_data(self) -> MileageData:
        return MileageData(
            date=self.trip.date, vehicle_id=pk("MileageVehicle", self.trip.vehicle_id),
            distance=self.trip.distance, odometer_start=self.trip.odometer_start,
            odometer_end=self.trip.odometer_end, description=self.description,
            reference=self.reference, is_reimbursable=self.is_reimbursable,
            is_billable=self.is_billable, customer_id=pk("Customer", self.customer_id),
            potential_id=pk("Potential", self.potential_id), exchange_rate=self.exchange_rate,
        )  # fmt: skip


def trip_data(trip: MileageTripInput) -> MileageData:
    return MileageData(
        date=trip.date, vehicle_id=pk("MileageVehicle", trip.vehicle_id), distance=trip.distance,
        odometer_start=trip.odometer_start, odometer_end=trip.odometer_end,
    )  # fmt: skip


@strawberry.input(description="A new Mileage expense.")
class MileageExpenseCreateInput:
    expense: MileageExpenseInput = strawberry.field(description="The trip and the expense details.")


@strawberry.input(description="Prices the trip again; the expense keeps its id.")
class MileageExpenseUpdateInput:
    id: strawberry.ID = strawberry.field(description="The Mileage expense's opaque id.")
    expense: MileageExpenseInput = strawberry.field(
        description="The trip and the expense details (all of them)."
    )
