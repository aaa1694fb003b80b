"""Queries and mutations of expenses and expense reports; each delegates to one resolver
and maps its result."""

from __future__ import annotations

from functools import partial
from typing import Annotated

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
    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description=(
            "The expenses you may see, latest date first: admins all of"
            " the organisation's; others their own and those of reports"
            " submitted to them."
        ),
    )
    async def expenses(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        filter: Annotated[
            inputs.ExpenseFilter | None,
            strawberry.argument(
                description=(
                    "Narrow by status, people, customer, potential, dates, amount or text."
                )
            ),
        ] = None,
    ) -> Connection[Expense]:
        _, base_minor = await base_currency(info)
        query = queries.list_expenses(viewer_of(info), inputs.expense_filter(filter, base_minor))
        return await paginate(query, Expense.from_model, first=first, after=after)

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="One expense you may see, by id; null otherwise.",
    )
    async def expense(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The expense's opaque id.")],
    ) -> Expense | None:
        row = await queries.expense_of(viewer_of(info), pk("Expense", id))
        return Expense.from_model(row) if row else None

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description=(
            "The Expense Reports you may see, newest first: admins all;"
            " others their own and those submitted to them."
        ),
    )
    async def reports(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        filter: Annotated[
            inputs.ReportFilter | None,
            strawberry.argument(
                description="Narrow by status, people, customer, potential or archive flag."
            ),
        ] = None,
    ) -> Connection[Report]:
        viewer = viewer_of(info)
        query = queries.list_reports(viewer, _report_filter(viewer, filter))
        return await paginate(query, Report.from_model, first=first, after=after)

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="One Expense Report you may see, by id; null otherwise.",
    )
    async def report(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The report's opaque id.")],
    ) -> Report | None:
        row = await queries.report_of(viewer_of(info), pk("Report", id))
        return Report.from_model(row) if row else None


