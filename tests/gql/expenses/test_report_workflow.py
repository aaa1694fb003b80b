from __future__ import annotations

from typing import Any

import pytest

from gql.ids import encode_id
from orm import models
from tests.conftest import execute
from tests.factories import make_expense, make_report, viewer_for
from tests.gql.expenses.conftest import World

REPORT = """
query($id: ID!) {
  report(id: $id) {
    status isArchived approver { email } reimbursementReference
    totals { expenseCount total { amount currency } reimbursable { amount }
             nonReimbursable { amount } amountToReimburse { amount } }
    history { action fromStatus toStatus comment actor { email } }
    expenses { nodes { status } }
  }
}
"""
TRANSITION = """
mutation($input: {input_type}!) {{
  {field}(input: $input) {{ report {{ status }} errors {{ field code message }} }}
}}
"""
INPUT_TYPES = {
    "reportSubmit": "ReportSubmitInput", "reportRecall": "ReportActionInput",
    "reportApprove": "ReportActionInput", "reportReject": "ReportActionInput",
    "reportReimburse": "ReportReimburseInput", "reportArchive": "ReportActionInput",
    "reportUnarchive": "ReportActionInput",
}  # fmt: skip


async def act(field: str, user: models.User, report: models.Report, **extra: Any) -> dict[str, Any]:
    document = TRANSITION.format(input_type=INPUT_TYPES[field], field=field)
    variables = {"input": {"reportId": encode_id("Report", report.id), **extra}}
    result = await execute(document, variables, viewer=viewer_for(user))
    assert result.errors is None, result.errors
    payload: dict[str, Any] = result.data[field]
    return payload


async def _read(report: models.Report, user: models.User) -> dict[str, Any]:
    result = await execute(REPORT, {"id": encode_id("Report", report.id)}, viewer=viewer_for(user))
    assert result.errors is None, result.errors
    data: dict[str, Any] = result.data["report"]
    return data


async def test_the_whole_workflow_with_totals_and_history(world: World) -> None:
    report = await make_report(world.alice)
    await make_expense(world.alice, world.meals, 1000, report=report)
    await make_expense(world.alice, world.travel, 2550, report=report, is_reimbursable=False)
    approver = encode_id("User", world.approver.id)

    assert (await act("reportSubmit", world.alice, report, approverId=approver))["errors"] == []
    assert (await act("reportRecall", world.alice, report))["report"]["status"] == "DRAFT"
    assert (await act("reportSubmit", world.alice, report, approverId=approver))["errors"] == []
    rejected = await act("reportReject", world.approver, report, comment="Add the receipt")
    assert rejected["report"]["status"] == "REJECTED"
    assert (await act("reportSubmit", world.alice, report, approverId=approver))["errors"] == []
    assert (await act("reportApprove", world.approver, report, comment="OK"))["report"][
        "status"
    ] == "APPROVED"
    approved = await _read(report, world.alice)
    assert approved["totals"] == {
        "expenseCount": 2, "total": {"amount": "35.50", "currency": "USD"},
        "reimbursable": {"amount": "10.00"}, "nonReimbursable": {"amount": "25.50"},
        "amountToReimburse": {"amount": "10.00"},
    }  # fmt: skip
    paid = await act("reportReimburse", world.admin, report, date="2026-02-01", reference="PAY-7")
    assert paid["report"]["status"] == "REIMBURSED"
    assert (await act("reportArchive", world.admin, report))["errors"] == []

    final = await _read(report, world.alice)
    assert final["status"] == "REIMBURSED" and final["isArchived"] is True
    assert final["reimbursementReference"] == "PAY-7"
    assert final["totals"]["amountToReimburse"] == {"amount": "0.00"}
    assert {n["status"] for n in final["expenses"]["nodes"]} == {"REIMBURSED"}
    assert [(h["action"], h["fromStatus"], h["toStatus"]) for h in final["history"]] == [
        ("submit", "DRAFT", "SUBMITTED"), ("recall", "SUBMITTED", "DRAFT"),
        ("submit", "DRAFT", "SUBMITTED"), ("reject", "SUBMITTED", "REJECTED"),
        ("submit", "REJECTED", "SUBMITTED"), ("approve", "SUBMITTED", "APPROVED"),
        ("reimburse", "APPROVED", "REIMBURSED"), ("archive", "REIMBURSED", "REIMBURSED"),
    ]  # fmt: skip
    assert final["history"][3]["comment"] == "Add the receipt"
    assert final["history"][3]["actor"]["email"] == "approver@acme.example"


STATES = [models.ReportStatus.DRAFT, models.ReportStatus.SUBMITTED, models.ReportStatus.APPROVED,
          models.ReportStatus.REJECTED, models.ReportStatus.REIMBURSED]  # fmt: skip
ALLOWED = {
    "reportSubmit": {models.ReportStatus.DRAFT, models.ReportStatus.REJECTED},
    "reportRecall": {models.ReportStatus.SUBMITTED},
    "reportApprove": {models.ReportStatus.SUBMITTED},
    "reportReject": {models.ReportStatus.SUBMITTED},
    "reportReimburse": {models.ReportStatus.APPROVED},
    "reportArchive": {models.ReportStatus.APPROVED, models.ReportStatus.REJECTED,
                      models.ReportStatus.REIMBURSED},
}  # fmt: skip
FORBIDDEN = [(field, state) for field in ALLOWED for state in STATES if state not in ALLOWED[field]]


