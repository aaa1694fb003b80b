"""Output types of customers (accounts and contacts) and their contact persons."""

from __future__ import annotations

import strawberry

from gql.context import Info
from gql.ids import encode_id
from orm import models

CustomerType = strawberry.enum(models.CustomerType)


CustomerStatus = strawberry.enum(models.CustomerStatus)


CrmModule = strawberry.enum(models.CrmModule, description="A Zoho CRM module.")


@strawberry.type
class ContactPerson:
    id: strawberry.ID
    first_name: str
    last_name: str
    email: str | None
    phone: str | None
    is_primary: bool
    crm_id: str | None

    @classmethod
    def from_model(cls, row: models.ContactPerson) -> ContactPerson:
        return cls(
            id=encode_id("ContactPerson", row.id), first_name=row.first_name,
            last_name=row.last_name, email=row.email, phone=row.phone,
            is_primary=row.is_primary, crm_id=row.crm_id,
        )  # fmt: skip


@strawberry.type
class Address:
    street: str | None
    city: str | None
    state: str | None
    code: str | None
    country: str | None

    @classmethod
    def of(cls, row: models.Customer, kind: str) -> Address | None:
        parts = {
            p: getattr(row, f"{kind}_{p}") for p in ("street", "city", "state", "code", "country")
        }
        return cls(**parts) if any(parts.values()) else None


@strawberry.type
class CustomFieldValue:
    api_name: str
    value: str | None = strawberry.field(description='As text: "12.5", "2026-01-31", "true".')


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@strawberry.type
class Customer:
    id: strawberry.ID
    name: str
    type: CustomerType  # type: ignore[valid-type]
    status: CustomerStatus  # type: ignore[valid-type]
    email: str | None
    phone: str | None
    website: str | None
    crm_module: CrmModule | None  # type: ignore[valid-type]
    crm_id: str | None
    _row: strawberry.Private[models.Customer]

    @classmethod
    def from_model(cls, row: models.Customer) -> Customer:
        return cls(
            id=encode_id("Customer", row.id), name=row.name, type=row.type, status=row.status,
            email=row.email, phone=row.phone, website=row.website, crm_module=row.crm_module,
            crm_id=row.crm_id, _row=row,
        )  # fmt: skip

    @strawberry.field
    def mobile(self) -> str | None:
        return self._row.mobile

    @strawberry.field(description="The customer's currency (ISO 4217), if set.")
    def currency(self) -> str | None:
        return self._row.currency

    @strawberry.field
    def billing_address(self) -> Address | None:
        return Address.of(self._row, "billing")

    @strawberry.field
    def shipping_address(self) -> Address | None:
        return Address.of(self._row, "shipping")

    @strawberry.field
    def custom_fields(self) -> list[CustomFieldValue]:
        values = self._row.custom_values or {}
        return [CustomFieldValue(api_name=k, value=_as_text(v)) for k, v in sorted(values.items())]

    @strawberry.field
    async def contact_persons(self, info: Info) -> list[ContactPerson]:
        rows = await info.context.loaders.contact_persons_by_customer_id.load(self._row.id)
        return [ContactPerson.from_model(row) for row in rows]


async def customer_of(info: Info, customer_id: int | None) -> Customer | None:
    if customer_id is None:
        return None
    row = await info.context.loaders.customer_by_id.load(customer_id)
    return Customer.from_model(row) if row else None
