from __future__ import annotations

import strawberry

from gql.errors import UserError, errors_field
from gql.identity.types import User
from gql.perdiem.types import (
    PerDiemDay,
    PerDiemExpense,
    PerDiemLocation,
    PerDiemPolicy,
    PerDiemRate,
)


@strawberry.type(description="Result of a mutation that changes a per diem policy.")
class PerDiemPolicyPayload:
    policy: PerDiemPolicy | None = strawberry.field(
        description="The policy as saved; null when refused."
    )
    errors: list[UserError] = errors_field()


@strawberry.type(description="Result of `perDiemPolicyAssign`.")
class PerDiemPolicyAssignPayload:
    user: User | None = strawberry.field(description="The user; null when refused.")
    policy: PerDiemPolicy | None = strawberry.field(
        description="The assigned policy; null when removed or refused."
    )
    errors: list[UserError] = errors_field()


@strawberry.type(description="Result of a mutation that changes a per diem location.")
class PerDiemLocationPayload:
    location: PerDiemLocation | None = strawberry.field(
        description="The location as saved; null when refused."
    )
    errors: list[UserError] = errors_field()


@strawberry.type(description="Result of a mutation that changes a per diem rate.")
class PerDiemRatePayload:
    rate: PerDiemRate | None = strawberry.field(description="The rate as saved; null when refused.")
    errors: list[UserError] = errors_field()


@strawberry.type(description="Result of deleting a per diem location or rate.")
class PerDiemDeletePayload:
    deleted_id: strawberry.ID | None = strawberry.field(
        description="The deleted record's id; null when refused."
    )
    errors: list[UserError] = errors_field()


@strawberry.type(description="Result of `perDiemRatesImport`.")
class PerDiemRatesImportPayload:
    locations_created: int = strawberry.field(description="New locations.")
    rates_created: int = strawberry.field(description="New rates.")
    policy: PerDiemPolicy | None = strawberry.field(
        description="The policy after the import; null when refused."
    )
    errors: list[UserError] = strawberry.field(
        description="Named `csv.<line>` or `csv.<line>.<column>`; nothing is imported on any."
    )


@strawberry.type(description="The breakdown of a trip; nothing is saved.")
class PerDiemCalculation:
    days: list[PerDiemDay] = strawberry.field(
        description="One entry per day of the trip, in date order."
    )
    errors: list[UserError] = strawberry.field(
        description=(
            "Why the trip cannot be broken down (e.g. "
            "PER_DIEM_NO_POLICY, PER_DIEM_NO_RATE); empty on success."
        )
    )


@strawberry.type(description="Result of `perDiemRecord`.")
class PerDiemRecordPayload:
    per_diems: list[PerDiemExpense] = strawberry.field(
        description="The recorded per diem expenses, one per day; empty when refused."
    )
    errors: list[UserError] = errors_field()


@strawberry.type(description="Result of `perDiemUpdate`.")
class PerDiemUpdatePayload:
    per_diem: PerDiemExpense | None = strawberry.field(
        description="The recalculated per diem; null when refused."
    )
    errors: list[UserError] = errors_field()
