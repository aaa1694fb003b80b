"""The page shell: every page renders through ``render_page``.

It runs the ``Shell`` operation (who is signed in, their unread notifications), sends anonymous
visitors to sign in, answers the 403 page to roles the page is not for, hands the page its flash
notices and renders either the whole page or the htmx block the request asked for.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from web.graphql import GraphQLCallError, run_operation
from web.htmx import is_htmx, target_block
from web.templating import templates

FLASH_KEY = "flash"
MAX_FLASHES = 5
ADMIN_HOME = "/settings"
MEMBER_HOME = "/account"


def home_for(viewer: Mapping[str, Any]) -> str:
    """Where a signed-in user lands: admins on the Settings overview, others on their own area."""
    return ADMIN_HOME if viewer.get("role") == "ADMIN" else MEMBER_HOME


def flash(request: Request, text: str, kind: str = "ok") -> None:
    """Queue a notice for the next full page (after the redirect that follows a write)."""
    queued = list(request.session.get(FLASH_KEY) or [])[-(MAX_FLASHES - 1) :]
    queued.append({"kind": "error" if kind == "error" else "ok", "text": text[:300]})
    request.session[FLASH_KEY] = queued


def _take_flashes(request: Request) -> list[dict[str, str]]:
    if "session" not in request.scope:
        return []
    queued = request.session.pop(FLASH_KEY, None)
    return [item for item in queued or [] if isinstance(item, dict)]


async def load_shell(request: Request) -> dict[str, Any]:
    """The signed-in viewer (or None) and their unread notification count."""
    signed_in = "session" in request.scope and bool(request.session.get("user_id"))
    try:
        data = await run_operation(request, "Shell", {"signedIn": signed_in})
    except GraphQLCallError as exc:
        if "UNAUTHENTICATED" in exc.codes:  # a session whose user is gone or deactivated
            return {"viewer": None, "unread_count": 0}
        raise
    return {"viewer": data["viewer"], "unread_count": data.get("notificationUnreadCount") or 0}


def _in_a_crm_frame(request: Request) -> bool:
    """A CRM tab page asked for inside a frame (the embedded session's cookie, or the browser
    saying so): the sign-in page cannot be shown there, and would sign nobody in."""
    if not request.url.path.startswith("/crm-tab"):
        return False
    return bool(request.scope.get("spendsync.embedded")) or (
        request.headers.get("sec-fetch-dest") == "iframe"
    )


def sign_in_redirect(request: Request) -> Response:
    if _in_a_crm_frame(request):
        context: dict[str, Any] = {"viewer": None, "unread_count": 0, "flashes": []}
        response = templates.TemplateResponse(
            request, "crm_tab/session_ended.html", context, status_code=401
        )
        if is_htmx(request):  # replace the page, not the fragment that asked
            response.headers["HX-Retarget"] = "body"
            response.headers["HX-Reswap"] = "innerHTML"
        return response
    target = request.url.path
    if request.url.query:
        target += "?" + request.url.query
    url = f"/login?next={target}" if target != "/" else "/login"
    if is_htmx(request):  # a whole page, not a fragment swapped into the current one
        return Response(status_code=204, headers={"HX-Redirect": url})
    return RedirectResponse(url, status_code=303)


async def render_page(
    request: Request,
    template: str,
    context: Mapping[str, Any] | None = None,
    *,
    roles: Collection[str] | None = None,
    blocks: Mapping[str, str] | None = None,
    status_code: int = 200,
    anonymous: bool = False,
) -> Response:
    """Render ``template`` in the layout.

    ``roles``: who may see it (None: any signed-in user). ``anonymous``: pages open to visitors
    (sign-in, set password); they still get the viewer when someone is signed in.
    """
    shell = await load_shell(request)
    viewer = shell["viewer"]
    if viewer is None and not anonymous:
        return sign_in_redirect(request)
    if viewer is not None and roles is not None and viewer["role"] not in roles:
        return await render_error(request, 403, shell=shell)
    block = target_block(request, blocks or {})
    full_context = {**shell, **(context or {})}
    if block is None:
        full_context["flashes"] = _take_flashes(request)
    return templates.TemplateResponse(
        request, template, full_context, block_name=block, status_code=status_code
    )


ERROR_TEXTS = {
    400: (
        "That cannot be accepted",
        "Something you sent cannot be accepted. Go back, correct it and try again.",
    ),
    403: (
        "Not allowed",
        "Your role does not give access to this page. Ask an admin of your "
        "organisation if you need it.",
    ),
    404: (
        "Page not found",
        "There is no page at this address. Check the link, or start again from the home page.",
    ),
    405: ("Not allowed here", "This address does not accept that kind of request."),
    503: (
        "Not available right now",
        "This part of Spendsync is not running at the moment. Try again in a minute.",
    ),
    500: (
        "Something went wrong",
        "The page could not be loaded. Try again in a moment; if it "
        "keeps happening, give the request id below to your admin.",
    ),
}


async def render_error(
    request: Request,
    status: int,
    *,
    shell: Mapping[str, Any] | None = None,
    request_id: str | None = None,
    detail: str | None = None,
) -> Response:
    """An error page in the layout. ``shell`` is loaded unless given (or unsafe, for 500s);
    ``detail`` says what exactly was refused."""
    if shell is None:
        shell = {"viewer": None, "unread_count": 0}
        if status != 500 and "session" in request.scope:
            shell = await load_shell(request)
    heading, message = ERROR_TEXTS.get(status, ERROR_TEXTS[500])
    context = {
        **shell, "flashes": [], "status": status, "heading": heading, "message": message,
        "request_id": request_id, "detail": detail,
    }  # fmt: skip
    response = templates.TemplateResponse(request, "errors/page.html", context, status)
    if is_htmx(request):  # replace the page, not the fragment that asked
        response.headers["HX-Retarget"] = "body"
        response.headers["HX-Reswap"] = "innerHTML"
    return response
