"""Custom views: system views (All/My/...) and user views whose criteria the store evaluates."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sync.crm.simulator.criteria import Node, parse_view
from sync.crm.simulator.meta import ModuleDef, stable_id

#: ``criteria`` of a view without a filter: the OAS requires the key and a non-null object.
BLANK_CRITERIA: dict[str, Any] = {
    "comparator": None,
    "field": {"api_name": None, "id": None},
    "value": None,
    "group_operator": None,
    "group": [],
}


@dataclass
class CustomView:
    id: str
    module: str
    module_id: str
    name: str
    display_value: str
    system_name: str | None
    category: str
    criteria: dict[str, Any] | None
    fields: tuple[str, ...]
    created_time: datetime
    created_by: dict[str, str] | None = None
    default: bool = False
    field_ids: dict[str, str] = field(default_factory=dict)

    @property
    def system_defined(self) -> bool:
        return self.system_name is not None

    def tree(self) -> Node | None:
        return parse_view(self.criteria) if self.criteria else None

    def to_json(self) -> dict[str, Any]:
        """The view as ``settings/custom_views`` answers it (list and single view alike).

        Zoho's OAS requires ``criteria``, ``fields`` and ``sort_by`` in both answers; a view
        without a filter carries a blank criteria node (every key null, no group).
        """
        stamp = self.created_time.isoformat(timespec="seconds")
        return {
            "id": self.id,
            "name": self.name,
            "display_value": self.display_value,
            "system_name": self.system_name,
            "system_defined": self.system_defined,
            "default": self.default,
            "category": self.category,
            "access_type": "public" if self.category == "public_views" else "only_to_me",
            "module": {"api_name": self.module, "name": self.module, "id": self.module_id},
            "created_by": self.created_by,
            "modified_by": self.created_by,
            "created_time": None if self.system_defined else stamp,
            "modified_time": None if self.system_defined else stamp,
            "last_accessed_time": None,
            "locked": False,
            "favorite": None,
            "offline": False,
            "shared_to": [],
            "criteria": self._criteria_json(self.criteria),
            "fields": [
                {"api_name": name, "id": self.field_ids.get(name, ""), "_pin": False}
                for name in self.fields
            ],
            # Records of a view come newest first (id order follows creation order).
            "sort_by": {"api_name": "Created_Time", "id": self.field_ids.get("Created_Time", "")},
            "sort_order": "desc",
        }

    def _criteria_json(self, node: dict[str, Any] | None) -> dict[str, Any]:
        if node is None:
            return {**BLANK_CRITERIA, "field": {"api_name": None, "id": None}, "group": []}
        if "group" in node:
            return {
                "comparator": None,
                "field": {"api_name": None, "id": None},
                "value": None,
                "group_operator": node["group_operator"],
                "group": [self._criteria_json(c) for c in node["group"]],
            }
        name = node["field"]["api_name"]
        return {
            "comparator": node["comparator"],
            "field": {"api_name": name, "id": self.field_ids.get(name, "")},
            "type": "value",
            "value": node["value"],
            "group_operator": None,
            "group": [],
        }


def _leaf(field_name: str, comparator: str, value: Any) -> dict[str, Any]:
    return {"comparator": comparator, "field": {"api_name": field_name}, "value": value}


def default_views(
    modules: dict[str, ModuleDef],
    module_ids: dict[str, str],
    field_ids: dict[str, dict[str, str]],
    admin: dict[str, str],
    created: datetime,
) -> dict[str, list[CustomView]]:
    """System views per module plus user views with real criteria (Zoho_Expense, open deals…)."""
    specs: dict[str, list[tuple[str, str | None, str, dict[str, Any] | None]]] = {
        "Accounts": [
            ("All Accounts", "ALLVIEWS", "public_views", None),
            ("My Accounts", "MYVIEWS", "public_views", _leaf("Owner", "equal", "${CURRENTUSER}")),
            ("Zoho Expense Accounts", None, "created_by_me", _leaf("Zoho_Expense", "equal", True)),
            ("Customers", None, "public_views", _leaf("Account_Type", "equal", "Customer")),
        ],
        "Contacts": [
            ("All Contacts", "ALLVIEWS", "public_views", None),
            ("My Contacts", "MYVIEWS", "public_views", _leaf("Owner", "equal", "${CURRENTUSER}")),
            ("Zoho Expense Contacts", None, "created_by_me", _leaf("Zoho_Expense", "equal", True)),
            (
                "Contacts Without Account",
                None,
                "created_by_me",
                _leaf("Account_Name", "equal", "${EMPTY}"),
            ),
        ],
        "Deals": [
            ("All Deals", "ALLVIEWS", "public_views", None),
            ("My Deals", "MYVIEWS", "public_views", _leaf("Owner", "equal", "${CURRENTUSER}")),
            (
                "Open Deals",
                "OPENDEALS",
                "public_views",
                _leaf(
                    "Stage", "not_in", ["Closed Won", "Closed Lost", "Closed-Lost to Competition"]
                ),
            ),
            (
                "Big Open Deals",
                None,
                "created_by_me",
                {
                    "group_operator": "and",
                    "group": [
                        _leaf("Amount", "greater_equal", 50000),
                        _leaf(
                            "Stage",
                            "not_in",
                            ["Closed Won", "Closed Lost", "Closed-Lost to Competition"],
                        ),
                    ],
                },
            ),
            ("Zoho Expense Deals", None, "created_by_me", _leaf("Zoho_Expense", "equal", True)),
        ],
    }
    views: dict[str, list[CustomView]] = {}
    counter = 0
    for module_name, entries in specs.items():
        module = modules[module_name]
        shown = tuple(f.api_name for f in module.fields if not f.read_only)[:8]
        views[module_name] = []
        for name, system_name, category, criteria in entries:
            counter += 1
            views[module_name].append(
                CustomView(
                    id=stable_id("view", counter),
                    module=module_name,
                    module_id=module_ids[module_name],
                    name=name,
                    display_value=name,
                    system_name=system_name,
                    category=category,
                    criteria=criteria,
                    fields=shown,
                    created_time=created,
                    created_by=admin,  # system views too: the OAS needs an object
                    default=system_name == "ALLVIEWS",
                    field_ids=field_ids[module_name],
                )
            )
    return views
