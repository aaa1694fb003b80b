"""Settings → Integrations → Zoho CRM: connecting and choosing what syncs.

Connect (data centre or explicit URLs, client id, secret, refresh token), Configure customers
(module, extent, duplicates, views, hand-picked contacts; "Save and Sync" or "Save and Sync
Later") and the field mapping (with new custom fields). The details page and its actions are in
``zoho_crm_details``.
"""

from __future__ import annotations

from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from web.graphql import GraphQLCallError, run_operation
from web.htmx import redirect
from web.pages import flash, render_page

BASE = "/settings/integrations/zoho-crm"
ADMINS = ("ADMIN",)
DATA_CENTRES = ("US", "EU", "IN", "AU", "JP", "CN", "CA", "SA")
MODULES = ("ACCOUNTS", "CONTACTS", "ACCOUNTS_AND_CONTACTS")
EXTENTS = ("FETCH", "TWO_WAY")
DUPLICATES = ("CLONE", "OVERWRITE", "SKIP")
CONFLICTS = ("CRM_WINS", "SPENDSYNC_WINS")
MAPPING_MODULES = {"Accounts": "ACCOUNTS", "Contacts": "CONTACTS"}
FIELD_TYPES = ("TEXT", "NUMBER", "DATE", "BOOLEAN", "PICKLIST")
# CRM answers a page shows as a notice instead of failing: the CRM refused or is unreachable,
# or the integration is not connected (yet, or any more).
CRM_PROBLEMS = frozenset(
    {"CRM_REJECTED", "NOT_CONNECTED", "SERVICE_UNAVAILABLE", "CRM_UNAVAILABLE"}
)
MAX_PICKED = 100


def _error(field: str | None, message: str, code: str = "INVALID") -> dict[str, Any]:
    return {"field": field, "message": message, "code": code}


async def crm_query(
    request: Request, name: str, variables: dict[str, Any] | None = None
) -> tuple[dict[str, Any] | None, str | None]:
    """An operation that asks the CRM: its data, or None and the reason to show."""
    try:
        return await run_operation(request, name, variables), None
    except GraphQLCallError as exc:
        if exc.codes & CRM_PROBLEMS:
            return None, str(exc)
        raise


# -- connect ----------------------------------------------------------------------------------
def _connect_values(integration: dict[str, Any]) -> dict[str, str]:
    explicit = bool(integration.get("accountsUrl"))
    return {
        "dataCentre": integration.get("dataCentre") or ("" if explicit else "US"),
        "accountsUrl": integration.get("accountsUrl") or "",
        "apiUrl": integration.get("apiUrl") or "",
        "clientId": integration.get("clientId") or "",
    }


async def render_connect(
    request: Request,
    data: dict[str, Any],
    *,
    errors: list[dict[str, Any]] | None = None,
    values: dict[str, str] | None = None,
) -> Response:
    """The connect form; ``data`` is the ZohoCrmPage operation's answer."""
    integration = data["integration"]
    context = {
        "organization": data["viewer"]["organization"],
        "integration": integration,
        "deletion": data.get("integrationDeletion"),
        "data_centres": DATA_CENTRES,
        "errors": errors or [],
        "values": values or _connect_values(integration),
    }
    return await render_page(
        request, "settings/zoho_crm/connect.html", context, roles=ADMINS,
        blocks={"connect-form": "connect_form"},
    )  # fmt: skip


async def connect_page(request: Request) -> Response:
    return await render_connect(request, await run_operation(request, "ZohoCrmPage"))


def _connect_input(form: FormData) -> dict[str, Any]:
    data_centre = str(form.get("dataCentre", "")).strip()
    return {
        "dataCentre": data_centre or None,
        "accountsUrl": str(form.get("accountsUrl", "")).strip() or None,
        "apiUrl": str(form.get("apiUrl", "")).strip() or None,
        "clientId": str(form.get("clientId", "")),
        "clientSecret": str(form.get("clientSecret", "")),
        "refreshToken": str(form.get("refreshToken", "")),
    }


