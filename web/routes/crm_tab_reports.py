"""CRM tab → Expense Reports: the viewer's reports by status, New Report (prefilled from a CRM
record), and a report's page: its expenses and totals, add or remove expenses, Submit to an
approver, Recall; approvers and admins act on it from the same page (``crm_tab_approvals``)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from web.graphql import GraphQLCallError, run_operation
from web.htmx import redirect
from web.pages import flash, sign_in_redirect
from web.routes.crm_tab import render_tab

STATUSES = ("DRAFT", "SUBMITTED", "APPROVED", "REJECTED", "REIMBURSED")
EDITABLE = ("DRAFT", "REJECTED")
PAGE_SIZE = 50
NEW_PAGE = "crm_tab/report_new.html"
NEW_BLOCKS = {"report-form": "form", "potential-field": "potential_field"}
REPORT_PAGE = "crm_tab/report.html"
REPORT_BLOCKS = {"report": "report"}
NOT_FOUND_PAGE = "crm_tab/not_found.html"
TAB_UNAVAILABLE = frozenset({"SYNC_MODULES_OFF", "INTEGRATION_DISABLED", "NOT_CONNECTED"})

Errors = list[dict[str, Any]]


def error(field: str | None, message: str, code: str = "INVALID") -> dict[str, Any]:
    return {"field": field, "message": message, "code": code}


async def tab_viewer(request: Request) -> dict[str, Any] | None:
    """The signed-in user (id, name, role, organisation), or None for a visitor."""
    viewer: dict[str, Any] | None = (await run_operation(request, "CrmTabViewer"))["viewer"]
    return viewer


async def not_found(request: Request, what: str) -> Response:
    """The tab's 404 page, in the tab's layout."""
    return await render_tab(request, NOT_FOUND_PAGE, {"what": what}, status_code=404)


def parse_date(value: str, field: str, errors: Errors) -> str | None:
    """An ISO date from a form field (``YYYY-MM-DD``), or an error next to ``field``."""
    text = value.strip()
    if not text:
        errors.append(error(field, "This field is required.", "REQUIRED"))
        return None
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        errors.append(error(field, "Enter a date as YYYY-MM-DD.", "INVALID"))
        return None


# --- the list --------------------------------------------------------------------------------


async def reports_page(request: Request) -> Response:
    viewer = await tab_viewer(request)
    if viewer is None:
        return sign_in_redirect(request)
    status = request.query_params.get("status", "").upper()
    status = status if status in STATUSES else ""
    variables = {
        "userId": viewer["id"],
        "statuses": [status] if status else [],
        "first": PAGE_SIZE,
        "after": request.query_params.get("after") or None,
    }
    data = await run_operation(request, "CrmReports", variables)
    counts = {name: data[name.lower()]["totalCount"] for name in STATUSES}
    context = {
        "reports": data["reports"],
        "status": status,
        "statuses": STATUSES,
        "counts": counts,
        "all_count": sum(counts.values()),
        "page_totals": _sum_totals(data["reports"]["nodes"]),
    }
    return await render_tab(request, "crm_tab/reports.html", context)


def _sum_totals(reports: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The listed reports' totals added up (all are in the organisation's base currency)."""
    if not reports:
        return None
    sums: dict[str, Any] = {"expenseCount": 0}
    for key in ("total", "reimbursable", "amountToReimburse"):
        currency = reports[0]["totals"][key]["currency"]
        amount = sum(Decimal(report["totals"][key]["amount"]) for report in reports)
        sums[key] = {"amount": f"{amount:.2f}", "currency": currency}
    sums["expenseCount"] = sum(report["totals"]["expenseCount"] for report in reports)
    return sums


# --- New Report --------------------------------------------------------------------------------


def _empty_values() -> dict[str, str]:
    return {
        "name": "", "businessPurpose": "", "startDate": "", "endDate": "",
        "customerId": "", "potentialId": "",
    }  # fmt: skip


