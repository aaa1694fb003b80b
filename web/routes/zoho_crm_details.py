"""Settings → Integrations → Zoho CRM: the details page and what it does.

Connection, settings summary, Check Status (a live progress bar: the status block polls itself
every second while a run is queued or running), run history with per-record errors, Instant
Sync, the options (Sync Modules, near-real-time sync, potentials), Disable / Enable, Delete
(only when disabled, with a confirmation step) and the list of synced customers.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from web.graphql import run_operation
from web.htmx import is_htmx, redirect
from web.pages import flash, render_page
from web.routes.zoho_crm import ADMINS, BASE, crm_query, render_connect

ACTIVE = frozenset({"QUEUED", "RUNNING"})
DELETION_MODES = ("KEEP_WITH_TRANSACTIONS", "CONVERT_ALL")
POTENTIALS_OPTIONS = ("ALL_POTENTIALS", "ONLY_USERS_POTENTIALS")
HISTORY_SIZE = 10
CUSTOMERS_PAGE = 25
CUSTOMER_TYPES = ("BUSINESS", "INDIVIDUAL")
PAGE = "settings/zoho_crm/details.html"
BLOCKS = {"sync-status": "status", "run-history": "history", "deletion-status": "deletion"}
FINISHED_EVENT = "zoho-sync-finished"


def _percent(processed: int, estimated: int, finished: bool) -> int:
    if finished:
        return 100
    if estimated <= 0:
        return 0
    return min(100, processed * 100 // estimated)


def run_view(run: dict[str, Any] | None) -> dict[str, Any] | None:
    """The latest run as the status block shows it: overall and per-module percentages.

    A finished run is at 100 %: an incremental run reads only the changed records, fewer than
    the estimate (every record in the CRM).
    """
    if run is None:
        return None
    done = run["status"] == "SUCCEEDED"
    streams = [
        {**s, "percent": _percent(s["processed"], s["estimated"], done)} for s in run["streams"]
    ]
    return {
        **run,
        "active": run["status"] in ACTIVE,
        "percent": _percent(run["processed"], run["estimatedTotal"], done),
        "stream_views": streams,
    }


def _deletion_active(deletion: dict[str, Any] | None) -> bool:
    return deletion is not None and deletion["status"] in ACTIVE


async def _history(request: Request) -> dict[str, Any]:
    data = await run_operation(request, "ZohoCrmRuns", {"first": HISTORY_SIZE, "after": None})
    runs: dict[str, Any] = data["integration"]["runs"]
    return runs


async def render_details(
    request: Request,
    *,
    option_errors: list[dict[str, Any]] | None = None,
    status_code: int = 200,
) -> Response:
    data = await run_operation(request, "ZohoCrmPage")  # admins only: FORBIDDEN is the 403 page
    integration = data["integration"]
    if integration["state"] == "NOT_CONNECTED":
        return await render_connect(request, data)
    view_names: dict[str, str] = {}
    if integration["state"] == "CONNECTED" and (
        integration["accountViewId"] or integration["contactViewId"]
    ):
        views, _problem = await crm_query(request, "ZohoCrmViews")
        listed = views or {}
        for view in [*listed.get("accountViews", []), *listed.get("contactViews", [])]:
            view_names[view["id"]] = view["name"]
    runs = integration["runs"]["nodes"]
    context = {
        "organization": data["viewer"]["organization"],
        "integration": integration,
        "run": run_view(runs[0] if runs else None),
        "history": await _history(request),
        "deletion": data["integrationDeletion"],
        "deletion_active": _deletion_active(data["integrationDeletion"]),
        "view_names": view_names,
        "option_errors": option_errors or [],
        "potentials_options": POTENTIALS_OPTIONS,
    }
    return await render_page(
        request, PAGE, context, roles=ADMINS, blocks=BLOCKS, status_code=status_code
    )


async def details_page(request: Request) -> Response:
    return await render_details(request)


async def status(request: Request) -> Response:
    """Check Status: the latest run's block (htmx), polled every second while it is active."""
    if not is_htmx(request):
        return RedirectResponse(f"{BASE}#sync-status", status_code=303)
    data = await run_operation(request, "ZohoCrmStatus")
    integration = data["integration"]
    runs = integration["runs"]["nodes"]
    run = run_view(runs[0] if runs else None)
    context = {"integration": integration, "run": run, "checked": True}
    response = await render_page(request, PAGE, context, roles=ADMINS, blocks=BLOCKS)
    if request.query_params.get("polling") and not (run and run["active"]):
        response.headers["HX-Trigger"] = FINISHED_EVENT  # the run history reloads itself
    return response


async def history(request: Request) -> Response:
    if not is_htmx(request):
        return RedirectResponse(f"{BASE}#run-history", status_code=303)
    context = {"history": await _history(request)}
    return await render_page(request, PAGE, context, roles=ADMINS, blocks=BLOCKS)


async def sync_now(request: Request) -> Response:
    """Instant Sync; the status block shows the new run and polls it."""
    data = await run_operation(request, "IntegrationSyncNow")
    errors = data["integrationSyncNow"]["errors"]
    if errors:
        flash(request, errors[0]["message"], "error")
    else:
        flash(request, "Instant Sync started.")
    return redirect(request, f"{BASE}#sync-status")


