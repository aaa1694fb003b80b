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
