"""The CRM tab's Expenses pages: Unreported and All Expenses (filters; select → Add to Report,
Delete), New Expense (Save and Close, Save and New; prefilled from a record page), one expense
(view, edit, delete) and the Receipts Inbox.

Every form works without scripts: the steps of choosing a customer (type-ahead, Search in CRM,
Choose) are submit buttons of the expense form itself, answered with the form again, the values
typed kept and nothing saved. With htmx the same requests swap the form in place.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from starlette.convertors import Convertor, register_url_convertor
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from web.graphql import GraphQLCallError, run_operation
from web.htmx import is_htmx, redirect
from web.pages import flash, render_error, sign_in_redirect
from web.routes.crm_tab import render_tab
from web.routes.settings_forms import Error, checked, error, scalar_errors, text_values

LIST_PATH = "/crm-tab/expenses"
NEW_PATH = "/crm-tab/expenses/new"
RECEIPTS_PATH = "/crm-tab/receipts"
PAGE_SIZE = 25
MAX_SELECTED = 100
STATUSES = ("UNREPORTED", "UNSUBMITTED", "SUBMITTED", "APPROVED", "REJECTED", "REIMBURSED")
DELETABLE = ("UNREPORTED", "UNSUBMITTED")
EDITABLE = ("UNREPORTED", "UNSUBMITTED", "REJECTED")

LIST_TEMPLATE = "crm_tab/expenses.html"
LIST_BLOCKS = {"expense-list": "expense_list"}
FORM_TEMPLATE = "crm_tab/expense_form.html"
FORM_BLOCKS = {"expense-form": "expense_form", "customer-results": "customer_results"}
VIEW_TEMPLATE = "crm_tab/expense.html"
CONFIRM_TEMPLATE = "crm_tab/confirm.html"
RECEIPTS_TEMPLATE = "crm_tab/receipts.html"
RECEIPTS_BLOCKS = {"receipt-list": "receipt_list"}

# API input paths → the form field the error is shown next to
FIELD_OF = {
    "date": "date",
    "categoryId": "category",
    "amount": "amount",
    "currency": "currency",
    "exchangeRate": "exchange_rate",
    "merchant": "merchant",
    "description": "description",
    "reference": "reference",
    "isReimbursable": "reimbursable",
    "isBillable": "billable",
    "customerId": "customer",
    "potentialId": "potential",
    "attendees": "attendees",
    "attendeeUserIds": "attendees",
    "attendeeContactPersonIds": "attendees",
    "receiptIds": "receipts",
    "reportId": "report",
    "newReport.name": "new_report_name",
}
TEXT_FIELDS = (
    "date", "category", "amount", "currency", "exchange_rate", "merchant", "description",
    "reference", "customer", "potential", "report", "new_report_name", "customer_query",
    "crm_query",
)  # fmt: skip


class ExpenseIdConvertor(Convertor[str]):
    """An expense's GraphQL id (base64 of ``Expense:<pk>``) in a path, so that
    ``/crm-tab/expenses/{id}`` never swallows a page such as ``/crm-tab/expenses/bulk``
    whatever the order the routes are registered in."""

    regex = "RXhwZW5zZTo[A-Za-z0-9_=-]{1,40}"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("expense_id", ExpenseIdConvertor())


# -- shared ------------------------------------------------------------------------------------
@dataclass
class Tab:
    """Who is signed in, for pages that need the viewer's id before rendering."""

    viewer: dict[str, Any]

    @property
    def today(self) -> date:
        zone = (self.viewer.get("organization") or {}).get("timeZone") or "UTC"
        try:
            return datetime.now(ZoneInfo(zone)).date()
        except (KeyError, ValueError):
            return date.today()

    @property
    def base_currency(self) -> str:
        return str((self.viewer.get("organization") or {}).get("baseCurrency") or "")


