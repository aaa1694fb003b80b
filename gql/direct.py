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

from graphql import GraphQLObjectType, GraphQLSchema
from strawberry.types.field import StrawberryField

DIRECT_KEY = "spendsync.direct"
DIRECT: dict[str, object] = {DIRECT_KEY: True}
_DEFINITION = "strawberry-definition"


def _attribute(name: str) -> Callable[..., Any]:
    read = attrgetter(name)

    def resolve(source: Any, info: Any, **_: Any) -> Any:
        return read(source)

    return resolve


def _call(function: Callable[[Any, Any], Any]) -> Callable[..., Any]:
    def resolve(source: Any, info: Any) -> Any:
        return function(source, info)

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
                    graphql_field.resolve = _attribute(field.python_name)
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
