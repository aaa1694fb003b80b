"""Queries and mutations of mileage; configuration mutations are for admins only."""

from __future__ import annotations

from functools import partial

import strawberry

from gql.context import Info
from gql.errors import UserError
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


@strawberry.type
class MileageVehiclePayload:
    vehicle: MileageVehicle | None
    errors: list[UserError]


@strawberry.type
class MileageRatePayload:
    rate: MileageRate | None
    errors: list[UserError]


@strawberry.type
class MileageRateDeletePayload:
    deleted_id: strawberry.ID | None
    errors: list[UserError]


@strawberry.type
class MileageCalculatePayload:
    calculation: MileageCalculation | None
    errors: list[UserError]


def _vehicle(result: MutationResult[models.MileageVehicle]) -> MileageVehiclePayload:
    return payload(MileageVehiclePayload, result, MileageVehicle.from_model)


def _rate(result: MutationResult[models.MileageRate]) -> MileageRatePayload:
    return payload(MileageRatePayload, result, MileageRate.from_model)


@strawberry.type
class MileageQueries:
    @strawberry.field(permission_classes=[IsAuthenticated], description="By name.")
    async def mileage_vehicles(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        include_disabled: bool = False,
    ) -> Connection[MileageVehicle]:
        query = config.list_vehicles(viewer_of(info), include_disabled=include_disabled)
        return await paginate(query, MileageVehicle.from_model, first=first, after=after)

    @strawberry.field(
        permission_classes=[IsAuthenticated], description="By vehicle, then oldest first."
    )
    async def mileage_rates(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        vehicle_id: strawberry.ID | None = None,
    ) -> Connection[MileageRate]:
        query = config.list_rates(viewer_of(info), pk("MileageVehicle", vehicle_id))
        return await paginate(query, MileageRate.from_model, first=first, after=after)

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="Price a trip (yours, or the expense's owner's) without saving anything.",
    )
    async def mileage_calculate(
        self, info: Info, input: inputs.MileageCalculateInput
    ) -> MileageCalculatePayload:
        result = await expenses.preview(
            viewer_of(info), inputs.trip_data(input.trip), pk("Expense", input.expense_id)
        )
        return payload(MileageCalculatePayload, result, MileageCalculation.of)


@strawberry.type
class MileageMutations:
    @strawberry.mutation(permission_classes=[IsAdmin])
    async def mileage_vehicle_create(
        self, info: Info, input: inputs.MileageVehicleCreateInput
    ) -> MileageVehiclePayload:
        return _vehicle(
            await config.save_vehicle(
                viewer_of(info),
                None,
                name=input.name,
                category_id=pk("Category", input.category_id),
            )
        )

    @strawberry.mutation(permission_classes=[IsAdmin], description="Rename, recategorise, disable.")
    async def mileage_vehicle_update(
        self, info: Info, input: inputs.MileageVehicleUpdateInput
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

    @strawberry.mutation(permission_classes=[IsAdmin])
    async def mileage_rate_create(
        self, info: Info, input: inputs.MileageRateCreateInput
    ) -> MileageRatePayload:
        return _rate(
            await config.save_rate(
                viewer_of(info),
                vehicle_id=pk("MileageVehicle", input.vehicle_id),
                data=input.rate.to_data(),
            )
        )

    @strawberry.mutation(permission_classes=[IsAdmin])
    async def mileage_rate_update(
        self, info: Info, input: inputs.MileageRateUpdateInput
    ) -> MileageRatePayload:
        return _rate(
            await config.save_rate(
                viewer_of(info),
                rate_id=pk("MileageRate", input.id) or -1,
                data=input.rate.to_data(),
            )
        )

    @strawberry.mutation(permission_classes=[IsAdmin], description="Only rates no expense used.")
    async def mileage_rate_delete(
        self, info: Info, input: inputs.MileageRateDeleteInput
    ) -> MileageRateDeletePayload:
        result = await config.delete_rate(viewer_of(info), pk("MileageRate", input.id))
        return payload(MileageRateDeletePayload, result, partial(encode_id, "MileageRate"))

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def mileage_expense_create(
        self, info: Info, input: inputs.MileageExpenseCreateInput
    ) -> ExpensePayload:
        result = await expenses.save_mileage_expense(viewer_of(info), None, input.expense.to_data())
        return payload(ExpensePayload, result, Expense.from_model)

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def mileage_expense_update(
        self, info: Info, input: inputs.MileageExpenseUpdateInput
    ) -> ExpensePayload:
        result = await expenses.save_mileage_expense(
            viewer_of(info), pk("Expense", input.id) or -1, input.expense.to_data()
        )
        return payload(ExpensePayload, result, Expense.from_model)
