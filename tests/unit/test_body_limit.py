"""``BodyLimit`` on its own: a declared length over the limit is refused before any read."""

from __future__ import annotations

import json

from starlette.types import Message, Receive, Scope, Send

from web.body_limit import BodyLimit


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
