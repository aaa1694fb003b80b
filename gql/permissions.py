"""Permission classes: a message and an ``extensions.code`` the client can branch on."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import ExecutionResult
from strawberry.extensions import SchemaExtension
from strawberry.permission import BasePermission
from strawberry.types.graphql import OperationType

from gql.context import Info
from gql.errors import PublicError
from resolvers.viewer import Viewer


class IsAuthenticated(BasePermission):
    message = "Sign in, or send an API token as `Authorization: Bearer <token>`."
    error_extensions = {"code": "UNAUTHENTICATED"}

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return info.context.viewer is not None


class IsAdmin(BasePermission):
    message = "Only an admin of the organisation may do this."
    error_extensions = {"code": "FORBIDDEN"}

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        viewer = info.context.viewer
        return viewer is not None and viewer.is_admin


def viewer_of(info: Info) -> Viewer:
    """The viewer of a field guarded by a permission class (never None there)."""
    viewer = info.context.viewer
    if viewer is None:
        raise PublicError(IsAuthenticated.message, "UNAUTHENTICATED")
    return viewer


class ReadOnlyTokens(SchemaExtension):
    """A READ_ONLY API token runs every query and no mutation: a mutation document is refused
    as a whole, before any of its fields runs, with the top-level code ``READ_ONLY_TOKEN``."""

    message = "This API token is read-only: it may run queries, not mutations."

    def on_execute(self) -> Iterator[None]:
        execution = self.execution_context
        viewer = getattr(execution.context, "viewer", None)
        if (
            isinstance(viewer, Viewer)
            and viewer.read_only
            and execution.operation_type is OperationType.MUTATION
        ):
            execution.result = ExecutionResult(
                data=None, errors=[PublicError(self.message, "READ_ONLY_TOKEN")]
            )
        yield
