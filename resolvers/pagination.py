"""Keyset pagination: a page starts after the last row of the previous one, by value.

A connection lists the rows of an ordered QuerySet. Its cursor names a row by the values of the
ordering's keys, the primary key last (the tie-breaker that makes every position unique), and
the next page is ``WHERE (k1, ..., id) > (v1, ..., i)`` in the ordering's own directions. Rows
inserted or deleted between two page requests therefore shift nothing: a page never repeats a
row of the previous one, and never skips one that was there all along (OFFSET does both).

Tortoise has no row-value comparison, so the condition is expanded
(``k1 > v1 OR (k1 = v1 AND (k2 > v2 OR (k2 = v2 AND id > i))))``), mirrored for descending
keys, and NULL-safe for a nullable key: SQLite sorts NULL before every value, PostgreSQL after
every value, and the expansion follows the database the query runs on.

A cursor is opaque to clients: base64url (unpadded) of a small JSON array
``[version, shape, value, ..., id]``. ``shape`` fingerprints the model and the ordering, so a
cursor of another connection, or of an ordering since changed, is refused (``BadCursor``); so
is anything that does not decode to values of the keys' types and ranges. A well-formed cursor
only names a position: the rows a page shows are still those the viewer may see.
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum
from functools import lru_cache
from typing import Any

from pypika_tortoise.enums import Order
from tortoise import fields
from tortoise.expressions import Q
from tortoise.queryset import QuerySet

CURSOR_VERSION = 1
MAX_CURSOR_LENGTH = 2_000
MAX_TEXT = 1_000
_INT64 = 2**63 - 1


def _q(name: str, value: Any) -> Q:
    filters: dict[str, Any] = {name: value}
    return Q(**filters)


class BadCursor(ValueError):
    """A cursor that this connection did not hand out (forged, malformed, of another
    connection, or of an earlier shape)."""


_JSON = json.JSONEncoder(separators=(",", ":"), ensure_ascii=True)  # one, not one per call


def encode_payload(payload: list[Any]) -> str:
    text = _JSON.encode(payload)
    return base64.urlsafe_b64encode(text.encode("ascii")).rstrip(b"=").decode("ascii")


def decode_payload(cursor: str) -> list[Any]:
    """The JSON array inside ``cursor``; ``BadCursor`` unless it is one of version 1."""
    if not cursor or len(cursor) > MAX_CURSOR_LENGTH or not cursor.isascii():
        raise BadCursor(cursor)
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        payload = json.loads(raw.decode("ascii"))
    except (binascii.Error, ValueError, UnicodeError, RecursionError) as exc:
        raise BadCursor(cursor) from exc
    if not isinstance(payload, list) or len(payload) < 2 or payload[0] != CURSOR_VERSION:
        raise BadCursor(cursor)
    if type(payload[0]) is not int:
        raise BadCursor(cursor)
    return payload


def shape_of(name: str) -> str:
    """A short fingerprint of a cursor's kind (a model and its ordering, or a computed result)."""
    return format(zlib.crc32(name.encode()), "08x")


@dataclass(frozen=True, slots=True)
class Key:
    """One ordering key: the filter name, its direction and how its values travel in JSON."""

    name: str
    descending: bool
    nullable: bool
    field: fields.Field[Any]

    def dump(self, value: Any) -> Any:
        if value is None or isinstance(value, bool | int | str):
            return value
        if isinstance(value, Enum):
            return value.value
        if isinstance(value, datetime | date):
            return value.isoformat()
        if isinstance(value, Decimal):
            return str(value)
        raise TypeError(f"cannot put a {type(value).__name__} in a cursor")

    def load(self, value: Any) -> Any:
        """The key's value from a cursor's JSON value, checked; ``BadCursor`` when it is not
        one the column could hold."""
        if value is None:
            if self.nullable:
                return None
            raise BadCursor(self.name)
        field = self.field
        enum_type = getattr(field, "enum_type", None)
        if enum_type is not None:
            try:
                return enum_type(value)
            except (ValueError, TypeError) as exc:
                raise BadCursor(self.name) from exc
        if isinstance(field, fields.BooleanField):
            if isinstance(value, bool):
                return value
        elif isinstance(field, fields.DatetimeField):
            if isinstance(value, str) and len(value) <= 40:
                try:
                    moment = datetime.fromisoformat(value)
                except ValueError as exc:
                    raise BadCursor(self.name) from exc
                if moment.tzinfo is not None:
                    return moment
        elif isinstance(field, fields.DateField):
            if isinstance(value, str) and len(value) == 10:
                try:
                    return date.fromisoformat(value)
                except ValueError as exc:
                    raise BadCursor(self.name) from exc
        elif isinstance(field, fields.DecimalField):
            if isinstance(value, str) and len(value) <= 60:
                try:
                    number = Decimal(value)
                except InvalidOperation as exc:
                    raise BadCursor(self.name) from exc
                if number.is_finite():
                    return number
        elif isinstance(field, fields.IntField | fields.BigIntField | fields.SmallIntField):
            constraints = getattr(field, "constraints", {}) or {}
            low, high = constraints.get("ge", -_INT64), constraints.get("le", _INT64)
            if type(value) is int and low <= value <= high:
                return value
        elif isinstance(field, fields.CharField | fields.TextField):
            limit = getattr(field, "max_length", None) or MAX_TEXT
            if isinstance(value, str) and len(value) <= limit and "\x00" not in value:
                return value
        else:
            raise TypeError(f"cannot order a keyset by {type(field).__name__}")
        raise BadCursor(self.name)

    def after(self, value: Any, nulls_large: bool) -> Q | None:
        """Rows whose key comes strictly after ``value`` in this key's direction (None: none)."""
        # ascending: the next rows are larger; descending: smaller. NULL is the smallest value
        # on SQLite and the largest on PostgreSQL.
        larger = not self.descending
        if value is None:
            if self.nullable and nulls_large != larger:
                return _q(f"{self.name}__isnull", False)
            return None
        condition = _q(f"{self.name}__{'gt' if larger else 'lt'}", value)
        if self.nullable and nulls_large == larger:
            condition |= _q(f"{self.name}__isnull", True)
        return condition

    def equal(self, value: Any) -> Q:
        if value is None:
            return _q(f"{self.name}__isnull", True)
        return _q(self.name, value)


