"""Admin → Users, the CRM side: import Zoho CRM users with a role each, and the users sync
(instant sync, on/off)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from web.graphql import GraphQLCallError, run_operation
from web.htmx import redirect
from web.pages import flash, render_page

ADMINS = ("ADMIN",)
ROLES = ("ADMIN", "APPROVER", "SUBMITTER")
PER_PAGE = 50
MAX_PAGE = 1000
INTEGRATION_PAGE = "/settings/integrations/zoho-crm"


def _page_number(request: Request) -> int:
    raw = request.query_params.get("page", "1")
    return min(max(int(raw), 1), MAX_PAGE) if raw.isdigit() else 1


async def crm_state(request: Request) -> dict[str, Any]:
    """The integration's state and the users sync (the Users page shows both)."""
    return await run_operation(request, "UsersCrm")


async def _render_import(
    request: Request,
    *,
    errors: list[dict[str, Any]] | None = None,
    chosen: dict[str, str] | None = None,
) -> Response:
    crm = await crm_state(request)
    connected = crm["integration"]["state"] == "CONNECTED"
    if errors and not connected:  # disconnected meanwhile: the whole page says so
        flash(request, errors[0]["message"], "error")
        return redirect(request, "/admin/users/import")
    crm_users = None
    crm_error = None
    if connected:
        try:
            data = await run_operation(
                request, "CrmUsers", {"page": _page_number(request), "perPage": PER_PAGE}
            )
            crm_users = data["crmUsers"]
        except GraphQLCallError as exc:  # the CRM refused (a revoked token, ...): say so
            if not exc.codes & {"CRM_REJECTED", "NOT_CONNECTED"}:
                raise
            crm_error = str(exc)
    context = {
        "connected": connected,
        "integration": crm["integration"],
        "integration_page": INTEGRATION_PAGE,
        "crm_users": crm_users,
        "crm_error": crm_error,
        "roles": ROLES,
        "errors": errors or [],
        "chosen": chosen or {},
    }
    return await render_page(
        request, "admin/users_import.html", context, roles=ADMINS, blocks={"import-form": "form"}
    )


async def import_page(request: Request) -> Response:
    return await _render_import(request)


async def import_users(request: Request) -> Response:
    form = await request.form()
    picked = [str(value) for value in form.getlist("crm_user_id")][:100]
    chosen = {crm_id: str(form.get(f"role-{crm_id}", "SUBMITTER")) for crm_id in picked}
    if not picked:
        errors = [{"field": None, "message": "Choose at least one user to import.",
                   "code": "REQUIRED"}]  # fmt: skip
        return await _render_import(request, errors=errors)
    if any(role not in ROLES for role in chosen.values()):
        errors = [{"field": None, "message": "Choose a role from the list.", "code": "INVALID"}]
        return await _render_import(request, errors=errors, chosen=chosen)
    users = [{"crmUserId": crm_id, "role": role} for crm_id, role in chosen.items()]
    data = await run_operation(request, "CrmUsersImport", {"input": {"users": users}})
    payload = data["crmUsersImport"]
    if payload["errors"]:
        return await _render_import(request, errors=payload["errors"], chosen=chosen)
    parts = [f"Imported {payload['createdActive'] + payload['createdInactive']} users"]
    if payload["createdInactive"]:
        parts.append(f"{payload['createdInactive']} of them inactive (the plan's limit)")
    if payload["linked"]:
        parts.append(f"linked {payload['linked']} existing users by e-mail")
    if payload["skipped"]:
        parts.append(f"skipped {payload['skipped']}")
    flash(request, ", ".join(parts) + ". Send them an invitation so they can sign in.")
    return redirect(request, "/admin/users")


async def sync_now(request: Request) -> Response:
    data = await run_operation(request, "IntegrationUserSyncNow")
    payload = data["integrationUserSyncNow"]
    if payload["errors"]:
        flash(request, payload["errors"][0]["message"], "error")
    else:
        _flash_run(request, payload["run"])
    return redirect(request, "/admin/users")


def _flash_run(request: Request, run: dict[str, Any]) -> None:
    if run["status"] == "FAILED":
        flash(request, f"The users sync failed: {run['errorMessage']}", "error")
        return
    added = run["createdActive"] + run["createdInactive"]
    flash(request, f"Users sync done: {added} added, {run['linked']} linked by e-mail, "
          f"{run['deactivated']} deactivated.")  # fmt: skip


async def sync_switch(request: Request) -> Response:
    form = await request.form()
    enabled = str(form.get("enabled", "")) == "true"
    crm = await crm_state(request)
    mappings = [
        {"match": m["match"], "name": m["name"], "role": m["role"]}
        for m in crm["integrationUserSync"]["roleMappings"]
    ]  # kept as they are: this switch only turns the sync on or off
    variables = {"input": {"enabled": enabled, "roleMappings": mappings}}
    data = await run_operation(request, "IntegrationUserSyncSave", variables)
    payload = data["integrationUserSyncSave"]
    if payload["errors"]:
        flash(request, payload["errors"][0]["message"], "error")
    elif enabled:
        flash(request, "Users sync is on.")
        if payload["run"] is not None:
            _flash_run(request, payload["run"])
    else:
        flash(request, "Users sync is off: users stay as they are.")
    return redirect(request, "/admin/users")


routes = [
    Route("/admin/users/import", import_page, methods=["GET"]),
    Route("/admin/users/import", import_users, methods=["POST"]),
    Route("/admin/users/crm-sync/now", sync_now, methods=["POST"]),
    Route("/admin/users/crm-sync", sync_switch, methods=["POST"]),
]
