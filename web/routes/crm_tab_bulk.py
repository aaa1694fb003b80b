"""CRM tab → Expenses → Bulk Add: rows of expenses saved at once through ``expensesCreate``
(all or nothing). "+ Add More Expenses" adds a row: an htmx fragment, or without JavaScript a
round trip that keeps what was typed."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from web.htmx import is_htmx, redirect
from web.pages import flash
from web.routes.crm_tab import render_tab
from web.routes.crm_tab_kinds import BLOCKS, pickers
from web.routes.settings_forms import Error, checked, error, mutate, optional, scalar_errors

PAGE = "crm_tab/bulk.html"
ROW_PAGE = "crm_tab/bulk_row.html"
URL = "/crm-tab/expenses/bulk"
FIRST_ROWS = 3
MAX_ROWS = 100
TEXT_FIELDS = ("date", "categoryId", "amount", "currency", "exchangeRate", "merchant",
               "description", "customerId", "potentialId")  # fmt: skip
# A row with none of these typed in is left out (the date and currency come prefilled).
CONTENT_FIELDS = ("amount", "merchant", "description", "categoryId")
# The receipt field's script (web/static/receipts.js, shared with New Expense); until it is
# there the Receipt input of each row stays a plain file input that uploads nothing.
RECEIPTS_JS = Path(__file__).resolve().parents[1] / "static" / "receipts.js"
_ROW_KEY = re.compile(r"expenses\.(\d{1,3})\.")
_ERROR_ROW = re.compile(r"expenses\.(\d+)\.(.+)")


def _new_row(index: int, today: str) -> dict[str, Any]:
    prefix = f"expenses.{index}."
    return {prefix + "date": today, prefix + "isReimbursable": True}


def _rows_of(form: FormData) -> list[int]:
    """The row indices the form holds, in order (at most MAX_ROWS)."""
    indices = {int(m.group(1)) for key in form if (m := _ROW_KEY.match(key))}
    return sorted(indices)[:MAX_ROWS]


def _values(form: FormData, rows: list[int]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for index in rows:
        prefix = f"expenses.{index}."
        for name in TEXT_FIELDS:
            raw = form.get(prefix + name)
            values[prefix + name] = raw.strip() if isinstance(raw, str) else ""
        values[prefix + "isReimbursable"] = checked(form, prefix + "isReimbursable")
        values[prefix + "isBillable"] = checked(form, prefix + "isBillable")
        values[prefix + "receiptIds"] = [
            str(value) for value in form.getlist(prefix + "receiptIds") if isinstance(value, str)
        ][:10]
    return values


def _is_blank(values: dict[str, Any], index: int) -> bool:
    prefix = f"expenses.{index}."
    return (
        not any(values[prefix + name] for name in CONTENT_FIELDS)
        and not values[prefix + "receiptIds"]
    )


def _expense_input(values: dict[str, Any], index: int) -> dict[str, Any]:
    prefix = f"expenses.{index}."
    return {
        "date": values[prefix + "date"],
        "categoryId": values[prefix + "categoryId"],
        "amount": values[prefix + "amount"],
        "currency": optional(values[prefix + "currency"].upper()),
        "exchangeRate": optional(values[prefix + "exchangeRate"]),
        "merchant": values[prefix + "merchant"],
        "description": values[prefix + "description"],
        "isReimbursable": values[prefix + "isReimbursable"],
        "isBillable": values[prefix + "isBillable"],
        "customerId": optional(values[prefix + "customerId"]),
        "potentialId": optional(values[prefix + "potentialId"]),
        "receiptIds": values[prefix + "receiptIds"],
    }


def _on_form_rows(errors: list[Error], sent: list[int]) -> list[Error]:
    """``expenses.<k>.x`` of the k-th row sent, named after the form row it came from."""
    out = []
    for item in errors:
        match = _ERROR_ROW.fullmatch(str(item.get("field") or ""))
        if match and int(match.group(1)) < len(sent):
            item = {**item, "field": f"expenses.{sent[int(match.group(1))]}.{match.group(2)}"}
        out.append(item)
    return out


async def _render(
    request: Request,
    rows: list[int],
    values: dict[str, Any],
    errors: list[Error] | None = None,
    status_code: int = 200,
) -> Response:
    context = {
        "p": await pickers(request),
        "rows": rows,
        "values": values,
        "errors": errors or [],
        "max_rows": MAX_ROWS,
        "receipts_js": RECEIPTS_JS.exists(),
    }
    return await render_tab(request, PAGE, context, blocks=BLOCKS, status_code=status_code)


async def bulk_page(request: Request) -> Response:
    today = date.today().isoformat()
    rows = list(range(FIRST_ROWS))
    values: dict[str, Any] = {}
    for index in rows:
        values |= _new_row(index, today)
    return await _render(request, rows, values)


async def bulk_row(request: Request) -> Response:
    """One more row (htmx); crm-tab-kinds.js sends the index after the last row as ``next``."""
    if not is_htmx(request):
        return RedirectResponse(URL, status_code=303)
    raw = request.query_params.get("next", "")
    index = int(raw) if raw.isdigit() and int(raw) < 10 * MAX_ROWS else 0
    context = {
        "p": await pickers(request),
        "index": index,
        "values": _new_row(index, date.today().isoformat()),
        "errors": [],
    }
    return await render_tab(request, ROW_PAGE, context, blocks={"bulk-rows": "fragment"})


async def bulk_save(request: Request) -> Response:
    form = await request.form()
    rows = _rows_of(form)
    values = _values(form, rows)
    if form.get("action") == "add":  # without JavaScript: the same rows and one more
        if len(rows) < MAX_ROWS:
            index = (max(rows) + 1) if rows else 0
            rows.append(index)
            values |= _new_row(index, date.today().isoformat())
        return await _render(request, rows, values)
    sent = [index for index in rows if not _is_blank(values, index)]
    errors: list[Error] = []
    for index in sent:
        prefix = f"expenses.{index}."
        errors += scalar_errors(
            values,
            decimals=(prefix + "amount", prefix + "exchangeRate"),
            dates=(prefix + "date",),
        )
        if not values[prefix + "date"]:
            errors.append(error(prefix + "date", "This field is required.", "REQUIRED"))
        if not values[prefix + "amount"]:
            errors.append(error(prefix + "amount", "This field is required.", "REQUIRED"))
    if not sent:
        errors.append(error(None, "Fill in at least one expense.", "REQUIRED"))
    if not errors:
        payload = await mutate(
            request,
            "BulkExpensesCreate",
            {"expenses": [_expense_input(values, index) for index in sent]},
        )
        errors = _on_form_rows(payload["errors"], sent)
    if errors:
        return await _render(request, rows, values, errors)
    count = len(payload["expenses"])
    flash(request, f"Added {count} expense{'s' if count != 1 else ''}.")
    return redirect(request, URL)


routes = [
    Route(URL, bulk_page, methods=["GET"]),
    Route(URL, bulk_save, methods=["POST"]),
    Route(URL + "/row", bulk_row, methods=["GET"]),
]
