"""Sign-in and sign-out pages."""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from web.graphql import run_operation
from web.htmx import redirect
from web.pages import home_for, load_shell, render_page

HOME = "/"
SIGNED_OUT_IN_TAB = "/crm-tab/signed-out"


def _safe_next(value: str | None) -> str:
    """Only same-site paths: never let ``next`` send someone to another host."""
    if not value:
        return HOME
    parts = urlsplit(value)
    unsafe = "\\" in value or any(ord(ch) < 32 or ord(ch) == 127 for ch in value)
    if (
        unsafe
        or parts.scheme
        or parts.netloc
        or not value.startswith("/")
        or value.startswith("//")
    ):
        return HOME
    return value


async def home(request: Request) -> Response:
    """Each role's landing page; visitors sign in first."""
    viewer = (await load_shell(request))["viewer"]
    return RedirectResponse(home_for(viewer) if viewer else "/login", status_code=303)


async def login_page(request: Request) -> Response:
    context = {"next": _safe_next(request.query_params.get("next")), "errors": [], "email": ""}
    return await render_page(request, "login.html", context, anonymous=True)


async def login(request: Request) -> Response:
    form = await request.form()
    email = str(form.get("email", ""))
    next_url = _safe_next(str(form.get("next", "")) or None)
    data = await run_operation(
        request,
        "Login",
        {"input": {"email": email, "password": str(form.get("password", ""))}},
    )
    payload = data["sessionCreate"]
    if payload["errors"]:
        context = {"next": next_url, "errors": payload["errors"], "email": email}
        blocks = {"login-form": "form"}
        return await render_page(request, "login.html", context, anonymous=True, blocks=blocks)
    return redirect(request, next_url, full_reload=True)


async def logout(request: Request) -> Response:
    embedded = bool(request.scope.get("spendsync.embedded"))
    await run_operation(request, "Logout")
    # inside a CRM's frame the sign-in page cannot be shown: say so on a page of the tab
    return redirect(request, SIGNED_OUT_IN_TAB if embedded else "/login", full_reload=True)


routes = [
    Route("/", home),
    Route("/login", login_page, methods=["GET"]),
    Route("/login", login, methods=["POST"]),
    Route("/logout", logout, methods=["POST"]),
]
