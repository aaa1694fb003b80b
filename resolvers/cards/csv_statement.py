"""CSV statements, read with the stdlib ``csv`` module through a card's ``CsvMapping``."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

from orm.money import Money, MoneyError, parse_decimal
from resolvers.cards.csv_mapping import CsvMapping
from resolvers.cards.statement import (
    MAX_PROBLEMS,
    MAX_STATEMENT_ROWS,
    Problem,
    StatementRejected,
    StatementRow,
    clip,
    decode_utf8,
)


def parse_amount(text: str, mapping: CsvMapping, currency: str) -> int:
    """Minor units of a bank-formatted number: "1,234.50", "1.234,50" (decimal comma),
    "-12.5", "+3", "(12.50)" (negative). More decimals than the currency has is an error."""
    value = text.strip().replace(" ", "").replace("\u00a0", "")
    negative = value.startswith("(") and value.endswith(")")
    if negative:
        value = value[1:-1]
    value = value.removeprefix("+")
    thousands = "," if mapping.decimal_separator == "." else "."
    value = value.replace(thousands, "").replace(mapping.decimal_separator, ".")
    minor = Money.from_decimal(parse_decimal(value), currency).minor
    return -minor if negative else minor


def _cell(row: dict[str, str], column: str) -> str:
    return (row.get(column) or "").strip()


def _date(text: str, mapping: CsvMapping) -> date:
    return datetime.strptime(text, mapping.date_format).date()


def _amount(row: dict[str, str], mapping: CsvMapping, currency: str) -> int:
    if mapping.amount_column is not None:
        text = _cell(row, mapping.amount_column)
        if not text:
            raise MoneyError("the amount is empty")
        signed = parse_amount(text, mapping, currency)
        return -signed if mapping.charges_negative else signed
    assert mapping.debit_column is not None and mapping.credit_column is not None
    debit, credit = _cell(row, mapping.debit_column), _cell(row, mapping.credit_column)
    if bool(debit) == bool(credit):
        raise MoneyError("give exactly one of the debit and credit amounts")
    if debit:
        return abs(parse_amount(debit, mapping, currency))
    return -abs(parse_amount(credit, mapping, currency))


def _header_map(header: list[str], mapping: CsvMapping) -> dict[str, str]:
    """Mapping column name -> the file's header text; missing columns are refused on line 1."""
    by_key = {name.strip().casefold(): name for name in header}
    wanted = [mapping.date_column, mapping.description_column, mapping.amount_column,
              mapping.debit_column, mapping.credit_column, mapping.id_column]  # fmt: skip
    missing = [c for c in wanted if c is not None and c.strip().casefold() not in by_key]
    if missing:
        names = ", ".join(f"'{name}'" for name in missing)
        raise StatementRejected([Problem(1, f"missing column {names}")])
    return {c: by_key[c.strip().casefold()] for c in wanted if c is not None}


def parse_csv(data: bytes, mapping: CsvMapping, currency: str) -> list[StatementRow]:
    """Every row or none: the first ``MAX_PROBLEMS`` problems are reported with their lines."""
    text = decode_utf8(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=mapping.delimiter, strict=True)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise StatementRejected([Problem(1, f"not CSV: {exc}")]) from exc
    columns = _header_map(header, mapping)
    rows: list[StatementRow] = []
    problems: list[Problem] = []
    try:
        for cells in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in cells):
                continue  # blank lines
            if len(cells) != len(header):
                problems.append(
                    Problem(line, f"{len(cells)} fields where the header has {len(header)}")
                )
            else:
                row = dict(zip(header, cells, strict=True))
                parsed = _row(line, row, columns, mapping, currency, problems)
                if parsed is not None:
                    rows.append(parsed)
            if len(problems) >= MAX_PROBLEMS:
                break
            if len(rows) > MAX_STATEMENT_ROWS:
                raise StatementRejected(
                    [Problem(line, f"more than {MAX_STATEMENT_ROWS} transactions in one file")]
                )
    except csv.Error as exc:
        problems.append(Problem(reader.line_num, f"not CSV: {exc}"))
    if problems:
        raise StatementRejected(problems)
    if not rows:
        raise StatementRejected([Problem(1, "the file has no transactions")])
    return rows


def _row(
    line: int,
    row: dict[str, str],
    columns: dict[str, str],
    mapping: CsvMapping,
    currency: str,
    problems: list[Problem],
) -> StatementRow | None:
    date_text = _cell(row, columns[mapping.date_column])
    posted: date | None = None
    try:
        posted = _date(date_text, mapping)
    except ValueError:
        problems.append(
            Problem(line, f"unparsable date '{date_text}' (expected {mapping.date_format})")
        )
    renamed = {mapping_name: row[header] for mapping_name, header in columns.items()}
    amount: int | None = None
    try:
        amount = _amount(renamed, mapping, currency)
    except MoneyError as exc:
        problems.append(Problem(line, f"unparsable amount: {exc}"))
    if posted is None or amount is None:
        return None
    external_id = clip(renamed[mapping.id_column]) if mapping.id_column else ""
    return StatementRow(
        line=line, external_id=external_id or None, posted_date=posted, amount_minor=amount,
        description=clip(renamed[mapping.description_column]),
    )  # fmt: skip
