"""Categories, expenses, their attendees and receipts, and expense reports with their history."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from tortoise import fields

from orm.models.base import TimestampedModel
from orm.models.customers import ContactPerson, Customer, Potential
from orm.models.identity import User
from orm.models.organizations import Organization


class ReportStatus(StrEnum):
    DRAFT = "DRAFT"
    SUBMITTED = "SUBMITTED"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"
    REIMBURSED = "REIMBURSED"


class CategoryKind(StrEnum):
    """STANDARD: any expense. PER_DIEM: the category per diem expenses are recorded in; ordinary
    expenses may not use it."""

    STANDARD = "STANDARD"
    PER_DIEM = "PER_DIEM"


class ExpenseKind(StrEnum):
    """What made an expense, recorded on its row when it is created or matched, never given by
    a client. MANUAL: entered as is (and a card expense whose transaction was unmatched).
    PER_DIEM: recorded by the per diem rules (``perDiemRecord``). MILEAGE: priced from a trip
    (``mileageExpenseCreate``). CARD: held by a card transaction (made from it, or matched to it).
    Which fields each kind lets ``expenseUpdate`` change is ``resolvers/expenses/locks.py``."""

    MANUAL = "MANUAL"
    PER_DIEM = "PER_DIEM"
    MILEAGE = "MILEAGE"
    CARD = "CARD"


class Category(TimestampedModel):
    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="categories", on_delete=fields.CASCADE
    )
    org_id: int
    name = fields.CharField(max_length=100)
    is_enabled = fields.BooleanField(default=True)
    kind = fields.CharEnumField(CategoryKind, max_length=20, default=CategoryKind.STANDARD)

    class Meta:
        table = "category"
        unique_together = (("org", "name"),)


class Report(TimestampedModel):
    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="reports", on_delete=fields.CASCADE
    )
    org_id: int
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="reports", on_delete=fields.RESTRICT
    )
    user_id: int
    number = fields.CharField(max_length=20)
    name = fields.CharField(max_length=200)
    business_purpose = fields.TextField(default="")
    start_date: date = fields.DateField()
    end_date: date = fields.DateField()
    customer: fields.ForeignKeyNullableRelation[Customer] = fields.ForeignKeyField(
        "models.Customer", related_name="reports", null=True, on_delete=fields.RESTRICT
    )
    customer_id: int | None
    potential: fields.ForeignKeyNullableRelation[Potential] = fields.ForeignKeyField(
        "models.Potential", related_name="reports", null=True, on_delete=fields.RESTRICT
    )
    potential_id: int | None
    status = fields.CharEnumField(ReportStatus, max_length=16, default=ReportStatus.DRAFT)
    approver: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="reports_to_approve", null=True, on_delete=fields.RESTRICT
    )
    approver_id: int | None
    submitted_at = fields.DatetimeField(null=True)
    approved_at = fields.DatetimeField(null=True)
    reimbursed_on: date | None = fields.DateField(null=True)
    reimbursement_reference = fields.CharField(max_length=100, null=True)
    is_archived = fields.BooleanField(default=False)

    expenses: fields.ReverseRelation[Expense]
    history: fields.ReverseRelation[ReportEvent]

    class Meta:
        table = "report"
        unique_together = (("org", "number"),)
        # (org, potential): a deal's reports, for the analytics of one deal (docs/BENCHMARKS.md)
        indexes = (("org", "status"), ("org", "approver", "status"), ("org", "potential"))


class ReportEvent(TimestampedModel):
    """One line of a report's history: who moved it from which status to which, and why."""

    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="report_events", on_delete=fields.CASCADE
    )
    org_id: int
    report: fields.ForeignKeyRelation[Report] = fields.ForeignKeyField(
        "models.Report", related_name="history", on_delete=fields.CASCADE
    )
    report_id: int
    actor: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="report_events", on_delete=fields.RESTRICT
    )
    actor_id: int
    action = fields.CharField(max_length=20)
    from_status = fields.CharEnumField(ReportStatus, max_length=16, null=True)
    to_status = fields.CharEnumField(ReportStatus, max_length=16)
    comment = fields.TextField(default="")

    class Meta:
        table = "report_event"


