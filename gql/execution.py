"""graphql-core's execution with a plan per selection: known-synchronous fields without the
per-field machinery.

For every field of every row, graphql-core's ``execute_fields`` builds a response path, calls
``execute_field`` (which looks the field up, builds a resolve info, runs the resolver, checks
twice for an awaitable) and ``complete_value`` (which walks the type's wrappers: non-null,
list, leaf, abstract, object) before an object's sub-selection starts over. On the CRM
widget's 100-row page that is about 3,000 fields per request, most of them a plain attribute
or a relation already loaded (gql/nodes.py): docs/BENCHMARKS.md has the profile.

``PlannedExecutionContext`` looks at a selection once per request (a *plan*: one step per
response name, kept for the selection's grouped field set, which graphql-core memoises per
parent type and selection) and then, for every row, runs the steps:

* **leaf**: a plain attribute holding a scalar or enum (``gql/direct.py``'s attribute
  resolver): read and coerced at once, no path, no resolve info;
* **object** / **object list**: a field whose resolver is known to be synchronous (a plain
  attribute or a ``DIRECT`` resolver, gql/direct.py) returning an object type or a list of
  one: the resolver is called with one resolve info per step (``DIRECT`` resolvers use
  nothing of it but ``info.context``), and the sub-selection of the value (of each item) is
  executed through this same plan machinery, with its own path;
* **value**: a ``DIRECT`` resolver returning a scalar or enum: called and coerced;
* **generic**: anything else (arguments, directives, ``__typename``, async resolvers,
  permission classes, extensions, middleware, deferred or streamed fields): graphql-core's
  ``execute_field``, as before.

Whenever a value is unusual (null, an exception returned as a value, an awaitable, a value the
scalar refuses, an item of a list that is null or awaitable, an object that fails its type
check), the step hands the value to graphql-core's own ``complete_value`` (or
``complete_awaitable_value``) with a real resolve info and path, so errors, their paths and
null propagation are exactly graphql-core's. Errors raised while completing a sub-selection
are handled as ``execute_field`` handles them (``handle_field_error`` at the field's path, then
at the item's for a list item).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from types import CoroutineType, GeneratorType
from typing import Any

from graphql import (
    GraphQLBoolean,
    GraphQLID,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLString,
    Undefined,
)
from graphql.execution.collect_fields import FieldDetails
from graphql.pyutils import Path, gather_with_cancel
from graphql.pyutils.undefined import UndefinedType

from gql.direct import LeafExecutionContext

FieldDetailsList = list[FieldDetails]

_new = tuple.__new__  # a Path without NamedTuple's constructor (Path is a NamedTuple)

GENERIC, LEAF, VALUE, OBJECT, OBJECT_LIST = range(5)

# Completed values (and resolver results) that are never awaitable: checked before asking
# ``is_awaitable``. Classes join ``_SYNCHRONOUS`` once one of their objects was found not
# awaitable and the class has no ``__await__`` (GraphQL object types of the schema).
_PLAIN = frozenset({dict, list, str, int, float, bool, type(None)})
_SYNCHRONOUS: set[type] = set()


class _Step:
    """What to do for one response name of a selection."""

    __slots__ = (
        "coerce",
        "details",
        "exact",
        "field_def",
        "info",
        "item_type",
        "kind",
        "name",
        "object_type",
        "read",
        "return_type",
        "sub",
    )

    def __init__(self, kind: int, name: str, details: FieldDetailsList) -> None:
        self.kind = kind
        self.name = name
        self.details = details
        self.field_def: Any = None
        self.return_type: GraphQLOutputType | None = None
        self.read: Callable[..., Any] | None = None
        self.coerce: Callable[[Any], Any] | None = None
        self.exact: type | None = None  # a value of this very class is its own output
        self.item_type: GraphQLOutputType | None = None
        self.object_type: GraphQLObjectType | None = None
        self.info: Any = None
        # the sub-selection's (grouped field set, steps), once known; None if it defers
        self.sub: tuple[Any, list[_Step]] | UndefinedType | None = Undefined


def _object_type(graphql_type: GraphQLOutputType) -> GraphQLObjectType | None:
    """The object type of ``graphql_type`` (possibly non-null), else None."""
    inner = graphql_type.of_type if isinstance(graphql_type, GraphQLNonNull) else graphql_type
    return inner if isinstance(inner, GraphQLObjectType) else None


def _exact(graphql_type: GraphQLOutputType) -> type | None:
    """The Python class whose values the built-in scalar outputs unchanged."""
    if isinstance(graphql_type, GraphQLNonNull):
        graphql_type = graphql_type.of_type
    if graphql_type is GraphQLString or graphql_type is GraphQLID:
        return str
    if graphql_type is GraphQLBoolean:
        return bool
    return None


class PlannedExecutionContext(LeafExecutionContext):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # id(grouped field set) -> (the set, kept alive so its id stays its own; parent; steps)
        self._plans: dict[int, tuple[Any, GraphQLObjectType, list[_Step]]] = {}
        # (id(return type), id(field details)) -> (the details, kept alive; step)
        self._completions: dict[tuple[int, int], tuple[FieldDetailsList, _Step]] = {}

    # -- planning -------------------------------------------------------------------------

    def _steps(self, parent_type: GraphQLObjectType, grouped_field_set: Any) -> list[_Step]:
        key = id(grouped_field_set)
        found = self._plans.get(key)
        if found is not None and found[0] is grouped_field_set and found[1] is parent_type:
            return found[2]
        steps = [
            self._step(parent_type, name, details) for name, details in grouped_field_set.items()
        ]
        self._plans[key] = (grouped_field_set, parent_type, steps)
        return steps

    def _step(self, parent_type: GraphQLObjectType, name: str, details: FieldDetailsList) -> _Step:
        generic = _Step(GENERIC, name, details)
        node = details[0].node
        if node.arguments or any(d.node.directives for d in details):
            return generic
        field_def = parent_type.fields.get(node.name.value)
        if field_def is None or field_def.args:
            return generic  # __typename and friends, or a field with arguments
        resolve = field_def.resolve
        leaf = getattr(resolve, "leaf", None)
        if leaf is not None:
            step = _Step(LEAF, name, details)
            step.read, step.coerce = leaf
            step.exact = _exact(field_def.type)
            step.field_def = field_def
            return step
        if not getattr(resolve, "synchronous", False):
            return generic
        return_type = field_def.type
        nullable = return_type.of_type if isinstance(return_type, GraphQLNonNull) else return_type
        step = _Step(GENERIC, name, details)
        step.field_def = field_def
        step.return_type = return_type
        step.read = resolve
        step.info = self.build_resolve_info(field_def, [d.node for d in details], parent_type,
                                            None)  # type: ignore[arg-type]  # fmt: skip
        if isinstance(nullable, GraphQLList):
            item_type = nullable.of_type
            object_type = _object_type(item_type)
            if object_type is None:
                return generic
            step.kind, step.item_type, step.object_type = OBJECT_LIST, item_type, object_type
            return step
        object_type = _object_type(return_type)
        if object_type is not None:
            step.kind, step.object_type = OBJECT, object_type
            return step
        coerce = getattr(nullable, "coerce_output_value", None)
        if coerce is None:
            return generic
        step.kind, step.coerce, step.exact = VALUE, coerce, _exact(nullable)
        return step

    def _sub(self, step: _Step) -> tuple[Any, list[_Step]] | None:
        """The grouped field set and steps of the step's sub-selection (None if it defers)."""
        sub = step.sub
        if sub is Undefined:
            object_type: GraphQLObjectType = step.object_type  # type: ignore[assignment]
            grouped, new_defer_usages, _ = self.collect_subfields(object_type, step.details)
            sub = None if new_defer_usages else (grouped, self._steps(object_type, grouped))
            step.sub = sub
        return sub  # type: ignore[return-value]

    def _not_awaitable(self, value: Any) -> bool:
        cls = value.__class__
        if cls in _PLAIN or cls in _SYNCHRONOUS:
            return True
        if self.is_awaitable(value):
            return False
        if not hasattr(cls, "__await__") and not isinstance(value, CoroutineType | GeneratorType):
            _SYNCHRONOUS.add(cls)
        return True

    def _completion(self, return_type: GraphQLOutputType, details: FieldDetailsList) -> _Step:
        """A step that completes values of ``return_type`` (an object type or a list of one,
        possibly non-null) for the field ``details``: for fields graphql-core resolved itself
        (async resolvers, resolvers with arguments), whose values it hands to
        ``complete_value``. Its kind is GENERIC for any other type or for directives."""
        key = (id(return_type), id(details))
        found = self._completions.get(key)
        if found is not None and found[0] is details:
            return found[1]
        step = _Step(GENERIC, "", details)
        if not any(d.node.directives for d in details):
            nullable = (
                return_type.of_type if isinstance(return_type, GraphQLNonNull) else return_type
            )
            if isinstance(nullable, GraphQLList):
                object_type = _object_type(nullable.of_type)
                if object_type is not None:
                    step.kind, step.item_type = OBJECT_LIST, nullable.of_type
                    step.object_type = object_type
            else:
                object_type = _object_type(return_type)
                if object_type is not None:
                    step.kind, step.object_type = OBJECT, object_type
        self._completions[key] = (details, step)
        return step

    def complete_value(
        self,
        return_type: GraphQLOutputType,
        field_details_list: FieldDetailsList,
        info: Any,
        path: Path,
        result: Any,
        position_context: Any,
    ) -> Any:
        if (
            position_context is None
            and result is not None
            and not isinstance(result, Exception)
            and (self.middleware_manager is None or not self.middleware_manager.middlewares)
        ):
            step = self._completion(return_type, field_details_list)
            if step.kind != GENERIC and self._not_awaitable(result):
                if step.info is None:
                    step.info = info  # for is_type_of, which reads nothing of it
                if step.kind == OBJECT:
                    completed = self._complete_object(step, result, path)
                else:
                    completed = self._complete_list(step, result, path)
                if completed is not Undefined:
                    return completed
        return super().complete_value(
            return_type, field_details_list, info, path, result, position_context
        )

    # -- execution --------------------------------------------------------------------------

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: Any,
        position_context: Any,
    ) -> Any:
        middleware = self.middleware_manager
        if position_context is not None or (middleware is not None and middleware.middlewares):
            return super().execute_fields(
                parent_type, source_value, path, grouped_field_set, position_context
            )
        return self._run(
            parent_type, source_value, path, self._steps(parent_type, grouped_field_set)
        )

    def _run(
        self, parent_type: GraphQLObjectType, source: Any, path: Path | None, steps: list[_Step]
    ) -> Any:
        """The steps of a selection on one object: its response map, or an awaitable of it."""
        typename = parent_type.name
        results: dict[str, Any] = {}
        awaitable_fields: list[str] = []
        try:
            for step in steps:
                kind = step.kind
                name = step.name
                if kind == LEAF:
                    try:
                        value = step.read(source)  # type: ignore[misc]
                        if value.__class__ is step.exact:
                            results[name] = value
                            continue
                        if value is not None:
                            coerced = step.coerce(value)  # type: ignore[misc]
                            if coerced is not None and coerced is not Undefined:
                                results[name] = coerced
                                continue
                    except Exception:  # noqa: S110 - graphql-core's path reports it
                        pass
                    result = self.execute_field(
                        parent_type, source, step.details, _new(Path, (path, name, typename)),
                        None,
                    )  # fmt: skip
                elif kind == GENERIC:
                    result = self.execute_field(
                        parent_type, source, step.details, _new(Path, (path, name, typename)),
                        None,
                    )  # fmt: skip
                    if result is Undefined:
                        continue
                else:
                    result = self._execute_planned(
                        step, parent_type, source, _new(Path, (path, name, typename))
                    )
                results[name] = result
                if result.__class__ not in _PLAIN and self.is_awaitable(result):
                    awaitable_fields.append(name)
        except Exception:
            if awaitable_fields:
                self.settle_in_background([results[field] for field in awaitable_fields])
            raise
        if not awaitable_fields:
            return results

        async def get_results() -> dict[str, Any]:
            if len(awaitable_fields) == 1:
                field = awaitable_fields[0]
                results[field] = await results[field]
            else:
                awaited = await gather_with_cancel(*(results[f] for f in awaitable_fields))
                results.update(zip(awaitable_fields, awaited, strict=True))
            return results

        return get_results()

    def _execute_planned(
        self, step: _Step, parent_type: GraphQLObjectType, source: Any, path: Path
    ) -> Any:
        """``execute_field`` for a field with a known-synchronous resolver and no arguments."""
        try:
            result = step.read(source, step.info)  # type: ignore[misc]
            if result is None or isinstance(result, Exception) or not self._not_awaitable(result):
                return self._complete_generic(step, parent_type, path, result)
            kind = step.kind
            if kind == VALUE:
                if result.__class__ is step.exact:
                    return result
                coerced = step.coerce(result)  # type: ignore[misc]
                if coerced is None or coerced is Undefined:
                    return self._complete_generic(step, parent_type, path, result)
                return coerced
            if kind == OBJECT:
                completed = self._complete_object(step, result, path)
            else:
                completed = self._complete_list(step, result, path)
            if completed is Undefined:
                return self._complete_generic(step, parent_type, path, result)
            if completed.__class__ is dict or completed.__class__ is list:
                return completed
            return self._await_field(completed, step, path)
        except Exception as raw_error:
            self.handle_field_error(raw_error, step.return_type, step.details, path)  # type: ignore[arg-type]
            return None

    def _complete_generic(
        self, step: _Step, parent_type: GraphQLObjectType, path: Path, result: Any
    ) -> Any:
        """graphql-core's completion of ``result`` (as ``execute_field`` after the resolver)."""
        return_type: GraphQLOutputType = step.return_type  # type: ignore[assignment]
        details = step.details
        info = self.build_resolve_info(step.field_def, [d.node for d in details], parent_type, path)
        if self.is_awaitable(result):
            return self.complete_awaitable_value(return_type, details, info, path, result, None)
        completed = self.complete_value(return_type, details, info, path, result, None)
        if self.is_awaitable(completed):
            return self._await_field(completed, step, path)
        return completed

    async def _await_field(self, completed: Awaitable[Any], step: _Step, path: Path) -> Any:
        try:
            return await completed
        except Exception as raw_error:
            self.handle_field_error(raw_error, step.return_type, step.details, path)  # type: ignore[arg-type]
            return None

    def _complete_object(self, step: _Step, result: Any, path: Path) -> Any:
        """The object's sub-selection executed, or ``Undefined`` to take graphql-core's path."""
        object_type: GraphQLObjectType = step.object_type  # type: ignore[assignment]
        is_type_of = object_type.is_type_of
        if is_type_of is not None and is_type_of(result, step.info) is not True:
            return Undefined
        sub = self._sub(step)
        if sub is None:
            return Undefined
        return self._run(object_type, result, path, sub[1])

    def _complete_list(self, step: _Step, result: Any, path: Path) -> Any:
        """Each item's sub-selection executed, or ``Undefined`` to take graphql-core's path
        (not a list, a null or awaitable item, an item of another type)."""
        if not isinstance(result, list | tuple):
            return Undefined
        object_type: GraphQLObjectType = step.object_type  # type: ignore[assignment]
        not_awaitable = self._not_awaitable
        is_type_of = object_type.is_type_of
        info = step.info
        for item in result:
            if item is None or isinstance(item, Exception) or not not_awaitable(item):
                return Undefined
            if is_type_of is not None and is_type_of(item, info) is not True:
                return Undefined
        sub = self._sub(step)
        if sub is None:
            return Undefined
        steps = sub[1]
        run = self._run
        item_type: GraphQLOutputType = step.item_type  # type: ignore[assignment]
        details = step.details
        completed: list[Any] = []
        awaitable_indices: list[int] = []
        try:
            for index, item in enumerate(result):
                item_path = _new(Path, (path, index, None))
                try:
                    value = run(object_type, item, item_path, steps)
                    if value.__class__ is not dict:
                        value = self._await_item(value, item_type, details, item_path)
                        awaitable_indices.append(index)
                except Exception as raw_error:
                    self.handle_field_error(raw_error, item_type, details, item_path)
                    value = None
                completed.append(value)
        except Exception:
            if awaitable_indices:
                self.settle_in_background([completed[i] for i in awaitable_indices])
            raise
        if not awaitable_indices:
            return completed

        async def get_completed() -> list[Any]:
            awaited = await gather_with_cancel(*(completed[i] for i in awaitable_indices))
            for index, value in zip(awaitable_indices, awaited, strict=True):
                completed[index] = value
            return completed

        return get_completed()

    async def _await_item(
        self, value: Awaitable[Any], item_type: GraphQLOutputType, details: Any, item_path: Path
    ) -> Any:
        try:
            return await value
        except Exception as raw_error:
            self.handle_field_error(raw_error, item_type, details, item_path)
            return None
