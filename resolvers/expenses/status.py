"""An expense's status is derived from its report, never stored."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise.expressions import Q

from orm import models


class ExpenseStatus(StrEnum):
    UNREPORTED = "UNREPORTED"
    UNSUBMITTED = "UNSUBMITTED"
    SUBMITTED = "SUBMITTED"
    APPROVED = "APPROVED"
    REJECTED = "REJECTED"
    REIMBURSED = "REIMBURSED"


def expense_status(report_status: models.ReportStatus | None) -> ExpenseStatus:
    if report_status is None:
        return ExpenseStatus.UNREPORTED
    if report_status is models.ReportStatus.DRAFT:
        return ExpenseStatus.UNSUBMITTED
    return ExpenseStatus(report_status.value)


def status_condition(status: ExpenseStatus, prefix: str = "") -> Q:
    """The SQL condition for expenses in ``status`` (``prefix`` reaches the expense by relation)."""
    if status is ExpenseStatus.UNREPORTED:
        unreported: dict[str, Any] = {f"{prefix}report_id__isnull": True}
        return Q(**unreported)
    report_status = (
        models.ReportStatus.DRAFT
        if status is ExpenseStatus.UNSUBMITTED
        else models.ReportStatus(status.value)
    )
    return Q(**{f"{prefix}report__status": report_status})


# Report states in which the owner may still change the report and its expenses.
EDITABLE_REPORT_STATES = frozenset({models.ReportStatus.DRAFT, models.ReportStatus.REJECTED})
# Expenses that may be deleted: unreported, or in a draft report.
DELETABLE_STATES = frozenset({ExpenseStatus.UNREPORTED, ExpenseStatus.UNSUBMITTED})
