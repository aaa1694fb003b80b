"""Ready reports: named questions over the same aggregate (one SQL statement each).

Unless the caller's filter names statuses, a ready report counts what was spent: expenses of
APPROVED and REIMBURSED reports (drafts, rejected and awaiting approval are left out).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from enum import StrEnum

from orm import models
from resolvers.analytics.filters import Dimension, Measure, Order, Question, SpendFilter
from resolvers.expenses.status import ExpenseStatus

SPENT = (ExpenseStatus.APPROVED, ExpenseStatus.REIMBURSED)


class ReadyReport(StrEnum):
    SPEND_PER_DEAL = "SPEND_PER_DEAL"
    DEAL_SPEND_BY_USER = "DEAL_SPEND_BY_USER"
    DEAL_SPEND_BY_MONTH = "DEAL_SPEND_BY_MONTH"
    LOST_DEAL_SPEND = "LOST_DEAL_SPEND"
    SPEND_BY_STAGE = "SPEND_BY_STAGE"
    SPEND_PER_CUSTOMER = "SPEND_PER_CUSTOMER"


_GROUPS: dict[ReadyReport, tuple[Dimension, ...]] = {
    # the outcome rides along (one per deal) so the totals can say what won deals cost
    ReadyReport.SPEND_PER_DEAL: (Dimension.POTENTIAL, Dimension.OUTCOME),
    ReadyReport.DEAL_SPEND_BY_USER: (Dimension.USER,),
    ReadyReport.DEAL_SPEND_BY_MONTH: (Dimension.MONTH,),
    ReadyReport.LOST_DEAL_SPEND: (Dimension.POTENTIAL,),
    ReadyReport.SPEND_BY_STAGE: (Dimension.STAGE,),
    ReadyReport.SPEND_PER_CUSTOMER: (Dimension.CUSTOMER,),
}


def ready_question(
    report: ReadyReport,
    spend_filter: SpendFilter | None = None,
    order_by: Sequence[Order] = (),
    *,
    potential_id: int | None = None,
) -> Question:
    """The report's question; its own conditions override the caller's filter."""
    f = spend_filter or SpendFilter()
    if not f.statuses:
        f = replace(f, statuses=SPENT)
    if report is ReadyReport.DEAL_SPEND_BY_USER:
        f = replace(f, potential_ids=(potential_id if potential_id is not None else -1,))
    elif report is ReadyReport.LOST_DEAL_SPEND:
        f = replace(f, outcomes=(models.PotentialState.LOST,), has_potential=True)
    elif report is not ReadyReport.SPEND_PER_CUSTOMER:
        f = replace(f, has_potential=True)
    dims = _GROUPS[report]
    orders = list(order_by)
    if not orders and report is not ReadyReport.DEAL_SPEND_BY_MONTH:
        orders = [Order(measure=Measure.TOTAL, descending=True)]
    return Question(filter=f, group_by=dims, order_by=orders)
