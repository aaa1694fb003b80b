from __future__ import annotations

import pytest

from gql.ids import encode_id
from orm import models
from tests.conftest import dotted, execute
from tests.factories import make_org, make_user, viewer_for

pytestmark = pytest.mark.usefixtures("db")

USER_INVITE = """
mutation Invite($input: UserInviteInput!) {
  userInvite(input: $input) {
    user { id email name role status hasPassword organization { name } }
    errors { field message code }
  }
}
"""
USER_UPDATE = """
mutation Update($input: UserUpdateInput!) {
  userUpdate(input: $input) { user { id name role } errors { field code message } }
}
"""
USER_DEACTIVATE = """
mutation Deactivate($input: UserStatusInput!) {
  userDeactivate(input: $input) { user { id status } errors { field code message } }
}
"""
USER_REACTIVATE = """
mutation Reactivate($input: UserStatusInput!) {
  userReactivate(input: $input) { user { id status } errors { field code message } }
}
"""
USERS = """
query Users($first: Int, $after: String, $filter: UserFilter) {
  users(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    nodes { email role status }
  }
}
"""


async def _admin() -> models.User:
    org = await make_org(active_user_limit=5)
    return await make_user(org, email="boss@acme.example", name="Boss", role=models.UserRole.ADMIN)


async def test_invite_creates_an_active_user_in_the_admins_organisation() -> None:
    # given
    admin = await _admin()
    # when
    result = await execute(
        USER_INVITE,
        {"input": {"email": "New.Person@Acme.EXAMPLE", "name": "  New   Person ",
                   "role": "APPROVER", "password": "a long enough secret"}},
        viewer=viewer_for(admin),
    )  # fmt: skip
    # then
    assert result.errors is None
    payload = result.data["userInvite"]
    assert payload["errors"] == []
    assert payload["user"]["email"] == "new.person@acme.example"
    assert payload["user"]["name"] == "New Person"
    assert payload["user"]["role"] == "APPROVER"
    assert payload["user"]["status"] == "ACTIVE"
    assert payload["user"]["hasPassword"] is True
    assert payload["user"]["organization"]["name"] == "Acme Sales"
    stored = await models.User.get(email="new.person@acme.example")
    assert stored.org_id == admin.org_id
    assert stored.password_hash and stored.password_hash.startswith("$argon2")


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"email": "not-an-address"}, "email", "INVALID_EMAIL"),
        ({"email": "boss@acme.example"}, "email", "UNIQUE"),
        ({"email": "BOSS@acme.example"}, "email", "UNIQUE"),
        ({"password": "short"}, "password", "PASSWORD_TOO_WEAK"),
        ({"password": "password123"}, "password", "PASSWORD_TOO_WEAK"),
        ({"password": "aaaaaaaaaaaaaa"}, "password", "PASSWORD_TOO_WEAK"),
        ({"name": "   "}, "name", "REQUIRED"),
        ({"name": "x" * 201}, "name", "TOO_LONG"),
    ],
)
async def test_invite_rejects_bad_input_and_writes_nothing(
    overrides: dict[str, str], field: str, code: str
) -> None:
    admin = await _admin()
    before = await models.User.all().count()
    variables = {"email": "fresh@acme.example", "name": "Fresh", "role": "SUBMITTER"} | overrides
    result = await execute(USER_INVITE, {"input": variables}, viewer=viewer_for(admin))
    assert result.errors is None
    payload = result.data["userInvite"]
    assert payload["user"] is None
    assert {(dotted(e["field"]), e["code"]) for e in payload["errors"]} == {(field, code)}
    assert await models.User.all().count() == before


