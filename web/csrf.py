"""CSRF protection for every unsafe request that rides on the session cookie.

The token lives in the signed session. htmx sends it as the ``X-CSRF-Token`` header (set once on
``<body hx-headers>``); plain forms send a ``csrf_token`` field. Requests that carry their own
credentials (``Authorization: Bearer``) and anonymous ``/graphql`` calls have no ambient
authority to forge, so they pass. A cookie-authenticated request whose ``Origin`` names another
host is refused even with a token (same-origin only).
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import MutableMapping
from typing import Any
from urllib.parse import parse_qs, urlsplit

from starlette.datastructures import Headers
from starlette.requests import ClientDisconnect
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from web.request_body import read_body, replay

SESSION_KEY = "csrf_token"
HEADER = "x-csrf-token"
FORM_FIELD = "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
MAX_FORM_BYTES = 256 * 1024


def csrf_token(session: MutableMapping[str, Any]) -> str:
    """The session's token, created on first use."""
    token = session.get(SESSION_KEY)
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        session[SESSION_KEY] = token
    return token


class CSRFMiddleware:
    """Sits inside Starlette's SessionMiddleware."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        api_paths: tuple[str, ...] = ("/graphql", "/receipts", "/hooks/zoho/notify"),
    ) -> None:
        self.app = app
        self.api_paths = api_paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        session = scope.get("session") or {}
        if "authorization" in headers or (
            not session.get("user_id") and scope["path"] in self.api_paths
        ):
            await self.app(scope, receive, send)
            return
        origin = headers.get("origin")
        if origin is not None and urlsplit(origin).netloc != headers.get("host"):
            await _forbidden(scope, receive, send, "Cross-origin request refused.")
            return
        expected = session.get(SESSION_KEY)
        supplied = headers.get(HEADER)
        body: bytes | None = None
        if supplied is None and headers.get("content-type", "").startswith(
            "application/x-www-form-urlencoded"
        ):
            try:
                body = await read_body(receive, MAX_FORM_BYTES)
            except ClientDisconnect:
                return  # nobody to answer
            if body is None:
                await _forbidden(scope, receive, send, "Request body too large.", status=413)
                return
            values = parse_qs(body.decode("latin-1")).get(FORM_FIELD, [])
            supplied = values[0] if values else None
        if not (
            isinstance(expected, str)
            and supplied
            and hmac.compare_digest(expected.encode(), supplied.encode())
        ):
            await _forbidden(scope, receive, send, "CSRF token missing or wrong; reload the page.")
            return
        await self.app(scope, replay(body, receive) if body is not None else receive, send)


async def _forbidden(
    scope: Scope, receive: Receive, send: Send, message: str, status: int = 403
) -> None:
    await PlainTextResponse(message, status_code=status)(scope, receive, send)
