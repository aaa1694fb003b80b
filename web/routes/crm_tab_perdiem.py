"""CRM tab → Expenses → Per Diem: a Trip or Individual Days under the viewer's per diem policy.
"Calculate Per Diem" shows the days with their amounts (``perDiemCalculate``); the user ticks
the days to claim and the meals provided, and "Save" records them (``perDiemRecord``), optionally
into one of their draft reports."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from web.graphql import run_operation
from web.htmx import redirect
from web.pages import flash
from web.routes.crm_tab import render_tab
from web.routes.crm_tab_kinds import BLOCKS, last_segment
from web.routes.settings_forms import Error, checked, error, optional, scalar_errors, text_values

PAGE = "crm_tab/per_diem.html"
URL = "/crm-tab/per-diem"
MODES = {"TRIP": "Trip", "INDIVIDUAL_DAYS": "Individual Days"}
TRIP_FIELDS = ("departureLocationId", "departureDate", "departureTime", "arrivalLocationId",
               "arrivalDate", "arrivalTime")  # fmt: skip
DAYS_FIELDS = ("locationId", "firstDate", "lastDate", "startTime", "endTime")
MEALS = ("breakfast", "lunch", "dinner")
MAX_DAYS = 100


async def viewer_id(request: Request) -> str:
    """The signed-in user's id (a visitor is sent to sign in by the operations that need one)."""
    viewer = (await run_operation(request, "CrmTabViewer"))["viewer"]
    return str(viewer["id"]) if viewer else ""


async def _render(
    request: Request,
    values: dict[str, Any] | None = None,
    errors: list[Error] | None = None,
    days: list[dict[str, Any]] | None = None,
) -> Response:
    data = await run_operation(request, "CrmTabPerDiem", {"userId": await viewer_id(request)})
    today = date.today().isoformat()
    defaults: dict[str, Any] = {
        "mode": "TRIP", "departureDate": today, "arrivalDate": today, "departureTime": "08:00",
        "arrivalTime": "18:00", "firstDate": today, "lastDate": today, "startTime": "08:00",
        "endTime": "18:00",
    }  # fmt: skip
    currencies = sorted(
        {day["rate"]["currency"] for day in days or []} - {data["organization"]["baseCurrency"]}
    )
    context = {
        "policy": data["myPerDiemPolicy"],
        "reports": data["reports"]["nodes"],
        "base_currency": data["organization"]["baseCurrency"],
        "modes": MODES,
        "values": defaults | (values or {}),
        "errors": errors or [],
        "days": days,
        "foreign_currencies": currencies,
    }
    return await render_tab(request, PAGE, context, blocks=BLOCKS)


async def per_diem_page(request: Request) -> Response:
    return await _render(request)


def _form_values(form: FormData) -> dict[str, Any]:
    values: dict[str, Any] = text_values(
        form, ("mode", *TRIP_FIELDS, *DAYS_FIELDS, "description", "reportId")
    )
    values["dates"] = [str(v) for v in form.getlist("dates") if isinstance(v, str)][:MAX_DAYS]
    values["calculated"] = [str(v) for v in form.getlist("calculated") if isinstance(v, str)][
        :MAX_DAYS
    ]
    for day in values["calculated"]:
        for meal in MEALS:
            values[f"meals.{day}.{meal}"] = checked(form, f"meals.{day}.{meal}")
    values["exchangeRates"] = {
        key[len("exchangeRate.") :]: str(raw).strip()
        for key, raw in form.multi_items()
        if key.startswith("exchangeRate.") and isinstance(raw, str)
    }
    return values


def _trip(values: dict[str, Any]) -> dict[str, Any]:
    mode = values["mode"]
    names = TRIP_FIELDS if mode == "TRIP" else DAYS_FIELDS
    trip: dict[str, Any] = {"mode": mode}
    for name in names:
        trip[name] = optional(values[name])
    meals = []
    for day in values["calculated"]:
        provided = {meal: values[f"meals.{day}.{meal}"] for meal in MEALS}
        if any(provided.values()):
            meals.append({"date": day, **provided})
    trip["meals"] = meals
    return trip


