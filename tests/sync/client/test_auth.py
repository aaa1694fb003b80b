from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qs

import httpx
import pytest

from sync.crm import (
    DATA_CENTRES,
    CrmAuthError,
    CrmRateLimited,
    FakeClock,
    RetryPolicy,
    ZohoCrmClient,
)
from tests.sync.client.conftest import (
    ACCESS_TOKEN,
    CLIENT_SECRET,
    REFRESH_TOKEN,
    FakeZoho,
    reply,
)

ORG = {"org": [{"id": "1", "company_name": "Acme", "mc_status": False}]}


@pytest.mark.parametrize(
    ("dc", "accounts", "api"),
    [
        ("US", "accounts.zoho.com", "www.zohoapis.com"),
        ("EU", "accounts.zoho.eu", "www.zohoapis.eu"),
        ("IN", "accounts.zoho.in", "www.zohoapis.in"),
        ("AU", "accounts.zoho.com.au", "www.zohoapis.com.au"),
        ("JP", "accounts.zoho.jp", "www.zohoapis.jp"),
        ("CN", "accounts.zoho.com.cn", "www.zohoapis.com.cn"),
        ("CA", "accounts.zohocloud.ca", "www.zohoapis.ca"),
        ("SA", "accounts.zoho.sa", "www.zohoapis.sa"),
    ],
)
async def test_data_centre_picks_accounts_server_and_api_domain_is_used(
    dc: str, accounts: str, api: str, make_client: Callable[..., ZohoCrmClient], zoho: FakeZoho
) -> None:
    # given a token endpoint that answers with the DC's api_domain
    zoho.token_answers.append(
        reply(200, {"access_token": "t", "api_domain": f"https://{api}", "expires_in": 3600})
    )
    zoho.api = lambda request: reply(200, ORG)
    # when
    await make_client(data_centre=dc).get_org()
    # then
    assert zoho.token_requests[0].url.host == accounts
    assert zoho.requests[0].url.host == api
    assert zoho.requests[0].url.path == "/crm/v8/org"
    assert set(DATA_CENTRES) == {"US", "EU", "IN", "AU", "JP", "CN", "CA", "SA"}


def test_unknown_data_centre_is_refused(make_client: Callable[..., ZohoCrmClient]) -> None:
    with pytest.raises(ValueError, match="unknown Zoho data centre"):
        make_client(data_centre="MARS")


async def test_refresh_grant_posts_form_and_sends_zoho_oauthtoken_header(
    client: ZohoCrmClient, zoho: FakeZoho
) -> None:
    zoho.api = lambda request: reply(200, ORG)
    await client.get_org()
    form = parse_qs(zoho.token_requests[0].content.decode())
    assert form == {
        "grant_type": ["refresh_token"],
        "client_id": ["1000.CLIENTID"],
        "client_secret": [CLIENT_SECRET],
        "refresh_token": [REFRESH_TOKEN],
    }
    assert zoho.requests[0].headers["Authorization"] == f"Zoho-oauthtoken {ACCESS_TOKEN}-1"


async def test_explicit_urls_and_api_version(
    make_client: Callable[..., ZohoCrmClient], zoho: FakeZoho
) -> None:
    zoho.api = lambda request: reply(200, ORG)
    client = make_client(
        accounts_url="http://sim.local/", api_url="http://api.sim.local", api_version="v7"
    )
    await client.get_org()
    assert str(zoho.token_requests[0].url) == "http://sim.local/oauth/v2/token"
    assert str(zoho.requests[0].url) == "http://api.sim.local/crm/v7/org"


@pytest.mark.parametrize("error", ["invalid_code", "invalid_client", "invalid_grant"])
async def test_token_endpoint_200_with_error_is_an_auth_error(
    error: str, client: ZohoCrmClient, zoho: FakeZoho
) -> None:
    zoho.token_answers.append(reply(200, {"error": error}))
    with pytest.raises(CrmAuthError) as info:
        await client.get_org()
    assert info.value.code == error
    assert zoho.requests == []


