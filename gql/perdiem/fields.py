"""Per diem queries and mutations; configuration is for admins, each delegates to one resolver."""

from __future__ import annotations

from decimal import Decimal
from functools import partial
from typing import Annotated

import strawberry

from gql.context import Info
from gql.identity.types import User
from gql.ids import encode_id, pk
from gql.limits import MAX_LIST_INPUT
from gql.pagination import After, Connection, First, paginate
from gql.payloads import payload
from gql.perdiem import inputs
from gql.perdiem.payloads import (
    PerDiemCalculation,
    PerDiemDeletePayload,
    PerDiemLocationPayload,
    PerDiemPolicyAssignPayload,
    PerDiemPolicyPayload,
    PerDiemRatePayload,
    PerDiemRatesImportPayload,
    PerDiemRecordPayload,
    PerDiemUpdatePayload,
)
from gql.perdiem.types import (
    PerDiemDay,
    PerDiemExpense,
    PerDiemLocation,
    PerDiemPolicy,
    PerDiemRate,
)
from gql.permissions import IsAdmin, IsAuthenticated, viewer_of
from orm import models
from resolvers.errors import MutationResult
from resolvers.perdiem import config, csv_import, queries, record
from resolvers.perdiem.amounts import Meals
from resolvers.perdiem.calculate import assigned_policy, calculate_for_viewer


def _policy(result: MutationResult[models.PerDiemPolicy]) -> PerDiemPolicyPayload:
    return payload(PerDiemPolicyPayload, result, PerDiemPolicy.from_model)


def _location(result: MutationResult[models.PerDiemLocation]) -> PerDiemLocationPayload:
    return payload(PerDiemLocationPayload, result, PerDiemLocation.from_model)


def _rate(result: MutationResult[models.PerDiemRate]) -> PerDiemRatePayload:
    return payload(PerDiemRatePayload, result, PerDiemRate.from_model)


def _deleted(type_name: str, result: MutationResult[int]) -> PerDiemDeletePayload:
    return payload(PerDiemDeletePayload, result, partial(encode_id, type_name))


def _rates(values: list[inputs.ExchangeRateInput]) -> dict[str, Decimal]:
    return {value.currency.strip().upper(): value.rate for value in values[:20]}


async def _per_diems(expenses: list[models.Expense]) -> list[PerDiemExpense]:
    details = await queries.details_of(expenses)
    return [PerDiemExpense.from_models(e, details[e.id]) for e in expenses]


@strawberry.type
class PerDiemQueries:
    @strawberry.field(
        permission_classes=[IsAdmin],
        description="Admins only. The organisation's per diem policies.",
    )
    async def per_diem_policies(
        self, info: Info, first: First = None, after: After = None
    ) -> Connection[PerDiemPolicy]:
        query = queries.list_policies(viewer_of(info))
        return await paginate(query, PerDiemPolicy.from_model, first=first, after=after)

    @strawberry.field(
        permission_classes=[IsAdmin],
        description="Admins only. One policy by id; null when unknown.",
    )
    async def per_diem_policy(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The policy's opaque id.")],
    ) -> PerDiemPolicy | None:
        row = await config.policy_of(viewer_of(info), pk("PerDiemPolicy", id))
        return PerDiemPolicy.from_model(row) if row else None

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="The policy your per diems are calculated with (its locations and rates).",
    )
    async def my_per_diem_policy(self, info: Info) -> PerDiemPolicy | None:
        viewer = viewer_of(info)
        row = await assigned_policy(viewer.org_id, viewer.user_id)
        return PerDiemPolicy.from_model(row) if row else None

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="The per-day breakdown of a trip under your policy; saves nothing.",
    )
    async def per_diem_calculate(
        self,
        info: Info,
        input: Annotated[
            inputs.PerDiemCalculateInput, strawberry.argument(description="The trip to break down.")
        ],
    ) -> PerDiemCalculation:
        trip = input.trip.to_data()
        result = await calculate_for_viewer(viewer_of(info), trip)
        days = []
        if result.value is not None:
            meals = {m.date: Meals(m.breakfast, m.lunch, m.dinner) for m in trip.meals}
            names = result.value.location_names
            days = [
                PerDiemDay.from_day(day, names[day.span.location_id],
                                    meals.get(day.span.date, Meals()))
                for day in result.value.days
            ]  # fmt: skip
        return payload(PerDiemCalculation, result, days=days)

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="A per diem expense you may see, by the expense's id.",
    )
    async def per_diem_expense(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The expense's opaque id.")],
    ) -> PerDiemExpense | None:
        found = await queries.per_diem_expense(viewer_of(info), pk("Expense", id))
        return PerDiemExpense.from_models(*found) if found else None


