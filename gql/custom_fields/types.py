"""Output types of the organisation's custom fields of customers."""

from __future__ import annotations

import strawberry

from gql.enums import described_enum
from gql.ids import encode_id
from gql.node import Node
from orm import models

CustomFieldType = described_enum(
    models.CustomFieldType,
    description="What values a custom field holds.",
    values={
        "TEXT": "Free text.",
        "NUMBER": 'A decimal number, as text such as "12.5".',
        "DATE": "A date (YYYY-MM-DD).",
        "BOOLEAN": "true or false.",
        "PICKLIST": "One of the field's options.",
    },
)


@strawberry.type(description="An organisation-level field of customers.")
class CustomField(Node):
    id: strawberry.ID = strawberry.field(description="Opaque id of the custom field.")
    label: str = strawberry.field(description="The field's label.")
    api_name: str = strawberry.field(
        description="Stable name used in `customFields` values and CRM field mappings."
    )
    data_type: CustomFieldType = strawberry.field(description="What values it holds.")  # type: ignore[valid-type]
    options: list[str] = strawberry.field(description="PICKLIST: the allowed values; else empty.")

    @classmethod
    def from_model(cls, row: models.CustomField) -> CustomField:
        return cls(
            id=encode_id("CustomField", row.id), label=row.label, api_name=row.api_name,
            data_type=row.data_type, options=list(row.options or []),
        )  # fmt: skip
