"""Payloads of the category mutations."""

from __future__ import annotations

import strawberry

from gql.categories.types import Category
from gql.errors import UserError


@strawberry.type(description="Result of a mutation that changes a category.")
class CategoryPayload:
    category: Category | None = strawberry.field(
        description="The category as saved; null when refused."
    )
    errors: list[UserError] = strawberry.field(
        description=(
            "Why the input was refused, one entry per problem; empty on"
            " success. A refused mutation changes nothing."
        )
    )
