"""Which CRM field fills which customer field: the default mapping, type compatibility and the
conversion of CRM values into custom-field values."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from orm import models
from sync.crm.dto import JSON

CUSTOM_PREFIX = "custom:"
TEXTUAL = frozenset({"text", "textarea", "email", "phone", "website", "picklist", "autonumber"})

# Customer columns any CRM text-like field can fill, with their lengths.
EXTRA_LIMITS: dict[str, int] = {
    "mobile": 50, "currency": 3,
    **{f"{kind}_{part}": size for kind in ("billing", "shipping")
       for part, size in (("street", 250), ("city", 100), ("state", 100), ("code", 30),
                          ("country", 100))},
}  # fmt: skip
_EXTRA_TYPES = {
    name: frozenset({"picklist", "text"}) if name == "currency" else frozenset({"text", "phone"})
    for name in EXTRA_LIMITS
}
# Built-in targets per CRM module, with the CRM data types each accepts.
BUILTINS: dict[str, dict[str, frozenset[str]]] = {
    "Accounts": {
        "name": frozenset({"text"}),
        "email": frozenset({"email", "text"}),
        "phone": frozenset({"phone", "text"}),
        "website": frozenset({"website", "text"}),
        **_EXTRA_TYPES,
    },
    "Contacts": {
        "first_name": frozenset({"text"}),
        "last_name": frozenset({"text"}),
        "email": frozenset({"email", "text"}),
        "phone": frozenset({"phone", "text"}),
        **_EXTRA_TYPES,
    },
}
REQUIRED = {"Accounts": "name", "Contacts": "last_name"}
DEFAULTS: dict[str, dict[str, str]] = {
    "Accounts": {"name": "Account_Name", "phone": "Phone", "website": "Website",
                 "billing_street": "Billing_Street", "billing_city": "Billing_City",
                 "billing_code": "Billing_Code", "billing_country": "Billing_Country"},
    "Contacts": {"first_name": "First_Name", "last_name": "Last_Name", "email": "Email",
                 "phone": "Phone", "mobile": "Mobile", "billing_city": "Mailing_City",
                 "billing_code": "Mailing_Zip", "billing_country": "Mailing_Country"},
}  # fmt: skip
COMPATIBLE: dict[models.CustomFieldType, frozenset[str]] = {
    models.CustomFieldType.TEXT: TEXTUAL,
    models.CustomFieldType.NUMBER: frozenset(
        {"integer", "double", "currency", "decimal", "bigint"}
    ),
    models.CustomFieldType.DATE: frozenset({"date"}),
    models.CustomFieldType.BOOLEAN: frozenset({"boolean"}),
    models.CustomFieldType.PICKLIST: frozenset({"picklist"}),
}
# Always read: the engine needs them whatever the mapping.
ALWAYS = {"Accounts": ("Owner",), "Contacts": ("Owner", "Account_Name")}


def effective(module: str, stored: Mapping[str, str] | None) -> dict[str, str]:
    return dict(stored) if stored else dict(DEFAULTS[module])


def request_fields(module: str, field_map: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(
        dict.fromkeys([*field_map.values(), *ALWAYS[module], "Created_Time", "Modified_Time"])
    )


def accepts(target_type: models.CustomFieldType | frozenset[str], crm_type: str) -> bool:
    allowed = target_type if isinstance(target_type, frozenset) else COMPATIBLE[target_type]
    return crm_type in allowed


def custom_value(value: JSON, kind: models.CustomFieldType) -> Any:
    """A CRM value as stored in ``Customer.custom_values``; None when empty or unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, Mapping):  # a lookup or a picklist object
        value = value.get("name") or value.get("display_value") or value.get("id")
    try:
        if kind is models.CustomFieldType.NUMBER:
            return str(Decimal(str(value)))
        if kind is models.CustomFieldType.DATE:
            return date.fromisoformat(str(value)[:10]).isoformat()
        if kind is models.CustomFieldType.BOOLEAN:
            return bool(value)
    except (InvalidOperation, ValueError):
        return None
    return str(value)[:1000]
