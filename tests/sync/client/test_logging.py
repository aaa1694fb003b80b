from __future__ import annotations

import logging

import httpx
import pytest

from sync.crm import CrmAuthError, ZohoCrmClient
from sync.crm.auth import AccessToken
from tests.sync.client.conftest import (
    ACCESS_TOKEN,
    CLIENT_SECRET,
    CREDENTIALS,
    REFRESH_TOKEN,
    FakeZoho,
    reply,
)


async def test_no_secret_in_any_log_line(
    client: ZohoCrmClient, zoho: FakeZoho, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    answers = [
        reply(
            401,
            {
                "code": "INVALID_TOKEN",
                "details": {},
                "message": "invalid oauth token",
                "status": "error",
            },
        ),
        reply(429, {"code": "TOO_MANY_REQUESTS", "details": {}, "message": "x", "status": "error"}),
        reply(200, {"org": [{"id": "1"}]}),
    ]
    zoho.api = lambda request: answers.pop(0)
    await client.get_org()
    zoho.token_answers.append(reply(200, {"error": "invalid_code"}))
    client.tokens.invalidate()
    with pytest.raises(CrmAuthError):
        await client.get_org()
    text = caplog.text + "".join(repr(r.args) for r in caplog.records)
    assert "refreshing once" in text and "retry" in text  # the lines we expect are there
    for secret in (CLIENT_SECRET, REFRESH_TOKEN, ACCESS_TOKEN):
        assert secret not in text
    assert CLIENT_SECRET not in repr(CREDENTIALS) and REFRESH_TOKEN not in repr(CREDENTIALS)
    assert ACCESS_TOKEN not in repr(AccessToken(ACCESS_TOKEN, "https://x", 0.0))


async def test_httpx_logs_do_not_carry_the_grant(
    zoho: FakeZoho, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    zoho.api = lambda request: reply(200, {"org": [{"id": "1"}]})
    async with httpx.AsyncClient(transport=httpx.MockTransport(zoho)) as http:
        await ZohoCrmClient(http, CREDENTIALS).get_org()
    assert CLIENT_SECRET not in caplog.text and REFRESH_TOKEN not in caplog.text