async def connect(request: Request) -> Response:
    form = await request.form()
    values = _connect_input(form)
    errors: list[dict[str, Any]] = []
    if values["dataCentre"] and values["dataCentre"] not in DATA_CENTRES:
        errors.append(_error("dataCentre", "Choose a data centre from the list."))
    if values["dataCentre"] and values["accountsUrl"]:
        errors.append(
            _error("accountsUrl", "Give either a data centre or explicit URLs, not both.")
        )
    if not errors:
        data = await run_operation(request, "IntegrationConnect", {"input": values})
        payload = data["integrationConnect"]
        errors = payload["errors"]
        if not errors:
            crm_org = payload["integration"]["crmOrganization"] or {}
            flash(request, f"Connected to {crm_org.get('name') or 'Zoho CRM'} "
                           f"({crm_org.get('baseCurrency') or 'no currency'}).")  # fmt: skip
            return redirect(request, f"{BASE}/configure")
    shown = {k: v or "" for k, v in values.items() if k not in ("clientSecret", "refreshToken")}
    page = await run_operation(request, "ZohoCrmPage")
    return await render_connect(request, page, errors=errors, values=shown)


# -- configure customers ----------------------------------------------------------------------
def _settings_values(integration: dict[str, Any]) -> dict[str, Any]:
    picked = integration.get("pickedContactIds") or []
    return {
        "customerModule": integration["customerModule"],
        "includeOrphanContacts": integration["includeOrphanContacts"],
        "extent": integration["extent"],
        "duplicatePolicy": integration["duplicatePolicy"],
        "conflictPolicy": integration["conflictPolicy"],
        "accountViewId": integration.get("accountViewId") or "",
        "contactViewId": integration.get("contactViewId") or "",
        "syncIntervalHours": str(integration["syncIntervalHours"]),
        "contactScope": "picked" if picked else "all",
        "pickedContactIds": list(picked),
    }


async def _render_configure(
    request: Request,
    *,
    values: dict[str, Any] | None = None,
    errors: list[dict[str, Any]] | None = None,
    status_code: int = 200,
) -> Response:
    data = await run_operation(request, "ZohoCrmPage")
    integration = data["integration"]
    if integration["state"] != "CONNECTED":
        if integration["state"] == "NOT_CONNECTED":
            return await render_connect(request, data)
        flash(request, "The integration is disabled: enable it before changing what syncs.",
              "error")  # fmt: skip
        return redirect(request, BASE)
    views, views_problem = await crm_query(request, "ZohoCrmViews")
    context = {
        "organization": data["viewer"]["organization"],
        "integration": integration,
        "views": views or {"accountViews": [], "contactViews": []},
        "views_problem": views_problem,
        "values": values or _settings_values(integration),
        "errors": errors or [],
        "modules": MODULES, "extents": EXTENTS, "duplicates": DUPLICATES,
        "conflicts": CONFLICTS,
    }  # fmt: skip
    return await render_page(
        request, "settings/zoho_crm/configure.html", context, roles=ADMINS,
        blocks={"settings-form": "settings_form"}, status_code=status_code,
    )  # fmt: skip


async def configure_page(request: Request) -> Response:
    return await _render_configure(request)


def _choice(
    form: FormData, name: str, allowed: tuple[str, ...], errors: list[dict[str, Any]]
) -> str:
    value = str(form.get(name, ""))
    if value not in allowed:
        errors.append(_error(name, "Choose one of the options."))
    return value