@pytest.mark.parametrize(("field", "state"), FORBIDDEN, ids=lambda v: str(v))
async def test_a_transition_from_a_wrong_state_changes_nothing(
    world: World, field: str, state: models.ReportStatus
) -> None:
    report = await make_report(world.alice, status=state, approver=world.approver)
    await make_expense(world.alice, world.meals, report=report)
    # approvals by an admin, who sees reports in every state (an approver does not see drafts)
    actor = {"reportSubmit": world.alice, "reportRecall": world.alice}.get(field, world.admin)
    extra: dict[str, str] = {
        "reportSubmit": {"approverId": encode_id("User", world.approver.id)},
        "reportReject": {"comment": "no"},
        "reportReimburse": {"date": "2026-02-01"},
    }.get(field, {})
    payload = await act(field, actor, report, **extra)
    assert payload["report"] is None
    assert payload["errors"][0]["code"] == "INVALID_TRANSITION"
    await report.refresh_from_db()
    assert (report.status, report.is_archived) == (state, False)
    assert await models.ReportEvent.filter(report=report).count() == 0


async def test_submission_rules(world: World) -> None:
    empty = await make_report(world.alice)
    approver = encode_id("User", world.approver.id)
    assert (await act("reportSubmit", world.alice, empty, approverId=approver))["errors"][0][
        "code"
    ] == "REPORT_EMPTY"
    report = await make_report(world.alice)
    await make_expense(world.alice, world.meals, report=report)
    for candidate, code in (
        (world.bob, "INVALID_APPROVER"),  # a submitter cannot approve
        (world.alice, "INVALID_APPROVER"),
    ):
        payload = await act(
            "reportSubmit", world.alice, report, approverId=encode_id("User", candidate.id)
        )
        assert payload["errors"][0]["code"] == code
    # an approver submitting to themselves needs the organisation's permission
    own = await make_report(world.approver)
    await make_expense(world.approver, world.meals, report=own)
    payload = await act("reportSubmit", world.approver, own, approverId=approver)
    assert payload["errors"][0]["code"] == "SELF_APPROVAL_NOT_ALLOWED"
    world.org.allow_self_approval = True
    await world.org.save()
    assert (await act("reportSubmit", world.approver, own, approverId=approver))["errors"] == []
    assert (await act("reportApprove", world.approver, own))["report"]["status"] == "APPROVED"
    # nobody else may act on alice's report
    assert (await act("reportSubmit", world.bob, report, approverId=approver))["errors"][0][
        "code"
    ] == "NOT_FOUND"
    await act("reportSubmit", world.alice, report, approverId=approver)
    assert (await act("reportApprove", world.bob, report))["errors"][0]["code"] == "NOT_FOUND"
    assert (await act("reportRecall", world.approver, report))["errors"][0][
        "code"
    ] == "NOT_PERMITTED"
    assert (await act("reportReject", world.approver, report))["errors"][0]["code"] == "REQUIRED"
    await report.refresh_from_db()
    assert report.status is models.ReportStatus.SUBMITTED


async def test_only_admins_reimburse_and_archive(world: World) -> None:
    report = await make_report(
        world.alice, status=models.ReportStatus.APPROVED, approver=world.approver
    )
    result = await execute(
        TRANSITION.format(input_type="ReportReimburseInput", field="reportReimburse"),
        {"input": {"reportId": encode_id("Report", report.id), "date": "2026-02-01"}},
        viewer=viewer_for(world.approver),
    )
    assert result.errors[0].extensions["code"] == "FORBIDDEN"
    future = await act("reportReimburse", world.admin, report, date="2999-01-01")
    assert future["errors"][0]["code"] == "DATE_IN_FUTURE"
    await report.refresh_from_db()
    assert report.status is models.ReportStatus.APPROVED


async def test_moving_expenses_in_and_out_of_reports(world: World) -> None:
    report = await make_report(world.alice)
    mine = await make_expense(world.alice, world.meals)
    bobs = await make_expense(world.bob, world.meals)
    add = """mutation($input: ReportExpensesInput!) { reportAddExpenses(input: $input) { errors { field code } } }"""
    remove = add.replace("reportAddExpenses", "reportRemoveExpenses")
    ids = [encode_id("Expense", mine.id), encode_id("Expense", bobs.id)]
    refused = await execute(add, {"input": {"reportId": encode_id("Report", report.id), "expenseIds": ids}},
                            viewer=viewer_for(world.alice))  # fmt: skip
    assert refused.data["reportAddExpenses"]["errors"] == [
        {"field": ["expenseIds", "1"], "code": "NOT_FOUND"}
    ]
    assert await models.Expense.filter(report=report).count() == 0
    added = await execute(add, {"input": {"reportId": encode_id("Report", report.id), "expenseIds": ids[:1]}},
                          viewer=viewer_for(world.alice))  # fmt: skip
    assert added.data["reportAddExpenses"]["errors"] == []
    assert await models.Expense.filter(report=report).count() == 1
    report.status = models.ReportStatus.SUBMITTED
    await report.save()
    locked = await execute(remove, {"input": {"reportId": encode_id("Report", report.id), "expenseIds": ids[:1]}},
                           viewer=viewer_for(world.alice))  # fmt: skip
    assert locked.data["reportRemoveExpenses"]["errors"][0]["code"] == "REPORT_NOT_EDITABLE"
    assert await models.Expense.filter(report=report).count() == 1
