"""Many rows written with one prepared statement (``executemany``), from plain values.

The sync writes pages of 200 records; building a Tortoise model object per record cost more
than the SQL itself. These helpers take dictionaries keyed by model field names, convert each
value with the field's own ``to_db_value`` (so stored values are exactly what the ORM would
store), and run one INSERT or UPDATE statement for the whole batch inside the caller's
transaction. ``created_at``/``updated_at`` are filled here, as the ORM would.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from enum import Enum
from functools import cache
from operator import itemgetter
from typing import Any

from tortoise import fields, timezone
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.backends.base.executor import BaseExecutor
from tortoise.fields.data import CharEnumFieldInstance
from tortoise.models import Model

Converter = Callable[[Any], Any]


def _executor(conn: BaseDBAsyncClient, model: type[Model]) -> BaseExecutor:
    return conn.executor_class(model=model, db=conn)


# Fields whose Python values the drivers take as they are (the sync's mapping already bounds
# text lengths): converting them through the ORM cost more than the INSERT.
_PLAIN = (fields.CharField, fields.TextField, fields.IntField, fields.BigIntField,
          fields.BooleanField, fields.DateField)  # fmt: skip


def _unchanged(value: Any) -> Any:
    return value


def _in_utc(value: Any) -> Any:
    """Aware datetimes in UTC; a naive one is taken as UTC already, as the ORM takes it."""
    if not isinstance(value, datetime):
        return value
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _enum_value(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


@cache
def _column(model: type[Model], name: str) -> tuple[str, Converter]:
    """The column and the converter of one field (``customer_id`` for a relation)."""
    field = model._meta.fields_map[name]
    column = field.source_field or name
    if isinstance(field, fields.DatetimeField):
        # aware datetimes (the CRM's carry its offset) are stored in UTC, as the ORM stores
        # them: SQLite compares the text, so one offset for every row keeps ORDER BY and range
        # filters right
        return column, _in_utc
    if type(field) in _PLAIN:
        return column, _unchanged
    if isinstance(field, CharEnumFieldInstance):
        return column, _enum_value

    def convert(value: Any) -> Any:
        return field.to_db_value(value, model)

    return column, convert


def _stamped(model: type[Model], names: Sequence[str], *, created: bool) -> list[str]:
    """The row's own fields, then the timestamps the ORM would fill (always last)."""
    fields = model._meta.fields_map
    stamps = ("created_at", "updated_at") if created else ("updated_at",)
    return [*(n for n in names if n not in stamps), *(n for n in stamps if n in fields)]


def _values(
    rows: Sequence[Mapping[str, Any]],
    names: Sequence[str],
    columns: Sequence[tuple[str, Converter]],
) -> list[list[Any]]:
    now = timezone.now()
    stamps = {"created_at": now, "updated_at": now}
    given = [name for name in names if name not in stamps]
    # the row's values in column order in one C call, then the few that need converting
    take = itemgetter(*given) if given else (lambda row: ())
    converted = [
        (position, convert)
        for position, (name, (_, convert)) in enumerate(zip(names, columns, strict=True))
        if name not in stamps and convert is not _unchanged
    ]
    tail = [stamps[name] for name in names if name in stamps]  # stamps come last (_stamped)
    out = []
    for row in rows:
        taken = take(row)
        values = [*taken, *tail] if len(given) != 1 else [taken, *tail]
        for position, convert in converted:
            values[position] = convert(values[position])
        out.append(values)
    return out


# SQLite's driver runs a statement in its own thread and gives up the GIL around each step: an
# ``executemany`` steps once per row and must take the GIL back before binding the next row.
# While the event loop's thread is busy (decoding and mapping the next pages), each take-back
# can wait a whole switch interval (5 ms): 200 rows measured 1.5 s instead of 6 ms. So rows go
# in as ONE statement with many VALUES rows (one step), below both databases' parameter limits
# (SQLite 32,766, PostgreSQL 32,767).
MAX_PARAMETERS = 30_000
# PostgreSQL numbers its placeholders, so every row count has its own statement text. Only
# the NUMBERED_INSERTS_KEPT most recently used are kept: a miss costs a few milliseconds, and
# the cache stays within a few megabytes.
_NUMBERED_INSERTS: OrderedDict[tuple[Any, ...], str] = OrderedDict()
NUMBERED_INSERTS_KEPT = 64
_ONE_ROW_INSERTS: dict[tuple[Any, ...], tuple[str, str]] = {}


def _one_row_insert(
    conn: BaseDBAsyncClient, model: type[Model], columns: tuple[str, ...]
) -> tuple[str, str]:
    """(``INSERT INTO table (columns)``, ``(?,…)``) of a one-row insert, built once per shape."""
    shape = (conn.capabilities.dialect, model, columns)
    parts = _ONE_ROW_INSERTS.get(shape)
    if parts is None:
        executor = _executor(conn, model)
        sql = (
            conn.query_class.into(model._meta.basetable).columns(*columns)
            .insert(*(executor.parameter(i) for i in range(len(columns)))).get_sql()
        )  # fmt: skip
        head, _, row = sql.partition(" VALUES ")
        parts = _ONE_ROW_INSERTS[shape] = (head, row)
    return parts