async def _open_tab(request: Request) -> Tab | Response:
    """The viewer, or the answer for whoever may not use the tab now: visitors sign in first,
    and while Sync Modules is off every page (and every write) gets the "off" page."""
    try:
        data = await run_operation(request, "CrmTabViewer")
    except GraphQLCallError as exc:
        if "UNAUTHENTICATED" in exc.codes:
            return sign_in_redirect(request)
        raise
    if data["viewer"] is None:
        return sign_in_redirect(request)
    if not data["crmTabStatus"]["available"]:
        return await render_tab(request, "crm_tab/off.html")
    return Tab(data["viewer"])


def _field_errors(errors: Iterable[Mapping[str, Any]]) -> list[Error]:
    """The API's errors named after the form's fields."""
    out = []
    for item in errors:
        name = item.get("field")
        if isinstance(name, str):
            name = name.removeprefix("expense.")
            if name in FIELD_OF:
                name = FIELD_OF[name]
            elif name.startswith("newReport."):
                name = "report"
            elif name in ("id", "input"):
                name = None
            else:
                name = None
        out.append({"field": name, "message": item.get("message", ""), "code": item.get("code")})
    return out


def _ids(form: FormData, name: str, limit: int = MAX_SELECTED) -> list[str]:
    """Distinct non-empty values of a repeated field, in order."""
    seen: list[str] = []
    for value in form.getlist(name):
        if isinstance(value, str) and value.strip() and value.strip() not in seen:
            seen.append(value.strip()[:200])
    return seen[:limit]


async def _paged(request: Request, operation: str, variables: dict[str, Any]) -> dict[str, Any]:
    """Run a paginated page operation; a cursor that is not one (edited by hand, from another
    list) shows the first page instead."""
    try:
        return await run_operation(request, operation, variables)
    except GraphQLCallError as exc:
        if "BAD_CURSOR" not in exc.codes:
            raise
    return await run_operation(request, operation, {**variables, "after": None})


# -- the list: Unreported / All Expenses --------------------------------------------------------
def _filters(request: Request) -> dict[str, str]:
    params = request.query_params
    values = {
        name: (params.get(name) or "").strip()[:100]
        for name in ("date_from", "date_to", "category", "customer", "potential", "status", "q")
    }
    values["view"] = "all" if params.get("view") == "all" else "unreported"
    if values["status"] not in STATUSES:
        values["status"] = ""
    return values


def _filter_input(filters: Mapping[str, str]) -> tuple[dict[str, Any], list[Error]]:
    errors = scalar_errors(filters, dates=("date_from", "date_to"))
    bad = {e["field"] for e in errors}
    value: dict[str, Any] = {}
    if filters["view"] == "unreported":
        value["statuses"] = ["UNREPORTED"]
    elif filters["status"]:
        value["statuses"] = [filters["status"]]
    for name, key in (("date_from", "dateFrom"), ("date_to", "dateTo")):
        if filters[name] and name not in bad:
            value[key] = filters[name]
    for name, key in (
        ("category", "categoryId"), ("customer", "customerId"), ("potential", "potentialId")
    ):  # fmt: skip
        if filters[name]:
            value[key] = filters[name]
    if filters["q"]:
        value["search"] = filters["q"]
    return value, errors


def _list_query(filters: Mapping[str, str], after: str | None = None) -> str:
    kept = {key: value for key, value in filters.items() if value}
    if after:
        kept["after"] = after
    return urlencode(kept)


