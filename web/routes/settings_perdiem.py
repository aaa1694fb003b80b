"""Settings → Per diem: policies from a preset (Germany, US federal, Hawaii) or blank, their
rules (hour tiers, first and last day, meal shares, incidentals floor, time-of-day bands),
locations and rates (typed in or imported from a CSV file), and the users assigned to each."""

from __future__ import annotations

from typing import Any

from starlette.datastructures import FormData, UploadFile
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
    admin_not_found,
    checked,
    confirm_page,
    confirmed,
    error,
    mutate,
    optional,
    renamed,
    scalar_errors,
    text_values,
    without_field,
)

URL = "/settings/per-diem"
LIST_PAGE = "settings/policies/perdiem_list.html"
POLICY_PAGE = "settings/policies/perdiem_policy.html"
PRESETS = {
    "GERMANY": ("Germany (§9 EStG)", "More than 8 h: half the rate, 24 h: the full rate; "
                "meals 20/40/40 % of the full day."),
    "US_FEDERAL": ("US federal (FTR)", "75 % on the first and last day; meals at their M&IE "
                   "value; the incidentals are always kept."),
    "HAWAII": ("State of Hawaii", "The first and last day are judged by departure and return "
               "time in four 6-hour bands."),
}  # fmt: skip
RATE_FIELDS = ("locationId", "currency", "fullDay", "breakfast", "lunch", "dinner",
               "incidentals", "partialDay", "effectiveFrom", "effectiveTo")  # fmt: skip
SHARE_FIELDS = ("firstLastDayShare", "breakfastShare", "lunchShare", "dinnerShare")
MAX_TIERS = 10
MAX_BANDS = 24
BLANK_ROWS = 2
MAX_CSV_BYTES = 1_000_000


# --- the list of policies -------------------------------------------------------------------


async def _render_list(request: Request, state: FormState | None = None) -> Response:
    data = await run_operation(request, "SettingsPerDiemPolicies")
    context = {
        "policies": data["perDiemPolicies"],
        "presets": PRESETS,
        **(state or FormState()).context(),
    }
    return await render_page(request, LIST_PAGE, context, roles=ADMINS, blocks=BLOCKS)


async def policies_page(request: Request) -> Response:
    return await _render_list(request)


async def policy_create(request: Request) -> Response:
    values = text_values(await request.form(), ("name", "preset"))
    preset = values["preset"]
    if preset and preset not in PRESETS:
        state = FormState("create", [error("preset", "Choose a starting point from the list.")],
                          values)  # fmt: skip
        return await _render_list(request, state)
    payload = await mutate(request, "PerDiemPolicyCreate", {"name": values["name"]})
    if payload["errors"]:
        return await _render_list(request, FormState("create", payload["errors"], values))
    policy = payload["policy"]
    if preset:  # a preset's rules are always valid; the policy is new and the admin's own
        loaded = await mutate(
            request, "PerDiemPolicyLoadPreset", {"id": policy["id"], "preset": preset}
        )
        if loaded["errors"]:
            flash(request, loaded["errors"][0]["message"], "error")
            return redirect(request, f"{URL}/{policy['id']}")
    start = f" from the {PRESETS[preset][0]} preset" if preset else ""
    flash(request, f"Created the per diem policy {policy['name']}{start}.")
    return redirect(request, f"{URL}/{policy['id']}")


# --- one policy -----------------------------------------------------------------------------


