"""The integration's lifecycle (admin only): options, disable, enable, delete."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from gql.context import Info
from gql.enums import described_enum
from gql.errors import UserError, errors_field
from gql.ids import encode_id
from gql.integration.fields import IntegrationPayload, _service
from gql.integration.types import Integration, PotentialsOption
from gql.node import Node
from gql.payloads import payload
from gql.permissions import IsAdmin, viewer_of
from orm import models
from resolvers import lifecycle
from resolvers.errors import MutationResult

DeletionMode = described_enum(
    models.DeletionMode,
    description=(
        "What happens to synced customers and potentials when the integration is deleted."
    ),
    values={
        "CONVERT_ALL": (
            "Every synced record stays as a plain Spendsync record (its CRM link is cleared)."
        ),
        "KEEP_WITH_TRANSACTIONS": (
            "Records used by expenses or reports stay as plain records; the others are deleted."
        ),
    },
)
DeletionStatus = described_enum(
    models.DeletionStatus,
    description="Where an integration deletion is.",
    values={
        "QUEUED": "Waiting for a worker.",
        "RUNNING": "Converting and deleting records.",
        "SUCCEEDED": "Done; the integration is gone.",
        "FAILED": "Stopped; see `errorMessage`.",
    },
)


@strawberry.type(description="A request to delete the CRM integration, run as a job.")
class IntegrationDeletion(Node):
    id: strawberry.ID = strawberry.field(description="Opaque id of the deletion.")
    mode: DeletionMode = strawberry.field(  # type: ignore[valid-type]
        description="What happens to synced customers and potentials."
    )
    status: DeletionStatus = strawberry.field(description="Where the job is.")  # type: ignore[valid-type]
    converted_customers: int = strawberry.field(
        description="Synced customers kept as plain Spendsync customers."
    )
    converted_potentials: int = strawberry.field(
        description="Synced potentials kept as plain Spendsync potentials."
    )
    deleted_customers: int = strawberry.field(
        description="Synced customers deleted (KEEP_WITH_TRANSACTIONS: not in use)."
    )
    deleted_potentials: int = strawberry.field(
        description="Synced potentials deleted (KEEP_WITH_TRANSACTIONS: not in use)."
    )
    created_at: datetime = strawberry.field(
        description="When it was requested (ISO 8601 date-time, UTC)."
    )
    finished_at: datetime | None = strawberry.field(
        description="When it ended; null while queued or running."
    )
    error_message: str = strawberry.field(description="Why it failed; empty otherwise.")

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
    potentials_option: PotentialsOption | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="Which potentials users may pick for expenses and reports."
    )
    real_time_sync: bool | None = strawberry.field(
        default=None, description="Near-real-time sync through the CRM's notifications."
    )


@strawberry.input(description="How to delete the integration.")
class IntegrationDeleteInput:
    mode: DeletionMode = strawberry.field(  # type: ignore[valid-type]
        description="What happens to synced customers and potentials."
    )


@strawberry.type(description="Result of `integrationDelete`.")
class IntegrationDeletePayload:
    deletion: IntegrationDeletion | None = strawberry.field(
        description="The queued deletion; null when refused."
    )
    errors: list[UserError] = errors_field()


def _payload(result: MutationResult[models.Integration]) -> IntegrationPayload:
    return payload(IntegrationPayload, result, Integration.from_model)


@strawberry.type
class IntegrationLifecycleQueries:
    @strawberry.field(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. The latest request to delete the CRM integration; null if none."
        ),
    )
    async def integration_deletion(self, info: Info) -> IntegrationDeletion | None:
        row = await lifecycle.latest_deletion(viewer_of(info).org_id)
        return IntegrationDeletion.from_model(row) if row else None


@strawberry.type
class IntegrationLifecycleMutations:
    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Save the integration's options. Codes: NOT_CONNECTED, "
            "PUBLIC_URL_MISSING, SYNC_MODULES_OFF."
        ),
    )
    async def integration_options_save(
        self,
        info: Info,
        input: Annotated[
            IntegrationOptionsInput, strawberry.argument(description="The options to change.")
        ],
    ) -> IntegrationPayload:
        data = lifecycle.Options(
            sync_modules=input.sync_modules, real_time_sync=input.real_time_sync,
            potentials_option=input.potentials_option,
        )  # fmt: skip
        return _payload(await lifecycle.save_options(viewer_of(info), _service(info), data))

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Pause the CRM integration: no sync runs "
            "afterwards; all data stays. Codes: NOT_CONNECTED."
        ),
    )
    async def integration_disable(self, info: Info) -> IntegrationPayload:
        return _payload(await lifecycle.disable(viewer_of(info), _service(info)))

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Resume a DISABLED integration; the schedule resumes. "
            "Codes: NOT_CONNECTED, DELETION_IN_PROGRESS."
        ),
    )
    async def integration_enable(self, info: Info) -> IntegrationPayload:
        return _payload(await lifecycle.enable(viewer_of(info), _service(info)))

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description="Only when DISABLED. Runs as a job; every admin is notified when it is done.",
    )
    async def integration_delete(
        self,
        info: Info,
        input: Annotated[
            IntegrationDeleteInput,
            strawberry.argument(description="What happens to synced records."),
        ],
    ) -> IntegrationDeletePayload:
        result = await lifecycle.delete(viewer_of(info), _service(info), input.mode)
        return payload(IntegrationDeletePayload, result, IntegrationDeletion.from_model)
