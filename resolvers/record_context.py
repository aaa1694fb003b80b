"""The record a CRM widget or record page shows: a customer (account or contact) or a deal,
named by its Spendsync id or by its CRM module and id, with the filters of its expenses and
reports. Only while the CRM tab's modules are on (Sync Modules)."""

from __future__ import annotations

from dataclasses import dataclass

from orm import models
from resolvers import customers, potentials
from resolvers.errors import ErrorCode, FieldError, Refused
from resolvers.expenses.queries import ExpenseFilter, ReportFilter
from resolvers.lifecycle import require_sync_modules
from resolvers.viewer import Viewer


@dataclass(frozen=True, slots=True)
class RecordRef:
    """Exactly one way of naming the record (the GraphQL input is a one-of)."""

    customer_id: int | None = None
    potential_id: int | None = None
    crm_module: models.CrmModule | None = None
    crm_id: str | None = None


@dataclass(frozen=True, slots=True)
class Record:
    customer: models.Customer | None
    potential: models.Potential | None
    expenses: ExpenseFilter
    reports: ReportFilter


def _not_found(field: str) -> Refused:
    return Refused([FieldError(field, "No such record in your organisation.", ErrorCode.NOT_FOUND)])


async def find_record(viewer: Viewer, ref: RecordRef) -> Record:
    """The record, or ``Refused``: Sync Modules off (or the integration not usable), NOT_FOUND.

    A deal's customer is its account (or, without one, its contact); deals follow the
    organisation's potentials option, as in every picker."""
    await require_sync_modules(viewer)
    customer: models.Customer | None = None
    potential: models.Potential | None = None
    if ref.crm_module is models.CrmModule.DEALS:
        potential = await (await potentials.potentials_for(viewer)).get_or_none(crm_id=ref.crm_id)
        field = "crm"
    elif ref.crm_module is not None:
        customer = await customers.list_customers(viewer).get_or_none(
            crm_module=ref.crm_module, crm_id=ref.crm_id
        )
        field = "crm"
    elif ref.potential_id is not None:
        potential = await (await potentials.potentials_for(viewer)).get_or_none(id=ref.potential_id)
        field = "potentialId"
    else:
        customer = await customers.list_customers(viewer).get_or_none(id=ref.customer_id or 0)
        field = "customerId"
    if potential is not None:
        owner_id = potential.customer_id or potential.contact_customer_id
        if owner_id is not None:
            customer = await customers.list_customers(viewer).get_or_none(id=owner_id)
        return Record(
            customer, potential, ExpenseFilter(potential_id=potential.id),
            ReportFilter(potential_id=potential.id, include_archived=True),
        )  # fmt: skip
    if customer is None:
        raise _not_found(field)
    return Record(
        customer, None, ExpenseFilter(customer_id=customer.id),
        ReportFilter(customer_id=customer.id, include_archived=True),
    )  # fmt: skip
