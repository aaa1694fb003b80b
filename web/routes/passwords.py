"""A way in without a password: "Forgot password?" and the set-password page that invitation
and reset links open (both open to visitors)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from web.graphql import run_operation
from web.htmx import redirect
from web.pages import flash, render_page

MAX_TOKEN_LENGTH = 512


def _field_errors(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A refused link is the page's problem, not a field's: show it above the form."""
    return [error | {"field": None} if error["field"] == "token" else error for error in errors]


async def forgot_page(request: Request) -> Response:
    context = {"email": "", "errors": [], "sent": False}
    return await render_page(request, "account/forgot.html", context, anonymous=True)


async def forgot(request: Request) -> Response:
    form = await request.form()
    email = str(form.get("email", "")).strip()[:254]
    data = await run_operation(request, "PasswordResetRequest", {"input": {"email": email}})
    errors = data["passwordResetRequest"]["errors"]
    context = {"email": email, "errors": errors, "sent": not errors}
    return await render_page(
        request,
        "account/forgot.html",
        context,
        anonymous=True,
        blocks={"forgot-form": "form"},
    )


async def _link(request: Request, token: str) -> dict[str, Any] | None:
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    data = await run_operation(request, "PasswordLink", {"token": token})
    link: dict[str, Any] | None = data["passwordLink"]
    return link


async def set_password_page(request: Request) -> Response:
    token = request.query_params.get("token", "")
    context: dict[str, Any] = {"token": token, "link": await _link(request, token), "errors": []}
    return await render_page(request, "account/set_password.html", context, anonymous=True)


async def set_password(request: Request) -> Response:
    form = await request.form()
    token = str(form.get("token", ""))[:MAX_TOKEN_LENGTH]
    password = str(form.get("password", ""))
    errors: list[dict[str, Any]] = []
    if password != str(form.get("password_confirm", "")):
        errors.append(
            {"field": "passwordConfirm", "message": "The two passwords differ.", "code": "INVALID"}
        )
    else:
        variables = {"input": {"token": token, "password": password}}
        data = await run_operation(request, "PasswordSet", variables)
        errors = _field_errors(data["passwordSet"]["errors"])
        if not errors:
            flash(request, "Your password is set: you are signed in.")
            return redirect(request, "/", full_reload=True)  # a new session: reload the page
    context = {"token": token, "link": await _link(request, token), "errors": errors}
    return await render_page(
        request,
        "account/set_password.html",
        context,
        anonymous=True,
        blocks={"set-password-form": "form"},
    )


routes = [
    Route("/forgot-password", forgot_page, methods=["GET"]),
    Route("/forgot-password", forgot, methods=["POST"]),
    Route("/set-password", set_password_page, methods=["GET"]),
    Route("/set-password", set_password, methods=["POST"]),
]
