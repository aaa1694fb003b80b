from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from gql.ids import encode_id
from orm import models
from resolvers.identity.tokens import authenticate_token, digest
from tests.conftest import dotted, execute
from tests.factories import make_org, make_user, viewer_for

pytestmark = pytest.mark.usefixtures("db")

API_TOKEN_CREATE = """
mutation Create($input: ApiTokenCreateInput!) {
  apiTokenCreate(input: $input) {
    token { id name prefix revokedAt user { email } }
    secret
    errors { field code message }
  }
}
"""
API_TOKEN_REVOKE = """
mutation Revoke($input: ApiTokenRevokeInput!) {
  apiTokenRevoke(input: $input) { token { id revokedAt } errors { field code } }
}
"""
API_TOKENS = """
query Tokens($includeRevoked: Boolean! = false) {
  apiTokens(includeRevoked: $includeRevoked) { totalCount nodes { name user { email } } }
}
"""


async def test_a_created_token_is_shown_once_and_stored_hashed() -> None:
    org = await make_org()
    user = await make_user(org, email="widget@acme.example")
    result = await execute(
        API_TOKEN_CREATE, {"input": {"name": "CRM widget"}}, viewer=viewer_for(user)
    )
    payload = result.data["apiTokenCreate"]
    assert payload["errors"] == []
    secret = payload["secret"]
    assert secret.startswith("sst_") and len(secret) > 40
    assert secret.startswith(payload["token"]["prefix"])
    assert payload["token"]["user"]["email"] == "widget@acme.example"
    stored = await models.ApiToken.get(name="CRM widget")
    assert stored.token_digest == digest(secret)
    assert secret not in (stored.token_digest, stored.prefix)
    viewer = await authenticate_token(secret)
    assert viewer is not None and viewer.user_id == user.id and viewer.api_token_id == stored.id


async def test_revoked_expired_and_inactive_tokens_stop_working() -> None:
    org = await make_org()
    admin = await make_user(org, role=models.UserRole.ADMIN)
    user = await make_user(org)
    created = await execute(API_TOKEN_CREATE, {"input": {"name": "t"}}, viewer=viewer_for(user))
    secret = created.data["apiTokenCreate"]["secret"]
    token_id = created.data["apiTokenCreate"]["token"]["id"]

    # an expired token
    later = datetime.now(UTC) + timedelta(days=400)
    await models.ApiToken.filter(name="t").update(expires_at=later - timedelta(days=1))
    assert await authenticate_token(secret, now=later) is None
    await models.ApiToken.filter(name="t").update(expires_at=None)

    # a deactivated user
    await models.User.filter(id=user.id).update(status=models.UserStatus.INACTIVE)
    assert await authenticate_token(secret) is None
    await models.User.filter(id=user.id).update(status=models.UserStatus.ACTIVE)
    assert await authenticate_token(secret) is not None

    # revoked by an admin of the same organisation
    revoked = await execute(API_TOKEN_REVOKE, {"input": {"id": token_id}}, viewer=viewer_for(admin))
    assert revoked.data["apiTokenRevoke"]["errors"] == []
    assert revoked.data["apiTokenRevoke"]["token"]["revokedAt"] is not None
    assert await authenticate_token(secret) is None
    again = await execute(API_TOKEN_REVOKE, {"input": {"id": token_id}}, viewer=viewer_for(admin))
    assert again.data["apiTokenRevoke"]["errors"][0]["code"] == "ALREADY_REVOKED"


async def test_a_submitter_sees_and_revokes_only_their_own_tokens() -> None:
    org = await make_org()
    alice = await make_user(org, email="alice@acme.example")
    bob = await make_user(org, email="bob@acme.example")
    await execute(API_TOKEN_CREATE, {"input": {"name": "alice"}}, viewer=viewer_for(alice))
    bobs = await execute(API_TOKEN_CREATE, {"input": {"name": "bob"}}, viewer=viewer_for(bob))
    listed = await execute(API_TOKENS, viewer=viewer_for(alice))
    assert listed.data["apiTokens"]["nodes"] == [
        {"name": "alice", "user": {"email": "alice@acme.example"}}
    ]
    attempt = await execute(
        API_TOKEN_REVOKE,
        {"input": {"id": bobs.data["apiTokenCreate"]["token"]["id"]}},
        viewer=viewer_for(alice),
    )
    assert attempt.data["apiTokenRevoke"]["errors"][0]["code"] == "NOT_FOUND"
    assert await models.ApiToken.filter(name="bob", revoked_at__isnull=True).exists()


@pytest.mark.parametrize(
    ("variables", "field", "code"),
    [
        ({"name": ""}, "name", "REQUIRED"),
        ({"name": "x" * 101}, "name", "TOO_LONG"),
        ({"name": "old", "expiresAt": "2001-01-01T00:00:00+00:00"}, "expiresAt", "INVALID"),
    ],
)
async def test_bad_token_input_writes_nothing(
    variables: dict[str, str], field: str, code: str
) -> None:
    user = await make_user(await make_org())
    result = await execute(API_TOKEN_CREATE, {"input": variables}, viewer=viewer_for(user))
    payload = result.data["apiTokenCreate"]
    assert (payload["token"], payload["secret"]) == (None, None)
    assert [(dotted(e["field"]), e["code"]) for e in payload["errors"]] == [(field, code)]
    assert await models.ApiToken.all().count() == 0


async def test_unknown_token_id_is_not_found() -> None:
    user = await make_user(await make_org())
    result = await execute(
        API_TOKEN_REVOKE, {"input": {"id": encode_id("ApiToken", 12345)}}, viewer=viewer_for(user)
    )
    assert result.data["apiTokenRevoke"]["errors"][0]["code"] == "NOT_FOUND"


async def test_own_lists_only_your_tokens_even_for_an_admin() -> None:
    org = await make_org()
    admin = await make_user(org, role=models.UserRole.ADMIN, email="ada@acme.example")
    user = await make_user(org, email="sam@acme.example")
    for who, name in ((admin, "admin's"), (user, "sam's")):
        await execute(API_TOKEN_CREATE, {"input": {"name": name}}, viewer=viewer_for(who))
    query = "query($own: Boolean!) { apiTokens(own: $own) { nodes { name } } }"
    every = await execute(query, {"own": False}, viewer=viewer_for(admin))
    assert {n["name"] for n in every.data["apiTokens"]["nodes"]} == {"admin's", "sam's"}
    own = await execute(query, {"own": True}, viewer=viewer_for(admin))
    assert [n["name"] for n in own.data["apiTokens"]["nodes"]] == ["admin's"]
