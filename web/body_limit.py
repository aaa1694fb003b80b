"""A ceiling on request bodies, enforced before the wrapped app reads a byte of them.

``/graphql`` takes JSON only (card statements arrive base64-encoded inside it), and Strawberry
reads a whole body into memory before parsing it; without a ceiling one request could take
the process's memory. A declared ``Content-Length`` above the limit is refused at once; a body
without one (chunked) is read up to the limit and refused as soon as it passes it. Either way
the answer is HTTP 413 with a GraphQL-shaped error (code ``REQUEST_TOO_LARGE``) and the app
never runs.
"""

from __future__ import annotations

from collections.abc import Callable

from starlette.datastructures import Headers
from starlette.requests import ClientDisconnect
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from web.request_body import declared_too_large, read_body, replay

REQUEST_TOO_LARGE = "REQUEST_TOO_LARGE"


def graphql_error(message: str) -> dict[str, object]:
    return {
        "data": None,
        "errors": [{"message": message, "extensions": {"code": REQUEST_TOO_LARGE}}],
    }


class BodyLimit:
    """``error_body`` shapes the 413's JSON from its message (GraphQL's shape by default)."""

    def __init__(
        self,
        app: ASGIApp,
        max_bytes: int,
        *,
        error_body: Callable[[str], dict[str, object]] = graphql_error,
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.error_body = error_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if declared_too_large(Headers(scope=scope), self.max_bytes):
            await self._refuse(scope, receive, send)
            return
        try:
            body = await read_body(receive, self.max_bytes)
        except ClientDisconnect:
            return  # the client left: nothing to answer
        if body is None:
            await self._refuse(scope, receive, send)
            return
        await self.app(scope, replay(body, receive), send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        message = f"The request body is larger than {_size(self.max_bytes)}, the most allowed."
        response = JSONResponse(
            self.error_body(message),
            status_code=413,
            headers={"Connection": "close"},
        )
        await response(scope, receive, send)


def _size(count: int) -> str:
    for unit, scale in (("MiB", 1024 * 1024), ("KiB", 1024)):
        if count >= scale:
            return f"{count / scale:.3g} {unit}"
    return f"{count} bytes"