def _insert_sql(
    conn: BaseDBAsyncClient, model: type[Model], columns: tuple[str, ...], count: int
) -> str:
    """INSERT INTO table (columns) VALUES (…), (…) for ``count`` rows."""
    dialect = conn.capabilities.dialect
    if dialect == "sqlite":  # positional "?": one row's marks repeated
        head, row = _one_row_insert(conn, model, columns)
        return f"{head} VALUES {','.join([row] * count)}"
    shape = (dialect, model, columns, count)
    sql = _NUMBERED_INSERTS.get(shape)
    if sql is None:
        executor = _executor(conn, model)
        query = conn.query_class.into(model._meta.basetable).columns(*columns)
        width = len(columns)
        for row_number in range(count):
            first = row_number * width
            query = query.insert(*(executor.parameter(first + i) for i in range(width)))
        sql = _NUMBERED_INSERTS[shape] = query.get_sql()
        while len(_NUMBERED_INSERTS) > NUMBERED_INSERTS_KEPT:
            _NUMBERED_INSERTS.popitem(last=False)
    _NUMBERED_INSERTS.move_to_end(shape)
    return sql


def _batches(values: list[list[Any]], width: int) -> list[list[list[Any]]]:
    per_statement = max(1, MAX_PARAMETERS // max(1, width))
    return [values[i : i + per_statement] for i in range(0, len(values), per_statement)]


async def insert_many(
    conn: BaseDBAsyncClient, model: type[Model], rows: Sequence[Mapping[str, Any]]
) -> None:
    """INSERT every row; all rows must have the same keys (the database fills the id)."""
    if not rows:
        return
    names = _stamped(model, list(rows[0]), created=True)
    columns = [_column(model, name) for name in names]
    column_names = tuple(column for column, _ in columns)
    for batch in _batches(_values(rows, names, columns), len(columns)):
        sql = _insert_sql(conn, model, column_names, len(batch))
        await conn.execute_query(sql, [value for row in batch for value in row])


def _update_from_values_sql(model: type[Model], columns: tuple[str, ...], count: int) -> str:
    """SQLite: UPDATE table SET column = v.columnN … FROM (VALUES (id, …), …) AS v, one step for
    every row (``VALUES`` columns are named column1, column2, … by SQLite)."""
    table = model._meta.db_table
    marks = "(" + ",".join("?" * (len(columns) + 1)) + ")"
    sets = ",".join(f'"{column}"="v"."column{i + 2}"' for i, column in enumerate(columns))
    # identifiers come from the models' metadata and every value is a parameter
    return (
        f'UPDATE "{table}" SET {sets} FROM (VALUES {",".join([marks] * count)}) AS "v" '  # noqa: S608
        f'WHERE "{table}"."id"="v"."column1"'
    )


async def update_many(
    conn: BaseDBAsyncClient,
    model: type[Model],
    rows: Sequence[Mapping[str, Any]],
    fields: Sequence[str],
) -> None:
    """UPDATE the given fields of every row, found by its ``id`` (a row given twice: the last
    one wins)."""
    if not rows:
        return
    rows = list({row["id"]: row for row in rows}.values())
    names = _stamped(model, list(fields), created=False)
    columns = [_column(model, name) for name in names]
    values = _values(rows, names, columns)
    if conn.capabilities.dialect == "sqlite" and sqlite3.sqlite_version_info >= (3, 33):
        column_names = tuple(column for column, _ in columns)
        keyed = [[row["id"], *converted] for row, converted in zip(rows, values, strict=True)]
        for batch in _batches(keyed, len(columns) + 1):
            sql = _update_from_values_sql(model, column_names, len(batch))
            await conn.execute_query(sql, [value for row in batch for value in row])
        return
    executor = _executor(conn, model)
    table = model._meta.basetable
    query = conn.query_class.update(table)
    for position, (column, _) in enumerate(columns):
        query = query.set(column, executor.parameter(position))
    sql = query.where(table.id == executor.parameter(len(columns))).get_sql()
    for row, converted in zip(rows, values, strict=True):
        converted.append(row["id"])
    await conn.execute_many(sql, values)


_SELECTS: dict[tuple[Any, ...], str] = {}


def _select_sql(
    conn: BaseDBAsyncClient,
    model: type[Model],
    columns: tuple[str, ...],
    where: tuple[str, ...],
    key: str,
    count: int,
) -> str:
    """SELECT columns WHERE each of ``where`` = ? AND key IN (count ?), built once per shape."""
    shape = (conn.capabilities.dialect, model, columns, where, key, count)
    sql = _SELECTS.get(shape)
    if sql is None:
        executor = _executor(conn, model)
        table = model._meta.basetable
        query = conn.query_class.from_(table).select(
            *(table[_column(model, c)[0]] for c in columns)
        )
        for position, name in enumerate(where):
            query = query.where(table[_column(model, name)[0]] == executor.parameter(position))
        marks = [executor.parameter(len(where) + i) for i in range(count)]
        sql = query.where(table[_column(model, key)[0]].isin(marks)).get_sql()
        _SELECTS[shape] = sql
    return sql


async def select_in(
    conn: BaseDBAsyncClient,
    model: type[Model],
    columns: Sequence[str],
    *,
    where: Mapping[str, Any],
    key: str,
    values: Sequence[Any],
) -> list[dict[str, Any]]:
    """Rows whose ``key`` is one of ``values`` (and every ``where`` field equal), as Python
    values by field name, the way ``QuerySet.values`` gives them; the SQL text is cached per
    shape, so a page's lookups cost no query building."""
    if not values:
        return []
    names = tuple(columns)
    sql = _select_sql(conn, model, names, tuple(where), key, len(values))
    params = [_column(model, name)[1](value) for name, value in where.items()]
    found = await conn.execute_query_dict(sql, [*params, *values])
    if not found:
        return []
    fields = [(name, _column(model, name)[0], model._meta.fields_map[name]) for name in names]
    return [
        {name: field.to_python_value(row[column]) for name, column, field in fields}
        for row in found
    ]
