from __future__ import annotations

import pytest

from resolvers.errors import ErrorCode, FieldError
from resolvers.identity.passwords import hash_password, password_problems, verify_password
from resolvers.validation import clean_currency, clean_email, clean_text, clean_time_zone


def test_clean_email_normalises_and_reports() -> None:
    errors: list[FieldError] = []
    assert clean_email("  Jane.Doe@Example.COM ", "email", errors) == "jane.doe@example.com"
    assert errors == []
    clean_email("jane@", "email", errors)
    assert [e.code for e in errors] == [ErrorCode.INVALID_EMAIL]


def test_clean_text_collapses_space_and_checks_length() -> None:
    errors: list[FieldError] = []
    assert clean_text("  a   b ", "name", max_length=5, errors=errors) == "a b"
    clean_text("   ", "name", max_length=5, errors=errors)
    clean_text("abcdef", "name", max_length=5, errors=errors)
    assert [e.code for e in errors] == [ErrorCode.REQUIRED, ErrorCode.TOO_LONG]


def test_currency_and_time_zone() -> None:
    errors: list[FieldError] = []
    assert clean_currency("eur", "c", errors) == "EUR"
    assert clean_time_zone("Asia/Kolkata", "tz", errors) == "Asia/Kolkata"
    clean_currency("EURO", "c", errors)
    clean_time_zone("../etc/passwd", "tz", errors)
    assert [e.code for e in errors] == [ErrorCode.INVALID_CURRENCY, ErrorCode.INVALID_TIME_ZONE]


@pytest.mark.parametrize(
    "password", ["short", "password123", "zzzzzzzzzzzz", "jane.doe-is-me!", "x" * 300]
)
def test_weak_passwords(password: str) -> None:
    problems = password_problems(password, email="jane.doe@example.com")
    assert [p.code for p in problems] == [ErrorCode.PASSWORD_TOO_WEAK]


def test_hashing() -> None:
    assert password_problems("correct horse battery", email="jane@example.com") == []
    hashed = hash_password("correct horse battery")
    assert hashed.startswith("$argon2id$")
    assert verify_password(hashed, "correct horse battery")
    assert not verify_password(hashed, "wrong")
    assert not verify_password(None, "anything")
    assert not verify_password("not-a-hash", "anything")
