"""Pure input checks shared by every domain: they return errors, they never raise."""

from __future__ import annotations

import re
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from email_validator import EmailNotValidError, validate_email

from orm.money import MoneyError, normalize_currency
from resolvers.errors import ErrorCode, FieldError

# Characters no text may hold: NUL and the other C0/C1 controls except tab, line feed and
# carriage return; the bidirectional embedding, override and isolate characters; unpaired
# surrogates. GraphQL refuses them at the boundary (gql/text.py); text from files (card
# statements) has them removed.
UNSAFE_CHARACTERS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
# What a spreadsheet reads as the start of a formula in a cell.
FORMULA_START = ("=", "+", "-", "@")


def without_unsafe_characters(text: str) -> str:
    return UNSAFE_CHARACTERS.sub("", text)


def formula_safe(text: str) -> str:
    """``text`` that a spreadsheet shows as text: one starting like a formula gets a leading
    apostrophe (OWASP's advice for CSV injection)."""
    return "'" + text if text.startswith(FORMULA_START) else text


def clean_web_address(
    value: str | None, field: str, *, max_length: int, errors: list[FieldError]
) -> str | None:
    """An http(s) address, or a bare host name as CRMs store websites (``www.acme.example``).
    Any other scheme (``javascript:``, ``data:``, ``file:``) is refused."""
    if value is None or not value.strip():
        return None
    cleaned = value.strip()
    if len(cleaned) > max_length:
        errors.append(
            FieldError(field, f"Use at most {max_length} characters.", ErrorCode.TOO_LONG)
        )
        return cleaned
    parts = urlsplit(cleaned)
    if any(c.isspace() for c in cleaned) or (
        parts.scheme and (parts.scheme not in {"http", "https"} or not parts.netloc)
    ):
        errors.append(
            FieldError(field, "Give a web address (https://…) or a host name.", ErrorCode.INVALID)
        )
    return cleaned


def clean_text(
    value: str, field: str, *, max_length: int, errors: list[FieldError], required: bool = True
) -> str:
    cleaned = " ".join(value.split())
    if required and not cleaned:
        errors.append(FieldError(field, "This field is required.", ErrorCode.REQUIRED))
    elif len(cleaned) > max_length:
        errors.append(
            FieldError(field, f"Use at most {max_length} characters.", ErrorCode.TOO_LONG)
        )
    return cleaned


def clean_name(
    value: str | None, *, creating: bool, max_length: int, errors: list[FieldError]
) -> str | None:
    """The ``name`` of a create (required) or an update (None leaves it as it is)."""
    if value is None:
        if creating:
            errors.append(FieldError("name", "This field is required.", ErrorCode.REQUIRED))
        return None
    return clean_text(value, "name", max_length=max_length, errors=errors)


def clean_email(value: str, field: str, errors: list[FieldError]) -> str:
    """Normalised e-mail address (domain lower-cased); syntax only, no DNS lookups."""
    try:
        checked = validate_email(value.strip(), check_deliverability=False)
    except EmailNotValidError as exc:
        errors.append(FieldError(field, str(exc), ErrorCode.INVALID_EMAIL))
        return value.strip()
    return checked.normalized.lower()


def clean_currency(value: str, field: str, errors: list[FieldError]) -> str:
    try:
        return normalize_currency(value)
    except MoneyError as exc:
        errors.append(FieldError(field, str(exc), ErrorCode.INVALID_CURRENCY))
        return value


def clean_time_zone(value: str, field: str, errors: list[FieldError]) -> str:
    name = value.strip()
    try:
        if name not in available_timezones():
            raise ZoneInfoNotFoundError(name)
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        errors.append(
            FieldError(
                field,
                f"{value!r} is not an IANA time zone (e.g. Europe/Berlin).",
                ErrorCode.INVALID_TIME_ZONE,
            )
        )
    return name