@strawberry.type
class ExpenseMutations:
    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description=(
            "Record an expense for yourself, optionally into a report. "
            "Codes: REQUIRED, INVALID_AMOUNT, INVALID_CURRENCY, "
            "EXCHANGE_RATE_REQUIRED, DATE_IN_FUTURE, CATEGORY_DISABLED,"
            " CATEGORY_RESERVED, CUSTOMER_INACTIVE, "
            "POTENTIAL_NOT_ALLOWED, POTENTIAL_NOT_OF_CUSTOMER, "
            "RECEIPT_IN_USE, NOT_FOUND, REPORT_NOT_EDITABLE."
        ),
    )
    async def expense_create(
        self,
        info: Info,
        input: Annotated[
            inputs.ExpenseCreateInput,
            strawberry.argument(description="The expense and where to put it."),
        ],
    ) -> ExpensePayload:
        result = await expenses.create_expenses(
            viewer_of(info), [input.expense.to_data()], report_id=pk("Report", input.report_id),
            new_report=input.new_report.to_data() if input.new_report else None,
        )  # fmt: skip
        return payload(ExpensePayload, result, _first)

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description=(
            "Bulk add: record 1 to 100 expenses for yourself at once, all"
            " or nothing; errors are named `expenses.<n>.<field>`. Codes "
            "as `expenseCreate`, plus TOO_MANY_ITEMS."
        ),
    )
    async def expenses_create(
        self,
        info: Info,
        input: Annotated[
            inputs.ExpensesCreateInput,
            strawberry.argument(description="The expenses (1 to 100) and where to put them."),
        ],
    ) -> ExpensesPayload:
        rows = [row.to_data() for row in input.expenses[: expenses.MAX_BULK + 1]]
        result = await expenses.create_expenses(
            viewer_of(info), rows, report_id=pk("Report", input.report_id),
            new_report=input.new_report.to_data() if input.new_report else None, bulk=True,
        )  # fmt: skip
        return list_payload(ExpensesPayload, result, Expense.from_model)

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description=(
            "Change an expense: its owner while unreported or in a "
            "draft or rejected report, its approver or an admin while "
            "submitted. Codes: REQUIRED, INVALID_AMOUNT, "
            "INVALID_CURRENCY, EXCHANGE_RATE_REQUIRED, DATE_IN_FUTURE, "
            "CATEGORY_DISABLED, CATEGORY_RESERVED, CUSTOMER_INACTIVE, "
            "POTENTIAL_NOT_ALLOWED, POTENTIAL_NOT_OF_CUSTOMER, "
            "RECEIPT_IN_USE, NOT_FOUND, EXPENSE_LOCKED, "
            "PER_DIEM_EXPENSE, MILEAGE_AMOUNT_LOCKED, "
            "CARD_AMOUNT_LOCKED."
        ),
    )
    async def expense_update(
        self,
        info: Info,
        input: Annotated[
            inputs.ExpenseUpdateInput,
            strawberry.argument(description="The expense and its new values."),
        ],
    ) -> ExpensePayload:
        result = await expenses.update_expense(
            viewer_of(info), pk("Expense", input.id), input.expense.to_data()
        )
        return payload(ExpensePayload, result, Expense.from_model)

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description=(
            "Delete UNREPORTED and UNSUBMITTED expenses (the owner's or, "
            "for admins, any), all or nothing; refused ids come back as "
            "`ids.<n>`. Codes: NOT_FOUND, EXPENSE_LOCKED, TOO_MANY_ITEMS."
        ),
    )
    async def expenses_delete(
        self,
        info: Info,
        input: Annotated[
            inputs.ExpensesDeleteInput,
            strawberry.argument(description="The expenses to delete (1 to 100)."),
        ],
    ) -> ExpensesDeletePayload:
        result = await expenses.delete_expenses(viewer_of(info), pks("Expense", input.ids))
        return list_payload(ExpensesDeletePayload, result, partial(encode_id, "Expense"))

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description=(
            "Turn one of your inbox receipts into an expense, optionally "
            "into a report. Codes as `expenseCreate`, plus "
            "RECEIPT_IN_USE."
        ),
    )
    async def receipt_convert(
        self,
        info: Info,
        input: Annotated[
            inputs.ReceiptConvertInput,
            strawberry.argument(description="The receipt and the expense to create."),
        ],
    ) -> ExpensePayload:
        data = input.expense.to_data()
        data.receipt_ids = [pk("Receipt", input.receipt_id) or -1, *data.receipt_ids]
        result = await expenses.create_expenses(
            viewer_of(info), [data], report_id=pk("Report", input.report_id)
        )
        return payload(ExpensePayload, result, _first)

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description=(
            "Create a draft Expense Report of yours, optionally with "
            "some of your unreported expenses. Codes: REQUIRED, "
            "TOO_LONG, INVALID_DATE_RANGE, CUSTOMER_INACTIVE, "
            "POTENTIAL_NOT_OF_CUSTOMER, NOT_FOUND."
        ),
    )
    async def report_create(
        self,
        info: Info,
        input: Annotated[inputs.ReportInput, strawberry.argument(description="The report.")],
    ) -> ReportPayload:
        return _report(await reports.create_report(viewer_of(info), input.to_data()))

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description=(
            "Add your unreported expenses to a draft or rejected report"
            " of yours. Codes: NOT_FOUND, REPORT_NOT_EDITABLE, INVALID."
        ),
    )
    async def report_add_expenses(
        self,
        info: Info,
        input: Annotated[
            inputs.ReportExpensesInput,
            strawberry.argument(description="The report and the expenses."),
        ],
    ) -> ReportPayload:
        return _report(
            await reports.add_expenses(
                viewer_of(info),
                pk("Report", input.report_id),
                pks("Expense", input.expense_ids),
            )
        )

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description=(
            "Take expenses out of a draft or rejected report of yours; "
            "they become unreported. Codes: NOT_FOUND, "
            "REPORT_NOT_EDITABLE."
        ),
    )
    async def report_remove_expenses(
        self,
        info: Info,
        input: Annotated[
            inputs.ReportExpensesInput,
            strawberry.argument(description="The report and the expenses."),
        ],
    ) -> ReportPayload:
        return _report(
            await reports.remove_expenses(
                viewer_of(info),
                pk("Report", input.report_id),
                pks("Expense", input.expense_ids),
            )
        )

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description=(
            "Submit a draft or rejected report to an approver. Codes: "
            "REPORT_EMPTY, INVALID_APPROVER, SELF_APPROVAL_NOT_ALLOWED,"
            " INVALID_TRANSITION, NOT_FOUND."
        ),
    )
    async def report_submit(
        self,
        info: Info,
        input: Annotated[
            inputs.ReportSubmitInput,
            strawberry.argument(description="The report and its approver."),
        ],
    ) -> ReportPayload:
        return _report(
            await transitions.submit_report(
                viewer_of(info), pk("Report", input.report_id), pk("User", input.approver_id)
            )
        )

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description=(
            "The owner takes a SUBMITTED report back to DRAFT, before the"
            " approver acts. Codes: INVALID_TRANSITION, NOT_PERMITTED, "
            "NOT_FOUND."
        ),
    )
    async def report_recall(
        self,
        info: Info,
        input: Annotated[
            inputs.ReportActionInput,
            strawberry.argument(description="The submitted report to take back to DRAFT."),
        ],
    ) -> ReportPayload:
        return _report(
            await transitions.recall_report(viewer_of(info), pk("Report", input.report_id))
        )

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description=(
            "The report's approver or an admin approves a SUBMITTED "
            "report. Codes: INVALID_TRANSITION, NOT_PERMITTED, "
            "NOT_FOUND."
        ),
    )
    async def report_approve(
        self,
        info: Info,
        input: Annotated[
            inputs.ReportActionInput,
            strawberry.argument(description="The report and an optional comment."),
        ],
    ) -> ReportPayload:
        return _report(
            await transitions.approve_report(
                viewer_of(info), pk("Report", input.report_id), input.comment
            )
        )

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description=(
            "The report's approver or an admin sends a SUBMITTED report "
            "back to its owner; a comment is required. Codes: REQUIRED, "
            "INVALID_TRANSITION, NOT_PERMITTED, NOT_FOUND."
        ),
    )
    async def report_reject(
        self,
        info: Info,
        input: Annotated[
            inputs.ReportActionInput,
            strawberry.argument(description="The report and why it is rejected."),
        ],
    ) -> ReportPayload:
        return _report(
            await transitions.reject_report(
                viewer_of(info), pk("Report", input.report_id), input.comment
            )
        )

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Record that an APPROVED report was paid back."
            " Codes: DATE_IN_FUTURE, INVALID_TRANSITION, NOT_FOUND."
        ),
    )
    async def report_reimburse(
        self,
        info: Info,
        input: Annotated[
            inputs.ReportReimburseInput,
            strawberry.argument(description="The report, the payment date and reference."),
        ],
    ) -> ReportPayload:
        return _report(
            await transitions.reimburse_report(
                viewer_of(info),
                pk("Report", input.report_id),
                paid_on=input.date,
                reference=input.reference,
            )
        )

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Hide an APPROVED, REJECTED or REIMBURSED "
            "report from default lists. Codes: INVALID_TRANSITION, "
            "NOT_FOUND."
        ),
    )
    async def report_archive(
        self,
        info: Info,
        input: Annotated[
            inputs.ReportActionInput, strawberry.argument(description="The report to archive.")
        ],
    ) -> ReportPayload:
        return _report(
            await transitions.archive_report(viewer_of(info), pk("Report", input.report_id))
        )

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Bring an archived report back to default "
            "lists. Codes: INVALID_TRANSITION, NOT_FOUND."
        ),
    )
    async def report_unarchive(
        self,
        info: Info,
        input: Annotated[
            inputs.ReportActionInput, strawberry.argument(description="The report to unarchive.")
        ],
    ) -> ReportPayload:
        return _report(
            await transitions.unarchive_report(viewer_of(info), pk("Report", input.report_id))
        )
