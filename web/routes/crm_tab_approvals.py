"""CRM tab → Approvals (approvers and admins): the reports submitted to me, Approve, Reject
with a comment; for admins, the approved reports to Reimburse (payment date and reference).
The actions are posted from the report's page, which shows their errors next to their field."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from web.graphql import run_operation
from web.htmx import redirect
from web.pages import flash, sign_in_redirect
from web.routes.crm_tab import render_tab
from web.routes.crm_tab_reports import Errors, error, parse_date, render_report, tab_viewer

ROLES = ("ADMIN", "APPROVER")
PAGE = "crm_tab/approvals.html"


async def approvals_page(request: Request) -> Response:
    viewer = await tab_viewer(request)
    if viewer is None:
        return sign_in_redirect(request)
    if viewer["role"] not in ROLES:  # the 403 page, before any report is read
        return await render_tab(request, PAGE, {}, roles=ROLES)
    params = request.query_params
    variables = {
        "isAdmin": viewer["role"] == "ADMIN",
        "after": params.get("after") or None,
        "reimburseAfter": params.get("reimburse_after") or None,
    }
    data = await run_operation(request, "CrmApprovals", variables)
    context = {"to_approve": data["toApprove"], "to_reimburse": data.get("toReimburse")}
    return await render_tab(request, PAGE, context, roles=ROLES)


async def _decide(
    request: Request, form_name: str, operation: str, input_: dict[str, Any], done: str
) -> Response:
    report_id = request.path_params["id"]
    data = await run_operation(request, operation, {"input": input_})
    payload = next(iter(data.values()))
    if payload["errors"]:
        values = {key: str(value) for key, value in input_.items() if key != "reportId"}
        return await render_report(
            request, report_id, errors={form_name: payload["errors"]}, values=values
        )
    flash(request, done)
    return redirect(request, "/crm-tab/approvals")


async def approve(request: Request) -> Response:
    form = await request.form()
    input_ = {"reportId": request.path_params["id"], "comment": str(form.get("comment", ""))}
    return await _decide(request, "approve", "CrmReportApprove", input_, "Approved the report.")


async def reject(request: Request) -> Response:
    form = await request.form()
    comment = str(form.get("comment", ""))
    report_id = request.path_params["id"]
    if not comment.strip():
        errors = [error("comment", "Say why the report is rejected.", "REQUIRED")]
        return await render_report(request, report_id, errors={"reject": errors})
    input_ = {"reportId": report_id, "comment": comment}
    return await _decide(request, "reject", "CrmReportReject", input_, "Rejected the report.")


async def reimburse(request: Request) -> Response:
    form = await request.form()
    report_id = request.path_params["id"]
    errors: Errors = []
    paid_on = parse_date(str(form.get("date", "")), "date", errors)
    reference = str(form.get("reference", ""))
    if errors or paid_on is None:
        values = {"date": str(form.get("date", "")), "reference": reference}
        return await render_report(request, report_id, errors={"reimburse": errors}, values=values)
    input_ = {"reportId": report_id, "date": paid_on, "reference": reference}
    return await _decide(
        request, "reimburse", "CrmReportReimburse", input_, "Recorded the reimbursement."
    )


routes = [
    Route("/crm-tab/approvals", approvals_page, methods=["GET"]),
    Route("/crm-tab/reports/{id}/approve", approve, methods=["POST"]),
    Route("/crm-tab/reports/{id}/reject", reject, methods=["POST"]),
    Route("/crm-tab/reports/{id}/reimburse", reimburse, methods=["POST"]),
]
