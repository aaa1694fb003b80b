"""Inputs of the expense domain. Ids are the opaque ids the API hands out."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import strawberry

from gql.errors import PublicError
from gql.expenses.types import (
    CrmModule,
    CustomerStatus,
    CustomerType,
    CustomFieldType,
    PotentialState,
    ReportStatus,
)
from gql.ids import decode_id
from gql.scalars import DecimalString
from orm.money import MAX_MAJOR_AMOUNT
from resolvers.expenses import queries
from resolvers.expenses.reports import ReportData
from resolvers.expenses.status import ExpenseStatus
from resolvers.expenses.validation import ExpenseData

MAX_LIST_INPUT = 100


def pk(type_name: str, value: strawberry.ID | None) -> int | None:
    """The primary key of an id of the given type; -1 for a malformed id (never found)."""
    if value is None:
        return None
    decoded = decode_id(type_name, value)
    return -1 if decoded is None else decoded


def pks(type_name: str, values: list[strawberry.ID] | None) -> list[int]:
    return [pk(type_name, value) or -1 for value in (values or [])[: MAX_LIST_INPUT + 1]]


@strawberry.input
class CategoryInput:
    name: str


@strawberry.input(description="Fields left out stay as they are.")
class CategoryUpdateInput:
    id: strawberry.ID
    name: str | None = None
    is_enabled: bool | None = None


@strawberry.input
class CustomFieldCreateInput:
    label: str
    data_type: CustomFieldType  # type: ignore[valid-type]
    options: list[str] = strawberry.field(default_factory=list, description="Picklists only.")


@strawberry.input
class ContactPersonInput:
    id: strawberry.ID | None = strawberry.field(
        default=None, description="An existing contact person, changed in place."
    )
    last_name: str
    first_name: str = ""
    email: str | None = None
    phone: str | None = None
    is_primary: bool = False


@strawberry.input
class AddressInput:
    street: str | None = None
    city: str | None = None
    state: str | None = None
    code: str | None = None
    country: str | None = None


@strawberry.input
class CustomerCreateInput:
    name: str
    type: CustomerType  # type: ignore[valid-type]
    email: str | None = None
    phone: str | None = None
    website: str | None = None
    mobile: str | None = None
    currency: str | None = None
    billing_address: AddressInput | None = None
    shipping_address: AddressInput | None = None
    contact_persons: list[ContactPersonInput] = strawberry.field(
        default_factory=list, description="At most 50; the first is primary unless one says so."
    )
    custom_fields: list[CustomFieldValueInput] | None = None


@strawberry.input(
    description="A value of an organisation custom field, as text: numbers as decimals, dates as "
    "YYYY-MM-DD, booleans as true or false, picklists as one of the options."
)
class CustomFieldValueInput:
    api_name: str
    value: str | None = None


@strawberry.input(
    description="Fields left out stay as they are; contact persons, when given, replace the list."
)
class CustomerUpdateInput:
    id: strawberry.ID
    name: str | None = None
    type: CustomerType | None = None  # type: ignore[valid-type]
    status: CustomerStatus | None = None  # type: ignore[valid-type]
    email: str | None = None
    phone: str | None = None
    website: str | None = None
    mobile: str | None = None
    currency: str | None = None
    billing_address: AddressInput | None = None
    shipping_address: AddressInput | None = None
    contact_persons: list[ContactPersonInput] | None = None
    custom_fields: list[CustomFieldValueInput] | None = strawberry.field(
        default=None, description="Only the fields given change; a null or empty value clears one."
    )


@strawberry.input
class IdInput:
    id: strawberry.ID


@strawberry.input
class CustomerFilter:
    status: CustomerStatus | None = None  # type: ignore[valid-type]
    type: CustomerType | None = None  # type: ignore[valid-type]
    search: str | None = None
    crm_id: str | None = strawberry.field(
        default=None, description="The customer linked to this CRM record id."
    )
    synced: bool | None = strawberry.field(
        default=None, description="True: only customers linked to a CRM record; false: only local."
    )


@strawberry.input
class PotentialCreateInput:
    name: str
    customer_id: strawberry.ID | None = None
    stage: str = ""
    state: PotentialState = PotentialState.OPEN  # type: ignore[valid-type]
    amount: DecimalString | None = None
    currency: str | None = None
    closing_date: date | None = None
    owner_crm_user_id: str | None = None


@strawberry.input
class PotentialFilter:
    customer_id: strawberry.ID | None = None
    crm_id: str | None = strawberry.field(
        default=None, description="The potential linked to this CRM deal id."
    )
    state: PotentialState | None = None  # type: ignore[valid-type]
    search: str | None = None
    include_inactive: bool = False


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


@strawberry.input(description="A record of the CRM: its module and its CRM record id.")
class CrmRecordInput:
    module: CrmModule  # type: ignore[valid-type]
    id: str = strawberry.field(description="The CRM's record id, e.g. 4150868000000224011.")


@strawberry.input(
    one_of=True,
    description="Exactly one of: a Spendsync customer id, a Spendsync potential id, or a CRM "
    "module with a CRM record id.",
)
class RecordInput:
    customer_id: strawberry.ID | None = strawberry.UNSET
    potential_id: strawberry.ID | None = strawberry.UNSET
    crm: CrmRecordInput | None = strawberry.UNSET


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
