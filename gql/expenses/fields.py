"""Queries and mutations of expenses and expense reports; each delegates to one resolver
and maps its result."""

from __future__ import annotations

from functools import partial

import strawberry

from gql.context import Info
from gql.expenses import inputs
from gql.expenses.payloads import (
    ExpensePayload,
    ExpensesDeletePayload,
    ExpensesPayload,
    ReportPayload,
)
from gql.expenses.types import Expense, Report
from gql.ids import encode_id, pk, pks
from gql.money import base_currency
from gql.pagination import After, Connection, First, paginate
from gql.payloads import list_payload, payload
from gql.permissions import IsAdmin, IsAuthenticated, viewer_of
from orm import models
from resolvers.errors import MutationResult
from resolvers.expenses import mutations as expenses
from resolvers.expenses import queries, reports, transitions
from resolvers.viewer import Viewer


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


def _report(result: MutationResult[models.Report]) -> ReportPayload:
    return payload(ReportPayload, result, Report.from_model)


def _first(rows: list[models.Expense]) -> Expense | None:
    """The one expense a single create made."""
    return Expense.from_model(rows[0]) if rows else None


@strawberry.type
class ExpenseQueries:
    @strawberry.field(permission_classes=[IsAuthenticated])
    async def expenses(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        filter: inputs.ExpenseFilter | None = None,
    ) -> Connection[Expense]:
        _, base_minor = await base_currency(info)
        query = queries.list_expenses(viewer_of(info), inputs.expense_filter(filter, base_minor))
        return await paginate(query, Expense.from_model, first=first, after=after)

    @strawberry.field(permission_classes=[IsAuthenticated])
    async def expense(self, info: Info, id: strawberry.ID) -> Expense | None:
        row = await queries.expense_of(viewer_of(info), pk("Expense", id))
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
        row = await queries.report_of(viewer_of(info), pk("Report", id))
        return Report.from_model(row) if row else None


@strawberry.type
class ExpenseMutations:
    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def expense_create(self, info: Info, input: inputs.ExpenseCreateInput) -> ExpensePayload:
        result = await expenses.create_expenses(
            viewer_of(info), [input.expense.to_data()], report_id=pk("Report", input.report_id),
            new_report=input.new_report.to_data() if input.new_report else None,
        )  # fmt: skip
        return payload(ExpensePayload, result, _first)

    @strawberry.mutation(
        permission_classes=[IsAuthenticated], description="Bulk add; all or nothing."
    )
    async def expenses_create(
        self, info: Info, input: inputs.ExpensesCreateInput
    ) -> ExpensesPayload:
        rows = [row.to_data() for row in input.expenses[: expenses.MAX_BULK + 1]]
        result = await expenses.create_expenses(
            viewer_of(info), rows, report_id=pk("Report", input.report_id),
            new_report=input.new_report.to_data() if input.new_report else None, bulk=True,
        )  # fmt: skip
        return list_payload(ExpensesPayload, result, Expense.from_model)

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def expense_update(self, info: Info, input: inputs.ExpenseUpdateInput) -> ExpensePayload:
        result = await expenses.update_expense(
            viewer_of(info), pk("Expense", input.id), input.expense.to_data()
        )
        return payload(ExpensePayload, result, Expense.from_model)

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="Unreported and unsubmitted expenses only; all or nothing.",
    )
    async def expenses_delete(
        self, info: Info, input: inputs.ExpensesDeleteInput
    ) -> ExpensesDeletePayload:
        result = await expenses.delete_expenses(viewer_of(info), pks("Expense", input.ids))
        return list_payload(ExpensesDeletePayload, result, partial(encode_id, "Expense"))

    @strawberry.mutation(
        permission_classes=[IsAuthenticated], description="Turn an inbox receipt into an expense."
    )
    async def receipt_convert(
        self, info: Info, input: inputs.ReceiptConvertInput
    ) -> ExpensePayload:
        data = input.expense.to_data()
        data.receipt_ids = [pk("Receipt", input.receipt_id) or -1, *data.receipt_ids]
        result = await expenses.create_expenses(
            viewer_of(info), [data], report_id=pk("Report", input.report_id)
        )
        return payload(ExpensePayload, result, _first)

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def report_create(self, info: Info, input: inputs.ReportInput) -> ReportPayload:
        return _report(await reports.create_report(viewer_of(info), input.to_data()))

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def report_add_expenses(
        self, info: Info, input: inputs.ReportExpensesInput
    ) -> ReportPayload:
        return _report(
            await reports.add_expenses(
                viewer_of(info),
                pk("Report", input.report_id),
                pks("Expense", input.expense_ids),
            )
        )

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def report_remove_expenses(
        self, info: Info, input: inputs.ReportExpensesInput
    ) -> ReportPayload:
        return _report(
            await reports.remove_expenses(
                viewer_of(info),
                pk("Report", input.report_id),
                pks("Expense", input.expense_ids),
            )
        )

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def report_submit(self, info: Info, input: inputs.ReportSubmitInput) -> ReportPayload:
        return _report(
            await transitions.submit_report(
                viewer_of(info), pk("Report", input.report_id), pk("User", input.approver_id)
            )
        )

    @strawberry.mutation(
        permission_classes=[IsAuthenticated], description="Before the approver acts."
    )
    async def report_recall(self, info: Info, input: inputs.ReportActionInput) -> ReportPayload:
        return _report(
            await transitions.recall_report(viewer_of(info), pk("Report", input.report_id))
        )

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def report_approve(self, info: Info, input: inputs.ReportActionInput) -> ReportPayload:
        return _report(
            await transitions.approve_report(
                viewer_of(info), pk("Report", input.report_id), input.comment
            )
        )

    @strawberry.mutation(permission_classes=[IsAuthenticated], description="A comment is required.")
    async def report_reject(self, info: Info, input: inputs.ReportActionInput) -> ReportPayload:
        return _report(
            await transitions.reject_report(
                viewer_of(info), pk("Report", input.report_id), input.comment
            )
        )

    @strawberry.mutation(permission_classes=[IsAdmin])
    async def report_reimburse(
        self, info: Info, input: inputs.ReportReimburseInput
    ) -> ReportPayload:
        return _report(
            await transitions.reimburse_report(
                viewer_of(info),
                pk("Report", input.report_id),
                paid_on=input.date,
                reference=input.reference,
            )
        )

    @strawberry.mutation(permission_classes=[IsAdmin])
    async def report_archive(self, info: Info, input: inputs.ReportActionInput) -> ReportPayload:
        return _report(
            await transitions.archive_report(viewer_of(info), pk("Report", input.report_id))
        )

    @strawberry.mutation(permission_classes=[IsAdmin])
    async def report_unarchive(self, info: Info, input: inputs.ReportActionInput) -> ReportPayload:
        return _report(
            await transitions.unarchive_report(viewer_of(info), pk("Report", input.report_id))
        )
