"""Dashboards: the admin's `/dashboard` and the CRM tab's `/crm-tab/dashboard`, one page drawn
in two layouts. Components (bar, line or pie chart, KPI tile, table) are added, configured,
moved up or down and removed; each change saves the whole dashboard through `DashboardSave`
(the first change of a user who sees the organisation's default makes it their own). Admins
save what they see as the organisation's default; everyone can reset to that default.

Charts are drawn by ECharts (web/static/dashboard.js) from a JSON description in each chart's
`data-chart` attribute; every chart also has its figures as a table and an aria-label summary.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from web.graphql import GraphQLCallError, run_operation
from web.htmx import is_htmx, redirect
from web.pages import flash, render_page
from web.routes.crm_tab import render_tab

BLOCKS = {"dashboard": "dashboard"}
MAX_COMPONENTS = 24
MAX_ROWS = 50

KINDS = {
    "BAR": "Bar chart",
    "LINE": "Line chart",
    "PIE": "Pie chart",
    "KPI": "KPI tile",
    "TABLE": "Table",
}
REPORTS = {
    "SPEND_PER_DEAL": "Spend per deal",
    "DEAL_SPEND_BY_USER": "One deal's spend by user",
    "DEAL_SPEND_BY_MONTH": "Spent on deals per month",
    "LOST_DEAL_SPEND": "Spend on lost deals",
    "SPEND_BY_STAGE": "Spend by stage",
    "SPEND_PER_CUSTOMER": "Spend per customer",
    "AD_HOC": "Ad hoc grouping",
}
# what each ready report groups by (the rows' key)
REPORT_GROUPS = {
    "SPEND_PER_DEAL": "POTENTIAL",
    "DEAL_SPEND_BY_USER": "USER",
    "DEAL_SPEND_BY_MONTH": "MONTH",
    "LOST_DEAL_SPEND": "POTENTIAL",
    "SPEND_BY_STAGE": "STAGE",
    "SPEND_PER_CUSTOMER": "CUSTOMER",
}
DIMENSIONS = {
    "POTENTIAL": "Deal",
    "CUSTOMER": "Customer",
    "USER": "User",
    "CATEGORY": "Category",
    "DAY": "Day",
    "WEEK": "Week",
    "MONTH": "Month",
    "QUARTER": "Quarter",
    "YEAR": "Year",
    "STAGE": "Deal stage",
    "OUTCOME": "Deal outcome",
    "STATUS": "Status",
    "CURRENCY": "Currency",
}
MEASURES = {
    "TOTAL": "Total spend",
    "COUNT": "Number of expenses",
    "REIMBURSABLE_TOTAL": "Reimbursable spend",
    "BILLABLE_TOTAL": "Billable spend",
    "AVERAGE": "Average expense",
    "MINIMUM": "Smallest expense",
    "MAXIMUM": "Largest expense",
}
MEASURE_FIELDS = {
    "TOTAL": "total",
    "REIMBURSABLE_TOTAL": "reimbursableTotal",
    "BILLABLE_TOTAL": "billableTotal",
    "AVERAGE": "average",
    "MINIMUM": "minimum",
    "MAXIMUM": "maximum",
}
PERIODS = {
    "ALL_TIME": "All time",
    "THIS_MONTH": "This month",
    "LAST_MONTH": "Last month",
    "THIS_QUARTER": "This quarter",
    "THIS_YEAR": "This year",
    "LAST_12_MONTHS": "Last 12 months",
    "CUSTOM": "Custom dates",
}
STATUSES = {
    "UNREPORTED": "Unreported",
    "UNSUBMITTED": "Unsubmitted",
    "SUBMITTED": "Submitted",
    "APPROVED": "Approved",
    "REJECTED": "Rejected",
    "REIMBURSED": "Reimbursed",
}
OUTCOMES = {"OPEN": "Open", "WON": "Won", "LOST": "Lost"}
CHOICES = {"": None, "true": True, "false": False}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, slots=True)
class Place:
    """Where the dashboard lives: the admin's page or the CRM tab."""

    base: str
    template: str
    confirm_template: str
    render: Callable[..., Awaitable[Response]]


ADMIN = Place("/dashboard", "dashboard/page.html", "dashboard/confirm.html", render_page)
CRM_TAB = Place(
    "/crm-tab/dashboard", "crm_tab/dashboard.html", "crm_tab/dashboard_confirm.html", render_tab
)


