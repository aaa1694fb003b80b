"""Inputs of expense categories."""

from __future__ import annotations

import strawberry


@strawberry.input
class CategoryInput:
    name: str


@strawberry.input(description="Fields left out stay as they are.")
class CategoryUpdateInput:
    id: strawberry.ID
    name: str | None = None
    is_enabled: bool | None = None
