"""Output types of expense categories."""

from __future__ import annotations

import strawberry

from gql.ids import encode_id
from orm import models

CategoryKind = strawberry.enum(models.CategoryKind)


@strawberry.type
class Category:
    id: strawberry.ID
    name: str
    is_enabled: bool
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