@strawberry.type
class PerDiemMutations:
    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Add a per diem policy (rules; locations and "
            "rates come after). Codes: REQUIRED, TOO_LONG, UNIQUE, "
            "INVALID, TIME_BAND_GAP, TIME_BAND_OVERLAP."
        ),
    )
    async def per_diem_policy_create(
        self,
        info: Info,
        input: Annotated[
            inputs.PerDiemPolicyCreateInput,
            strawberry.argument(description="The policy's name and rules."),
        ],
    ) -> PerDiemPolicyPayload:
        rules = input.rules.to_rules() if input.rules else None
        return _policy(await config.save_policy(viewer_of(info), None, name=input.name,
                                                rules=rules))  # fmt: skip

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Rename a policy or replace its rules; "
            "recorded per diems keep their breakdown. Codes as "
            "`perDiemPolicyCreate`, plus NOT_FOUND."
        ),
    )
    async def per_diem_policy_update(
        self,
        info: Info,
        input: Annotated[
            inputs.PerDiemPolicyUpdateInput,
            strawberry.argument(description="The policy and what to change."),
        ],
    ) -> PerDiemPolicyPayload:
        rules = input.rules.to_rules() if input.rules else None
        return _policy(
            await config.save_policy(
                viewer_of(info), pk("PerDiemPolicy", input.id), name=input.name, rules=rules
            )
        )

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Replace the policy's rules with a preset's; its"
            " locations and rates stay. Codes: NOT_FOUND."
        ),
    )
    async def per_diem_policy_load_preset(
        self,
        info: Info,
        input: Annotated[
            inputs.PerDiemPolicyLoadPresetInput,
            strawberry.argument(description="The policy and the preset."),
        ],
    ) -> PerDiemPolicyPayload:
        return _policy(
            await config.load_preset(viewer_of(info), pk("PerDiemPolicy", input.id), input.preset)
        )

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Choose the policy a user's per diems are "
            "calculated with. Codes: NOT_FOUND."
        ),
    )
    async def per_diem_policy_assign(
        self,
        info: Info,
        input: Annotated[
            inputs.PerDiemPolicyAssignInput,
            strawberry.argument(
                description="The user and the policy (null removes the assignment)."
            ),
        ],
    ) -> PerDiemPolicyAssignPayload:
        result = await config.assign_policy(
            viewer_of(info), pk("User", input.user_id), pk("PerDiemPolicy", input.policy_id)
        )
        policy = None
        if result.value is not None:
            row = await assigned_policy(result.value.org_id, result.value.id)
            policy = PerDiemPolicy.from_model(row) if row else None
        return payload(PerDiemPolicyAssignPayload, result, User.from_model, policy=policy)

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Add a location (a country or city with its "
            "own rates) to a policy. Codes: REQUIRED, TOO_LONG, UNIQUE,"
            " NOT_FOUND."
        ),
    )
    async def per_diem_location_create(
        self,
        info: Info,
        input: Annotated[
            inputs.PerDiemLocationCreateInput,
            strawberry.argument(description="The policy and the location's name."),
        ],
    ) -> PerDiemLocationPayload:
        return _location(
            await config.save_location(
                viewer_of(info), None, policy_id=pk("PerDiemPolicy", input.policy_id),
                name=input.name,
            )
        )  # fmt: skip

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Rename a location. Codes: REQUIRED, TOO_LONG, UNIQUE, NOT_FOUND."
        ),
    )
    async def per_diem_location_update(
        self,
        info: Info,
        input: Annotated[
            inputs.PerDiemLocationUpdateInput,
            strawberry.argument(description="The location and its new name."),
        ],
    ) -> PerDiemLocationPayload:
        return _location(
            await config.save_location(
                viewer_of(info), pk("PerDiemLocation", input.id), policy_id=None, name=input.name
            )
        )

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description="With its rates; recorded per diems keep their breakdown.",
    )
    async def per_diem_location_delete(
        self,
        info: Info,
        input: Annotated[
            inputs.PerDiemDeleteInput, strawberry.argument(description="The location to delete.")
        ],
    ) -> PerDiemDeletePayload:
        result = await config.delete_location(viewer_of(info), pk("PerDiemLocation", input.id))
        return _deleted("PerDiemLocation", result)

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Add a rate period to a location. Codes: "
            "INVALID_AMOUNT, INVALID_CURRENCY, COMPONENTS_MISMATCH, "
            "INVALID_DATE_RANGE, RATE_OVERLAP, NOT_FOUND."
        ),
    )
    async def per_diem_rate_create(
        self,
        info: Info,
        input: Annotated[
            inputs.PerDiemRateCreateInput,
            strawberry.argument(description="The location and the rate."),
        ],
    ) -> PerDiemRatePayload:
        return _rate(
            await config.save_rate(
                viewer_of(info), None, location_id=pk("PerDiemLocation", input.location_id),
                data=input.to_data(),
            )
        )  # fmt: skip

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Replace every field of a rate; recorded per "
            "diems keep their amounts. Codes as `perDiemRateCreate`."
        ),
    )
    async def per_diem_rate_update(
        self,
        info: Info,
        input: Annotated[
            inputs.PerDiemRateUpdateInput,
            strawberry.argument(description="The rate and its new values."),
        ],
    ) -> PerDiemRatePayload:
        return _rate(
            await config.save_rate(
                viewer_of(info), pk("PerDiemRate", input.id), location_id=None,
                data=input.to_data(),
            )
        )  # fmt: skip

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Delete a rate; recorded per diems keep their breakdown. Codes: NOT_FOUND."
        ),
    )
    async def per_diem_rate_delete(
        self,
        info: Info,
        input: Annotated[
            inputs.PerDiemDeleteInput, strawberry.argument(description="The rate to delete.")
        ],
    ) -> PerDiemDeletePayload:
        result = await config.delete_rate(viewer_of(info), pk("PerDiemRate", input.id))
        return _deleted("PerDiemRate", result)

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description="Locations and rates from CSV text; all rows or none.",
    )
    async def per_diem_rates_import(
        self,
        info: Info,
        input: Annotated[
            inputs.PerDiemRatesImportInput,
            strawberry.argument(description="The policy and the CSV text."),
        ],
    ) -> PerDiemRatesImportPayload:
        viewer = viewer_of(info)
        policy_id = pk("PerDiemPolicy", input.policy_id)
        result = await csv_import.import_rates(viewer, policy_id, input.csv)
        summary = result.value
        policy = await config.policy_of(viewer, policy_id) if summary else None
        return payload(
            PerDiemRatesImportPayload, result,
            locations_created=summary.locations_created if summary else 0,
            rates_created=summary.rates_created if summary else 0,
            policy=PerDiemPolicy.from_model(policy) if policy else None,
        )  # fmt: skip

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="Record the ticked days of a trip: one per diem expense per day.",
    )
    async def per_diem_record(
        self,
        info: Info,
        input: Annotated[
            inputs.PerDiemRecordInput,
            strawberry.argument(
                description="The trip, the days to record and how to convert foreign rates."
            ),
        ],
    ) -> PerDiemRecordPayload:
        data = record.RecordData(
            trip=input.trip.to_data(), dates=input.dates[: MAX_LIST_INPUT + 1],
            description=input.description, exchange_rates=_rates(input.exchange_rates),
            report_id=pk("Report", input.report_id),
        )  # fmt: skip
        result = await record.record_per_diem(viewer_of(info), data)
        return payload(PerDiemRecordPayload, result, per_diems=await _per_diems(result.value or []))

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="Recalculate a per diem expense in place from new trip inputs.",
    )
    async def per_diem_update(
        self,
        info: Info,
        input: Annotated[
            inputs.PerDiemUpdateInput,
            strawberry.argument(description="The per diem expense and its new trip."),
        ],
    ) -> PerDiemUpdatePayload:
        result = await record.update_per_diem(
            viewer_of(info), pk("Expense", input.id), input.trip.to_data(), day=input.day,
            description=input.description, exchange_rates=_rates(input.exchange_rates),
        )  # fmt: skip
        per_diems = await _per_diems([result.value] if result.value else [])
        return payload(PerDiemUpdatePayload, result, per_diem=per_diems[0] if per_diems else None)
