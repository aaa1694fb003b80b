"""Output types of customers (accounts and contacts) and their contact persons."""

from __future__ import annotations

import strawberry

from gql.context import Info
from gql.enums import described_enum
from gql.ids import encode_id
from gql.node import Node
from orm import models

CustomerType = described_enum(
    models.CustomerType,
    description="A company or a person.",
    values={
        "BUSINESS": "A company (a Zoho CRM account).",
        "INDIVIDUAL": "A person (a Zoho CRM contact).",
    },
)


CustomerStatus = described_enum(
    models.CustomerStatus,
    description="Whether a customer takes new expenses.",
    values={
        "ACTIVE": "In use.",
        "INACTIVE": "Takes no new expenses (e.g. deleted in the CRM); history is kept.",
    },
)


CrmModule = described_enum(
    models.CrmModule,
    description="A Zoho CRM module.",
    values={
        "ACCOUNTS": "Accounts: companies.",
        "CONTACTS": "Contacts: people.",
        "DEALS": "Deals, called potentials here.",
    },
)


@strawberry.type(
    description="A person at a customer (in Zoho CRM terms, a contact of the account)."
)
class ContactPerson(Node):
    id: strawberry.ID = strawberry.field(description="Opaque id of the contact person.")
    first_name: str = strawberry.field(description="First name.")
    last_name: str = strawberry.field(description="Last name.")
    email: str | None = strawberry.field(description="E-mail address.")
    phone: str | None = strawberry.field(description="Phone number.")
    is_primary: bool = strawberry.field(description="The customer's primary contact.")
    crm_id: str | None = strawberry.field(description="The CRM contact's id; null when not synced.")

    @classmethod
    def from_model(cls, row: models.ContactPerson) -> ContactPerson:
        return cls(
            id=encode_id("ContactPerson", row.id), first_name=row.first_name,
            last_name=row.last_name, email=row.email, phone=row.phone,
            is_primary=row.is_primary, crm_id=row.crm_id,
        )  # fmt: skip


@strawberry.type(description="A postal address.")
class Address:
    street: str | None = strawberry.field(description="Street and number.")
    city: str | None = strawberry.field(description="City.")
    state: str | None = strawberry.field(description="State or province.")
    code: str | None = strawberry.field(description="Postal code.")
    country: str | None = strawberry.field(description="Country.")

    @classmethod
    def of(cls, row: models.Customer, kind: str) -> Address | None:
        parts = {
            p: getattr(row, f"{kind}_{p}") for p in ("street", "city", "state", "code", "country")
        }
        return cls(**parts) if any(parts.values()) else None


@strawberry.type(description="A customer's value of one custom field.")
class CustomFieldValue:
    api_name: str = strawberry.field(description="The custom field's `apiName`.")
    value: str | None = strawberry.field(description='As text: "12.5", "2026-01-31", "true".')


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@strawberry.type(
    description=(
        "A customer expenses and reports are recorded for: a "
        "business or an individual, synced from a Zoho CRM account "
        "or contact or kept in Spendsync."
    )
)
class Customer(Node):
    id: strawberry.ID = strawberry.field(description="Opaque id of the customer.")
    name: str = strawberry.field(description="Display name (company or person).")
    type: CustomerType = strawberry.field(  # type: ignore[valid-type]
        description="BUSINESS (a company) or INDIVIDUAL (a person)."
    )
    status: CustomerStatus = strawberry.field(  # type: ignore[valid-type]
        description="INACTIVE customers take no new expenses."
    )
    email: str | None = strawberry.field(description="E-mail address.")
    phone: str | None = strawberry.field(description="Phone number.")
    website: str | None = strawberry.field(description="Website.")
    crm_module: CrmModule | None = strawberry.field(  # type: ignore[valid-type]
        description="The CRM module it is synced from; null when kept in Spendsync."
    )
    crm_id: str | None = strawberry.field(
        description="The CRM record's id; null when kept in Spendsync."
    )
    _row: strawberry.Private[models.Customer]

    @classmethod
    def from_model(cls, row: models.Customer) -> Customer:
        return cls(
            id=encode_id("Customer", row.id), name=row.name, type=row.type, status=row.status,
            email=row.email, phone=row.phone, website=row.website, crm_module=row.crm_module,
            crm_id=row.crm_id, _row=row,
        )  # fmt: skip

    @strawberry.field(description="Mobile number.")
    def mobile(self) -> str | None:
        return self._row.mobile

    @strawberry.field(description="The customer's currency (ISO 4217), if set.")
    def currency(self) -> str | None:
        return self._row.currency

    @strawberry.field(description="Billing address; null when empty.")
    def billing_address(self) -> Address | None:
        return Address.of(self._row, "billing")

    @strawberry.field(description="Shipping address; null when empty.")
    def shipping_address(self) -> Address | None:
        return Address.of(self._row, "shipping")

    @strawberry.field(description="Its values of the organisation's custom fields.")
    def custom_fields(self) -> list[CustomFieldValue]:
        values = self._row.custom_values or {}
        return [CustomFieldValue(api_name=k, value=_as_text(v)) for k, v in sorted(values.items())]

    @strawberry.field(description="Its contact persons, the primary first.")
    async def contact_persons(self, info: Info) -> list[ContactPerson]:
        rows = await info.context.loaders.contact_persons_by_customer_id.load(self._row.id)
        return [ContactPerson.from_model(row) for row in rows]


async def customer_of(info: Info, customer_id: int | None) -> Customer | None:
    if customer_id is None:
        return None
    row = await info.context.loaders.customer_by_id.load(customer_id)
    return Customer.from_model(row) if row else None
