"""CSV exports of an aggregate (ad hoc or a ready report) and of the expenses behind it.

The parameters are the GraphQL query's, as URL parameters: ``filter`` is a ``SpendFilter``
input as JSON (checked by the schema itself), ``groupBy`` a comma-separated list of
``AnalyticsDimension``s, ``orderBy`` comma-separated ``MEASURE_OR_DIMENSION[:ASC|DESC]``, or
``report`` names a ready report's query (``spendPerDeal`` …, ``potentialId`` for
``dealSpendByUser``). Rows are produced a chunk at a time; names come through the loaders,
fresh for each chunk, so memory stays the size of a chunk.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import AsyncIterator, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import strawberry
from graphql import GraphQLError, GraphQLInputObjectType, Undefined, coerce_input_value
from graphql.utilities import validate_input_value
from strawberry.types.arguments import convert_argument

from gql.analytics import inputs
from gql.analytics.types import ratio_of
from gql.context import Context, Loaders
from gql.ids import encode_id, pk
from gql.schema import schema
from gql.text import text_problem
from orm.money import Money
from resolvers.analytics import filters
from resolvers.analytics.aggregate import Group
from resolvers.analytics.export import aggregate_chunks, expense_chunks
from resolvers.analytics.filters import AnalyticsError, Dimension, Order, Question, SpendFilter
from resolvers.analytics.reports import ReadyReport, ready_question

READY_REPORTS = {
    "spendPerDeal": ReadyReport.SPEND_PER_DEAL,
    "dealSpendByUser": ReadyReport.DEAL_SPEND_BY_USER,
    "dealSpendByMonth": ReadyReport.DEAL_SPEND_BY_MONTH,
    "lostDealSpend": ReadyReport.LOST_DEAL_SPEND,
    "spendByStage": ReadyReport.SPEND_BY_STAGE,
    "spendPerCustomer": ReadyReport.SPEND_PER_CUSTOMER,
}
UNSAFE_FIRST = ("=", "+", "-", "@", "\t", "\r")
MAX_NAME = 150


class ExportError(ValueError):
    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class CsvExport:
    file_name: str
    chunks: AsyncIterator[str]


def cell(value: object) -> str:
    """A cell a spreadsheet shows as text: one starting with = + - @ (or a tab or carriage
    return) could run as a formula, so it gets a leading apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(UNSAFE_FIRST) else text


