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
    name: str
    category_id: strawberry.ID | None = None


@strawberry.input(description="Fields left out stay as they are; `isEnabled: false` disables.")
class MileageVehicleUpdateInput:
    id: strawberry.ID
    name: str | None = None
    category_id: strawberry.ID | None = None
    is_enabled: bool | None = None


@strawberry.input
class MileageSlabInput:
    from_distance: DecimalString = strawberry.field(
        description="Distance claimed in the fiscal year above which this rate applies."
    )
    rate_per_unit: DecimalString


@strawberry.input
class MileageRateInput:
    effective_from: date
    effective_to: date | None = strawberry.field(
        default=None, description="Inclusive; null for open-ended. Periods may not overlap."
    )
    unit: DistanceUnit  # type: ignore[valid-type]
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


@strawberry.input
class MileageRateCreateInput:
    vehicle_id: strawberry.ID
    rate: MileageRateInput


@strawberry.input(description="Replaces the rate's values and slabs.")
class MileageRateUpdateInput:
    id: strawberry.ID
    rate: MileageRateInput


@strawberry.input
class MileageRateDeleteInput:
    id: strawberry.ID


@strawberry.input(description="Give `distance`, or both odometer readings; in the rate's unit.")
class MileageTripInput:
    date: date
    vehicle_id: strawberry.ID
    distance: DecimalString | None = None
    odometer_start: DecimalString | None = None
    odometer_end: DecimalString | None = None


@strawberry.input
class MileageCalculateInput:
    trip: MileageTripInput
    expense_id: strawberry.ID | None = strawberry.field(
        default=None, description="The mileage expense being changed, if any."
    )


@strawberry.input
class MileageExpenseInput:
    trip: MileageTripInput
    description: str = ""
    reference: str = ""
    is_reimbursable: bool = True
    is_billable: bool = False
    customer_id: strawberry.ID | None = None
    potential_id: strawberry.ID | None = None
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


@strawberry.input
class MileageExpenseCreateInput:
    expense: MileageExpenseInput


@strawberry.input(description="Prices the trip again; the expense keeps its id.")
class MileageExpenseUpdateInput:
    id: strawberry.ID
    expense: MileageExpenseInput
