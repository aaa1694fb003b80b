"""Queries and mutations of mileage; configuration mutations are for admins only."""

from __future__ import annotations

from functools import partial
from typing import Annotated

import strawberry

from gql.context import Info
from gql.errors import UserError, errors_field
from gql.expenses.payloads import ExpensePayload
from gql.expenses.types import Expense
from gql.ids import encode_id, pk
from gql.mileage import inputs
from gql.mileage.types import MileageCalculation, MileageRate, MileageVehicle
from gql.pagination import After, Connection, First, paginate
from gql.payloads import payload
from gql.permissions import IsAdmin, IsAuthenticated, viewer_of
from orm import models
from resolvers.errors import MutationResult
from resolvers.mileage import config, expenses


@strawberry.type(description="Result of a mutation that changes a vehicle.")
class MileageVehiclePayload:
    vehicle: MileageVehicle | None = strawberry.field(
        description="The vehicle as saved; null when refused."
    )
    errors: list[UserError] = errors_field()


@strawberry.type(description="Result of a mutation that changes a mileage rate.")
class MileageRatePayload:
    rate: MileageRate | None = strawberry.field(description="The rate as saved; null when refused.")
    errors: list[UserError] = errors_field()


@strawberry.type(description="Result of `mileageRateDelete`.")
class MileageRateDeletePayload:
    deleted_id: strawberry.ID | None = strawberry.field(
        description="The deleted rate's id; null when refused."
    )
    errors: list[UserError] = errors_field()


@strawberry.type(description="Result of `mileageCalculate`.")
class MileageCalculatePayload:
    calculation: MileageCalculation | None = strawberry.field(
        description="The priced trip; null when refused."
    )
    errors: list[UserError] = errors_field()


def _vehicle(result: MutationResult[models.MileageVehicle]) -> MileageVehiclePayload:
    return payload(MileageVehiclePayload, result, MileageVehicle.from_model)


def _rate(result: MutationResult[models.MileageRate]) -> MileageRatePayload:
    return payload(MileageRatePayload, result, MileageRate.from_model)


@strawberry.type
class MileageQueries:
    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description=(
            "The organisation's vehicle types for Mileage expenses, by name; every signed-in user."
        ),
    )
    async def mileage_vehicles(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        include_disabled: Annotated[
            bool, strawberry.argument(description="Also list disabled vehicles (false by default).")
        ] = False,
    ) -> Connection[MileageVehicle]:
        query = config.list_vehicles(viewer_of(info), include_disabled=include_disabled)
        return await paginate(query, MileageVehicle.from_model, first=first, after=after)

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="The mileage rates, by vehicle then oldest first; every signed-in user.",
    )
    async def mileage_rates(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        vehicle_id: Annotated[
            strawberry.ID | None, strawberry.argument(description="Only this vehicle's rates.")
        ] = None,
    ) -> Connection[MileageRate]:
        query = config.list_rates(viewer_of(info), pk("MileageVehicle", vehicle_id))
        return await paginate(query, MileageRate.from_model, first=first, after=after)

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="Price a trip (yours, or the expense's owner's) without saving anything.",
    )
    async def mileage_calculate(
        self,
        info: Info,
        input: Annotated[
            inputs.MileageCalculateInput, strawberry.argument(description="The trip to price.")
        ],
    ) -> MileageCalculatePayload:
        result = await expenses.preview(
            viewer_of(info), inputs.trip_data(input.trip), pk("Expense", input.expense_id)
        )
        return payload(MileageCalculatePayload, result, MileageCalculation.of)


