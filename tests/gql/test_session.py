from __future__ import annotations

import pytest

from gql.ids import encode_id
from orm import models
from tests.conftest import execute
from tests.factories import PASSWORD, make_org, make_user, viewer_for

pytestmark = pytest.mark.usefixtures("db")

SESSION_CREATE = """
mutation Login($input: SessionCreateInput!) {
  sessionCreate(input: $input) { user { email } errors { field code } }
}
"""
VIEWER = "{ viewer { email role organization { name } } }"


async def test_viewer_is_null_for_anonymous_and_the_user_otherwise() -> None:
    user = await make_user(await make_org(), email="me@acme.example")
    assert (await execute(VIEWER)).data == {"viewer": None}
    result = await execute(VIEWER, viewer=viewer_for(user))
    assert result.data["viewer"] == {
        "email": "me@acme.example", "role": "SUBMITTER", "organization": {"name": "Acme Sales"}
    }  # fmt: skip


async def test_anonymous_callers_get_unauthenticated_errors() -> None:
    result = await execute("{ users { totalCount } }")
    assert result.data is None
    assert result.errors[0].extensions["code"] == "UNAUTHENTICATED"


@pytest.mark.parametrize(
    ("email", "password", "code"),
    [
        ("me@acme.example", "wrong password!", "INVALID_CREDENTIALS"),
        ("nobody@acme.example", PASSWORD, "INVALID_CREDENTIALS"),
        ("nopass@acme.example", PASSWORD, "INVALID_CREDENTIALS"),
        ("gone@acme.example", PASSWORD, "USER_INACTIVE"),
    ],
)
async def test_login_failures(email: str, password: str, code: str) -> None:
    org = await make_org()
    await make_user(org, email="me@acme.example")
    await make_user(org, email="nopass@acme.example", password=None)
    await make_user(org, email="gone@acme.example", status=models.UserStatus.INACTIVE)
    result = await execute(SESSION_CREATE, {"input": {"email": email, "password": password}})
    assert result.data["sessionCreate"] == {"user": None, "errors": [{"field": None, "code": code}]}


async def test_login_with_an_address_in_two_organisations_needs_the_organisation() -> None:
    first = await make_org(name="First")
    second = await make_org(name="Second")
    await make_user(first, email="shared@acme.example")
    await make_user(second, email="shared@acme.example")
    variables = {"email": "Shared@Acme.example", "password": PASSWORD}
    ambiguous = await execute(SESSION_CREATE, {"input": variables})
    assert ambiguous.data["sessionCreate"]["errors"] == [
        {"field": ["organizationId"], "code": "ORGANIZATION_REQUIRED"}
    ]
    chosen = await execute(
        SESSION_CREATE,
        {"input": variables | {"organizationId": encode_id("Organization", second.id)}},
    )
    assert chosen.data["sessionCreate"] == {
        "user": {"email": "shared@acme.example"}, "errors": []
    }  # fmt: skip
    user = await models.User.get(org_id=second.id, email="shared@acme.example")
    assert user.last_login_at is not None
