"""Payloads of the category mutations."""

from __future__ import annotations

import strawberry

from gql.categories.types import Category
from gql.errors import UserError, errors_field


@strawberry.type(description="Result of a mutation that changes a category.")
class CategoryPayload:
    category: Category | None = strawberry.field(
        description="The category as saved; null when refused."
    )
    errors: list[UserError] = errors_field()
