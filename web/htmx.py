"""htmx helpers: one predicate decides between the full page and a fragment."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


def wants_partial(request: Request) -> bool:
    """An htmx request that is not boosted wants only the block it targets."""
    return is_htmx(request) and request.headers.get("hx-boosted") != "true"


def redirect(request: Request, url: str) -> Response:
    """After a successful write: HX-Location for htmx, 303 See Other for a plain form."""
    if is_htmx(request):
        return Response(status_code=204, headers={"HX-Location": url})
    return RedirectResponse(url, status_code=303)
