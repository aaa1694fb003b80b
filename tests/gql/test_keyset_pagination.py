"""Keyset cursors: rows inserted or deleted between two page requests are neither repeated nor
skipped, on SQLite and PostgreSQL; a cursor the connection did not hand out is ``BAD_CURSOR``."""

from __future__ import annotations

import base64
import json
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

import pytest

from gql.ids import encode_id
from gql.pagination import paginate
from orm import models
from resolvers.pagination import CURSOR_VERSION, BadCursor, keyset_of
from tests.conftest import execute
from tests.factories import (
    make_category,
    make_expense,
    make_org,
    make_report,
    make_user,
    viewer_for,
)

pytestmark = pytest.mark.usefixtures("db")

EXPENSES = """
query($after: String) {
  expenses(first: 3, after: $after) {
    edges { cursor node { description } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
"""
USERS = """
query($after: String) {
  users(first: 3, after: $after) {
    nodes { name }
    pageInfo { hasNextPage endCursor }
  }
}
"""
REPORTS = """
query($after: String) {
  reports(first: 3, after: $after) {
    nodes { name }
    pageInfo { hasNextPage endCursor }
  }
}
"""
REPORT_EXPENSES = """
query($id: ID!, $after: String) {
  report(id: $id) {
    expenses(first: 3, after: $after) {
      totalCount
      nodes { description }
      pageInfo { hasNextPage endCursor }
    }
  }
}
"""


def _cursor(payload: list[Any]) -> str:
    text = json.dumps(payload, separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode()).rstrip(b"=").decode()


async def _page(
    document: str, viewer: models.User, path: list[str], after: str | None, **variables: Any
) -> tuple[list[str], str | None, bool]:
    result = await execute(document, {"after": after, **variables}, viewer=viewer_for(viewer))
    assert result.errors is None, result.errors
    data: Any = result.data
    for name in path:
        data = data[name]
    nodes = data["nodes"] if "nodes" in data else [e["node"] for e in data["edges"]]
    names = [n.get("description") or n.get("name") for n in nodes]
    return names, data["pageInfo"]["endCursor"], data["pageInfo"]["hasNextPage"]


async def _walk_with_writes(
    document: str,
    viewer: models.User,
    path: list[str],
    between: Callable[[], Awaitable[None]],
    **variables: Any,
) -> list[str]:
    """Every row of the connection, three at a time, with ``between`` run after the first
    page (writes while a client pages)."""
    seen, after, more = await _page(document, viewer, path, None, **variables)
    await between()
    while more:
        names, after, more = await _page(document, viewer, path, after, **variables)
        seen.extend(names)
    return seen


async def test_expenses_page_by_date_under_inserts_and_deletes() -> None:
    org = await make_org()
    alice = await make_user(org, name="Alice", role=models.UserRole.ADMIN)
    meals = await make_category(org, "Meals")
    rows = {}
    for day in (20, 18, 16, 14, 12, 10, 8):  # newest first: 20 18 16 | 14 12 10 | 8
        rows[day] = await make_expense(alice, meals, date=date(2026, 3, day), description=f"d{day}")

    async def writes() -> None:
        # before the boundary (newer than page 1: never shown), between two rows of page 1
        # (never shown), on the boundary's date (an older id: after it), after the boundary,
        # at the end; and the boundary row itself deleted
        for day, name in ((25, "before"), (17, "inside"), (16, "tie"), (15, "after"),
                          (1, "end")):  # fmt: skip
            await make_expense(alice, meals, date=date(2026, 3, day), description=name)
        await rows[16].delete()

    seen = await _walk_with_writes(EXPENSES, alice, ["expenses"], writes)
    # "tie" has the boundary's date and a larger id: newest-first by (date, id) puts it
    # before the (deleted) boundary row, on a page already read
    assert seen == ["d20", "d18", "d16", "after", "d14", "d12", "d10", "d8", "end"]
    assert len(seen) == len(set(seen))


async def test_users_page_by_name_under_inserts_and_deletes() -> None:
    org = await make_org()
    admin = await make_user(org, name="Admin", role=models.UserRole.ADMIN)
    made = {name: await make_user(org, name=name) for name in ("Bea", "Cal", "Dan", "Eve", "Fay")}
    # by name: Admin Bea Cal | Dan Eve Fay

    async def writes() -> None:
        for name in ("Aaron", "Bob", "Cal", "Cay", "Zed"):  # "Cal" again: same name, later id
            await make_user(org, name=name)
        await made["Cal"].delete()

    seen = await _walk_with_writes(USERS, admin, ["users"], writes)
    assert seen == ["Admin", "Bea", "Cal", "Cal", "Cay", "Dan", "Eve", "Fay", "Zed"]


