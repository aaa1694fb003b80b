"""HTTP around the API for the organisations' CRM origins: CORS and CSP frame-ancestors.

CORS on ``/graphql`` and ``/receipts…``: a request whose ``Origin`` is not the app's own has its
cookies removed before anything reads them (cross-origin calls authenticate with
``Authorization: Bearer`` only). When some organisation configured that origin (the union of
every organisation's origins, cached: ``resolvers.embedding.OriginCache``), a preflight is
answered and responses carry ``Access-Control-Allow-Origin`` with that origin (never
``Access-Control-Allow-Credentials``); any other origin gets no CORS header at all.

frame-ancestors: the CRM tab's pages (``/crm-tab…``) may be framed by the origins of the
organisation of the session (on the embed link's own answer, of the organisation the link
names; with nobody signed in, where the tab only says to open it again from the CRM, of any
organisation); every other response keeps ``frame-ancestors 'self'``.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gql.ids import decode_id
from resolvers.embedding import EMBED_PATH, TAB_PREFIX, OriginCache

CORS_PATHS = ("/graphql", "/receipts")
ALLOWED_METHODS = "GET, POST, OPTIONS"
ALLOWED_HEADERS = "Authorization, Content-Type"
PREFLIGHT_MAX_AGE = "600"


def is_cors_path(path: str) -> bool:
    return any(path == p or path.startswith(p + "/") for p in CORS_PATHS)


def is_own_origin(origin: str, headers: Headers) -> bool:
    """The browser's ``Origin`` names the host the request was sent to (as the CSRF check)."""
    return urlsplit(origin).netloc.lower() == headers.get("host", "").lower()


class CrossOrigin:
    """CORS for the organisations' CRM origins on the API's paths (see the module's text)."""

    def __init__(self, app: ASGIApp, *, origins: OriginCache) -> None:
        self.app = app
        self.origins = origins

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_cors_path(scope["path"]):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        origin = headers.get("origin")
        if origin is None or is_own_origin(origin, headers):
            await self.app(scope, receive, send)
            return
        # cross-origin: cookies are ignored, whatever the origin (Bearer tokens only)
        scope = dict(scope)
        scope["headers"] = [(k, v) for k, v in scope["headers"] if k.lower() != b"cookie"]
        allowed = len(origin) <= 300 and await self.origins.allows(origin)
        if scope["method"] == "OPTIONS" and "access-control-request-method" in headers:
            await self._preflight(origin, allowed)(scope, receive, send)
            return
        if not allowed:
            await self.app(scope, receive, send)
            return

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                response_headers = MutableHeaders(scope=message)
                response_headers["Access-Control-Allow-Origin"] = origin
                response_headers.add_vary_header("Origin")
            await send(message)

        await self.app(scope, receive, send_with_cors)

    @staticmethod
    def _preflight(origin: str, allowed: bool) -> Response:
        if not allowed:
            return PlainTextResponse(
                "This origin may not call the API.", status_code=403, headers={"Vary": "Origin"}
            )
        return Response(
            status_code=204,
            headers={
                "Access-Control-Allow-Origin": origin,
                "Access-Control-Allow-Methods": ALLOWED_METHODS,
                "Access-Control-Allow-Headers": ALLOWED_HEADERS,
                "Access-Control-Max-Age": PREFLIGHT_MAX_AGE,
                "Vary": "Origin",
            },
        )


def is_tab_path(path: str) -> bool:
    return path == TAB_PREFIX or path.startswith(TAB_PREFIX + "/")


async def frame_ancestors(scope: Scope, origins: OriginCache) -> tuple[str, ...]:
    """The origins besides 'self' that may frame this response (only the tab's pages)."""
    if not is_tab_path(scope["path"]):
        return ()
    session = scope.get("session") or {}
    org_id = session.get("org_id")
    if not isinstance(org_id, int) and scope["path"] == EMBED_PATH:
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        org_id = decode_id("Organization", (query.get("org") or [""])[0][:64])
    if not isinstance(org_id, int):
        # nobody signed in: the page says to open the tab again from the CRM (no data, no
        # action), so any organisation's CRM may show it
        return await origins.every()
    return await origins.of_org(org_id)
