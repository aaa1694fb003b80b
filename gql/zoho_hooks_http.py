"""``POST /hooks/zoho/notify``: the CRM's notification callbacks (near-real-time sync).

The CRM signs nothing: the channel id and token in the body are the only proof. An unknown
channel or a wrong token is answered 403 and changes nothing; an accepted callback is answered
204 at once (the sync it causes runs in the background, debounced).
"""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from sync.realtime import HOOK_PATH
from sync.service import SyncService

MAX_BODY = 256 * 1024


async def zoho_notify(request: Request) -> Response:
    service: SyncService | None = getattr(request.app.state, "sync", None)
    if service is None:
        return JSONResponse({"error": "The sync service is not running."}, status_code=503)
    body = await request.body()
    if len(body) > MAX_BODY:
        return JSONResponse({"error": "Too large."}, status_code=413)
    try:
        payload = json.loads(body or b"null")
    except ValueError:
        payload = None
    if not isinstance(payload, dict) or not await service.realtime.accept(payload):
        return JSONResponse({"error": "Unknown channel or wrong token."}, status_code=403)
    return Response(status_code=204)


routes = [Route(HOOK_PATH, zoho_notify, methods=["POST"])]
