"""Inputs of expenses and expense reports. Ids are the opaque ids the API hands out."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import strawberry

from gql.errors import PublicError
from gql.expenses.status import ExpenseStatus
from gql.expenses.types import ReportStatus
from gql.ids import pk, pks
from gql.scalars import DecimalString
from orm.money import MAX_MAJOR_AMOUNT
from resolvers.expenses import queries
from resolvers.expenses.reports import ReportData
from resolvers.expenses.validation import ExpenseData


@strawberry.input
class ExpenseInput:
    date: date
    category_id: strawberry.ID
    amount: DecimalString = strawberry.field(description='In the expense currency, e.g. "12.50".')
    currency: str | None = strawberry.field(
        default=None, description="Defaults to the base currency."
    )
    exchange_rate: DecimalString | None = strawberry.field(
        default=None, description="Required when the currency is not the base currency."
    )
    merchant: str = ""
    description: str = ""
    reference: str = ""
    is_reimbursable: bool = True
    is_billable: bool = False
    customer_id: strawberry.ID | None = None
    potential_id: strawberry.ID | None = None
    attendee_user_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    attendee_contact_person_ids: list[strawberry.ID] = strawberry.field(default_factory=list)
    receipt_ids: list[strawberry.ID] = strawberry.field(default_factory=list)

    def to_data(self) -> ExpenseData:
        return ExpenseData(
            date=self.date, category_id=pk("Category", self.category_id), amount=self.amount,
            currency=self.currency, exchange_rate=self.exchange_rate, merchant=self.merchant,
            description=self.description, reference=self.reference,
            is_reimbursable=self.is_reimbursable, is_billable=self.is_billable,
            customer_id=pk("Customer", self.customer_id),
            potential_id=pk("Potential", self.potential_id),
            attendee_user_ids=pks("User", self.attendee_user_ids),
            attendee_contact_person_ids=pks("ContactPerson", self.attendee_contact_person_ids),
            receipt_ids=pks("Receipt", self.receipt_ids),
        )  # fmt: skip


@strawberry.input
class ReportInput:
    name: str
    start_date: date
    end_date: date
    business_purpose: str = ""
    customer_id: strawberry.ID | None = None
    potential_id: strawberry.ID | None = None
    expense_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="Your unreported expenses to put in it (at most 100)."
    )

    def to_data(self) -> ReportData:
        return ReportData(
            name=self.name, business_purpose=self.business_purpose, start_date=self.start_date,
            end_date=self.end_date, customer_id=pk("Customer", self.customer_id),
            potential_id=pk("Potential", self.potential_id),
            expense_ids=pks("Expense", self.expense_ids),
        )  # fmt: skip


@strawberry.input(description="Add to an existing report of yours, or to a new one, or to none.")
class ExpenseCreateInput:
    expense: ExpenseInput
    report_id: strawberry.ID | None = None
    new_report: ReportInput | None = None


@strawberry.input
class ExpensesCreateInput:
    expenses: list[ExpenseInput] = strawberry.field(description="1 to 100; all or nothing.")
    report_id: strawberry.ID | None = None
    new_report: ReportInput | None = None


@strawberry.input(description="Replaces every field, the attendees and the receipts.")
class ExpenseUpdateInput:
    id: strawberry.ID
    expense: ExpenseInput


@strawberry.input
class ExpensesDeleteInput:
    ids: list[strawberry.ID] = strawberry.field(description="1 to 100; all or nothing.")


@strawberry.input
class ReceiptConvertInput:
    receipt_id: strawberry.ID
    expense: ExpenseInput
    report_id: strawberry.ID | None = None


@strawberry.input
class ExpenseFilter:
    statuses: list[ExpenseStatus] = strawberry.field(default_factory=list)
    user_id: strawberry.ID | None = None
    customer_id: strawberry.ID | None = None
    potential_id: strawberry.ID | None = None
    category_id: strawberry.ID | None = None
    report_id: strawberry.ID | None = None
    date_from: date | None = None
    date_to: date | None = None
    min_amount: DecimalString | None = strawberry.field(
        default=None, description="In the base currency."
    )
    max_amount: DecimalString | None = strawberry.field(
        default=None, description="In the base currency."
    )
    search: str | None = strawberry.field(
        default=None,
        description="Part of the merchant, the description or the reference (any case); "
        "at most 100 characters are used.",
    )


@strawberry.input
class ReportFilter:
    statuses: list[ReportStatus] = strawberry.field(default_factory=list)  # type: ignore[valid-type]
    user_id: strawberry.ID | None = None
    approver_id: strawberry.ID | None = None
    customer_id: strawberry.ID | None = None
    potential_id: strawberry.ID | None = None
    submitted_to_me: bool = strawberry.field(
        default=False, description="Only reports awaiting your approval."
    )
    include_archived: bool = False


@strawberry.input
class ReportExpensesInput:
    report_id: strawberry.ID
    expense_ids: list[strawberry.ID]


@strawberry.input
class ReportSubmitInput:
    report_id: strawberry.ID
    approver_id: strawberry.ID


@strawberry.input
class ReportActionInput:
    report_id: strawberry.ID
    comment: str = ""


@strawberry.input
class ReportReimburseInput:
    report_id: strawberry.ID
    date: date
    reference: str = ""


def expense_filter(value: ExpenseFilter | None, base_minor: int) -> queries.ExpenseFilter:
    """``base_minor`` is 10 ** the base currency's exponent, to turn amounts into minor units."""
    if value is None:
        return queries.ExpenseFilter()
    return queries.ExpenseFilter(
        statuses=value.statuses, user_id=pk("User", value.user_id),
        customer_id=pk("Customer", value.customer_id),
        potential_id=pk("Potential", value.potential_id),
        category_id=pk("Category", value.category_id), report_id=pk("Report", value.report_id),
        date_from=value.date_from, date_to=value.date_to,
        min_base_amount=_minor(value.min_amount, base_minor),
        max_base_amount=_minor(value.max_amount, base_minor),
        search=(value.search or "").strip()[:100] or None,
    )  # fmt: skip


def _minor(amount: Decimal | None, per_unit: int) -> int | None:
    if amount is None:
        return None
    if abs(amount) > MAX_MAJOR_AMOUNT:
        raise PublicError("An amount filter is out of range.", "BAD_FILTER")
    return int(amount * per_unit)
