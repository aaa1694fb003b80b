"""``/graphql`` over HTTP: JSON POST for everything, GET for queries only; GraphiQL in dev mode.

The GraphiQL page is the caller's (the web layer serves it from the npm packages it pins, with
the CSRF header its check reads); without one, no IDE is offered.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from gql import json_body
from gql.context import Context, build_context
from gql.schema import schema

IdePage = Callable[[Request], Awaitable[Response]]


class GraphQLApp(GraphQL[Context, None]):
    def __init__(self, *, ide: IdePage | None = None) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if ide is not None else None,
            allow_queries_via_get=True,
            multipart_uploads_enabled=False,
        )
        self.ide = ide

    async def render_graphql_ide(self, request: Request) -> Response:
        assert self.ide is not None, "GraphiQL is offered only with a page to render"
        return await self.ide(request)

    def decode_json(self, data: str | bytes) -> object:
        """Bodies and GET variables: invalid UTF-8 or nesting deeper than a bound is a 400."""
        return json_body.loads(data)

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | Any
    ) -> Context:
        return await build_context(request)
