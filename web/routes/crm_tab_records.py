"""CRM tab → record pages: what an Account, Contact or Potential (Deal) of the CRM shows in its
expenses section. ``/crm-tab/records/{module}/{crm_id}`` with the module as the CRM names it
(Accounts, Contacts, Potentials or Deals) and the CRM's record id: the record's totals, its
expenses and reports (paginated), New Expense and New Expense Report prefilled."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from web.graphql import GraphQLCallError, run_operation
from web.routes.crm_tab import render_tab
from web.routes.crm_tab_reports import TAB_UNAVAILABLE, not_found

PAGE = "crm_tab/record.html"
BLOCKS = {"record-expenses": "expenses", "record-reports": "reports"}
# The CRM's module names (Zoho CRM's API calls potentials "Deals"), any case.
MODULES = {"accounts": "ACCOUNTS", "contacts": "CONTACTS", "potentials": "DEALS", "deals": "DEALS"}
MODULE_LABELS = {"ACCOUNTS": "Account", "CONTACTS": "Contact", "DEALS": "Potential"}
# CRM record ids are digits in Zoho; other CRMs may use letters, dashes and underscores.
CRM_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


async def record_page(request: Request) -> Response:
    module = MODULES.get(request.path_params["module"].lower())
    crm_id = request.path_params["crm_id"]
    if module is None or not CRM_ID.fullmatch(crm_id):
        return await not_found(request, "record")
    params = request.query_params
    variables = {
        "module": module,
        "crmId": crm_id,
        "expensesAfter": params.get("expenses_after") or None,
        "reportsAfter": params.get("reports_after") or None,
    }
    try:
        data = await run_operation(request, "CrmRecord", variables)
    except GraphQLCallError as exc:
        if "NOT_FOUND" in exc.codes:
            return await not_found(request, "record")
        if exc.codes & TAB_UNAVAILABLE:  # the tab's gate answers the "Sync Modules is off" page
            return await render_tab(request, PAGE, {})
        raise
    record = data["recordContext"]
    if record is None:  # a visitor: render_tab sends them to sign in
        return await render_tab(request, PAGE, {})
    customer, potential = record["customer"], record["potential"]
    prefill = {"customer": customer["id"]} if customer else {}
    if potential:
        prefill["potential"] = potential["id"]
    query = urlencode(prefill)
    context = {
        "record": record,
        "module": module,
        "module_label": MODULE_LABELS[module],
        "module_path": request.path_params["module"],
        "crm_id": crm_id,
        "page_url": f"/crm-tab/records/{request.path_params['module']}/{crm_id}",
        "title": potential["name"] if potential else customer["name"],
        "new_expense_url": "/crm-tab/expenses/new" + (f"?{query}" if query else ""),
        "new_report_url": "/crm-tab/reports/new" + (f"?{query}" if query else ""),
        "expenses_after": variables["expensesAfter"],
        "reports_after": variables["reportsAfter"],
    }
    return await render_tab(request, PAGE, context, blocks=BLOCKS)


routes = [Route("/crm-tab/records/{module}/{crm_id}", record_page, methods=["GET"])]