def _settings_form(form: FormData, errors: list[dict[str, Any]]) -> dict[str, Any]:
    values: dict[str, Any] = {
        "customerModule": _choice(form, "customerModule", MODULES, errors),
        "includeOrphanContacts": form.get("includeOrphanContacts") == "on",
        "extent": _choice(form, "extent", EXTENTS, errors),
        "duplicatePolicy": _choice(form, "duplicatePolicy", DUPLICATES, errors),
        "conflictPolicy": str(form.get("conflictPolicy", "CRM_WINS")),
        "accountViewId": str(form.get("accountViewId", "")).strip(),
        "contactViewId": str(form.get("contactViewId", "")).strip(),
        "syncIntervalHours": str(form.get("syncIntervalHours", "24")).strip(),
        "contactScope": "picked" if form.get("contactScope") == "picked" else "all",
        "pickedContactIds": list(dict.fromkeys(str(v) for v in form.getlist("pickedContactIds"))),
    }
    if values["conflictPolicy"] not in CONFLICTS:
        errors.append(_error("conflictPolicy", "Choose one of the options."))
    if not values["syncIntervalHours"].isdigit():
        errors.append(_error("syncIntervalHours", "Give a whole number of hours (1 to 168)."))
    if values["contactScope"] == "picked":
        if values["customerModule"] != "ACCOUNTS_AND_CONTACTS":
            errors.append(_error("pickedContactIds",
                                 "Picking contacts needs Accounts & their Contacts."))  # fmt: skip
        elif not values["pickedContactIds"]:
            errors.append(_error("pickedContactIds", "Pick at least one contact, or sync all."))
        elif len(values["pickedContactIds"]) > MAX_PICKED:
            errors.append(_error("pickedContactIds", f"Pick at most {MAX_PICKED} contacts."))
    return values


async def save_settings(request: Request) -> Response:
    form = await request.form()
    errors: list[dict[str, Any]] = []
    values = _settings_form(form, errors)
    sync_now = form.get("action") != "later"
    if not errors:
        module = values["customerModule"]
        picked = values["pickedContactIds"] if values["contactScope"] == "picked" else None
        variables = {
            "customerModule": module, "extent": values["extent"],
            "duplicatePolicy": values["duplicatePolicy"],
            "conflictPolicy": values["conflictPolicy"],
            "accountViewId": (values["accountViewId"] or None) if module != "CONTACTS" else None,
            "contactViewId": (values["contactViewId"] or None) if module != "ACCOUNTS" else None,
            "includeOrphanContacts": values["includeOrphanContacts"]
            and module == "ACCOUNTS_AND_CONTACTS",
            "syncIntervalHours": int(values["syncIntervalHours"]),
            "pickedContactIds": picked, "syncNow": sync_now,
        }  # fmt: skip
        data = await run_operation(request, "IntegrationCustomerSettingsSave", {"input": variables})
        errors = data["integrationCustomerSettingsSave"]["errors"]
        if not errors:
            later = "Saved. The customers sync at the next scheduled run, or on Instant Sync."
            flash(request, "Saved. The sync has started." if sync_now else later)
            return redirect(request, BASE)
    return await _render_configure(request, values=values, errors=errors)


async def account_search(request: Request) -> Response:
    """CRM accounts by name with their contacts, to pick contacts from (an htmx fragment)."""
    name = request.query_params.get("accountName", "").strip()[:100]
    picked = set(request.query_params.getlist("pickedContactIds"))
    await run_operation(request, "ZohoCrmStatus")  # admins only (search is open to members)
    found, problem = (None, None)
    if name:
        found, problem = await crm_query(request, "ZohoCrmAccountSearch", {"accountName": name})
    context = {
        "accounts": (found or {}).get("crmSearchAccounts", []), "searched": name,
        "problem": problem, "picked": picked,
    }  # fmt: skip
    return await render_page(
        request, "settings/zoho_crm/account_search.html", context, roles=ADMINS,
        blocks={"account-results": "results"},
    )  # fmt: skip


# -- field mapping ----------------------------------------------------------------------------
def _mapping_module(request: Request) -> str:
    module = request.query_params.get("module", "Accounts")
    return module if module in MAPPING_MODULES else "Accounts"


