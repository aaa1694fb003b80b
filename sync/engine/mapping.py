"""Pure mapping from CRM records (Zoho's JSON) to Spendsync values, and the normalisations used
to find duplicates."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from sync.crm.dto import JSON, CrmRecord

ACCOUNT_FIELDS = ("Account_Name", "Phone", "Website", "Owner", "Modified_Time")
CONTACT_FIELDS = (
    "First_Name", "Last_Name", "Email", "Phone", "Mobile", "Account_Name", "Owner", "Modified_Time",
)  # fmt: skip
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

    def as_dict(self) -> dict[str, str | None]:
        return {
            "name": self.name,
            "email": self.email,
            "phone": self.phone,
            "website": self.website,
        }


def account_values(record: CrmRecord) -> CustomerValues:
    name = text(record.get("Account_Name"), 200)
    if not name:
        raise MappingError("the account has no name")
    return CustomerValues(
        name, None, text(record.get("Phone"), 50), text(record.get("Website"), 255)
    )


def _email(record: CrmRecord) -> str | None:
    email = text(record.get("Email"), 254)
    return normal_email(email) if email and "@" in email else None


def contact_values(record: CrmRecord) -> CustomerValues:
    first = text(record.get("First_Name"), 100) or ""
    last = text(record.get("Last_Name"), 100)
    if not last:
        raise MappingError("the contact has no last name")
    phone = text(record.get("Phone"), 50) or text(record.get("Mobile"), 50)
    return CustomerValues(f"{first} {last}".strip(), _email(record), phone, None)


@dataclass(frozen=True, slots=True)
class PersonValues:
    first_name: str
    last_name: str
    email: str | None
    phone: str | None


def person_values(record: CrmRecord) -> PersonValues:
    last = text(record.get("Last_Name"), 100)
    if not last:
        raise MappingError("the contact has no last name")
    phone = text(record.get("Phone"), 50) or text(record.get("Mobile"), 50)
    return PersonValues(text(record.get("First_Name"), 100) or "", last, _email(record), phone)


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
