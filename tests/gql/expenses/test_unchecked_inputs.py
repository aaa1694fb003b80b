"""Values that used to be ignored or stored unchecked: newReport.expenseIds on expenseCreate and
expensesCreate, and a customer's website."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from gql.ids import encode_id
from orm import models
from tests.conftest import execute
from tests.factories import make_category, make_expense, make_org, make_user, viewer_for
from tests.gql.expenses.conftest import World

CREATE = """
mutation($input: ExpenseCreateInput!) {
  expenseCreate(input: $input) {
    expense { merchant report { name expenses { totalCount nodes { merchant } } } }
    errors { field code }
  }
}
"""
CREATE_MANY = """
mutation($input: ExpensesCreateInput!) {
  expensesCreate(input: $input) {
    expenses { report { expenses { totalCount } } }
    errors { field code }
  }
}
"""
CUSTOMER_CREATE = """
mutation($input: CustomerCreateInput!) {
  customerCreate(input: $input) { customer { website } errors { field code } }
}
"""


def expense(world: World, merchant: str = "Lunch") -> dict[str, Any]:
    return {"date": date(2026, 11, 2).isoformat(), "categoryId": encode_id("Category", world.meals.id),
            "amount": "12.00", "merchant": merchant}  # fmt: skip


def new_report(*expense_ids: str) -> dict[str, Any]:
    return {"name": "November trip", "startDate": "2026-11-01", "endDate": "2026-11-30",
            "expenseIds": list(expense_ids)}  # fmt: skip


async def test_new_report_takes_the_given_unreported_expenses(world: World) -> None:
    earlier = await make_expense(world.alice, world.meals, merchant="Earlier taxi")
    variables = {"input": {"expense": expense(world),
                           "newReport": new_report(encode_id("Expense", earlier.id))}}  # fmt: skip
    result = await execute(CREATE, variables, viewer=viewer_for(world.alice))
    payload = result.data["expenseCreate"]
    assert payload["errors"] == []
    report = payload["expense"]["report"]
    assert report["expenses"]["totalCount"] == 2
    assert {n["merchant"] for n in report["expenses"]["nodes"]} == {"Lunch", "Earlier taxi"}
    await earlier.refresh_from_db()
    assert earlier.report_id is not None

    another = await make_expense(world.alice, world.meals, merchant="Another")
    many = await execute(
        CREATE_MANY,
        {"input": {"expenses": [expense(world, "A"), expense(world, "B")],
                   "newReport": new_report(encode_id("Expense", another.id))}},
        viewer=viewer_for(world.alice),
    )  # fmt: skip
    assert many.data["expensesCreate"]["errors"] == []
    assert many.data["expensesCreate"]["expenses"][0]["report"]["expenses"]["totalCount"] == 3


@pytest.mark.parametrize("whose", ["bob", "other-org", "garbage", "reported"])
async def test_new_report_refuses_ids_that_are_not_the_viewers_unreported_expenses(
    world: World, whose: str
) -> None:
    if whose == "bob":
        given = encode_id("Expense", (await make_expense(world.bob, world.meals)).id)
    elif whose == "other-org":
        other = await make_org(name="Globex")
        stranger = await make_user(other, email="x@globex.example")
        given = encode_id("Expense", (await make_expense(stranger, await make_category(other))).id)
    elif whose == "garbage":
        given = "not-an-id"
    else:
        first = await make_expense(world.alice, world.meals)
        moved = await execute(
            CREATE, {"input": {"expense": expense(world), "newReport": new_report(
                encode_id("Expense", first.id))}}, viewer=viewer_for(world.alice),
        )  # fmt: skip
        assert moved.data["expenseCreate"]["errors"] == []
        given = encode_id("Expense", first.id)
    before = await models.Expense.all().count(), await models.Report.all().count()
    result = await execute(
        CREATE, {"input": {"expense": expense(world), "newReport": new_report(given)}},
        viewer=viewer_for(world.alice),
    )  # fmt: skip
    errors = result.data["expenseCreate"]["errors"]
    assert [e["field"] for e in errors] == [["newReport", "expenseIds", "0"]]
    assert errors[0]["code"] in {"NOT_FOUND", "INVALID"}
    assert (await models.Expense.all().count(), await models.Report.all().count()) == before


@pytest.mark.parametrize(
    ("website", "stored"),
    [
        ("https://globex.example/about", "https://globex.example/about"),
        ("http://globex.example", "http://globex.example"),
        ("www.globex.example", "www.globex.example"),
        ("javascript:alert(1)", None),
        ("JavaScript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("file:///etc/passwd", None),
        ("https://", None),
    ],
)
async def test_customer_websites_are_http_addresses_or_host_names(
    world: World, website: str, stored: str | None
) -> None:
    result = await execute(
        CUSTOMER_CREATE, {"input": {"name": "Initech", "type": "BUSINESS", "website": website}},
        viewer=viewer_for(world.admin),
    )  # fmt: skip
    payload = result.data["customerCreate"]
    if stored is None:
        assert payload["errors"] == [{"field": ["website"], "code": "INVALID"}]
        assert not await models.Customer.filter(name="Initech").exists()
    else:
        assert payload["errors"] == []
        assert payload["customer"]["website"] == stored