async def test_unknown_role_is_rejected_before_execution() -> None:
    admin = await _admin()
    before = await models.User.all().count()
    result = await execute(
        USER_INVITE,
        {"input": {"email": "x@acme.example", "name": "X", "role": "OWNER"}},
        viewer=viewer_for(admin),
    )
    assert result.data is None
    assert result.errors[0].extensions["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert "OWNER" in result.errors[0].message
    assert await models.User.all().count() == before


async def test_invite_is_refused_when_the_plan_limit_is_reached() -> None:
    org = await make_org(active_user_limit=2)
    admin = await make_user(org, role=models.UserRole.ADMIN)
    await make_user(org)
    await make_user(org, status=models.UserStatus.INACTIVE)  # inactive users do not count
    result = await execute(
        USER_INVITE,
        {"input": {"email": "third@acme.example", "name": "Third"}},
        viewer=viewer_for(admin),
    )
    assert result.data["userInvite"]["errors"][0]["code"] == "USER_LIMIT_REACHED"
    assert not await models.User.filter(email="third@acme.example").exists()


async def test_deactivating_or_demoting_the_last_admin_is_refused() -> None:
    admin = await _admin()
    admin_id = encode_id("User", admin.id)
    for document, variables in (
        (USER_DEACTIVATE, {"id": admin_id}),
        (USER_UPDATE, {"id": admin_id, "role": "SUBMITTER"}),
    ):
        result = await execute(document, {"input": variables}, viewer=viewer_for(admin))
        payload = next(iter(result.data.values()))
        assert payload["user"] is None
        assert payload["errors"][0]["code"] == "LAST_ADMIN"
    await admin.refresh_from_db()
    assert admin.role is models.UserRole.ADMIN
    assert admin.status is models.UserStatus.ACTIVE


async def test_an_admin_can_be_deactivated_while_another_remains() -> None:
    admin = await _admin()
    second = await make_user(await admin.org, role=models.UserRole.ADMIN)
    result = await execute(
        USER_DEACTIVATE, {"input": {"id": encode_id("User", second.id)}}, viewer=viewer_for(admin)
    )
    assert result.data["userDeactivate"] == {
        "user": {"id": encode_id("User", second.id), "status": "INACTIVE"},
        "errors": [],
    }
    await second.refresh_from_db()
    assert second.status is models.UserStatus.INACTIVE


async def test_reactivation_counts_against_the_plan_limit() -> None:
    org = await make_org(active_user_limit=2)
    admin = await make_user(org, role=models.UserRole.ADMIN)
    await make_user(org)
    dormant = await make_user(org, status=models.UserStatus.INACTIVE)
    result = await execute(
        USER_REACTIVATE, {"input": {"id": encode_id("User", dormant.id)}}, viewer=viewer_for(admin)
    )
    assert result.data["userReactivate"]["errors"][0]["code"] == "USER_LIMIT_REACHED"
    await dormant.refresh_from_db()
    assert dormant.status is models.UserStatus.INACTIVE


async def test_update_changes_name_and_role() -> None:
    admin = await _admin()
    user = await make_user(await admin.org, name="Old")
    result = await execute(
        USER_UPDATE,
        {"input": {"id": encode_id("User", user.id), "name": "New Name", "role": "APPROVER"}},
        viewer=viewer_for(admin),
    )
    assert result.data["userUpdate"]["errors"] == []
    await user.refresh_from_db()
    assert (user.name, user.role) == ("New Name", models.UserRole.APPROVER)


async def test_unknown_or_malformed_ids_are_not_found() -> None:
    admin = await _admin()
    for bad_id in (encode_id("User", 999_999), encode_id("ApiToken", admin.id), "%%%", "VXNlcjo="):
        result = await execute(USER_DEACTIVATE, {"input": {"id": bad_id}}, viewer=viewer_for(admin))
        assert result.data["userDeactivate"]["errors"][0]["code"] == "NOT_FOUND"


async def test_only_admins_manage_users() -> None:
    admin = await _admin()
    submitter = await make_user(await admin.org)
    result = await execute(
        USER_INVITE,
        {"input": {"email": "x@acme.example", "name": "X"}},
        viewer=viewer_for(submitter),
    )
    assert result.data is None
    assert result.errors[0].extensions["code"] == "FORBIDDEN"
    assert not await models.User.filter(email="x@acme.example").exists()


async def test_users_are_filtered_and_paged() -> None:
    admin = await _admin()
    org = await admin.org
    for index in range(5):
        await make_user(org, email=f"approver{index}@acme.example", name=f"Approver {index}",
                        role=models.UserRole.APPROVER)  # fmt: skip
    await make_user(org, email="gone@acme.example", status=models.UserStatus.INACTIVE)
    viewer = viewer_for(admin)

    first = await execute(USERS, {"first": 3, "filter": {"role": "APPROVER"}}, viewer=viewer)
    page = first.data["users"]
    assert page["totalCount"] == 5
    assert [n["email"] for n in page["nodes"]] == [f"approver{i}@acme.example" for i in range(3)]
    assert page["pageInfo"]["hasNextPage"] is True

    second = await execute(
        USERS,
        {"first": 3, "after": page["pageInfo"]["endCursor"], "filter": {"role": "APPROVER"}},
        viewer=viewer,
    )
    rest = second.data["users"]
    assert [n["email"] for n in rest["nodes"]] == [
        "approver3@acme.example",
        "approver4@acme.example",
    ]
    assert rest["pageInfo"] == {
        "hasNextPage": False, "hasPreviousPage": True, "endCursor": rest["pageInfo"]["endCursor"]
    }  # fmt: skip

    searched = await execute(
        USERS, {"filter": {"search": "GONE", "status": "INACTIVE"}}, viewer=viewer
    )
    assert [n["email"] for n in searched.data["users"]["nodes"]] == ["gone@acme.example"]


@pytest.mark.parametrize("first", [101, -1])
async def test_page_size_is_capped(first: int) -> None:
    admin = await _admin()
    result = await execute(USERS, {"first": first}, viewer=viewer_for(admin))
    assert result.errors[0].extensions["code"] == "PAGE_SIZE_OUT_OF_RANGE"


async def test_a_bad_cursor_is_a_clear_error() -> None:
    admin = await _admin()
    result = await execute(USERS, {"after": "bm9wZQ=="}, viewer=viewer_for(admin))
    assert result.errors[0].extensions["code"] == "BAD_CURSOR"
