from __future__ import annotations

from datetime import date
from typing import Any

from gql.ids import encode_id
from orm import models
from tests.conftest import execute
from tests.factories import make_expense, make_report, viewer_for
from tests.gql.expenses.conftest import World

EXPENSES = """
query($filter: ExpenseFilter) { expenses(filter: $filter) { totalCount nodes { merchant } } }
"""


async def _merchants(world: World, filter: dict[str, Any]) -> list[str]:
    result = await execute(EXPENSES, {"filter": filter}, viewer=viewer_for(world.admin))
    assert result.errors is None, result.errors
    return sorted(n["merchant"] for n in result.data["expenses"]["nodes"])


async def test_expense_filters(world: World) -> None:
    submitted = await make_report(
        world.alice, status=models.ReportStatus.SUBMITTED, potential=world.renewal
    )
    draft = await make_report(world.bob)
    await make_expense(
        world.alice, world.meals, 1000, merchant="a", date=date(2026, 1, 5), report=submitted
    )
    await make_expense(world.alice, world.travel, 5000, merchant="b", date=date(2026, 2, 5),
                       customer=world.globex)  # fmt: skip
    await make_expense(
        world.bob, world.meals, 250, merchant="c", date=date(2026, 3, 5), report=draft
    )

    assert await _merchants(world, {"statuses": ["UNREPORTED"]}) == ["b"]
    assert await _merchants(world, {"statuses": ["UNSUBMITTED", "SUBMITTED"]}) == ["a", "c"]
    assert await _merchants(world, {"userId": encode_id("User", world.bob.id)}) == ["c"]
    assert await _merchants(world, {"categoryId": encode_id("Category", world.meals.id)}) == [
        "a",
        "c",
    ]
    # a customer is reached on the expense, or through a deal of theirs, on the expense or on
    # its report ("a" is in a report for Globex's deal)
    assert await _merchants(world, {"customerId": encode_id("Customer", world.globex.id)}) == [
        "a",
        "b",
    ]
    # a deal is linked on the expense or on its report
    assert await _merchants(world, {"potentialId": encode_id("Potential", world.renewal.id)}) == [
        "a"
    ]
    assert await _merchants(world, {"dateFrom": "2026-02-01", "dateTo": "2026-03-31"}) == ["b", "c"]
    assert await _merchants(world, {"minAmount": "5", "maxAmount": "50"}) == ["a", "b"]
    assert await _merchants(world, {"reportId": encode_id("Report", draft.id)}) == ["c"]

    reports = await execute(
        "query($f: ReportFilter) { reports(filter: $f) { nodes { name } } }",
        {"f": {"statuses": ["SUBMITTED"], "userId": encode_id("User", world.alice.id)}},
        viewer=viewer_for(world.admin),
    )
    assert len(reports.data["reports"]["nodes"]) == 1


async def test_expense_search_matches_merchant_description_or_reference(world: World) -> None:
    await make_expense(world.alice, world.meals, merchant="Café Central", description="Lunch")
    await make_expense(world.alice, world.meals, merchant="Taxi", description="To the Airport")
    await make_expense(world.alice, world.meals, merchant="Hotel", reference="INV-100%_x")
    await make_expense(world.alice, world.meals, merchant="Other", reference="INV-1000")

    assert await _merchants(world, {"search": "café"}) == ["Café Central"]
    assert await _merchants(world, {"search": " airport "}) == ["Taxi"]
    assert await _merchants(world, {"search": "100%_"}) == ["Hotel"]  # no wildcards
    assert len(await _merchants(world, {"search": "   "})) == 4  # blank: no filter
    assert await _merchants(world, {"search": "x" * 500}) == []