async def _prefill(request: Request) -> tuple[dict[str, str], dict[str, str]]:
    """Form values from ``?customer=<id>&potential=<id>``, and the names of the prefilled
    customer and potential (which may be outside the first page of the lists)."""
    values = _empty_values()
    names: dict[str, str] = {}
    params = request.query_params
    for key, field in (("potential", "potentialId"), ("customer", "customerId")):
        given = params.get(key, "").strip()[:100]
        if not given or values[field]:
            continue
        try:
            data = await run_operation(request, "CrmReportPrefill", {"record": {field: given}})
        except GraphQLCallError as exc:
            if exc.codes & ({"NOT_FOUND"} | TAB_UNAVAILABLE):
                continue  # an unknown record prefills nothing; the tab's gate explains the rest
            raise
        record = data["recordContext"] or {}
        if record.get("customer"):
            values["customerId"] = record["customer"]["id"]
            names[record["customer"]["id"]] = record["customer"]["name"]
        if field == "potentialId" and record.get("potential"):
            values["potentialId"] = record["potential"]["id"]
            names[record["potential"]["id"]] = record["potential"]["name"]
    return values, names


async def _render_new(
    request: Request,
    values: dict[str, str],
    *,
    names: dict[str, str] | None = None,
    errors: Errors | None = None,
) -> Response:
    customer_id = values.get("customerId") or None
    data = await run_operation(
        request, "CrmReportForm", {"customerId": customer_id, "withPotentials": bool(customer_id)}
    )
    customers = list(data["customers"]["nodes"])
    potentials = list((data.get("potentials") or {}).get("nodes") or [])
    names = names or {}
    if customer_id and all(c["id"] != customer_id for c in customers) and customer_id in names:
        customers.insert(0, {"id": customer_id, "name": names[customer_id]})
    potential_id = values.get("potentialId")
    if potential_id and all(p["id"] != potential_id for p in potentials) and potential_id in names:
        potentials.insert(0, {"id": potential_id, "name": names[potential_id], "stage": ""})
    context = {
        "values": values,
        "errors": errors or [],
        "customers": customers,
        "customer_count": data["customers"]["totalCount"],
        "potentials": potentials,
    }
    return await render_tab(request, NEW_PAGE, context, blocks=NEW_BLOCKS)


async def new_report_page(request: Request) -> Response:
    if request.query_params.get("partial") == "potential":  # the customer changed
        values = _empty_values()
        values["customerId"] = request.query_params.get("customerId", "")[:100]
        return await _render_new(request, values)
    values, names = await _prefill(request)
    return await _render_new(request, values, names=names)


def _report_form(form: FormData) -> dict[str, str]:
    values = _empty_values()
    for key in values:
        values[key] = (
            str(form.get(key, "")).strip() if key.endswith("Id") else str(form.get(key, ""))
        )
    return values


async def create_report(request: Request) -> Response:
    form = await request.form()
    values = _report_form(form)
    errors: Errors = []
    start = parse_date(values["startDate"], "startDate", errors)
    end = parse_date(values["endDate"], "endDate", errors)
    if not values["name"].strip():
        errors.append(error("name", "This field is required.", "REQUIRED"))
    if not errors:
        variables = {
            "input": {
                "name": values["name"],
                "businessPurpose": values["businessPurpose"],
                "startDate": start,
                "endDate": end,
                "customerId": values["customerId"] or None,
                "potentialId": values["potentialId"] or None,
            }
        }
        payload = (await run_operation(request, "CrmReportCreate", variables))["reportCreate"]
        errors = payload["errors"]
        if not errors:
            report = payload["report"]
            flash(request, f"Created report {report['number']} · {report['name']}.")
            return redirect(request, f"/crm-tab/reports/{report['id']}")
    return await _render_new(request, values, errors=errors)


# --- a report ----------------------------------------------------------------------------------


def _approver_choices(data: dict[str, Any], report: dict[str, Any]) -> list[dict[str, Any]]:
    """Active approvers and admins, the submitter left out unless the organisation allows
    self-approval (the API refuses that choice otherwise)."""
    people = {user["id"]: user for user in data["admins"]["nodes"] + data["approvers"]["nodes"]}
    allow_self = data["viewer"]["organization"]["allowSelfApproval"]
    choices = [u for u in people.values() if allow_self or u["id"] != report["user"]["id"]]
    return sorted(choices, key=lambda user: (user["name"].lower(), user["id"]))


