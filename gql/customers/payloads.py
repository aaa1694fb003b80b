"""Payloads of the customer mutations."""

from __future__ import annotations

import strawberry

from gql.customers.types import Customer
from gql.errors import UserError, errors_field


@strawberry.type(description="Result of a mutation that changes a customer.")
class CustomerPayload:
    customer: Customer | None = strawberry.field(
        description="The customer as saved; null when refused."
    )
    errors: list[UserError] = errors_field()


@strawberry.type(description="Result of `customerDelete`.")
class CustomerDeletePayload:
    deleted_id: strawberry.ID | None = strawberry.field(
        description="The deleted customer's id; null when refused."
    )
    errors: list[UserError] = errors_field()