async def test_reports_page_by_creation_under_inserts_and_deletes() -> None:
    org = await make_org()
    admin = await make_user(org, name="Admin", role=models.UserRole.ADMIN)
    made = [await make_report(admin, f"r{i}") for i in range(7)]  # newest first: r6 r5 r4 | ...

    async def writes() -> None:
        await make_report(admin, "newest")  # sorts before everything: never shown
        await made[4].delete()  # the boundary row
        await made[1].delete()  # a row of a later page: simply gone

    seen = await _walk_with_writes(REPORTS, admin, ["reports"], writes)
    assert seen == ["r6", "r5", "r4", "r3", "r2", "r0"]


async def test_a_reports_expenses_page_under_inserts_and_deletes() -> None:
    org = await make_org()
    alice = await make_user(org, name="Alice", role=models.UserRole.ADMIN)
    meals = await make_category(org, "Meals")
    report = await make_report(alice, "Berlin")
    rows = {
        day: await make_expense(
            alice, meals, report=report, date=date(2026, 3, day), description=f"d{day}"
        )
        for day in (9, 8, 7, 6, 5)
    }

    async def writes() -> None:
        await make_expense(alice, meals, report=report, date=date(2026, 3, 10), description="new")
        await make_expense(alice, meals, report=report, date=date(2026, 3, 6), description="tie")
        await rows[7].delete()

    seen = await _walk_with_writes(
        REPORT_EXPENSES, alice, ["report", "expenses"], writes, id=encode_id("Report", report.id)
    )
    assert seen == ["d9", "d8", "d7", "tie", "d6", "d5"]


@pytest.mark.parametrize("descending", [False, True])
async def test_a_nullable_key_pages_every_row_once_in_the_databases_order(
    descending: bool,
) -> None:
    org = await make_org()
    alice = await make_user(org)
    meals = await make_category(org, "Meals")
    first, second = await make_report(alice, "a"), await make_report(alice, "b")
    for report in (None, first, None, second, first, None, second, None):
        await make_expense(alice, meals, report=report)
    # ``report_id`` is nullable: SQLite sorts NULL first, PostgreSQL last
    query = models.Expense.filter(org_id=org.id).order_by(
        "-report_id" if descending else "report_id", "id"
    )
    expected = [row.id for row in await query]
    seen: list[int] = []
    after = None
    while True:
        connection = await paginate(query, lambda row: row.id, first=3, after=after)
        seen.extend(edge.node for edge in connection._edges)
        after = connection.page_info._end()
        if not connection.page_info.has_next_page:
            break
    assert seen == expected


async def test_cursors_are_encoded_only_when_selected() -> None:
    org = await make_org()
    alice = await make_user(org, role=models.UserRole.ADMIN)
    meals = await make_category(org, "Meals")
    await make_expense(alice, meals, description="one")
    query = models.Expense.filter(org_id=org.id).order_by("-date", "-id")
    connection = await paginate(query, lambda row: row.description, first=5, after=None)
    assert [edge.cursor for edge in connection._edges] == [""]  # not encoded yet
    result = await execute(EXPENSES, {}, viewer=viewer_for(alice))
    edge = result.data["expenses"]["edges"][0]
    assert edge["cursor"] == result.data["expenses"]["pageInfo"]["endCursor"] != ""


async def _refused(document: str, viewer: models.User, after: str, **variables: Any) -> None:
    result = await execute(document, {"after": after, **variables}, viewer=viewer_for(viewer))
    assert result.data in (None, {"report": None})  # no page
    assert result.errors is not None
    assert result.errors[0].extensions == {"code": "BAD_CURSOR"}


