"""``perDiemRecord`` with a ``reportId``: the new per diems join the user's draft report, or
nothing is recorded."""

from __future__ import annotations

from typing import Any

from gql.ids import encode_id
from orm import models
from tests.conftest import execute
from tests.factories import make_report
from tests.gql.perdiem.conftest import World
from tests.gql.perdiem.test_calculate_and_record import RECORD, trip


async def _record(world: World, report_id: str) -> dict[str, Any]:
    result = await execute(
        RECORD,
        {"input": {"trip": trip(world), "dates": ["2025-12-31", "2026-01-01"],
                   "reportId": report_id}},
        viewer=world.as_(world.alice),
    )  # fmt: skip
    assert result.errors is None, result.errors
    payload: dict[str, Any] = result.data["perDiemRecord"]
    return payload


async def test_recorded_days_join_the_chosen_draft_report(world: World) -> None:
    report = await make_report(world.alice, "Berlin and Munich")
    payload = await _record(world, encode_id("Report", report.id))
    assert payload["errors"] == []
    assert [p["expense"]["status"] for p in payload["perDiems"]] == ["UNSUBMITTED"] * 2
    expenses = await models.Expense.filter(user_id=world.alice.id).order_by("date")
    assert [e.report_id for e in expenses] == [report.id, report.id]


async def test_a_report_the_days_may_not_join_records_nothing(world: World) -> None:
    submitted = await make_report(world.alice, "Sent", status=models.ReportStatus.SUBMITTED)
    archived = await make_report(world.alice, "Old", is_archived=True)
    bobs = await make_report(world.bob, "Bob's")
    cases = {
        encode_id("Report", submitted.id): "REPORT_NOT_EDITABLE",
        encode_id("Report", archived.id): "REPORT_NOT_EDITABLE",
        encode_id("Report", bobs.id): "NOT_FOUND",
        "not-an-id": "NOT_FOUND",
    }
    for report_id, code in cases.items():
        payload = await _record(world, report_id)
        assert payload == {"perDiems": [], "errors": [{"field": ["reportId"], "code": code}]}
    assert not await models.Expense.exists()
    assert not await models.PerDiemDetail.exists()
