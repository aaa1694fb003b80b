"""Queries and mutations of customers."""

from __future__ import annotations

from functools import partial
from typing import Annotated

import strawberry

from gql.context import Info
from gql.customers import inputs
from gql.customers.payloads import CustomerDeletePayload, CustomerPayload
from gql.customers.types import Customer
from gql.ids import encode_id, pk
from gql.pagination import After, Connection, First, paginate
from gql.payloads import payload
from gql.permissions import IsAdmin, IsAuthenticated, viewer_of
from resolvers import customers


def _customer_data(
    value: inputs.CustomerCreateInput | inputs.CustomerUpdateInput,
) -> customers.CustomerData:
    persons = None
    if value.contact_persons is not None:
        persons = [
            customers.ContactPersonData(
                p.last_name, p.first_name, p.email, p.phone, p.is_primary, pk("ContactPerson", p.id)
            )
            for p in value.contact_persons
        ]
    return customers.CustomerData(
        name=value.name, type=value.type, status=getattr(value, "status", None), email=value.email,
        phone=value.phone, website=value.website, contact_persons=persons, mobile=value.mobile,
        currency=value.currency, billing=_address(value.billing_address),
        shipping=_address(value.shipping_address),
        custom_fields=None if value.custom_fields is None
        else [(c.api_name, c.value) for c in value.custom_fields],
    )  # fmt: skip


def _address(value: inputs.AddressInput | None) -> customers.AddressData | None:
    if value is None:
        return None
    return customers.AddressData(value.street, value.city, value.state, value.code, value.country)


@strawberry.type
class CustomerQueries:
    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="The organisation's customers (synced from Zoho CRM or kept here), by name.",
    )
    async def customers(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        filter: Annotated[
            inputs.CustomerFilter | None,
            strawberry.argument(description="Narrow by status, type, name or CRM link."),
        ] = None,
    ) -> Connection[Customer]:
        criteria = (
            customers.CustomerFilter(
                filter.status,
                filter.type,
                filter.search,
                crm_id=filter.crm_id,
                synced=filter.synced,
            )
            if filter
            else None
        )
        query = customers.list_customers(viewer_of(info), criteria)
        return await paginate(query, Customer.from_model, first=first, after=after)


@strawberry.type
class CustomerMutations:
    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Add a customer kept in Spendsync. Codes: "
            "REQUIRED, TOO_LONG, INVALID_EMAIL, INVALID_CURRENCY, "
            "INVALID."
        ),
    )
    async def customer_create(
        self,
        info: Info,
        input: Annotated[
            inputs.CustomerCreateInput, strawberry.argument(description="The customer.")
        ],
    ) -> CustomerPayload:
        result = await customers.save_customer(viewer_of(info), None, _customer_data(input))
        return payload(CustomerPayload, result, Customer.from_model)

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description="Admins only. Change a customer. Codes as `customerCreate`, plus NOT_FOUND.",
    )
    async def customer_update(
        self,
        info: Info,
        input: Annotated[
            inputs.CustomerUpdateInput,
            strawberry.argument(description="The customer and what to change."),
        ],
    ) -> CustomerPayload:
        result = await customers.save_customer(
            viewer_of(info), pk("Customer", input.id), _customer_data(input)
        )
        return payload(CustomerPayload, result, Customer.from_model)

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Delete a customer no expense, report or "
            "potential uses. Codes: NOT_FOUND, CUSTOMER_IN_USE."
        ),
    )
    async def customer_delete(
        self,
        info: Info,
        input: Annotated[
            inputs.IdInput, strawberry.argument(description="The customer to delete.")
        ],
    ) -> CustomerDeletePayload:
        result = await customers.delete_customer(viewer_of(info), pk("Customer", input.id))
        return payload(CustomerDeletePayload, result, partial(encode_id, "Customer"))
