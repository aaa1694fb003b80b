"""Batch functions behind the per-request DataLoaders.

One query per batch, results in key order with None for misses. Every loader is bound to the
viewer's organisation, so a stray id from another tenant resolves to None.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, cast

from pypika_tortoise import analytics
from tortoise.expressions import Case, F, RawSQL, When
from tortoise.queryset import QuerySet

from orm import models
from resolvers.expenses.queries import Totals, report_totals
from resolvers.pagination import BadCursor, Keyset, keyset_of

RECORD_ERRORS_PER_RUN = 100


async def organizations_by_id(org_id: int, ids: Sequence[int]) -> list[models.Organization | None]:
    found = await models.Organization.filter(id=org_id).in_bulk(list(set(ids)), "id")
    return [found.get(key) for key in ids]


async def _by_id(model: type[Any], org_id: int, ids: Sequence[int]) -> list[Any]:
    found = await model.filter(org_id=org_id).in_bulk(list(set(ids)), "id")
    return [found.get(key) for key in ids]


async def _grouped(
    model: type[Any], key: str, org_id: int, ids: Sequence[int], order: tuple[str, ...] = ("id",)
) -> list[list[Any]]:
    rows = await model.filter(org_id=org_id, **{f"{key}__in": list(set(ids))}).order_by(*order)
    groups: dict[int, list[Any]] = defaultdict(list)
    for row in rows:
        groups[getattr(row, key)].append(row)
    return [groups.get(identifier, []) for identifier in ids]


def by_id(model: type[Any]) -> Callable[[int, Sequence[int]], Awaitable[list[Any]]]:
    return partial(_by_id, model)


def grouped_by(
    model: type[Any], key: str, *order: str
) -> Callable[[int, Sequence[int]], Awaitable[list[list[Any]]]]:
    return partial(_grouped, model, key, order=order or ("id",))


async def active_user_counts_by_org_id(org_id: int, ids: Sequence[int]) -> list[int]:
    """Active users of the (viewer's) organisation: one COUNT for any number of rows asking."""
    count = await models.User.filter(org_id=org_id, status=models.UserStatus.ACTIVE).count()
    return [count if identifier == org_id else 0 for identifier in ids]


async def active_contact_persons_by_customer_id(
    org_id: int, ids: Sequence[int]
) -> list[list[models.ContactPerson]]:
    rows = await models.ContactPerson.filter(
        org_id=org_id, customer_id__in=list(set(ids)), is_active=True
    ).order_by("-is_primary", "id")
    groups: dict[int, list[models.ContactPerson]] = defaultdict(list)
    for row in rows:
        groups[row.customer_id].append(row)
    return [groups.get(identifier, []) for identifier in ids]


async def report_totals_by_id(org_id: int, ids: Sequence[int]) -> list[Totals]:
    totals = await report_totals(ids, org_id)
    return [totals.get(identifier, Totals()) for identifier in ids]


async def first_record_errors_by_run_id(
    org_id: int, ids: Sequence[int]
) -> list[list[dict[str, Any]]]:
    """The first ``RECORD_ERRORS_PER_RUN`` record errors of each run, for any number of runs in
    one query (``ROW_NUMBER`` per run: a run with 50,000 failures still sends 100 rows)."""
    wanted = sorted(set(ids))
    groups: dict[int, list[dict[str, Any]]] = defaultdict(list)
    if wanted:
        conn = models.SyncRecordError._meta.db
        executor = conn.executor_class(model=models.SyncRecordError, db=conn)
        table = models.SyncRecordError._meta.basetable
        position = analytics.RowNumber().over(table.run_id).orderby(table.id)
        numbered = (
            conn.query_class.from_(table)
            .select(table.id, table.run_id, table.module, table.crm_id, table.message,
                    position.as_("position"))
            .where(table.org_id == executor.parameter(0))
            .where(table.run_id.isin([executor.parameter(i + 1) for i in range(len(wanted))]))
        )  # fmt: skip
        inner = numbered.as_("numbered")
        query = (
            conn.query_class.from_(inner)
            .select(inner.run_id, inner.module, inner.crm_id, inner.message)
            .where(inner.position <= RECORD_ERRORS_PER_RUN)
            .orderby(inner.run_id, inner.id)
        )
        for row in await conn.execute_query_dict(query.get_sql(), [org_id, *wanted]):
            groups[int(row["run_id"])].append(row)
    return [groups.get(identifier, []) for identifier in ids]


# literals in the SQL text: a parameter there has no type PostgreSQL can infer
_ONE, _ZERO = cast("F", RawSQL("1")), cast("F", RawSQL("0"))

PageKey = tuple[int, str | None, int]
"""(parent id, ``after`` cursor or None, size) of a page of a parent's children."""


@dataclass(frozen=True, slots=True)
class ChildPage:
    """A page of one parent's children: the page plus the next page's first row, if any, how
    many children ``query`` gives the parent in all, and the keyset of the rows' cursors."""

    rows: list[Any]
    total: int
    keyset: Keyset | None = None


async def child_pages(
    query: QuerySet[Any], parent: str, keys: Sequence[PageKey]
) -> list[ChildPage | BadCursor]:
    """Pages of many parents' children (a nested connection) in one statement per distinct
    page asked for (``first``/``after``), whatever the number of parents.

    ``query`` gives every child the viewer may see, in the connection's order; ``parent`` is
    its foreign key column. A page starts after the row its ``after`` cursor names, by value
    (resolvers/pagination.py). Each parent's rows from there are numbered in the connection's
    order (``ROW_NUMBER`` per parent) and only the page's rows come back, with the parent's
    total, so a parent with a hundred thousand children still sends one page. A cursor this
    keyset did not encode answers ``BadCursor`` for its keys."""
    keyset, ordered = keyset_of(query)
    wanted: dict[tuple[str | None, int], set[int]] = defaultdict(set)
    for parent_id, after, size in keys:
        wanted[(after, size)].add(parent_id)
    pages: dict[PageKey, ChildPage | BadCursor] = {}
    for (after, size), parent_ids in wanted.items():
        try:
            values = None if after is None else keyset.decode(after)
        except BadCursor as exc:
            for parent_id in parent_ids:
                pages[(parent_id, after, size)] = exc
            continue
        found = await _numbered_page(ordered, keyset, parent, sorted(parent_ids), values, size)
        for parent_id in parent_ids:
            pages[(parent_id, after, size)] = found.get(parent_id, ChildPage([], 0, keyset))
    return [pages[key] for key in keys]


async def _numbered_page(
    query: QuerySet[Any],
    keyset: Keyset,
    parent: str,
    parent_ids: list[int],
    after: tuple[Any, ...] | None,
    size: int,
) -> dict[int, ChildPage]:
    """The first ``size + 1`` rows of each parent after the row ``after`` names (one more than
    the page: whether a next page exists), plus each parent's first row for its total.

    Tortoise has no window functions, so Tortoise's own SQL for the child query (its filters,
    joins, parameters) is wrapped in one that numbers the rows. With a cursor, the child query
    marks each row that follows it (``_after``, a CASE over the keyset condition) and rows are
    numbered per parent and mark: every child still counts in the parent's total."""
    chosen = query.filter(**{f"{parent}__in": parent_ids})
    if after is not None:
        chosen = chosen.annotate(_after=Case(When(keyset.after(after), then=_ONE), default=_ZERO))
    chosen._choose_db_if_not_chosen()
    chosen._make_query()
    model = chosen.model
    columns = model._meta.fields_map
    owner = columns[parent].source_field or parent
    listed = chosen.query.as_("listed")
    numbering = analytics.RowNumber().over(listed[owner])
    if after is not None:
        numbering = numbering.over(listed["_after"])
    for name, direction in chosen._orderings:
        numbering = numbering.orderby(listed[columns[name].source_field or name], order=direction)
    conn = chosen._db
    numbered = (
        conn.query_class.from_(listed)
        .select(listed.star, numbering.as_("_position"),
                analytics.Count(listed[owner]).over(listed[owner]).as_("_total"))
        .as_("numbered")
    )  # fmt: skip
    place = numbered.field("_position")
    in_page = place <= size + 1
    if after is not None:
        in_page = in_page & (numbered.field("_after") == 1)
    sql, params = (
        conn.query_class.from_(numbered)
        .select(numbered.star)
        .where((place == 1) | in_page)
        .orderby(numbered.field(owner), place)
        .get_parameterized_sql()
    )
    found: dict[int, ChildPage] = {}
    for row in await conn.execute_query_dict(sql, params):
        values = dict(row)
        position, total = int(values.pop("_position")), int(values.pop("_total"))
        follows = after is None or int(values.pop("_after")) == 1
        page = found.setdefault(int(values[owner]), ChildPage([], total, keyset))
        if follows and position <= size + 1:
            page.rows.append(model._init_from_db(**values))
    return found