async def test_forged_malformed_foreign_and_stale_cursors_are_bad_cursors() -> None:
    org = await make_org()
    alice = await make_user(org, name="Alice", role=models.UserRole.ADMIN)
    meals = await make_category(org, "Meals")
    report = await make_report(alice, "Berlin")
    expense = await make_expense(alice, meals, report=report)
    users = await execute(USERS, {}, viewer=viewer_for(alice))
    user_cursor = users.data["users"]["pageInfo"]["endCursor"]
    expenses = await execute(EXPENSES, {}, viewer=viewer_for(alice))
    expense_cursor = expenses.data["expenses"]["pageInfo"]["endCursor"]
    shape = json.loads(base64.urlsafe_b64decode(expense_cursor + "==="))[1]
    day, pk = expense.date.isoformat(), expense.id
    forged = [
        "not-a-cursor",
        "",
        "😀",
        "x" * 5000,
        "bm9wZQ==",  # not base64 JSON of a cursor
        base64.urlsafe_b64encode(b"offset:3").decode(),  # the earlier shape
        _cursor({"v": 1}),
        _cursor([]),
        _cursor([2, shape, day, pk]),  # not version 1
        _cursor([CURSOR_VERSION, "00000000", day, pk]),  # no connection's shape
        user_cursor,  # another connection's cursor
        _cursor([CURSOR_VERSION, shape, day]),
        _cursor([CURSOR_VERSION, shape, day, pk, 1]),
        _cursor([CURSOR_VERSION, shape, "2026-02-30", pk]),  # no such date
        _cursor([CURSOR_VERSION, shape, 20260101, pk]),
        _cursor([CURSOR_VERSION, shape, day, str(pk)]),
        _cursor([CURSOR_VERSION, shape, day, 2**31]),  # beyond the id column
        _cursor([CURSOR_VERSION, shape, day, 10**30]),
        _cursor([CURSOR_VERSION, shape, day, True]),
        _cursor([CURSOR_VERSION, shape, None, pk]),  # the date is never null
        _cursor([CURSOR_VERSION, shape, day, 1.5]),
    ]
    for cursor in forged:
        await _refused(EXPENSES, alice, cursor)
    # a report's expenses (a nested connection) and users (a text key) refuse them too
    await _refused(REPORT_EXPENSES, alice, user_cursor, id=encode_id("Report", report.id))
    await _refused(REPORT_EXPENSES, alice, "not-a-cursor", id=encode_id("Report", report.id))
    user_shape = json.loads(base64.urlsafe_b64decode(user_cursor + "==="))[1]
    await _refused(USERS, alice, _cursor([CURSOR_VERSION, user_shape, "a\x00b", pk]))
    await _refused(USERS, alice, _cursor([CURSOR_VERSION, user_shape, "x" * 5000, pk]))
    await _refused(USERS, alice, expense_cursor)
    # a well-formed cursor of this connection is a position, whatever row it names
    ahead = _cursor([CURSOR_VERSION, shape, "1999-01-01", 1])
    result = await execute(EXPENSES, {"after": ahead}, viewer=viewer_for(alice))
    assert result.errors is None
    assert result.data["expenses"]["edges"] == []


async def test_analytics_cursors_and_row_cursors_are_not_interchangeable() -> None:
    org = await make_org()
    alice = await make_user(org, role=models.UserRole.ADMIN)
    meals = await make_category(org, "Meals")
    await make_expense(alice, meals)
    expenses = await execute(EXPENSES, {}, viewer=viewer_for(alice))
    row_cursor = expenses.data["expenses"]["pageInfo"]["endCursor"]
    groups = "query($after: String) { spendAnalytics(groupBy: [CATEGORY], after: $after) {" \
        " pageInfo { endCursor } nodes { count } } }"  # fmt: skip
    answer = await execute(groups, {}, viewer=viewer_for(alice))
    assert answer.errors is None, answer.errors
    group_cursor = answer.data["spendAnalytics"]["pageInfo"]["endCursor"]
    await _refused(groups, alice, row_cursor)
    await _refused(EXPENSES, alice, group_cursor)
    after = await execute(groups, {"after": group_cursor}, viewer=viewer_for(alice))
    assert after.errors is None
    assert after.data["spendAnalytics"]["nodes"] == []


async def test_a_keyset_decodes_only_what_it_encoded() -> None:
    query = models.Expense.all().order_by("-date", "-id")
    keyset, _ = keyset_of(query)
    row = models.Expense(id=7, date=date(2026, 3, 1))
    assert keyset.decode(keyset.cursor(row)) == (date(2026, 3, 1), 7)
    other, _ = keyset_of(models.Expense.all().order_by("date", "id"))
    with pytest.raises(BadCursor):
        other.decode(keyset.cursor(row))
