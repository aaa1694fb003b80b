"""Field resolvers that graphql-core calls directly, without Strawberry's per-field wrapper.

For every field, Strawberry's resolver wrapper builds an ``Info`` object, converts the
arguments, chains the field extensions and calls the resolver through two more layers; for a
field without a resolver it still goes through ``StrawberryField.get_result``. On a 100-row
page that is thousands of calls per request, each doing nothing a plain attribute read or a
plain call would not do (docs/BENCHMARKS.md has the profile). So, once the schema is built:

* a **plain attribute field** (no resolver, no permission class, no field extension: the
  resolver Strawberry installed is its ``_get_basic_result``) reads the attribute directly;
* a resolver marked with ``metadata=DIRECT`` is called as ``resolver(source, info)`` with
  graphql-core's ``GraphQLResolveInfo``: it may take no argument but ``info`` and must use
  nothing of it but ``info.context`` (which both kinds of info carry). Fields with permission
  classes, extensions or arguments are never made direct.

Behaviour is unchanged: the same values reach the same completion and serialisation.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    GraphQLSchema,
    Undefined,
    get_nullable_type,
)
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types.field import StrawberryField

DIRECT_KEY = "spendsync.direct"
DIRECT: dict[str, object] = {DIRECT_KEY: True}
_DEFINITION = "strawberry-definition"


def _attribute(name: str, graphql_type: GraphQLOutputType) -> Callable[..., Any]:
    read = attrgetter(name)

    def resolve(source: Any, info: Any, **_: Any) -> Any:
        return read(source)

    resolve.synchronous = True  # type: ignore[attr-defined]  # gql/execution.py

    leaf = get_nullable_type(graphql_type)
    if isinstance(leaf, GraphQLScalarType | GraphQLEnumType):
        resolve.leaf = (read, leaf.coerce_output_value)  # type: ignore[attr-defined]
    return resolve


class LeafExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """graphql-core's execution, with a shortcut for the commonest field of all: a plain
    attribute holding a scalar or enum value. ``execute_field`` builds a resolve info, looks
    the resolver up through the middleware manager, checks twice for an awaitable and walks
    the type wrappers in ``complete_value`` before coercing the value; here the attribute is
    read and coerced at once. Anything else (a null, a value the scalar refuses, a field with
    arguments, several nodes for one response name, middleware) takes graphql-core's own path,
    which reads the attribute again and reports exactly as before."""

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: Any,
        path: Any,
        position_context: Any,
    ) -> Any:
        middleware = self.middleware_manager  # Strawberry's is empty unless an extension
        if len(field_details_list) == 1 and (middleware is None or not middleware.middlewares):
            node = field_details_list[0].node
            if not node.arguments:
                field_def = parent_type.fields.get(node.name.value)
                leaf = getattr(field_def.resolve, "leaf", None) if field_def else None
                if leaf is not None:
                    try:
                        value = leaf[0](source)
                        if value is not None:
                            coerced = leaf[1](value)
                            if coerced is not None and coerced is not Undefined:
                                return coerced
                    except Exception:  # noqa: S110 - graphql-core's path reports it
                        pass
        return super().execute_field(
            parent_type, source, field_details_list, path, position_context
        )


def _call(function: Callable[[Any, Any], Any]) -> Callable[..., Any]:
    def resolve(source: Any, info: Any) -> Any:
        return function(source, info)

    resolve.synchronous = True  # type: ignore[attr-defined]  # gql/execution.py
    return resolve


def install(schema: GraphQLSchema) -> int:
    """Install the direct resolvers in ``schema``; returns how many fields were changed."""
    changed = 0
    for graphql_type in schema.type_map.values():
        if not isinstance(graphql_type, GraphQLObjectType) or graphql_type.name.startswith("__"):
            continue
        for graphql_field in graphql_type.fields.values():
            field = (graphql_field.extensions or {}).get(_DEFINITION)
            if not isinstance(field, StrawberryField) or field.extensions:
                continue
            current = graphql_field.resolve
            if field.base_resolver is None:
                if getattr(current, "__name__", "") == "_get_basic_result":
                    graphql_field.resolve = _attribute(field.python_name, graphql_field.type)
                    changed += 1
                continue
            if not field.metadata.get(DIRECT_KEY):
                continue
            resolver = field.base_resolver
            names = [p.name for p in resolver.signature.parameters.values()]
            if field.arguments or field.is_async or names[1:] != ["info"]:
                raise TypeError(f"{graphql_type.name}.{field.name} cannot be a direct resolver")
            function = resolver.wrapped_func
            if not callable(function):
                raise TypeError(f"{graphql_type.name}.{field.name} cannot be a direct resolver")
            graphql_field.resolve = _call(function)
            changed += 1
    return changed
