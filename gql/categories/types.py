"""Output types of expense categories."""

from __future__ import annotations

import strawberry

from gql.enums import described_enum
from gql.ids import encode_id
from gql.node import Node
from orm import models

CategoryKind = described_enum(
    models.CategoryKind,
    description="What a category is for.",
    values={
        "STANDARD": "Ordinary expenses.",
        "PER_DIEM": "Per diems only (recorded with `perDiemRecord`).",
    },
)


@strawberry.type(
    description="An expense category (Travel, Meals, Mileage, ...), chosen on every expense."
)
class Category(Node):
    id: strawberry.ID = strawberry.field(description="Opaque id of the category.")
    name: str = strawberry.field(description="Unique name.")
    is_enabled: bool = strawberry.field(description="Disabled categories take no new expenses.")
    kind: CategoryKind = strawberry.field(  # type: ignore[valid-type]
        description="PER_DIEM: where perDiemRecord puts per diems; ordinary expenses, vehicles "
        "and card auto-create may not use it (CATEGORY_RESERVED)."
    )

    @classmethod
    def from_model(cls, row: models.Category) -> Category:
        return cls(
            id=encode_id("Category", row.id), name=row.name, is_enabled=row.is_enabled,
            kind=row.kind,
        )  # fmt: skip
