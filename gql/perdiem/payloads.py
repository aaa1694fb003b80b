from __future__ import annotations

import strawberry

from gql.errors import UserError
from gql.identity.types import User
from gql.perdiem.types import (
    PerDiemDay,
    PerDiemExpense,
    PerDiemLocation,
    PerDiemPolicy,
    PerDiemRate,
)


@strawberry.type
class PerDiemPolicyPayload:
    policy: PerDiemPolicy | None
    errors: list[UserError]


@strawberry.type
class PerDiemPolicyAssignPayload:
    user: User | None
    policy: PerDiemPolicy | None
    errors: list[UserError]


@strawberry.type
class PerDiemLocationPayload:
    location: PerDiemLocation | None
    errors: list[UserError]


@strawberry.type
class PerDiemRatePayload:
    rate: PerDiemRate | None
    errors: list[UserError]


@strawberry.type
class PerDiemDeletePayload:
    deleted_id: strawberry.ID | None
    errors: list[UserError]


@strawberry.type
class PerDiemRatesImportPayload:
    locations_created: int
    rates_created: int
    policy: PerDiemPolicy | None
    errors: list[UserError] = strawberry.field(
        description="Named `csv.<line>` or `csv.<line>.<column>`; nothing is imported on any."
    )


@strawberry.type(description="The breakdown of a trip; nothing is saved.")
class PerDiemCalculation:
    days: list[PerDiemDay]
    errors: list[UserError]


@strawberry.type
class PerDiemRecordPayload:
    per_diems: list[PerDiemExpense]
    errors: list[UserError]


@strawberry.type
class PerDiemUpdatePayload:
    per_diem: PerDiemExpense | None
    errors: list[UserError]
