"""A Bearer token that does not authenticate is refused with HTTP 401 and UNAUTHENTICATED on
every route that takes one; no Authorization header (or another scheme) stays anonymous."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest

from orm import models
from resolvers.identity.tokens import create_token
from tests.factories import make_user, viewer_for

VIEWER = {"query": "{ viewer { email } }"}
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200


async def token_of(user: models.User) -> str:
    created = await create_token(viewer_for(user), name="widget", expires_at=None)
    assert created.value is not None
    return created.value.secret


def assert_refused(response: httpx.Response) -> None:
    assert response.status_code == 401, response.text
    assert response.headers["www-authenticate"] == 'Bearer error="invalid_token"'
    error = response.json()["errors"][0]
    assert error["extensions"] == {"code": "UNAUTHENTICATED"}
    assert "invalid, expired or revoked" in error["message"]


async def requests_with(client: httpx.AsyncClient, header: str) -> list[httpx.Response]:
    """The same credentials on /graphql (POST and GET), a receipt upload and download, and
    an export."""
    headers = {"Authorization": header}
    return [
        await client.post("/graphql", json=VIEWER, headers=headers),
        await client.get("/graphql", params=VIEWER, headers=headers),
        await client.post("/receipts", files={"file": ("a.png", PNG, "image/png")},
                          headers=headers),
        await client.get("/receipts/UmVjZWlwdDox", headers=headers),
        await client.get("/exports/expenses.csv", headers=headers),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "header",
    ["Bearer sst_nope", "Bearer ", "Bearer not-even-our-prefix", "bearer sst_" + "x" * 200],
)
async def test_an_unknown_or_malformed_bearer_token_is_401(
    client: httpx.AsyncClient, admin: models.User, header: str
) -> None:
    for response in await requests_with(client, header):
        assert_refused(response)


async def test_expired_revoked_and_deactivated_tokens_are_401(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    org = await admin.org
    alice = await make_user(org, email="alice@acme.example")
    secret = await token_of(alice)
    header = f"Bearer {secret}"
    working = await client.post("/graphql", json=VIEWER, headers={"Authorization": header})
    assert working.json() == {"data": {"viewer": {"email": "alice@acme.example"}}}

    token = models.ApiToken.filter(user=alice)
    await token.update(expires_at=datetime.now(UTC) - timedelta(minutes=1))
    for response in await requests_with(client, header):
        assert_refused(response)

    await token.update(expires_at=None, revoked_at=datetime.now(UTC))
    for response in await requests_with(client, header):
        assert_refused(response)

    await token.update(revoked_at=None)
    await models.User.filter(id=alice.id).update(status=models.UserStatus.INACTIVE)
    assert_refused(await client.post("/graphql", json=VIEWER, headers={"Authorization": header}))

    await models.User.filter(id=alice.id).update(status=models.UserStatus.ACTIVE)
    again = await client.post("/graphql", json=VIEWER, headers={"Authorization": header})
    assert again.json() == {"data": {"viewer": {"email": "alice@acme.example"}}}


async def test_no_token_or_another_scheme_stays_anonymous(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    anonymous = await client.post("/graphql", json=VIEWER)
    assert anonymous.status_code == 200
    assert anonymous.json() == {"data": {"viewer": None}}
    # a proxy's Basic credentials are not ours to judge
    basic = await client.post("/graphql", json=VIEWER, headers={"Authorization": "Basic abc"})
    assert basic.status_code == 200
    assert basic.json() == {"data": {"viewer": None}}
    # the receipt and export routes answer anonymous callers 401 as before, without the
    # invalid-token challenge
    export = await client.get("/exports/expenses.csv")
    assert export.status_code == 401
    assert "www-authenticate" not in export.headers


async def test_a_refused_token_changes_nothing(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    mutation = {
        "query": 'mutation { userInvite(input: {email: "x@acme.example", name: "X"}) '
        "{ errors { code } } }"
    }
    refused = await client.post(
        "/graphql", json=mutation, headers={"Authorization": "Bearer sst_forged"}
    )
    assert_refused(refused)
    assert not await models.User.filter(email="x@acme.example").exists()
