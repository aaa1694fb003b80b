"""Admin → Users: list, invite, send invitations, change role, deactivate and reactivate; the
CRM side (import, users sync) is in ``crm_users``."""

from __future__ import annotations

from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from web.graphql import run_operation
from web.htmx import redirect, target_block
from web.pages import flash, render_page
from web.routes.crm_users import INTEGRATION_PAGE, crm_state

PAGE = "admin/users.html"
BLOCKS = {"users-table": "table", "invite-form": "invite"}
PAGE_SIZE = 50
ROLES = ("ADMIN", "APPROVER", "SUBMITTER")
STATUSES = ("ACTIVE", "INACTIVE")


def _filters(request: Request) -> dict[str, Any]:
    params = request.query_params
    return {
        "search": params.get("search", "").strip()[:100],
        "role": params.get("role") if params.get("role") in ROLES else "",
        "status": params.get("status") if params.get("status") in STATUSES else "",
    }


async def _page_data(request: Request, filters: dict[str, Any]) -> dict[str, Any]:
    variables = {
        "first": PAGE_SIZE,
        "after": request.query_params.get("after") or None,
        "filter": {key: value for key, value in filters.items() if value} or None,
    }
    return await run_operation(request, "AdminUsers", variables)


async def _render(
    request: Request,
    *,
    invite_errors: list[dict[str, Any]] | None = None,
    invite_values: dict[str, str] | None = None,
    notice: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    filters = _filters(request)
    data = await _page_data(request, filters)  # admins only: FORBIDDEN becomes the 403 page
    # the CRM section is outside the table and form blocks: only whole pages ask for it
    crm = await crm_state(request) if target_block(request, BLOCKS) is None else {}
    context = {
        "integration": crm.get("integration"),
        "user_sync": crm.get("integrationUserSync"),
        "integration_page": INTEGRATION_PAGE,
        "organization": data["viewer"]["organization"],
        "users": data["users"],
        "filters": filters,
        "roles": ROLES,
        "statuses": STATUSES,
        "invite_errors": invite_errors or [],
        "invite": invite_values or {"email": "", "name": "", "role": "SUBMITTER"},
        "notice": notice,
    }
    return await render_page(
        request, PAGE, context, roles=("ADMIN",), blocks=BLOCKS, status_code=status_code
    )


async def users_page(request: Request) -> Response:
    return await _render(request)


def _invite_input(form: FormData) -> dict[str, str | None]:
    password = str(form.get("password", ""))
    return {
        "email": str(form.get("email", "")),
        "name": str(form.get("name", "")),
        "role": str(form.get("role", "SUBMITTER")),
        "password": password or None,
    }


async def invite(request: Request) -> Response:
    form = await request.form()
    values = _invite_input(form)
    if values["role"] not in ROLES:
        errors = [{"field": "role", "message": "Choose a role from the list.", "code": "INVALID"}]
    else:
        data = await run_operation(request, "UserInvite", {"input": values})
        errors = data["userInvite"]["errors"]
    if not errors:
        sent = "" if values["password"] else "; an invitation e-mail is on its way"
        flash(request, f"Invited {values['name']}{sent}.")
        return redirect(request, "/admin/users")
    if all(error["code"] == "DELIVERY_FAILED" for error in errors):  # invited, not told
        flash(request, f"Invited {values['name']}. {errors[0]['message']} "
              "Send the invitation again from the list.", "error")  # fmt: skip
        return redirect(request, "/admin/users")
    shown = {key: value or "" for key, value in values.items() if key != "password"}
    return await _render(
        request,
        invite_errors=errors,
        invite_values=shown,
    )


async def _row_action(request: Request, operation: str, variables: dict[str, Any]) -> Response:
    data = await run_operation(request, operation, {"input": variables})
    payload = next(iter(data.values()))
    notice = None
    if payload["errors"]:
        notice = {"kind": "error", "text": payload["errors"][0]["message"]}
    else:
        user = payload["user"]
        notice = {"kind": "ok", "text": f"Saved {user['name']}."}
    return await _render(request, notice=notice)


async def change_role(request: Request) -> Response:
    form = await request.form()
    role = str(form.get("role", ""))
    if role not in ROLES:
        notice = {"kind": "error", "text": "Choose a role from the list."}
        return await _render(request, notice=notice)
    return await _row_action(request, "UserUpdate", {"id": request.path_params["id"], "role": role})


async def send_invitation(request: Request) -> Response:
    variables = {"input": {"id": request.path_params["id"]}}
    data = await run_operation(request, "UserPasswordLinkSend", variables)
    payload = data["userPasswordLinkSend"]
    if payload["errors"]:
        notice = {"kind": "error", "text": payload["errors"][0]["message"]}
    else:
        what = "an invitation" if payload["kind"] == "INVITATION" else "a password-reset link"
        notice = {"kind": "ok", "text": f"Sent {what} to {payload['user']['email']}."}
    return await _render(request, notice=notice)


async def deactivate(request: Request) -> Response:
    return await _row_action(request, "UserDeactivate", {"id": request.path_params["id"]})


async def reactivate(request: Request) -> Response:
    return await _row_action(request, "UserReactivate", {"id": request.path_params["id"]})


routes = [
    Route("/admin/users", users_page, methods=["GET"]),
    Route("/admin/users/invite", invite, methods=["POST"]),
    Route("/admin/users/{id}/role", change_role, methods=["POST"]),
    Route("/admin/users/{id}/invitation", send_invitation, methods=["POST"]),
    Route("/admin/users/{id}/deactivate", deactivate, methods=["POST"]),
    Route("/admin/users/{id}/reactivate", reactivate, methods=["POST"]),
]
