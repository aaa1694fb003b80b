"""Forward connections (Relay's connection shape) paged in SQL by keyset.

A connection's cursor names a row by its ordering keys and id (resolvers/pagination.py), so
the next page is the rows after that row, by value: rows inserted or deleted between two page
requests are neither repeated nor skipped. Cursors are encoded only when the document selects
them (``edges { cursor }``, ``pageInfo { startCursor endCursor }``). A cursor the connection
did not hand out is refused with the top-level error ``BAD_CURSOR``.

Grouped analytics rows (``SpendGroupConnection``) are a computed result, not rows: their cursor
is a position in the groups of the answer, of its own kind (see ``page_window``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Annotated, Any, Generic, TypeVar

import strawberry
from strawberry.dataloader import DataLoader
from tortoise.queryset import QuerySet

from gql.context import Info
from gql.direct import DIRECT
from gql.errors import PublicError
from gql.nodes import fields_of, prepare_page
from resolvers.loaders import ChildPage, PageKey
from resolvers.pagination import (
    CURSOR_VERSION,
    BadCursor,
    Keyset,
    decode_payload,
    encode_payload,
    keyset_of,
    shape_of,
)

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
BAD_CURSOR_MESSAGE = "`after` is not a cursor returned by this connection."

NodeT = TypeVar("NodeT")

First = Annotated[
    int | None,
    strawberry.argument(
        description=f"Page size, {DEFAULT_PAGE_SIZE} by default, at most {MAX_PAGE_SIZE}."
    ),
]
After = Annotated[
    str | None,
    strawberry.argument(
        description="Start after this cursor (an `endCursor` or edge `cursor` of this "
        "connection); left out: the first page."
    ),
]


@strawberry.type(description="Where a page of a connection stands in the whole list.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="More rows follow this page.")
    has_previous_page: bool = strawberry.field(
        description="Rows come before this page: true when the page was asked `after` a cursor."
    )
    _start: strawberry.Private[Callable[[], str | None]]
    _end: strawberry.Private[Callable[[], str | None]]

    @strawberry.field(
        description="The cursor of the page's first row; null when the page is empty.",
        metadata=DIRECT,
    )
    def start_cursor(self, info: Info) -> str | None:
        return self._start()

    @strawberry.field(
        description="The cursor of the page's last row, to pass as `after` for the next page; "
        "null when the page is empty.",
        metadata=DIRECT,
    )
    def end_cursor(self, info: Info) -> str | None:
        return self._end()


@strawberry.type(description="A row of a connection's page, with its position.")
class Edge(Generic[NodeT]):
    cursor: str = strawberry.field(
        description="This row's position, opaque: pass it as `after` to page on from here."
    )
    node: NodeT = strawberry.field(description="The row.")
    _row: strawberry.Private[Any] = None  # what the cursor is encoded from, when selected


def _none() -> None:
    return None


def _encode_cursors(info: Info, edges: Sequence[Edge[Any]], keyset: Keyset) -> None:
    """Fill in the edges' cursors when the document selects them (one encoding per row)."""
    fields = fields_of([s for field in info.selected_fields for s in field.selections])
    if "cursor" in fields:
        for edge in edges:
            if not edge.cursor:
                edge.cursor = keyset.cursor(edge._row)


async def _edges(root: Connection[Any], info: Info) -> list[Edge[Any]]:
    if root._edges:
        _encode_cursors(info, root._edges, root._keyset)
    await prepare_page(info, [edge.node for edge in root._edges], through="node")
    return root._edges


@strawberry.type(description="A page of a list, in the list's order (Relay's connection).")
class Connection(Generic[NodeT]):
    # ``edges`` and ``nodes`` let the node type load its page's relations first (gql/nodes.py)
    edges: list[Edge[NodeT]] = strawberry.field(
        resolver=_edges, description="The page's rows, each with its cursor."
    )
    page_info: PageInfo = strawberry.field(description="Whether more rows follow, and cursors.")
    _edges: strawberry.Private[list[Edge[NodeT]]]
    _keyset: strawberry.Private[Keyset]
    _query: strawberry.Private[QuerySet[Any] | None]
    _total: strawberry.Private[int | None] = None

    @strawberry.field(description="The page's rows without cursors.")
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


