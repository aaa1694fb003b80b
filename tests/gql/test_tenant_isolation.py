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