@dataclass(frozen=True, slots=True)
class Keyset:
    """The keys of an ordered QuerySet, primary key last, and the cursors over them."""

    shape: str
    keys: tuple[Key, ...]
    nulls_large: bool

    def values(self, row: Any) -> tuple[Any, ...]:
        return tuple(getattr(row, key.name) for key in self.keys)

    def cursor(self, row: Any) -> str:
        payload: list[Any] = [CURSOR_VERSION, self.shape]
        payload.extend(key.dump(getattr(row, key.name)) for key in self.keys)
        return encode_payload(payload)

    def decode(self, cursor: str) -> tuple[Any, ...]:
        """The key values ``cursor`` names; ``BadCursor`` unless this keyset encoded it."""
        payload = decode_payload(cursor)
        if payload[1] != self.shape or len(payload) != 2 + len(self.keys):
            raise BadCursor(cursor)
        return tuple(key.load(value) for key, value in zip(self.keys, payload[2:], strict=True))

    def after(self, values: Sequence[Any]) -> Q:
        """``(k1, ..., id) > (v1, ..., i)`` in the keys' directions, expanded for Tortoise."""
        condition: Q | None = None
        for key, value in reversed(list(zip(self.keys, values, strict=True))):
            strictly = key.after(value, self.nulls_large)
            if condition is not None:
                tie = key.equal(value) & condition
                condition = tie if strictly is None else strictly | tie
            else:
                condition = strictly
        if condition is None:  # only the primary key can be last, and it is never null
            raise BadCursor("no row can follow")
        first, value = self.keys[0], values[0]
        if len(self.keys) > 1 and value is not None and not first.nullable:
            # a range on the leading key too, so an index on it can bound the scan
            bound = "lte" if first.descending else "gte"
            condition = _q(f"{first.name}__{bound}", value) & condition
        return condition


@lru_cache(maxsize=256)
def _keyset(model: type[Any], orderings: tuple[tuple[str, bool], ...], dialect: str) -> Keyset:
    meta = model._meta
    keys = []
    for name, descending in orderings:
        field = meta.fields_map.get(name)
        if field is None or "__" in name or isinstance(field, fields.relational.RelationalField):
            raise TypeError(f"{model.__name__} cannot be paged by keyset on {name!r}")
        keys.append(Key(name, descending, bool(field.null) and not field.pk, field))
    spec = ",".join(("-" if descending else "") + name for name, descending in orderings)
    return Keyset(
        shape=shape_of(f"{model.__name__}:{spec}"),
        keys=tuple(keys),
        nulls_large=dialect == "postgres",
    )


def keyset_of(query: QuerySet[Any]) -> tuple[Keyset, QuerySet[Any]]:
    """The keyset of ``query``'s ordering and the query ordered by it: the primary key is
    appended as the last key when the ordering does not end with it."""
    model: Any = query.model
    pk = model._meta.pk_attr
    orderings = tuple((name, order == Order.desc) for name, order in query._orderings)
    if not orderings or orderings[-1][0] != pk:
        orderings = (*orderings, (pk, False))
        query = query.order_by(*(("-" if d else "") + n for n, d in orderings))
    dialect = model._meta.db.capabilities.dialect
    return _keyset(model, orderings, dialect), query