def _bad_cursor() -> PublicError:
    return PublicError(BAD_CURSOR_MESSAGE, "BAD_CURSOR")


def _page_size(first: int | None) -> int:
    size = DEFAULT_PAGE_SIZE if first is None else first
    if not 0 <= size <= MAX_PAGE_SIZE:
        raise PublicError(
            f"`first` must be between 0 and {MAX_PAGE_SIZE}.", "PAGE_SIZE_OUT_OF_RANGE"
        )
    return size


def _row_connection(
    rows: Sequence[Any],
    convert: Callable[[Any], NodeT],
    keyset: Keyset,
    *,
    size: int,
    after: str | None,
    query: QuerySet[Any] | None = None,
    total: int | None = None,
) -> Connection[NodeT]:
    """The connection over ``rows``: the page plus, when there is a next page, its first row
    (``size + 1`` rows at most). ``total`` or ``query`` answers ``totalCount``."""
    page = rows[:size]
    edges = [Edge(cursor="", node=convert(row), _row=row) for row in page]
    page_info = PageInfo(
        has_next_page=len(rows) > size,
        has_previous_page=after is not None,
        _start=(lambda: keyset.cursor(page[0])) if page else _none,
        _end=(lambda: keyset.cursor(page[-1])) if page else _none,
    )
    return Connection(page_info=page_info, _edges=edges, _keyset=keyset, _query=query, _total=total)


async def paginate(
    query: QuerySet[Any],
    convert: Callable[[Any], NodeT],
    *,
    first: int | None,
    after: str | None,
) -> Connection[NodeT]:
    """The page of ``query`` (ordered; its id is the last key) after the ``after`` cursor."""
    size = _page_size(first)
    keyset, ordered = keyset_of(query)
    page = ordered
    if after is not None:
        try:
            page = ordered.filter(keyset.after(keyset.decode(after)))
        except BadCursor:
            raise _bad_cursor() from None
    rows = list(await page.limit(size + 1)) if size else []
    return _row_connection(rows, convert, keyset, size=size, after=after, query=ordered)


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
    size = _page_size(first)
    try:
        page = await loader.load((parent_id, after, size))
    except BadCursor:
        raise _bad_cursor() from None
    assert page.keyset is not None
    return _row_connection(
        page.rows, convert, page.keyset, size=size, after=after, total=page.total
    )


# Grouped rows (analytics) are computed per request: their cursor is the position of a group in
# the answer, a cursor kind of its own that row connections refuse (and vice versa).
GROUPS_SHAPE = shape_of("@groups")
MAX_OFFSET = 1_000_000_000


def _group_cursor(offset: int) -> str:
    return encode_payload([CURSOR_VERSION, GROUPS_SHAPE, offset])


def page_window(first: int | None, after: str | None) -> tuple[int, int]:
    """``(offset, size)`` of the page asked for, validated: for connections whose rows are a
    computed result (one aggregate statement) turned into edges by ``page_edges``. Their cursor
    is a position in that result: a change to the data between two pages can move a group
    across the boundary, so a client that needs a consistent list asks for it whole (at most
    ``MAX_PAGE_SIZE`` groups a page) or starts again."""
    size = _page_size(first)
    if after is None:
        return 0, size
    try:
        payload = decode_payload(after)
    except BadCursor:
        raise _bad_cursor() from None
    if len(payload) != 3 or payload[1] != GROUPS_SHAPE:
        raise _bad_cursor()
    position = payload[2]
    if type(position) is not int or not 0 <= position < MAX_OFFSET:
        raise _bad_cursor()
    return position + 1, size


def page_edges(
    rows: Sequence[Any], convert: Callable[[Any], NodeT], *, offset: int, size: int
) -> tuple[list[Edge[NodeT]], PageInfo]:
    """The edges and page info of ``rows``: the page plus the next page's first row, if any."""
    edges = [
        Edge(cursor=_group_cursor(offset + index), node=convert(row))
        for index, row in enumerate(rows[:size])
    ]
    start = edges[0].cursor if edges else None
    end = edges[-1].cursor if edges else None
    page_info = PageInfo(
        has_next_page=len(rows) > size,
        has_previous_page=offset > 0,
        _start=lambda: start,
        _end=lambda: end,
    )
    return edges, page_info
