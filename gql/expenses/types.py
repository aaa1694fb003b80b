"""Output types of the expense domain. Relations resolve through the request's loaders."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from gql.context import Info
from gql.direct import DIRECT
from gql.errors import PublicError
from gql.expenses.money import SpendTotals, money
from gql.identity.types import User
from gql.ids import encode_id
from gql.nodes import MISSING, Fields, fields_of, later, loaded, related
from gql.pagination import After, Connection, First, child_connection
from gql.scalars import DecimalString, Money
from orm import models
from resolvers.expenses.queries import list_expenses
from resolvers.expenses.status import ExpenseStatus, expense_status
from resolvers.receipts import urls as receipt_urls

if TYPE_CHECKING:
    from gql.mileage.types import MileageDetail

CustomerType = strawberry.enum(models.CustomerType)
CustomerStatus = strawberry.enum(models.CustomerStatus)
CrmModule = strawberry.enum(models.CrmModule, description="A Zoho CRM module.")
PotentialState = strawberry.enum(models.PotentialState)
ReportStatus = strawberry.enum(models.ReportStatus)
strawberry.enum(ExpenseStatus, description="Derived from the expense's report.")


async def _base_currency(info: Info, org_id: int) -> str:
    org = await info.context.loaders.organization_by_id.load(org_id)
    assert org is not None
    return org.base_currency


CategoryKind = strawberry.enum(models.CategoryKind)


@strawberry.type
class Category:
    id: strawberry.ID
    name: str
    is_enabled: bool
    kind: CategoryKind = strawberry.field(  # type: ignore[valid-type]
        description="PER_DIEM: where perDiemRecord puts per diems; ordinary expenses, vehicles "
        "and card auto-create may not use it (CATEGORY_RESERVED)."
    )

    @classmethod
    def from_model(cls, row: models.Category) -> Category:
        return cls(
            id=encode_id("Category", row.id), name=row.name, is_enabled=row.is_enabled,
            kind=row.kind,
        )  # fmt: skip


@strawberry.type
class ContactPerson:
    id: strawberry.ID
    first_name: str
    last_name: str
    email: str | None
    phone: str | None
    is_primary: bool
    crm_id: str | None

    @classmethod
    def from_model(cls, row: models.ContactPerson) -> ContactPerson:
        return cls(
            id=encode_id("ContactPerson", row.id), first_name=row.first_name,
            last_name=row.last_name, email=row.email, phone=row.phone,
            is_primary=row.is_primary, crm_id=row.crm_id,
        )  # fmt: skip


CustomFieldType = strawberry.enum(models.CustomFieldType)


@strawberry.type(description="An organisation-level field of customers.")
class CustomField:
    id: strawberry.ID
    label: str
    api_name: str
    data_type: CustomFieldType  # type: ignore[valid-type]
    options: list[str]

    @classmethod
    def from_model(cls, row: models.CustomField) -> CustomField:
        return cls(
            id=encode_id("CustomField", row.id), label=row.label, api_name=row.api_name,
            data_type=row.data_type, options=list(row.options or []),
        )  # fmt: skip


@strawberry.type
class Address:
    street: str | None
    city: str | None
    state: str | None
    code: str | None
    country: str | None

    @classmethod
    def of(cls, row: models.Customer, kind: str) -> Address | None:
        parts = {
            p: getattr(row, f"{kind}_{p}") for p in ("street", "city", "state", "code", "country")
        }
        return cls(**parts) if any(parts.values()) else None


@strawberry.type
class CustomFieldValue:
    api_name: str
    value: str | None = strawberry.field(description='As text: "12.5", "2026-01-31", "true".')


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@strawberry.type
class Customer:
    id: strawberry.ID
    name: str
    type: CustomerType  # type: ignore[valid-type]
    status: CustomerStatus  # type: ignore[valid-type]
    email: str | None
    phone: str | None
    website: str | None
    crm_module: CrmModule | None  # type: ignore[valid-type]
    crm_id: str | None
    _row: strawberry.Private[models.Customer]

    @classmethod
    def from_model(cls, row: models.Customer) -> Customer:
        return cls(
            id=encode_id("Customer", row.id), name=row.name, type=row.type, status=row.status,
            email=row.email, phone=row.phone, website=row.website, crm_module=row.crm_module,
            crm_id=row.crm_id, _row=row,
        )  # fmt: skip

    @strawberry.field
    def mobile(self) -> str | None:
        return self._row.mobile

    @strawberry.field(description="The customer's currency (ISO 4217), if set.")
    def currency(self) -> str | None:
        return self._row.currency

    @strawberry.field
    def billing_address(self) -> Address | None:
        return Address.of(self._row, "billing")

    @strawberry.field
    def shipping_address(self) -> Address | None:
        return Address.of(self._row, "shipping")

    @strawberry.field
    def custom_fields(self) -> list[CustomFieldValue]:
        values = self._row.custom_values or {}
        return [CustomFieldValue(api_name=k, value=_as_text(v)) for k, v in sorted(values.items())]

    @strawberry.field
    async def contact_persons(self, info: Info) -> list[ContactPerson]:
        rows = await info.context.loaders.contact_persons_by_customer_id.load(self._row.id)
        return [ContactPerson.from_model(row) for row in rows]


async def _customer(info: Info, customer_id: int | None) -> Customer | None:
    if customer_id is None:
        return None
    row = await info.context.loaders.customer_by_id.load(customer_id)
    return Customer.from_model(row) if row else None


@strawberry.type(description="A CRM deal.")
class Potential:
    id: strawberry.ID
    name: str
    stage: str
    state: PotentialState  # type: ignore[valid-type]
    amount: Money | None
    closing_date: date | None
    owner_crm_user_id: str | None
    is_active: bool
    crm_id: str | None
    _row: strawberry.Private[models.Potential]

    @classmethod
    def from_model(cls, row: models.Potential) -> Potential:
        amount = None
        if row.amount_minor is not None and row.currency:
            amount = money(row.amount_minor, row.currency)
        return cls(
            id=encode_id("Potential", row.id), name=row.name, stage=row.stage, state=row.state,
            amount=amount, closing_date=row.closing_date, owner_crm_user_id=row.owner_crm_user_id,
            is_active=row.is_active, crm_id=row.crm_id, _row=row,
        )  # fmt: skip

    @strawberry.field(description="The account the deal belongs to.")
    async def customer(self, info: Info) -> Customer | None:
        return await _customer(info, self._row.customer_id)

    @strawberry.field(description="The contact the deal belongs to.")
    async def contact_customer(self, info: Info) -> Customer | None:
        return await _customer(info, self._row.contact_customer_id)


async def _potential(info: Info, potential_id: int | None) -> Potential | None:
    if potential_id is None:
        return None
    row = await info.context.loaders.potential_by_id.load(potential_id)
    return Potential.from_model(row) if row else None


async def _user(info: Info, user_id: int | None) -> User | None:
    if user_id is None:
        return None
    row = await info.context.loaders.user_by_id.load(user_id)
    return User.from_model(row) if row else None


@strawberry.type
class Receipt:
    id: strawberry.ID
    file_name: str
    content_type: str
    size: int
    is_duplicate: bool = strawberry.field(description="Another receipt has the same content.")
    uploaded_at: datetime
    download_path: str = strawberry.field(
        description="Needs the session or an API token (Authorization header); see `url`."
    )
    _pk: strawberry.Private[int] = 0

    @classmethod
    def from_model(cls, row: models.Receipt) -> Receipt:
        identifier = encode_id("Receipt", row.id)
        return cls(
            id=identifier, file_name=row.file_name, content_type=row.content_type, size=row.size,
            is_duplicate=row.is_duplicate, uploaded_at=row.uploaded_at,
            download_path=f"/receipts/{identifier}", _pk=row.id,
        )  # fmt: skip

    @strawberry.field(
        description="A signed URL of the file that works without cookie or header for a few "
        "minutes (an <img src>, a link): absolute, on the address the API was called at."
    )
    def url(self, info: Info) -> str:
        receipts = info.context.receipts
        if receipts is None or not receipts.url_key:
            raise PublicError("Receipt URLs are not available here.", "SERVICE_UNAVAILABLE")
        path = receipt_urls.signed_path(receipts.url_key, self._pk, str(self.id))
        request = info.context.request
        base = str(request.base_url).rstrip("/") if request is not None else ""
        return base + path


@strawberry.type(description="A user or a contact person of the customer.")
class Attendee:
    _row: strawberry.Private[models.ExpenseAttendee]

    @strawberry.field(description="As recorded; kept if the contact person is removed later.")
    def name(self) -> str:
        return self._row.name

    @strawberry.field
    async def user(self, info: Info) -> User | None:
        return await _user(info, self._row.user_id)

    @strawberry.field
    async def contact_person(self, info: Info) -> ContactPerson | None:
        if self._row.contact_person_id is None:
            return None
        row = await info.context.loaders.contact_person_by_id.load(self._row.contact_person_id)
        return ContactPerson.from_model(row) if row else None


@strawberry.type
class Expense:
    id: strawberry.ID
    date: date
    amount: Money
    exchange_rate: DecimalString = strawberry.field(
        description="Base-currency units per unit of the expense currency."
    )
    merchant: str
    description: str
    reference: str
    is_reimbursable: bool
    is_billable: bool
    created_at: datetime
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

    @strawberry.field(metadata=DIRECT)
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

    @strawberry.field(metadata=DIRECT)
    def category(self, info: Info) -> Category:
        loaders = info.context.loaders
        category = related(
            loaders, loaders.category_by_id, self._row.category_id, Category.from_model
        )
        assert category is not None
        return category

    @strawberry.field(metadata=DIRECT)
    def user(self, info: Info) -> User:
        loaders = info.context.loaders
        user = related(loaders, loaders.user_by_id, self._row.user_id, User.from_model)
        assert user is not None
        return user

    @strawberry.field(metadata=DIRECT)
    def customer(self, info: Info) -> Customer | None:
        loaders = info.context.loaders
        return related(loaders, loaders.customer_by_id, self._row.customer_id, Customer.from_model)

    @strawberry.field(metadata=DIRECT)
    def potential(self, info: Info) -> Potential | None:
        loaders = info.context.loaders
        return related(
            loaders, loaders.potential_by_id, self._row.potential_id, Potential.from_model
        )

    @strawberry.field(metadata=DIRECT)
    def report(self, info: Info) -> Annotated[Report, strawberry.lazy("gql.expenses.types")] | None:
        loaders = info.context.loaders
        return related(loaders, loaders.report_by_id, self._row.report_id, Report.from_model)

    @strawberry.field
    async def attendees(self, info: Info) -> list[Attendee]:
        rows = await info.context.loaders.attendees_by_expense_id.load(self._row.id)
        return [Attendee(_row=row) for row in rows]

    @strawberry.field(metadata=DIRECT)
    def receipts(self, info: Info) -> list[Receipt]:
        rows = loaded(info.context.loaders.receipts_by_expense_id, self._row.id)
        if rows is MISSING:
            return later(self._receipts(info))
        return [Receipt.from_model(row) for row in rows]

    async def _receipts(self, info: Info) -> list[Receipt]:
        rows = await info.context.loaders.receipts_by_expense_id.load(self._row.id)
        return [Receipt.from_model(row) for row in rows]

    @strawberry.field(description="How a mileage expense was priced; null for other expenses.")
    async def mileage(
        self, info: Info
    ) -> Annotated[MileageDetail, strawberry.lazy("gql.mileage.types")] | None:
        from gql.mileage.types import MileageDetail  # mileage imports this module

        rows = await info.context.loaders.mileage_detail_by_expense_id.load(self._row.id)
        return MileageDetail.from_model(rows[0], self._row.currency) if rows else None


@strawberry.type(description="One step of a report's history.")
class ReportEvent:
    action: str
    from_status: ReportStatus | None  # type: ignore[valid-type]
    to_status: ReportStatus  # type: ignore[valid-type]
    comment: str
    at: datetime
    _row: strawberry.Private[models.ReportEvent]

    @strawberry.field
    async def actor(self, info: Info) -> User:
        user = await _user(info, self._row.actor_id)
        assert user is not None
        return user


@strawberry.type
class Report:
    id: strawberry.ID
    number: str
    name: str
    business_purpose: str
    start_date: date
    end_date: date
    status: ReportStatus  # type: ignore[valid-type]
    is_archived: bool
    submitted_at: datetime | None
    approved_at: datetime | None
    reimbursed_on: date | None
    reimbursement_reference: str | None
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

    @strawberry.field(metadata=DIRECT)
    def user(self, info: Info) -> User:
        loaders = info.context.loaders
        user = related(loaders, loaders.user_by_id, self._row.user_id, User.from_model)
        assert user is not None
        return user

    @strawberry.field(metadata=DIRECT)
    def approver(self, info: Info) -> User | None:
        loaders = info.context.loaders
        return related(loaders, loaders.user_by_id, self._row.approver_id, User.from_model)

    @strawberry.field(metadata=DIRECT)
    def customer(self, info: Info) -> Customer | None:
        loaders = info.context.loaders
        return related(loaders, loaders.customer_by_id, self._row.customer_id, Customer.from_model)

    @strawberry.field(metadata=DIRECT)
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

    @strawberry.field
    async def history(self, info: Info) -> list[ReportEvent]:
        rows = await info.context.loaders.events_by_report_id.load(self._row.id)
        return [
            ReportEvent(action=r.action, from_status=r.from_status, to_status=r.to_status,
                        comment=r.comment, at=r.created_at, _row=r)
            for r in rows
        ]  # fmt: skip

    @strawberry.field
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