async def test_token_endpoint_throttle_is_retried_after_backoff(
    client: ZohoCrmClient, zoho: FakeZoho, clock: FakeClock
) -> None:
    throttled = {
        "error": "Access Denied",
        "error_description": "You have made too many requests continuously.",
        "status": "failure",
    }
    zoho.token_answers.extend([reply(200, throttled), reply(400, throttled)])
    zoho.api = lambda request: reply(200, ORG)
    await client.get_org()
    assert len(zoho.token_requests) == 3
    assert len(clock.sleeps) == 2


async def test_token_throttle_gives_up_as_rate_limited(
    make_client: Callable[..., ZohoCrmClient], zoho: FakeZoho
) -> None:
    client = make_client(retry=RetryPolicy(max_attempts=2))
    zoho.token_answers.extend([reply(200, {"error": "Access Denied"})] * 2)
    with pytest.raises(CrmRateLimited):
        await client.get_org()


async def test_access_token_cached_until_shortly_before_expiry(
    client: ZohoCrmClient, zoho: FakeZoho, clock: FakeClock
) -> None:
    zoho.api = lambda request: reply(200, ORG)
    await client.get_org()
    clock.advance(3600 - 61)
    await client.get_org()
    assert len(zoho.token_requests) == 1
    clock.advance(2)  # now inside the 60 s margin
    await client.get_org()
    assert len(zoho.token_requests) == 2
    assert zoho.requests[-1].headers["Authorization"].endswith("-2")


async def test_legacy_expires_in_sec(
    client: ZohoCrmClient, zoho: FakeZoho, clock: FakeClock
) -> None:
    zoho.token_answers.append(
        reply(
            200,
            {
                "access_token": "a",
                "api_domain": "https://www.zohoapis.com",
                "expires_in": 3600000,
                "expires_in_sec": 3600,
            },
        )
    )
    zoho.api = lambda request: reply(200, ORG)
    await client.get_org()
    clock.advance(3600)
    await client.get_org()
    assert len(zoho.token_requests) == 2


async def test_invalid_token_refreshes_once_and_retries_once(
    client: ZohoCrmClient, zoho: FakeZoho
) -> None:
    invalid = {
        "code": "INVALID_TOKEN",
        "details": {},
        "message": "invalid oauth token",
        "status": "error",
    }
    answers = [reply(401, invalid), reply(200, ORG)]
    zoho.api = lambda request: answers.pop(0)
    org = await client.get_org()
    assert org.company_name == "Acme"
    assert len(zoho.token_requests) == 2
    assert [r.headers["Authorization"][-2:] for r in zoho.requests] == ["-1", "-2"]


async def test_invalid_token_twice_is_fatal(client: ZohoCrmClient, zoho: FakeZoho) -> None:
    invalid = {
        "code": "INVALID_TOKEN",
        "details": {},
        "message": "invalid oauth token",
        "status": "error",
    }
    zoho.api = lambda request: reply(401, invalid)
    with pytest.raises(CrmAuthError) as info:
        await client.get_org()
    assert info.value.code == "INVALID_TOKEN"
    assert len(zoho.requests) == 2
    assert len(zoho.token_requests) == 2


async def test_concurrent_calls_share_one_refresh(client: ZohoCrmClient, zoho: FakeZoho) -> None:
    import asyncio

    zoho.api = lambda request: reply(200, ORG)
    await asyncio.gather(*(client.get_org() for _ in range(10)))
    assert len(zoho.token_requests) == 1


async def test_token_request_timeout_is_retried(
    client: ZohoCrmClient, zoho: FakeZoho, clock: FakeClock
) -> None:
    calls = {"n": 0}
    original = zoho.__call__

    def flaky(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth/v2/token" and calls["n"] == 0:
            calls["n"] += 1
            raise httpx.ReadTimeout("slow", request=request)
        return original(request)

    zoho.api = lambda request: reply(200, ORG)
    async with httpx.AsyncClient(transport=httpx.MockTransport(flaky)) as http:
        c = ZohoCrmClient(http, client.tokens._credentials, clock=clock)
        await c.get_org()
    assert len(clock.sleeps) == 1
