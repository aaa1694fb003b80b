"""The expenses an analytics question is about, as SQL that both databases run alike.

The expense-level part (tenant, who may see what, statuses, dates, users, categories, flags) is
Tortoise's own SQL for the expense list's visibility queryset, so analytics can never show more
than the expense list does. Around it go the parts Tortoise cannot say: an expense's deal is its
own potential, else its report's (``COALESCE``), and so is its customer; the deal's stage and
outcome come from that potential.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import Q

from resolvers.analytics.filters import Dimension, SpendFilter
from resolvers.expenses.access import visible_expenses
from resolvers.expenses.status import status_condition
from resolvers.viewer import Viewer

DEAL = "COALESCE(s.potential_id, s.report_potential_id)"
CUSTOMER = "COALESCE(s.customer_id, s.report_customer_id)"


def status_sql(report_status: str) -> str:
    """The expense status from its report's status (NULL: in no report)."""
    return (
        f"CASE WHEN {report_status} IS NULL THEN 'UNREPORTED' "
        f"WHEN {report_status} = 'DRAFT' THEN 'UNSUBMITTED' ELSE {report_status} END"
    )


STATUS = status_sql("s.report_status")

_COLUMNS = (
    "id", "user_id", "category_id", "date", "currency", "amount_minor", "base_amount_minor",
    "is_reimbursable", "is_billable", "potential_id", "customer_id", "report_id",
)  # fmt: skip


class Params:
    """Placeholders in the connection's style, numbered after the ones already taken."""

    def __init__(self, dialect: str, initial: Sequence[Any] = ()) -> None:
        self.dialect = dialect
        self.values: list[Any] = list(initial)

    def add(self, value: Any) -> str:
        if isinstance(value, date) and self.dialect == "sqlite":
            value = value.isoformat()  # how Tortoise stores a DateField on SQLite
        self.values.append(value)
        return "?" if self.dialect == "sqlite" else f"${len(self.values)}"

    def add_all(self, values: Sequence[Any]) -> str:
        return ", ".join(self.add(value) for value in values)


@dataclass(frozen=True, slots=True)
class Source:
    """``FROM`` and ``WHERE`` text over alias ``s`` (the expense rows) and, when joined, ``p``
    (the deal), with the parameters they take so far."""

    from_sql: str
    where_sql: str
    params: Params
    conn: BaseDBAsyncClient

    @property
    def dialect(self) -> str:
        return self.params.dialect


def _expense_rows(viewer: Viewer, f: SpendFilter) -> Any:
    query = visible_expenses(viewer)
    if f.statuses:
        condition = Q()
        for status in f.statuses:
            condition |= status_condition(status)
        query = query.filter(condition)
    exact: dict[str, Any] = {
        "date__gte": f.date_from,
        "date__lte": f.date_to,
        "is_reimbursable": f.reimbursable,
        "is_billable": f.billable,
    }
    query = query.filter(**{key: value for key, value in exact.items() if value is not None})
    if f.user_ids:
        query = query.filter(user_id__in=list(f.user_ids))
    if f.category_ids:
        query = query.filter(category_id__in=list(f.category_ids))
    return query.values(
        *_COLUMNS,
        report_potential_id="report__potential_id",
        report_customer_id="report__customer_id",
        report_status="report__status",
    )


def source(viewer: Viewer, f: SpendFilter, *, join_deal: bool = False) -> Source:
    """The rows of ``f`` the viewer may see; ``join_deal`` joins their deal as ``p`` (it is
    joined anyway when the filter needs its stage or outcome)."""
    rows = _expense_rows(viewer, f)
    rows._choose_db_if_not_chosen()
    rows._make_query()
    inner_sql, inner_params = rows.query.get_parameterized_sql()
    conn: BaseDBAsyncClient = rows._db
    params = Params(conn.capabilities.dialect, inner_params)
    where: list[str] = []
    if f.potential_ids:
        deals = list(f.potential_ids)
        where.append(f"{DEAL} IN ({params.add_all(deals)})")
        # the same rows, said so that indexes can find them (the expense's deal, or a report
        # of the deal) instead of reading every expense: a superset the line above narrows.
        # Placeholders are taken in the order they appear (SQLite's are positional).
        own = f"s.potential_id IN ({params.add_all(deals)})"
        reports = (
            'SELECT deal_report.id FROM "report" deal_report WHERE deal_report.org_id = '  # noqa: S608
            f"{params.add(viewer.org_id)} AND deal_report.potential_id IN ({params.add_all(deals)})"
        )
        by_report = (
            f"s.report_id = ANY(ARRAY({reports}))"
            if params.dialect == "postgres"
            else f"s.report_id IN ({reports})"
        )
        where.append(f"({own} OR {by_report})")
    if f.customer_ids:
        where.append(f"{CUSTOMER} IN ({params.add_all(list(f.customer_ids))})")
    if f.has_potential is not None:
        where.append(f"{DEAL} IS {'NOT NULL' if f.has_potential else 'NULL'}")
    if f.stages:
        where.append(f"p.stage IN ({params.add_all(list(f.stages))})")
    if f.outcomes:
        where.append(f"p.state IN ({params.add_all([o.value for o in f.outcomes])})")
    from_sql = f"({inner_sql}) s"
    if join_deal or f.stages or f.outcomes:
        from_sql += f' LEFT JOIN "potential" p ON p.id = {DEAL}'
    where_sql = f" WHERE {' AND '.join(where)}" if where else ""
    return Source(from_sql, where_sql, params, conn)


def period_sql(dimension: Dimension, dialect: str, column: str) -> str:
    """The first day of the period of the date in ``column``."""
    if dimension is Dimension.DAY:
        return column
    if dialect == "postgres":
        if dimension is Dimension.WEEK:
            # the Monday on or before: integer arithmetic on the date (days since a Monday,
            # modulo 7), the same as date_trunc('week', …) at a fraction of its cost per row
            # (date_trunc converts to a broken-down timestamp and back)
            return f"({column} - (({column} - DATE '2000-01-03') % 7 + 7) % 7)"
        unit = {
            Dimension.MONTH: "month", Dimension.QUARTER: "quarter", Dimension.YEAR: "year",
        }[dimension]  # fmt: skip
        # a date as a timestamp without time zone: the session's TimeZone plays no part
        return f"CAST(date_trunc('{unit}', CAST({column} AS timestamp)) AS date)"
    # SQLite keeps a DateField as 'YYYY-MM-DD' text (Tortoise writes isoformat): periods are
    # cut from the text (cheaper than strftime); weeks start on Monday like date_trunc's ISO
    # weeks ('weekday 0' moves to the coming Sunday, or stays on one)
    month = f"substr({column}, 6, 2)"
    return {
        Dimension.WEEK: f"date({column}, 'weekday 0', '-6 days')",
        Dimension.MONTH: f"substr({column}, 1, 7) || '-01'",
        Dimension.QUARTER: f"substr({column}, 1, 5) || CASE WHEN {month} < '04' THEN '01-01' "
        f"WHEN {month} < '07' THEN '04-01' WHEN {month} < '10' THEN '07-01' ELSE '10-01' END",
        Dimension.YEAR: f"substr({column}, 1, 4) || '-01-01'",
    }[dimension]


def binary(dialect: str) -> str:
    """Text compared byte by byte on both databases (SQLite's default; PostgreSQL's "C")."""
    return ' COLLATE "C"' if dialect == "postgres" else ""
