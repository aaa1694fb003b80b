"""``Report.expenses`` pages each report's expenses as the viewer sees them, loaded for a whole
list of reports at once."""

from __future__ import annotations

from datetime import date
from typing import Any

from gql.ids import encode_id
from orm import models
from tests.conftest import execute
from tests.factories import make_expense, make_report, viewer_for
from tests.gql.expenses.conftest import World

REPORTS_WITH_EXPENSES = """
query($first: Int, $after: String) {
  reports(first: 100) {
    nodes {
      name
      expenses(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage endCursor }
        nodes { description }
      }
    }
  }
}
"""


async def _pages(viewer: models.User, **variables: Any) -> dict[str, dict[str, Any]]:
    result = await execute(REPORTS_WITH_EXPENSES, variables, viewer=viewer_for(viewer))
    assert result.errors is None, result.errors
    assert result.data is not None
    return {node["name"]: node["expenses"] for node in result.data["reports"]["nodes"]}


async def _report_with(
    world: World, owner: models.User, name: str, days: list[int], **report: Any
) -> models.Report:
    made = await make_report(owner, name, **report)
    for day in days:
        await make_expense(
            owner, world.meals, report=made, date=date(2026, 1, day), description=f"{name} {day}"
        )
    return made


async def test_each_report_pages_its_own_expenses_newest_first(world: World) -> None:
    await _report_with(world, world.alice, "Berlin", [3, 9, 5, 1])
    await _report_with(world, world.bob, "Austin", [2])
    await _report_with(world, world.bob, "Empty", [])
    await make_expense(world.alice, world.meals, description="unreported")

    first = await _pages(world.admin, first=2)
    assert [n["description"] for n in first["Berlin"]["nodes"]] == ["Berlin 9", "Berlin 5"]
    assert first["Berlin"]["totalCount"] == 4
    assert first["Berlin"]["pageInfo"]["hasNextPage"] is True
    assert first["Berlin"]["pageInfo"]["hasPreviousPage"] is False
    assert [n["description"] for n in first["Austin"]["nodes"]] == ["Austin 2"]
    assert first["Austin"]["pageInfo"] == {
        "hasNextPage": False, "hasPreviousPage": False, "endCursor": first["Austin"]["pageInfo"]["endCursor"],
    }  # fmt: skip
    assert first["Empty"] == {
        "totalCount": 0,
        "pageInfo": {"hasNextPage": False, "hasPreviousPage": False, "endCursor": None},
        "nodes": [],
    }

    after = first["Berlin"]["pageInfo"]["endCursor"]
    second = await _pages(world.admin, first=2, after=after)
    assert [n["description"] for n in second["Berlin"]["nodes"]] == ["Berlin 3", "Berlin 1"]
    assert second["Berlin"]["pageInfo"]["hasNextPage"] is False
    assert second["Berlin"]["pageInfo"]["hasPreviousPage"] is True
    # a cursor is a position by value: Austin's expense of 2 January comes after 5 January
    assert second["Austin"]["nodes"] == [{"description": "Austin 2"}]
    assert second["Austin"]["totalCount"] == 1

    none = await _pages(world.admin, first=0)
    assert none["Berlin"]["nodes"] == [] and none["Berlin"]["totalCount"] == 4


async def test_viewers_see_the_expenses_of_the_reports_they_may_see(world: World) -> None:
    await _report_with(world, world.alice, "Draft", [4, 6])
    await _report_with(
        world, world.bob, "Submitted", [7], status=models.ReportStatus.SUBMITTED,
        approver=world.approver,
    )  # fmt: skip

    alice = await _pages(world.alice)
    assert set(alice) == {"Draft"}
    assert [n["description"] for n in alice["Draft"]["nodes"]] == ["Draft 6", "Draft 4"]

    approver = await _pages(world.approver)
    assert set(approver) == {"Submitted"}
    assert approver["Submitted"]["totalCount"] == 1
    assert [n["description"] for n in approver["Submitted"]["nodes"]] == ["Submitted 7"]


async def test_a_bad_page_size_or_cursor_is_refused(world: World) -> None:
    await _report_with(world, world.alice, "Berlin", [3])
    for variables in ({"first": 101}, {"first": -1}, {"after": "not-a-cursor"}):
        result = await execute(REPORTS_WITH_EXPENSES, variables, viewer=viewer_for(world.admin))
        assert result.errors is not None
        assert {e.extensions["code"] for e in result.errors if e.extensions} <= {
            "PAGE_SIZE_OUT_OF_RANGE", "BAD_CURSOR",
        }  # fmt: skip
        assert result.errors[0].extensions is not None


async def test_a_later_mutation_in_the_same_document_sees_the_earlier_ones(world: World) -> None:
    report = await make_report(world.alice, "Berlin")
    first = await make_expense(world.alice, world.meals, description="first")
    second = await make_expense(world.alice, world.meals, description="second")
    ids = {"r": encode_id("Report", report.id), "a": encode_id("Expense", first.id),
           "b": encode_id("Expense", second.id)}  # fmt: skip
    result = await execute(
        """mutation($r: ID!, $a: ID!, $b: ID!) {
          add: reportAddExpenses(input: {reportId: $r, expenseIds: [$a, $b]}) {
            report { expenses { totalCount nodes { description } } } }
          remove: reportRemoveExpenses(input: {reportId: $r, expenseIds: [$a]}) {
            report { expenses { totalCount nodes { description } } } }
        }""",
        ids, viewer=viewer_for(world.alice),
    )  # fmt: skip
    assert result.errors is None, result.errors
    assert result.data["add"]["report"]["expenses"]["totalCount"] == 2
    assert result.data["remove"]["report"]["expenses"] == {
        "totalCount": 1, "nodes": [{"description": "second"}],
    }  # fmt: skip
