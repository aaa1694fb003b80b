"""One boundary rule for text, the same on SQLite and PostgreSQL: NUL, lone surrogates, control
and bidirectional formatting characters are refused with INVALID and the value's path before
anything runs; cursors are range-checked; the sign-in's payload resolves like any other."""

from __future__ import annotations

import base64
from datetime import date
from typing import Any

import pytest

from gql.ids import encode_id
from gql.text import MAX_VALUE_DEPTH, MAX_VARIABLE_VALUES
from orm import models
from tests.conftest import execute
from tests.factories import PASSWORD, make_category, make_org, make_user, viewer_for

pytestmark = pytest.mark.usefixtures("db")

CATEGORY_CREATE = """
mutation($input: CategoryInput!) {
  categoryCreate(input: $input) { category { name } errors { field code } }
}
"""
EXPENSE_CREATE = """
mutation($input: ExpenseCreateInput!) {
  expenseCreate(input: $input) { expense { merchant description } errors { field code } }
}
"""
TOKEN_CREATE = """
mutation($input: ApiTokenCreateInput!) { apiTokenCreate(input: $input) { errors { code } } }
"""
SESSION_CREATE = """
mutation($input: SessionCreateInput!) {
  sessionCreate(input: $input) { user { email organization { id name } } errors { code } }
}
"""
CUSTOMERS = "query($s: String) { customers(filter: {search: $s}) { totalCount } }"


def refused(result: Any) -> tuple[str, str]:
    assert result.data is None, result.data
    (error,) = result.errors
    return error.extensions["code"], error.extensions["field"]


@pytest.mark.parametrize(
    "bad",
    ["Caf\x00e", "\ud800", "Evil\u202egpj.exe", "bell\x07", "esc\x1b[31m", "c1\x85", "iso\u2066x"],
)
async def test_bad_text_in_a_name_is_refused_and_nothing_is_stored(bad: str) -> None:
    admin = await make_user(await make_org(), role=models.UserRole.ADMIN)
    categories = await models.Category.all().count()
    result = await execute(CATEGORY_CREATE, {"input": {"name": bad}}, viewer=viewer_for(admin))
    assert refused(result) == ("INVALID", "input.name")
    assert await models.Category.all().count() == categories
    token = await execute(TOKEN_CREATE, {"input": {"name": bad}}, viewer=viewer_for(admin))
    assert refused(token) == ("INVALID", "input.name")
    assert await models.ApiToken.all().count() == 0


async def test_bad_text_in_expense_fields_lists_and_literals() -> None:
    org = await make_org()
    user = await make_user(org)
    category = await make_category(org)
    expense = {
        "date": date.today().isoformat(),
        "categoryId": encode_id("Category", category.id),
        "amount": "12.50",
        "merchant": "Caf\x00e",
    }
    result = await execute(EXPENSE_CREATE, {"input": {"expense": expense}}, viewer=viewer_for(user))
    assert refused(result) == ("INVALID", "input.expense.merchant")
    expense["merchant"] = "Café"
    expense["description"] = "Two lines\nand a\ttab are fine"
    accepted = await execute(
        EXPENSE_CREATE, {"input": {"expense": expense}}, viewer=viewer_for(user)
    )
    assert accepted.data["expenseCreate"]["errors"] == []
    assert (
        accepted.data["expenseCreate"]["expense"]["description"] == "Two lines and a tab are fine"
    )
    # a literal in the document is checked the same way, with the argument's path
    literal = 'mutation { categoryCreate(input: {name: "nul\\u0000"}) { errors { code } } }'
    admin = await make_user(org, email="admin@acme.example", role=models.UserRole.ADMIN)
    assert refused(await execute(literal, viewer=viewer_for(admin))) == ("INVALID", "input.name")
    assert await models.Expense.all().count() == 1


async def test_search_and_sign_in_refuse_nul_before_the_database_sees_it() -> None:
    user = await make_user(await make_org(), email="me@acme.example")
    search = await execute(CUSTOMERS, {"s": "a\x00b"}, viewer=viewer_for(user))
    assert refused(search) == ("INVALID", "s")
    sign_in = await execute(
        SESSION_CREATE, {"input": {"email": "me\x00@acme.example", "password": PASSWORD}}
    )
    assert refused(sign_in) == ("INVALID", "input.email")
    fine = await execute(CUSTOMERS, {"s": "acme"}, viewer=viewer_for(user))
    assert fine.errors is None


async def test_variables_are_bounded_in_depth_and_count_and_undeclared_ones_ignored() -> None:
    user = await make_user(await make_org())
    deep: object = "x"
    for _ in range(MAX_VALUE_DEPTH + 5):
        deep = [deep]
    nested = await execute(CUSTOMERS, {"s": deep}, viewer=viewer_for(user))
    code, field = refused(nested)
    assert (code, field.split(".")[0]) == ("INVALID", "s")
    assert "nested deeper" in nested.errors[0].message
    many = await execute(
        CUSTOMERS, {"s": ["x"] * (MAX_VARIABLE_VALUES + 1)}, viewer=viewer_for(user)
    )
    assert refused(many)[0] == "INVALID"
    assert "more than" in many.errors[0].message
    # a variable the document does not declare is ignored by GraphQL, and not walked
    ignored = await execute(
        CUSTOMERS, {"s": "acme", "junk": ["\x00"] * 50_000}, viewer=viewer_for(user)
    )
    assert ignored.errors is None


async def test_sign_in_payload_resolves_the_users_organization() -> None:
    org = await make_org(name="Acme Sales")
    await make_user(org, email="me@acme.example")
    result = await execute(
        SESSION_CREATE, {"input": {"email": "me@acme.example", "password": PASSWORD}}
    )
    assert result.errors is None
    payload = result.data["sessionCreate"]
    assert payload["errors"] == []
    assert payload["user"]["organization"] == {
        "id": encode_id("Organization", org.id), "name": "Acme Sales"
    }  # fmt: skip


@pytest.mark.parametrize(
    "offset", ["9" * 30, "18446744073709551615", "9223372036854775807", "1000000000", "-1", "1"]
)
async def test_offset_cursors_of_the_earlier_shape_are_bad_cursors(offset: str) -> None:
    user = await make_user(await make_org())
    cursor = base64.urlsafe_b64encode(f"offset:{offset}".encode()).decode()
    result = await execute(
        "query($a: String) { users(after: $a) { totalCount nodes { email } } }",
        {"a": cursor},
        viewer=viewer_for(user),
    )
    assert result.data is None
    assert result.errors[0].extensions["code"] == "BAD_CURSOR"
