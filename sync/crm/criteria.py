"""Search criteria: building ``(Field:operator:value)`` strings and exact post-filtering.

Zoho wants ``(``, ``)``, ``,`` and ``\\`` inside values escaped with a backslash; URL encoding
(``+`` and ``:`` in date-times) is left to httpx, which percent-encodes query values. In search,
``equals`` on text behaves like "contains" (``Company:equals:ABC`` matches "ABC Inc"), so
:func:`matches` re-checks each result with exact semantics and the client drops false positives.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

Operator = Literal[
    "equals",
    "not_equal",
    "starts_with",
    "in",
    "greater_than",
    "greater_equal",
    "less_than",
    "less_equal",
    "between",
]

Scalar = str | int | float | bool | Decimal | date | datetime

_ESCAPED = str.maketrans({"\\": "\\\\", "(": "\\(", ")": "\\)", ",": "\\,"})


def escape_value(value: Scalar) -> str:
    """Render one value the way the search API expects it inside a criterion."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, datetime):
        text = value.isoformat(timespec="seconds")
    elif isinstance(value, date):
        text = value.isoformat()
    else:
        text = str(value)
    return text.translate(_ESCAPED)


@dataclass(frozen=True, slots=True)
class Criterion:
    field: str
    operator: Operator
    value: Scalar | Sequence[Scalar]

    def render(self) -> str:
        if self.operator in ("in", "between"):
            if isinstance(self.value, str) or not isinstance(self.value, Sequence):
                raise ValueError(f"{self.operator} needs a sequence of values")
            rendered = ",".join(escape_value(v) for v in self.value)
        else:
            if not isinstance(self.value, Scalar):
                raise ValueError(f"{self.operator} needs a single value")
            rendered = escape_value(self.value)
        return f"({self.field}:{self.operator}:{rendered})"

    def leaves(self) -> list[Criterion]:
        return [self]


@dataclass(frozen=True, slots=True)
class Group:
    operator: Literal["and", "or"]
    items: tuple[Criteria, ...]

    def render(self) -> str:
        if len(self.items) == 1:
            return self.items[0].render()
        return "(" + self.operator.join(item.render() for item in self.items) + ")"

    def leaves(self) -> list[Criterion]:
        return [leaf for item in self.items for leaf in item.leaves()]


Criteria = Criterion | Group

MAX_CRITERIA = 10


def all_of(*items: Criteria) -> Group:
    return Group("and", items)


def any_of(*items: Criteria) -> Group:
    return Group("or", items)


def render(criteria: Criteria) -> str:
    """The ``criteria`` query value; Zoho accepts at most 10 criteria in one search."""
    if len(criteria.leaves()) > MAX_CRITERIA:
        raise ValueError(f"Zoho search accepts at most {MAX_CRITERIA} criteria")
    return criteria.render()


def _field_texts(value: Any) -> list[str]:
    """Comparable texts of a record value: lookups match on name or id, lists on any item."""
    if value is None:
        return []
    if isinstance(value, Mapping):
        return [str(v) for k in ("name", "id", "email") if (v := value.get(k)) is not None]
    if isinstance(value, list):
        return [t for item in value for t in _field_texts(item)]
    if isinstance(value, bool):
        return ["true" if value else "false"]
    return [str(value)]


def _plain(value: Scalar) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _leaf_matches(record: Mapping[str, Any], leaf: Criterion) -> bool:
    texts = _field_texts(record.get(leaf.field))
    if leaf.operator == "equals":
        return isinstance(leaf.value, Scalar) and any(_equal(t, leaf.value) for t in texts)
    if leaf.operator == "not_equal":
        return isinstance(leaf.value, Scalar) and not any(_equal(t, leaf.value) for t in texts)
    if leaf.operator == "in" and isinstance(leaf.value, Sequence):
        options = [v for v in leaf.value if isinstance(v, Scalar)]
        return any(_equal(t, v) for t in texts for v in options)
    if leaf.operator == "starts_with" and isinstance(leaf.value, Scalar):
        prefix = _plain(leaf.value).casefold()
        return any(t.casefold().startswith(prefix) for t in texts)
    return True  # comparisons: trust the CRM


def _equal(text: str, expected: Scalar) -> bool:
    if isinstance(expected, int | float | Decimal) and not isinstance(expected, bool):
        try:
            return Decimal(text) == Decimal(str(expected))
        except ArithmeticError:
            return False
    if isinstance(expected, datetime):
        try:
            return datetime.fromisoformat(text) == expected
        except ValueError:
            return False
    return text.casefold() == _plain(expected).casefold()


def matches(record: Mapping[str, Any], criteria: Criteria) -> bool:
    """Exact re-check of a search hit: ``equals`` means equal (case-insensitive), not contains.

    Operators the CRM evaluates faithfully (comparisons, ``between``) are trusted.
    """
    if isinstance(criteria, Criterion):
        return _leaf_matches(record, criteria)
    results = (matches(record, item) for item in criteria.items)
    return all(results) if criteria.operator == "and" else any(results)
