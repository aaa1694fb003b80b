"""htmx helpers: which block a request wants, and how to redirect after a write."""

from __future__ import annotations

from collections.abc import Mapping

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


def target_block(request: Request, blocks: Mapping[str, str]) -> str | None:
    """The template block for the element an htmx request swaps (by its ``HX-Target`` id).

    Anything else (a plain request, a boosted link, ``HX-Location`` navigation that swaps the
    body) gets the full page.
    """
    if not is_htmx(request) or request.headers.get("hx-boosted") == "true":
        return None
    return blocks.get(request.headers.get("hx-target", ""))


def redirect(request: Request, url: str, *, full_reload: bool = False) -> Response:
    """After a successful write: ``HX-Location`` (or ``HX-Redirect`` when the page must reload
    completely, e.g. after sign-in, which changes the CSRF token) for htmx, 303 otherwise."""
    if is_htmx(request):
        header = "HX-Redirect" if full_reload else "HX-Location"
        return Response(status_code=204, headers={header: url})
    return RedirectResponse(url, status_code=303)
