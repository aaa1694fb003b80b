"""Inputs of customers. Ids are the opaque ids the API hands out."""

from __future__ import annotations

import strawberry

from gql.customers.types import CustomerStatus, CustomerType


@strawberry.input(description="A contact person of a customer.")
class ContactPersonInput:
    id: strawberry.ID | None = strawberry.field(
        default=None, description="An existing contact person, changed in place."
    )
    last_name: str = strawberry.field(description="Last name (required).")
    first_name: str = strawberry.field(default="", description="First name.")
    email: str | None = strawberry.field(default=None, description="E-mail address.")
    phone: str | None = strawberry.field(default=None, description="Phone number.")
    is_primary: bool = strawberry.field(
        default=False, description="The customer's primary contact (one per customer)."
    )


@strawberry.input(description="A postal address; every part optional.")
class AddressInput:
    street: str | None = strawberry.field(default=None, description="Street and number.")
    city: str | None = strawberry.field(default=None, description="City.")
    state: str | None = strawberry.field(default=None, description="State or province.")
    code: str | None = strawberry.field(default=None, description="Postal code.")
    country: str | None = strawberry.field(default=None, description="Country.")


@strawberry.input(description="A new customer kept in Spendsync (synced ones come from Zoho CRM).")
class CustomerCreateInput:
    name: str = strawberry.field(description="Display name (company or person).")
    type: CustomerType = strawberry.field(  # type: ignore[valid-type]
        description="BUSINESS (a company) or INDIVIDUAL (a person)."
    )
    email: str | None = strawberry.field(default=None, description="E-mail address.")
    phone: str | None = strawberry.field(default=None, description="Phone number.")
    website: str | None = strawberry.field(
        default=None, description="An http(s) address or a bare host name."
    )
    mobile: str | None = strawberry.field(default=None, description="Mobile number.")
    currency: str | None = strawberry.field(
        default=None, description="The customer's currency (ISO 4217)."
    )
    billing_address: AddressInput | None = strawberry.field(
        default=None, description="Billing address."
    )
    shipping_address: AddressInput | None = strawberry.field(
        default=None, description="Shipping address."
    )
    contact_persons: list[ContactPersonInput] = strawberry.field(
        default_factory=list, description="At most 50; the first is primary unless one says so."
    )
    custom_fields: list[CustomFieldValueInput] | None = strawberry.field(
        default=None, description="Values of the organisation's custom fields."
    )


@strawberry.input(
    description="A value of an organisation custom field, as text: numbers as decimals, dates as "
    "YYYY-MM-DD, booleans as true or false, picklists as one of the options."
)
class CustomFieldValueInput:
    api_name: str = strawberry.field(description="The custom field's `apiName`.")
    value: str | None = strawberry.field(
        default=None, description="The value as text; null or empty clears it."
    )


@strawberry.input(
    description="Fields left out stay as they are; contact persons, when given, replace the list."
)
class CustomerUpdateInput:
    id: strawberry.ID = strawberry.field(description="The customer's opaque id.")
    name: str | None = strawberry.field(default=None, description="A new display name.")
    type: CustomerType | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="BUSINESS or INDIVIDUAL."
    )
    status: CustomerStatus | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="INACTIVE customers take no new expenses."
    )
    email: str | None = strawberry.field(default=None, description="E-mail address.")
    phone: str | None = strawberry.field(default=None, description="Phone number.")
    website: str | None = strawberry.field(
        default=None, description="An http(s) address or a bare host name."
    )
    mobile: str | None = strawberry.field(default=None, description="Mobile number.")
    currency: str | None = strawberry.field(
        default=None, description="The customer's currency (ISO 4217)."
    )
    billing_address: AddressInput | None = strawberry.field(
        default=None, description="Billing address, replacing the current one."
    )
    shipping_address: AddressInput | None = strawberry.field(
        default=None, description="Shipping address, replacing the current one."
    )
    contact_persons: list[ContactPersonInput] | None = strawberry.field(
        default=None, description="The whole list of contact persons (at most 50)."
    )
    custom_fields: list[CustomFieldValueInput] | None = strawberry.field(
        default=None, description="Only the fields given change; a null or empty value clears one."
    )


@strawberry.input(description="One record, by id.")
class IdInput:
    id: strawberry.ID = strawberry.field(description="The record's opaque id.")


@strawberry.input(description="Narrows the customer list; criteria combine with AND.")
class CustomerFilter:
    status: CustomerStatus | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="Only active or only inactive customers."
    )
    type: CustomerType | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="Only businesses or only individuals."
    )
    search: str | None = strawberry.field(
        default=None, description="Part of the name or e-mail (any case)."
    )
    crm_id: str | None = strawberry.field(
        default=None, description="The customer linked to this CRM record id."
    )
    synced: bool | None = strawberry.field(
        default=None, description="True: only customers linked to a CRM record; false: only local."
    )
