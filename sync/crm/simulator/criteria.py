"""Criteria: Zoho's search syntax ``((A:equals:x)and(B:in:y\\,z,w))`` and custom-view criteria.

Both parse into the same small tree (``Cond`` leaves, ``Group`` nodes) evaluated against stored
records. Search quirks reproduced: ``equals`` on text-like fields means *contains*
(case-insensitive), values escape ``(``, ``)``, ``,`` and ``\\`` with a backslash, at most 10
conditions, operators depend on the field type and on the API version.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sync.crm.simulator.errors import ZohoError
from sync.crm.simulator.meta import FieldDef, ModuleDef

if TYPE_CHECKING:
    from sync.crm.simulator.store import CrmStore

TEXTUAL = frozenset({"text", "textarea", "email", "phone", "website"})
NUMERIC = frozenset({"integer", "bigint", "double", "currency", "percent"})
TEMPORAL = frozenset({"date", "datetime"})
MAX_CONDITIONS = 10
MAX_IN_VALUES = 100

_ORDERED = (
    "equals",
    "not_equal",
    "greater_equal",
    "greater_than",
    "less_equal",
    "less_than",
    "between",
    "in",
)
SEARCH_OPERATORS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(NUMERIC | TEMPORAL, _ORDERED),
    "boolean": ("equals", "not_equal"),
    "text": ("equals", "not_equal", "starts_with", "in"),
    "email": ("equals", "not_equal", "starts_with", "in"),
    "phone": ("equals", "not_equal", "starts_with", "in"),
    "website": ("equals", "not_equal", "starts_with", "in"),
    "textarea": ("equals", "not_equal", "starts_with"),
    "picklist": ("equals", "not_equal", "in"),
    "ownerlookup": ("equals", "not_equal", "in"),
    "userlookup": ("equals", "not_equal", "in"),
    "lookup": ("equals", "not_equal", "in"),
    "multiselectpicklist": ("equals", "not_equal", "in", "starts_with"),
}
#: v2, v2.1 and v3 know only these two; v4 added the rest (§6).
OLD_SEARCH_OPERATORS = ("equals", "starts_with")

VIEW_COMPARATORS = frozenset(
    {
        "equal",
        "not_equal",
        "in",
        "not_in",
        "starts_with",
        "ends_with",
        "contains",
        "not_contains",
        "greater_than",
        "greater_equal",
        "less_than",
        "less_equal",
        "between",
        "not_between",
    }
)


@dataclass(frozen=True)
class Cond:
    field: str
    op: str  # internal comparator, as in VIEW_COMPARATORS
    values: tuple[Any, ...]


@dataclass(frozen=True)
class Group:
    op: str  # "and" | "or"
    children: tuple[Cond | Group, ...]


Node = Cond | Group


def invalid_query(reason: str, **details: Any) -> ZohoError:
    return ZohoError(400, "INVALID_QUERY", "invalid query formed", {"reason": reason, **details})


# -- search syntax ----------------------------------------------------------------------------


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def fail(self, reason: str) -> ZohoError:
        return invalid_query(reason)

    def node(self) -> Node:
        if not self.text.startswith("(", self.pos):
            raise self.fail("criteria must start with (")
        if self.text.startswith("((", self.pos):
            self.pos += 1
            return self.group(closing=True)
        return self.leaf()

    def group(self, closing: bool) -> Node:
        children = [self.node()]
        ops: set[str] = set()
        while self.pos < len(self.text) and not self.text.startswith(")", self.pos):
            for op in ("and", "or"):
                if self.text.startswith(op, self.pos):
                    ops.add(op)
                    self.pos += len(op)
                    break
            else:
                raise self.fail("expected and/or between conditions")
            children.append(self.node())
        if closing:
            if not self.text.startswith(")", self.pos):
                raise self.fail("unbalanced parentheses")
            self.pos += 1
        if len(ops) > 1:
            raise self.fail("mix and/or only through nested groups")
        return children[0] if len(children) == 1 else Group(ops.pop(), tuple(children))

    def leaf(self) -> Cond:
        self.pos += 1  # "("
        raw: list[str] = []
        parts: list[str] = []
        while True:
            if self.pos >= len(self.text):
                raise self.fail("unterminated condition")
            char = self.text[self.pos]
            if char == "\\" and self.pos + 1 < len(self.text):
                raw.append("\\" + self.text[self.pos + 1])
                self.pos += 2
                continue
            if char == ")":
                self.pos += 1
                break
            if char == "(":
                raise self.fail("unescaped ( inside a value")
            if char == ":" and len(parts) < 2:
                parts.append("".join(raw))
                raw = []
            else:
                raw.append(char)
            self.pos += 1
        parts.append("".join(raw))
        if len(parts) != 3 or not parts[0] or not parts[1]:
            raise self.fail("a condition is (field:operator:value)")
        return Cond(parts[0], parts[1], tuple(_split_values(parts[2])))


def _split_values(raw: str) -> list[str]:
    """Split on unescaped commas and drop the escaping backslashes."""
    values: list[str] = []
    current: list[str] = []
    index = 0
    while index < len(raw):
        char = raw[index]
        if char == "\\" and index + 1 < len(raw):
            current.append(raw[index + 1])
            index += 2
            continue
        if char == ",":
            values.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    values.append("".join(current))
    return values


def parse_search(text: str, module: ModuleDef, version: float) -> Node:
    """Parse and type-check a search ``criteria`` parameter."""
    parser = _Parser(text.strip())
    tree = parser.group(closing=False)
    if parser.pos != len(parser.text):
        raise invalid_query("trailing characters after the criteria")
    leaves = list(_leaves(tree))
    if len(leaves) > MAX_CONDITIONS:
        raise ZohoError(
            400,
            "LIMIT_EXCEEDED",
            "Maximum lookup field limit in criteria exceeded",
            {"limit": MAX_CONDITIONS},
        )
    return _type_search(tree, module, version)


def _leaves(node: Node) -> list[Cond]:
    if isinstance(node, Cond):
        return [node]
    return [leaf for child in node.children for leaf in _leaves(child)]


def _type_search(node: Node, module: ModuleDef, version: float) -> Node:
    if isinstance(node, Group):
        return Group(node.op, tuple(_type_search(c, module, version) for c in node.children))
    fdef = module.by_name.get(node.field)
    if fdef is None:
        raise invalid_query("invalid field", api_name=node.field)
    allowed = SEARCH_OPERATORS.get(fdef.data_type, ("equals",))
    if version < 4:
        allowed = tuple(op for op in allowed if op in OLD_SEARCH_OPERATORS)
    if node.op not in allowed:
        raise invalid_query("invalid operator", api_name=node.field, operator=node.op)
    values = node.values
    if node.op != "in" and node.op != "between" and len(values) > 1:
        values = (",".join(values),)  # an unescaped comma outside in/between is literal
    if node.op == "in" and len(values) > MAX_IN_VALUES:
        raise invalid_query("too many values for in", api_name=node.field, operator="in")
    if node.op == "between" and len(values) != 2:
        raise invalid_query("between takes two values", api_name=node.field, operator="between")
    op = {"equals": "equal"}.get(node.op, node.op)
    if op == "equal" and fdef.data_type in TEXTUAL:
        op = "contains"  # Zoho's search: equals behaves as contains
    for value in values:
        _coerce(fdef, value)  # type errors surface as INVALID_QUERY now
    return Cond(fdef.api_name, op, tuple(values))


# -- custom-view criteria ---------------------------------------------------------------------


def parse_view(criteria: dict[str, Any]) -> Node:
    """Custom-view JSON criteria (leaf or ``group_operator`` group) into the tree."""
    if "group" in criteria:
        children = tuple(parse_view(c) for c in criteria["group"])
        return Group(str(criteria.get("group_operator", "and")).lower(), children)
    comparator = criteria["comparator"]
    if comparator not in VIEW_COMPARATORS:
        raise ValueError(f"unknown comparator {comparator}")
    value = criteria.get("value")
    values = tuple(value) if isinstance(value, list) else (value,)
    return Cond(criteria["field"]["api_name"], comparator, values)


# -- evaluation -------------------------------------------------------------------------------


def _coerce(fdef: FieldDef, value: Any) -> Any:
    if value is None or value == "${EMPTY}":
        return None
    try:
        if fdef.data_type in NUMERIC:
            return float(value)
        if fdef.data_type == "boolean":
            if isinstance(value, bool):
                return value
            if str(value).lower() not in ("true", "false"):
                raise ValueError(value)
            return str(value).lower() == "true"
        if fdef.data_type == "datetime":
            parsed = datetime.fromisoformat(str(value))
            if parsed.tzinfo is None:
                raise ValueError(value)
            return parsed
        if fdef.data_type == "date":
            return date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise invalid_query("invalid value", api_name=fdef.api_name) from exc
    return str(value).casefold()


def _candidates(fdef: FieldDef, stored: Any, store: CrmStore) -> list[Any]:
    """The comparable forms of a stored value (a lookup compares by id and by name)."""
    if stored is None:
        return [None]
    if fdef.data_type in ("ownerlookup", "userlookup"):
        user = store.users_by_id.get(stored, {})
        return [
            str(stored).casefold(),
            str(user.get("full_name", "")).casefold(),
            str(user.get("email", "")).casefold(),
        ]
    if fdef.data_type == "lookup" and fdef.lookup_module:
        target = store.get(fdef.lookup_module, stored)
        name = store.display_name(fdef.lookup_module, target) if target else ""
        return [str(stored).casefold(), name.casefold()]
    if fdef.data_type == "date":
        return [date.fromisoformat(stored)]
    if isinstance(stored, list):
        return [str(v).casefold() for v in stored]
    if fdef.data_type in NUMERIC:
        return [float(stored)]
    if isinstance(stored, str):
        return [stored.casefold()]
    return [stored]


def _compare(op: str, have: Any, want: list[Any]) -> bool:
    first = want[0] if want else None
    if op in ("equal", "in"):
        return any(have == w for w in want)
    if op in ("not_equal", "not_in"):
        return all(have != w for w in want)
    if have is None or first is None:
        return False
    if op == "contains":
        return str(first) in str(have)
    if op == "not_contains":
        return str(first) not in str(have)
    if op == "starts_with":
        return str(have).startswith(str(first))
    if op == "ends_with":
        return str(have).endswith(str(first))
    try:
        if op == "greater_than":
            return bool(have > first)
        if op == "greater_equal":
            return bool(have >= first)
        if op == "less_than":
            return bool(have < first)
        if op == "less_equal":
            return bool(have <= first)
        if op in ("between", "not_between"):
            inside = bool(want[0] <= have <= want[-1])
            return inside if op == "between" else not inside
    except TypeError:
        return False
    return False


_ORDER_OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    "greater_than": operator.gt,
    "greater_equal": operator.ge,
    "less_than": operator.lt,
    "less_equal": operator.le,
}


def matcher(node: Node, module: ModuleDef, store: CrmStore) -> Callable[[dict[str, Any]], bool]:
    """``node`` as a predicate over stored records. The wanted values of each condition are
    coerced once here, not once per record (a filter over a module evaluates it per record)."""
    if isinstance(node, Group):
        children = [matcher(c, module, store) for c in node.children]
        if node.op == "and":
            return lambda record: all(child(record) for child in children)
        return lambda record: any(child(record) for child in children)
    fdef = module.by_name.get(node.field)
    if fdef is None:
        return lambda record: False
    want: list[Any] = []
    for value in node.values:
        if value == "${CURRENTUSER}":
            value = store.api_user["id"]
        if isinstance(value, dict):
            value = value.get("id") or value.get("name")
        want.append(_coerce(fdef, value))
    op, name = node.op, fdef.api_name
    compare = _ORDER_OPERATORS.get(op)
    if fdef.data_type == "datetime" and compare is not None and want[0] is not None:
        # stored times are aware datetimes: the general path below reduces to this (the
        # Modified_Time windows of a sync count records this way, thousands at a time)
        bound = want[0]
        return lambda record: (t := record.get(name)) is not None and compare(t, bound)
    negative = op in ("not_equal", "not_in", "not_contains", "not_between")

    def matches(record: dict[str, Any]) -> bool:
        stored = record.get(name)
        if name == "Full_Name":
            parts = (record.get("First_Name"), record.get("Last_Name"))
            stored = " ".join(str(p) for p in parts if p)
        results = [_compare(op, have, want) for have in _candidates(fdef, stored, store)]
        return all(results) if negative else any(results)

    return matches


def keep_matching(
    node: Node, records: list[dict[str, Any]], module: ModuleDef, store: CrmStore
) -> list[dict[str, Any]]:
    """The records ``node`` accepts, in their order."""
    accepts = matcher(node, module, store)
    return [record for record in records if accepts(record)]
