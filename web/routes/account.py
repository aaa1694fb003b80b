"""My account (every signed-in user): name, password and API tokens."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from web.graphql import run_operation
from web.htmx import redirect
from web.pages import flash, render_page

PAGE = "account/account.html"
BLOCKS = {"profile-form": "profile", "password-form": "password", "api-tokens": "tokens"}
TOKENS_PER_PAGE = 50


def _error(field: str | None, message: str) -> dict[str, Any]:
    return {"field": field, "message": message, "code": "INVALID"}


async def _render(request: Request, **context: Any) -> Response:
    after = request.query_params.get("after") or None
    data = await run_operation(request, "Account", {"first": TOKENS_PER_PAGE, "after": after})
    full = {
        "me": data["viewer"],
        "tokens": data["apiTokens"],
        "profile_errors": [],
        "password_errors": [],
        "token_errors": [],
        "token_values": {"name": "", "expires_on": "", "scope": "FULL"},
        "new_token": None,
        "notice": None,
        "today": date.today().isoformat(),
    } | context
    return await render_page(request, PAGE, full, blocks=BLOCKS)


async def account_page(request: Request) -> Response:
    return await _render(request)


async def rename(request: Request) -> Response:
    form = await request.form()
    data = await run_operation(
        request, "ViewerUpdate", {"input": {"name": str(form.get("name", ""))}}
    )
    errors = data["viewerUpdate"]["errors"]
    if errors:
        return await _render(request, profile_errors=errors)
    flash(request, "Your name is saved.")
    return redirect(request, "/account")


async def change_password(request: Request) -> Response:
    form = await request.form()
    new = str(form.get("new_password", ""))
    if new != str(form.get("new_password_confirm", "")):
        errors = [_error("newPasswordConfirm", "The two new passwords differ.")]
        return await _render(request, password_errors=errors)
    variables = {"input": {"currentPassword": str(form.get("current_password", "")),
                           "newPassword": new}}  # fmt: skip
    data = await run_operation(request, "PasswordChange", variables)
    errors = data["passwordChange"]["errors"]
    if errors:
        return await _render(request, password_errors=errors)
    flash(request, "Your password is changed.")
    return redirect(request, "/account")


def _expiry(raw: str) -> tuple[str | None, list[dict[str, Any]]]:
    """The end (UTC) of the chosen day, as GraphQL's DateTime; empty: never expires."""
    if not raw:
        return None, []
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        return None, [_error("expiresAt", "Choose a date, or leave it empty.")]
    return datetime.combine(day, time(23, 59, 59), UTC).isoformat(), []


async def create_token(request: Request) -> Response:
    form = await request.form()
    values = {
        "name": str(form.get("name", ""))[:200],
        "expires_on": str(form.get("expires_on", "")),
        "scope": "READ_ONLY" if form.get("scope") == "READ_ONLY" else "FULL",
    }
    expires_at, errors = _expiry(values["expires_on"])
    if not errors:
        variables = {
            "input": {"name": values["name"], "expiresAt": expires_at, "scope": values["scope"]}
        }
        data = await run_operation(request, "ApiTokenCreate", variables)
        payload = data["apiTokenCreate"]
        errors = payload["errors"]
        if not errors:  # the secret is shown in this answer only, never stored in the session
            new_token = {"name": payload["token"]["name"], "secret": payload["secret"]}
            return await _render(request, new_token=new_token)
    return await _render(request, token_errors=errors, token_values=values)


async def revoke_token(request: Request) -> Response:
    variables = {"input": {"id": request.path_params["id"]}}
    data = await run_operation(request, "ApiTokenRevoke", variables)
    payload = data["apiTokenRevoke"]
    if payload["errors"]:
        notice = {"kind": "error", "text": payload["errors"][0]["message"]}
    else:
        notice = {"kind": "ok", "text": f"Revoked the token {payload['token']['name']}."}
    return await _render(request, notice=notice)


routes = [
    Route("/account", account_page, methods=["GET"]),
    Route("/account/name", rename, methods=["POST"]),
    Route("/account/password", change_password, methods=["POST"]),
    Route("/account/tokens", create_token, methods=["POST"]),
    Route("/account/tokens/{id}/revoke", revoke_token, methods=["POST"]),
]
