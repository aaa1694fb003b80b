"""With organisation A's identity nothing of organisation B is readable or writable."""

from __future__ import annotations

import pytest

from gql.ids import encode_id
from orm import models
from tests.conftest import execute
from tests.factories import make_org, make_user, viewer_for

pytestmark = pytest.mark.usefixtures("db")


@pytest.fixture
async def tenants() -> dict[str, models.User]:
    org_a = await make_org(name="Org A")
    org_b = await make_org(name="Org B")
    return {
        "admin_a": await make_user(org_a, email="admin@a.example", role=models.UserRole.ADMIN),
        "admin_b": await make_user(org_b, email="admin@b.example", role=models.UserRole.ADMIN),
        "user_b": await make_user(org_b, email="user@b.example"),
    }


async def test_reads_never_cross_organisations(tenants: dict[str, models.User]) -> None:
    viewer_a = viewer_for(tenants["admin_a"])
    await execute(
        'mutation { apiTokenCreate(input: {name: "b"}) { errors { code } } }',
        viewer=viewer_for(tenants["admin_b"]),
    )
    users = await execute("{ users(first: 100) { totalCount nodes { email } } }", viewer=viewer_a)
    assert users.data["users"] == {"totalCount": 1, "nodes": [{"email": "admin@a.example"}]}
    one = await execute(
        "query($id: ID!) { user(id: $id) { email } }",
        {"id": encode_id("User", tenants["user_b"].id)},
        viewer=viewer_a,
    )
    assert one.data == {"user": None}
    searched = await execute(
        '{ users(filter: {search: "b.example"}) { totalCount } }', viewer=viewer_a
    )
    assert searched.data["users"]["totalCount"] == 0
    tokens = await execute("{ apiTokens { totalCount } }", viewer=viewer_a)
    assert tokens.data["apiTokens"]["totalCount"] == 0
    org = await execute("{ organization { name } }", viewer=viewer_a)
    assert org.data["organization"]["name"] == "Org A"


async def test_writes_never_cross_organisations(tenants: dict[str, models.User]) -> None:
    viewer_a = viewer_for(tenants["admin_a"])
    token = await execute(
        'mutation { apiTokenCreate(input: {name: "b"}) { token { id } } }',
        viewer=viewer_for(tenants["user_b"]),
    )
    target = encode_id("User", tenants["user_b"].id)
    attempts = [
        (
            "mutation($id: ID!) { userDeactivate(input: {id: $id}) { errors { code } } }",
            {"id": target},
        ),
        ('mutation($id: ID!) { userUpdate(input: {id: $id, name: "Hacked", role: ADMIN}) { errors { code } } }', {"id": target}),
        ("mutation($id: ID!) { apiTokenRevoke(input: {id: $id}) { errors { code } } }",
         {"id": token.data["apiTokenCreate"]["token"]["id"]}),
    ]  # fmt: skip
    for document, variables in attempts:
        result = await execute(document, variables, viewer=viewer_a)
        payload = next(iter(result.data.values()))
        assert payload["errors"] == [{"code": "NOT_FOUND"}]
    user_b = await models.User.get(id=tenants["user_b"].id)
    assert (user_b.name, user_b.role, user_b.status) == (
        tenants["user_b"].name, models.UserRole.SUBMITTER, models.UserStatus.ACTIVE
    )  # fmt: skip
    assert await models.ApiToken.filter(revoked_at__isnull=True).count() == 1
    renamed = await execute(
        'mutation { organizationUpdate(input: {name: "Renamed"}) { errors { code } } }',
        viewer=viewer_a,
    )
    assert renamed.data["organizationUpdate"]["errors"] == []
    assert (await models.Organization.get(id=tenants["admin_b"].org_id)).name == "Org B"


async def test_an_invite_lands_in_the_viewers_organisation_even_if_the_email_exists_elsewhere(
    tenants: dict[str, models.User],
) -> None:
    result = await execute(
        'mutation { userInvite(input: {email: "user@b.example", name: "Twin"}) '
        "{ errors { code } } }",
        viewer=viewer_for(tenants["admin_a"]),
    )
    assert result.data["userInvite"]["errors"] == []
    assert await models.User.filter(email="user@b.example").count() == 2


async def test_ids_beyond_the_primary_key_range_are_not_found_on_both_databases(
    tenants: dict[str, models.User],
) -> None:
    """A forged id with a pk above 2**31 - 1 answered INTERNAL_SERVER_ERROR on PostgreSQL
    (asyncpg refuses the parameter); it is refused where ids are decoded."""
    huge = encode_id("Customer", 3776862532316)
    viewer_a = viewer_for(tenants["admin_a"])
    category = await models.Category.create(org_id=tenants["admin_a"].org_id, name="Meals")
    created = await execute(
        "mutation($input: ExpensesCreateInput!) { expensesCreate(input: $input) "
        "{ errors { field code } } }",
        {"input": {"expenses": [{
            "date": "2026-01-15", "amount": "12.50", "currency": "USD", "merchant": "Cafe",
            "categoryId": encode_id("Category", category.id), "customerId": huge,
        }]}},
        viewer=viewer_a,
    )  # fmt: skip
    assert created.errors is None
    assert [e["code"] for e in created.data["expensesCreate"]["errors"]] == ["NOT_FOUND"]
    for document, variables in [
        ("query($id: ID!) { user(id: $id) { id } }", {"id": encode_id("User", 2**40)}),
        ("query($id: ID!) { expense(id: $id) { id } }", {"id": encode_id("Expense", 2**31)}),
        ("query($id: ID) { expenses(filter: {customerId: $id}) { totalCount } }", {"id": huge}),
    ]:
        result = await execute(document, variables, viewer=viewer_a)
        assert result.errors is None, result.errors
    assert await models.Expense.all().count() == 0
