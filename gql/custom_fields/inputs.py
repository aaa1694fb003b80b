"""Inputs of the organisation's custom fields."""

from __future__ import annotations

import strawberry

from gql.custom_fields.types import CustomFieldType


@strawberry.input(description="A new custom field of customers.")
class CustomFieldCreateInput:
    label: str = strawberry.field(
        description="The field's label; its `apiName` is derived from it."
    )
    data_type: CustomFieldType = strawberry.field(description="What values it holds.")  # type: ignore[valid-type]
    options: list[str] = strawberry.field(default_factory=list, description="Picklists only.")
