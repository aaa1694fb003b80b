"""Frozen data objects for CRM metadata: users, organisation, currencies, modules, fields, views."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sync.crm.dto import JSON, Lookup, parse_datetime


@dataclass(frozen=True, slots=True)
class CrmUser:
    id: str
    email: str | None
    full_name: str | None
    status: str | None
    first_name: str | None = None
    last_name: str | None = None
    role: Lookup | None = None
    profile: Lookup | None = None
    time_zone: str | None = None
    modified_time: datetime | None = None
    raw: Mapping[str, JSON] = field(default_factory=dict, repr=False)

    @property
    def active(self) -> bool:
        return self.status == "active"

    @classmethod
    def from_json(cls, data: Mapping[str, JSON]) -> CrmUser:
        return cls(
            id=str(data["id"]),
            email=data.get("email"),
            full_name=data.get("full_name"),
            status=data.get("status"),
            first_name=data.get("first_name"),
            last_name=data.get("last_name"),
            role=Lookup.from_json(data.get("role")),
            profile=Lookup.from_json(data.get("profile")),
            time_zone=_zone_name(data.get("time_zone")),
            modified_time=parse_datetime(data.get("Modified_Time")),
            raw=dict(data),
        )


def _zone_name(value: JSON) -> str | None:
    """v8 sends a user's zone as an object (``{"id": "Asia/Kolkata", ...}``); older versions as
    the IANA name itself."""
    if isinstance(value, Mapping):
        name = value.get("id") or value.get("name")
        return str(name) if name else None
    return str(value) if value else None


@dataclass(frozen=True, slots=True)
class CrmOrg:
    id: str
    company_name: str | None
    time_zone: str | None
    iso_code: str | None
    multi_currency: bool
    domain_name: str | None = None
    country_code: str | None = None
    raw: Mapping[str, JSON] = field(default_factory=dict, repr=False)

    @classmethod
    def from_json(cls, data: Mapping[str, JSON]) -> CrmOrg:
        return cls(
            id=str(data["id"]),
            company_name=data.get("company_name"),
            time_zone=data.get("time_zone"),
            iso_code=data.get("iso_code") or data.get("currency_locale"),
            multi_currency=bool(data.get("mc_status")),
            domain_name=data.get("domain_name"),
            country_code=data.get("country_code"),
            raw=dict(data),
        )


@dataclass(frozen=True, slots=True)
class CrmCurrency:
    id: str
    iso_code: str
    name: str | None
    symbol: str | None
    exchange_rate: str
    """Kept as Zoho's decimal string: convert with ``decimal.Decimal``, never ``float``."""
    is_base: bool
    is_active: bool
    decimal_places: int | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, JSON]) -> CrmCurrency:
        fmt = data.get("format") if isinstance(data.get("format"), Mapping) else {}
        places = fmt.get("decimal_places") if fmt else None
        return cls(
            id=str(data["id"]),
            iso_code=str(data["iso_code"]),
            name=data.get("name"),
            symbol=data.get("symbol"),
            exchange_rate=str(data.get("exchange_rate") or "1"),
            is_base=bool(data.get("is_base")),
            is_active=bool(data.get("is_active", True)),
            decimal_places=int(places) if places is not None else None,
        )


@dataclass(frozen=True, slots=True)
class CrmModule:
    id: str
    api_name: str
    singular_label: str | None
    plural_label: str | None
    api_supported: bool
    raw: Mapping[str, JSON] = field(default_factory=dict, repr=False)

    @classmethod
    def from_json(cls, data: Mapping[str, JSON]) -> CrmModule:
        return cls(
            id=str(data.get("id", "")),
            api_name=str(data["api_name"]),
            singular_label=data.get("singular_label"),
            plural_label=data.get("plural_label"),
            api_supported=bool(data.get("api_supported", True)),
            raw=dict(data),
        )


@dataclass(frozen=True, slots=True)
class PicklistValue:
    actual_value: str
    display_value: str | None


@dataclass(frozen=True, slots=True)
class CrmField:
    id: str
    api_name: str
    data_type: str
    json_type: str | None
    label: str | None
    custom_field: bool
    read_only: bool
    system_mandatory: bool
    length: int | None = None
    unique: bool = False
    lookup_module: str | None = None
    picklist: tuple[PicklistValue, ...] = ()
    raw: Mapping[str, JSON] = field(default_factory=dict, repr=False)

    @classmethod
    def from_json(cls, data: Mapping[str, JSON]) -> CrmField:
        lookup = data.get("lookup")
        module = lookup.get("module") if isinstance(lookup, Mapping) else None
        unique = data.get("unique")
        return cls(
            id=str(data.get("id", "")),
            api_name=str(data["api_name"]),
            data_type=str(data.get("data_type") or ""),
            json_type=data.get("json_type"),
            label=data.get("field_label") or data.get("display_label"),
            custom_field=bool(data.get("custom_field")),
            read_only=bool(data.get("read_only") or data.get("field_read_only")),
            system_mandatory=bool(data.get("system_mandatory")),
            length=data.get("length") if isinstance(data.get("length"), int) else None,
            unique=isinstance(unique, Mapping) and bool(unique),
            lookup_module=module.get("api_name") if isinstance(module, Mapping) else None,
            picklist=tuple(
                PicklistValue(str(v.get("actual_value")), v.get("display_value"))
                for v in data.get("pick_list_values") or ()
                if isinstance(v, Mapping)
            ),
            raw=dict(data),
        )


@dataclass(frozen=True, slots=True)
class CustomView:
    """A custom view; ``criteria`` and ``fields`` are filled only when one view is fetched."""

    id: str
    name: str | None
    display_value: str | None
    system_name: str | None
    default: bool
    category: str | None
    criteria: Mapping[str, JSON] | None = None
    fields: tuple[str, ...] = ()
    raw: Mapping[str, JSON] = field(default_factory=dict, repr=False)

    @classmethod
    def from_json(cls, data: Mapping[str, JSON]) -> CustomView:
        criteria = data.get("criteria")
        return cls(
            id=str(data["id"]),
            name=data.get("name"),
            display_value=data.get("display_value"),
            system_name=data.get("system_name"),
            default=bool(data.get("default")),
            category=data.get("category"),
            criteria=dict(criteria) if isinstance(criteria, Mapping) else None,
            fields=tuple(
                str(f["api_name"]) if isinstance(f, Mapping) else str(f)
                for f in data.get("fields") or ()
            ),
            raw=dict(data),
        )
