"""One boundary rule for text: every string a request carries is checked once, before validation.

Refused anywhere in a string (variables and literals alike, whatever the argument):

* NUL, which PostgreSQL cannot store in text (SQLite can: without this rule the two databases
  would disagree);
* lone surrogates (U+D800 to U+DFFF), which no UTF-8 database, file or JSON encoder accepts;
* the other control characters (C0 and C1, DEL) except tab, line feed and carriage return;
* the bidirectional embedding, override and isolate characters (U+202A to U+202E,
  U+2066 to U+2069), which make a name display as something other than what it is.

Names are single-line on top of that: the resolvers collapse their whitespace
(``resolvers.validation.clean_text``).

A refused string is a top-level error with ``extensions.code = "INVALID"`` and
``extensions.field``: the path of the value (argument or variable name, then input fields and
list positions), e.g. ``input.merchant``. Nothing runs.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from graphql import (
    ArgumentNode,
    DirectiveNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    GraphQLError,
    InlineFragmentNode,
    ListValueNode,
    ObjectValueNode,
    OperationDefinitionNode,
    StringValueNode,
    ValueNode,
)
from strawberry.extensions import SchemaExtension

from resolvers.validation import UNSAFE_CHARACTERS

INVALID = "INVALID"
_REFUSED = UNSAFE_CHARACTERS
_NAMES = {
    "\x00": "a NUL character",
    "\u202a": "a bidirectional embedding character",
    "\u202b": "a bidirectional embedding character",
    "\u202c": "a bidirectional formatting character",
    "\u202d": "a bidirectional override character",
    "\u202e": "a bidirectional override character",
}
# Deeper than any input type of the schema, and more values than any input takes (100
# expenses of a bulk create are about 2,000); the walk stops at either bound.
MAX_VALUE_DEPTH = 32
MAX_VARIABLE_VALUES = 10_000


def text_problem(value: str) -> str | None:
    """Why ``value`` cannot be accepted as text, or None."""
    found = _REFUSED.search(value)
    if found is None:
        return None
    char = found.group()
    if char in _NAMES:
        what = _NAMES[char]
    elif "\ud800" <= char <= "\udfff":
        what = "an unpaired surrogate"
    elif "\u2066" <= char <= "\u2069":
        what = "a bidirectional isolate character"
    else:
        what = "a control character"
    return f"The text contains {what} (U+{ord(char):04X}), which is not accepted."


class _Refused(Exception):
    def __init__(self, path: str, reason: str) -> None:
        super().__init__(reason)
        self.path, self.reason = path, reason


class _Variables:
    """Walks the values of the variables the document declares (GraphQL ignores the others),
    at most ``MAX_VARIABLE_VALUES`` values and ``MAX_VALUE_DEPTH`` levels: the walk, and the
    coercion that follows it, stay short whatever a client sends."""

    def __init__(self) -> None:
        self.left = MAX_VARIABLE_VALUES

    def check(self, value: object, path: str, depth: int = 0) -> None:
        self.left -= 1
        if self.left < 0:
            raise _Refused(path, f"The variables hold more than {MAX_VARIABLE_VALUES} values.")
        if depth > MAX_VALUE_DEPTH:
            raise _Refused(path, f"The value is nested deeper than {MAX_VALUE_DEPTH} levels.")
        if isinstance(value, str):
            problem = text_problem(value)
            if problem is not None:
                raise _Refused(path, problem)
        elif isinstance(value, Mapping):
            for key, item in value.items():
                self.check(key, path, depth + 1)
                self.check(item, f"{path}.{key}", depth + 1)
        elif isinstance(value, Sequence) and not isinstance(value, bytes | bytearray):
            for index, item in enumerate(value):
                self.check(item, f"{path}.{index}", depth + 1)


def _literal_strings(node: ValueNode, path: str) -> Iterator[tuple[str, str]]:
    """The strings of a literal (its nesting is bounded by the parser)."""
    if isinstance(node, StringValueNode):
        yield path, node.value
    elif isinstance(node, ObjectValueNode):
        for field in node.fields:
            yield from _literal_strings(field.value, f"{path}.{field.name.value}")
    elif isinstance(node, ListValueNode):
        for index, item in enumerate(node.values):
            yield from _literal_strings(item, f"{path}.{index}")


def _arguments(document: DocumentNode) -> Iterator[ArgumentNode]:
    """Every argument of every field and directive, operations and fragments alike."""
    stack: list[
        OperationDefinitionNode | FragmentDefinitionNode | FieldNode | InlineFragmentNode
    ] = [
        node
        for node in document.definitions
        if isinstance(node, OperationDefinitionNode | FragmentDefinitionNode)
    ]
    while stack:
        node = stack.pop()
        directives: tuple[DirectiveNode, ...] = tuple(node.directives or ())
        if isinstance(node, FieldNode):
            yield from node.arguments or ()
        for directive in directives:
            yield from directive.arguments or ()
        if node.selection_set is not None:
            for selection in node.selection_set.selections:
                if isinstance(selection, FieldNode | InlineFragmentNode):
                    stack.append(selection)
                else:
                    for directive in selection.directives or ():
                        yield from directive.arguments or ()


def refused_text(
    document: DocumentNode, variables: Mapping[str, object] | None
) -> tuple[str, str] | None:
    """The path and the reason of the first value of the request that is refused, or None."""
    literals: list[Iterator[tuple[str, str]]] = [
        _literal_strings(argument.value, argument.name.value) for argument in _arguments(document)
    ]
    declared: set[str] = set()
    for node in document.definitions:
        if isinstance(node, OperationDefinitionNode):
            for definition in node.variable_definitions or ():
                name = definition.variable.name.value
                declared.add(name)
                if definition.default_value is not None:
                    literals.append(_literal_strings(definition.default_value, name))
    for strings in literals:
        for path, value in strings:
            problem = text_problem(value)
            if problem is not None:
                return path, problem
    walk = _Variables()
    try:
        for name, given in (variables or {}).items():
            if name in declared:
                walk.check(given, name)
    except _Refused as refused:
        return refused.path, refused.reason
    return None


class TextBoundary(SchemaExtension):
    """Refuses a request whose strings break the text rule, before validation and execution."""

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if context.graphql_document is not None and context.pre_execution_errors is None:
            refused = refused_text(context.graphql_document, context.variables)
            if refused is not None:
                path, problem = refused
                context.pre_execution_errors = [
                    GraphQLError(f"{path}: {problem}", extensions={"code": INVALID, "field": path})
                ]
        yield
