"""The ``Node`` interface and the ``node``/``nodes`` queries: any object with a global id,
fetched again by that id, as far as the viewer may see it.

An id is ``Type:pk`` (``gql.ids``): the type names the GraphQL type, whose ``from_model``
builds the object, and the rows the viewer may see of it (``resolvers.nodes.VISIBLE``, the
rules of the type's own query). Ids go through one DataLoader per type for the request, so
``nodes`` with fifty ids of one type is one statement. A malformed id, an id of a type
without nodes, of a row that does not exist, of another organisation or that the viewer may
not see, resolves to null; it never fails the rest of the list.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

import strawberry
from strawberry.dataloader import DataLoader

from gql.context import Info
from gql.errors import PublicError
from gql.ids import decode_any_id
from gql.limits import MAX_LIST_INPUT
from gql.permissions import IsAuthenticated, viewer_of
from resolvers.nodes import VISIBLE, visible_rows

MAX_NODE_IDS = MAX_LIST_INPUT


@strawberry.interface(
    description=(
        "An object with a global id. Any of them can be fetched again by its id with "
        "`node(id:)` or `nodes(ids:)`, as far as you may see it."
    )
)
class Node:
    id: strawberry.ID = strawberry.field(
        description="The object's global id: opaque, stable, and unique across every type."
    )


def _loader(info: Info, kind: str) -> DataLoader[int, Any]:
    """The request's loader of the rows of ``kind`` the viewer may see."""
    loaders = info.context.loaders.node_loaders
    loader = loaders.get(kind)
    if loader is None:
        viewer = viewer_of(info)

        async def load(pks: list[int]) -> list[Any]:
            return await visible_rows(viewer, kind, pks)

        loader = loaders[kind] = DataLoader(load_fn=load)
    return loader


async def _resolve(info: Info, value: str) -> Node | None:
    decoded = decode_any_id(value)
    if decoded is None or decoded[0] not in VISIBLE:
        return None
    kind, pk = decoded
    definition = info.schema.get_type_by_name(kind)
    origin = getattr(definition, "origin", None)
    if origin is None or not issubclass(origin, Node):
        return None
    row = await _loader(info, kind).load(pk)
    if row is None:
        return None
    node: Node = origin.from_model(row)
    return node


@strawberry.type
class NodeQueries:
    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description=(
            "Any object by its global id, as its own query would show it to you: an admin sees "
            "the organisation's, members their own and what was submitted to them. Null when "
            "the id is malformed, names nothing, or names something you may not see."
        ),
    )
    async def node(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="A global id.")],
    ) -> Node | None:
        return await _resolve(info, id)

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description=(
            f"Objects by their global ids (at most {MAX_NODE_IDS}), in the order asked, fetched "
            "together. Each entry is what `node(id:)` gives for its id: null for an id that is "
            "malformed, names nothing or names something you may not see, without failing the "
            "others. More ids: TOO_MANY_ITEMS."
        ),
    )
    async def nodes(
        self,
        info: Info,
        ids: Annotated[
            list[strawberry.ID],
            strawberry.argument(description=f"Global ids, at most {MAX_NODE_IDS}."),
        ],
    ) -> list[Node | None]:
        if len(ids) > MAX_NODE_IDS:
            raise PublicError(f"nodes takes at most {MAX_NODE_IDS} ids.", "TOO_MANY_ITEMS")
        # side by side: the loads of one type reach its loader together, as one batch
        return list(await asyncio.gather(*(_resolve(info, value) for value in ids)))
