"""Permission classes: a message and an ``extensions.code`` the client can branch on."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import (
    DocumentNode,
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)
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


INTROSPECTION_FIELDS = frozenset({"__schema", "__type"})
INTROSPECTION_POLICIES = ("public", "signed-in")


def asks_for_schema(document: DocumentNode) -> bool:
    """Whether the document selects ``__schema`` or ``__type`` anywhere (``__typename`` is
    not introspection of the schema). One pass over the document."""
    stack: list[SelectionSetNode] = [
        node.selection_set
        for node in document.definitions
        if isinstance(node, OperationDefinitionNode | FragmentDefinitionNode)
    ]
    while stack:
        for selection in stack.pop().selections:
            if isinstance(selection, FieldNode) and selection.name.value in INTROSPECTION_FIELDS:
                return True
            if isinstance(selection, FieldNode | InlineFragmentNode) and selection.selection_set:
                stack.append(selection.selection_set)
    return False


class IntrospectionPolicy(SchemaExtension):
    """With the ``signed-in`` policy (production's default), anonymous callers cannot read the
    schema: ``__schema`` and ``__type`` answer UNAUTHENTICATED before validation."""

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        caller = context.context
        if (
            context.graphql_document is not None
            and context.pre_execution_errors is None
            and getattr(caller, "introspection", "public") == "signed-in"
            and getattr(caller, "viewer", None) is None
            and asks_for_schema(context.graphql_document)
        ):
            context.pre_execution_errors = [
                PublicError(
                    "Introspection is for signed-in callers: sign in or send an API token.",
                    "UNAUTHENTICATED",
                )
            ]
        yield


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