def _csv(rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([cell(value) for value in row] for row in rows)
    return buffer.getvalue()


def _amount(minor: int | None, currency: str) -> str:
    return "" if minor is None else str(Money(minor, currency).amount)


# -- parameters ------------------------------------------------------------------------------


def _filter(text: str | None) -> SpendFilter:
    if not text:
        return SpendFilter()
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise ExportError("`filter` is not JSON.", "BAD_FILTER") from exc
    if not isinstance(value, dict):
        raise ExportError("`filter` is a JSON object: a SpendFilter input.", "BAD_FILTER")
    graphql_type = schema._schema.type_map["SpendFilter"]
    assert isinstance(graphql_type, GraphQLInputObjectType)
    problems: list[str] = []

    def refuse(error: GraphQLError, path: Any) -> None:
        problems.append(error.message)

    validate_input_value(value, graphql_type, refuse, hide_suggestions=True)
    coerced = coerce_input_value(value, graphql_type) if not problems else Undefined
    if problems or coerced is Undefined:
        raise ExportError(f"`filter`: {problems[0] if problems else 'invalid'}", "BAD_FILTER")
    converted = convert_argument(
        coerced, inputs.SpendFilter, schema.schema_converter.scalar_registry, schema.config
    )
    assert isinstance(converted, inputs.SpendFilter)
    for stage in converted.stages or ():  # the one free text (GraphQL checks it in gql.text)
        problem = text_problem(stage)
        if problem:
            raise ExportError(f"`filter.stages`: {problem}", "BAD_FILTER")
    return converted.to_filter()


def _names(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()][:10]


def _group_by(text: str | None) -> list[Dimension]:
    try:
        return [Dimension(name.upper()) for name in _names(text)]
    except ValueError as exc:
        raise ExportError("`groupBy` lists AnalyticsDimension names.", "BAD_GROUPING") from exc


def _order_by(text: str | None) -> list[Order]:
    orders = []
    for term in _names(text):
        name, _, direction = term.upper().partition(":")
        if direction not in ("", "ASC", "DESC"):
            raise ExportError("An `orderBy` term ends in :ASC or :DESC.", "BAD_ORDER")
        descending = direction != "ASC"
        if name in filters.Measure.__members__:
            orders.append(Order(measure=filters.Measure(name), descending=descending))
        elif name in Dimension.__members__:
            orders.append(Order(dimension=Dimension(name), descending=descending))
        else:
            raise ExportError(f"`orderBy`: {name} is no measure or dimension.", "BAD_ORDER")
    return orders


def _question(params: Mapping[str, str]) -> tuple[str, Question]:
    spend_filter, orders = _filter(params.get("filter")), _order_by(params.get("orderBy"))
    report_name = params.get("report")
    if report_name:
        report = READY_REPORTS.get(report_name)
        if report is None:
            raise ExportError(f"`report` is one of {', '.join(READY_REPORTS)}.", "BAD_REPORT")
        potential_text = params.get("potentialId")
        potential = pk("Potential", strawberry.ID(potential_text) if potential_text else None)
        title = re.sub(r"(?<!^)(?=[A-Z])", "-", report_name).lower()
        return title, ready_question(report, spend_filter, orders, potential_id=potential)
    dims = _group_by(params.get("groupBy"))
    title = "spend-by-" + "-".join(d.value.lower() for d in dims) if dims else "spend-total"
    return title, Question(filter=spend_filter, group_by=dims, order_by=orders)


def file_name(title: str, f: SpendFilter) -> str:
    """``<what>[_<filters>].csv``: dates, statuses, outcomes and stages by value, the other
    lists by count, the flags by name."""
    parts = [title]
    if f.date_from or f.date_to:
        parts.append(f"{f.date_from or 'start'}-to-{f.date_to or 'today'}")
    if f.statuses:
        parts.append("status-" + "-".join(s.value.lower() for s in f.statuses))
    if f.outcomes:
        parts.append("outcome-" + "-".join(o.value.lower() for o in f.outcomes))
    if f.stages:
        parts.append("stage-" + "-".join(f.stages))
    for label, ids in (("users", f.user_ids), ("customers", f.customer_ids),
                       ("deals", f.potential_ids), ("categories", f.category_ids)):  # fmt: skip
        if ids:
            parts.append(f"{len(ids)}-{label}")
    for label, flag in (("reimbursable", f.reimbursable), ("billable", f.billable)):
        if flag is not None:
            parts.append(label if flag else f"not-{label}")
    if f.has_potential is not None:
        parts.append("with-deal" if f.has_potential else "without-deal")
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", "_".join(parts)).strip("-")
    return name[:MAX_NAME] + ".csv"


# -- the aggregate ---------------------------------------------------------------------------

_KEY_COLUMNS: dict[Dimension, list[str]] = {
    Dimension.POTENTIAL: ["potential_id", "potential", "deal_stage", "deal_outcome",
                          "deal_amount", "deal_currency", "spend_to_deal_amount"],
    Dimension.CUSTOMER: ["customer_id", "customer"],
    Dimension.USER: ["user_id", "user", "user_email"],
    Dimension.CATEGORY: ["category_id", "category"],
}  # fmt: skip
MEASURE_COLUMNS = ["expenses", "total", "reimbursable_total", "billable_total", "average",
                   "minimum", "maximum", "currency"]  # fmt: skip


def spend_header(dims: Sequence[Dimension]) -> list[str]:
    header: list[str] = []
    for dimension in dims:
        header += _KEY_COLUMNS.get(dimension, [dimension.value.lower()])
    return header + MEASURE_COLUMNS


async def _load(loader: Any, ids: Iterable[int | None]) -> dict[int, Any]:
    """The rows of ``ids`` through a loader, in one batch."""
    wanted = sorted({i for i in ids if i is not None})
    return dict(zip(wanted, await loader.load_many(wanted), strict=True))


async def _spend_rows(
    groups: Sequence[Group], dims: Sequence[Dimension], loaders: Loaders, currency: str
) -> list[list[object]]:
    def keys(dimension: Dimension) -> list[Any]:
        return [g.keys.get(dimension) for g in groups] if dimension in dims else []

    deals = await _load(loaders.potential_by_id, keys(Dimension.POTENTIAL))
    customers = await _load(loaders.customer_by_id, keys(Dimension.CUSTOMER))
    users = await _load(loaders.user_by_id, keys(Dimension.USER))
    categories = await _load(loaders.category_by_id, keys(Dimension.CATEGORY))
    rows = []
    for group in groups:
        row: list[object] = []
        for dimension in dims:
            key = group.keys[dimension]
            if dimension not in _KEY_COLUMNS:
                row.append(key.isoformat() if isinstance(key, date) else key)
            elif key is None:
                row += [None] * len(_KEY_COLUMNS[dimension])
            elif dimension is Dimension.POTENTIAL:
                row += _deal_cells(key, deals.get(key), group.measures.total, currency)
            else:
                found = {Dimension.CUSTOMER: customers, Dimension.USER: users,
                         Dimension.CATEGORY: categories}[dimension].get(key)  # fmt: skip
                row += [encode_id(dimension.value.title(), key), getattr(found, "name", None)]
                if dimension is Dimension.USER:
                    row.append(getattr(found, "email", None))
        m = group.measures
        row += [m.count] + [
            _amount(value, currency)
            for value in (m.total, m.reimbursable, m.billable, m.average, m.minimum, m.maximum)
        ] + [currency]  # fmt: skip
        rows.append(row)
    return rows


def _deal_cells(key: int, deal: Any, total: int, currency: str) -> list[object]:
    if deal is None:
        return [encode_id("Potential", key)] + [None] * 6
    ratio = (
        ratio_of(total, deal.amount_minor)
        if deal.amount_minor and deal.currency == currency
        else None
    )
    amount = _amount(deal.amount_minor, deal.currency) if deal.currency else None
    return [encode_id("Potential", key), deal.name, deal.stage, deal.state.value, amount,
            deal.currency, ratio]  # fmt: skip


async def _spend_chunks(context: Context, question: Question) -> AsyncIterator[str]:
    assert context.viewer is not None
    dims = list(question.group_by)
    yield _csv([spend_header(dims)])
    async for chunk in aggregate_chunks(context.viewer, question):
        loaders = Loaders(context.viewer.org_id)  # names of this chunk only
        yield _csv(await _spend_rows(chunk.groups, dims, loaders, chunk.currency))


def spend_export(context: Context, params: Mapping[str, str]) -> CsvExport:
    """The export of an aggregate; refused (``ExportError``) before any row is read."""
    title, question = _question(params)
    try:
        filters.check(question)
    except AnalyticsError as exc:
        raise ExportError(str(exc), exc.code) from exc
    return CsvExport(file_name(title, question.filter), _spend_chunks(context, question))


# -- the expenses ----------------------------------------------------------------------------

EXPENSE_HEADER = [
    "id", "date", "user", "user_email", "category", "merchant", "description", "reference",
    "amount", "currency", "exchange_rate", "base_amount", "base_currency", "reimbursable",
    "billable", "status", "report", "customer", "potential",
]  # fmt: skip


async def _expense_chunks(context: Context, spend_filter: SpendFilter) -> AsyncIterator[str]:
    assert context.viewer is not None
    yield _csv([EXPENSE_HEADER])
    base: str | None = None
    async for chunk in expense_chunks(context.viewer, spend_filter):
        loaders = Loaders(context.viewer.org_id)  # names of this chunk only
        if base is None:
            org = await loaders.organization_by_id.load(context.viewer.org_id)
            assert org is not None
            base = org.base_currency
        expenses = [item.expense for item in chunk]
        users = await _load(loaders.user_by_id, (e.user_id for e in expenses))
        categories = await _load(loaders.category_by_id, (e.category_id for e in expenses))
        reports = await _load(loaders.report_by_id, (e.report_id for e in expenses))
        customers = await _load(loaders.customer_by_id, (i.customer_id for i in chunk))
        deals = await _load(loaders.potential_by_id, (i.potential_id for i in chunk))
        rows: list[list[Any]] = []
        for item in chunk:
            e = item.expense
            user = users.get(e.user_id)
            rows.append([
                encode_id("Expense", e.id), e.date.isoformat(), getattr(user, "name", None),
                getattr(user, "email", None), getattr(categories.get(e.category_id), "name", None),
                e.merchant, e.description, e.reference, _amount(e.amount_minor, e.currency),
                e.currency, format(e.exchange_rate.normalize(), "f"),
                _amount(e.base_amount_minor, base), base,
                "yes" if e.is_reimbursable else "no", "yes" if e.is_billable else "no",
                item.status.value, getattr(reports.get(e.report_id or 0), "number", None),
                getattr(customers.get(item.customer_id or 0), "name", None),
                getattr(deals.get(item.potential_id or 0), "name", None),
            ])  # fmt: skip
        yield _csv(rows)


def expenses_export(context: Context, params: Mapping[str, str]) -> CsvExport:
    """The expenses an aggregate with the same ``filter`` counts, by date then id."""
    spend_filter = _filter(params.get("filter"))
    try:
        filters.check(Question(filter=spend_filter))
    except AnalyticsError as exc:
        raise ExportError(str(exc), exc.code) from exc
    return CsvExport(file_name("expenses", spend_filter), _expense_chunks(context, spend_filter))
