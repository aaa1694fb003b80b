"""/metrics: requests by route template, method and status class; who may read it."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import AsyncIterator

import httpx
import pytest
from asgi_lifespan import LifespanManager
from starlette.applications import Starlette

from tests.web.conftest import BASE_URL
from web.app import create_app


def sample(text: str, name: str, **labels: str) -> float:
    for line in text.splitlines():
        if line.startswith(name + "{"):
            found = dict(re.findall(r'(\w+)="([^"]*)"', line.rsplit(" ", 1)[0]))
            if found == labels:
                return float(line.rsplit(" ", 1)[1])
    return 0.0


async def test_requests_are_counted_by_route_template(client: httpx.AsyncClient) -> None:
    before = sample((await client.get("/metrics")).text, "spendsync_http_requests_total",
                    route="/receipts/{id}", method="GET", status="4xx")  # fmt: skip
    for receipt in ("UmVjZWlwdDox", "UmVjZWlwdDoy", "whatever"):
        await client.get(f"/receipts/{receipt}")
    response = await client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert "/receipts/UmVjZWlwdDox" not in text and "whatever" not in text  # no raw paths
    after = sample(text, "spendsync_http_requests_total",
                   route="/receipts/{id}", method="GET", status="4xx")  # fmt: skip
    assert after == before + 3
    await client.get("/no/such/page/12345")
    text = (await client.get("/metrics")).text
    assert "12345" not in text
    assert sample(text, "spendsync_http_requests_total",
                  route="<unmatched>", method="GET", status="4xx") >= 1  # fmt: skip
    assert sample(text, "spendsync_http_request_duration_seconds_count",
                  route="/metrics", method="GET") >= 1  # fmt: skip


async def test_metrics_are_for_loopback_callers_without_a_token(app: Starlette) -> None:
    transport = httpx.ASGITransport(app=app, client=("203.0.113.7", 40000))
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as remote:
        response = await remote.get("/metrics")
    assert response.status_code == 403
    assert "spendsync_" not in response.text


@pytest.fixture
async def guarded(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    settings = dataclasses.replace(app.state.settings, metrics_token="scrape-" + "t" * 30)
    application = create_app(settings)
    async with LifespanManager(application):
        transport = httpx.ASGITransport(app=application)  # loopback: the token still counts
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as http:
            yield http


async def test_metrics_token_is_required_when_set(guarded: httpx.AsyncClient) -> None:
    assert (await guarded.get("/metrics")).status_code == 403
    wrong = await guarded.get("/metrics", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403
    right = await guarded.get("/metrics", headers={"Authorization": "Bearer scrape-" + "t" * 30})
    assert right.status_code == 200
    assert "spendsync_http_requests_total" in right.text
