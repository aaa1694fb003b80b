"""/readyz: the database answers and every migration is applied; /healthz stays liveness."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from tortoise import connections


async def test_readyz_is_ready_on_a_migrated_database(client: httpx.AsyncClient) -> None:
    response = await client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready"}


async def test_readyz_names_a_pending_migration(client: httpx.AsyncClient) -> None:
    db = connections.get("default")
    rows = await db.execute_query_dict("SELECT version FROM aerich ORDER BY id DESC LIMIT 1")
    last = str(rows[0]["version"])
    await db.execute_query("DELETE FROM aerich WHERE version = ?", [last])
    response = await client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert last.removesuffix(".py") in response.json()["reason"]
    assert (await client.get("/healthz")).status_code == 200  # alive, only not ready


async def test_readyz_answers_503_when_the_database_cannot_be_reached(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = connections.get("default")

    async def refused(*args: Any, **kwargs: Any) -> Any:
        raise ConnectionRefusedError("connection refused")

    monkeypatch.setattr(type(db), "execute_query_dict", refused)
    response = await client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "reason": "the database does not answer",
    }


async def test_requests_answer_503_while_the_database_cannot_be_reached(
    client: httpx.AsyncClient, admin: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A lost database answered a bare 500 "Internal Server Error" on /graphql (the bearer
    token or session could not be looked up) and INTERNAL_SERVER_ERROR inside GraphQL: it is
    a 503 SERVICE_UNAVAILABLE with Retry-After, and pages get the layout's 503 page."""
    from tortoise.exceptions import DBConnectionError

    from tests.web.conftest import sign_in

    csrf = await sign_in(client, admin.email)
    db = connections.get("default")

    async def lost(*args: Any, **kwargs: Any) -> Any:
        raise DBConnectionError("connection refused")

    for method in ("execute_query", "execute_query_dict"):
        monkeypatch.setattr(type(db), method, lost)
    query = {"query": "{ viewer { email } expenses(first: 5) { totalCount } }"}
    response = await client.post("/graphql", json=query, headers={"X-CSRF-Token": csrf})
    assert response.status_code == 503, response.text
    assert response.headers["retry-after"] == "5"
    [error] = response.json()["errors"]
    assert error["extensions"]["code"] == "SERVICE_UNAVAILABLE"
    assert "Traceback" not in response.text
    page = await client.get("/", headers={"Accept": "text/html"})
    assert page.status_code == 503
    assert "Not available right now" in page.text


async def test_a_lost_connection_inside_a_resolver_is_service_unavailable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Once the viewer is known, a connection lost in a resolver is reported as such, not
    masked as a bug."""
    from graphql import GraphQLError
    from tortoise.exceptions import OperationalError

    from gql.errors import MaskUnexpectedErrors

    cause = ConnectionResetError("connection reset by peer")
    wrapped = OperationalError("the connection was closed")
    wrapped.__cause__ = cause
    masker = MaskUnexpectedErrors()
    masker.execution_context = None  # type: ignore[assignment]  # outside a request
    unavailable = masker.anonymise_error(GraphQLError("x", original_error=wrapped))
    assert unavailable.extensions == {"code": "SERVICE_UNAVAILABLE", "requestId": None}
    bug = masker.anonymise_error(GraphQLError("x", original_error=KeyError("y")))
    assert bug.extensions is not None and bug.extensions["code"] == "INTERNAL_SERVER_ERROR"
