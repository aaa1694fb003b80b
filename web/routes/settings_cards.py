"""Settings → Corporate cards: cards and their holders, each card's statement column mapping,
and the organisation's auto-match and auto-create preferences."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from web.graphql import run_operation
from web.htmx import redirect
from web.pages import flash, render_page
from web.routes.settings_forms import (
    ADMINS,
    BLOCKS,
    FormState,
    admin_not_found,
    checked,
    error,
    mutate,
    optional,
    text_values,
)

URL = "/settings/cards"
LIST_PAGE = "settings/policies/cards.html"
CARD_PAGE = "settings/policies/card.html"
KINDS = {"CORPORATE": "Corporate", "PERSONAL": "Personal"}
DELIMITERS = {",": "Comma (,)", ";": "Semicolon (;)", "\t": "Tab", "|": "Vertical bar (|)"}
DELIMITER_CODES = {"comma": ",", "semicolon": ";", "tab": "\t", "bar": "|"}
SEPARATORS = {".": "Point (1234.56)", ",": "Comma (1234,56)"}
DATE_FORMATS = {
    "%Y-%m-%d": "2026-01-31", "%d/%m/%Y": "31/01/2026", "%m/%d/%Y": "01/31/2026",
    "%d.%m.%Y": "31.01.2026", "%d-%m-%Y": "31-01-2026", "%Y%m%d": "20260131",
}  # fmt: skip
MAPPING_FIELDS = ("dateColumn", "descriptionColumn", "amountStyle", "amountColumn",
                  "debitColumn", "creditColumn", "idColumn", "dateFormat", "decimalSeparator",
                  "delimiter")  # fmt: skip


async def _render_list(request: Request, state: FormState | None = None) -> Response:
    data = await run_operation(request, "SettingsCards")
    context = {
        "cards": data["cards"],
        "settings": data["cardSettings"],
        "users": data["users"]["nodes"],
        "categories": [c for c in data["categories"]["nodes"] if c["kind"] == "STANDARD"],
        "base_currency": data["organization"]["baseCurrency"],
        "kinds": KINDS,
        **(state or FormState()).context(),
    }
    return await render_page(request, LIST_PAGE, context, roles=ADMINS, blocks=BLOCKS)


async def cards_page(request: Request) -> Response:
    return await _render_list(request)


async def card_create(request: Request) -> Response:
    values = text_values(await request.form(), ("holderId", "kind", "name", "lastFour", "currency"))
    errors = []
    if values["kind"] not in KINDS:
        errors.append(error("kind", "Choose corporate or personal."))
    if not values["holderId"]:
        errors.append(error("holderId", "Choose the card holder.", "REQUIRED"))
    if not errors:
        variables = {**values, "currency": values["currency"].upper()}
        payload = await mutate(request, "CardCreate", variables)
        errors = payload["errors"]
    if errors:
        return await _render_list(request, FormState("card", errors, values))
    card = payload["card"]
    flash(request, f"Added the card {card['name']} ending {card['lastFour']}.")
    return redirect(request, f"{URL}/{card['id']}")


async def settings_save(request: Request) -> Response:
    form = await request.form()
    values: dict[str, Any] = text_values(form, ("autoCreateCategoryId",))
    values["autoMatch"] = checked(form, "autoMatch")
    values["autoCreate"] = checked(form, "autoCreate")
    errors = []
    if values["autoCreate"] and not values["autoMatch"]:
        errors.append(
            error("autoCreate", "Auto-create works on charges auto-match did not match: "
                  "turn on auto-match too.")
        )  # fmt: skip
    if not errors:
        variables = {**values, "autoCreateCategoryId": optional(values["autoCreateCategoryId"])}
        payload = await mutate(request, "CardSettingsUpdate", variables)
        errors = payload["errors"]
    if errors:
        return await _render_list(request, FormState("settings", errors, values))
    flash(request, "Saved the card preferences.")
    return redirect(request, URL)


async def _render_card(request: Request, state: FormState | None = None) -> Response:
    data = await run_operation(request, "SettingsCard", {"id": request.path_params["id"]})
    card = data["card"]
    if card is None:
        return await admin_not_found(request)
    context = {
        "card": card,
        "auto_match": data["cardSettings"]["autoMatch"],
        "users": data["users"]["nodes"],
        "kinds": KINDS,
        "delimiters": DELIMITERS,
        "delimiter_codes": {value: code for code, value in DELIMITER_CODES.items()},
        "separators": SEPARATORS,
        "date_formats": DATE_FORMATS,
        **(state or FormState()).context(),
    }
    return await render_page(request, CARD_PAGE, context, roles=ADMINS, blocks=BLOCKS)


async def card_page(request: Request) -> Response:
    return await _render_card(request)


async def mapping_save(request: Request) -> Response:
    form = await request.form()
    values: dict[str, Any] = text_values(form, MAPPING_FIELDS)
    values["chargesNegative"] = checked(form, "chargesNegative")
    errors = []
    single = values["amountStyle"] != "split"
    delimiter = DELIMITER_CODES.get(values["delimiter"])
    if delimiter is None:
        errors.append(error("delimiter", "Choose a delimiter from the list."))
    if single and not values["amountColumn"]:
        errors.append(error("amountColumn", "Name the amount column.", "REQUIRED"))
    if not single:
        for name in ("debitColumn", "creditColumn"):
            if not values[name]:
                errors.append(error(name, "Name the column.", "REQUIRED"))
    if not errors:
        mapping = {
            "cardId": request.path_params["id"],
            "dateColumn": values["dateColumn"],
            "descriptionColumn": values["descriptionColumn"],
            "amountColumn": values["amountColumn"] if single else None,
            "debitColumn": None if single else values["debitColumn"],
            "creditColumn": None if single else values["creditColumn"],
            "idColumn": optional(values["idColumn"]),
            "dateFormat": values["dateFormat"] or "%Y-%m-%d",
            "chargesNegative": single and values["chargesNegative"],
            "decimalSeparator": values["decimalSeparator"] or ".",
            "delimiter": delimiter,
        }
        payload = await mutate(request, "CardCsvMappingSet", mapping)
        errors = payload["errors"]
    if errors:
        return await _render_card(request, FormState("mapping", errors, values))
    flash(request, "Saved the CSV column mapping; statements of this card are read with it.")
    return redirect(request, f"{URL}/{request.path_params['id']}")


async def card_update(request: Request) -> Response:
    values = text_values(await request.form(), ("name", "lastFour", "holderId"))
    variables = {
        **values,
        "id": request.path_params["id"],
        "holderId": optional(values["holderId"]),
    }
    payload = await mutate(request, "CardUpdate", variables)
    if payload["errors"]:
        return await _render_card(request, FormState("card", payload["errors"], values))
    flash(request, f"Saved the card {payload['card']['name']}.")
    return redirect(request, f"{URL}/{request.path_params['id']}")


async def _set_active(request: Request, active: bool) -> Response:
    card_id = request.path_params["id"]
    payload = await mutate(request, "CardUpdate", {"id": card_id, "isActive": active})
    if payload["errors"]:
        return await _render_card(request, FormState("status", payload["errors"]))
    card = payload["card"]
    word = "Reactivated" if active else "Deactivated"
    flash(request, f"{word} the card {card['name']} ending {card['lastFour']}.")
    return redirect(request, f"{URL}/{card_id}")


async def card_deactivate(request: Request) -> Response:
    return await _set_active(request, False)


async def card_reactivate(request: Request) -> Response:
    return await _set_active(request, True)


routes = [
    Route(URL, cards_page, methods=["GET"]),
    Route(URL, card_create, methods=["POST"]),
    Route(URL + "/preferences", settings_save, methods=["POST"]),
    Route(URL + "/{id}", card_page, methods=["GET"]),
    Route(URL + "/{id}", card_update, methods=["POST"]),
    Route(URL + "/{id}/mapping", mapping_save, methods=["POST"]),
    Route(URL + "/{id}/deactivate", card_deactivate, methods=["POST"]),
    Route(URL + "/{id}/reactivate", card_reactivate, methods=["POST"]),
]
