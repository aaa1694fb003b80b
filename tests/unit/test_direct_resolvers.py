"""gql/direct.py: which fields graphql-core calls directly, and which it refuses to."""

from __future__ import annotations

from typing import Any

import pytest
import strawberry

from gql.direct import DIRECT, install


def _build(query: type) -> strawberry.Schema:
    return strawberry.Schema(query=query)


@strawberry.type
class Item:
    snake_name: str
    _secret: strawberry.Private[int]

    @strawberry.field(metadata=DIRECT)
    def doubled(self, info: strawberry.Info) -> int:
        return self._secret * 2 + info.context["bonus"]

    @strawberry.field
    def untouched(self, info: strawberry.Info) -> str:
        return type(info).__name__


@strawberry.type
class ItemQuery:
    @strawberry.field
    def item(self) -> Item:
        return Item(snake_name="x", _secret=20)


def test_plain_attributes_and_direct_resolvers_answer_the_same() -> None:
    schema = _build(ItemQuery)
    document = "{ item { snakeName doubled untouched } }"
    before = schema.execute_sync(document, context_value={"bonus": 2})
    assert install(schema._schema) == 2  # Item.snakeName and Item.doubled
    after = schema.execute_sync(document, context_value={"bonus": 2})
    assert before.errors is None and after.errors is None
    assert (
        before.data
        == after.data
        == {"item": {"snakeName": "x", "doubled": 42, "untouched": "Info"}}
    )


@pytest.mark.parametrize("kind", ["argument", "async"])
def test_a_direct_field_must_take_only_info(kind: str) -> None:
    if kind == "argument":

        @strawberry.type
        class Query:
            @strawberry.field(metadata=DIRECT)
            def value(self, info: strawberry.Info, times: int) -> int:
                return times

    else:

        @strawberry.type
        class Query:  # type: ignore[no-redef]
            @strawberry.field(metadata=DIRECT)
            async def value(self, info: strawberry.Info) -> int:
                return 1

    with pytest.raises(TypeError, match=r"Query\.value cannot be a direct resolver"):
        install(_build(Query)._schema)


def test_fields_with_permissions_keep_strawberrys_resolver() -> None:
    from strawberry.permission import BasePermission

    class Never(BasePermission):
        message = "no"

        def has_permission(self, source: Any, info: strawberry.Info, **kwargs: Any) -> bool:
            return False

    @strawberry.type
    class Query:
        @strawberry.field(permission_classes=[Never], metadata=DIRECT)
        def value(self, info: strawberry.Info) -> int:
            return 1

    schema = _build(Query)
    assert install(schema._schema) == 0
    result = schema.execute_sync("{ value }")
    assert result.errors is not None and result.errors[0].message == "no"
