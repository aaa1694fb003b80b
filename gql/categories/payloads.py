"""Payloads of the category mutations."""

from __future__ import annotations

import strawberry

from gql.categories.types import Category
from gql.errors import UserError


@strawberry.type
class CategoryPayload:
    category: Category | None
    errors: list[UserError]
