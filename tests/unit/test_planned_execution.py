"""gql/execution.py: the planned execution answers exactly what graphql-core answers.

Each document runs against the same Strawberry schema twice: as Strawberry builds it (stock
resolvers, graphql-core's execution) and as gql/schema.py runs it (gql/direct.py's resolvers
and ``PlannedExecutionContext``). Data, error messages, error paths and null propagation must
be equal, including for the unusual values the plan hands back to graphql-core (nulls in
non-null fields, exceptions, awaitables, values a scalar refuses, list items of the wrong
kind).
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import strawberry

from gql.direct import DIRECT, install
from gql.execution import PlannedExecutionContext


@strawberry.type
class Tag:
    id: strawberry.ID
    name: str
    required: str


@strawberry.type
class Row:
    id: strawberry.ID
    merchant: str
    count: int
    maybe: str | None
    flag: bool
    tag: Tag
    optional_tag: Tag | None
    tags: list[Tag]
    _case: strawberry.Private[str]

    @strawberry.field(metadata=DIRECT)
    def related(self, info: strawberry.Info) -> Tag:
        if self._case == "raise":
            raise ValueError("related failed")
        if self._case == "null":
            return None  # type: ignore[return-value]
        if self._case == "later":
            return _later(Tag(id=strawberry.ID("L"), name="later", required="r"))  # type: ignore[return-value]
        return self.tag

    @strawberry.field(metadata=DIRECT)
    def maybe_related(self, info: strawberry.Info) -> Tag | None:
        if self._case == "raise":
            raise ValueError("maybe failed")
        return None if self._case == "null" else self.tag

    @strawberry.field(metadata=DIRECT)
    def related_list(self, info: strawberry.Info) -> list[Tag]:
        if self._case == "null-item":
            return [self.tag, None]  # type: ignore[list-item]
        if self._case == "later-item":
            return [self.tag, _later(self.tag)]  # type: ignore[list-item]
        return [self.tag, self.tag]

    @strawberry.field(metadata=DIRECT)
    def label(self, info: strawberry.Info) -> str:
        return f"{self.merchant}:{info.context['suffix']}"

    @strawberry.field(metadata=DIRECT)
    def score(self, info: strawberry.Info) -> int:
        return "not a number" if self._case == "bad-int" else 7  # type: ignore[return-value]

    @strawberry.field
    async def slow(self) -> Tag:
        await asyncio.sleep(0)
        return self.tag


async def _value(value: Any) -> Any:
    await asyncio.sleep(0)
    return value


def _later(value: Any) -> Any:
    return _value(value)


CASES = ["ok", "raise", "null", "later", "null-item", "later-item", "bad-int", "broken-tag"]


def _rows() -> list[Row]:
    rows = []
    for index, case in enumerate(CASES):
        required = None if case == "broken-tag" else "r"
        tag = Tag(id=strawberry.ID(f"T{index}"), name=f"tag {index}", required=required)  # type: ignore[arg-type]
        rows.append(
            Row(id=strawberry.ID(f"R{index}"), merchant=f"M{index}", count=index,
                maybe=None if index % 2 else "m", flag=index % 3 == 0, tag=tag,
                optional_tag=None if index % 2 else tag, tags=[tag, tag], _case=case)
        )  # fmt: skip
    return rows


@strawberry.type
class Query:
    @strawberry.field
    async def rows(self) -> list[Row]:
        return _rows()

    @strawberry.field
    async def nullable_rows(self) -> list[Row | None]:
        return list(_rows())

    @strawberry.field
    def strict_rows(self) -> list[Row]:
        return [_rows()[0], _rows()[-1]]  # the last one's tag breaks a non-null field


def _schemas() -> tuple[strawberry.Schema, strawberry.Schema]:
    stock = strawberry.Schema(query=Query)
    planned = strawberry.Schema(query=Query, execution_context_class=PlannedExecutionContext)
    assert install(planned._schema) > 0
    return stock, planned


DOCUMENTS = {
    "scalars": "{ rows { id merchant count maybe flag __typename } }",
    "objects and lists": "{ rows { tag { id name } optionalTag { id } tags { name } } }",
    "direct relations": (
        "{ nullableRows { id related { id name } maybeRelated { name } relatedList { id }"
        " label score } }"
    ),
    "direct relations, nulls propagating to the root": "{ rows { id related { id } } }",
    "aliases and fragments": """
        { rows { a: merchant b: merchant ...F tag { ...T } ... on Row { tag { name } } } }
        fragment F on Row { id related { ...T } }
        fragment T on Tag { id }
    """,
    "skip and include": """
        query Q($yes: Boolean!) { rows { id @skip(if: $yes) merchant @include(if: $yes)
          tag { name @include(if: $yes) id } } }
    """,
    "async field among planned ones": "{ rows { id slow { name } related { id } } }",
    "null propagation": "{ strictRows { id tag { required } tags { required } related { required } } }",
}


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_planned_execution_answers_as_graphql_core(name: str) -> None:
    stock, planned = _schemas()
    answers = []
    for schema in (stock, planned):
        result = asyncio.run(
            schema.execute(DOCUMENTS[name], variable_values={"yes": True},
                           context_value={"suffix": "s"})
        )  # fmt: skip
        errors = sorted((e.message, tuple(e.path or ())) for e in result.errors or [])
        answers.append((result.data, errors))
    assert answers[0] == answers[1]
    if name == "direct relations":  # the unusual values did reach graphql-core's path
        messages = {message for message, _ in answers[1][1]}
        assert "related failed" in messages
        assert any("Int cannot represent" in message for message in messages)
        assert any("non-nullable" in message for message in messages)


def test_planned_steps_are_used_for_known_synchronous_fields() -> None:
    """The plan, not graphql-core's ``execute_field``, runs the attribute and DIRECT fields."""
    _, planned = _schemas()
    calls: list[str] = []

    class Counting(PlannedExecutionContext):
        def execute_field(self, parent_type: Any, source: Any, details: Any, *rest: Any) -> Any:
            calls.append(f"{parent_type.name}.{details[0].node.name.value}")
            return super().execute_field(parent_type, source, details, *rest)

    planned.execution_context_class = Counting
    result = asyncio.run(
        planned.execute("{ rows { id tag { id } tags { name } label } }",
                        context_value={"suffix": "s"})
    )  # fmt: skip
    assert result.errors is None
    assert calls == ["Query.rows"]  # the root field only: the async resolver
