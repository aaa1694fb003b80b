"""CSV exports over the fixed dataset, checked row by row against the aggregate (both
databases), in chunks smaller than the answer so chunking is exercised too."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal

import pytest

from gql.analytics.export import CsvExport, ExportError, cell, expenses_export, spend_export
from gql.context import build_context
from gql.ids import encode_id
from resolvers.analytics import export as chunks
from tests.factories import make_category, make_expense, make_user, viewer_for
from tests.gql.analytics.conftest import Dataset
from tests.gql.analytics.helpers import ask


async def _rows(export: CsvExport) -> list[list[str]]:
    text = "".join([part async for part in export.chunks])
    return list(csv.reader(io.StringIO(text)))


async def _export(data: Dataset, make: object, **params: str) -> CsvExport:
    context = await build_context(None, viewer=viewer_for(data.admin))
    return make(context, params)  # type: ignore[operator, no-any-return]


@pytest.fixture(autouse=True)
def _small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chunks, "GROUPS_PER_CHUNK", 2)
    monkeypatch.setattr(chunks, "EXPENSES_PER_CHUNK", 2)


async def test_aggregate_csv_row_by_row(data: Dataset) -> None:
    spend_filter = {"statuses": ["APPROVED", "REIMBURSED", "SUBMITTED", "REJECTED"]}
    answer = await ask(data.admin, "spendAnalytics", groupBy=["POTENTIAL", "MONTH"],
                       filter=spend_filter, first=100)  # fmt: skip
    export = await _export(data, spend_export, groupBy="POTENTIAL,MONTH",
                           filter=json.dumps(spend_filter))  # fmt: skip
    assert export.file_name == (
        "spend-by-potential-month_status-approved-reimbursed-submitted-rejected.csv"
    )
    header, *rows = await _rows(export)
    assert header == [
        "potential_id", "potential", "deal_stage", "deal_outcome", "deal_amount",
        "deal_currency", "spend_to_deal_amount", "month", "expenses", "total",
        "reimbursable_total", "billable_total", "average", "minimum", "maximum", "currency",
    ]  # fmt: skip
    assert len(rows) == answer["totalCount"] == len(answer["nodes"]) == 6
    for row, group in zip(rows, answer["nodes"], strict=True):
        record = dict(zip(header, row, strict=True))
        assert record["potential"] == (group["potential"]["name"] if group["potential"] else "")
        assert record["deal_stage"] == (group["potential"]["stage"] if group["potential"] else "")
        assert record["month"] == group["period"]
        assert int(record["expenses"]) == group["count"]
        for column, field in (("total", "total"), ("reimbursable_total", "reimbursableTotal"),
                              ("billable_total", "billableTotal"), ("average", "average"),
                              ("minimum", "minimum"), ("maximum", "maximum")):  # fmt: skip
            assert record[column] == group[field]["amount"], column
        assert record["spend_to_deal_amount"] == (group["spendToDealAmount"] or "")
        assert record["currency"] == "USD"
    totals = sum(Decimal(dict(zip(header, r, strict=True))["total"]) for r in rows)
    assert str(totals) == answer["summary"]["total"]["amount"] == "885.00"


async def test_ready_report_csv(data: Dataset) -> None:
    export = await _export(data, spend_export, report="spendPerDeal")
    assert export.file_name == "spend-per-deal_status-approved-reimbursed_with-deal.csv"
    header, *rows = await _rows(export)
    records = [dict(zip(header, row, strict=True)) for row in rows]
    assert [(r["potential"], r["deal_outcome"], r["total"], r["spend_to_deal_amount"])
            for r in records] == [
        ("Initech pilot", "LOST", "200.00", ""), ("Globex renewal", "WON", "155.00", "0.0155"),
        ("Globex expansion", "OPEN", "25.00", "0.0013"),
    ]  # fmt: skip
    assert records[1]["deal_amount"] == "10000.00" and records[0]["deal_currency"] == "EUR"
    by_user = await _export(data, spend_export, report="dealSpendByUser",
                            potentialId=encode_id("Potential", data.renewal.id))  # fmt: skip
    header, *rows = await _rows(by_user)
    assert [row[header.index("user")] for row in rows] == ["Alice"]


async def test_expense_list_csv_matches_the_aggregate(data: Dataset) -> None:
    spend_filter = {"statuses": ["APPROVED", "REIMBURSED"], "dateTo": "2026-12-31"}
    export = await _export(data, expenses_export, filter=json.dumps(spend_filter))
    assert export.file_name == "expenses_start-to-2026-12-31_status-approved-reimbursed.csv"
    header, *rows = await _rows(export)
    records = [dict(zip(header, row, strict=True)) for row in rows]
    assert [(r["date"], r["base_amount"], r["potential"], r["customer"], r["status"])
            for r in records] == [
        ("2026-01-05", "100.00", "Globex renewal", "Globex", "APPROVED"),  # via its report
        ("2026-01-06", "25.00", "Globex expansion", "Globex", "APPROVED"),
        ("2026-01-20", "55.00", "Globex renewal", "Globex", "APPROVED"),
        ("2026-02-03", "200.00", "Initech pilot", "Initech", "REIMBURSED"),
        ("2026-02-14", "30.00", "", "", "REIMBURSED"),
    ]  # fmt: skip
    euro = records[2]
    assert (euro["amount"], euro["currency"], euro["exchange_rate"]) == ("50.00", "EUR", "1.1")
    assert (records[3]["reimbursable"], records[3]["billable"]) == ("no", "yes")
    summary = (await ask(data.admin, "spendAnalytics", groupBy=[], filter=spend_filter))["summary"]
    assert len(records) == summary["count"]
    assert str(sum(Decimal(r["base_amount"]) for r in records)) == summary["total"]["amount"]


async def test_cells_that_could_run_as_formulas_are_quoted(data: Dataset) -> None:
    assert [cell(v) for v in ("=1+2", "+1", "-1", "@SUM(A1)", "\tx", "plain", None, 7)] == [
        "'=1+2", "'+1", "'-1", "'@SUM(A1)", "'\tx", "plain", "", "7",
    ]  # fmt: skip
    mallory = await make_user(data.org, name="@mallory")
    category = await make_category(data.org, "+Fees")
    await make_expense(mallory, category, 500, date=date(2026, 6, 1),
                       merchant='=HYPERLINK("http://evil.example")', description="-2+3")  # fmt: skip
    header, *rows = await _rows(await _export(data, expenses_export))
    record = dict(zip(header, rows[-1], strict=True))
    assert record["merchant"] == '\'=HYPERLINK("http://evil.example")'
    assert (record["user"], record["category"], record["description"]) == (
        "'@mallory", "'+Fees", "'-2+3",
    )  # fmt: skip
    header, *rows = await _rows(await _export(data, spend_export, groupBy="USER,CATEGORY"))
    assert ["'@mallory", "'+Fees"] in [
        [r[header.index("user")], r[header.index("category")]] for r in rows
    ]


async def test_bad_parameters_are_refused_before_any_row(data: Dataset) -> None:
    cases = [
        (spend_export, {"groupBy": "USER,NOPE"}, "BAD_GROUPING"),
        (spend_export, {"groupBy": "MONTH,YEAR"}, "BAD_GROUPING"),
        (spend_export, {"groupBy": "USER", "orderBy": "TOTAL:SIDEWAYS"}, "BAD_ORDER"),
        (spend_export, {"groupBy": "USER", "orderBy": "MONTH"}, "BAD_ORDER"),
        (spend_export, {"report": "everything"}, "BAD_REPORT"),
        (spend_export, {"filter": "{nope"}, "BAD_FILTER"),
        (spend_export, {"filter": "[1]"}, "BAD_FILTER"),
        (expenses_export, {"filter": '{"statuses": ["LOST"]}'}, "BAD_FILTER"),
        (expenses_export, {"filter": '{"dateFrom": "yesterday"}'}, "BAD_FILTER"),
        (expenses_export, {"filter": '{"unknownField": 1}'}, "BAD_FILTER"),
        (expenses_export, {"filter": '{"stages": ["a\\u0000b"]}'}, "BAD_FILTER"),
        (expenses_export, {"filter": "[" * 100_000}, "BAD_FILTER"),
    ]
    for make, params, code in cases:
        with pytest.raises(ExportError) as refused:
            await _export(data, make, **params)
        assert refused.value.code == code, params
