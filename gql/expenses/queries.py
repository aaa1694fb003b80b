"""Queries of the expense domain: pickers, lists for widgets and reporting tools, record context."""

from __future__ import annotations

import strawberry

from gql.context import Info
from gql.errors import PublicError
from gql.expenses import inputs
from gql.expenses.money import SpendTotals
from gql.expenses.types import (
    Category,
    Customer,
    CustomField,
    Expense,
    Potential,
    Receipt,
    Report,
)
from gql.pagination import After, Connection, First, paginate
from gql.permissions import IsAuthenticated, viewer_of
from orm import models
from orm.money import CURRENCY_EXPONENTS
from resolvers import categories, custom_fields, customers, lifecycle, potentials, record_context
from resolvers.errors import ErrorCode, Refused
from resolvers.expenses import queries
from resolvers.receipts import service as receipts
from resolvers.viewer import Viewer

pk = inputs.pk


async def _base(info: Info) -> tuple[str, int]:
    viewer = viewer_of(info)
    org = await info.context.loaders.organization_by_id.load(viewer.org_id)
    assert org is not None
    return org.base_currency, 10 ** CURRENCY_EXPONENTS[org.base_currency]


def _report_filter(viewer: Viewer, value: inputs.ReportFilter | None) -> queries.ReportFilter:
    if value is None:
        return queries.ReportFilter()
    statuses = list(value.statuses)
    approver = pk("User", value.approver_id)
    if value.submitted_to_me:
        approver, statuses = viewer.user_id, [models.ReportStatus.SUBMITTED]
    return queries.ReportFilter(
        statuses=statuses, user_id=pk("User", value.user_id), approver_id=approver,
        customer_id=pk("Customer", value.customer_id),
        potential_id=pk("Potential", value.potential_id), include_archived=value.include_archived,
    )  # fmt: skip


@strawberry.type(description="What a CRM widget shows on an account, contact or deal.")
class RecordContext:
    customer: Customer | None
    potential: Potential | None
    _filter: strawberry.Private[queries.ExpenseFilter]
    _report_filter: strawberry.Private[queries.ReportFilter]

    @strawberry.field
    async def expenses(
        self, info: Info, first: First = None, after: After = None
    ) -> Connection[Expense]:
        query = queries.filter_expenses(queries.list_expenses(viewer_of(info)), self._filter)
        return await paginate(query, Expense.from_model, first=first, after=after)

    @strawberry.field
    async def reports(
        self, info: Info, first: First = None, after: After = None
    ) -> Connection[Report]:
        query = queries.list_reports(viewer_of(info), self._report_filter)
        return await paginate(query, Report.from_model, first=first, after=after)

    @strawberry.field(description="Totals of the expenses you may see, in the base currency.")
    async def totals(self, info: Info) -> SpendTotals:
        query = queries.filter_expenses(
            queries.list_expenses(viewer_of(info)).order_by(), self._filter
        )
        currency, _ = await _base(info)
        return SpendTotals.from_totals(await queries.totals_of(query), currency)


@strawberry.type(
    description="Whether the CRM tab's Expenses and Expense Reports pages are available "
    "(Sync Modules on and the CRM connected) and, when not, why."
)
class CrmTabStatus:
    available: bool
    code: ErrorCode | None = strawberry.field(
        description="SYNC_MODULES_OFF, INTEGRATION_DISABLED or NOT_CONNECTED; null when available."
    )
    message: str | None = strawberry.field(description="The reason in words; null when available.")


def _record_ref(record: inputs.RecordInput) -> record_context.RecordRef:
    """The one-of input as a reference; an id that is not of its type names no record."""
    if record.crm:
        return record_context.RecordRef(crm_module=record.crm.module, crm_id=record.crm.id[:64])
    if record.potential_id:
        return record_context.RecordRef(potential_id=pk("Potential", record.potential_id) or 0)
    return record_context.RecordRef(customer_id=pk("Customer", record.customer_id) or 0)


@strawberry.type
class ExpenseQueries:
    @strawberry.field(permission_classes=[IsAuthenticated])
    async def categories(
        self, info: Info, first: First = None, after: After = None, include_disabled: bool = False
    ) -> Connection[Category]:
        query = categories.list_categories(viewer_of(info), include_disabled=include_disabled)
        return await paginate(query, Category.from_model, first=first, after=after)

    @strawberry.field(permission_classes=[IsAuthenticated])
    async def custom_fields(
        self, info: Info, first: First = None, after: After = None
    ) -> Connection[CustomField]:
        query = custom_fields.list_custom_fields(viewer_of(info))
        return await paginate(query, CustomField.from_model, first=first, after=after)

    @strawberry.field(permission_classes=[IsAuthenticated])
    async def customers(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        filter: inputs.CustomerFilter | None = None,
    ) -> Connection[Customer]:
        criteria = (
            customers.CustomerFilter(
                filter.status,
                filter.type,
                filter.search,
                crm_id=filter.crm_id,
                synced=filter.synced,
            )
            if filter
            else None
        )
        query = customers.list_customers(viewer_of(info), criteria)
        return await paginate(query, Customer.from_model, first=first, after=after)

    @strawberry.field(permission_classes=[IsAuthenticated])
    async def potentials(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        filter: inputs.PotentialFilter | None = None,
    ) -> Connection[Potential]:
        criteria = None
        if filter is not None:
            criteria = potentials.PotentialFilter(
                customer_id=pk("Customer", filter.customer_id), crm_id=filter.crm_id,
                state=filter.state,
                search=filter.search, include_inactive=filter.include_inactive,
            )  # fmt: skip
        query = await potentials.list_potentials(viewer_of(info), criteria)
        return await paginate(query, Potential.from_model, first=first, after=after)

    @strawberry.field(permission_classes=[IsAuthenticated])
    async def expenses(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        filter: inputs.ExpenseFilter | None = None,
    ) -> Connection[Expense]:
        _, base_minor = await _base(info)
        query = queries.list_expenses(viewer_of(info), inputs.expense_filter(filter, base_minor))
        return await paginate(query, Expense.from_model, first=first, after=after)

    @strawberry.field(permission_classes=[IsAuthenticated])
    async def expense(self, info: Info, id: strawberry.ID) -> Expense | None:
        row = await queries.list_expenses(viewer_of(info)).get_or_none(id=pk("Expense", id))
        return Expense.from_model(row) if row else None

    @strawberry.field(permission_classes=[IsAuthenticated])
    async def reports(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        filter: inputs.ReportFilter | None = None,
    ) -> Connection[Report]:
        viewer = viewer_of(info)
        query = queries.list_reports(viewer, _report_filter(viewer, filter))
        return await paginate(query, Report.from_model, first=first, after=after)

    @strawberry.field(permission_classes=[IsAuthenticated])
    async def report(self, info: Info, id: strawberry.ID) -> Report | None:
        row = await queries.list_reports(
            viewer_of(info), queries.ReportFilter(include_archived=True)
        ).get_or_none(id=pk("Report", id))
        return Report.from_model(row) if row else None

    @strawberry.field(
        permission_classes=[IsAuthenticated], description="Receipts not yet in an expense."
    )
    async def receipt_inbox(
        self, info: Info, first: First = None, after: After = None
    ) -> Connection[Receipt]:
        return await paginate(
            receipts.inbox(viewer_of(info)), Receipt.from_model, first=first, after=after
        )

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
    async def record_context(self, info: Info, record: inputs.RecordInput) -> RecordContext | None:
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
