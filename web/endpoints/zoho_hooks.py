"""``POST /hooks/zoho/notify``: the CRM's notification callbacks (near-real-time sync).

The CRM signs nothing: the channel id and token in the body are the only proof. An unknown
channel or a wrong token is answered 403 and changes nothing; an accepted callback is answered
204 at once (the sync it causes runs in the background, debounced). The check is the sync's,
reached through resolvers (``resolvers.lifecycle.accept_callback``) like any other call.

Anyone can post here, so the body is bounded while it streams in (``web.body_limit``, the same
ceiling ``/graphql`` has): a declared ``Content-Length`` over the limit is answered 413 unread,
a chunked body as soon as it passes the limit. Only then is it parsed, by the bounded JSON
parser (invalid UTF-8 or deep nesting is refused like any other wrong payload).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route, request_response

from gql import json_body
from resolvers.lifecycle import CALLBACK_PATH, accept_callback
from web.body_limit import BodyLimit

if TYPE_CHECKING:
    from sync.service import SyncService

MAX_BODY = 256 * 1024


async def zoho_notify(request: Request) -> Response:
    service: SyncService | None = getattr(request.app.state, "sync", None)
    if service is None:
        return JSONResponse({"error": "The sync service is not running."}, status_code=503)
    try:
        payload = json_body.loads(await request.body() or b"null")
    except json.JSONDecodeError:
        payload = None
    if not isinstance(payload, dict) or not await accept_callback(service, payload):
        return JSONResponse({"error": "Unknown channel or wrong token."}, status_code=403)
    return Response(status_code=204)


def _too_large(message: str) -> dict[str, object]:
    return {"error": message}


routes = [
    Route(
        CALLBACK_PATH,
        BodyLimit(request_response(zoho_notify), MAX_BODY, error_body=_too_large),
        methods=["POST"],
    )
]
