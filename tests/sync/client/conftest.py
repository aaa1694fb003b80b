"""Unit-test helpers: a ``ZohoCrmClient`` on ``httpx.MockTransport`` with a fake clock."""

from __future__ import annotations

import json
import random
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from sync.crm import FakeClock, OAuthCredentials, OrgLimiter, RetryPolicy, ZohoCrmClient

CLIENT_SECRET = "very-secret-client-secret"
REFRESH_TOKEN = "1000.refresh-token-secret"
ACCESS_TOKEN = "1000.access-token-secret"
CREDENTIALS = OAuthCredentials("1000.CLIENTID", CLIENT_SECRET, REFRESH_TOKEN)
ACCOUNTS = "https://accounts.zoho.com"
API = "https://www.zohoapis.com"

Handler = Callable[[httpx.Request], httpx.Response]


def reply(
    status: int = 200, body: Any = None, headers: dict[str, str] | None = None
) -> httpx.Response:
    if body is None:
        return httpx.Response(status, headers=headers)
    return httpx.Response(status, json=body, headers=headers)


@dataclass
class FakeZoho:
    """Answers the token endpoint itself and hands CRM calls to ``api`` (set per test)."""

    api: Handler = field(default=lambda request: reply(204))
    token_answers: list[httpx.Response] = field(default_factory=list)
    requests: list[httpx.Request] = field(default_factory=list)
    token_requests: list[httpx.Request] = field(default_factory=list)
    issued: int = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth/v2/token":
            self.token_requests.append(request)
            if self.token_answers:
                return self.token_answers.pop(0)
            self.issued += 1
            return reply(
                200,
                {
                    "access_token": f"{ACCESS_TOKEN}-{self.issued}",
                    "api_domain": API,
                    "token_type": "Bearer",
                    "expires_in": 3600,
                },
            )
        self.requests.append(request)
        return self.api(request)

    @property
    def api_paths(self) -> list[str]:
        return [r.url.path for r in self.requests]


def body_of(request: httpx.Request) -> Any:
    return json.loads(request.content)


@pytest.fixture
def zoho() -> FakeZoho:
    return FakeZoho()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def http(zoho: FakeZoho) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.MockTransport(zoho)) as client:
        yield client


@pytest.fixture
def make_client(http: httpx.AsyncClient, clock: FakeClock) -> Callable[..., ZohoCrmClient]:
    def make(**kwargs: Any) -> ZohoCrmClient:
        kwargs.setdefault("clock", clock)
        kwargs.setdefault("rng", random.Random(7))
        kwargs.setdefault("retry", RetryPolicy(max_attempts=5, base=1.0, cap=8.0))
        kwargs.setdefault("limiter", OrgLimiter(max_in_flight=5))
        return ZohoCrmClient(http, CREDENTIALS, **kwargs)

    return make


@pytest.fixture
def client(make_client: Callable[..., ZohoCrmClient]) -> ZohoCrmClient:
    return make_client()


def records_page(
    ids: list[str] | range,
    *,
    more: bool,
    page: int | None = None,
    token: str | None = None,
    extra: Callable[[str], dict[str, Any]] | None = None,
) -> httpx.Response:
    data = [
        {
            "id": str(i),
            "Modified_Time": "2026-01-01T00:00:00+00:00",
            **(extra(str(i)) if extra else {}),
        }
        for i in ids
    ]
    info: dict[str, Any] = {"count": len(data), "more_records": more, "per_page": 200}
    if page is not None:
        info["page"] = page
    if token is not None:
        info["next_page_token"] = token
    return reply(200, {"data": data, "info": info})
