"""Field metadata on the wire (``settings/fields`` and a module's ``fields``), per fields.json.

Zoho's OAS marks nearly every key of a field ``required`` and types several of them as
non-nullable objects (``crypt``, ``tooltip``, ``external``, ``autonumber``, ...). Where Zoho
answers ``null`` for "not configured", the simulator sends the object with its required keys
null or empty instead, so the answer stays OAS-valid (docs/CRM_SIMULATOR.md).
"""

from __future__ import annotations

import zlib
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sync.crm.simulator.meta import DEAL_STAGES, FieldDef, ModuleDef, stable_id
from sync.crm.simulator.records import fmt_time
from sync.crm.simulator.store import CrmStore

#: Zoho's ``ui_type`` codes per data type (approximate: Zoho documents no table).
UI_TYPES = {
    "text": 1,
    "picklist": 2,
    "textarea": 3,
    "ownerlookup": 8,
    "date": 24,
    "email": 25,
    "integer": 32,
    "phone": 33,
    "currency": 36,
    "double": 38,
    "percent": 39,
    "website": 21,
    "lookup": 133,
    "boolean": 301,
    "datetime": 333,
    "userlookup": 209,
    "bigint": 32,
    "multiselectpicklist": 100,
}
_NO_MODULE: dict[str, Any] = {"api_name": None, "id": None}
PROFILES = (("Administrator", 1), ("Standard", 2))


def layout_ref(store: CrmStore, module: str) -> dict[str, str]:
    """The one ``Standard`` layout of a module."""
    index = list(store.modules).index(module) + 1
    return {"api_name": "Standard", "name": "Standard", "id": stable_id("layout", index)}


def picklist_json(fdef: FieldDef) -> list[dict[str, Any]]:
    values: list[dict[str, Any]] = []
    stages = {s: (p, f) for s, p, f in DEAL_STAGES}
    for index, value in enumerate(fdef.picklist):
        entry: dict[str, Any] = {
            "display_value": value,
            "actual_value": value,
            "reference_value": value,
            "sequence_number": index + 1,
            "colour_code": None,
            "id": stable_id("pick", zlib.crc32(f"{fdef.api_name}:{value}".encode()) % 10_000_000),
            "type": "used",
        }
        if fdef.api_name == "Stage" and value in stages:
            entry["probability"] = stages[value][0]
            entry["forecast_type"] = stages[value][1]
        values.append(entry)
    return values


def _lookup(store: CrmStore, module: ModuleDef, fdef: FieldDef) -> dict[str, Any]:
    if not fdef.lookup_module:
        return {}
    return {
        "display_label": fdef.label,
        "api_name": fdef.api_name,
        "module": {"api_name": fdef.lookup_module, "id": store.module_ids[fdef.lookup_module]},
        "id": store.field_ids[module.api_name][fdef.api_name],
    }


def _profiles(fdef: FieldDef) -> list[dict[str, Any]]:
    permission = "read_only" if fdef.read_only else "read_write"
    return [
        {"name": name, "id": stable_id("profile", index), "permission_type": permission}
        for name, index in PROFILES
    ]


def _textarea(fdef: FieldDef) -> dict[str, Any]:
    if fdef.data_type != "textarea":
        return {}
    return {"type": "large" if fdef.length > 2000 else "small"}


def _column_name(module: ModuleDef, fdef: FieldDef) -> str:
    if fdef.custom:
        return f"CUSTOMFIELD{[f.api_name for f in module.fields].index(fdef.api_name) + 1}"
    return fdef.api_name.replace("_", "").upper()


