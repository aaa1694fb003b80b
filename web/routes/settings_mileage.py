"""Settings → Mileage: vehicle types, their rates per period and the slabs of each rate."""

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
    Error,
    FormState,
    confirm_page,
    confirmed,
    error,
    mutate,
    optional,
    scalar_errors,
    text_values,
    without_field,
)

PAGE = "settings/policies/mileage.html"
URL = "/settings/mileage"
UNITS = {"KM": "Kilometre", "MILE": "Mile"}
SLAB_ROWS = 3
RATE_FIELDS = ("vehicleId", "effectiveFrom", "effectiveTo", "unit", "currency", "ratePerUnit")


async def _render(request: Request, state: FormState | None = None) -> Response:
    data = await run_operation(request, "SettingsMileage")
    context = {
        "vehicles": data["mileageVehicles"],
        "categories": [c for c in data["categories"]["nodes"] if c["kind"] == "STANDARD"],
        "organization": data["organization"],
        "units": UNITS,
        "slab_rows": range(SLAB_ROWS),
        **(state or FormState()).context(),
    }
    return await render_page(request, PAGE, context, roles=ADMINS, blocks=BLOCKS)


async def mileage_page(request: Request) -> Response:
    return await _render(request)


async def vehicle_create(request: Request) -> Response:
    values = text_values(await request.form(), ("name", "categoryId"))
    payload = await mutate(
        request,
        "MileageVehicleCreate",
        {"name": values["name"], "categoryId": optional(values["categoryId"])},
    )
    if payload["errors"]:
        return await _render(request, FormState("vehicle", payload["errors"], values))
    flash(request, f"Added the vehicle {payload['vehicle']['name']}.")
    return redirect(request, URL)


async def vehicle_update(request: Request) -> Response:
    vehicle_id = request.path_params["id"]
    values = text_values(await request.form(), ("name", "categoryId"))
    variables = {
        "id": vehicle_id,
        "name": values["name"],
        "categoryId": optional(values["categoryId"]),
    }
    payload = await mutate(request, "MileageVehicleUpdate", variables)
    if payload["errors"]:
        return await _render(request, FormState(f"vehicle-{vehicle_id}", payload["errors"], values))
    flash(request, f"Saved the vehicle {payload['vehicle']['name']}.")
    return redirect(request, URL)


async def _set_enabled(request: Request, enabled: bool) -> Response:
    vehicle_id = request.path_params["id"]
    payload = await mutate(
        request, "MileageVehicleUpdate", {"id": vehicle_id, "isEnabled": enabled}
    )
    if payload["errors"]:
        return await _render(request, FormState(f"vehicle-{vehicle_id}", payload["errors"]))
    name = payload["vehicle"]["name"]
    flash(request, f"{'Enabled' if enabled else 'Disabled'} the vehicle {name}.")
    return redirect(request, URL)


async def vehicle_disable(request: Request) -> Response:
    return await _set_enabled(request, False)


async def vehicle_enable(request: Request) -> Response:
    return await _set_enabled(request, True)


async def rate_create(request: Request) -> Response:
    form = await request.form()
    values: dict[str, Any] = text_values(form, RATE_FIELDS)
    slab_values = text_values(
        form,
        [f"slabs.{i}.{name}" for i in range(SLAB_ROWS) for name in ("fromDistance", "ratePerUnit")],
    )
    values.update(slab_values)
    sent = [
        i
        for i in range(SLAB_ROWS)
        if slab_values[f"slabs.{i}.fromDistance"] or slab_values[f"slabs.{i}.ratePerUnit"]
    ]
    errors: list[Error] = scalar_errors(
        values,
        decimals=("ratePerUnit", *slab_values),
        dates=("effectiveFrom", "effectiveTo"),
    )
    for name, label in (("vehicleId", "Choose a vehicle (add one first)."),
                        ("effectiveFrom", "This field is required."),
                        ("ratePerUnit", "This field is required.")):  # fmt: skip
        if not values[name]:
            errors.append(error(name, label, "REQUIRED"))
    if values["unit"] not in UNITS:
        errors.append(error("unit", "Choose a unit from the list."))
    for i in sent:
        for name in ("fromDistance", "ratePerUnit"):
            if not slab_values[f"slabs.{i}.{name}"]:
                errors.append(error(f"slabs.{i}.{name}", "This field is required.", "REQUIRED"))
    if not errors:
        rate = {
            "effectiveFrom": values["effectiveFrom"],
            "effectiveTo": optional(values["effectiveTo"]),
            "unit": values["unit"],
            "currency": optional(values["currency"].upper()),
            "ratePerUnit": values["ratePerUnit"],
            "slabs": [
                {
                    "fromDistance": slab_values[f"slabs.{i}.fromDistance"],
                    "ratePerUnit": slab_values[f"slabs.{i}.ratePerUnit"],
                }
                for i in sent
            ],
        }
        payload = await mutate(
            request, "MileageRateCreate", {"vehicleId": values["vehicleId"], "rate": rate}
        )
        errors = [_slab_row(item, sent) for item in payload["errors"]]
    if errors:
        return await _render(request, FormState("rate", errors, values))
    flash(request, f"Added a rate for {payload['rate']['vehicle']['name']}.")
    return redirect(request, URL)


async def rate_delete(request: Request) -> Response:
    form = await request.form()
    label = text_values(form, ("label",))["label"][:200] or "this rate"
    if not confirmed(form):
        return await confirm_page(
            request,
            heading="Delete a mileage rate",
            question=f"Delete {label}? A rate that priced expenses cannot be deleted: give it "
            "an end date instead.",
            button="Delete rate",
            cancel_url=URL,
        )
    payload = await mutate(request, "MileageRateDelete", {"id": request.path_params["id"]})
    if payload["errors"]:
        return await _render(request, FormState("rates", without_field(payload["errors"])))
    flash(request, f"Deleted {label}.")
    return redirect(request, URL)


def _slab_row(item: Error, sent: list[int]) -> Error:
    """``slabs.<k>.x`` among the slabs sent, as the row of the form it came from."""
    name = str(item.get("field") or "")
    if name.startswith("slabs."):
        index, _, rest = name[len("slabs.") :].partition(".")
        if index.isdigit() and int(index) < len(sent) and rest:
            return {**item, "field": f"slabs.{sent[int(index)]}.{rest}"}
    return item


routes = [
    Route(URL, mileage_page, methods=["GET"]),
    Route(URL + "/vehicles", vehicle_create, methods=["POST"]),
    Route(URL + "/vehicles/{id}", vehicle_update, methods=["POST"]),
    Route(URL + "/vehicles/{id}/disable", vehicle_disable, methods=["POST"]),
    Route(URL + "/vehicles/{id}/enable", vehicle_enable, methods=["POST"]),
    Route(URL + "/rates", rate_create, methods=["POST"]),
    Route(URL + "/rates/{id}/delete", rate_delete, methods=["POST"]),
]