class Expense(TimestampedModel):
    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="expenses", on_delete=fields.CASCADE
    )
    org_id: int
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="expenses", on_delete=fields.RESTRICT
    )
    user_id: int
    date: date = fields.DateField()
    category: fields.ForeignKeyRelation[Category] = fields.ForeignKeyField(
        "models.Category", related_name="expenses", on_delete=fields.RESTRICT
    )
    category_id: int
    amount_minor = fields.BigIntField()
    currency = fields.CharField(max_length=3)
    # Units of base currency per unit of the expense currency; 1 when they are the same.
    exchange_rate: Decimal = fields.DecimalField(max_digits=20, decimal_places=10, default=1)
    base_amount_minor = fields.BigIntField()
    merchant = fields.CharField(max_length=200, default="")
    description = fields.TextField(default="")
    reference = fields.CharField(max_length=100, default="")
    is_reimbursable = fields.BooleanField(default=True)
    is_billable = fields.BooleanField(default=False)
    customer: fields.ForeignKeyNullableRelation[Customer] = fields.ForeignKeyField(
        "models.Customer", related_name="expenses", null=True, on_delete=fields.RESTRICT
    )
    customer_id: int | None
    potential: fields.ForeignKeyNullableRelation[Potential] = fields.ForeignKeyField(
        "models.Potential", related_name="expenses", null=True, on_delete=fields.RESTRICT
    )
    potential_id: int | None
    report: fields.ForeignKeyNullableRelation[Report] = fields.ForeignKeyField(
        "models.Report", related_name="expenses", null=True, on_delete=fields.RESTRICT
    )
    report_id: int | None
    kind = fields.CharEnumField(ExpenseKind, max_length=10, default=ExpenseKind.MANUAL)

    attendees: fields.ReverseRelation[ExpenseAttendee]
    receipts: fields.ReverseRelation[Receipt]

    class Meta:
        table = "expense"
        # (report): a report's expenses, and a deal's through its reports. (org, date, …):
        # date ranges of analytics and exports, and every column analytics reads from an
        # expense, so its aggregates scan this index (about 40 % of the table's bytes) instead
        # of the table (index-only scans; docs/BENCHMARKS.md, Analytics). (user, kind, date): a
        # user's per diem days, and the manual expenses a card charge may match.
        indexes = (
            ("org", "user", "date"), ("org", "potential"), ("org", "customer"), ("report",),
            ("org", "date", "user", "category", "base_amount_minor", "is_reimbursable",
             "is_billable", "report", "potential", "customer"), ("user", "kind", "date"),
        )  # fmt: skip


class ExpenseAttendee(TimestampedModel):
    """A user or a contact person of the customer who took part in the expense."""

    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="expense_attendees", on_delete=fields.CASCADE
    )
    org_id: int
    expense: fields.ForeignKeyRelation[Expense] = fields.ForeignKeyField(
        "models.Expense", related_name="attendees", on_delete=fields.CASCADE
    )
    expense_id: int
    user: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="attended", null=True, on_delete=fields.CASCADE
    )
    user_id: int | None
    contact_person: fields.ForeignKeyNullableRelation[ContactPerson] = fields.ForeignKeyField(
        "models.ContactPerson", related_name="attended", null=True, on_delete=fields.CASCADE
    )
    contact_person_id: int | None
    # The attendee's name when recorded (contact persons are deactivated, never deleted, while
    # an expense names them; the name keeps the record readable whatever happens to them).
    name = fields.CharField(max_length=200, default="")

    class Meta:
        table = "expense_attendee"


class Receipt(TimestampedModel):
    """An uploaded receipt file, stored under its SHA-256 by the storage backend."""

    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="receipts", on_delete=fields.CASCADE
    )
    org_id: int
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="receipts", on_delete=fields.RESTRICT
    )
    user_id: int
    expense: fields.ForeignKeyNullableRelation[Expense] = fields.ForeignKeyField(
        "models.Expense", related_name="receipts", null=True, on_delete=fields.SET_NULL
    )
    expense_id: int | None
    file_name = fields.CharField(max_length=255)
    content_type = fields.CharField(max_length=100)
    size = fields.IntField()
    sha256 = fields.CharField(max_length=64)
    is_duplicate = fields.BooleanField(default=False)
    uploaded_at: datetime = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "receipt"
        indexes = (("org", "sha256"), ("org", "user", "expense"))
