"""Output types of the organisation's custom fields of customers."""

from __future__ import annotations

import strawberry

from gql.ids import encode_id
from orm import models

CustomFieldType = strawberry.enum(models.CustomFieldType)


@strawberry.type(description="An organisation-level field of customers.")
class CustomField:
    id: strawberry.ID
    label: str
    api_name: str
    data_type: CustomFieldType  # type: ignore[valid-type]
    options: list[str]

    @classmethod
    def from_model(cls, row: models.CustomField) -> CustomField:
        return cls(
            id=encode_id("CustomField", row.id), label=row.label, api_name=row.api_name,
            data_type=row.data_type, options=list(row.options or []),
        )  # fmt: skip