async def _confirm_first(
    request: Request, place: Place, heading: str, question: str, button: str
) -> Response | None:
    """None once confirmed: htmx sends ``confirmed`` after its dialog; a browser without
    scripts gets a confirmation page first."""
    form = await request.form()
    if form.get("confirmed") == "yes":
        return None
    context = {"heading": heading, "question": question, "button": button,
               "action": request.url.path, "base": place.base}  # fmt: skip
    return await place.render(request, place.confirm_template, context)


# --- presentation -------------------------------------------------------------------------


def _number(amount: str | None) -> Decimal:
    try:
        return Decimal(amount or "0")
    except InvalidOperation:
        return Decimal(0)


def format_money(amount: str | None, currency: str) -> str:
    return f"{_number(amount):,.2f} {currency}"


def _period_label(value: str, dimension: str) -> str:
    day = date.fromisoformat(value)
    if dimension == "MONTH":
        return f"{MONTHS[day.month - 1]} {day.year}"
    if dimension == "QUARTER":
        return f"Q{(day.month - 1) // 3 + 1} {day.year}"
    if dimension == "YEAR":
        return str(day.year)
    short = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"Week of {short}" if dimension == "WEEK" else short


def node_label(node: Mapping[str, Any], dimension: str | None) -> str:
    if dimension is None:
        return "All expenses"
    objects = {"POTENTIAL": "potential", "CUSTOMER": "customer", "USER": "user",
               "CATEGORY": "category"}  # fmt: skip
    if dimension in objects:
        found = node.get(objects[dimension])
        if found:
            return str(found["name"])
        return {"POTENTIAL": "No deal", "CUSTOMER": "No customer"}.get(dimension, "None")
    if dimension in {"DAY", "WEEK", "MONTH", "QUARTER", "YEAR"}:
        return _period_label(node["period"], dimension) if node.get("period") else "None"
    key = {"STAGE": "stage", "OUTCOME": "outcome", "STATUS": "status", "CURRENCY": "currency"}
    value = node.get(key[dimension])
    if value is None:
        return "No deal" if dimension in {"STAGE", "OUTCOME"} else "None"
    return str(value).replace("_", " ").capitalize() if dimension != "STAGE" else str(value)


def measure_value(row: Mapping[str, Any], measure: str) -> tuple[float, str]:
    """The figure to plot and how it reads (``row``: a group or the summary)."""
    if measure == "COUNT":
        return float(row["count"]), str(row["count"])
    money = row.get(MEASURE_FIELDS[measure]) or {}
    amount = money.get("amount")
    return float(_number(amount)), (format_money(amount, "") if amount else "—").strip()


def filter_summary(component: Mapping[str, Any]) -> str:
    f = component["filter"]
    parts = []
    if f["period"] == "CUSTOM":
        parts.append(f"{f['dateFrom'] or '…'} to {f['dateTo'] or '…'}")
    else:
        parts.append(PERIODS[f["period"]])
    if f["statuses"]:
        parts.append(", ".join(STATUSES[s] for s in f["statuses"]))
    elif component["report"] != "AD_HOC":
        parts.append("Approved, Reimbursed")
    else:
        parts.append("Every status")
    if f["outcomes"]:
        parts.append("Deals " + ", ".join(OUTCOMES[o].lower() for o in f["outcomes"]))
    for key, yes, no in (("reimbursable", "Reimbursable", "Not reimbursable"),
                         ("billable", "Billable", "Not billable"),
                         ("hasPotential", "On a deal", "Without a deal")):  # fmt: skip
        if f[key] is not None:
            parts.append(yes if f[key] else no)
    return " · ".join(parts)


def present(component: dict[str, Any], currency: str) -> dict[str, Any]:
    """What the template draws for one component."""
    dimension = (
        component["groupBy"]
        if component["report"] == "AD_HOC"
        else REPORT_GROUPS[component["report"]]
    )
    measure = component["measure"]
    data = component["data"]
    rows = []
    for node in data["nodes"]:
        value, shown = measure_value(node, measure)
        rows.append({
            "label": node_label(node, dimension), "value": value, "shown": shown,
            "count": node["count"],
        })  # fmt: skip
    value, shown = measure_value(data["summary"], measure)
    unit = "" if measure == "COUNT" else currency
    summary_text = "; ".join(f"{r['label']}: {r['shown']} {unit}".strip() for r in rows)
    kind_name = KINDS[component["kind"]].lower()
    aria = f"{kind_name.capitalize()} of {MEASURES[measure].lower()} by " + (
        f"{DIMENSIONS[dimension].lower()}" if dimension else "nothing"
    )
    aria += f". {summary_text}." if rows else ". No expenses."
    chart = {
        "type": component["kind"].lower(),
        "labels": [r["label"] for r in rows],
        "values": [r["value"] for r in rows],
        "measure": MEASURES[measure],
        "unit": unit,
    }
    return {
        **component,
        "dimension": dimension,
        "dimension_name": DIMENSIONS.get(dimension or "", "Group"),
        "measure_name": MEASURES[measure],
        "rows_shown": rows,
        "more": data["totalCount"] - len(rows),
        "unit": unit,
        "kpi": {"shown": shown, "count": data["summary"]["count"]},
        "chart_json": json.dumps(chart, separators=(",", ":")),
        "aria": aria,
        "filter_text": filter_summary(component),
    }


