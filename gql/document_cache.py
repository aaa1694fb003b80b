"""Parse and validate a repeated document once, not on every request.

Widgets and pages send the same few documents over and over; parsing and validating one costs
more than executing a small query. ``DocumentCache`` keeps the parsed document of the most
recent query texts, and remembers which of them passed validation, so the next request with
the same text skips both steps.

Strawberry's own ``ParserCache`` and ``ValidationCache`` are not used: ``ValidationCache``
overwrites the errors that the extensions before it set in their ``on_validate`` (the cost
limit, the text boundary, the introspection policy), so a document those extensions refuse
would be validated anyway; and a parse error raised inside ``ParserCache``'s hook escapes
Strawberry's handling of parse errors. Here:

* only documents that parsed are kept; a text that does not parse is parsed (and refused) by
  Strawberry as before;
* only documents that validated with no error are remembered, so an invalid document is
  validated, and refused with its messages, on every request;
* a document is never marked valid while an earlier extension has already refused it for this
  request, and a refusal by those extensions (which run before this one, every time) stands.

The validation rules are the same for every request (the schema's extensions add the same
rules each time), so a text that validated once validates again.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

from graphql import DocumentNode, parse
from strawberry.extensions import SchemaExtension

MAX_DOCUMENTS = 256

_Key = tuple[str, tuple[tuple[str, Any], ...]]


class _Lru:
    """A small LRU map (documents by text), bounded by ``MAX_DOCUMENTS``."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: OrderedDict[_Key, DocumentNode] = OrderedDict()

    def get(self, key: _Key) -> DocumentNode | None:
        found = self.items.get(key)
        if found is not None:
            self.items.move_to_end(key)
        return found

    def put(self, key: _Key, document: DocumentNode) -> None:
        self.items[key] = document
        self.items.move_to_end(key)
        while len(self.items) > self.size:
            self.items.popitem(last=False)


_parsed = _Lru(MAX_DOCUMENTS)
# documents (the very objects in ``_parsed``) that passed validation, by identity
_valid: OrderedDict[int, DocumentNode] = OrderedDict()


def clear() -> None:
    """Forget every document (tests)."""
    _parsed.items.clear()
    _valid.clear()


class DocumentCache(SchemaExtension):
    """List it after every extension whose ``on_validate`` may refuse a document."""

    def _key(self) -> _Key | None:
        context = self.execution_context
        if not context.query:
            return None
        return context.query, tuple(sorted(context.parse_options.items()))

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        key = self._key()
        if key is not None and context.graphql_document is None:
            document = _parsed.get(key)
            if document is None:
                try:
                    document = parse(context.query or "", **context.parse_options)
                except Exception:
                    document = None
                else:
                    _parsed.put(key, document)
            context.graphql_document = document
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        cached = document is not None and _valid.get(id(document)) is document
        if cached and context.pre_execution_errors is None:
            context.pre_execution_errors = []  # validated before: Strawberry skips validation
            yield
            return
        refused_before = context.pre_execution_errors is not None
        yield
        if (
            document is not None
            and not refused_before
            and context.pre_execution_errors == []
            and self._key() is not None
            and _parsed.get(self._key()) is document  # type: ignore[arg-type]
        ):
            _valid[id(document)] = document
            while len(_valid) > MAX_DOCUMENTS:
                _valid.popitem(last=False)
