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


@strawberry.input(
    description="What an expense records. Money is a decimal string in the expense currency."
)
class ExpenseInput:
    date: date = strawberry.field(
        description=(
            "The expense date (ISO 8601 date); not in the future in the organisation's time zone."
        )
    )
    category_id: strawberry.ID = strawberry.field(description="An enabled category.")
    amount: DecimalString = strawberry.field(description='In the expense currency, e.g. "12.50".')
    currency: str | None = strawberry.field(
        default=None, description="Defaults to the base currency."
    )
    exchange_rate: DecimalString | None = strawberry.field(
        default=None, description="Required when the currency is not the base currency."
    )
    merchant: str = strawberry.field(
        default="", description="Where the money was spent (the Merchant)."
    )
    description: str = strawberry.field(default="", description="Free text.")
    reference: str = strawberry.field(
        default="", description="Your reference, e.g. the invoice number."
    )
    is_reimbursable: bool = strawberry.field(
        default=True,
        description="Reimbursable: paid back to you (Claim Reimbursement; true by default).",
    )
    is_billable: bool = strawberry.field(
        default=False, description="Billable: to be charged on to the customer."
    )
    customer_id: strawberry.ID | None = strawberry.field(
        default=None, description="An active customer the expense is for."
    )
    potential_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="A potential (CRM deal) of that customer; alone, it also sets the customer.",
    )
    attendee_user_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="Users who attended (e.g. a business meal)."
    )
    attendee_contact_person_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="Contact persons of the expense's customer who attended."
    )
    receipt_ids: list[strawberry.ID] = strawberry.field(
        default_factory=list, description="Your inbox receipts to attach."
    )

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


@strawberry.input(description="A new Expense Report.")
class ReportInput:
    name: str = strawberry.field(description="The report's name.")
    start_date: date = strawberry.field(description="First day the report covers (ISO 8601 date).")
    end_date: date = strawberry.field(
        description="Last day it covers (ISO 8601 date); not before the start."
    )
    business_purpose: str = strawberry.field(default="", description="Why the spend was needed.")
    customer_id: strawberry.ID | None = strawberry.field(
        default=None, description="The customer the report is for."
    )
    potential_id: strawberry.ID | None = strawberry.field(
        default=None, description="A potential (CRM deal) of that customer."
    )
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
    expense: ExpenseInput = strawberry.field(description="The expense.")
    report_id: strawberry.ID | None = strawberry.field(
        default=None, description="A draft or rejected report of yours to put it in."
    )
    new_report: ReportInput | None = strawberry.field(
        default=None, description="A new report to create around it."
    )


@strawberry.input(description="Several expenses at once; errors are named `expenses.<n>.<field>`.")
class ExpensesCreateInput:
    expenses: list[ExpenseInput] = strawberry.field(description="1 to 100; all or nothing.")
    report_id: strawberry.ID | None = strawberry.field(
        default=None, description="A draft or rejected report of yours to put them in."
    )
    new_report: ReportInput | None = strawberry.field(
        default=None, description="A new report to create around them."
    )


@strawberry.input(description="Replaces every field, the attendees and the receipts.")
class ExpenseUpdateInput:
    id: strawberry.ID = strawberry.field(description="The expense's opaque id.")
    expense: ExpenseInput = strawberry.field(description="The expense's new values (all of them).")


@strawberry.input(description="Expenses to delete; refused ids come back as `ids.<n>`.")
class ExpensesDeleteInput:
    ids: list[strawberry.ID] = strawberry.field(description="1 to 100; all or nothing.")


@strawberry.input(description="An inbox receipt to turn into an expense.")
class ReceiptConvertInput:
    receipt_id: strawberry.ID = strawberry.field(description="The receipt's opaque id.")
    expense: ExpenseInput = strawberry.field(description="The expense to create with it.")
    report_id: strawberry.ID | None = strawberry.field(
        default=None, description="A draft or rejected report of yours to put it in."
    )


@strawberry.input(description="Narrows the expense list; criteria combine with AND.")
class ExpenseFilter:
    statuses: list[ExpenseStatus] = strawberry.field(
        default_factory=list, description="Any of these statuses; empty: all."
    )
    user_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only this user's expenses."
    )
    customer_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only expenses of this customer."
    )
    potential_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only expenses on this potential (CRM deal)."
    )
    category_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only expenses in this category."
    )
    report_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only expenses in this report."
    )
    date_from: date | None = strawberry.field(
        default=None, description="First expense date (ISO 8601 date)."
    )
    date_to: date | None = strawberry.field(
        default=None, description="Last expense date (ISO 8601 date)."
    )
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


@strawberry.input(description="Narrows the report list; criteria combine with AND.")
class ReportFilter:
    statuses: list[ReportStatus] = strawberry.field(  # type: ignore[valid-type]
        default_factory=list, description="Any of these statuses; empty: all."
    )
    user_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only this submitter's reports."
    )
    approver_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only reports submitted to this approver."
    )
    customer_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only reports of this customer."
    )
    potential_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only reports on this potential (CRM deal)."
    )
    submitted_to_me: bool = strawberry.field(
        default=False, description="Only reports awaiting your approval."
    )
    include_archived: bool = strawberry.field(
        default=False, description="Also list archived reports."
    )


@strawberry.input(description="Expenses to add to or remove from a report.")
class ReportExpensesInput:
    report_id: strawberry.ID = strawberry.field(description="A draft or rejected report of yours.")
    expense_ids: list[strawberry.ID] = strawberry.field(description="Your expenses (at most 100).")


@strawberry.input(description="A report and whom it goes to for approval.")
class ReportSubmitInput:
    report_id: strawberry.ID = strawberry.field(description="A draft or rejected report of yours.")
    approver_id: strawberry.ID = strawberry.field(
        description=(
            "An active approver or admin (not you, unless the organisation allows self-approval)."
        )
    )


@strawberry.input(description="A report and an optional comment for its history.")
class ReportActionInput:
    report_id: strawberry.ID = strawberry.field(description="The report's opaque id.")
    comment: str = strawberry.field(
        default="", description="Kept in the report's history; required to reject."
    )


@strawberry.input(description="A payment made for an approved report.")
class ReportReimburseInput:
    report_id: strawberry.ID = strawberry.field(description="The report's opaque id.")
    date: date = strawberry.field(description="Payment date (ISO 8601 date); not in the future.")
    reference: str = strawberry.field(
        default="", description="Payment reference, e.g. the bank transfer's."
    )


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
