"""What the CRM's widgets and tab show about a record."""

from __future__ import annotations

import strawberry

from gql.context import Info
from gql.customers.types import Customer
from gql.expenses.types import Expense, Report
from gql.money import SpendTotals, base_currency
from gql.pagination import After, Connection, First, paginate
from gql.permissions import viewer_of
from gql.potentials.types import Potential
from resolvers.errors import ErrorCode
from resolvers.expenses import queries


@strawberry.type(description="What a CRM widget shows on an account, contact or deal.")
class RecordContext:
    customer: Customer | None = strawberry.field(
        description="The customer (the account or contact, or the deal's customer)."
    )
    potential: Potential | None = strawberry.field(
        description="The potential, when the record is a deal."
    )
    _filter: strawberry.Private[queries.ExpenseFilter]
    _report_filter: strawberry.Private[queries.ReportFilter]

    @strawberry.field(description="Its expenses you may see, newest first.")
    async def expenses(
        self, info: Info, first: First = None, after: After = None
    ) -> Connection[Expense]:
        query = queries.filter_expenses(queries.list_expenses(viewer_of(info)), self._filter)
        return await paginate(query, Expense.from_model, first=first, after=after)

    @strawberry.field(description="Its reports you may see, newest first.")
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
        currency, _ = await base_currency(info)
        return SpendTotals.from_totals(await queries.totals_of(query), currency)


@strawberry.type(
    description="Whether the CRM tab's Expenses and Expense Reports pages are available "
    "(Sync Modules on and the CRM connected) and, when not, why."
)
class CrmTabStatus:
    available: bool = strawberry.field(
        description=(
            "Whether the CRM tab's pages can be used (integration "
            "connected and enabled, Sync Modules on)."
        )
    )
    code: ErrorCode | None = strawberry.field(
        description="SYNC_MODULES_OFF, INTEGRATION_DISABLED or NOT_CONNECTED; null when available."
    )
    message: str | None = strawberry.field(description="The reason in words; null when available.")
