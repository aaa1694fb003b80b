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

GRAPHIQL_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://unpkg.com; "
    "style-src 'self' 'unsafe-inline' https://unpkg.com; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'self'"
)


class GraphQLApp(GraphQL[Context, None]):
    def __init__(self, *, development: bool) -> None:
        super().__init__(
            schema,
            graphql_ide="graphiql" if development else None,
            allow_queries_via_get=True,
            multipart_uploads_enabled=False,
        )

    async def render_graphql_ide(self, request: Request) -> Response:
        """The development GraphiQL page loads its scripts and styles from a CDN and inline:
        it carries its own, looser policy (the app's is left off this one page)."""
        response = await super().render_graphql_ide(request)
        response.headers["Content-Security-Policy"] = GRAPHIQL_POLICY
        return response

    def decode_json(self, data: str | bytes) -> object:
        """Bodies and GET variables: invalid UTF-8 or nesting deeper than a bound is a 400."""
        return json_body.loads(data)

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | Any
    ) -> Context:
        return await build_context(request)
