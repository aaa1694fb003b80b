"""Inputs of expense categories."""

from __future__ import annotations

import strawberry


@strawberry.input(description="A new expense category.")
class CategoryInput:
    name: str = strawberry.field(description="Unique name, e.g. Travel or Meals.")


@strawberry.input(description="Fields left out stay as they are.")
class CategoryUpdateInput:
    id: strawberry.ID = strawberry.field(description="The category's opaque id.")
    name: str | None = strawberry.field(default=None, description="A new unique name.")
    is_enabled: bool | None = strawberry.field(
        default=None, description="False disables it: no new expenses in it."
    )