def _input_errors(values: dict[str, Any]) -> list[Error]:
    """What the API's scalars would refuse as a whole request (dates, times, numbers)."""
    if values["mode"] not in MODES:
        return [error("mode", "Choose Trip or Individual Days.")]
    dates = [name for name in (*TRIP_FIELDS, *DAYS_FIELDS) if name.endswith("Date")]
    times = [name for name in (*TRIP_FIELDS, *DAYS_FIELDS) if name.endswith("Time")]
    errors = scalar_errors(values, dates=dates, times=times)
    day_values = {f"day.{d}": d for d in values["calculated"] + values["dates"]}
    errors += scalar_errors(day_values, dates=day_values)
    rates = {f"exchangeRate.{c}": r for c, r in values["exchangeRates"].items()}
    errors += scalar_errors(rates, decimals=rates)
    return errors


def _page_errors(errors: list[Error], ticked: list[str], mode: str) -> list[Error]:
    """``trip.x`` as the page's field ``x``; ``dates.<i>`` as the ticked day's row; a problem
    with the trip's span (an arrival before the departure, too many days) at its end date."""
    out = []
    for item in last_segment(errors, ("trip.",)):
        name = str(item.get("field") or "")
        if name == "trip":
            item = {**item, "field": "arrivalDate" if mode == "TRIP" else "lastDate"}
        elif name.startswith("dates.") and name[6:].isdigit() and int(name[6:]) < len(ticked):
            item = {**item, "field": f"day.{ticked[int(name[6:])]}"}
        elif name.startswith("meals.") or name == "dates":
            item = {**item, "field": None}
        out.append(item)
    return out


async def _calculate(request: Request, values: dict[str, Any]) -> tuple[list[Any], list[Error]]:
    data = await run_operation(request, "PerDiemCalculate", {"input": {"trip": _trip(values)}})
    result = data["perDiemCalculate"]
    for day in result["days"]:
        day["share_percent"] = f"{(Decimal(day['share']) * 100).normalize():f}"
    return result["days"], _page_errors(result["errors"], [], values["mode"])


async def per_diem_post(request: Request) -> Response:
    form = await request.form()
    values = _form_values(form)
    errors = _input_errors(values)
    if errors:
        return await _render(request, values, errors)
    days, errors = await _calculate(request, values)
    if errors:
        return await _render(request, values, errors)
    if form.get("action") != "save":  # Calculate Per Diem: tick every day that earns something
        values["dates"] = [day["date"] for day in days if Decimal(day["amount"]["amount"]) > 0]
        return await _render(request, values, [], days)
    ticked = [d for d in values["dates"] if d in {day["date"] for day in days}]
    if not ticked:
        errors = [error(None, "Tick at least one day to claim.", "REQUIRED")]
        return await _render(request, values, errors, days)
    record = {
        "trip": _trip(values),
        "dates": ticked,
        "description": values["description"],
        "exchangeRates": [
            {"currency": currency, "rate": rate}
            for currency, rate in values["exchangeRates"].items()
            if rate
        ],
        "reportId": optional(values["reportId"]),
    }
    data = await run_operation(request, "PerDiemRecord", {"input": record})
    payload = data["perDiemRecord"]
    if payload["errors"]:
        errors = _page_errors(payload["errors"], ticked, values["mode"])
        return await _render(request, values, errors, days)
    count = len(payload["perDiems"])
    flash(request, f"Recorded the per diem: {count} day{'s' if count != 1 else ''}.")
    return redirect(request, URL)


routes = [
    Route(URL, per_diem_page, methods=["GET"]),
    Route(URL, per_diem_post, methods=["POST"]),
]
