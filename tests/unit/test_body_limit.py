"""``BodyLimit`` and the one bounded reader under it (``web.request_body.read_request``, which
the receipt upload uses): a declared length over the limit is refused before any read, a
chunked body as soon as it passes the limit."""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.types import Message, Receive, Scope, Send

from web.body_limit import BodyLimit
from web.request_body import read_request


async def _never_called(scope: Scope, receive: Receive, send: Send) -> None:
    raise AssertionError("the app must not run")


async def test_a_declared_length_over_the_limit_is_refused_unread() -> None:
    sent: list[Message] = []

    async def receive() -> Message:
        raise AssertionError("the body must not be read")

    async def send(message: Message) -> None:
        sent.append(message)

    scope: Scope = {"type": "http", "method": "POST", "path": "/graphql",
                    "headers": [(b"content-length", b"4097")]}  # fmt: skip
    await BodyLimit(_never_called, 4096)(scope, receive, send)
    assert sent[0]["status"] == 413
    body = json.loads(b"".join(m.get("body", b"") for m in sent[1:]))
    assert body["errors"][0]["extensions"] == {"code": "REQUEST_TOO_LARGE"}


def _request(headers: list[tuple[bytes, bytes]], chunks: list[bytes]) -> tuple[Request, list[int]]:
    """A request whose body arrives in ``chunks``; the list counts the chunks read."""
    read: list[int] = []

    async def receive() -> Message:
        if len(read) == len(chunks):
            raise AssertionError("read past the end of the body")
        read.append(len(chunks[len(read)]))
        more = len(read) < len(chunks)
        return {"type": "http.request", "body": chunks[len(read) - 1], "more_body": more}

    scope: Scope = {"type": "http", "method": "POST", "path": "/receipts", "headers": headers}
    return Request(scope, receive), read


async def test_the_shared_reader_refuses_a_declared_length_unread() -> None:
    request, read = _request([(b"content-length", b"4097")], [b"x" * 4097])
    assert await read_request(request, 4096) is None
    assert read == []


async def test_the_shared_reader_stops_as_soon_as_a_chunked_body_passes_the_limit() -> None:
    request, read = _request([], [b"x" * 3000] * 10)
    assert await read_request(request, 4096) is None
    assert read == [3000, 3000]  # the second chunk passed the limit: the rest stays unread


async def test_the_shared_reader_keeps_the_body_for_the_parsers() -> None:
    request, read = _request([], [b'{"a": ', b"1}"])
    assert await read_request(request, 4096) == b'{"a": 1}'
    assert await request.body() == b'{"a": 1}'  # read once, kept on the request
    assert read == [6, 2]