async def save_option(request: Request) -> Response:
    """One option per form: Sync Modules, near-real-time sync or the potentials option."""
    form = await request.form()
    option = str(form.get("option", ""))
    value = str(form.get("value", ""))
    options: dict[str, Any]
    if option in ("syncModules", "realTimeSync") and value in ("on", "off"):
        options = {option: value == "on"}
    elif option == "potentialsOption" and value in POTENTIALS_OPTIONS:
        options = {option: value}
    else:
        error = {"field": option or None, "message": "Choose one of the options.",
                 "code": "INVALID"}  # fmt: skip
        return await render_details(request, option_errors=[error])
    data = await run_operation(request, "IntegrationOptionsSave", {"input": options})
    errors = data["integrationOptionsSave"]["errors"]
    if errors:
        return await render_details(request, option_errors=errors)
    texts = {
        "syncModules": "Sync Modules is {}.",
        "realTimeSync": "Near-real-time sync is {}.",
    }
    if option == "potentialsOption":
        which = "all potentials." if value == "ALL_POTENTIALS" else "only their own potentials."
        flash(request, "Saved: users pick " + which)
    else:
        flash(request, texts[option].format(value))
    return redirect(request, BASE)


async def _lifecycle(request: Request, operation: str, done: str) -> Response:
    data = await run_operation(request, operation)
    errors = next(iter(data.values()))["errors"]
    if errors:
        flash(request, errors[0]["message"], "error")
    else:
        flash(request, done)
    return redirect(request, BASE)


async def disable(request: Request) -> Response:
    return await _lifecycle(
        request, "IntegrationDisable",
        "The integration is disabled: no sync runs until you enable it. All data stays.",
    )  # fmt: skip


async def enable(request: Request) -> Response:
    return await _lifecycle(
        request, "IntegrationEnable", "The integration is enabled: syncs run again."
    )


async def _render_delete(
    request: Request, *, errors: list[dict[str, Any]] | None = None, mode: str = ""
) -> Response:
    data = await run_operation(request, "ZohoCrmPage")
    if data["integration"]["state"] == "NOT_CONNECTED":
        return redirect(request, BASE)
    context = {
        "integration": data["integration"], "deletion": data["integrationDeletion"],
        "errors": errors or [], "mode": mode, "modes": DELETION_MODES,
    }  # fmt: skip
    return await render_page(
        request, "settings/zoho_crm/delete.html", context, roles=ADMINS,
        blocks={"delete-form": "delete_form"},
    )  # fmt: skip


async def delete_page(request: Request) -> Response:
    """The confirmation step: what each choice does, then Delete."""
    return await _render_delete(request)


async def delete(request: Request) -> Response:
    form = await request.form()
    mode = str(form.get("mode", ""))
    if mode not in DELETION_MODES:
        error = {"field": "mode", "message": "Choose what happens to the synced records.",
                 "code": "REQUIRED"}  # fmt: skip
        return await _render_delete(request, errors=[error], mode=mode)
    data = await run_operation(request, "IntegrationDelete", {"input": {"mode": mode}})
    errors = data["integrationDelete"]["errors"]
    if errors:
        return await _render_delete(request, errors=errors, mode=mode)
    flash(request, "Deleting the integration. Every admin gets a notification when it is done.")
    return redirect(request, BASE)


async def deletion_status(request: Request) -> Response:
    """Polled while a deletion runs; when it ends the whole page reloads (the notification
    count in the header, the connect form)."""
    data = await run_operation(request, "ZohoCrmDeletion")
    deletion = data["integrationDeletion"]
    if not is_htmx(request):
        return RedirectResponse(BASE, status_code=303)
    if not _deletion_active(deletion):
        return Response(status_code=204, headers={"HX-Redirect": BASE})
    context = {"deletion": deletion, "deletion_active": True}
    return await render_page(request, PAGE, context, roles=ADMINS, blocks=BLOCKS)


async def synced_customers(request: Request) -> Response:
    params = request.query_params
    search = params.get("search", "").strip()[:100]
    kind = params.get("type") if params.get("type") in CUSTOMER_TYPES else ""
    customer_filter: dict[str, Any] = {"synced": True}
    if search:
        customer_filter["search"] = search
    if kind:
        customer_filter["type"] = kind
    variables = {
        "first": CUSTOMERS_PAGE, "after": params.get("after") or None, "filter": customer_filter,
    }  # fmt: skip
    data = await run_operation(request, "ZohoCrmCustomers", variables)
    labels = {f["apiName"]: f["label"] for f in data["customFields"]["nodes"]}
    context = {
        "customers": data["customers"], "labels": labels, "search": search, "type": kind,
        "types": CUSTOMER_TYPES,
    }  # fmt: skip
    return await render_page(
        request, "settings/zoho_crm/customers.html", context, roles=ADMINS,
        blocks={"customer-table": "table"},
    )  # fmt: skip


async def runs_page(request: Request) -> Response:
    after = request.query_params.get("after") or None
    data = await run_operation(request, "ZohoCrmRuns", {"first": 25, "after": after})
    context = {"history": data["integration"]["runs"], "paged": True}
    return await render_page(request, "settings/zoho_crm/runs.html", context, roles=ADMINS)


routes = [
    Route(BASE, details_page, methods=["GET"]),
    Route(f"{BASE}/status", status, methods=["GET"]),
    Route(f"{BASE}/history", history, methods=["GET"]),
    Route(f"{BASE}/runs", runs_page, methods=["GET"]),
    Route(f"{BASE}/sync-now", sync_now, methods=["POST"]),
    Route(f"{BASE}/options", save_option, methods=["POST"]),
    Route(f"{BASE}/disable", disable, methods=["POST"]),
    Route(f"{BASE}/enable", enable, methods=["POST"]),
    Route(f"{BASE}/delete", delete_page, methods=["GET"]),
    Route(f"{BASE}/delete", delete, methods=["POST"]),
    Route(f"{BASE}/deletion", deletion_status, methods=["GET"]),
    Route(f"{BASE}/synced-customers", synced_customers, methods=["GET"]),
]
