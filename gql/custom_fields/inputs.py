"""Inputs of the organisation's custom fields."""

from __future__ import annotations

import strawberry

from gql.custom_fields.types import CustomFieldType


@strawberry.input
class CustomFieldCreateInput:
    label: str
    data_type: CustomFieldType  # type: ignore[valid-type]
    options: list[str] = strawberry.field(default_factory=list, description="Picklists only.")
