"""OFX statements (SGML 1.x and XML 2.x) read with ofxtools.

ofxtools parses the file and validates each ``STMTTRN`` aggregate; a transaction it refuses is
reported at the line of its ``<STMTTRN>`` tag. The posted date is the bank's calendar date (the
first eight digits of ``DTPOSTED``), not the date in UTC.
"""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

from ofxtools.header import OFXHeaderError
from ofxtools.models.base import Aggregate
from ofxtools.Parser import OFXTree, ParseError

from orm.money import Money, MoneyError
from resolvers.cards.statement import (
    MAX_PROBLEMS,
    MAX_STATEMENT_ROWS,
    Problem,
    StatementRejected,
    StatementRow,
    clip,
)

_STMTTRN = re.compile(rb"<STMTTRN>", re.IGNORECASE)


def _lines_of_transactions(data: bytes) -> list[int]:
    return [data.count(b"\n", 0, match.start()) + 1 for match in _STMTTRN.finditer(data)]


def _tree(data: bytes) -> Any:
    if not data.strip():
        raise StatementRejected([Problem(1, "the file is empty")])
    tree = OFXTree()
    try:
        tree.parse(io.BytesIO(data))
    except (OFXHeaderError, ParseError, ValueError, LookupError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise StatementRejected([Problem(1, f"not an OFX file: {first}")]) from exc
    return tree.getroot()


def parse_ofx(data: bytes, currency: str) -> list[StatementRow]:
    root = _tree(data)
    currencies = {element.text.strip().upper() for element in root.iter("CURDEF") if element.text}
    if currencies and currencies != {currency}:
        found = ", ".join(sorted(currencies))
        raise StatementRejected(
            [Problem(1, f"the statement is in {found}, the card in {currency}")]
        )
    lines = _lines_of_transactions(data)
    rows: list[StatementRow] = []
    problems: list[Problem] = []
    for index, element in enumerate(root.iter("STMTTRN")):
        line = lines[index] if index < len(lines) else 1
        try:
            transaction = Aggregate.from_etree(element)
            posted_text = (element.findtext("DTPOSTED") or "").strip()
            assert transaction.dtposted is not None  # required by the OFX spec; checked above
            posted = date(int(posted_text[:4]), int(posted_text[4:6]), int(posted_text[6:8]))
            # OFX writes a charge as a negative amount; here a charge is positive.
            amount = -Money.from_decimal(transaction.trnamt, currency).minor
        except (ValueError, MoneyError, TypeError) as exc:
            problems.append(Problem(line, f"invalid transaction: {exc}"))
            if len(problems) >= MAX_PROBLEMS:
                break
            continue
        text = " ".join(part for part in (transaction.name, transaction.memo) if part)
        row = StatementRow(
            line=line, external_id=clip(transaction.fitid) or None, posted_date=posted,
            amount_minor=amount, description=clip(text),
        )  # fmt: skip
        rows.append(row)
        if len(rows) > MAX_STATEMENT_ROWS:
            raise StatementRejected(
                [Problem(line, f"more than {MAX_STATEMENT_ROWS} transactions in one file")]
            )
    if problems:
        raise StatementRejected(problems)
    if not rows:
        raise StatementRejected([Problem(1, "the file has no transactions")])
    return rows
