"""Module and related-list metadata on the wire, per modules.json and related_lists.json.

A module carries, as the OAS requires, its fields, its layout, its related lists and its
default custom view (with criteria), not just the summary Zoho's docs show for the list.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from sync.crm.simulator.meta import ModuleDef, stable_id
from sync.crm.simulator.records import fmt_time, user_ref
from sync.crm.simulator.render_fields import PROFILES, field_json, layout_ref
from sync.crm.simulator.store import CrmStore

_NO_SORT: dict[str, Any] = {"api_name": None, "id": None}


def related_list_json(store: CrmStore, module: ModuleDef) -> list[dict[str, Any]]:
    """``settings/related_lists`` entries of a module (and a module's ``related_lists``)."""
    base = 10 * list(store.modules).index(module.api_name)
    return [
        {
            "id": stable_id("related", base + i + 1),
            "api_name": api_name,
            "display_label": api_name,
            "name": api_name,
            "module": {"api_name": target, "id": store.module_ids[target]},
            "href": f"{module.api_name}/{{id}}/{api_name}",
            "type": "default",
            "action": None,
            "sequence_number": str(i + 1),
            "visible": True,
            "status": "visible",
            "customize_sort": False,
            "customize_fields": False,
            "customize_display_label": False,
            "sort_by": dict(_NO_SORT),
            "sort_order": None,
            "fields": [],
        }
        for i, (api_name, target, _) in enumerate(module.related_lists)
    ]


def _field_ref(store: CrmStore, module: ModuleDef, name: str) -> dict[str, str]:
    return {"api_name": name, "id": store.field_ids[module.api_name][name]}


def module_json(store: CrmStore, module: ModuleDef, tz: ZoneInfo) -> dict[str, Any]:
    """One module as ``GET /settings/modules`` and ``/settings/modules/{api_name}`` answer it."""
    views = store.views.get(module.api_name, [])
    default_view = next((v for v in views if v.default), views[0] if views else None)
    display = _field_ref(store, module, module.display_field)
    admin = store.users[0]
    return {
        "id": store.module_ids[module.api_name],
        "api_name": module.api_name,
        "module_name": module.api_name,
        "singular_label": module.singular,
        "plural_label": module.plural,
        "description": None,
        "api_supported": True,
        "generated_type": "default",
        "creatable": True,
        "editable": True,
        "deletable": True,
        "viewable": True,
        "convertable": False,
        "quick_create": True,
        "global_search_supported": True,
        "common.search_supported": True,
        "visibility": 1,
        "visible": True,
        "show_as_tab": True,
        "status": "visible",
        "sequence_number": list(store.modules).index(module.api_name) + 1,
        "modified_by": user_ref(store, admin["id"], email=False),
        "modified_time": fmt_time(store.org.get("created_time"), tz),
        "profiles": [{"id": stable_id("profile", i), "name": n} for n, i in PROFILES],
        "profile_count": len(PROFILES),
        "parent_module": None,
        "web_link": None,
        "arguments": [],
        "activity_badge": "Enabled",
        "recycle_bin_on_delete": True,
        "inventory_template_supported": False,
        "presence_sub_menu": True,
        "triggers_supported": True,
        "chart_view": False,
        "chart_view_supported": True,
        "kanban_view": False,
        "kanban_view_supported": True,
        "isBlueprintSupported": True,
        "emailTemplate_support": True,
        "email_parser_supported": False,
        "filter_supported": True,
        "filter_status": True,
        "feeds_required": False,
        "scoring_supported": True,
        "webform_supported": True,
        "track_current_data": False,
        "zia_view": False,
        "per_page": 10,
        "business_card_field_limit": 5,
        "business_card_fields": [module.display_field],
        "search_layout_fields": [module.display_field],
        "$field_states": [],
        "$properties": [],
        "$on_demand_properties": [],
        "display_field": display,
        "lookup_field_properties": {"fields": [{"sequence_number": 1, **display}]},
        "related_list_properties": {
            "sort_by": dict(_NO_SORT),
            "fields": [],
            "sort_order": None,
        },
        "default_mapping_fields": [],
        "layouts": [{**layout_ref(store, module.api_name), "display_label": "Standard"}],
        "layout_associations": [layout_ref(store, module.api_name)],
        "related_lists": related_list_json(store, module),
        "fields": [field_json(store, module, f, tz) for f in module.fields],
        "custom_view": default_view.to_json() if default_view else None,
    }
