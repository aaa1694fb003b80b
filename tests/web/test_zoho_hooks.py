"""The CRM's callback endpoint is mounted in the app, outside the CSRF check, token-verified."""

from __future__ import annotations

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
