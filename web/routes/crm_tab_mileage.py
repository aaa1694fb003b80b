"""CRM tab → Expenses → Mileage: a trip by distance or odometer readings, priced at the
vehicle's rate in force on the date (``mileageCalculate`` shows the rate and the amount), saved
with ``mileageExpenseCreate``."""

from __future__ import annotations

from datetime import date
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from web.graphql import run_operation
from web.htmx import redirect
from web.pages import flash
from web.routes.crm_tab import render_tab
from web.routes.crm_tab_kinds import BLOCKS, last_segment, pickers
from web.routes.settings_forms import Error, checked, error, optional, scalar_errors, text_values

PAGE = "crm_tab/mileage.html"
URL = "/crm-tab/mileage"
UNITS = {"KM": "km", "MILE": "mile"}
TRIP_FIELDS = ("date", "vehicleId", "distance", "odometerStart", "odometerEnd")
FIELDS = (*TRIP_FIELDS, "description", "customerId", "potentialId", "exchangeRate")


def _rate_in_force(vehicle: dict[str, Any], on: str) -> dict[str, Any] | None:
    for rate in vehicle["rates"]:
        if rate["effectiveFrom"] <= on and (
            rate["effectiveTo"] is None or on <= rate["effectiveTo"]
        ):
            return dict(rate)
    return None


async def _render(
    request: Request,
    values: dict[str, Any] | None = None,
    errors: list[Error] | None = None,
    calculation: dict[str, Any] | None = None,
) -> Response:
    data = await run_operation(request, "CrmTabMileage")
    today = date.today().isoformat()
    values = {"date": today, "isReimbursable": True} | (values or {})
    on = str(values["date"] or today)
    vehicles = []
    for vehicle in data["mileageVehicles"]["nodes"]:
        vehicles.append({**vehicle, "rate": _rate_in_force(vehicle, on)})
    context = {
        "p": await pickers(request),
        "vehicles": vehicles,
        "units": UNITS,
        "rates_on": on,
        "values": values,
        "errors": errors or [],
        "calculation": calculation,
    }
    return await render_tab(request, PAGE, context, blocks=BLOCKS)


async def mileage_page(request: Request) -> Response:
    return await _render(request)


def _trip(values: dict[str, Any]) -> dict[str, Any]:
    return {name: optional(values[name]) for name in TRIP_FIELDS} | {
        "vehicleId": values["vehicleId"]
    }


async def mileage_post(request: Request) -> Response:
    form = await request.form()
    values: dict[str, Any] = text_values(form, FIELDS)
    values["isReimbursable"] = checked(form, "isReimbursable")
    values["isBillable"] = checked(form, "isBillable")
    errors = scalar_errors(
        values, decimals=("distance", "odometerStart", "odometerEnd", "exchangeRate"),
        dates=("date",),
    )  # fmt: skip
    for name, message in (("date", "This field is required."),
                          ("vehicleId", "Choose a vehicle.")):  # fmt: skip
        if not values[name]:
            errors.append(error(name, message, "REQUIRED"))
    if not values["distance"] and not (values["odometerStart"] and values["odometerEnd"]):
        errors.append(
            error("distance", "Give the distance, or both odometer readings.", "REQUIRED")
        )
    if errors:
        return await _render(request, values, errors)
    data = await run_operation(request, "MileageCalculate", {"input": {"trip": _trip(values)}})
    result = data["mileageCalculate"]
    errors = last_segment(result["errors"], ("trip.",))
    calculation = result["calculation"]
    if errors or form.get("action") != "save":
        return await _render(request, values, errors, calculation)
    expense = {
        "trip": _trip(values),
        "description": values["description"],
        "isReimbursable": values["isReimbursable"],
        "isBillable": values["isBillable"],
        "customerId": optional(values["customerId"]),
        "potentialId": optional(values["potentialId"]),
        "exchangeRate": optional(values["exchangeRate"]),
    }
    data = await run_operation(request, "MileageExpenseCreate", {"input": {"expense": expense}})
    payload = data["mileageExpenseCreate"]
    if payload["errors"]:
        errors = last_segment(payload["errors"], ("expense.trip.", "expense.", "trip."))
        return await _render(request, values, errors, calculation)
    amount = payload["expense"]["amount"]
    flash(request, f"Saved the mileage expense of {amount['amount']} {amount['currency']}.")
    return redirect(request, URL)


routes = [
    Route(URL, mileage_page, methods=["GET"]),
    Route(URL, mileage_post, methods=["POST"]),
]
