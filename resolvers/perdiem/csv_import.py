"""Import of locations and rates from CSV text: every line checked first, errors named by line
number, and nothing written unless the whole file is good.

Header (case-insensitive, any order): ``location, currency, full_day, effective_from`` are
required; ``breakfast, lunch, dinner, incidentals, partial_day, effective_to`` are optional.
Amounts are decimal strings in major units ("28.00"), dates ISO (2026-01-31). A location the
policy lacks is created.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tortoise.transactions import in_transaction

from orm import models
from orm.money import MoneyError, parse_decimal
from resolvers.errors import ErrorCode, FieldError, MutationResult, Refused
from resolvers.perdiem.amounts import RateValue
from resolvers.perdiem.config import policy_of
from resolvers.perdiem.store import rate_fields, rate_value
from resolvers.perdiem.validation import RateData, clean_rate, overlaps
from resolvers.viewer import Viewer

REQUIRED = ("location", "currency", "full_day", "effective_from")
AMOUNTS = ("full_day", "breakfast", "lunch", "dinner", "incidentals", "partial_day")
OPTIONAL = ("breakfast", "lunch", "dinner", "incidentals", "partial_day", "effective_to")
MAX_CHARS = 1_000_000
MAX_ROWS = 5000
MAX_ERRORS = 50


@dataclass(frozen=True, slots=True)
class ImportSummary:
    locations_created: int
    rates_created: int


def _fail(line: int, column: str | None, message: str, code: ErrorCode) -> FieldError:
    field = f"csv.{line}" if column is None else f"csv.{line}.{column}"
    return FieldError(field, f"Line {line}: {message}", code)


def _decimal(text: str) -> Decimal | None:
    return parse_decimal(text) if text.strip() else None


def _date(text: str) -> date | None:
    return date.fromisoformat(text.strip()) if text.strip() else None


def _parse_row(
    line: int, row: dict[str, str], errors: list[FieldError]
) -> tuple[str, RateData] | None:
    start = len(errors)
    name = " ".join(row.get("location", "").split())
    if not name or len(name) > 200:
        errors.append(_fail(line, "location", "give a location name of at most 200 characters.",
                            ErrorCode.INVALID_CSV))  # fmt: skip
    data = RateData(currency=row.get("currency", "").strip())
    for column in AMOUNTS:
        try:
            setattr(data, column, _decimal(row.get(column, "")))
        except MoneyError:
            errors.append(_fail(line, column, f"{row.get(column)!r} is not an amount.",
                                ErrorCode.INVALID_AMOUNT))  # fmt: skip
    for column in ("effective_from", "effective_to"):
        try:
            setattr(data, column, _date(row.get(column, "")))
        except ValueError:
            errors.append(_fail(line, column, f"{row.get(column)!r} is not a date (YYYY-MM-DD).",
                                ErrorCode.INVALID_CSV))  # fmt: skip
    return (name, data) if len(errors) == start else None


def parse_rates_csv(text: str, errors: list[FieldError]) -> list[tuple[int, str, RateData]]:
    """Rows as (line number, location name, rate data); problems appended to ``errors``."""
    if len(text) > MAX_CHARS:
        errors.append(FieldError("csv", f"The file is larger than {MAX_CHARS} characters.",
                                 ErrorCode.FILE_TOO_LARGE))  # fmt: skip
        return []
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), strict=True)
    try:
        header = [column.strip().lower() for column in next(reader, [])]
        missing = [column for column in REQUIRED if column not in header]
        if not header or missing:
            errors.append(_fail(1, None, f"the header lacks {', '.join(missing or REQUIRED)}.",
                                ErrorCode.INVALID_CSV))  # fmt: skip
            return []
        unknown = [c for c in header if c not in REQUIRED + OPTIONAL]
        if unknown:
            errors.append(_fail(1, None, f"unknown columns {', '.join(unknown)}.",
                                ErrorCode.INVALID_CSV))  # fmt: skip
            return []
        rows: list[tuple[int, str, RateData]] = []
        for cells in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if len(rows) >= MAX_ROWS:
                errors.append(_fail(line, None, f"more than {MAX_ROWS} rates.",
                                    ErrorCode.TOO_MANY_ITEMS))  # fmt: skip
                return []
            if len(cells) != len(header):
                errors.append(_fail(line, None, f"{len(cells)} cells where the header has "
                                    f"{len(header)}.", ErrorCode.INVALID_CSV))  # fmt: skip
                continue
            parsed = _parse_row(line, dict(zip(header, cells, strict=True)), errors)
            if parsed is not None:
                rows.append((line, *parsed))
            if len(errors) >= MAX_ERRORS:
                break
    except csv.Error as exc:
        errors.append(_fail(reader.line_num, None, str(exc), ErrorCode.INVALID_CSV))
        return []
    if not rows and not errors:
        errors.append(FieldError("csv", "The file has no rates.", ErrorCode.INVALID_CSV))
    return rows


async def import_rates(
    viewer: Viewer, policy_id: int | None, text: str
) -> MutationResult[ImportSummary]:
    policy = await policy_of(viewer, policy_id)
    if policy is None:
        return MutationResult.fail("policyId", "No such per diem policy.", ErrorCode.NOT_FOUND)
    errors: list[FieldError] = []
    rows = parse_rates_csv(text, errors)
    if errors:
        return MutationResult(errors=errors)
    try:
        async with in_transaction() as connection:
            locations = {
                row.name: row
                for row in await models.PerDiemLocation.filter(policy_id=policy.id)
                .select_for_update()
                .using_db(connection)
            }
            existing = [
                rate_value(row)
                for row in await models.PerDiemRate.filter(location__policy_id=policy.id).using_db(
                    connection
                )
            ]
            new_locations = 0
            for name in dict.fromkeys(name for _, name, _ in rows):
                if name not in locations:
                    locations[name] = await models.PerDiemLocation.create(
                        org_id=viewer.org_id, policy_id=policy.id, name=name, using_db=connection
                    )
                    new_locations += 1
            values: list[RateValue] = []
            for line, name, data in rows:
                value = clean_rate(data, locations[name].id, errors, prefix=f"csv.{line}.")
                if value is not None and overlaps(value, existing + values):
                    errors.append(_fail(line, "effective_from", "another rate of this location "
                                        "is in force on some of these days.",
                                        ErrorCode.RATE_OVERLAP))  # fmt: skip
                elif value is not None:
                    values.append(value)
            if errors:
                raise Refused([_numbered(e) for e in errors])
            await models.PerDiemRate.bulk_create(
                [models.PerDiemRate(org_id=viewer.org_id, location_id=v.location_id,
                                    **rate_fields(v)) for v in values],
                using_db=connection,
            )  # fmt: skip
    except Refused as refusal:
        return MutationResult(errors=refusal.errors)
    return MutationResult(ImportSummary(new_locations, len(values)))


def _numbered(error: FieldError) -> FieldError:
    """Errors from the shared rate checks carry the line in their field: say it in the text,
    and name the CSV column (``csv.4.fullDay`` becomes ``csv.4.full_day``)."""
    if error.message.startswith("Line "):
        return error
    _, line, column = (error.field or "csv.?.").split(".", 2)
    field = f"csv.{line}.{re.sub(r'([A-Z])', lambda m: '_' + m.group(1).lower(), column)}"
    return FieldError(field, f"Line {line}: {error.message}", error.code)
