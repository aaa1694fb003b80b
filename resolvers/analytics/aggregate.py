"""One grouped aggregate, its page of groups, the number of groups and the totals over all of
them, in ONE SQL statement whatever the number of groups (exact integer sums on both databases).

    WITH g AS (SELECT keys, COUNT(*), SUM(base amount), … FROM expenses … GROUP BY keys),
         o AS (SELECT g.*, ROW_NUMBER() OVER (ORDER BY …) AS pos FROM g …),
         t AS (SELECT COUNT(*) AS groups, SUM(n), SUM(total), … FROM g)
    SELECT t.*, o.* FROM t LEFT JOIN o ON o.pos in the page ORDER BY o.pos

``t`` always has one row, so an empty page still says how many groups and how much in all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient

from orm import models
from resolvers.analytics.filters import (
    OBJECT_DIMENSIONS,
    TIME_DIMENSIONS,
    Dimension,
    Measure,
    Order,
    Question,
    check,
)
from resolvers.analytics.source import (
    CUSTOMER,
    DEAL,
    binary,
    period_sql,
    source,
    status_sql,
)
from resolvers.expenses.status import ExpenseStatus
from resolvers.viewer import Viewer

_MEASURE_COLUMNS = {
    Measure.COUNT: "g.n",
    Measure.TOTAL: "g.total",
    Measure.REIMBURSABLE_TOTAL: "g.reimbursable",
    Measure.BILLABLE_TOTAL: "g.billable",
    Measure.MINIMUM: "g.minimum",
    Measure.MAXIMUM: "g.maximum",
}
_NAMED_TABLES = {
    Dimension.POTENTIAL: '"potential"',
    Dimension.CUSTOMER: '"customer"',
    Dimension.USER: '"user"',
    Dimension.CATEGORY: '"category"',
}


def _int(value: Any) -> int:
    return int(value) if value is not None else 0


@dataclass(frozen=True, slots=True)
class Measures:
    """Base-currency minor units. ``minimum``/``maximum`` are None when nothing matched."""

    count: int = 0
    total: int = 0
    reimbursable: int = 0
    billable: int = 0
    minimum: int | None = None
    maximum: int | None = None

    @property
    def average(self) -> int | None:
        """The mean, rounded half up to the minor unit."""
        if not self.count:
            return None
        mean = Decimal(self.total) / Decimal(self.count)
        return int(mean.quantize(Decimal(1), rounding=ROUND_HALF_UP))

    @classmethod
    def of(cls, row: dict[str, Any], prefix: str = "") -> Measures:
        minimum, maximum = row[f"{prefix}minimum"], row[f"{prefix}maximum"]
        return cls(
            count=_int(row[f"{prefix}n"]),
            total=_int(row[f"{prefix}total"]),
            reimbursable=_int(row[f"{prefix}reimbursable"]),
            billable=_int(row[f"{prefix}billable"]),
            minimum=None if minimum is None else int(minimum),
            maximum=None if maximum is None else int(maximum),
        )


@dataclass(frozen=True, slots=True)
class Group:
    keys: dict[Dimension, Any]
    measures: Measures


@dataclass(frozen=True, slots=True)
class Aggregate:
    """A page of groups (plus the next page's first group, when there is one)."""

    groups: list[Group]
    group_count: int
    summary: Measures
    currency: str
    # With POTENTIAL and OUTCOME among the groupings: the won deals and what they cost.
    won_deals: int | None = None
    won_total: int | None = None


def _key(dimension: Dimension, value: Any) -> Any:
    if value is None:
        return None
    if dimension in OBJECT_DIMENSIONS:
        return int(value)
    if dimension in TIME_DIMENSIONS:
        return value if isinstance(value, date) else date.fromisoformat(str(value))
    if dimension is Dimension.OUTCOME:
        return models.PotentialState(value)
    if dimension is Dimension.STATUS:
        return ExpenseStatus(value)
    return str(value)


def default_order(dims: Sequence[Dimension]) -> list[Order]:
    """Chronological when grouped by a period, else the largest total first."""
    periods = [d for d in dims if d in TIME_DIMENSIONS]
    if periods:
        return [Order(dimension=periods[0], descending=False)]
    return [Order(measure=Measure.TOTAL, descending=True)]


def _order_sql(question: Question, dialect: str) -> tuple[str, str]:
    """``(ORDER BY terms, joins for key names)`` of the numbered groups."""
    dims = list(question.group_by)
    real = "double precision" if dialect == "postgres" else "REAL"
    terms: list[str] = []
    joins: list[str] = []
    for order in question.order_by or default_order(dims):
        direction = "DESC" if order.descending else "ASC"
        if order.measure is Measure.AVERAGE:
            terms.append(f"CAST(g.total AS {real}) / CAST(g.n AS {real}) {direction}")
        elif order.measure is not None:
            terms.append(f"{_MEASURE_COLUMNS[order.measure]} {direction}")
        elif order.dimension is not None:
            index = dims.index(order.dimension)
            if order.dimension in OBJECT_DIMENSIONS:
                alias = f"name{index}"
                table = _NAMED_TABLES[order.dimension]
                joins.append(f" LEFT JOIN {table} {alias} ON {alias}.id = g.k{index}")
                terms.append(f"{alias}.name{binary(dialect)} {direction} NULLS LAST")
                terms.append(f"g.k{index} {direction} NULLS LAST")
            elif order.dimension in TIME_DIMENSIONS:
                terms.append(f"g.k{index} {direction} NULLS LAST")
            else:
                terms.append(f"g.k{index}{binary(dialect)} {direction} NULLS LAST")
    for index, dimension in enumerate(dims):  # ties: by every key, so pages never overlap
        text = dimension not in OBJECT_DIMENSIONS and dimension not in TIME_DIMENSIONS
        terms.append(f"g.k{index}{binary(dialect) if text else ''} ASC NULLS LAST")
    if not terms:
        terms.append("g.n")
    return ", ".join(terms), "".join(joins)


# Rows are grouped twice. First by columns of the expense rows (the deal id, the period, the
# report's status …), which is all the per-expense work; then those partial groups by the asked
# keys. When the deal is grouped or filtered on only by itself (its stage, its outcome), the
# deal is joined to the partial groups (one per deal), not to every expense; with other keys
# beside, a deal's partial groups could be nearly one per expense, so it is joined per row.
DEAL_DIMENSIONS = frozenset({Dimension.POTENTIAL, Dimension.STAGE, Dimension.OUTCOME})
_RAW: dict[Dimension, tuple[str, str]] = {
    Dimension.POTENTIAL: ("deal", DEAL),
    Dimension.CUSTOMER: ("customer", CUSTOMER),
    Dimension.USER: ("user_id", "s.user_id"),
    Dimension.CATEGORY: ("category_id", "s.category_id"),
    Dimension.CURRENCY: ("currency", "s.currency"),
    Dimension.STATUS: ("report_status", "s.report_status"),
}
_FINAL = {
    Dimension.POTENTIAL: "r.deal",
    Dimension.CUSTOMER: "r.customer",
    Dimension.USER: "r.user_id",
    Dimension.CATEGORY: "r.category_id",
    Dimension.CURRENCY: "r.currency",
    Dimension.STATUS: status_sql("r.report_status"),
}


@dataclass(frozen=True, slots=True)
class Statement:
    sql: str
    params: list[Any]
    conn: BaseDBAsyncClient


def aggregate_sql(viewer: Viewer, question: Question, offset: int, limit: int) -> Statement:
    """The statement and its parameters. Its text is fixed fragments, enum-chosen expressions
    and integers only; every value a caller gave is a parameter."""
    dims = list(question.group_by)
    f = question.filter
    deal_filter = bool(f.stages or f.outcomes)
    deal_keys = deal_filter or Dimension.STAGE in dims or Dimension.OUTCOME in dims
    per_row = deal_keys and any(d not in DEAL_DIMENSIONS for d in dims)
    # per row: the source joins the deal (p) and filters on it; else the partial groups do
    src = source(viewer, f if per_row else replace(f, stages=(), outcomes=()), join_deal=per_row)
    raw: dict[str, str] = {}
    final: list[str] = []
    for d in dims:
        if d in TIME_DIMENSIONS:
            raw["period"], key = period_sql(d, src.dialect, "s.date"), "r.period"
        elif d in (Dimension.STAGE, Dimension.OUTCOME) and per_row:
            alias = d.value.lower()
            raw[alias], key = ("p.stage" if d is Dimension.STAGE else "p.state"), f"r.{alias}"
        elif d in (Dimension.STAGE, Dimension.OUTCOME):
            raw["deal"], key = DEAL, ("p.stage" if d is Dimension.STAGE else "p.state")
        else:
            alias, expr = _RAW[d]
            raw[alias], key = expr, _FINAL[d]
        final.append(key)
    if deal_filter and not per_row:
        raw["deal"] = DEAL
    amount = "s.base_amount_minor"
    raw_keys = "".join(f"{expr} AS {alias}, " for alias, expr in raw.items())
    raw_grouping = f" GROUP BY {', '.join(raw.values())}" if raw else " HAVING COUNT(*) > 0"
    partial = (
        f"SELECT {raw_keys}COUNT(*) AS n, SUM({amount}) AS total, "  # noqa: S608 (see above)
        f"SUM(CASE WHEN s.is_reimbursable THEN {amount} ELSE 0 END) AS reimbursable, "
        f"SUM(CASE WHEN s.is_billable THEN {amount} ELSE 0 END) AS billable, "
        f"MIN({amount}) AS minimum, MAX({amount}) AS maximum "
        f"FROM {src.from_sql}{src.where_sql}{raw_grouping}"
    )
    keys = final
    deal_join = ' LEFT JOIN "potential" p ON p.id = r.deal' if deal_keys and not per_row else ""
    where = []
    if f.stages and not per_row:
        where.append(f"p.stage IN ({src.params.add_all(list(f.stages))})")
    if f.outcomes and not per_row:
        where.append(f"p.state IN ({src.params.add_all([o.value for o in f.outcomes])})")
    where_sql = f" WHERE {' AND '.join(where)}" if where else ""
    grouping = f" GROUP BY {', '.join(keys)}" if keys else " HAVING COUNT(*) > 0"
    selected = "".join(f"{key} AS k{i}, " for i, key in enumerate(keys))
    g = (
        f"SELECT {selected}SUM(r.n) AS n, SUM(r.total) AS total, "  # noqa: S608
        "SUM(r.reimbursable) AS reimbursable, SUM(r.billable) AS billable, "
        "MIN(r.minimum) AS minimum, MAX(r.maximum) AS maximum "
        f"FROM ({partial}) r{deal_join}{where_sql}{grouping}"
    )
    order, joins = _order_sql(question, src.dialect)
    o = f"SELECT g.*, ROW_NUMBER() OVER (ORDER BY {order}) AS pos FROM g{joins}"  # noqa: S608
    won = ""
    if Dimension.POTENTIAL in dims and Dimension.OUTCOME in dims:
        k = f"k{dims.index(Dimension.OUTCOME)}"
        won = (
            f", SUM(CASE WHEN {k} = 'WON' THEN total ELSE 0 END) AS won_total"
            f", SUM(CASE WHEN {k} = 'WON' THEN 1 ELSE 0 END) AS won_deals"
        )
    t = (
        "SELECT COUNT(*) AS t_groups, SUM(n) AS t_n, SUM(total) AS t_total, "  # noqa: S608
        "SUM(reimbursable) AS t_reimbursable, SUM(billable) AS t_billable, "
        f"MIN(minimum) AS t_minimum, MAX(maximum) AS t_maximum{won}, "
        f'(SELECT base_currency FROM "organization" WHERE id = {src.params.add(viewer.org_id)}) '
        "AS t_currency FROM g"
    )
    sql = (
        f"WITH g AS ({g}), o AS ({o}), t AS ({t}) "  # noqa: S608
        f"SELECT t.*, o.* FROM t LEFT JOIN o ON o.pos > {int(offset)} "
        f"AND o.pos <= {int(offset) + int(limit)} ORDER BY o.pos"
    )
    return Statement(sql, src.params.values, src.conn)


async def aggregate(viewer: Viewer, question: Question, *, offset: int, limit: int) -> Aggregate:
    """Groups ``offset + 1`` to ``offset + limit`` in the question's order, in one statement."""
    check(question)
    statement = aggregate_sql(viewer, question, offset, limit)
    rows = await statement.conn.execute_query_dict(statement.sql, statement.params)
    dims = list(question.group_by)
    first = rows[0]
    groups = [
        Group(
            keys={d: _key(d, row[f"k{i}"]) for i, d in enumerate(dims)},
            measures=Measures.of(row),
        )
        for row in rows
        if row["pos"] is not None
    ]
    won_deals = won_total = None
    if "won_deals" in first:
        won_deals, won_total = _int(first["won_deals"]), _int(first["won_total"])
    return Aggregate(
        groups=groups,
        group_count=_int(first["t_groups"]),
        summary=Measures.of(first, "t_"),
        currency=str(first["t_currency"]),
        won_deals=won_deals,
        won_total=won_total,
    )
