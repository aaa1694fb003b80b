"""The integration's lifecycle (admin only): options, disable, enable, delete."""

from __future__ import annotations

from datetime import datetime

import strawberry

from gql.context import Info
from gql.errors import UserError
from gql.ids import encode_id
from gql.integration.fields import IntegrationPayload, _service
from gql.integration.types import Integration, PotentialsOption
from gql.payloads import payload
from gql.permissions import IsAdmin, viewer_of
from orm import models
from resolvers import lifecycle
from resolvers.errors import MutationResult

DeletionMode = strawberry.enum(models.DeletionMode)
DeletionStatus = strawberry.enum(models.DeletionStatus)


@strawberry.type
class IntegrationDeletion:
    id: strawberry.ID
    mode: DeletionMode  # type: ignore[valid-type]
    status: DeletionStatus  # type: ignore[valid-type]
    converted_customers: int
    converted_potentials: int
    deleted_customers: int
    deleted_potentials: int
    created_at: datetime
    finished_at: datetime | None
    error_message: str

    @classmethod
    def from_model(cls, row: models.IntegrationDeletion) -> IntegrationDeletion:
        return cls(
            id=encode_id("IntegrationDeletion", row.id), mode=row.mode, status=row.status,
            converted_customers=row.converted_customers,
            converted_potentials=row.converted_potentials,
            deleted_customers=row.deleted_customers, deleted_potentials=row.deleted_potentials,
            created_at=row.created_at, finished_at=row.finished_at,
            error_message=row.error_message,
        )  # fmt: skip


@strawberry.input(description="Each option left out stays as it is.")
class IntegrationOptionsInput:
    sync_modules: bool | None = strawberry.field(
        default=None, description="The Expenses and Expense Reports modules of the CRM tab."
    )
    potentials_option: PotentialsOption | None = None  # type: ignore[valid-type]
    real_time_sync: bool | None = strawberry.field(
        default=None, description="Near-real-time sync through the CRM's notifications."
    )


@strawberry.input
class IntegrationDeleteInput:
    mode: DeletionMode  # type: ignore[valid-type]


@strawberry.type
class IntegrationDeletePayload:
    deletion: IntegrationDeletion | None
    errors: list[UserError]


def _payload(result: MutationResult[models.Integration]) -> IntegrationPayload:
    return payload(IntegrationPayload, result, Integration.from_model)


@strawberry.type
class IntegrationLifecycleQueries:
    @strawberry.field(permission_classes=[IsAdmin], description="The latest deletion request.")
    async def integration_deletion(self, info: Info) -> IntegrationDeletion | None:
        row = await lifecycle.latest_deletion(viewer_of(info).org_id)
        return IntegrationDeletion.from_model(row) if row else None


@strawberry.type
class IntegrationLifecycleMutations:
    @strawberry.mutation(permission_classes=[IsAdmin])
    async def integration_options_save(
        self, info: Info, input: IntegrationOptionsInput
    ) -> IntegrationPayload:
        data = lifecycle.Options(
            sync_modules=input.sync_modules, real_time_sync=input.real_time_sync,
            potentials_option=input.potentials_option,
        )  # fmt: skip
        return _payload(await lifecycle.save_options(viewer_of(info), _service(info), data))

    @strawberry.mutation(
        permission_classes=[IsAdmin], description="No sync runs afterwards; all data stays."
    )
    async def integration_disable(self, info: Info) -> IntegrationPayload:
        return _payload(await lifecycle.disable(viewer_of(info), _service(info)))

    @strawberry.mutation(permission_classes=[IsAdmin])
    async def integration_enable(self, info: Info) -> IntegrationPayload:
        return _payload(await lifecycle.enable(viewer_of(info), _service(info)))

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description="Only when DISABLED. Runs as a job; every admin is notified when it is done.",
    )
    async def integration_delete(
        self, info: Info, input: IntegrationDeleteInput
    ) -> IntegrationDeletePayload:
        result = await lifecycle.delete(viewer_of(info), _service(info), input.mode)
        return payload(IntegrationDeletePayload, result, IntegrationDeletion.from_model)
