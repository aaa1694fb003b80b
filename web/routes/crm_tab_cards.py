"""CRM tab → Expenses → Card Transactions: the cards the viewer may see (their own; an admin
every card of the organisation) with their transactions. The card holder creates an expense
from an unmatched charge (``cardTransactionExpenseCreate``) or matches it to one of their
expenses of the same amount (``cardTransactionMatch``)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from web.graphql import run_operation
from web.htmx import redirect
from web.pages import flash
from web.routes.crm_tab import render_tab
from web.routes.crm_tab_kinds import BLOCKS, pickers
from web.routes.crm_tab_perdiem import viewer_id
from web.routes.settings_forms import (
    Error,
    FormState,
    checked,
    error,
    mutate,
    optional,
    scalar_errors,
    text_values,
)

PAGE = "crm_tab/cards.html"
URL = "/crm-tab/cards"
CREATE_FIELDS = ("categoryId", "description", "customerId", "potentialId", "exchangeRate")


def _candidates(
    card: dict[str, Any], transaction: dict[str, Any], expenses: list[dict[str, Any]],
    taken: set[str],
) -> list[dict[str, Any]]:  # fmt: skip
    """The holder's expenses this charge may be matched to (what cardTransactionMatch takes)."""
    return [
        expense
        for expense in expenses
        if expense["amount"] == transaction["amount"]
        and expense["id"] not in taken
        and expense["mileage"] is None
        and expense["category"]["kind"] != "PER_DIEM"
        and not (card["kind"] == "CORPORATE" and expense["isReimbursable"])
    ]


async def _render(request: Request, state: FormState | None = None) -> Response:
    me = await viewer_id(request)
    data = await run_operation(request, "CrmTabCards", {"userId": me})
    expenses = data["expenses"]["nodes"]
    cards = data["cards"]["nodes"]
    taken = {t["expense"]["id"] for c in cards for t in c["transactions"]["nodes"] if t["expense"]}
    for card in cards:
        card["mine"] = card["holder"]["id"] == me
        for transaction in card["transactions"]["nodes"]:
            transaction["candidates"] = (
                _candidates(card, transaction, expenses, taken) if card["mine"] else []
            )
    shown = {t["id"] for c in cards for t in c["transactions"]["nodes"]}
    state = state or FormState()
    page_errors: list[Error] = []
    if state.key and state.key.partition("-")[2] not in shown:  # refused a transaction not here
        page_errors = [{**item, "field": None} for item in state.errors]
    context = {
        "p": await pickers(request),
        "cards": cards,
        "page_errors": page_errors,
        **state.context(),
    }
    return await render_tab(request, PAGE, context, blocks=BLOCKS)


async def cards_page(request: Request) -> Response:
    return await _render(request)


async def expense_create(request: Request) -> Response:
    transaction_id = request.path_params["id"]
    form = await request.form()
    values: dict[str, Any] = text_values(form, CREATE_FIELDS)
    values["isBillable"] = checked(form, "isBillable")
    values["isReimbursable"] = checked(form, "isReimbursable")
    key = f"create-{transaction_id}"
    errors = scalar_errors(values, decimals=("exchangeRate",))
    if not values["categoryId"]:
        errors.append(error("categoryId", "Choose a category.", "REQUIRED"))
    if not errors:
        variables = {
            "id": transaction_id,
            "categoryId": values["categoryId"],
            "description": values["description"],
            "isBillable": values["isBillable"],
            "customerId": optional(values["customerId"]),
            "potentialId": optional(values["potentialId"]),
            "exchangeRate": optional(values["exchangeRate"]),
        }
        if form.get("personal") == "yes":  # only a personal card's expense may be reimbursed
            variables["isReimbursable"] = values["isReimbursable"]
        payload = await mutate(request, "CardTransactionExpenseCreate", variables)
        errors = payload["errors"]
    if errors:
        return await _render(request, FormState(key, errors, values))
    description = payload["transaction"]["description"]
    flash(request, f"Created an expense from {description}.")
    return redirect(request, URL)


async def match(request: Request) -> Response:
    transaction_id = request.path_params["id"]
    values = text_values(await request.form(), ("expenseId",))
    key = f"match-{transaction_id}"
    errors: list[Error] = []
    if not values["expenseId"]:
        errors.append(error("expenseId", "Choose an expense.", "REQUIRED"))
    else:
        payload = await mutate(
            request,
            "CardTransactionMatch",
            {"id": transaction_id, "expenseId": values["expenseId"]},
        )
        errors = payload["errors"]
    if errors:
        return await _render(request, FormState(key, errors, values))
    transaction = payload["transaction"]
    flash(request, f"Matched {transaction['description']} to the expense "
                   f"{transaction['expense']['merchant'] or 'chosen'}.")  # fmt: skip
    return redirect(request, URL)


routes = [
    Route(URL, cards_page, methods=["GET"]),
    Route(URL + "/transactions/{id}/expense", expense_create, methods=["POST"]),
    Route(URL + "/transactions/{id}/match", match, methods=["POST"]),
]