def _rows(items: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    return items + [{} for _ in range(min(BLANK_ROWS, max(limit - len(items), 0)))]


async def _render_policy(
    request: Request, state: FormState | None = None, *, rules_rows: dict[str, Any] | None = None
) -> Response:
    data = await run_operation(request, "SettingsPerDiemPolicy", {"id": request.path_params["id"]})
    policy = data["perDiemPolicy"]
    if policy is None:
        return await admin_not_found(request)
    rules = policy["rules"]
    rows = rules_rows or {
        "tiers": _rows(rules["tiers"], MAX_TIERS),
        "bands": _rows(rules["timeBands"], MAX_BANDS),
    }
    assigned = {user["id"] for user in policy["assignedUsers"]}
    context = {
        "policy": policy,
        "presets": PRESETS,
        "tier_rows": rows["tiers"],
        "band_rows": rows["bands"],
        "unassigned_users": [u for u in data["users"]["nodes"] if u["id"] not in assigned],
        "base_currency": data["organization"]["baseCurrency"],
        "rate_count": sum(len(location["rates"]) for location in policy["locations"]),
        **(state or FormState()).context(),
    }
    return await render_page(request, POLICY_PAGE, context, roles=ADMINS, blocks=BLOCKS)


def _policy_url(request: Request) -> str:
    return f"{URL}/{request.path_params['id']}"


async def policy_page(request: Request) -> Response:
    return await _render_policy(request)


async def policy_rename(request: Request) -> Response:
    values = text_values(await request.form(), ("name",))
    payload = await mutate(
        request, "PerDiemPolicyUpdate", {"id": request.path_params["id"], "name": values["name"]}
    )
    if payload["errors"]:
        return await _render_policy(request, FormState("rename", payload["errors"], values))
    flash(request, f"Renamed the policy to {payload['policy']['name']}.")
    return redirect(request, _policy_url(request))


async def policy_load_preset(request: Request) -> Response:
    values = text_values(await request.form(), ("preset",))
    if values["preset"] not in PRESETS:
        errors = [error("preset", "Choose a preset from the list.")]
        return await _render_policy(request, FormState("preset", errors, values))
    payload = await mutate(
        request,
        "PerDiemPolicyLoadPreset",
        {"id": request.path_params["id"], "preset": values["preset"]},
    )
    if payload["errors"]:
        return await _render_policy(request, FormState("preset", payload["errors"], values))
    flash(request, f"Loaded the {PRESETS[values['preset']][0]} rules; locations and rates stay.")
    return redirect(request, _policy_url(request))


def _indexed_rows(
    form: FormData, prefix: str, names: tuple[str, ...], limit: int
) -> list[dict[str, str]]:
    """Rows ``<prefix>.<i>.<name>`` of the form, in order, blank rows included."""
    rows = []
    for index in range(limit):
        row = text_values(form, [f"{prefix}.{index}.{name}" for name in names])
        if not any(key.startswith(f"{prefix}.{index}.") for key in form):
            break
        rows.append({name: row[f"{prefix}.{index}.{name}"] for name in names})
    return rows


def _renumbered(
    errors: list[Error], group: str, positions: list[int], field_group: str
) -> list[Error]:
    """``rules.<group>.<k>.<field>`` (k among the rows sent) as ``<field_group>.<row>.<field>``
    (row as shown on the page)."""
    out = []
    for item in errors:
        name = item.get("field") or ""
        head = f"rules.{group}."
        if name.startswith(head):
            index, _, rest = name[len(head) :].partition(".")
            if index.isdigit() and int(index) < len(positions):
                row = positions[int(index)]
                item = {**item, "field": f"{field_group}.{row}.{rest}" if rest else field_group}
            else:
                item = {**item, "field": field_group}
        elif name == f"rules.{group}":
            item = {**item, "field": field_group}
        out.append(item)
    return out


async def policy_rules(request: Request) -> Response:
    form = await request.form()
    shares = text_values(form, SHARE_FIELDS)
    tiers = _indexed_rows(form, "tiers", ("minHours", "share"), MAX_TIERS)
    for index, row in enumerate(tiers):
        row["exclusive"] = "on" if checked(form, f"tiers.{index}.exclusive") else ""
    bands = _indexed_rows(form, "bands", ("startsAfter", "endsAt", "share"), MAX_BANDS)
    sent_tiers = [(i, row) for i, row in enumerate(tiers) if row["minHours"] or row["share"]]
    sent_bands = [(i, row) for i, row in enumerate(bands) if any(row.values())]
    tier_inputs = [
        {"minHours": row["minHours"], "share": row["share"], "exclusive": bool(row["exclusive"])}
        for _, row in sent_tiers
    ]
    band_inputs = [
        {"startsAfter": row["startsAfter"], "endsAt": row["endsAt"], "share": row["share"]}
        for _, row in sent_bands
    ]
    rules = {
        **{name: optional(value) for name, value in shares.items()},
        "incidentalsFloor": checked(form, "incidentalsFloor"),
        "tiers": tier_inputs,
        "timeBands": band_inputs,
    }
    errors = _rules_scalar_errors(shares, sent_tiers, sent_bands)
    if not errors:
        payload = await mutate(
            request, "PerDiemPolicyUpdate", {"id": request.path_params["id"], "rules": rules}
        )
        errors = payload["errors"]
        errors = _renumbered(errors, "tiers", [i for i, _ in sent_tiers], "tiers")
        errors = _renumbered(errors, "timeBands", [i for i, _ in sent_bands], "bands")
        errors = renamed(errors, "rules.")
    if errors:
        values: dict[str, Any] = {**shares, "incidentalsFloor": checked(form, "incidentalsFloor")}
        rows = {"tiers": tiers, "bands": bands}
        state = FormState("rules", errors, values)
        return await _render_policy(request, state, rules_rows=rows)
    flash(request, "Saved the per diem rules.")
    return redirect(request, _policy_url(request))


def _rules_scalar_errors(
    shares: dict[str, str],
    tiers: list[tuple[int, dict[str, str]]],
    bands: list[tuple[int, dict[str, str]]],
) -> list[Error]:
    """Numbers and times the API's scalars would refuse, named by their row on the page."""
    errors = scalar_errors(shares, decimals=SHARE_FIELDS)
    for row, tier in tiers:
        named = {f"tiers.{row}.{key}": value for key, value in tier.items()}
        errors += scalar_errors(named, decimals=(f"tiers.{row}.minHours", f"tiers.{row}.share"))
        for key in ("minHours", "share"):
            if not tier[key]:
                errors.append(error(f"tiers.{row}.{key}", "This field is required.", "REQUIRED"))
    for row, band in bands:
        named = {f"bands.{row}.{key}": value for key, value in band.items()}
        errors += scalar_errors(
            named,
            decimals=(f"bands.{row}.share",),
            times=(f"bands.{row}.startsAfter", f"bands.{row}.endsAt"),
        )
        for key in ("startsAfter", "endsAt", "share"):
            if not band[key]:
                errors.append(error(f"bands.{row}.{key}", "This field is required.", "REQUIRED"))
    return errors


async def location_create(request: Request) -> Response:
    values = text_values(await request.form(), ("name",))
    payload = await mutate(
        request, "PerDiemLocationCreate", {"policyId": request.path_params["id"], **values}
    )
    if payload["errors"]:
        return await _render_policy(request, FormState("location", payload["errors"], values))
    flash(request, f"Added the location {payload['location']['name']}.")
    return redirect(request, _policy_url(request))


async def rate_create(request: Request) -> Response:
    values = text_values(await request.form(), RATE_FIELDS)
    if not values["locationId"]:
        errors = [error("locationId", "Choose a location (add one first).", "REQUIRED")]
        return await _render_policy(request, FormState("rate", errors, values))
    variables: dict[str, Any] = {name: optional(value) for name, value in values.items()}
    variables["currency"] = values["currency"].upper()
    variables["fullDay"] = values["fullDay"]
    date_errors = scalar_errors(
        values,
        decimals=("fullDay", "breakfast", "lunch", "dinner", "incidentals", "partialDay"),
        dates=("effectiveFrom", "effectiveTo"),
    )
    if not values["effectiveFrom"]:
        date_errors.append(error("effectiveFrom", "This field is required.", "REQUIRED"))
    if not values["fullDay"]:
        date_errors.append(error("fullDay", "This field is required.", "REQUIRED"))
    if date_errors:
        return await _render_policy(request, FormState("rate", date_errors, values))
    payload = await mutate(request, "PerDiemRateCreate", variables)
    if payload["errors"]:
        return await _render_policy(request, FormState("rate", payload["errors"], values))
    flash(request, f"Added the rate from {payload['rate']['effectiveFrom']}.")
    return redirect(request, _policy_url(request))


async def rates_import(request: Request) -> Response:
    async with request.form() as form:  # closes the uploaded file's spool
        return await _rates_import(request, form)


async def _rates_import(request: Request, form: FormData) -> Response:
    upload = form.get("file")
    pasted = form.get("csv")
    text = pasted.strip() if isinstance(pasted, str) else ""
    errors: list[Error] = []
    if isinstance(upload, UploadFile) and upload.filename:
        raw = await upload.read(MAX_CSV_BYTES + 1)
        if len(raw) > MAX_CSV_BYTES:
            errors.append(error("file", "The file is larger than 1 MB.", "FILE_TOO_LARGE"))
        else:
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                errors.append(error("file", "The file is not UTF-8 text.", "INVALID_CSV"))
    pasted_only = "file" not in form
    if not errors and not text:
        field_name = "csv" if pasted_only else "file"
        errors.append(error(field_name, "Choose a CSV file or paste its lines.", "REQUIRED"))
    if not errors:
        payload = await mutate(
            request, "PerDiemRatesImport", {"policyId": request.path_params["id"], "csv": text}
        )
        source = "csv" if pasted_only else "file"  # the control the lines came from
        errors = [
            {**item, "field": source} if str(item.get("field") or "").startswith("csv") else item
            for item in payload["errors"]
        ]
    if errors:
        values = {"csv": pasted if isinstance(pasted, str) else ""}
        return await _render_policy(request, FormState("import", errors, values))
    flash(
        request,
        f"Imported {payload['ratesCreated']} rate{'s' if payload['ratesCreated'] != 1 else ''}"
        f" and {payload['locationsCreated']} new location"
        f"{'s' if payload['locationsCreated'] != 1 else ''}.",
    )
    return redirect(request, _policy_url(request))


async def rate_delete(request: Request) -> Response:
    form = await request.form()
    label = text_values(form, ("label",))["label"][:200] or "this rate"
    if not confirmed(form):
        return await confirm_page(
            request,
            heading="Delete a per diem rate",
            question=f"Delete {label}? Per diems already recorded keep their amounts.",
            button="Delete rate",
            cancel_url=_policy_url(request),
        )
    payload = await mutate(request, "PerDiemRateDelete", {"id": request.path_params["rate_id"]})
    if payload["errors"]:
        return await _render_policy(request, FormState("rates", without_field(payload["errors"])))
    flash(request, f"Deleted {label}.")
    return redirect(request, _policy_url(request))


async def location_delete(request: Request) -> Response:
    form = await request.form()
    name = text_values(form, ("name",))["name"][:200] or "this location"
    if not confirmed(form):
        return await confirm_page(
            request,
            heading="Delete a location",
            question=f"Delete {name} and all its rates? Per diems already recorded keep their "
            "breakdown.",
            button="Delete location",
            cancel_url=_policy_url(request),
        )
    payload = await mutate(
        request, "PerDiemLocationDelete", {"id": request.path_params["location_id"]}
    )
    if payload["errors"]:
        return await _render_policy(request, FormState("rates", without_field(payload["errors"])))
    flash(request, f"Deleted the location {name} and its rates.")
    return redirect(request, _policy_url(request))


async def policy_assign(request: Request) -> Response:
    values = text_values(await request.form(), ("userId",))
    if not values["userId"]:
        errors = [error("userId", "Choose a user.", "REQUIRED")]
        return await _render_policy(request, FormState("assign", errors, values))
    payload = await mutate(
        request,
        "PerDiemPolicyAssign",
        {"userId": values["userId"], "policyId": request.path_params["id"]},
    )
    if payload["errors"]:
        return await _render_policy(request, FormState("assign", payload["errors"], values))
    flash(
        request,
        f"{payload['user']['name']} now claims per diems under {payload['policy']['name']}.",
    )
    return redirect(request, _policy_url(request))


async def policy_unassign(request: Request) -> Response:
    user_id = request.path_params["user_id"]
    payload = await mutate(request, "PerDiemPolicyAssign", {"userId": user_id, "policyId": None})
    if payload["errors"]:
        return await _render_policy(request, FormState("assign", payload["errors"]))
    flash(request, f"{payload['user']['name']} no longer has a per diem policy.")
    return redirect(request, _policy_url(request))


routes = [
    Route(URL, policies_page, methods=["GET"]),
    Route(URL, policy_create, methods=["POST"]),
    Route(URL + "/{id}", policy_page, methods=["GET"]),
    Route(URL + "/{id}", policy_rename, methods=["POST"]),
    Route(URL + "/{id}/preset", policy_load_preset, methods=["POST"]),
    Route(URL + "/{id}/rules", policy_rules, methods=["POST"]),
    Route(URL + "/{id}/locations", location_create, methods=["POST"]),
    Route(URL + "/{id}/rates", rate_create, methods=["POST"]),
    Route(URL + "/{id}/locations/{location_id}/delete", location_delete, methods=["POST"]),
    Route(URL + "/{id}/rates/{rate_id}/delete", rate_delete, methods=["POST"]),
    Route(URL + "/{id}/import", rates_import, methods=["POST"]),
    Route(URL + "/{id}/assign", policy_assign, methods=["POST"]),
    Route(URL + "/{id}/unassign/{user_id}", policy_unassign, methods=["POST"]),
]
