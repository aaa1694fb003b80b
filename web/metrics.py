"""Prometheus metrics of HTTP requests, and the ``/metrics`` endpoint.

Requests are labelled by route template (``/receipts/{id}``, never the raw path: the label
set stays bounded), method and status class. ``/metrics`` needs ``Authorization: Bearer
<METRICS_TOKEN>`` when that setting is set, and is answered to loopback callers only when it
is not. With ``PROMETHEUS_MULTIPROC_DIR`` set (several app processes), each process writes its
samples there and ``/metrics`` reports the directory's sum (docs/OPERATIONS.md).
"""

from __future__ import annotations

import hmac
import os
import time

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.multiprocess import MultiProcessCollector
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send

HTTP_REQUESTS = Counter(
    "spendsync_http_requests_total",
    "HTTP requests answered, by route template, method and status class.",
    ["route", "method", "status"],
)
HTTP_LATENCY = Histogram(
    "spendsync_http_request_duration_seconds",
    "Time to answer an HTTP request, by route template and method.",
    ["route", "method"],
)
UNMATCHED = "<unmatched>"
LOOPBACK = {"127.0.0.1", "::1"}
_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


def _route_template(scope: Scope) -> str:
    route = scope.get("route")
    if isinstance(route, Mount):
        return route.path + "/{path}"
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else UNMATCHED


class RequestMetrics:
    """Counts every HTTP request and times it, outside every other middleware."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status = 500
        started = time.perf_counter()

        async def send_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            route = _route_template(scope)
            method = scope["method"] if scope["method"] in _METHODS else "OTHER"
            HTTP_REQUESTS.labels(route=route, method=method, status=f"{status // 100}xx").inc()
            HTTP_LATENCY.labels(route=route, method=method).observe(time.perf_counter() - started)


def _registry() -> CollectorRegistry:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return registry
    return REGISTRY


def _allowed(request: Request, token: str) -> bool:
    if token:
        given = request.headers.get("authorization", "")
        return hmac.compare_digest(given.encode(), f"Bearer {token}".encode())
    return request.client is not None and request.client.host in LOOPBACK


async def metrics(request: Request) -> Response:
    if not _allowed(request, request.app.state.settings.metrics_token):
        return JSONResponse({"error": "FORBIDDEN"}, status_code=403)
    return Response(generate_latest(_registry()), media_type=CONTENT_TYPE_LATEST)
