"""Queries of a CRM record's context: the CRM tab's status and a record's expenses."""

from __future__ import annotations

from typing import Annotated

import strawberry

from gql.context import Info
from gql.customers.types import Customer
from gql.errors import PublicError
from gql.ids import pk
from gql.permissions import IsAuthenticated, viewer_of
from gql.potentials.types import Potential
from gql.record_context import inputs
from gql.record_context.types import CrmTabStatus, RecordContext
from resolvers import lifecycle, record_context
from resolvers.errors import Refused


def _record_ref(record: inputs.RecordInput) -> record_context.RecordRef:
    """The one-of input as a reference; an id that is not of its type names no record."""
    if record.crm:
        return record_context.RecordRef(crm_module=record.crm.module, crm_id=record.crm.id[:64])
    if record.potential_id:
        return record_context.RecordRef(potential_id=pk("Potential", record.potential_id) or 0)
    return record_context.RecordRef(customer_id=pk("Customer", record.customer_id) or 0)


@strawberry.type
class RecordContextQueries:
    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="Whether the CRM tab's pages are available to the organisation.",
    )
    async def crm_tab_status(self, info: Info) -> CrmTabStatus:
        refusal = await lifecycle.sync_modules_refusal(viewer_of(info))
        if refusal is None:
            return CrmTabStatus(available=True, code=None, message=None)
        return CrmTabStatus(available=False, code=refusal.code, message=refusal.message)

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="The expenses, reports and totals of one account, contact or deal, by "
        "Spendsync or CRM id, as far as the viewer may see them. Top-level errors: NOT_FOUND "
        "(no such record in the organisation), SYNC_MODULES_OFF, INTEGRATION_DISABLED or "
        "NOT_CONNECTED (the CRM tab's modules are not available).",
    )
    async def record_context(
        self,
        info: Info,
        record: Annotated[
            inputs.RecordInput,
            strawberry.argument(
                description="The account, contact or deal, by Spendsync or CRM id."
            ),
        ],
    ) -> RecordContext | None:
        try:
            found = await record_context.find_record(viewer_of(info), _record_ref(record))
        except Refused as refused:
            error = refused.errors[0]
            raise PublicError(error.message, error.code.value) from None
        return RecordContext(
            customer=Customer.from_model(found.customer) if found.customer else None,
            potential=Potential.from_model(found.potential) if found.potential else None,
            _filter=found.expenses, _report_filter=found.reports,
        )  # fmt: skip
