"""What an analytics question asks: which expenses, grouped how, measured and ordered how."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from orm import models
from resolvers.expenses.status import ExpenseStatus

MAX_DIMENSIONS = 4
MAX_ORDERS = 4
MAX_IDS = 100
MAX_STAGE_LENGTH = 100


class Dimension(StrEnum):
    """What rows are grouped by. A deal (and its stage and outcome) is the expense's own
    potential, else its report's; so is the customer."""

    POTENTIAL = "POTENTIAL"
    CUSTOMER = "CUSTOMER"
    USER = "USER"
    CATEGORY = "CATEGORY"
    DAY = "DAY"
    WEEK = "WEEK"
    MONTH = "MONTH"
    QUARTER = "QUARTER"
    YEAR = "YEAR"
    STAGE = "STAGE"
    OUTCOME = "OUTCOME"
    STATUS = "STATUS"
    CURRENCY = "CURRENCY"


TIME_DIMENSIONS = frozenset(
    {Dimension.DAY, Dimension.WEEK, Dimension.MONTH, Dimension.QUARTER, Dimension.YEAR}
)
OBJECT_DIMENSIONS = frozenset(
    {Dimension.POTENTIAL, Dimension.CUSTOMER, Dimension.USER, Dimension.CATEGORY}
)


class Measure(StrEnum):
    COUNT = "COUNT"
    TOTAL = "TOTAL"
    REIMBURSABLE_TOTAL = "REIMBURSABLE_TOTAL"
    BILLABLE_TOTAL = "BILLABLE_TOTAL"
    AVERAGE = "AVERAGE"
    MINIMUM = "MINIMUM"
    MAXIMUM = "MAXIMUM"


@dataclass(frozen=True, slots=True)
class SpendFilter:
    """Every list is "any of"; an empty list or None does not filter."""

    date_from: date | None = None
    date_to: date | None = None
    statuses: Sequence[ExpenseStatus] = ()
    user_ids: Sequence[int] = ()
    customer_ids: Sequence[int] = ()
    potential_ids: Sequence[int] = ()
    category_ids: Sequence[int] = ()
    stages: Sequence[str] = ()
    outcomes: Sequence[models.PotentialState] = ()
    reimbursable: bool | None = None
    billable: bool | None = None
    has_potential: bool | None = None


@dataclass(frozen=True, slots=True)
class Order:
    """By a measure or by a dimension's key (exactly one of them)."""

    measure: Measure | None = None
    dimension: Dimension | None = None
    descending: bool = True


@dataclass(frozen=True, slots=True)
class Question:
    filter: SpendFilter = field(default_factory=SpendFilter)
    group_by: Sequence[Dimension] = ()
    order_by: Sequence[Order] = ()


class AnalyticsError(ValueError):
    """A question that cannot be answered as asked; ``code`` is the top-level error code."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


def check(question: Question) -> None:
    """Refuse what cannot be asked (the message says why), before any SQL runs."""
    dims = list(question.group_by)
    if len(dims) > MAX_DIMENSIONS:
        raise AnalyticsError(f"Group by at most {MAX_DIMENSIONS} dimensions.", "BAD_GROUPING")
    if len(set(dims)) != len(dims):
        raise AnalyticsError("Each dimension may appear once in groupBy.", "BAD_GROUPING")
    if len([d for d in dims if d in TIME_DIMENSIONS]) > 1:
        raise AnalyticsError("Group by at most one period (DAY … YEAR).", "BAD_GROUPING")
    if len(question.order_by) > MAX_ORDERS:
        raise AnalyticsError(f"Order by at most {MAX_ORDERS} terms.", "BAD_ORDER")
    for order in question.order_by:
        if (order.measure is None) == (order.dimension is None):
            raise AnalyticsError("Each orderBy term names a measure or a dimension.", "BAD_ORDER")
        if order.dimension is not None and order.dimension not in dims:
            raise AnalyticsError(
                f"Order by {order.dimension.value} needs it in groupBy.", "BAD_ORDER"
            )
    f = question.filter
    lists: list[Sequence[object]] = [
        f.statuses, f.user_ids, f.customer_ids, f.potential_ids, f.category_ids, f.stages,
        f.outcomes,
    ]  # fmt: skip
    if any(len(values) > MAX_IDS for values in lists):
        raise AnalyticsError(f"A filter list may hold at most {MAX_IDS} values.", "BAD_FILTER")
    if any(len(stage) > MAX_STAGE_LENGTH for stage in f.stages):
        raise AnalyticsError(f"Stages are at most {MAX_STAGE_LENGTH} characters.", "BAD_FILTER")
    if f.date_from is not None and f.date_to is not None and f.date_to < f.date_from:
        raise AnalyticsError("dateTo may not precede dateFrom.", "BAD_FILTER")
