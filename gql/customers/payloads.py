"""Payloads of the customer mutations."""

from __future__ import annotations

import strawberry

from gql.customers.types import Customer
from gql.errors import UserError


@strawberry.type
class CustomerPayload:
    customer: Customer | None
    errors: list[UserError]


@strawberry.type
class CustomerDeletePayload:
    deleted_id: strawberry.ID | None
    errors: list[UserError]
