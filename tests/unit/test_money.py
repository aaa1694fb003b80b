from __future__ import annotations

from decimal import Decimal

import pytest

from orm.money import CURRENCY_EXPONENTS, Money, MoneyError, normalize_currency, parse_decimal


@pytest.mark.parametrize(
    ("amount", "currency", "minor", "text"),
    [
        ("12.5", "usd", 1250, "12.50 USD"),
        ("0.01", "EUR", 1, "0.01 EUR"),
        ("-3", "USD", -300, "-3.00 USD"),
        ("1000", "JPY", 1000, "1000 JPY"),
        ("1.234", "BHD", 1234, "1.234 BHD"),
        ("999999999.99", "INR", 99999999999, "999999999.99 INR"),
    ],
)
def test_exact_round_trip(amount: str, currency: str, minor: int, text: str) -> None:
    money = Money.from_decimal(amount, currency)
    assert money.minor == minor
    assert str(money) == text
    assert Money.from_decimal(money.amount, money.currency) == money


@pytest.mark.parametrize(
    ("amount", "currency"),
    [
        ("12.345", "USD"),  # more decimals than the currency has
        ("1.5", "JPY"),
        ("1e3", "USD"),  # no exponent notation
        ("NaN", "USD"),
        ("", "USD"),
        ("12,50", "EUR"),
        ("10000000000000", "USD"),  # absurd
        ("10", "ABC"),
        ("10", "usdx"),
    ],
)
def test_inexact_or_invalid_amounts_are_refused(amount: str, currency: str) -> None:
    with pytest.raises(MoneyError):
        Money.from_decimal(amount, currency)


def test_floats_never_become_minor_units() -> None:
    with pytest.raises(MoneyError):
        Money(12.5, "USD")  # type: ignore[arg-type]
    with pytest.raises(MoneyError):
        Money(1, "usd")


def test_addition_needs_the_same_currency() -> None:
    assert Money(150, "USD") + Money(250, "USD") == Money(400, "USD")
    assert -Money(5, "EUR") == Money(-5, "EUR")
    with pytest.raises(MoneyError):
        Money(1, "USD") + Money(1, "EUR")


def test_currency_table() -> None:
    assert normalize_currency(" eur ") == "EUR"
    assert CURRENCY_EXPONENTS["USD"] == 2
    assert CURRENCY_EXPONENTS["KRW"] == 0
    assert CURRENCY_EXPONENTS["KWD"] == 3
    assert all(len(code) == 3 and code.isupper() for code in CURRENCY_EXPONENTS)


def test_parse_decimal_is_strict() -> None:
    assert parse_decimal(" 12.50 ") == Decimal("12.50")
    for bad in ("Infinity", "1_000", "+-1", "--1", "0x10"):
        with pytest.raises(MoneyError):
            parse_decimal(bad)
