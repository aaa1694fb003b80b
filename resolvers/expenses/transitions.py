"""The report workflow. Each transition checks who acts and the current status, changes the
report in one short transaction, and records who moved it from which status to which.

    DRAFT ──submit──▶ SUBMITTED ──approve──▶ APPROVED ──reimburse──▶ REIMBURSED
      ▲                 │   │
      └────recall───────┘   └──reject──▶ REJECTED ──submit (after fixing)──▶ SUBMITTED
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from orm import models
from resolvers.errors import ErrorCode, FieldError, MutationResult
from resolvers.expenses.access import visible_reports
from resolvers.expenses.reports import record_event
from resolvers.validation import clean_text
from resolvers.viewer import Viewer

Status = models.ReportStatus
CLOSED = frozenset({Status.APPROVED, Status.REIMBURSED, Status.REJECTED})
PAST = {
    "submit": "submitted", "recall": "recalled", "approve": "approved", "reject": "rejected",
    "reimburse": "reimbursed", "archive": "archived", "unarchive": "unarchived",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Transition:
    action: str
    sources: frozenset[Status]
    target: Status | None  # None: the status stays (archive, unarchive)
    actor: str  # "owner", "approver" or "admin"


SUBMIT = Transition("submit", frozenset({Status.DRAFT, Status.REJECTED}), Status.SUBMITTED, "owner")
RECALL = Transition("recall", frozenset({Status.SUBMITTED}), Status.DRAFT, "owner")
APPROVE = Transition("approve", frozenset({Status.SUBMITTED}), Status.APPROVED, "approver")
REJECT = Transition("reject", frozenset({Status.SUBMITTED}), Status.REJECTED, "approver")
REIMBURSE = Transition("reimburse", frozenset({Status.APPROVED}), Status.REIMBURSED, "admin")
ARCHIVE = Transition("archive", CLOSED, None, "admin")
UNARCHIVE = Transition("unarchive", CLOSED, None, "admin")


def _may_act(transition: Transition, report: models.Report, viewer: Viewer) -> bool:
    if transition.actor == "owner":
        return report.user_id == viewer.user_id
    if transition.actor == "approver":
        may_approve = viewer.role in (models.UserRole.APPROVER, models.UserRole.ADMIN)
        return viewer.is_admin or (report.approver_id == viewer.user_id and may_approve)
    return viewer.is_admin


Refusal = MutationResult[models.Report] | None
Check = Callable[[models.Report, BaseDBAsyncClient], Awaitable[Refusal]]


async def _apply(
    viewer: Viewer,
    report_id: int | None,
    transition: Transition,
    *,
    comment: str = "",
    changes: Mapping[str, object] | None = None,
    check: Check | None = None,
) -> MutationResult[models.Report]:
    async with in_transaction() as connection:
        report = None
        if report_id is not None:
            report = await (
                visible_reports(viewer)
                .select_for_update()
                .using_db(connection)
                .get_or_none(id=report_id)
            )
        if report is None:
            return MutationResult.fail("reportId", "No such report.", ErrorCode.NOT_FOUND)
        if not _may_act(transition, report, viewer):
            return MutationResult.fail(
                "reportId", f"You may not {transition.action} this report.", ErrorCode.NOT_PERMITTED
            )
        archived_ok = (transition is UNARCHIVE) == report.is_archived
        if report.status not in transition.sources or not archived_ok:
            state = (
                f"archived {report.status.value.lower()}"
                if report.is_archived
                else report.status.value.lower()
            )
            return MutationResult.fail(
                "reportId",
                f"A {state} report cannot be {PAST[transition.action]}.",
                ErrorCode.INVALID_TRANSITION,
            )
        if check is not None:
            refusal = await check(report, connection)
            if refusal is not None:
                return refusal
        source = report.status
        if transition.target is not None:
            report.status = transition.target
        if transition is ARCHIVE or transition is UNARCHIVE:
            report.is_archived = transition is ARCHIVE
        report.update_from_dict(dict(changes or {}))
        await report.save(using_db=connection)
        await record_event(connection, report, viewer, transition.action, source, comment)
    return MutationResult(report)


async def submit_report(
    viewer: Viewer, report_id: int | None, approver_id: int | None
) -> MutationResult[models.Report]:
    async def check(report: models.Report, connection: BaseDBAsyncClient) -> Refusal:
        if not await models.Expense.filter(report_id=report.id).using_db(connection).exists():
            return MutationResult.fail(
                "reportId", "Add at least one expense before submitting.", ErrorCode.REPORT_EMPTY
            )
        approver = None
        if approver_id is not None:
            approver = await models.User.filter(
                id=approver_id, org_id=viewer.org_id, status=models.UserStatus.ACTIVE,
                role__in=(models.UserRole.APPROVER, models.UserRole.ADMIN),
            ).using_db(connection).first()  # fmt: skip
        if approver is None:
            return MutationResult.fail(
                "approverId", "Choose an active approver or admin.", ErrorCode.INVALID_APPROVER
            )
        org = await models.Organization.filter(id=viewer.org_id).using_db(connection).get()
        if approver.id == report.user_id and not org.allow_self_approval:
            return MutationResult.fail(
                "approverId",
                "You cannot approve your own report in this organisation.",
                ErrorCode.SELF_APPROVAL_NOT_ALLOWED,
            )
        return None

    changes = {"approver_id": approver_id, "submitted_at": datetime.now(UTC), "approved_at": None}
    return await _apply(viewer, report_id, SUBMIT, changes=changes, check=check)


async def recall_report(viewer: Viewer, report_id: int | None) -> MutationResult[models.Report]:
    return await _apply(viewer, report_id, RECALL)


def _self_approval_check(viewer: Viewer) -> Check:
    async def check(report: models.Report, connection: BaseDBAsyncClient) -> Refusal:
        org = await models.Organization.filter(id=viewer.org_id).using_db(connection).get()
        if report.user_id == viewer.user_id and not org.allow_self_approval:
            return MutationResult.fail(
                "reportId",
                "You cannot approve or reject your own report in this organisation.",
                ErrorCode.SELF_APPROVAL_NOT_ALLOWED,
            )
        return None

    return check


async def approve_report(
    viewer: Viewer, report_id: int | None, comment: str = ""
) -> MutationResult[models.Report]:
    errors: list[FieldError] = []
    comment = clean_text(comment, "comment", max_length=2000, errors=errors, required=False)
    if errors:
        return MutationResult(errors=errors)
    return await _apply(
        viewer, report_id, APPROVE, comment=comment,
        changes={"approved_at": datetime.now(UTC)}, check=_self_approval_check(viewer),
    )  # fmt: skip


async def reject_report(
    viewer: Viewer, report_id: int | None, comment: str
) -> MutationResult[models.Report]:
    errors: list[FieldError] = []
    comment = clean_text(comment, "comment", max_length=2000, errors=errors)
    if errors:
        return MutationResult(errors=errors)
    return await _apply(
        viewer, report_id, REJECT, comment=comment, check=_self_approval_check(viewer)
    )


async def reimburse_report(
    viewer: Viewer, report_id: int | None, *, paid_on: date, reference: str = ""
) -> MutationResult[models.Report]:
    errors: list[FieldError] = []
    reference = clean_text(reference, "reference", max_length=100, errors=errors, required=False)
    org = await models.Organization.get(id=viewer.org_id)
    if paid_on > datetime.now(ZoneInfo(org.time_zone)).date():
        return MutationResult.fail(
            "date", "The payment date is in the future.", ErrorCode.DATE_IN_FUTURE
        )
    if errors:
        return MutationResult(errors=errors)
    changes = {"reimbursed_on": paid_on, "reimbursement_reference": reference or None}
    return await _apply(viewer, report_id, REIMBURSE, changes=changes, comment=reference)


async def archive_report(viewer: Viewer, report_id: int | None) -> MutationResult[models.Report]:
    return await _apply(viewer, report_id, ARCHIVE)


async def unarchive_report(viewer: Viewer, report_id: int | None) -> MutationResult[models.Report]:
    return await _apply(viewer, report_id, UNARCHIVE)