@strawberry.type
class MileageMutations:
    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Add a vehicle type. Codes: REQUIRED, "
            "TOO_LONG, UNIQUE, NOT_FOUND, CATEGORY_DISABLED."
        ),
    )
    async def mileage_vehicle_create(
        self,
        info: Info,
        input: Annotated[
            inputs.MileageVehicleCreateInput,
            strawberry.argument(description="The vehicle's name and category."),
        ],
    ) -> MileageVehiclePayload:
        return _vehicle(
            await config.save_vehicle(
                viewer_of(info),
                None,
                name=input.name,
                category_id=pk("Category", input.category_id),
            )
        )

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Rename, recategorise or disable a vehicle. "
            "Codes: NOT_FOUND, REQUIRED, UNIQUE, CATEGORY_DISABLED."
        ),
    )
    async def mileage_vehicle_update(
        self,
        info: Info,
        input: Annotated[
            inputs.MileageVehicleUpdateInput,
            strawberry.argument(description="The vehicle and the fields to change."),
        ],
    ) -> MileageVehiclePayload:
        return _vehicle(
            await config.save_vehicle(
                viewer_of(info),
                pk("MileageVehicle", input.id),
                name=input.name,
                category_id=pk("Category", input.category_id),
                is_enabled=input.is_enabled,
            )
        )

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Add a rate period for a vehicle. Codes: "
            "INVALID_DATE_RANGE, RATE_PERIOD_OVERLAP, INVALID_AMOUNT, "
            "INVALID_CURRENCY, INVALID."
        ),
    )
    async def mileage_rate_create(
        self,
        info: Info,
        input: Annotated[
            inputs.MileageRateCreateInput,
            strawberry.argument(description="The vehicle and the rate."),
        ],
    ) -> MileageRatePayload:
        return _rate(
            await config.save_rate(
                viewer_of(info),
                vehicle_id=pk("MileageVehicle", input.vehicle_id),
                data=input.rate.to_data(),
            )
        )

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Replace a rate's values and slabs; expenses "
            "already priced keep their amounts. Codes as "
            "`mileageRateCreate`."
        ),
    )
    async def mileage_rate_update(
        self,
        info: Info,
        input: Annotated[
            inputs.MileageRateUpdateInput,
            strawberry.argument(description="The rate and its new values."),
        ],
    ) -> MileageRatePayload:
        return _rate(
            await config.save_rate(
                viewer_of(info),
                rate_id=pk("MileageRate", input.id) or -1,
                data=input.rate.to_data(),
            )
        )

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Delete a mileage rate no expense was priced "
            "with. Codes: NOT_FOUND, RATE_IN_USE."
        ),
    )
    async def mileage_rate_delete(
        self,
        info: Info,
        input: Annotated[
            inputs.MileageRateDeleteInput, strawberry.argument(description="The rate to delete.")
        ],
    ) -> MileageRateDeletePayload:
        result = await config.delete_rate(viewer_of(info), pk("MileageRate", input.id))
        return payload(MileageRateDeletePayload, result, partial(encode_id, "MileageRate"))

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description=(
            "Record a Mileage expense for yourself: its amount is "
            "priced from the vehicle's rate on the trip's date. Codes: "
            "INVALID_DISTANCE, INVALID_ODOMETER, VEHICLE_DISABLED, "
            "NO_MILEAGE_RATE, EXCHANGE_RATE_REQUIRED, DATE_IN_FUTURE, "
            "CUSTOMER_INACTIVE, POTENTIAL_NOT_OF_CUSTOMER."
        ),
    )
    async def mileage_expense_create(
        self,
        info: Info,
        input: Annotated[
            inputs.MileageExpenseCreateInput,
            strawberry.argument(description="The trip and the expense details."),
        ],
    ) -> ExpensePayload:
        result = await expenses.save_mileage_expense(viewer_of(info), None, input.expense.to_data())
        return payload(ExpensePayload, result, Expense.from_model)

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description=(
            "Change a Mileage expense's trip or details; it is priced "
            "again. Codes as `mileageExpenseCreate`, plus NOT_FOUND and"
            " EXPENSE_LOCKED."
        ),
    )
    async def mileage_expense_update(
        self,
        info: Info,
        input: Annotated[
            inputs.MileageExpenseUpdateInput,
            strawberry.argument(description="The expense and its new trip and details."),
        ],
    ) -> ExpensePayload:
        result = await expenses.save_mileage_expense(
            viewer_of(info), pk("Expense", input.id) or -1, input.expense.to_data()
        )
        return payload(ExpensePayload, result, Expense.from_model)
