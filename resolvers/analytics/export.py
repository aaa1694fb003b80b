"""Rows for CSV exports, a chunk at a time (memory stays the size of a chunk, whatever the
number of rows): the groups of an aggregate, and the expenses behind it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date

from orm import models
from resolvers.analytics.aggregate import Aggregate, aggregate
from resolvers.analytics.filters import Question, SpendFilter, check
from resolvers.analytics.source import CUSTOMER, DEAL, STATUS, source
from resolvers.expenses.status import ExpenseStatus
from resolvers.viewer import Viewer

GROUPS_PER_CHUNK = 5000
EXPENSES_PER_CHUNK = 1000


async def aggregate_chunks(
    viewer: Viewer, question: Question, size: int | None = None
) -> AsyncIterator[Aggregate]:
    """Every group of the question, in its order, ``size`` groups per statement (an answer
    of up to ``size`` groups is one statement)."""
    check(question)
    size = size or GROUPS_PER_CHUNK
    offset = 0
    while True:
        chunk = await aggregate(viewer, question, offset=offset, limit=size + 1)
        more = len(chunk.groups) > size
        yield Aggregate(
            groups=chunk.groups[:size], group_count=chunk.group_count, summary=chunk.summary,
            currency=chunk.currency, won_deals=chunk.won_deals, won_total=chunk.won_total,
        )  # fmt: skip
        if not more:
            return
        offset += size


@dataclass(frozen=True, slots=True)
class ExpenseRow:
    expense: models.Expense
    # as analytics sees them: the expense's own deal and customer, else its report's
    potential_id: int | None
    customer_id: int | None
    status: ExpenseStatus


async def expense_chunks(
    viewer: Viewer, spend_filter: SpendFilter, size: int | None = None
) -> AsyncIterator[list[ExpenseRow]]:
    """The expenses an aggregate with ``spend_filter`` counts, by date then id, ``size`` at a
    time (keyset pages: rows changed meanwhile neither repeat nor shift the pages)."""
    check(Question(filter=spend_filter))
    size = size or EXPENSES_PER_CHUNK
    after: tuple[date, int] | None = None
    while True:
        src = source(viewer, spend_filter)
        conditions = [src.where_sql[len(" WHERE ") :]] if src.where_sql else []
        if after is not None:
            day, last = src.params.add(after[0]), src.params.add(after[1])
            day_again = src.params.add(after[0])
            conditions.append(f"(s.date > {day} OR (s.date = {day_again} AND s.id > {last}))")
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        # fixed text; every value is a parameter
        columns = f"s.id AS id, s.date AS day, {DEAL} AS deal, {CUSTOMER} AS customer"
        sql = (
            f"SELECT {columns}, {STATUS} AS status FROM {src.from_sql}{where} "  # noqa: S608
            f"ORDER BY s.date, s.id LIMIT {int(size)}"
        )
        found = await src.conn.execute_query_dict(sql, src.params.values)
        if not found:
            return
        ids = [int(row["id"]) for row in found]
        expenses = await models.Expense.filter(org_id=viewer.org_id, id__in=ids).in_bulk(ids, "id")
        yield [
            ExpenseRow(
                expense=expenses[int(row["id"])],
                potential_id=None if row["deal"] is None else int(row["deal"]),
                customer_id=None if row["customer"] is None else int(row["customer"]),
                status=ExpenseStatus(row["status"]),
            )
            for row in found
            if int(row["id"]) in expenses
        ]
        if len(found) < size:
            return
        day_value = found[-1]["day"]
        last_day = day_value if isinstance(day_value, date) else date.fromisoformat(str(day_value))
        after = (last_day, ids[-1])
