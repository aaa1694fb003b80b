"""Reading per diem policies and per diem expenses for the API."""

from __future__ import annotations

from tortoise.queryset import QuerySet

from orm import models
from resolvers.expenses.access import visible_expenses
from resolvers.viewer import Viewer


def list_policies(viewer: Viewer) -> QuerySet[models.PerDiemPolicy]:
    """The organisation's policies by name."""
    return models.PerDiemPolicy.filter(org_id=viewer.org_id).order_by("name", "id")


async def details_of(expenses: list[models.Expense]) -> dict[int, models.PerDiemDetail]:
    """The per diem details of ``expenses`` (per diem expenses all), by expense id."""
    ids = [expense.id for expense in expenses]
    return await models.PerDiemDetail.filter(expense_id__in=ids).in_bulk(ids, "expense_id")


async def per_diem_expense(
    viewer: Viewer, expense_id: int | None
) -> tuple[models.Expense, models.PerDiemDetail] | None:
    """A per diem expense the viewer may see, with its details; None for any other id."""
    expense = await visible_expenses(viewer).get_or_none(id=expense_id or -1)
    if expense is None:
        return None
    detail = await models.PerDiemDetail.get_or_none(expense_id=expense.id)
    return None if detail is None else (expense, detail)
