"""Forward connections that page in SQL (OFFSET/LIMIT on an ordered, unevaluated QuerySet)."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Annotated, Any, Generic, TypeVar

import strawberry
from tortoise.queryset import QuerySet

from gql.errors import PublicError

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20

NodeT = TypeVar("NodeT")

First = Annotated[
    int | None,
    strawberry.argument(
        description=f"Page size, {DEFAULT_PAGE_SIZE} by default, at most {MAX_PAGE_SIZE}."
    ),
]
After = Annotated[
    str | None, strawberry.argument(description="The `endCursor` of the previous page.")
]


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[NodeT]):
    cursor: str
    node: NodeT


@strawberry.type
class Connection(Generic[NodeT]):
    edges: list[Edge[NodeT]]
    page_info: PageInfo
    _query: strawberry.Private[QuerySet[Any]]

    @strawberry.field
    def nodes(self) -> list[NodeT]:
        return [edge.node for edge in self.edges]

    @strawberry.field(description="All matching rows (costs one COUNT query).")
    async def total_count(self) -> int:
        return await self._query.count()


def _cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"offset:{offset}".encode()).decode()


def _offset_after(after: str | None) -> int:
    if after is None:
        return 0
    try:
        kind, _, value = base64.urlsafe_b64decode(after.encode("ascii")).decode().partition(":")
        if kind == "offset" and value.isdigit():
            return int(value) + 1
    except (ValueError, UnicodeError):
        pass
    raise PublicError("`after` is not a cursor returned by this connection.", "BAD_CURSOR")


async def paginate(
    query: QuerySet[Any],
    convert: Callable[[Any], NodeT],
    *,
    first: int | None,
    after: str | None,
) -> Connection[NodeT]:
    size = DEFAULT_PAGE_SIZE if first is None else first
    if not 0 <= size <= MAX_PAGE_SIZE:
        raise PublicError(
            f"`first` must be between 0 and {MAX_PAGE_SIZE}.", "PAGE_SIZE_OUT_OF_RANGE"
        )
    offset = _offset_after(after)
    rows = list(await query.offset(offset).limit(size + 1)) if size else []
    edges = [
        Edge(cursor=_cursor(offset + index), node=convert(row))
        for index, row in enumerate(rows[:size])
    ]
    page_info = PageInfo(
        has_next_page=len(rows) > size,
        has_previous_page=offset > 0,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return Connection(edges=edges, page_info=page_info, _query=query)
