"""Pure mapping from CRM records (Zoho's JSON) to Spendsync values, and the normalisations used
to find duplicates."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from orm import models
from sync.crm.dto import JSON, CrmRecord
from sync.engine.fieldmap import CUSTOM_PREFIX, DEFAULTS, EXTRA_LIMITS, custom_value

DEAL_FIELDS = (
    "Deal_Name", "Stage", "Amount", "Currency", "Closing_Date", "Account_Name", "Contact_Name",
    "Owner", "Modified_Time",
)  # fmt: skip


MAX_DEAL_AMOUNT = Decimal(10) ** 12


class MappingError(ValueError):
    """A CRM record Spendsync cannot represent; recorded on the run, the sync goes on."""


def text(value: JSON, limit: int) -> str | None:
    if value is None:
        return None
    cleaned = " ".join(str(value).split())
    return cleaned[:limit] or None


def name_text(value: JSON, limit: int) -> str | None:
    """A name as the CRM writes it, only its ends trimmed (inner spaces are the CRM's)."""
    if value is None:
        return None
    return str(value).strip()[:limit].rstrip() or None


def lookup_id(value: JSON) -> str | None:
    """A lookup is ``{"id": …, "name": …}``; older answers and the simulator may send the id."""
    if isinstance(value, Mapping):
        identifier = value.get("id")
        return str(identifier) if identifier else None
    return str(value) if value else None


def normal_name(name: str) -> str:
    return " ".join(name.split()).casefold()


def normal_email(email: str | None) -> str | None:
    return email.strip().lower() if email and email.strip() else None


@dataclass(frozen=True, slots=True)
class CustomerValues:
    name: str
    email: str | None
    phone: str | None
    website: str | None
    # Mobile, currency and address parts, as mapped (see fieldmap.EXTRA_LIMITS).
    extra: Mapping[str, str | None] = field(default_factory=dict)

    def as_dict(self) -> dict[str, str | None]:
        return {
            "name": self.name,
            "email": self.email,
            "phone": self.phone,
            "website": self.website,
            **self.extra,
        }


def _extra(record: CrmRecord, field_map: Mapping[str, str]) -> dict[str, str | None]:
    values = {
        target: text(_field(record, field_map, target), limit)
        for target, limit in EXTRA_LIMITS.items()
        if target in field_map
    }
    if values.get("currency"):
        values["currency"] = str(values["currency"]).upper()
    return values


def _field(record: CrmRecord, field_map: Mapping[str, str], target: str) -> JSON:
    name = field_map.get(target)
    return record.get(name) if name else None


def account_values(record: CrmRecord, field_map: Mapping[str, str] | None = None) -> CustomerValues:
    fmap = field_map or DEFAULTS["Accounts"]
    name = name_text(_field(record, fmap, "name"), 200)
    if not name:
        raise MappingError("the account has no name")
    return CustomerValues(
        name, _email(_field(record, fmap, "email")), text(_field(record, fmap, "phone"), 50),
        text(_field(record, fmap, "website"), 255), _extra(record, fmap),
    )  # fmt: skip


def _email(value: JSON) -> str | None:
    email = text(value, 254)
    return normal_email(email) if email and "@" in email else None


def contact_values(record: CrmRecord, field_map: Mapping[str, str] | None = None) -> CustomerValues:
    person = person_values(record, field_map)
    name = f"{person.first_name} {person.last_name}".strip()
    extra = _extra(record, field_map or DEFAULTS["Contacts"])
    return CustomerValues(name, person.email, person.phone, None, extra)


def custom_values(
    record: CrmRecord, field_map: Mapping[str, str], types: Mapping[str, models.CustomFieldType]
) -> dict[str, Any]:
    """Values of the mapped custom fields (``custom:<api name>`` targets) that still exist."""
    values: dict[str, Any] = {}
    if not types:  # the organisation has no custom fields
        return values
    for target, crm_field in field_map.items():
        if not target.startswith(CUSTOM_PREFIX):
            continue
        api_name = target[len(CUSTOM_PREFIX) :]
        kind = types.get(api_name)
        if kind is not None:
            values[api_name] = custom_value(record.get(crm_field), kind)
    return values


@dataclass(frozen=True, slots=True)
class PersonValues:
    first_name: str
    last_name: str
    email: str | None
    phone: str | None


def person_values(record: CrmRecord, field_map: Mapping[str, str] | None = None) -> PersonValues:
    fmap = field_map or DEFAULTS["Contacts"]
    last = name_text(_field(record, fmap, "last_name"), 100)
    if not last:
        raise MappingError("the contact has no last name")
    phone = text(_field(record, fmap, "phone"), 50)
    if phone is None and fmap.get("phone") == "Phone":
        phone = text(record.get("Mobile"), 50)  # the default mapping falls back to the mobile
    first = name_text(_field(record, fmap, "first_name"), 100) or ""
    return PersonValues(first, last, _email(_field(record, fmap, "email")), phone)


@dataclass(frozen=True, slots=True)
class DealValues:
    name: str
    stage: str
    state: str  # OPEN | WON | LOST
    amount: Decimal | None
    currency: str | None
    closing_date: date | None
    account_id: str | None
    contact_id: str | None
    owner_id: str | None


def deal_state(stage: str, forecast: Mapping[str, str]) -> str:
    """OPEN, WON or LOST from the pipeline's stage metadata (``forecast_type``), not the name."""
    kind = forecast.get(stage, "Open").casefold()
    if kind == "closed won":
        return "WON"
    if kind == "closed lost":
        return "LOST"
    return "OPEN"


def deal_values(record: CrmRecord, forecast: Mapping[str, str], org_currency: str) -> DealValues:
    name = text(record.get("Deal_Name"), 255)
    if not name:
        raise MappingError("the deal has no name")
    stage = text(record.get("Stage"), 100) or ""
    amount: Decimal | None = None
    raw_amount = record.get("Amount")
    if raw_amount is not None:
        try:
            amount = Decimal(str(raw_amount))
        except InvalidOperation as exc:
            raise MappingError(f"the deal amount {raw_amount!r} is not a number") from exc
        if not amount.is_finite() or abs(amount) > MAX_DEAL_AMOUNT:
            raise MappingError(f"the deal amount {raw_amount!r} is out of range")
    closing = record.get("Closing_Date")
    try:
        closing_date = date.fromisoformat(str(closing)) if closing else None
    except ValueError as exc:
        raise MappingError(f"the closing date {closing!r} is not a date") from exc
    currency = text(record.get("Currency"), 3) or org_currency
    return DealValues(
        name=name, stage=stage, state=deal_state(stage, forecast), amount=amount,
        currency=currency, closing_date=closing_date,
        account_id=lookup_id(record.get("Account_Name")),
        contact_id=lookup_id(record.get("Contact_Name")), owner_id=lookup_id(record.get("Owner")),
    )  # fmt: skip