# --- forms --------------------------------------------------------------------------------


def settings_input(component: Mapping[str, Any]) -> dict[str, Any]:
    """A stored component as a DashboardComponentInput (to save it again unchanged)."""
    return {
        "id": component["id"], "kind": component["kind"], "title": component["title"],
        "report": component["report"], "groupBy": component["groupBy"],
        "measure": component["measure"], "rows": component["rows"],
        "potentialId": component["potentialId"], "filter": dict(component["filter"]),
    }  # fmt: skip


def _choice(form: FormData, name: str, allowed: Mapping[str, Any], errors: list[dict[str, Any]],
            default: str | None = None) -> str | None:  # fmt: skip
    value = str(form.get(name, "") or "") or default
    if value is None or value in allowed:
        return value
    errors.append({"field": name, "message": "Choose from the list.", "code": "INVALID"})
    return default


def _date(form: FormData, name: str, errors: list[dict[str, Any]]) -> str | None:
    value = str(form.get(name, "") or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        errors.append({"field": f"filter.{name}", "message": "Give a date as YYYY-MM-DD.",
                       "code": "INVALID"})  # fmt: skip
        return None


def component_from_form(
    form: FormData, component_id: str | None
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The component input the form describes, and the problems found before GraphQL (values
    that are not among the choices: the mutation's own checks follow)."""
    errors: list[dict[str, Any]] = []
    kind = _choice(form, "kind", KINDS, errors, "BAR")
    report = _choice(form, "report", REPORTS, errors, "SPEND_PER_DEAL")
    group_by = _choice(form, "groupBy", DIMENSIONS, errors)
    measure = _choice(form, "measure", MEASURES, errors, "TOTAL")
    period = _choice(form, "period", PERIODS, errors, "ALL_TIME")
    rows_text = str(form.get("rows", "") or "10").strip()
    rows = int(rows_text) if rows_text.isdigit() and len(rows_text) < 4 else -1
    if not 1 <= rows <= MAX_ROWS:
        errors.append({"field": "rows", "message": f"Show 1 to {MAX_ROWS} rows.",
                       "code": "INVALID"})  # fmt: skip
    statuses = [str(s) for s in form.getlist("statuses")]
    outcomes = [str(o) for o in form.getlist("outcomes")]
    if any(s not in STATUSES for s in statuses):
        errors.append({"field": "filter.statuses", "message": "Choose from the list.",
                       "code": "INVALID"})  # fmt: skip
        statuses = []
    if any(o not in OUTCOMES for o in outcomes):
        errors.append({"field": "filter.outcomes", "message": "Choose from the list.",
                       "code": "INVALID"})  # fmt: skip
        outcomes = []
    flags = {}
    for name in ("reimbursable", "billable", "hasPotential"):
        value = str(form.get(name, "") or "")
        if value not in CHOICES:
            errors.append({"field": f"filter.{name}", "message": "Choose from the list.",
                           "code": "INVALID"})  # fmt: skip
        flags[name] = CHOICES.get(value)
    potential = str(form.get("potentialId", "") or "") or None
    custom = period == "CUSTOM"
    date_from, date_to = _date(form, "dateFrom", errors), _date(form, "dateTo", errors)
    component = {
        "id": component_id, "kind": kind, "report": report,
        "title": str(form.get("title", "") or "")[:1000],
        "groupBy": group_by if report == "AD_HOC" else None, "measure": measure,
        "rows": rows if rows > 0 else 10,
        "potentialId": potential if report == "DEAL_SPEND_BY_USER" else None,
        "filter": {
            "period": period, "dateFrom": date_from if custom else None,
            "dateTo": date_to if custom else None, "statuses": statuses, "outcomes": outcomes,
            **flags,
        },
    }  # fmt: skip
    return component, errors


def _form_errors(
    errors: list[dict[str, Any]], index: int, components: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The mutation's errors of component ``index``, named as the form's fields; another
    component's problem (a deal since deleted) is shown above the form with its title."""
    prefix = f"components.{index}."
    shown = []
    for error in errors:
        field = error["field"] or ""
        if field.startswith(prefix):
            shown.append({**error, "field": field[len(prefix) :]})
            continue
        other = field.split(".")
        if len(other) > 1 and other[1].isdigit() and int(other[1]) < len(components):
            title = components[int(other[1])]["title"] or "A component"
            shown.append({**error, "field": None, "message": f"{title}: {error['message']}"})
        else:
            shown.append({**error, "field": None})
    return shown


# --- pages --------------------------------------------------------------------------------


async def _render(
    request: Request,
    place: Place,
    *,
    add_errors: list[dict[str, Any]] | None = None,
    add_values: dict[str, Any] | None = None,
    edit_id: str | None = None,
    edit_errors: list[dict[str, Any]] | None = None,
    edit_values: dict[str, Any] | None = None,
    notice: dict[str, str] | None = None,
    focus: str | None = None,
) -> Response:
    data = await run_operation(request, "DashboardPage")
    board = data["dashboard"]
    currency = ""
    components = []
    for component in board["components"]:
        currency = component["data"]["summary"]["total"]["currency"]
        components.append(present(component, currency))
    context = {
        "base": place.base,
        "board": board,
        "components": components,
        "has_default": data["organizationDashboard"] is not None,
        "potentials": data["potentials"]["nodes"],
        "kinds": KINDS, "reports": REPORTS, "dimensions": DIMENSIONS, "measures": MEASURES,
        "periods": PERIODS, "statuses": STATUSES, "outcomes": OUTCOMES,
        "max_components": MAX_COMPONENTS,
        "add_errors": add_errors or [],
        "add": add_values or {"kind": "BAR", "report": "SPEND_PER_DEAL", "measure": "TOTAL",
                              "rows": 10, "filter": {"period": "ALL_TIME", "statuses": [],
                                                     "outcomes": []}},
        "edit_id": edit_id, "edit_errors": edit_errors or [], "edit_values": edit_values,
        "notice": notice, "focus": focus,
    }  # fmt: skip
    return await place.render(request, place.template, context, blocks=BLOCKS)


async def _save(
    request: Request, place: Place, components: list[dict[str, Any]], done: str, *,
    focus: str | None = None,
) -> tuple[Response | None, list[dict[str, Any]]]:  # fmt: skip
    """Save ``components``; on success the answer (the board again, or a redirect without
    htmx), else None and the mutation's errors."""
    try:
        data = await run_operation(request, "DashboardSave", {"input": {"components": components}})
    except GraphQLCallError as exc:
        if exc.codes != {"INVALID"}:
            raise
        # the text rule refused a value (a control character in a title): name its field
        return None, [
            {"field": str(e["extensions"]["field"]).removeprefix("input."),
             "message": e["message"].split(": ", 1)[-1], "code": "INVALID"}
            for e in exc.errors
        ]  # fmt: skip
    errors: list[dict[str, Any]] = data["dashboardSave"]["errors"]
    if errors:
        return None, errors
    return await _done(request, place, done, focus=focus), []


async def _done(request: Request, place: Place, text: str, *, focus: str | None = None,
                kind: str = "ok") -> Response:  # fmt: skip
    if is_htmx(request):
        return await _render(request, place, notice={"kind": kind, "text": text}, focus=focus)
    flash(request, text, kind)
    return redirect(request, place.base)


async def _current(request: Request) -> list[dict[str, Any]]:
    data = await run_operation(request, "Dashboard")
    return [settings_input(c) for c in data["dashboard"]["components"]]


def _index(components: list[dict[str, Any]], component_id: str) -> int | None:
    return next((i for i, c in enumerate(components) if c["id"] == component_id), None)


def page(place: Place) -> Callable[[Request], Awaitable[Response]]:
    async def show(request: Request) -> Response:
        return await _render(request, place)

    return show


def add(place: Place) -> Callable[[Request], Awaitable[Response]]:
    async def add_component(request: Request) -> Response:
        form = await request.form()
        component, errors = component_from_form(form, None)
        current = await _current(request)
        if not errors:
            if len(current) >= MAX_COMPONENTS:
                errors = [{"field": None, "code": "TOO_MANY_ITEMS",
                           "message": f"A dashboard holds at most {MAX_COMPONENTS} components; "
                           "remove one first."}]  # fmt: skip
            else:
                answer, saved_errors = await _save(
                    request, place, [*current, component], "Component added."
                )
                if answer is not None:
                    return answer
                errors = _form_errors(saved_errors, len(current), current)
        return await _render(request, place, add_errors=errors, add_values=component)

    return add_component


def update(place: Place) -> Callable[[Request], Awaitable[Response]]:
    async def update_component(request: Request) -> Response:
        component_id = request.path_params["id"]
        form = await request.form()
        current = await _current(request)
        index = _index(current, component_id)
        if index is None:
            return await _done(request, place, "That component is no longer on the dashboard.",
                               kind="error")  # fmt: skip
        component, errors = component_from_form(form, component_id)
        if not errors:
            current[index] = component
            answer, saved_errors = await _save(request, place, current, "Component saved.")
            if answer is not None:
                return answer
            errors = _form_errors(saved_errors, index, current)
        return await _render(
            request, place, edit_id=component_id, edit_errors=errors, edit_values=component
        )

    return update_component


def move(place: Place) -> Callable[[Request], Awaitable[Response]]:
    async def move_component(request: Request) -> Response:
        component_id = request.path_params["id"]
        form = await request.form()
        direction = str(form.get("direction", ""))
        current = await _current(request)
        index = _index(current, component_id)
        if index is None or direction not in {"up", "down"}:
            return await _done(request, place, "That component cannot be moved.", kind="error")
        target = index - 1 if direction == "up" else index + 1
        if not 0 <= target < len(current):
            return await _done(request, place, "The component is already there.", kind="error")
        current[index], current[target] = current[target], current[index]
        where = "up" if direction == "up" else "down"
        answer, errors = await _save(
            request, place, current, f"Moved {current[target]['title']} {where}.",
            focus=f"move-{direction}-{component_id}",
        )  # fmt: skip
        if answer is not None:
            return answer
        return await _done(request, place, errors[0]["message"], kind="error")

    return move_component


def remove(place: Place) -> Callable[[Request], Awaitable[Response]]:
    async def remove_component(request: Request) -> Response:
        component_id = request.path_params["id"]
        current = await _current(request)
        index = _index(current, component_id)
        if index is None:
            return await _done(request, place, "That component is no longer on the dashboard.",
                               kind="error")  # fmt: skip
        title = current[index]["title"]
        ask = await _confirm_first(
            request, place, f"Remove {title}", f"Remove {title} from your dashboard?", "Remove"
        )
        if ask is not None:
            return ask
        removed = current.pop(index)
        answer, errors = await _save(request, place, current, f"Removed {removed['title']}.")
        if answer is not None:
            return answer
        return await _done(request, place, errors[0]["message"], kind="error")

    return remove_component


def reset(place: Place) -> Callable[[Request], Awaitable[Response]]:
    async def reset_dashboard(request: Request) -> Response:
        ask = await _confirm_first(
            request, place, "Reset to default",
            "Drop your own dashboard and see the organisation's default (or an empty one)?",
            "Reset to default",
        )  # fmt: skip
        if ask is not None:
            return ask
        data = await run_operation(request, "DashboardReset", {"input": None})
        errors = data["dashboardReset"]["errors"]
        if errors:
            return await _done(request, place, errors[0]["message"], kind="error")
        return await _done(request, place, "Your dashboard is the organisation's default again.")

    return reset_dashboard


def save_default(place: Place) -> Callable[[Request], Awaitable[Response]]:
    async def save_as_default(request: Request) -> Response:
        ask = await _confirm_first(
            request, place, "Save as organisation default",
            "Every user without a dashboard of their own will see this one. Save it as the "
            "organisation's default?", "Save as organisation default",
        )  # fmt: skip
        if ask is not None:
            return ask
        current = await _current(request)
        variables = {"input": {"components": current, "organizationDefault": True}}
        data = await run_operation(request, "DashboardSave", variables)
        errors = data["dashboardSave"]["errors"]
        if errors:
            return await _done(request, place, errors[0]["message"], kind="error")
        return await _done(request, place, "Saved as the organisation's default dashboard.")

    return save_as_default


def _routes(place: Place) -> list[Route]:
    base = place.base
    return [
        Route(base, page(place), methods=["GET"]),
        Route(f"{base}/components", add(place), methods=["POST"]),
        Route(f"{base}/components/{{id}}", update(place), methods=["POST"]),
        Route(f"{base}/components/{{id}}/move", move(place), methods=["POST"]),
        Route(f"{base}/components/{{id}}/remove", remove(place), methods=["POST"]),
        Route(f"{base}/reset", reset(place), methods=["POST"]),
        Route(f"{base}/default", save_default(place), methods=["POST"]),
    ]


routes = [*_routes(ADMIN), *_routes(CRM_TAB)]
