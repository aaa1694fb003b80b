"""Statement parsing: real-looking CSV and OFX files, and every kind of malformed file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from resolvers.cards.csv_mapping import CsvMapping
from resolvers.cards.csv_statement import parse_csv
from resolvers.cards.ofx_statement import parse_ofx
from resolvers.cards.statement import StatementRejected, StatementRow

FIXTURES = Path(__file__).parents[1] / "fixtures" / "cards"
CHASE = CsvMapping(
    date_column="Post Date", description_column="Description", amount_column="Amount",
    date_format="%m/%d/%Y", charges_negative=True,
)  # fmt: skip
SPARKASSE = CsvMapping(
    date_column="Buchungsdatum", description_column="Beschreibung", debit_column="Belastung",
    credit_column="Gutschrift", id_column="Referenz", date_format="%d.%m.%Y",
    decimal_separator=",", delimiter=";",
)  # fmt: skip


def problems(error: pytest.ExceptionInfo[StatementRejected]) -> list[str]:
    return [str(problem) for problem in error.value.problems]


def test_a_signed_amount_csv_with_charges_negative() -> None:
    rows = parse_csv((FIXTURES / "chase_2026_01.csv").read_bytes(), CHASE, "USD")
    assert rows == [
        StatementRow(2, None, date(2026, 1, 13), 42560, "DELTA AIR LINES ATLANTA GA"),
        StatementRow(3, None, date(2026, 1, 15), 2345, "UBER *TRIP HELP.UBER.COM"),
        StatementRow(4, None, date(2026, 1, 16), 18900, "HILTON GARDEN INN BOSTON, MA"),
        StatementRow(5, None, date(2026, 1, 20), -50000, "AUTOMATIC PAYMENT - THANK YOU"),
    ]
    assert rows[0].dedupe_key == "row:2026-01-13|42560|delta air lines atlanta ga"


def test_debit_and_credit_columns_with_decimal_comma_and_ids() -> None:
    rows = parse_csv((FIXTURES / "sparkasse_2026_02.csv").read_bytes(), SPARKASSE, "EUR")
    assert [(r.external_id, r.posted_date, r.amount_minor) for r in rows] == [
        ("DE-7781", date(2026, 2, 3), 123450),
        ("DE-7782", date(2026, 2, 4), 38900),
        ("DE-7790", date(2026, 2, 9), -12000),
    ]
    assert rows[0].dedupe_key == "id:DE-7781"


def test_an_ofx_credit_card_statement() -> None:
    rows = parse_ofx((FIXTURES / "amex_2026_01.ofx").read_bytes(), "USD")
    assert rows == [
        StatementRow(29, "320260080318877514", date(2026, 1, 8), 6420,
                     "THE CAPITAL GRILLE NEW YORK RESTAURANT"),
        StatementRow(37, "320260110291554031", date(2026, 1, 11), 31200, "MARRIOTT MARQUIS NYC"),
        StatementRow(44, "320260250077120993", date(2026, 1, 25), -4000,
                     "MARRIOTT MARQUIS NYC CREDIT"),
    ]  # fmt: skip


def test_an_ofx_statement_in_another_currency_is_refused() -> None:
    with pytest.raises(StatementRejected) as error:
        parse_ofx((FIXTURES / "amex_2026_01.ofx").read_bytes(), "EUR")
    assert problems(error) == ["Line 1: the statement is in USD, the card in EUR"]


def test_an_ofx_transaction_with_a_bad_date_is_refused_at_its_line() -> None:
    data = (
        (FIXTURES / "amex_2026_01.ofx")
        .read_bytes()
        .replace(b"<DTPOSTED>20260111000000.000[-5:EST]", b"<DTPOSTED>2026-01-11")
    )
    with pytest.raises(StatementRejected) as error:
        parse_ofx(data, "USD")
    assert len(error.value.problems) == 1
    assert error.value.problems[0].line == 37
    assert "STMTTRN.dtposted" in error.value.problems[0].reason


def test_an_ofx_transaction_with_more_decimals_than_the_currency_is_refused() -> None:
    data = (FIXTURES / "amex_2026_01.ofx").read_bytes().replace(b"-64.20", b"-64.205")
    with pytest.raises(StatementRejected) as error:
        parse_ofx(data, "USD")
    assert problems(error) == [
        "Line 29: invalid transaction: USD has 2 decimal places; -64.205 has more"
    ]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", ["Line 1: the file is empty"]),
        (b"hello, this is not a statement", ["Line 1: not an OFX file: OFX header is malformed:"]),
    ],
)
def test_empty_and_garbage_ofx(data: bytes, expected: list[str]) -> None:
    with pytest.raises(StatementRejected) as error:
        parse_ofx(data, "USD")
    assert problems(error) == expected


HEADER = b"Transaction Date,Post Date,Description,Category,Type,Amount,Memo\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", ["Line 1: the file is empty"]),
        (b"  \n\n", ["Line 1: the file is empty"]),
        (HEADER, ["Line 1: the file has no transactions"]),
        (b"Date,Description,Total\n01/13/2026,X,1.00\n",
         ["Line 1: missing column 'Post Date', 'Amount'"]),
        (HEADER + b"01/12/2026,01/13/2026,A,,Sale,-1.00,\n01/12/2026,13/01/2026,B,,Sale,-2.00,\n",
         ["Line 3: unparsable date '13/01/2026' (expected %m/%d/%Y)"]),
        (HEADER + b"01/12/2026,01/13/2026,A,,Sale,twelve,\n",
         ["Line 2: unparsable amount: 'twelve' is not a decimal number"]),
        (HEADER + b"01/12/2026,01/13/2026,A,,Sale,-1.005,\n",
         ["Line 2: unparsable amount: USD has 2 decimal places; -1.005 has more"]),
        (HEADER + b"01/12/2026,01/13/2026,A,,Sale,,\n",
         ["Line 2: unparsable amount: the amount is empty"]),
        (HEADER + b"01/12/2026,01/13/2026,A,,Sale\n",
         ["Line 2: 5 fields where the header has 7"]),
        (HEADER + b"01/12/2026,01/13/2026,A,,Sale,-1.00,\n01/12/2026,01/13/2026,CAF\xc9,,Sale,-2,\n",
         ["Line 3: the file is not UTF-8 text (byte 0xc9)"]),
        (HEADER + b"01/12/2026,x,A,,Sale,y,\n",
         ["Line 2: unparsable date 'x' (expected %m/%d/%Y)",
          "Line 2: unparsable amount: 'y' is not a decimal number"]),
    ],
)  # fmt: skip
def test_malformed_csv_is_refused_with_line_and_reason(data: bytes, expected: list[str]) -> None:
    with pytest.raises(StatementRejected) as error:
        parse_csv(data, CHASE, "USD")
    assert problems(error) == expected


def test_debit_and_credit_both_filled_is_refused() -> None:
    data = b"Buchungsdatum;Beschreibung;Belastung;Gutschrift;Referenz\n03.02.2026;X;1,00;2,00;R1\n"
    with pytest.raises(StatementRejected) as error:
        parse_csv(data, SPARKASSE, "EUR")
    assert problems(error) == [
        "Line 2: unparsable amount: give exactly one of the debit and credit amounts"
    ]


def test_a_utf8_byte_order_mark_and_parenthesised_negatives_are_read() -> None:
    data = "\ufeffDate,Text,Amount\n2026-01-05,Café Hugo,(12.50)\n".encode()
    mapping = CsvMapping(date_column="Date", description_column="Text", amount_column="Amount")
    assert parse_csv(data, mapping, "EUR") == [
        StatementRow(2, None, date(2026, 1, 5), -1250, "Café Hugo")
    ]


@pytest.mark.parametrize(
    ("mapping", "fields"),
    [
        (CsvMapping(date_column="D", description_column="T"), ["amountColumn"]),
        (CsvMapping(date_column="D", description_column="T", amount_column="A",
                    debit_column="B"), ["amountColumn"]),
        (CsvMapping(date_column="D", description_column="T", debit_column="B"), ["amountColumn"]),
        (CsvMapping(date_column="", description_column="T", amount_column="A",
                    date_format="daily"), ["dateColumn", "dateFormat"]),
        (CsvMapping(date_column="D", description_column="T", amount_column="A",
                    delimiter=",", decimal_separator=","), ["delimiter"]),
    ],
)  # fmt: skip
def test_mapping_checks(mapping: CsvMapping, fields: list[str]) -> None:
    assert [error.field for error in mapping.check()] == fields


def test_an_ofx_2_xml_statement_keeps_the_banks_calendar_date() -> None:
    rows = parse_ofx((FIXTURES / "bank_2026_03.qfx").read_bytes(), "EUR")
    # 00:30 CET on 5 March is 4 March in UTC; the bank's date is the one that counts
    assert [
        (r.line, r.external_id, r.posted_date, r.amount_minor, r.description) for r in rows
    ] == [
        (21, "EU-20260304-0001", date(2026, 3, 4), 8740, "DEUTSCHE BAHN"),
        (28, "EU-20260305-0002", date(2026, 3, 5), 1200, "CAFÉ EINSTEIN"),
    ]
