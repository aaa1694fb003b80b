"""Forward connections that page in SQL (OFFSET/LIMIT on an ordered, unevaluated QuerySet)."""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from typing import Annotated, Any, Generic, TypeVar

import strawberry
from strawberry.dataloader import DataLoader
from tortoise.queryset import QuerySet

from gql.context import Info
from gql.direct import DIRECT
from gql.errors import PublicError
from gql.nodes import prepare_page
from resolvers.loaders import ChildPage, PageKey

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


def _edge_cursor(root: Edge[Any], info: Info) -> str:
    return root._encode(root._key)


@strawberry.type
class Edge(Generic[NodeT]):
    # the cursor is encoded only when selected: ``_encode(_key)`` (a DIRECT resolver, which
    # gql/execution.py calls without Strawberry's per-field wrapper)
    cursor: str = strawberry.field(resolver=_edge_cursor, metadata=DIRECT)
    node: NodeT
    _key: strawberry.Private[Any]
    _encode: strawberry.Private[Callable[[Any], str]]


async def _edges(root: Connection[Any], info: Info) -> list[Edge[Any]]:
    await prepare_page(info, [edge.node for edge in root._edges], through="node")
    return root._edges


@strawberry.type
class Connection(Generic[NodeT]):
    # ``edges`` and ``nodes`` let the node type load its page's relations first (gql/nodes.py)
    edges: list[Edge[NodeT]] = strawberry.field(resolver=_edges)
    page_info: PageInfo
    _edges: strawberry.Private[list[Edge[NodeT]]]
    _query: strawberry.Private[QuerySet[Any] | None]
    _total: strawberry.Private[int | None] = None

    @strawberry.field
    async def nodes(self, info: Info) -> list[NodeT]:
        nodes = [edge.node for edge in self._edges]
        await prepare_page(info, nodes)
        return nodes

    @strawberry.field(
        description="All matching rows (one COUNT query, unless the page was loaded in a batch)."
    )
    async def total_count(self) -> int:
        if self._total is not None:
            return self._total
        assert self._query is not None
        return await self._query.count()


# Far beyond any list, far below what SQLite's and PostgreSQL's OFFSET can hold.
MAX_OFFSET = 1_000_000_000


def _cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"offset:{offset}".encode()).decode()


def _offset_after(after: str | None) -> int:
    if after is None:
        return 0
    try:
        kind, _, value = base64.urlsafe_b64decode(after.encode("ascii")).decode().partition(":")
        if kind == "offset" and value.isascii() and value.isdigit() and len(value) <= 10:
            offset = int(value) + 1
            if offset <= MAX_OFFSET:
                return offset
    except (ValueError, UnicodeError):
        pass
    raise PublicError("`after` is not a cursor returned by this connection.", "BAD_CURSOR")


def _page_window(first: int | None, after: str | None) -> tuple[int, int]:
    """``(offset, size)`` of the page asked for, validated."""
    size = DEFAULT_PAGE_SIZE if first is None else first
    if not 0 <= size <= MAX_PAGE_SIZE:
        raise PublicError(
            f"`first` must be between 0 and {MAX_PAGE_SIZE}.", "PAGE_SIZE_OUT_OF_RANGE"
        )
    return _offset_after(after), size


def page_window(first: int | None, after: str | None) -> tuple[int, int]:
    """``(offset, size)`` of the page asked for, validated: for connections whose rows come
    from elsewhere (one aggregate statement) and are turned into edges by ``page_edges``."""
    return _page_window(first, after)


def page_edges(
    rows: Sequence[Any], convert: Callable[[Any], NodeT], *, offset: int, size: int
) -> tuple[list[Edge[NodeT]], PageInfo]:
    """The edges and page info of ``rows``: the page plus the next page's first row, if any."""
    connection = _connection_of(rows, convert, offset=offset, size=size, total=0)
    return connection._edges, connection.page_info


async def paginate(
    query: QuerySet[Any],
    convert: Callable[[Any], NodeT],
    *,
    first: int | None,
    after: str | None,
) -> Connection[NodeT]:
    offset, size = _page_window(first, after)
    rows = list(await query.offset(offset).limit(size + 1)) if size else []
    return _connection_of(rows, convert, offset=offset, size=size, query=query)


def _connection_of(
    rows: Sequence[Any],
    convert: Callable[[Any], NodeT],
    *,
    offset: int,
    size: int,
    query: QuerySet[Any] | None = None,
    total: int | None = None,
) -> Connection[NodeT]:
    """The connection over ``rows``: the page starting at ``offset`` plus, when there is a
    next page, its first row (``size + 1`` rows at most). ``total`` or ``query`` answers
    ``totalCount``."""
    edges = [
        Edge(node=convert(row), _key=offset + index, _encode=_cursor)
        for index, row in enumerate(rows[:size])
    ]
    page_info = PageInfo(
        has_next_page=len(rows) > size,
        has_previous_page=offset > 0,
        start_cursor=_cursor(edges[0]._key) if edges else None,
        end_cursor=_cursor(edges[-1]._key) if edges else None,
    )
    return Connection(page_info=page_info, _edges=edges, _query=query, _total=total)


async def child_connection(
    loader: DataLoader[PageKey, ChildPage],
    parent_id: int,
    convert: Callable[[Any], NodeT],
    *,
    first: int | None,
    after: str | None,
) -> Connection[NodeT]:
    """A nested connection (a report's expenses, a card's transactions) whose pages for every
    parent in the response load together (``Loaders.child_pages``)."""
    offset, size = _page_window(first, after)
    page = await loader.load((parent_id, offset, size))
    return _connection_of(page.rows, convert, offset=offset, size=size, total=page.total)
