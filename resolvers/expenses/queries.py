"""Expense and report lists with filters, and the spend totals computed in SQL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from tortoise.expressions import Q, Subquery
from tortoise.functions import Count, Sum
from tortoise.queryset import QuerySet

from orm import models
from resolvers.expenses.access import visible_expenses, visible_reports
from resolvers.expenses.status import ExpenseStatus, status_condition
from resolvers.viewer import Viewer


@dataclass(frozen=True, slots=True)
class ExpenseFilter:
    statuses: Sequence[ExpenseStatus] = ()
    user_id: int | None = None
    customer_id: int | None = None
    potential_id: int | None = None
    category_id: int | None = None
    report_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    # In base-currency minor units.
    min_base_amount: int | None = None
    max_base_amount: int | None = None
    # Part of the merchant, description or reference, any case.
    search: str | None = None


def filter_expenses(
    query: QuerySet[models.Expense], filters: ExpenseFilter
) -> QuerySet[models.Expense]:
    if filters.statuses:
        condition = Q()
        for status in filters.statuses:
            condition |= status_condition(status)
        query = query.filter(condition)
    exact = {
        "user_id": filters.user_id,
        "category_id": filters.category_id,
        "report_id": filters.report_id,
        "date__gte": filters.date_from,
        "date__lte": filters.date_to,
        "base_amount_minor__gte": filters.min_base_amount,
        "base_amount_minor__lte": filters.max_base_amount,
    }
    query = query.filter(**{key: value for key, value in exact.items() if value is not None})
    if filters.potential_id is not None:
        # A deal is linked on the expense, or on the report the expense is in.
        query = query.filter(
            Q(potential_id=filters.potential_id) | Q(report__potential_id=filters.potential_id)
        )
    if filters.customer_id is not None:
        query = query.filter(_reaches_customer(filters.customer_id))
    if filters.search:
        term = filters.search
        query = query.filter(
            Q(merchant__icontains=term) | Q(description__icontains=term)
            | Q(reference__icontains=term)
        )  # fmt: skip
    return query


def _of_customer(customer_id: int, prefix: str = "") -> Q:
    """A row linked to the customer itself or to one of its deals (as account or contact)."""
    links: list[dict[str, Any]] = [
        {f"{prefix}customer_id": customer_id},
        {f"{prefix}potential__customer_id": customer_id},
        {f"{prefix}potential__contact_customer_id": customer_id},
    ]
    return Q(*(Q(**link) for link in links), join_type=Q.OR)


def _reaches_customer(customer_id: int) -> Q:
    """An expense reaches a customer as it reaches a deal: on the expense, or on its report
    (a per diem or mileage line has no customer of its own and follows its report's)."""
    return _of_customer(customer_id) | _of_customer(customer_id, "report__")


def list_expenses(viewer: Viewer, filters: ExpenseFilter | None = None) -> QuerySet[models.Expense]:
    query = filter_expenses(visible_expenses(viewer), filters or ExpenseFilter())
    return query.order_by("-date", "-id")


@dataclass(frozen=True, slots=True)
class ReportFilter:
    statuses: Sequence[models.ReportStatus] = ()
    user_id: int | None = None
    approver_id: int | None = None
    customer_id: int | None = None
    potential_id: int | None = None
    include_archived: bool = False


def list_reports(viewer: Viewer, filters: ReportFilter | None = None) -> QuerySet[models.Report]:
    filters = filters or ReportFilter()
    query = visible_reports(viewer)
    if filters.statuses:
        query = query.filter(status__in=list(filters.statuses))
    exact = {
        "user_id": filters.user_id,
        "approver_id": filters.approver_id,
        "potential_id": filters.potential_id,
    }
    query = query.filter(**{key: value for key, value in exact.items() if value is not None})
    if filters.customer_id is not None:
        query = query.filter(_of_customer(filters.customer_id))
    if not filters.include_archived:
        query = query.filter(is_archived=False)
    return query.order_by("-created_at", "-id")


@dataclass(frozen=True, slots=True)
class Totals:
    """Sums in the organisation's base currency, in minor units."""

    count: int = 0
    total: int = 0
    reimbursable: int = 0
    #: The reimbursable part already paid back (its report is REIMBURSED).
    reimbursed: int = 0

    @property
    def non_reimbursable(self) -> int:
        return self.total - self.reimbursable

    @property
    def to_reimburse(self) -> int:
        return self.reimbursable - self.reimbursed


def _as_int(value: object) -> int:
    return int(Decimal(str(value))) if value is not None else 0


async def totals_of(query: QuerySet[models.Expense]) -> Totals:
    """One aggregate statement over an expense query (exact integers on both databases).

    The query's rows are taken through a subquery: aggregating a query that joins (visibility,
    deal-through-report) directly would make Tortoise group by every column."""
    reimbursed_reports = models.Report.filter(status=models.ReportStatus.REIMBURSED).values("id")
    rows = (
        await models.Expense.filter(id__in=Subquery(query.order_by().values("id")))
        .annotate(
            n=Count("id"),
            total=Sum("base_amount_minor"),
            reimbursable=Sum("base_amount_minor", _filter=Q(is_reimbursable=True)),
            reimbursed=Sum(
                "base_amount_minor",
                _filter=Q(is_reimbursable=True, report_id__in=Subquery(reimbursed_reports)),
            ),
        )
        .values("n", "total", "reimbursable", "reimbursed")
    )
    row = rows[0] if rows else {}
    return Totals(
        _as_int(row.get("n")), _as_int(row.get("total")), _as_int(row.get("reimbursable")),
        _as_int(row.get("reimbursed")),
    )  # fmt: skip


async def report_totals(report_ids: Sequence[int], org_id: int) -> dict[int, Totals]:
    """Totals of many reports in one grouped statement."""
    rows = await (
        models.Expense.filter(org_id=org_id, report_id__in=list(report_ids))
        .annotate(
            n=Count("id"),
            total=Sum("base_amount_minor"),
            reimbursable=Sum("base_amount_minor", _filter=Q(is_reimbursable=True)),
        )
        .group_by("report_id")
        .values("report_id", "n", "total", "reimbursable")
    )
    return {
        int(row["report_id"]): Totals(
            _as_int(row["n"]), _as_int(row["total"]), _as_int(row["reimbursable"])
        )
        for row in rows
    }


async def expense_of(viewer: Viewer, expense_id: int | None) -> models.Expense | None:
    """One expense the viewer may see, or None."""
    return await list_expenses(viewer).get_or_none(id=expense_id)


async def report_of(viewer: Viewer, report_id: int | None) -> models.Report | None:
    """One report the viewer may see, archived ones included, or None."""
    return await list_reports(viewer, ReportFilter(include_archived=True)).get_or_none(id=report_id)
