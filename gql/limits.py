"""Cost limits decided before validation, in time linear in the document's size.

GraphQL validation (and the depth and alias rules among it) walks every fragment spread as if
the fragment were written out in its place. A small document whose fragments each spread the
next one twice doubles that walk per level: thirty levels are a billion fields, and the event
loop stops for as long as the walk takes. So before any validation rule runs, this extension
measures the document the cheap way:

* its **expanded size**: every field and every fragment spread it would have with each
  fragment written out in place, counted once per fragment (memoised), so the count itself
  costs one pass over the document however large the expansion is;
* its **fragment spreads** as written.

A document over either limit is refused with ``QUERY_TOO_COMPLEX`` and validation never runs.
Every document that passes has an expansion of at most ``MAX_EXPANDED_SELECTIONS``, which bounds
what each validation rule can walk.
"""

from __future__ import annotations

from collections.abc import Iterator

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)
from strawberry.extensions import SchemaExtension

QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX"
# Ids in one list argument: a longer list is refused by the resolver (see gql.ids.pks).
MAX_LIST_INPUT = 100
MAX_EXPANDED_SELECTIONS = 1000
MAX_FRAGMENT_SPREADS = 100
MAX_SAME_RESPONSE_NAME = 10
# Deeper nesting (through fragments included) than any valid document can have: the depth
# rule allows 10 levels. It also keeps the walk's recursion far from Python's limit.
_MAX_NESTING = 64


class _TooComplex(Exception):
    pass


class _Measure:
    """Passes over a document; every one costs time linear in the document's size."""

    def __init__(self, document: DocumentNode) -> None:
        self.document = document
        self.fragments = {
            node.name.value: node
            for node in document.definitions
            if isinstance(node, FragmentDefinitionNode)
        }
        self.expanded: dict[str, int] = {}
        self.in_progress: set[str] = set()

    def definitions(self) -> list[OperationDefinitionNode | FragmentDefinitionNode]:
        return [
            node
            for node in self.document.definitions
            if isinstance(node, OperationDefinitionNode | FragmentDefinitionNode)
        ]

    def expanded_size(self) -> int:
        """Fields and spreads of every definition with each fragment written out where it is
        spread (the size validation walks), each fragment measured once."""
        total = 0
        for node in self.definitions():
            if isinstance(node, OperationDefinitionNode):
                total += self._size(node.selection_set, 1)
            else:
                total += self._fragment_size(node.name.value, 1)
            if total > MAX_EXPANDED_SELECTIONS:
                raise _TooComplex
        return total

    def _fragment_size(self, name: str, nesting: int) -> int:
        known = self.expanded.get(name)
        if known is not None:
            return known
        definition = self.fragments.get(name)
        if definition is None or name in self.in_progress:
            return 0  # an unknown fragment or a cycle: validation reports both
        self.in_progress.add(name)
        size = self._size(definition.selection_set, nesting + 1)
        self.in_progress.discard(name)
        self.expanded[name] = size
        return size

    def _size(self, selection_set: SelectionSetNode | None, nesting: int) -> int:
        if selection_set is None:
            return 0
        if nesting > _MAX_NESTING:
            raise _TooComplex
        size = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                size += 1 + self._size(selection.selection_set, nesting + 1)
            elif isinstance(selection, InlineFragmentNode):
                size += self._size(selection.selection_set, nesting + 1)
            elif isinstance(selection, FragmentSpreadNode):
                size += 1 + self._fragment_size(selection.name.value, nesting)
            if size > MAX_EXPANDED_SELECTIONS:
                raise _TooComplex
        return size

    def check_merged_fields(self) -> None:
        """Validation compares every pair of fields that end up at one response path (fields of
        one name, from fragments and from every occurrence of their parent): at most
        ``MAX_SAME_RESPONSE_NAME`` fields per path. Only run once the expanded size is bounded:
        this walk visits every expanded field once."""
        for node in self.definitions():
            self._merged([(node.selection_set, frozenset())])

    def _merged(self, selection_sets: list[tuple[SelectionSetNode, frozenset[str]]]) -> None:
        by_name: dict[str, list[tuple[FieldNode, frozenset[str]]]] = {}
        for field, path in self._flatten(selection_sets):
            by_name.setdefault((field.alias or field.name).value, []).append((field, path))
        for fields in by_name.values():
            if len(fields) > MAX_SAME_RESPONSE_NAME:
                raise _TooComplex
        for fields in by_name.values():
            children = [(f.selection_set, path) for f, path in fields if f.selection_set]
            if children:
                self._merged(children)

    def _flatten(
        self, selection_sets: list[tuple[SelectionSetNode, frozenset[str]]]
    ) -> Iterator[tuple[FieldNode, frozenset[str]]]:
        """The fields of ``selection_sets`` with inline fragments and spreads written out, each
        with the fragments it came through (a spread of one of those is a cycle: skipped)."""
        stack = list(reversed(selection_sets))
        while stack:
            selection_set, path = stack.pop()
            for selection in selection_set.selections:
                if isinstance(selection, FieldNode):
                    yield selection, path
                elif isinstance(selection, InlineFragmentNode):
                    stack.append((selection.selection_set, path))
                elif isinstance(selection, FragmentSpreadNode):
                    name = selection.name.value
                    fragment = self.fragments.get(name)
                    if fragment is not None and name not in path:
                        stack.append((fragment.selection_set, path | {name}))


def _spreads(document: DocumentNode) -> Iterator[FragmentSpreadNode]:
    stack: list[SelectionSetNode] = [
        node.selection_set
        for node in document.definitions
        if isinstance(node, OperationDefinitionNode | FragmentDefinitionNode)
    ]
    while stack:
        for selection in stack.pop().selections:
            if isinstance(selection, FragmentSpreadNode):
                yield selection
            elif isinstance(selection, FieldNode | InlineFragmentNode) and selection.selection_set:
                stack.append(selection.selection_set)


def document_problem(document: DocumentNode) -> str | None:
    """Why ``document`` is too costly to validate, or None. Linear in its size."""
    spreads = sum(1 for _ in _spreads(document))
    if spreads > MAX_FRAGMENT_SPREADS:
        return f"The document has {spreads} fragment spreads; at most {MAX_FRAGMENT_SPREADS}."
    measure = _Measure(document)
    try:
        measure.expanded_size()
        measure.check_merged_fields()
    except _TooComplex:
        return (
            "The document is too complex: with its fragments written out it has more than "
            f"{MAX_EXPANDED_SELECTIONS} fields, more than {MAX_SAME_RESPONSE_NAME} fields "
            "at one response path, or nesting deeper than any valid document."
        )
    return None


class CostLimiter(SchemaExtension):
    """Refuses a too costly document before any validation rule walks it."""

    def on_validate(self) -> Iterator[None]:
        document = self.execution_context.graphql_document
        if document is not None and self.execution_context.pre_execution_errors is None:
            problem = document_problem(document)
            if problem is not None:
                # validation only runs while no errors are set: this skips it entirely
                self.execution_context.pre_execution_errors = [
                    GraphQLError(problem, extensions={"code": QUERY_TOO_COMPLEX})
                ]
        yield