async def render_report(
    request: Request,
    report_id: str,
    *,
    errors: dict[str, Errors] | None = None,
    values: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    """The report's page; ``errors`` by form name (add, submit, recall, approve, reject,
    reimburse, remove) are shown in that form, next to their field."""
    viewer = await tab_viewer(request)
    if viewer is None:
        return sign_in_redirect(request)
    variables = {
        "id": report_id[:200],
        "userId": viewer["id"],
        "withChoices": True,
        "after": request.query_params.get("after") or None,
    }
    data = await run_operation(request, "CrmReport", variables)
    report = data["report"]
    if report is None:  # someone else's report, or none at all: nothing to tell apart
        return await not_found(request, "report")
    is_owner = report["user"]["id"] == viewer["id"]
    role = viewer["role"]
    may_decide = role == "ADMIN" or (
        role == "APPROVER" and (report["approver"] or {}).get("id") == viewer["id"]
    )
    if not is_owner:
        data["unreported"] = {"totalCount": 0, "nodes": []}
    context = {
        "report": report,
        "is_owner": is_owner,
        "editable": is_owner and report["status"] in EDITABLE and not report["isArchived"],
        "may_decide": may_decide and report["status"] == "SUBMITTED" and not report["isArchived"],
        "may_reimburse": role == "ADMIN" and report["status"] == "APPROVED",
        "unreported": data["unreported"],
        "approvers": _approver_choices(data, report),
        "errors": errors or {},
        "values": values or {},
        "today": date.today().isoformat(),
    }
    return await render_tab(
        request, REPORT_PAGE, context, blocks=REPORT_BLOCKS, status_code=status_code
    )


async def report_page(request: Request) -> Response:
    return await render_report(request, request.path_params["id"])


async def _owner_action(
    request: Request, form_name: str, operation: str, variables: dict[str, Any], done: str
) -> Response:
    report_id = request.path_params["id"]
    data = await run_operation(request, operation, variables)
    payload = next(iter(data.values()))
    if payload["errors"]:
        return await render_report(request, report_id, errors={form_name: payload["errors"]})
    flash(request, done)
    return redirect(request, f"/crm-tab/reports/{report_id}")


async def add_expenses(request: Request) -> Response:
    form = await request.form()
    report_id = request.path_params["id"]
    expense_ids = [str(value)[:200] for value in form.getlist("expenseId")][:100]
    if not expense_ids:
        errors = [error("expenseIds", "Tick at least one expense to add.", "REQUIRED")]
        return await render_report(request, report_id, errors={"add": errors})
    variables = {"input": {"reportId": report_id, "expenseIds": expense_ids}}
    done = f"Added {len(expense_ids)} expense{'' if len(expense_ids) == 1 else 's'} to the report."
    return await _owner_action(request, "add", "CrmReportAddExpenses", variables, done)


async def remove_expense(request: Request) -> Response:
    report_id = request.path_params["id"]
    expense_id = request.path_params["expense_id"]
    variables = {"input": {"reportId": report_id, "expenseIds": [expense_id]}}
    done = "Removed the expense from the report; it is unreported again."
    return await _owner_action(request, "remove", "CrmReportRemoveExpenses", variables, done)


async def submit_report(request: Request) -> Response:
    form = await request.form()
    report_id = request.path_params["id"]
    approver_id = str(form.get("approverId", "")).strip()[:200]
    if not approver_id:
        errors = [error("approverId", "Choose who approves this report.", "REQUIRED")]
        return await render_report(request, report_id, errors={"submit": errors})
    variables = {"input": {"reportId": report_id, "approverId": approver_id}}
    data = await run_operation(request, "CrmReportSubmit", variables)
    payload = data["reportSubmit"]
    if payload["errors"]:
        return await render_report(
            request, report_id, errors={"submit": payload["errors"]},
            values={"approverId": approver_id},
        )  # fmt: skip
    flash(request, f"Submitted the report to {payload['report']['approver']['name']}.")
    return redirect(request, f"/crm-tab/reports/{report_id}")


async def recall_report(request: Request) -> Response:
    variables = {"input": {"reportId": request.path_params["id"]}}
    done = "Recalled the report: it is a draft again."
    return await _owner_action(request, "recall", "CrmReportRecall", variables, done)


routes = [
    Route("/crm-tab/reports", reports_page, methods=["GET"]),
    Route("/crm-tab/reports", create_report, methods=["POST"]),
    Route("/crm-tab/reports/new", new_report_page, methods=["GET"]),
    Route("/crm-tab/reports/{id}", report_page, methods=["GET"]),
    Route("/crm-tab/reports/{id}/expenses", add_expenses, methods=["POST"]),
    Route("/crm-tab/reports/{id}/expenses/{expense_id}/remove", remove_expense, methods=["POST"]),
    Route("/crm-tab/reports/{id}/submit", submit_report, methods=["POST"]),
    Route("/crm-tab/reports/{id}/recall", recall_report, methods=["POST"]),
]