async def _render_list(
    request: Request,
    tab: Tab,
    *,
    notice: dict[str, str] | None = None,
    reasons: Mapping[str, str] | None = None,
    selected: Iterable[str] = (),
    action_errors: list[Error] | None = None,
    action_values: Mapping[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    filters = _filters(request)
    filter_value, filter_errors = _filter_input(filters)
    after = request.query_params.get("after") or None
    variables = {"first": PAGE_SIZE, "after": after, "filter": filter_value}
    data = await _paged(request, "CrmExpenses", variables)
    reports = await run_operation(request, "CrmDraftReports", {"userId": tab.viewer["id"]})
    context = {
        "filters": filters,
        "filter_errors": filter_errors,
        "statuses": STATUSES,
        "deletable": DELETABLE,
        "expenses": data["expenses"],
        "categories": data["categories"]["nodes"],
        "customers": data["customers"]["nodes"],
        "potentials": data["potentials"]["nodes"],
        "draft_reports": reports["reports"]["nodes"],
        "query": _list_query(filters, after),
        "next_query": _list_query(filters, data["expenses"]["pageInfo"]["endCursor"]),
        "notice": notice,
        "reasons": dict(reasons or {}),
        "selected": set(selected),
        "action_errors": action_errors or [],
        "action_values": dict(action_values or {"report": "", "new_report_name": ""}),
        "viewer_id": tab.viewer["id"],
    }
    return await render_tab(
        request, LIST_TEMPLATE, context, blocks=LIST_BLOCKS, status_code=status_code
    )


async def list_page(request: Request) -> Response:
    tab = await _open_tab(request)
    if isinstance(tab, Response):
        return tab
    return await _render_list(request, tab)


async def _selected_expenses(request: Request, ids: list[str]) -> list[dict[str, Any]]:
    found = []
    for expense_id in ids:
        data = await run_operation(request, "CrmExpense", {"id": expense_id})
        if data["expense"] is not None:
            found.append(data["expense"])
    return found


def _label(expense: Mapping[str, Any]) -> str:
    what = expense.get("merchant") or expense["category"]["name"]
    amount = expense["amount"]
    return f"{what} ({expense['date']}, {amount['amount']} {amount['currency']})"


async def add_to_report(request: Request) -> Response:
    tab = await _open_tab(request)
    if isinstance(tab, Response):
        return tab
    form = await request.form()
    ids = _ids(form, "id")
    values = text_values(form, ("report", "new_report_name"))
    errors: list[Error] = []
    if not ids:
        errors.append(error(None, "Select at least one expense.", "REQUIRED"))
    if values["report"] == "":
        errors.append(error("report", "Choose a report, or New Report with a name.", "REQUIRED"))
    elif values["report"] == "new" and not values["new_report_name"]:
        errors.append(error("new_report_name", "Give the new report a name.", "REQUIRED"))
    if errors:
        return await _render_list(
            request, tab, action_errors=errors, action_values=values, selected=ids
        )
    expenses = await _selected_expenses(request, ids)
    if values["report"] == "new":
        dates = sorted(e["date"] for e in expenses) or [tab.today.isoformat()]
        variables = {
            "name": values["new_report_name"], "startDate": dates[0], "endDate": dates[-1],
            "expenseIds": ids,
        }  # fmt: skip
        payload = (await run_operation(request, "CrmReportCreate", {"input": variables}))[
            "reportCreate"
        ]
    else:
        variables = {"reportId": values["report"], "expenseIds": ids}
        payload = (await run_operation(request, "CrmReportAddExpenses", {"input": variables}))[
            "reportAddExpenses"
        ]
    if payload["errors"]:
        reasons = _reasons_by_index(payload["errors"], ids)
        general = [
            {**e, "field": "new_report_name" if e.get("field") == "name" else None}
            for e in payload["errors"]
            if not _index_of(e.get("field"))
        ]
        if reasons and not general:
            general = [error(None, "Nothing was added: some expenses cannot be added (see the "
                               "reason beside each).")]  # fmt: skip
        return await _render_list(
            request, tab, action_errors=general, action_values=values, selected=ids,
            reasons=reasons,
        )  # fmt: skip
    report = payload["report"]
    count = len(ids)
    flash(request, f"Added {count} expense{'' if count == 1 else 's'} to {report['name']}.")
    return redirect(request, f"{LIST_PATH}?{_list_query(_filters(request))}")


def _index_of(name: Any) -> int | None:
    """``expenseIds.2`` / ``ids.2`` / ``newReport.expenseIds.2`` → 2."""
    if not isinstance(name, str):
        return None
    last = name.rsplit(".", 1)[-1]
    return int(last) if last.isdigit() and "." in name else None


def _reasons_by_index(errors: Iterable[Mapping[str, Any]], ids: list[str]) -> dict[str, str]:
    reasons = {}
    for item in errors:
        index = _index_of(item.get("field"))
        if index is not None and index < len(ids):
            reasons[ids[index]] = str(item.get("message", ""))
    return reasons


async def delete_selected(request: Request) -> Response:
    """Delete what may be deleted; for the rest the reason is shown beside each expense."""
    tab = await _open_tab(request)
    if isinstance(tab, Response):
        return tab
    form = await request.form()
    ids = _ids(form, "id")
    if not ids:
        return await _render_list(
            request, tab, action_errors=[error(None, "Select at least one expense.", "REQUIRED")]
        )
    if form.get("confirmed") != "yes":  # without scripts: ask first, on a page of its own
        expenses = await _selected_expenses(request, ids)
        context = {
            "heading": "Delete expenses",
            "question": f"Delete {len(expenses)} selected expense"
            f"{'' if len(expenses) == 1 else 's'}? This cannot be undone.",
            "items": [_label(e) for e in expenses],
            "ids": [e["id"] for e in expenses],
            "action": f"{request.url.path}?{request.url.query}",
            "button": "Delete",
            "cancel_url": f"{LIST_PATH}?{request.url.query}",
        }
        return await render_tab(request, CONFIRM_TEMPLATE, context)
    data = await run_operation(request, "CrmExpensesDelete", {"input": {"ids": ids}})
    payload = data["expensesDelete"]
    reasons = _reasons_by_index(payload["errors"], ids)
    deleted = list(payload["deletedIds"])
    if payload["errors"] and not reasons:  # not about single expenses (e.g. too many)
        return await _render_list(
            request, tab, action_errors=_field_errors(payload["errors"]), selected=ids
        )
    deletable = [i for i in ids if i not in reasons]
    if reasons and deletable:  # all or nothing in the API: delete the rest on their own
        again = await run_operation(request, "CrmExpensesDelete", {"input": {"ids": deletable}})
        more = again["expensesDelete"]
        deleted += more["deletedIds"]
        reasons.update(_reasons_by_index(more["errors"], deletable))
    parts = []
    if deleted:
        parts.append(f"Deleted {len(deleted)} expense{'' if len(deleted) == 1 else 's'}.")
    if reasons:
        count = len(reasons)
        parts.append(f"{count} expense{' was' if count == 1 else 's were'} not deleted: "
                     "the reason is shown beside each.")  # fmt: skip
    notice = {"kind": "error" if reasons else "ok", "text": " ".join(parts)}
    if not reasons:
        flash(request, notice["text"])
        return redirect(request, f"{LIST_PATH}?{request.url.query}")
    return await _render_list(request, tab, notice=notice, reasons=reasons, selected=list(reasons))


# -- New Expense and Edit -----------------------------------------------------------------------
@dataclass
class ExpenseForm:
    """What the expense form shows: the values typed, the chosen customer and the results of
    the customer searches."""

    values: dict[str, str] = field(default_factory=dict)
    reimbursable: bool = True
    billable: bool = False
    attendee_users: list[str] = field(default_factory=list)
    attendee_contacts: list[str] = field(default_factory=list)
    receipts: list[str] = field(default_factory=list)
    errors: list[Error] = field(default_factory=list)
    customer_results: list[dict[str, Any]] | None = None
    crm_results: list[dict[str, Any]] | None = None
    crm_error: str | None = None

    @classmethod
    def posted(cls, form: FormData) -> ExpenseForm:
        return cls(
            values=text_values(form, TEXT_FIELDS),
            reimbursable=checked(form, "reimbursable"),
            billable=checked(form, "billable"),
            attendee_users=_ids(form, "attendee_user"),
            attendee_contacts=_ids(form, "attendee_contact"),
            receipts=_ids(form, "receipt"),
        )

    @classmethod
    def of_expense(cls, expense: Mapping[str, Any]) -> ExpenseForm:
        customer = expense.get("customer") or {}
        potential = expense.get("potential") or {}
        values = {
            "date": expense["date"], "category": expense["category"]["id"],
            "amount": expense["amount"]["amount"], "currency": expense["amount"]["currency"],
            "exchange_rate": expense["exchangeRate"], "merchant": expense["merchant"],
            "description": expense["description"], "reference": expense["reference"],
            "customer": customer.get("id", ""), "potential": potential.get("id", ""),
        }  # fmt: skip
        return cls(
            values=values,
            reimbursable=expense["isReimbursable"],
            billable=expense["isBillable"],
            attendee_users=[a["user"]["id"] for a in expense["attendees"] if a["user"]],
            attendee_contacts=[
                a["contactPerson"]["id"] for a in expense["attendees"] if a["contactPerson"]
            ],
            receipts=[r["id"] for r in expense["receipts"]],
        )

    def input(self, base_currency: str) -> dict[str, Any]:
        v = self.values
        currency = v.get("currency", "").upper() or base_currency
        return {
            "date": v["date"], "categoryId": v.get("category", ""), "amount": v["amount"],
            "currency": currency,
            "exchangeRate": (v.get("exchange_rate") or None) if currency != base_currency else None,
            "merchant": v.get("merchant", ""), "description": v.get("description", ""),
            "reference": v.get("reference", ""), "isReimbursable": self.reimbursable,
            "isBillable": self.billable, "customerId": v.get("customer") or None,
            "potentialId": (v.get("potential") or None) if v.get("customer") else None,
            "attendeeUserIds": self.attendee_users,
            "attendeeContactPersonIds": self.attendee_contacts if v.get("customer") else [],
            "receiptIds": self.receipts,
        }  # fmt: skip

    def scalar_errors(self) -> list[Error]:
        """What the API's scalars would refuse as a whole request, next to its field."""
        v = self.values
        errors = scalar_errors(v, decimals=("amount", "exchange_rate"), dates=("date",))
        if not v.get("date"):
            errors.append(error("date", "Enter the date of the expense.", "REQUIRED"))
        if not v.get("amount"):
            errors.append(error("amount", "Enter the amount.", "REQUIRED"))
        if not v.get("category"):
            errors.append(error("category", "Choose a category.", "REQUIRED"))
        currency = v.get("currency", "")
        if currency and not (len(currency) == 3 and currency.isalpha()):
            errors.append(error("currency", "Give a three-letter currency code such as EUR.",
                                "INVALID_CURRENCY"))  # fmt: skip
        if v.get("report") == "new" and not v.get("new_report_name"):
            errors.append(error("new_report_name", "Give the new report a name.", "REQUIRED"))
        return errors


async def _customer_search(request: Request, query: str) -> list[dict[str, Any]]:
    if not query:
        return []
    data = await run_operation(request, "CrmCustomerSearch", {"search": query[:100]})
    return list(data["customers"]["nodes"])


def _crm_problem(exc: GraphQLCallError, what: str) -> str:
    """A refused CRM call in words: not allowed, the API's reason (not connected, the CRM
    refused), or, for a failure the API did not explain, a plain request to try again."""
    if "FORBIDDEN" in exc.codes:
        return f"Your role may not {what}: ask an admin to add the customer."
    if exc.codes & {"INTERNAL_SERVER_ERROR", ""}:
        return f"Could not {what} just now: try again, or ask an admin to check the connection."
    return str(exc)


async def _crm_search(request: Request, state: ExpenseForm) -> None:
    query = state.values.get("crm_query", "")
    if not query:
        state.crm_error = "Type the start of an account name to search in the CRM."
        state.crm_results = None
        return
    try:
        data = await run_operation(request, "CrmTabAccountSearch", {"accountName": query[:100]})
    except GraphQLCallError as exc:  # not connected, the CRM refused, not allowed
        if "UNAUTHENTICATED" in exc.codes:
            raise
        state.crm_error = _crm_problem(exc, "search the CRM")
        state.crm_results = None
        return
    state.crm_results = list(data["crmSearchAccounts"])
    state.crm_error = None


async def _crm_choose(request: Request, state: ExpenseForm, module: str, crm_id: str) -> None:
    if module not in ("ACCOUNTS", "CONTACTS"):
        state.crm_error = "Choose an account or a contact from the results."
        return
    try:
        data = await run_operation(
            request, "CrmCustomerChoose", {"input": {"module": module, "crmId": crm_id[:64]}}
        )
    except GraphQLCallError as exc:
        if "UNAUTHENTICATED" in exc.codes:
            raise
        state.crm_error = _crm_problem(exc, "choose customers from the CRM")
        return
    payload = data["crmCustomerChoose"]
    if payload["errors"]:
        state.crm_error = payload["errors"][0]["message"]
        return
    state.values["customer"] = payload["customer"]["id"]
    state.values["potential"] = ""
    state.values["crm_query"] = ""
    state.crm_results = None
    state.crm_error = None


async def _render_form(
    request: Request,
    tab: Tab,
    state: ExpenseForm,
    *,
    expense: Mapping[str, Any] | None = None,
    status_code: int = 200,
) -> Response:
    data = await run_operation(request, "CrmExpenseForm", {"userId": tab.viewer["id"]})
    customer = None
    potentials: list[dict[str, Any]] = []
    chosen = state.values.get("customer", "")
    if chosen:
        try:
            found = await run_operation(request, "CrmExpenseCustomer", {"customerId": chosen})
        except GraphQLCallError as exc:
            if "UNAUTHENTICATED" in exc.codes:
                raise
            found = None
        if found is None or found["recordContext"] is None:
            state.values["customer"] = ""
            state.errors.append(error("customer", "No such customer: choose another.", "NOT_FOUND"))
        else:
            customer = found["recordContext"]["customer"]
            potentials = found["potentials"]["nodes"]
    if customer is None:
        state.values["potential"] = ""
    elif state.values.get("potential") and state.values["potential"] not in {
        p["id"] for p in potentials
    }:
        # a potential the viewer may not see (the organisation's potentials option) or another
        # customer's: the API refuses it on save; shown as it was chosen
        state.values["potential"] = state.values["potential"]
    inbox = list(data["receiptInbox"]["nodes"])
    attached = list(expense["receipts"]) if expense else []
    known = {r["id"] for r in inbox} | {r["id"] for r in attached}
    if state.customer_results is None and state.values.get("customer_query"):
        state.customer_results = await _customer_search(request, state.values["customer_query"])
    base = data["organization"]["baseCurrency"]
    if not state.values.get("currency"):
        state.values["currency"] = base
    context = {
        "mode": "edit" if expense else "new",
        "expense": expense,
        "action": f"/crm-tab/expenses/{expense['id']}" if expense else NEW_PATH,
        "values": state.values,
        "reimbursable": state.reimbursable,
        "billable": state.billable,
        "attendee_users": set(state.attendee_users),
        "attendee_contacts": set(state.attendee_contacts),
        "selected_receipts": set(state.receipts),
        "unknown_receipts": [r for r in state.receipts if r not in known],
        "attached_receipts": attached,
        "inbox": inbox,
        "errors": state.errors,
        "base_currency": base,
        "categories": [c for c in data["categories"]["nodes"] if c["kind"] != "PER_DIEM"],
        "users": data["users"]["nodes"],
        "draft_reports": data["reports"]["nodes"],
        "customer": customer,
        "potentials": potentials,
        "customer_results": state.customer_results,
        "crm_results": state.crm_results,
        "crm_error": state.crm_error,
    }
    return await render_tab(
        request, FORM_TEMPLATE, context, blocks=FORM_BLOCKS, status_code=status_code
    )


async def new_page(request: Request) -> Response:
    tab = await _open_tab(request)
    if isinstance(tab, Response):
        return tab
    params = request.query_params
    state = ExpenseForm(values={"date": tab.today.isoformat(), "currency": tab.base_currency})
    state.values["customer"] = (params.get("customer") or "").strip()[:200]
    state.values["potential"] = (params.get("potential") or "").strip()[:200]
    state.values["customer_query"] = (params.get("customer_query") or "").strip()[:100]
    receipt = (params.get("receipt") or "").strip()[:200]
    if receipt:
        state.receipts = [receipt]
    return await _render_form(request, tab, state)


async def _step(request: Request, state: ExpenseForm, action: str) -> bool:
    """A step of choosing the customer: True when ``action`` was one (nothing is saved)."""
    if action == "search_customer":
        state.customer_results = await _customer_search(
            request, state.values.get("customer_query", "")
        )
        return True
    if action.startswith("pick:"):
        state.values["customer"] = action.removeprefix("pick:")[:200]
        state.values["potential"] = ""
        state.values["customer_query"] = ""
        return True
    if action == "change_customer":
        state.values["customer"] = ""
        state.values["potential"] = ""
        state.attendee_contacts = []
        return True
    if action == "search_crm":
        await _crm_search(request, state)
        return True
    if action.startswith("crm:"):
        _, module, crm_id = [*action.split(":", 2), "", ""][:3]
        await _crm_choose(request, state, module, crm_id)
        return True
    # "refresh": the customer or the report changed (the form without scripts)
    return action == "refresh"


async def create(request: Request) -> Response:
    tab = await _open_tab(request)
    if isinstance(tab, Response):
        return tab
    form = await request.form()
    state = ExpenseForm.posted(form)
    action = str(form.get("action") or "save_close")[:300]
    if await _step(request, state, action):
        return await _render_form(request, tab, state)
    state.errors = state.scalar_errors()
    if state.errors:
        return await _render_form(request, tab, state, status_code=422)
    variables: dict[str, Any] = {"expense": state.input(tab.base_currency)}
    report = state.values.get("report", "")
    if report == "new":
        day = state.values["date"]
        variables["newReport"] = {
            "name": state.values["new_report_name"], "startDate": day, "endDate": day,
        }  # fmt: skip
    elif report:
        variables["reportId"] = report
    data = await run_operation(request, "CrmExpenseCreate", {"input": variables})
    payload = data["expenseCreate"]
    if payload["errors"]:
        state.errors = _field_errors(payload["errors"])
        return await _render_form(request, tab, state, status_code=422)
    expense = payload["expense"]
    what = expense["merchant"] or "the expense"
    amount = f"{expense['amount']['amount']} {expense['amount']['currency']}"
    added = f" and added it to {expense['report']['name']}" if expense["report"] else ""
    flash(request, f"Saved {what} ({amount}){added}.")
    if action == "save_new":
        return redirect(request, NEW_PATH)
    return redirect(request, f"{LIST_PATH}?view={'all' if expense['report'] else 'unreported'}")


# -- one expense: view, edit, delete ------------------------------------------------------------
async def _expense(request: Request) -> dict[str, Any] | None:
    data = await run_operation(request, "CrmExpense", {"id": request.path_params["id"][:200]})
    expense: dict[str, Any] | None = data["expense"]
    return expense


async def _not_found(request: Request) -> Response:
    return await render_error(request, 404)


def _lock_reason(expense: Mapping[str, Any], viewer_id: str, *, deleting: bool) -> str | None:
    """Why the viewer may not change (or delete) the expense here; None when they may."""
    status = expense["status"]
    if expense["user"]["id"] != viewer_id and not deleting:
        return "Only the person who recorded this expense can change it here."
    if deleting and status not in DELETABLE:
        report = expense.get("report")
        hint = f" Recall or remove it from {report['name']} first." if report else ""
        return f"A {status.lower()} expense cannot be deleted.{hint}"
    if not deleting and status not in EDITABLE:
        return f"A {status.lower()} expense cannot be changed."
    if not deleting and expense["category"]["kind"] == "PER_DIEM":
        return "A per diem is changed on the Per Diem page."
    if not deleting and expense.get("mileage"):
        return "A mileage expense is changed on the Mileage page."
    return None


async def view_page(request: Request) -> Response:
    tab = await _open_tab(request)
    if isinstance(tab, Response):
        return tab
    expense = await _expense(request)
    if expense is None:
        return await _not_found(request)
    context = {
        "expense": expense,
        "edit_reason": _lock_reason(expense, tab.viewer["id"], deleting=False),
        "delete_reason": _lock_reason(expense, tab.viewer["id"], deleting=True),
    }
    return await render_tab(request, VIEW_TEMPLATE, context)


async def edit_page(request: Request) -> Response:
    tab = await _open_tab(request)
    if isinstance(tab, Response):
        return tab
    expense = await _expense(request)
    if expense is None:
        return await _not_found(request)
    reason = _lock_reason(expense, tab.viewer["id"], deleting=False)
    if reason:
        flash(request, reason, "error")
        return redirect(request, f"/crm-tab/expenses/{expense['id']}")
    return await _render_form(request, tab, ExpenseForm.of_expense(expense), expense=expense)


async def update(request: Request) -> Response:
    tab = await _open_tab(request)
    if isinstance(tab, Response):
        return tab
    expense = await _expense(request)
    if expense is None:
        return await _not_found(request)
    form = await request.form()
    state = ExpenseForm.posted(form)
    action = str(form.get("action") or "save")[:300]
    if await _step(request, state, action):
        return await _render_form(request, tab, state, expense=expense)
    state.errors = state.scalar_errors()
    if state.errors:
        return await _render_form(request, tab, state, expense=expense, status_code=422)
    variables = {"id": expense["id"], "expense": state.input(tab.base_currency)}
    data = await run_operation(request, "CrmExpenseUpdate", {"input": variables})
    payload = data["expenseUpdate"]
    if payload["errors"]:
        state.errors = _field_errors(payload["errors"])
        return await _render_form(request, tab, state, expense=expense, status_code=422)
    flash(request, "Saved the expense.")
    return redirect(request, f"/crm-tab/expenses/{expense['id']}")


async def delete_one(request: Request) -> Response:
    tab = await _open_tab(request)
    if isinstance(tab, Response):
        return tab
    expense = await _expense(request)
    if expense is None:
        return await _not_found(request)
    form = await request.form()
    page = f"/crm-tab/expenses/{expense['id']}"
    if form.get("confirmed") != "yes":
        context = {
            "heading": "Delete expense",
            "question": "Delete this expense? This cannot be undone.",
            "items": [_label(expense)],
            "ids": [],
            "action": request.url.path,
            "button": "Delete",
            "cancel_url": page,
        }
        return await render_tab(request, CONFIRM_TEMPLATE, context)
    data = await run_operation(request, "CrmExpensesDelete", {"input": {"ids": [expense["id"]]}})
    payload = data["expensesDelete"]
    if payload["errors"]:
        flash(request, f"Not deleted: {payload['errors'][0]['message']}", "error")
        return redirect(request, page)
    flash(request, f"Deleted {_label(expense)}.")
    return redirect(request, f"{LIST_PATH}?view=all")


# -- Receipts Inbox -----------------------------------------------------------------------------
async def receipts_page(request: Request) -> Response:
    tab = await _open_tab(request)
    if isinstance(tab, Response):
        return tab
    after = request.query_params.get("after") or None
    data = await _paged(request, "CrmReceiptInbox", {"first": PAGE_SIZE, "after": after})
    context = {"inbox": data["receiptInbox"], "htmx": is_htmx(request)}
    return await render_tab(request, RECEIPTS_TEMPLATE, context, blocks=RECEIPTS_BLOCKS)


routes = [
    Route(LIST_PATH, list_page, methods=["GET"]),
    Route(f"{LIST_PATH}/add-to-report", add_to_report, methods=["POST"]),
    Route(f"{LIST_PATH}/delete", delete_selected, methods=["POST"]),
    Route(NEW_PATH, new_page, methods=["GET"]),
    Route(NEW_PATH, create, methods=["POST"]),
    Route(LIST_PATH + "/{id:expense_id}", view_page, methods=["GET"]),
    Route(LIST_PATH + "/{id:expense_id}", update, methods=["POST"]),
    Route(LIST_PATH + "/{id:expense_id}/edit", edit_page, methods=["GET"]),
    Route(LIST_PATH + "/{id:expense_id}/delete", delete_one, methods=["POST"]),
    Route(RECEIPTS_PATH, receipts_page, methods=["GET"]),
]
