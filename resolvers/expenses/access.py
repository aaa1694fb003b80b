"""Who sees what: owners their own, approvers what is submitted to them, admins everything."""

from __future__ import annotations

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from orm import models
from resolvers.viewer import Viewer

# Once a report has reached its approver, the approver may read it and its expenses.
APPROVER_VISIBLE = (
    models.ReportStatus.SUBMITTED,
    models.ReportStatus.APPROVED,
    models.ReportStatus.REJECTED,
    models.ReportStatus.REIMBURSED,
)


def visible_expenses(viewer: Viewer) -> QuerySet[models.Expense]:
    query = models.Expense.filter(org_id=viewer.org_id)
    if viewer.is_admin:
        return query
    return query.filter(
        Q(user_id=viewer.user_id)
        | Q(report__approver_id=viewer.user_id, report__status__in=APPROVER_VISIBLE)
    )


def visible_reports(viewer: Viewer) -> QuerySet[models.Report]:
    query = models.Report.filter(org_id=viewer.org_id)
    if viewer.is_admin:
        return query
    return query.filter(
        Q(user_id=viewer.user_id) | Q(approver_id=viewer.user_id, status__in=APPROVER_VISIBLE)
    )
