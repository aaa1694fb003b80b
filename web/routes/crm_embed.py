"""``GET /crm-tab/embed``: a signed embed link opens the CRM tab as its user.

The CRM extension signs the link with the organisation's embed secret (docs/EMBEDDING.md); the
``EmbedSessionCreate`` operation checks it and signs in the embedded session (the partitioned
cookie the app's session layer picks for this path), then the browser goes to the link's path.
A refused link answers a page saying why (401 when expired, 403 otherwise), nobody signed in.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from web.graphql import run_operation
from web.pages import render_page

PARAMETERS = ("org", "user", "exp", "path", "nonce", "sig")
MAX_PARAMETER = 1100
HEADINGS = {
    "EMBED_LINK_EXPIRED": "This link has expired",
    "EMBED_LINK_USED": "This link was already used",
    "EMBED_NOT_SET_UP": "Embedding is not set up",
}


async def embed(request: Request) -> Response:
    values = {name: request.query_params.get(name, "")[:MAX_PARAMETER] for name in PARAMETERS}
    data = await run_operation(request, "EmbedSessionCreate", {"input": values})
    payload = data["embedSessionCreate"]
    if not payload["errors"]:
        opened = RedirectResponse(payload["path"], status_code=303)
        opened.headers["Cache-Control"] = "no-store"
        return opened
    error = payload["errors"][0]
    code = error["code"]
    context = {
        "status": 401 if code == "EMBED_LINK_EXPIRED" else 403,
        "heading": HEADINGS.get(code, "This link cannot open the tab"),
        "message": error["message"],
        "code": code,
    }
    response = await render_page(
        request, "crm_tab/embed_refused.html", context, anonymous=True,
        status_code=context["status"],
    )  # fmt: skip
    response.headers["Cache-Control"] = "no-store"
    return response


async def signed_out(request: Request) -> Response:
    """Where signing out inside the CRM's frame lands (the sign-in page cannot be framed)."""
    context = {"heading": "You are signed out"}
    return await render_page(request, "crm_tab/session_ended.html", context, anonymous=True)


routes = [
    Route("/crm-tab/embed", embed, methods=["GET"]),
    Route("/crm-tab/signed-out", signed_out, methods=["GET"]),
]