def _not_configured() -> dict[str, Any]:
    """Feature objects the OAS requires even when the feature is off."""
    return {
        "associated_module": dict(_NO_MODULE),
        "sub_module": dict(_NO_MODULE),
        "refer_from_field": {"id": None, "api_name": None},
        "external": {"show": False, "type": None},
        "multiuserlookup": {
            "display_label": None,
            "linking_module": dict(_NO_MODULE),
            "connected_module": dict(_NO_MODULE),
            "lookup_apiname": None,
            "api_name": None,
            "connectedfield_apiname": None,
            "connectedlookup_apiname": None,
            "id": None,
            "record_access": None,
        },
        "autonumber": {
            "starting_number_length": 0,
            "prefix": None,
            "suffix": None,
            "start_number": None,
        },
        "crypt": {"mode": None, "status": None},
        "tooltip": {"name": "", "value": ""},
        "history_tracking": {"module": {}, "duration_configured_field": dict(_NO_MODULE)},
        "association_details": {
            "related_field": dict(_NO_MODULE),
            "lookup_field": dict(_NO_MODULE),
        },
        "hipaa_compliance": {"restricted_in_export": False, "restricted": False},
        "email_parser": {"fields_update_supported": False, "record_operations_supported": False},
        "convert_mapping": {"Contacts": None, "Deals": None, "Accounts": None},
        "sharing_properties": {},
        "allowed_modules": [],
        "file_upolad_optionlist": [],
        "customizable_properties": [],
        "multi_module_lookup": None,
        "multiselectlookup": None,
        "auto_number": None,
        "rollup_summary": None,
        "subform": None,
        "formula": None,
        "common.picklist": None,
        "additional_column": None,
        "hipaa_compliance_enabled": False,
    }


def field_json(store: CrmStore, module: ModuleDef, fdef: FieldDef, tz: ZoneInfo) -> dict[str, Any]:
    """One field as ``GET /settings/fields`` answers it."""
    writable = not fdef.read_only
    position = [f.api_name for f in module.fields].index(fdef.api_name) + 1
    created: datetime | None = store.org.get("created_time") if fdef.custom else None
    return {
        "api_name": fdef.api_name,
        "field_label": fdef.label,
        "display_label": fdef.label,
        "id": store.field_ids[module.api_name][fdef.api_name],
        "data_type": fdef.data_type,
        "json_type": fdef.json_type,
        "length": fdef.length,
        "decimal_place": fdef.decimal_place,
        "custom_field": fdef.custom,
        "read_only": fdef.read_only,
        "field_read_only": fdef.read_only,
        "system_mandatory": fdef.mandatory,
        "visible": True,
        "virtual_field": False,
        "unique": {"casesensitive": False} if fdef.unique else {},
        "pick_list_values": picklist_json(fdef),
        "pick_list_values_sorted_lexically": False,
        "enable_colour_code": False,
        "colour_code_enabled_by_system": False,
        "lookup": _lookup(store, module, fdef),
        "currency": {"rounding_option": "normal", "precision": fdef.decimal_place or 2}
        if fdef.data_type == "currency"
        else None,
        "searchable": True,
        "sortable": fdef.api_name in ("Created_Time", "Modified_Time"),
        "filterable": True,
        "mass_update": writable,
        "display_type": -1,
        "show_type": 7,
        "category": 2 if fdef.custom else 0,
        "ui_type": UI_TYPES.get(fdef.data_type, 1),
        "column_name": _column_name(module, fdef),
        "sequence_number": position,
        "quick_sequence_number": str(position),
        "type": "used",
        "created_source": "crm" if fdef.custom else "default",
        "created_time": fmt_time(created, tz),
        "modified_time": fmt_time(created, tz),
        "operation_type": {
            "web_update": writable,
            "api_create": writable,
            "web_create": writable,
            "api_update": writable,
        },
        "view_type": {
            "view": True,
            "edit": writable,
            "quick_create": fdef.mandatory,
            "create": writable,
        },
        "profiles": _profiles(fdef),
        "layout_associations": [layout_ref(store, module.api_name)],
        "webhook": writable,
        "blueprint_supported": fdef.data_type == "picklist",
        "businesscard_supported": writable,
        "available_in_user_layout": True,
        "display_field": fdef.api_name == module.display_field,
        "separator": False,
        "number_separator": fdef.data_type in ("integer", "currency", "double"),
        "static_field": False,
        "_update_existing_records": False,
        "textarea": _textarea(fdef),
        **_not_configured(),
    }
