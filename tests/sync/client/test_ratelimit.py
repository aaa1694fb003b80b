from __future__ import annotations

import asyncio
import json
from collections.abc import Callable

import httpx
import pytest

from sync.crm import CrmBudgetExceeded, FakeClock, LimiterRegistry, OrgLimiter, ZohoCrmClient
from sync.crm.ratelimit import CreditBudget
from tests.sync.client.conftest import CREDENTIALS, FakeZoho, reply

ORG = {"org": [{"id": "1", "company_name": "Acme"}]}


async def test_requests_in_flight_never_exceed_the_cap(
    make_client: Callable[..., ZohoCrmClient], zoho: FakeZoho
) -> None:
    limiter = OrgLimiter(max_in_flight=3)
    credentials = make_client().tokens._credentials
    active = {"now": 0, "peak": 0}

    async def slow(request: httpx.Request) -> httpx.Response:
        active["now"] += 1
        active["peak"] = max(active["peak"], active["now"])
        await asyncio.sleep(0.001)
        active["now"] -= 1
        return reply(200, ORG)

    async def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth/v2/token":
            return zoho(request)
        return await slow(request)

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        client = ZohoCrmClient(http, credentials, limiter=limiter)
        await asyncio.gather(*(client.get_org() for _ in range(20)))
    assert active["peak"] == 3
    assert limiter.peak_in_flight == 3
    assert limiter.in_flight == 0


async def test_credit_budget_stops_before_the_call(
    make_client: Callable[..., ZohoCrmClient], zoho: FakeZoho
) -> None:
    zoho.api = lambda request: reply(200, ORG)
    client = make_client(limiter=OrgLimiter(credit_limit=2))
    await client.get_org()
    await client.get_org()
    with pytest.raises(CrmBudgetExceeded):
        await client.get_org()
    assert len(zoho.requests) == 2


def test_credit_budget_window_rolls() -> None:
    clock = FakeClock()
    budget = CreditBudget(10, window=100.0, clock=clock)
    budget.spend(6)
    clock.advance(50)
    budget.spend(4)
    with pytest.raises(CrmBudgetExceeded):
        budget.spend(1)
    clock.advance(50)  # the first 6 credits leave the window
    budget.spend(6)
    assert budget.used == 10
    assert budget.remaining == 0


async def test_list_with_cvid_and_writes_cost_more_credits(
    make_client: Callable[..., ZohoCrmClient], zoho: FakeZoho
) -> None:
    limiter = OrgLimiter()

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "GET":
            return reply(204)
        n = len(json.loads(request.content)["data"])
        ok = {"code": "SUCCESS", "details": {"id": "1"}, "message": "ok", "status": "success"}
        return reply(201, {"data": [ok] * n})

    zoho.api = handler
    client = make_client(limiter=limiter)
    await client.get_page("Accounts", ["Account_Name"], cvid="42")
    assert limiter.budget.used == 3
    await client.insert("Accounts", [{"Account_Name": str(i)} for i in range(25)])
    assert limiter.budget.used == 3 + 3


def test_registry_shares_one_limiter_per_org() -> None:
    registry = LimiterRegistry(max_in_flight=4, credit_limit=100)
    assert registry.get("org-1") is registry.get("org-1")
    assert registry.get("org-1") is not registry.get("org-2")
    assert registry.get("org-2").max_in_flight == 4


def test_cap_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        OrgLimiter(max_in_flight=0)


async def test_heavy_writes_have_their_own_cap(zoho: FakeZoho) -> None:
    limiter = OrgLimiter(max_in_flight=5, max_heavy_in_flight=2)
    active = {"now": 0, "peak": 0}

    async def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth/v2/token":
            return zoho(request)
        active["now"] += 1
        active["peak"] = max(active["peak"], active["now"])
        await asyncio.sleep(0.001)
        active["now"] -= 1
        n = len(json.loads(request.content)["data"])
        ok = {"code": "SUCCESS", "details": {"id": "1"}, "message": "ok", "status": "success"}
        return reply(201, {"data": [ok] * n})

    async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
        client = ZohoCrmClient(http, CREDENTIALS, limiter=limiter)
        big = [{"Account_Name": str(i)} for i in range(11)]
        await asyncio.gather(*(client.insert("Accounts", big) for _ in range(6)))
        assert active["peak"] == 2
        active["peak"] = 0
        small = [{"Account_Name": "x"}]
        await asyncio.gather(*(client.insert("Accounts", small) for _ in range(12)))
        assert active["peak"] == 5
