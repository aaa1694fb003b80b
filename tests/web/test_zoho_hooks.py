"""The CRM's callback endpoint is mounted in the app, outside the CSRF check, token-verified,
with its body bounded while it streams."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from starlette.applications import Starlette

from orm import models
from sync.realtime import hash_token
from tests.factories import make_org
from web.settings import Settings


async def test_unknown_token_403_known_token_204(app: Starlette, client: httpx.AsyncClient) -> None:
    org = await make_org()
    await models.Integration.create(org=org, state=models.IntegrationState.CONNECTED)
    await models.WatchChannel.create(
        org=org, channel_id="100000000000000001", token_hash=hash_token("right-token"),
        events=["Accounts.all"], expires_at=datetime.now(UTC) + timedelta(days=1),
    )  # fmt: skip
    payload = {"channel_id": "100000000000000001", "module": "Accounts", "token": "wrong"}
    refused = await client.post("/hooks/zoho/notify", json=payload)
    assert refused.status_code == 403
    assert refused.json() == {"error": "Unknown channel or wrong token."}
    accepted = await client.post("/hooks/zoho/notify", json=payload | {"token": "right-token"})
    assert accepted.status_code == 204
    assert not await models.SyncRun.exists()  # debounced: nothing ran yet


def test_public_base_url_and_callback_delay_from_the_environment(tmp_path: Path) -> None:
    env = {"SPENDSYNC_VAR_DIR": str(tmp_path), "PUBLIC_BASE_URL": " https://sync.example/ ",
           "SYNC_CALLBACK_DELAY_SECONDS": "2"}  # fmt: skip
    settings = Settings.from_env(env)
    assert settings.public_base_url == "https://sync.example"
    assert settings.sync_callback_delay_seconds == 2
    assert Settings.from_env({"SPENDSYNC_VAR_DIR": str(tmp_path)}).public_base_url == ""


async def test_an_oversized_callback_is_refused_while_it_streams(client: httpx.AsyncClient) -> None:
    chunk = b"x" * (1024 * 1024)
    sent = 0

    async def body() -> AsyncIterator[bytes]:
        nonlocal sent
        for _ in range(32):  # 32 MiB, no Content-Length (chunked)
            sent += 1
            yield chunk

    response = await client.post("/hooks/zoho/notify", content=body())
    assert response.status_code == 413
    assert "larger than" in response.json()["error"]
    assert sent <= 2  # refused once past 256 KiB, not after reading everything

    declared = await client.post(
        "/hooks/zoho/notify", content=b"{}", headers={"Content-Length": str(300 * 1024)}
    )
    assert declared.status_code == 413


async def test_callback_bodies_nested_deep_or_not_utf8_are_refused_not_500(
    client: httpx.AsyncClient,
) -> None:
    for body in (b"[" * 100_000 + b"]" * 100_000, b'{"channel_id": "\xff"}', b"\x00"):
        response = await client.post("/hooks/zoho/notify", content=body)
        assert response.status_code == 403
