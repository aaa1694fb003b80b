from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime

import httpx
import pytest

from sync.crm import (
    CrmRateLimited,
    CrmTransportError,
    CrmUnavailable,
    CrmValidationError,
    FakeClock,
    RetryPolicy,
    ZohoCrmClient,
)
from sync.crm.retry import parse_retry_after
from tests.sync.client.conftest import FakeZoho, reply

ORG = {"org": [{"id": "1", "company_name": "Acme"}]}
BUSY = {"code": "TOO_MANY_REQUESTS", "details": {}, "message": "too many", "status": "error"}


class FixedRandom:
    def __init__(self, value: float) -> None:
        self.value = value

    def random(self) -> float:
        return self.value


def failing_then_ok(failures: list[httpx.Response]) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        return failures.pop(0) if failures else reply(200, ORG)

    return handler


def test_full_jitter_bounds_and_cap() -> None:
    policy = RetryPolicy(base=1.0, cap=60.0)
    assert [policy.ceiling(n) for n in range(1, 9)] == [1, 2, 4, 8, 16, 32, 60, 60]
    rng = random.Random(3)
    for attempt in range(1, 12):
        for _ in range(50):
            delay = policy.delay(attempt, None, rng)
            assert 0.0 <= delay <= policy.ceiling(attempt)
    assert policy.delay(10, None, FixedRandom(0.999999)) < 60.0
    assert policy.delay(3, None, FixedRandom(0.5)) == 2.0


def test_retry_after_wins_over_jitter() -> None:
    assert RetryPolicy().delay(1, 7.0, FixedRandom(0.0)) == 7.0


def test_parse_retry_after() -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert parse_retry_after("5") == 5.0
    assert parse_retry_after(" 2.5 ") == 2.5
    assert parse_retry_after("Thu, 01 Jan 2026 00:00:30 GMT", now=now) == 30.0
    assert parse_retry_after("garbage") is None
    assert parse_retry_after(None) is None


async def test_computed_sleeps_follow_the_policy(
    make_client: Callable[..., ZohoCrmClient], zoho: FakeZoho, clock: FakeClock
) -> None:
    # given: four 503s, then success; jitter source fixed at 0.5
    zoho.api = failing_then_ok([reply(503)] * 4)
    client = make_client(rng=FixedRandom(0.5), retry=RetryPolicy(max_attempts=8, base=1, cap=4))
    # when
    await client.get_org()
    # then: 0.5 * min(4, 1, 2, 4, 8)
    assert clock.sleeps == [0.5, 1.0, 2.0, 2.0]
    assert len(zoho.requests) == 5


async def test_retry_after_header_is_honoured(
    client: ZohoCrmClient, zoho: FakeZoho, clock: FakeClock
) -> None:
    zoho.api = failing_then_ok(
        [reply(429, BUSY, {"Retry-After": "17"}), reply(429, BUSY, {"Retry-After": "3"})]
    )
    await client.get_org()
    assert clock.sleeps == [17.0, 3.0]


async def test_gives_up_after_max_attempts(
    make_client: Callable[..., ZohoCrmClient], zoho: FakeZoho, clock: FakeClock
) -> None:
    zoho.api = lambda request: reply(429, BUSY)
    client = make_client(retry=RetryPolicy(max_attempts=3))
    with pytest.raises(CrmRateLimited):
        await client.get_org()
    assert len(zoho.requests) == 3
    assert len(clock.sleeps) == 2


async def test_gives_up_when_total_wait_would_pass_the_limit(
    make_client: Callable[..., ZohoCrmClient], zoho: FakeZoho, clock: FakeClock
) -> None:
    zoho.api = lambda request: reply(429, BUSY, {"Retry-After": "400"})
    client = make_client(retry=RetryPolicy(max_attempts=8, max_total_wait=600))
    with pytest.raises(CrmRateLimited):
        await client.get_org()
    assert clock.sleeps == [400.0]


async def test_fatal_errors_are_not_retried(
    client: ZohoCrmClient, zoho: FakeZoho, clock: FakeClock
) -> None:
    zoho.api = lambda request: reply(
        400, {"code": "INVALID_DATA", "details": {}, "message": "bad", "status": "error"}
    )
    with pytest.raises(CrmValidationError):
        await client.get_org()
    assert len(zoho.requests) == 1
    assert clock.sleeps == []


async def test_timeouts_and_broken_bodies_are_retried(
    client: ZohoCrmClient, zoho: FakeZoho, clock: FakeClock
) -> None:
    state = {"n": 0}

    def handler(request: httpx.Request) -> httpx.Response:
        state["n"] += 1
        if state["n"] == 1:
            raise httpx.ReadTimeout("slow", request=request)
        if state["n"] == 2:
            raise httpx.RemoteProtocolError("dropped", request=request)
        if state["n"] == 3:
            return httpx.Response(200, content=b'{"org": [')
        return reply(200, ORG)

    zoho.api = handler
    assert (await client.get_org()).id == "1"
    assert len(clock.sleeps) == 3


async def test_every_request_carries_an_explicit_timeout(
    make_client: Callable[..., ZohoCrmClient], zoho: FakeZoho
) -> None:
    zoho.api = lambda request: reply(200, ORG)
    await make_client(timeout=httpx.Timeout(4.0)).get_org()
    for request in [*zoho.token_requests, *zoho.requests]:
        assert request.extensions["timeout"] == httpx.Timeout(4.0).as_dict()


async def test_inserts_are_not_retried_after_a_server_error(
    client: ZohoCrmClient, zoho: FakeZoho, clock: FakeClock
) -> None:
    zoho.api = lambda request: reply(
        500, {"code": "INTERNAL_ERROR", "details": {}, "message": "x", "status": "error"}
    )
    with pytest.raises(CrmUnavailable):
        await client.insert("Accounts", [{"Account_Name": "A"}])
    assert len(zoho.requests) == 1


async def test_inserts_are_retried_after_429_and_connect_errors(
    client: ZohoCrmClient, zoho: FakeZoho, clock: FakeClock
) -> None:
    state = {"n": 0}

    def handler(request: httpx.Request) -> httpx.Response:
        state["n"] += 1
        if state["n"] == 1:
            return reply(429, BUSY)
        if state["n"] == 2:
            raise httpx.ConnectError("refused", request=request)
        return reply(
            201,
            {
                "data": [
                    {
                        "code": "SUCCESS",
                        "details": {"id": "9"},
                        "message": "record added",
                        "status": "success",
                    }
                ]
            },
        )

    zoho.api = handler
    results = await client.insert("Accounts", [{"Account_Name": "A"}])
    assert results[0].id == "9"
    assert len(clock.sleeps) == 2


async def test_insert_timeout_is_not_retried(client: ZohoCrmClient, zoho: FakeZoho) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    zoho.api = handler
    with pytest.raises(CrmTransportError):
        await client.insert("Accounts", [{"Account_Name": "A"}])
    assert len(zoho.requests) == 1
