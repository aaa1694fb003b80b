"""Queries and mutations of expense categories."""

from __future__ import annotations

from typing import Annotated

import strawberry

from gql.categories import inputs
from gql.categories.payloads import CategoryPayload
from gql.categories.types import Category
from gql.context import Info
from gql.ids import pk
from gql.pagination import After, Connection, First, paginate
from gql.payloads import payload
from gql.permissions import IsAdmin, IsAuthenticated, viewer_of
from resolvers import categories


@strawberry.type
class CategoryQueries:
    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="The organisation's expense categories, by name; every signed-in user.",
    )
    async def categories(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        include_disabled: Annotated[
            bool,
            strawberry.argument(description="Also list disabled categories (false by default)."),
        ] = False,
    ) -> Connection[Category]:
        query = categories.list_categories(viewer_of(info), include_disabled=include_disabled)
        return await paginate(query, Category.from_model, first=first, after=after)


@strawberry.type
class CategoryMutations:
    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description="Admins only. Add an expense category. Codes: REQUIRED, TOO_LONG, UNIQUE.",
    )
    async def category_create(
        self,
        info: Info,
        input: Annotated[
            inputs.CategoryInput, strawberry.argument(description="The category's name.")
        ],
    ) -> CategoryPayload:
        result = await categories.save_category(
            viewer_of(info), None, name=input.name, is_enabled=True
        )
        return payload(CategoryPayload, result, Category.from_model)

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Rename a category, or disable or enable it. "
            "Codes: NOT_FOUND, REQUIRED, TOO_LONG, UNIQUE."
        ),
    )
    async def category_update(
        self,
        info: Info,
        input: Annotated[
            inputs.CategoryUpdateInput,
            strawberry.argument(description="The category and what to change."),
        ],
    ) -> CategoryPayload:
        result = await categories.save_category(
            viewer_of(info), pk("Category", input.id), name=input.name, is_enabled=input.is_enabled
        )
        return payload(CategoryPayload, result, Category.from_model)
