"""Rows of a page that resolve their relations without an awaitable per row.

A relation field (an expense's category, user, report) that awaits a DataLoader costs, for
every row, a coroutine of its own, Strawberry's async wrappers and an asyncio task in which
graphql-core awaits it: most of the CPU of a 100-row page. So:

* a connection's ``edges`` / ``nodes`` first asks the node type to **prepare the page**
  (``prepare_page``, a classmethod): for each relation the document selects, it loads the keys
  of every row at once through the request's DataLoaders (the same loaders, so the same SQL
  statements, batched as before), and awaits them;
* the relation fields are **sync resolvers** that return the value at once when the loader
  already holds it (``loaded``), and an awaitable only when it does not (a row that was not
  part of a prepared page: graphql-core awaits whatever a resolver returns);
* the GraphQL object of a loaded row is **built once per request** (``node_of``), however many
  rows point at it (a hundred expenses, five categories: five ``Category`` objects).
"""

from __future__ import annotations

import asyncio
import enum
from collections.abc import Awaitable, Callable, Hashable, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from strawberry.dataloader import DataLoader
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

if TYPE_CHECKING:
    from gql.context import Info, Loaders

K = TypeVar("K", bound=Hashable)
T = TypeVar("T")
N = TypeVar("N")

Fields = dict[str, list[Selection]]


class _Missing(enum.Enum):
    MISSING = 0


MISSING = _Missing.MISSING


def later(awaitable: Awaitable[T]) -> T:
    """What a sync resolver returns when its value is not loaded yet: graphql-core awaits an
    awaitable whatever the resolver's kind, and Strawberry reads the field's type from the
    annotation, which stays the value's type."""
    return cast("T", awaitable)


def loaded(loader: DataLoader[K, T], key: K) -> T | Literal[_Missing.MISSING]:
    """The loader's value for ``key`` if it has already loaded it, else ``MISSING``."""
    future = loader.cache_map.get(key)
    if future is None or not future.done():
        return MISSING
    try:
        return future.result()  # raises if the load failed or was cancelled
    except (Exception, asyncio.CancelledError):
        return MISSING


def node_of(loaders: Loaders, row: Any, convert: Callable[[Any], N]) -> N:
    """``convert(row)``, once per row object and converter in the request."""
    key = (id(row), convert)
    found = loaders.nodes.get(key)
    if found is None:
        found = loaders.nodes[key] = (row, convert(row))  # the row kept: its id stays its own
    return cast("N", found[1])


async def _load(
    loaders: Loaders, loader: DataLoader[K, Any], key: K, convert: Callable[[Any], N]
) -> N | None:
    row = await loader.load(key)
    return None if row is None else node_of(loaders, row, convert)


def related(
    loaders: Loaders, loader: DataLoader[K, Any], key: K | None, convert: Callable[[Any], N]
) -> N | None:
    """The GraphQL object of the row ``loader`` gives for ``key`` (None for no key or no row):
    at once when loaded, else as an awaitable (see ``later``)."""
    if key is None:
        return None
    row = loaded(loader, key)
    if row is MISSING:
        return later(_load(loaders, loader, key, convert))
    return None if row is None else node_of(loaders, row, convert)


def fields_of(selections: Sequence[Selection]) -> Fields:
    """The fields selected in ``selections`` (fragments spread), each with its sub-selections."""
    fields: Fields = {}
    stack = list(selections)
    while stack:
        selection = stack.pop()
        if isinstance(selection, SelectedField):
            fields.setdefault(selection.name, []).extend(selection.selections)
        elif isinstance(selection, FragmentSpread | InlineFragment):
            stack.extend(selection.selections)
    return fields


async def prepare_page(info: Info, nodes: Sequence[Any], *, through: str | None = None) -> None:
    """Let the node type load, for all of ``nodes`` at once, what the selection under the field
    being resolved (under its ``through`` field, for ``edges { node }``) needs."""
    if not nodes:
        return
    prepare = getattr(type(nodes[0]), "prepare_page", None)
    if prepare is None:
        return
    fields = fields_of([s for field in info.selected_fields for s in field.selections])
    if through is not None:
        fields = fields_of(fields.get(through, []))
    if fields:
        await prepare(info, nodes, fields)
