"""Output types of expenses and expense reports (as resolvers/expenses). Relations
resolve through the request's loaders."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Sequence
from datetime import date, datetime
from typing import Annotated, Any

import strawberry

from gql.categories.types import Category
from gql.context import Info
from gql.customers.types import ContactPerson, Customer
from gql.direct import DIRECT
from gql.enums import described_enum
from gql.expenses.status import ExpenseStatus
from gql.identity.types import User, user_of
from gql.ids import encode_id
from gql.mileage.types import MileageDetail
from gql.money import SpendTotals, money
from gql.node import Node
from gql.nodes import MISSING, Fields, fields_of, later, loaded, related
from gql.pagination import After, Connection, First, child_connection
from gql.potentials.types import Potential
from gql.receipts.types import Receipt
from gql.scalars import DecimalString, Money
from orm import models
from resolvers.expenses.queries import list_expenses
from resolvers.expenses.status import expense_status

ReportStatus = described_enum(
    models.ReportStatus,
    description="Where an Expense Report is in the approval workflow.",
    values={
        "DRAFT": "Being prepared by its owner; editable.",
        "SUBMITTED": "Waiting for its approver.",
        "APPROVED": "Approved; waiting for reimbursement.",
        "REJECTED": "Sent back with a comment; editable and submittable again.",
        "REIMBURSED": "Paid back; final.",
    },
)


async def _base_currency(info: Info, org_id: int) -> str:
    org = await info.context.loaders.organization_by_id.load(org_id)
    assert org is not None
    return org.base_currency


@strawberry.type(description="A user or a contact person of the customer.")
class Attendee:
    _row: strawberry.Private[models.ExpenseAttendee]

    @strawberry.field(description="As recorded; kept if the contact person is removed later.")
    def name(self) -> str:
        return self._row.name

    @strawberry.field(description="The user who attended; null for a contact person.")
    async def user(self, info: Info) -> User | None:
        return await user_of(info, self._row.user_id)

    @strawberry.field(
        description="The customer's contact person who attended; null for a user or once removed."
    )
    async def contact_person(self, info: Info) -> ContactPerson | None:
        if self._row.contact_person_id is None:
            return None
        row = await info.context.loaders.contact_person_by_id.load(self._row.contact_person_id)
        return ContactPerson.from_model(row) if row else None


@strawberry.type(
    description=(
        "One spend recorded by a user: date, amount, category, "
        "Merchant, whether it is Reimbursable and Billable, the "
        "customer and potential (CRM deal) it was for, attendees "
        "and receipts. Its owner, the approver of its report and "
        "admins see it."
    )
)
class Expense(Node):
    id: strawberry.ID = strawberry.field(description="Opaque id of the expense.")
    date: date = strawberry.field(description="The expense date (ISO 8601 date).")
    amount: Money = strawberry.field(description="The amount in the expense currency.")
    exchange_rate: DecimalString = strawberry.field(
        description="Base-currency units per unit of the expense currency."
    )
    merchant: str = strawberry.field(description="Where the money was spent.")
    description: str = strawberry.field(description="Free text.")
    reference: str = strawberry.field(description="The owner's reference, e.g. the invoice number.")
    is_reimbursable: bool = strawberry.field(
        description="Reimbursable: to be paid back to its owner."
    )
    is_billable: bool = strawberry.field(description="Billable: to be charged on to the customer.")
    created_at: datetime = strawberry.field(
        description="When it was recorded (ISO 8601 date-time, UTC)."
    )
    _row: strawberry.Private[models.Expense]

    @classmethod
    def from_model(cls, row: models.Expense) -> Expense:
        return cls(
            id=encode_id("Expense", row.id), date=row.date,
            amount=money(row.amount_minor, row.currency),
            exchange_rate=DecimalString(row.exchange_rate.normalize()),
            merchant=row.merchant, description=row.description, reference=row.reference,
            is_reimbursable=row.is_reimbursable, is_billable=row.is_billable,
            created_at=row.created_at, _row=row,
        )  # fmt: skip

    # The relation fields below are sync: they answer at once from what ``prepare_page``
    # loaded for the whole page, and with an awaitable otherwise (gql/nodes.py).

    @classmethod
    async def prepare_page(cls, info: Info, nodes: Sequence[Expense], fields: Fields) -> None:
        """Load the relations ``fields`` select for every expense of a page at once."""
        loaders = info.context.loaders
        rows = [node._row for node in nodes]
        pending: list[Awaitable[Any]] = []
        if "category" in fields:
            pending.append(loaders.category_by_id.load_many([r.category_id for r in rows]))
        if "user" in fields:
            pending.append(loaders.user_by_id.load_many([r.user_id for r in rows]))
        if "customer" in fields:
            ids = [r.customer_id for r in rows if r.customer_id is not None]
            pending.append(loaders.customer_by_id.load_many(ids))
        if "potential" in fields:
            ids = [r.potential_id for r in rows if r.potential_id is not None]
            pending.append(loaders.potential_by_id.load_many(ids))
        report_ids = [r.report_id for r in rows if r.report_id is not None]
        if "report" in fields or "status" in fields:
            pending.append(loaders.report_by_id.load_many(report_ids))
        if "receipts" in fields:
            pending.append(loaders.receipts_by_expense_id.load_many([r.id for r in rows]))
        if "baseAmount" in fields:
            pending.append(loaders.organization_by_id.load_many([rows[0].org_id]))
        await asyncio.gather(*pending)
        if "report" in fields and report_ids:
            reports = await loaders.report_by_id.load_many(report_ids)
            await _prepare_reports(info, [r for r in reports if r], fields_of(fields["report"]))

    @strawberry.field(
        description="The amount in the organisation's base currency.", metadata=DIRECT
    )
    def base_amount(self, info: Info) -> Money:
        org = loaded(info.context.loaders.organization_by_id, self._row.org_id)
        if org is MISSING or org is None:
            return later(self._base_amount(info))
        return money(self._row.base_amount_minor, org.base_currency)

    async def _base_amount(self, info: Info) -> Money:
        return money(self._row.base_amount_minor, await _base_currency(info, self._row.org_id))

    @strawberry.field(
        metadata=DIRECT,
        description="Derived from its report: UNREPORTED, UNSUBMITTED, then the report's status.",
    )
    def status(self, info: Info) -> ExpenseStatus:
        if self._row.report_id is None:
            return ExpenseStatus.UNREPORTED
        report = loaded(info.context.loaders.report_by_id, self._row.report_id)
        if report is MISSING:
            return later(self._status(info, self._row.report_id))
        return expense_status(report.status if report else None)

    async def _status(self, info: Info, report_id: int) -> ExpenseStatus:
        report = await info.context.loaders.report_by_id.load(report_id)
        return expense_status(report.status if report else None)

    @strawberry.field(metadata=DIRECT, description="Its category.")
    def category(self, info: Info) -> Category:
        loaders = info.context.loaders
        category = related(
            loaders, loaders.category_by_id, self._row.category_id, Category.from_model
        )
        assert category is not None
        return category

    @strawberry.field(metadata=DIRECT, description="Who recorded it (its owner).")
    def user(self, info: Info) -> User:
        loaders = info.context.loaders
        user = related(loaders, loaders.user_by_id, self._row.user_id, User.from_model)
        assert user is not None
        return user

    @strawberry.field(metadata=DIRECT, description="The customer it was for; null if none.")
    def customer(self, info: Info) -> Customer | None:
        loaders = info.context.loaders
        return related(loaders, loaders.customer_by_id, self._row.customer_id, Customer.from_model)

    @strawberry.field(
        metadata=DIRECT, description="The potential (CRM deal) it was for; null if none."
    )
    def potential(self, info: Info) -> Potential | None:
        loaders = info.context.loaders
        return related(
            loaders, loaders.potential_by_id, self._row.potential_id, Potential.from_model
        )

    @strawberry.field(
        metadata=DIRECT, description="The Expense Report it is in; null when unreported."
    )
    def report(self, info: Info) -> Annotated[Report, strawberry.lazy("gql.expenses.types")] | None:
        loaders = info.context.loaders
        return related(loaders, loaders.report_by_id, self._row.report_id, Report.from_model)

    @strawberry.field(description="Who attended (users and the customer's contact persons).")
    async def attendees(self, info: Info) -> list[Attendee]:
        rows = await info.context.loaders.attendees_by_expense_id.load(self._row.id)
        return [Attendee(_row=row) for row in rows]

    @strawberry.field(metadata=DIRECT, description="Its receipts.")
    def receipts(self, info: Info) -> list[Receipt]:
        rows = loaded(info.context.loaders.receipts_by_expense_id, self._row.id)
        if rows is MISSING:
            return later(self._receipts(info))
        return [Receipt.from_model(row) for row in rows]

    async def _receipts(self, info: Info) -> list[Receipt]:
        rows = await info.context.loaders.receipts_by_expense_id.load(self._row.id)
        return [Receipt.from_model(row) for row in rows]

    @strawberry.field(description="How a mileage expense was priced; null for other expenses.")
    async def mileage(self, info: Info) -> MileageDetail | None:
        rows = await info.context.loaders.mileage_detail_by_expense_id.load(self._row.id)
        return MileageDetail.from_model(rows[0], self._row.currency) if rows else None


@strawberry.type(description="One step of a report's history.")
class ReportEvent:
    action: str = strawberry.field(
        description=(
            "What was done: create, submit, recall, approve, reject, reimburse, archive, unarchive."
        )
    )
    from_status: ReportStatus | None = strawberry.field(  # type: ignore[valid-type]
        description="Status before; null at creation."
    )
    to_status: ReportStatus = strawberry.field(description="Status after.")  # type: ignore[valid-type]
    comment: str = strawberry.field(description="The actor's comment; empty if none.")
    at: datetime = strawberry.field(description="When (ISO 8601 date-time, UTC).")
    _row: strawberry.Private[models.ReportEvent]

    @strawberry.field(description="Who did it.")
    async def actor(self, info: Info) -> User:
        user = await user_of(info, self._row.actor_id)
        assert user is not None
        return user


@strawberry.type(
    description=(
        "An Expense Report: expenses grouped for approval and "
        "reimbursement (DRAFT, SUBMITTED, APPROVED or REJECTED, "
        "REIMBURSED). Its submitter, its approver once submitted "
        "and admins see it."
    )
)
class Report(Node):
    id: strawberry.ID = strawberry.field(description="Opaque id of the report.")
    number: str = strawberry.field(description="Per-organisation number, e.g. ER-00001.")
    name: str = strawberry.field(description="The report's name.")
    business_purpose: str = strawberry.field(description="Why the spend was needed.")
    start_date: date = strawberry.field(description="First day it covers (ISO 8601 date).")
    end_date: date = strawberry.field(description="Last day it covers (ISO 8601 date).")
    status: ReportStatus = strawberry.field(description="Where it is in the approval workflow.")  # type: ignore[valid-type]
    is_archived: bool = strawberry.field(
        description="Archived reports are left out of default lists."
    )
    submitted_at: datetime | None = strawberry.field(
        description="When last submitted (ISO 8601 date-time, UTC); null before."
    )
    approved_at: datetime | None = strawberry.field(
        description="When approved (ISO 8601 date-time, UTC); null before."
    )
    reimbursed_on: date | None = strawberry.field(
        description="Payment date (ISO 8601 date); null until reimbursed."
    )
    reimbursement_reference: str | None = strawberry.field(
        description="The payment's reference; null until reimbursed."
    )
    _row: strawberry.Private[models.Report]

    @classmethod
    def from_model(cls, row: models.Report) -> Report:
        return cls(
            id=encode_id("Report", row.id), number=row.number, name=row.name,
            business_purpose=row.business_purpose, start_date=row.start_date,
            end_date=row.end_date, status=row.status, is_archived=row.is_archived,
            submitted_at=row.submitted_at, approved_at=row.approved_at,
            reimbursed_on=row.reimbursed_on,
            reimbursement_reference=row.reimbursement_reference, _row=row,
        )  # fmt: skip

    @classmethod
    async def prepare_page(cls, info: Info, nodes: Sequence[Report], fields: Fields) -> None:
        """Load the relations ``fields`` select for every report of a page at once."""
        await _prepare_reports(info, [node._row for node in nodes], fields)

    @strawberry.field(metadata=DIRECT, description="Who submits it (its owner).")
    def user(self, info: Info) -> User:
        loaders = info.context.loaders
        user = related(loaders, loaders.user_by_id, self._row.user_id, User.from_model)
        assert user is not None
        return user

    @strawberry.field(
        metadata=DIRECT, description="Whom it was submitted to; null while never submitted."
    )
    def approver(self, info: Info) -> User | None:
        loaders = info.context.loaders
        return related(loaders, loaders.user_by_id, self._row.approver_id, User.from_model)

    @strawberry.field(metadata=DIRECT, description="The customer it is for; null if none.")
    def customer(self, info: Info) -> Customer | None:
        loaders = info.context.loaders
        return related(loaders, loaders.customer_by_id, self._row.customer_id, Customer.from_model)

    @strawberry.field(
        metadata=DIRECT, description="The potential (CRM deal) it is for; null if none."
    )
    def potential(self, info: Info) -> Potential | None:
        loaders = info.context.loaders
        return related(
            loaders, loaders.potential_by_id, self._row.potential_id, Potential.from_model
        )

    @strawberry.field(
        description="Computed in SQL, in the organisation's base currency.", metadata=DIRECT
    )
    def totals(self, info: Info) -> SpendTotals:
        loaders = info.context.loaders
        totals = loaded(loaders.totals_by_report_id, self._row.id)
        org = loaded(loaders.organization_by_id, self._row.org_id)
        if totals is MISSING or org is MISSING or org is None:
            return later(self._totals(info))
        reimbursed = self._row.status is models.ReportStatus.REIMBURSED
        return SpendTotals.from_totals(totals, org.base_currency, reimbursed=reimbursed)

    async def _totals(self, info: Info) -> SpendTotals:
        totals = await info.context.loaders.totals_by_report_id.load(self._row.id)
        currency = await _base_currency(info, self._row.org_id)
        reimbursed = self._row.status is models.ReportStatus.REIMBURSED
        return SpendTotals.from_totals(totals, currency, reimbursed=reimbursed)

    @strawberry.field(description="Every workflow step, oldest first.")
    async def history(self, info: Info) -> list[ReportEvent]:
        rows = await info.context.loaders.events_by_report_id.load(self._row.id)
        return [
            ReportEvent(action=r.action, from_status=r.from_status, to_status=r.to_status,
                        comment=r.comment, at=r.created_at, _row=r)
            for r in rows
        ]  # fmt: skip

    @strawberry.field(description="Its expenses.")
    async def expenses(
        self, info: Info, first: First = None, after: After = None
    ) -> Connection[Expense]:
        viewer = info.context.viewer
        assert viewer is not None  # the report was visible to someone
        loader = info.context.loaders.child_pages(
            "report.expenses", lambda: list_expenses(viewer), "report_id"
        )
        return await child_connection(
            loader, self._row.id, Expense.from_model, first=first, after=after
        )


async def _prepare_reports(info: Info, rows: Sequence[models.Report], fields: Fields) -> None:
    """Load the relations ``fields`` select for all of ``rows`` at once (see gql/nodes.py)."""
    if not rows:
        return
    loaders = info.context.loaders
    pending: list[Awaitable[Any]] = []
    users = [r.user_id for r in rows] if "user" in fields else []
    users += [r.approver_id for r in rows if r.approver_id is not None and "approver" in fields]
    if users:
        pending.append(loaders.user_by_id.load_many(users))
    if "customer" in fields:
        ids = [r.customer_id for r in rows if r.customer_id is not None]
        pending.append(loaders.customer_by_id.load_many(ids))
    if "potential" in fields:
        ids = [r.potential_id for r in rows if r.potential_id is not None]
        pending.append(loaders.potential_by_id.load_many(ids))
    if "totals" in fields:
        pending.append(loaders.totals_by_report_id.load_many([r.id for r in rows]))
        pending.append(loaders.organization_by_id.load_many([rows[0].org_id]))
    await asyncio.gather(*pending)
