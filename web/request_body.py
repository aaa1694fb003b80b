"""The one bounded body reader: a request body is read up to a size and no further, whoever
reads it (the ``/graphql`` body limit and the CRM callback's, ``web.body_limit``; the CSRF
check of forms, ``web.csrf``; the receipt upload, ``web.endpoints.receipts``). A declared
``Content-Length`` over the size is refused before a byte is read; a body without one
(chunked) is refused as soon as it passes the size."""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.requests import ClientDisconnect, Request
from starlette.types import Message, Receive


def declared_too_large(headers: Headers, max_bytes: int) -> bool:
    """Whether the request declares a ``Content-Length`` over ``max_bytes``."""
    declared = headers.get("content-length")
    return declared is not None and declared.isdigit() and int(declared) > max_bytes


async def read_body(receive: Receive, max_bytes: int) -> bytes | None:
    """The whole body, or None as soon as it passes ``max_bytes`` (the rest is not read).
    Raises ``ClientDisconnect`` when the client leaves first."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            raise ClientDisconnect
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > max_bytes:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that gives the app ``body`` as one message, then the client's messages
    (the disconnect) as ASGI does."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed


async def read_request(request: Request, max_bytes: int) -> bytes | None:
    """The body of a Starlette request, or None when it is larger than ``max_bytes`` (declared
    so: nothing is read). The body is kept on the request, where ``request.body()`` and the
    form parser find it. Raises ``ClientDisconnect`` when the client leaves first."""
    if declared_too_large(request.headers, max_bytes):
        return None
    body = await read_body(request.receive, max_bytes)
    if body is not None:
        request._body = body  # Starlette's body(), stream() and form() read it from here
    return body
