"""Inputs of customers. Ids are the opaque ids the API hands out."""

from __future__ import annotations

import strawberry

from gql.customers.types import CustomerStatus, CustomerType


@strawberry.input
class ContactPersonInput:
    id: strawberry.ID | None = strawberry.field(
        default=None, description="An existing contact person, changed in place."
    )
    last_name: str
    first_name: str = ""
    email: str | None = None
    phone: str | None = None
    is_primary: bool = False


@strawberry.input
class AddressInput:
    street: str | None = None
    city: str | None = None
    state: str | None = None
    code: str | None = None
    country: str | None = None


@strawberry.input
class CustomerCreateInput:
    name: str
    type: CustomerType  # type: ignore[valid-type]
    email: str | None = None
    phone: str | None = None
    website: str | None = None
    mobile: str | None = None
    currency: str | None = None
    billing_address: AddressInput | None = None
    shipping_address: AddressInput | None = None
    contact_persons: list[ContactPersonInput] = strawberry.field(
        default_factory=list, description="At most 50; the first is primary unless one says so."
    )
    custom_fields: list[CustomFieldValueInput] | None = None


@strawberry.input(
    description="A value of an organisation custom field, as text: numbers as decimals, dates as "
    "YYYY-MM-DD, booleans as true or false, picklists as one of the options."
)
class CustomFieldValueInput:
    api_name: str
    value: str | None = None


@strawberry.input(
    description="Fields left out stay as they are; contact persons, when given, replace the list."
)
class CustomerUpdateInput:
    id: strawberry.ID
    name: str | None = None
    type: CustomerType | None = None  # type: ignore[valid-type]
    status: CustomerStatus | None = None  # type: ignore[valid-type]
    email: str | None = None
    phone: str | None = None
    website: str | None = None
    mobile: str | None = None
    currency: str | None = None
    billing_address: AddressInput | None = None
    shipping_address: AddressInput | None = None
    contact_persons: list[ContactPersonInput] | None = None
    custom_fields: list[CustomFieldValueInput] | None = strawberry.field(
        default=None, description="Only the fields given change; a null or empty value clears one."
    )


@strawberry.input
class IdInput:
    id: strawberry.ID


@strawberry.input
class CustomerFilter:
    status: CustomerStatus | None = None  # type: ignore[valid-type]
    type: CustomerType | None = None  # type: ignore[valid-type]
    search: str | None = None
    crm_id: str | None = strawberry.field(
        default=None, description="The customer linked to this CRM record id."
    )
    synced: bool | None = strawberry.field(
        default=None, description="True: only customers linked to a CRM record; false: only local."
    )
