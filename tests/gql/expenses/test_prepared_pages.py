"""Pages load the relations their selection needs at once; a row outside a page answers the
same through its loaders; the SQL statements are those of the lazy path."""

from __future__ import annotations

from typing import Any

import pytest

from gql.ids import encode_id
from orm import models
from tests.conftest import QueryCounter, execute
from tests.factories import (
    make_category,
    make_expense,
    make_org,
    make_report,
    make_user,
    viewer_for,
)

pytestmark = pytest.mark.usefixtures("db")

EXPENSE_FIELDS = """
  id merchant status amount { amount currency } baseAmount { amount currency }
  category { id name } user { id name email }
  report { id number status approver { id name } user { name } totals { expenseCount } }
  receipts { id fileName downloadPath }
"""
PAGE = f"{{ expenses(first: 50) {{ edges {{ cursor node {{ {EXPENSE_FIELDS} }} }} }} }}"
ONE = f"query One($id: ID!) {{ expense(id: $id) {{ {EXPENSE_FIELDS} }} }}"


async def _dataset(expenses: int) -> tuple[models.User, list[models.Expense]]:
    org = await make_org()
    admin = await make_user(org, role=models.UserRole.ADMIN, name="Ada")
    approver = await make_user(org, role=models.UserRole.APPROVER, name="Apu")
    users = [await make_user(org, name=f"U{i}") for i in range(3)]
    categories = [await make_category(org, name=f"C{i}") for i in range(2)]
    reports = [
        await make_report(users[0], approver=approver),
        await make_report(users[1], status=models.ReportStatus.SUBMITTED),
    ]
    rows = []
    for index in range(expenses):
        report = reports[index % 3] if index % 3 < 2 else None
        row = await make_expense(
            users[index % 3], categories[index % 2], amount_minor=1000 + index,
            merchant=f"M{index}", report=report,
        )  # fmt: skip
        if index % 2:
            await models.Receipt.create(org=org, user_id=row.user_id, expense=row,
                                        file_name=f"r{index}.pdf", content_type="application/pdf",
                                        size=1, sha256=f"{row.id:064x}")  # fmt: skip
        rows.append(row)
    return admin, rows


async def test_a_page_answers_what_each_row_answers_alone() -> None:
    admin, rows = await _dataset(7)
    viewer = viewer_for(admin)
    page = await execute(PAGE, viewer=viewer)
    assert page.errors is None
    assert page.data is not None
    by_id = {edge["node"]["id"]: edge["node"] for edge in page.data["expenses"]["edges"]}
    assert len(by_id) == 7
    for row in rows:
        alone = await execute(ONE, {"id": encode_id("Expense", row.id)}, viewer=viewer)
        assert alone.errors is None
        assert alone.data is not None
        assert alone.data["expense"] == by_id[encode_id("Expense", row.id)]
    statuses = {node["status"] for node in by_id.values()}
    assert statuses == {"UNREPORTED", "UNSUBMITTED", "SUBMITTED"}
    approvers = {(n["report"] or {}).get("approver") is not None for n in by_id.values()}
    assert approvers == {True, False}


async def _count(document: str, viewer: Any, counter: QueryCounter) -> int:
    counter.statements.clear()
    result = await execute(document, viewer=viewer)
    assert result.errors is None, result.errors
    return len(counter)


async def test_statements_do_not_grow_and_only_selected_relations_load(
    count_queries: QueryCounter,
) -> None:
    admin, _ = await _dataset(4)
    viewer = viewer_for(admin)
    small = await _count(PAGE, viewer, count_queries)
    org = await admin.org
    user = await models.User.filter(org=org, name="U0").first()
    category = await models.Category.filter(org=org).first()
    assert user is not None and category is not None
    for index in range(30):
        await make_expense(user, category, merchant=f"more {index}")
    assert await _count(PAGE, viewer, count_queries) == small

    bare = await _count("{ expenses { nodes { id merchant } } }", viewer, count_queries)
    with_category = await _count(
        "{ expenses { nodes { id merchant category { name } } } }", viewer, count_queries
    )
    assert with_category == bare + 1
    # through fragments and aliases: the same statements as written out
    fragments = """
      { expenses { nodes { ...E } } }
      fragment E on Expense { id ... on Expense { merchant kind: category { name } } }
    """
    assert await _count(fragments, viewer, count_queries) == with_category


async def test_report_pages_and_a_report_alone_agree(count_queries: QueryCounter) -> None:
    admin, _ = await _dataset(6)
    viewer = viewer_for(admin)
    fields = "id user { name } approver { name } totals { expenseCount total { amount } }"
    page = await execute(f"{{ reports {{ nodes {{ {fields} }} }} }}", viewer=viewer)
    assert page.errors is None and page.data is not None
    nodes = page.data["reports"]["nodes"]
    assert len(nodes) == 2
    for node in nodes:
        alone = await execute(
            f"query R($id: ID!) {{ report(id: $id) {{ {fields} }} }}", {"id": node["id"]},
            viewer=viewer,
        )  # fmt: skip
        assert alone.data == {"report": node}
    # user, approver: one batch; totals and the organisation: one each; page and count
    statements = await _count(f"{{ reports {{ nodes {{ {fields} }} }} }}", viewer, count_queries)
    assert statements <= 5
