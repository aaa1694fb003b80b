"""``/graphql`` over HTTP: JSON POST for everything, GET for queries only; GraphiQL in dev mode."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from gql import json_body
from gql.context import Context, build_context
from gql.schema import schema


class GraphQLApp(GraphQL[Context, None]):
    def __init__(self, *, development: bool) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if development else None,
            allow_queries_via_get=True,
            multipart_uploads_enabled=False,
        )

    def decode_json(self, data: str | bytes) -> object:
        """Bodies and GET variables: invalid UTF-8 or nesting deeper than a bound is a 400."""
        return json_body.loads(data)

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | Any
    ) -> Context:
        return await build_context(request)