async def _render_mapping(
    request: Request,
    *,
    chosen: dict[str, str] | None = None,
    row_errors: dict[str, list[dict[str, Any]]] | None = None,
    errors: list[dict[str, Any]] | None = None,
    field_errors: list[dict[str, Any]] | None = None,
    field_values: dict[str, str] | None = None,
) -> Response:
    module = _mapping_module(request)
    data, problem = await crm_query(
        request, "ZohoCrmFieldMapping", {"module": MAPPING_MODULES[module]}
    )
    if data is None:
        page = await run_operation(request, "ZohoCrmPage")
        if page["integration"]["state"] == "NOT_CONNECTED":
            return await render_connect(request, page)
    mapping = {m["target"]: m["crmField"] for m in (data or {}).get("integrationFieldMapping", [])}
    crm_fields = sorted(
        (data or {}).get("integrationCrmFields", []), key=lambda f: f["label"] or f["apiName"]
    )
    context = {
        "module": module, "modules": list(MAPPING_MODULES), "problem": problem,
        "targets": (data or {}).get("integrationFieldTargets", []),
        "crm_fields": crm_fields, "chosen": chosen if chosen is not None else mapping,
        "row_errors": row_errors or {}, "errors": errors or [],
        "field_errors": field_errors or [],
        "field_values": field_values or {"label": "", "dataType": "TEXT", "options": ""},
        "field_types": FIELD_TYPES,
    }  # fmt: skip
    return await render_page(request, "settings/zoho_crm/mapping.html", context, roles=ADMINS)


async def mapping_page(request: Request) -> Response:
    return await _render_mapping(request)


async def save_mapping(request: Request) -> Response:
    module = _mapping_module(request)
    form = await request.form()
    chosen = {
        key[len("map:") :]: str(value).strip()
        for key, value in form.multi_items()
        if key.startswith("map:") and str(value).strip()
    }
    targets = list(chosen)
    mappings = [{"target": t, "crmField": chosen[t]} for t in targets][:100]
    variables = {"input": {"module": MAPPING_MODULES[module], "mappings": mappings}}
    data = await run_operation(request, "IntegrationFieldMappingSave", variables)
    errors = data["integrationFieldMappingSave"]["errors"]
    if not errors:
        flash(request, f"Saved the {module} field mapping. The next sync reads every record "
                       "with it.")  # fmt: skip
        return redirect(request, f"{BASE}/field-mapping?module={module}")
    row_errors: dict[str, list[dict[str, Any]]] = {}
    general = []
    for error in errors:  # "mappings.<i>.crmField" belongs to the row of the i-th target sent
        parts = (error["field"] or "").split(".")
        if len(parts) == 3 and parts[0] == "mappings" and parts[1].isdigit():
            index = int(parts[1])
            if index < len(targets):
                row_errors.setdefault(targets[index], []).append(error)
                continue
        general.append({**error, "field": None})
    return await _render_mapping(request, chosen=chosen, row_errors=row_errors, errors=general)


async def create_custom_field(request: Request) -> Response:
    module = _mapping_module(request)
    form = await request.form()
    values = {
        "label": str(form.get("label", "")),
        "dataType": str(form.get("dataType", "")),
        "options": str(form.get("options", "")),
    }
    errors: list[dict[str, Any]] = []
    if values["dataType"] not in FIELD_TYPES:
        errors.append(_error("dataType", "Choose a type from the list."))
    else:
        options = [o.strip() for o in values["options"].split(",") if o.strip()]
        field_input = {"label": values["label"], "dataType": values["dataType"],
                       "options": options if values["dataType"] == "PICKLIST" else []}  # fmt: skip
        data = await run_operation(request, "CustomFieldCreate", {"input": field_input})
        errors = data["customFieldCreate"]["errors"]
        if not errors:
            created = data["customFieldCreate"]["customField"]
            flash(request, f"Added the custom field {created['label']}: map a CRM field to it "
                           "below.")  # fmt: skip
            return redirect(request, f"{BASE}/field-mapping?module={module}")
    return await _render_mapping(request, field_errors=errors, field_values=values)


routes = [
    Route(f"{BASE}/connect", connect_page, methods=["GET"]),
    Route(f"{BASE}/connect", connect, methods=["POST"]),
    Route(f"{BASE}/configure", configure_page, methods=["GET"]),
    Route(f"{BASE}/configure", save_settings, methods=["POST"]),
    Route(f"{BASE}/configure/accounts", account_search, methods=["GET"]),
    Route(f"{BASE}/field-mapping", mapping_page, methods=["GET"]),
    Route(f"{BASE}/field-mapping", save_mapping, methods=["POST"]),
    Route(f"{BASE}/field-mapping/custom-fields", create_custom_field, methods=["POST"]),
]
