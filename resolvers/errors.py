"""User-fixable problems are data: a mutation returns them, it never raises them."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")


class ErrorCode(StrEnum):
    """Codes a client can branch on. Shared by every mutation payload."""

    INVALID = "INVALID"
    REQUIRED = "REQUIRED"
    NOT_FOUND = "NOT_FOUND"
    UNIQUE = "UNIQUE"
    TOO_LONG = "TOO_LONG"
    INVALID_EMAIL = "INVALID_EMAIL"
    PASSWORD_TOO_WEAK = "PASSWORD_TOO_WEAK"  # noqa: S105 (an error code)
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    ORGANIZATION_REQUIRED = "ORGANIZATION_REQUIRED"
    LAST_ADMIN = "LAST_ADMIN"
    USER_LIMIT_REACHED = "USER_LIMIT_REACHED"
    USER_INACTIVE = "USER_INACTIVE"
    ALREADY_REVOKED = "ALREADY_REVOKED"
    INVALID_CURRENCY = "INVALID_CURRENCY"
    INVALID_TIME_ZONE = "INVALID_TIME_ZONE"
    INVALID_AMOUNT = "INVALID_AMOUNT"
    EXCHANGE_RATE_REQUIRED = "EXCHANGE_RATE_REQUIRED"
    DATE_IN_FUTURE = "DATE_IN_FUTURE"
    INVALID_DATE_RANGE = "INVALID_DATE_RANGE"
    CATEGORY_DISABLED = "CATEGORY_DISABLED"
    CUSTOMER_INACTIVE = "CUSTOMER_INACTIVE"
    CUSTOMER_IN_USE = "CUSTOMER_IN_USE"
    POTENTIAL_NOT_OF_CUSTOMER = "POTENTIAL_NOT_OF_CUSTOMER"
    POTENTIAL_NOT_ALLOWED = "POTENTIAL_NOT_ALLOWED"
    EXPENSE_LOCKED = "EXPENSE_LOCKED"
    REPORT_NOT_EDITABLE = "REPORT_NOT_EDITABLE"
    REPORT_EMPTY = "REPORT_EMPTY"
    INVALID_APPROVER = "INVALID_APPROVER"
    SELF_APPROVAL_NOT_ALLOWED = "SELF_APPROVAL_NOT_ALLOWED"
    INVALID_TRANSITION = "INVALID_TRANSITION"
    NOT_PERMITTED = "NOT_PERMITTED"
    TOO_MANY_ITEMS = "TOO_MANY_ITEMS"
    UNSUPPORTED_FILE_TYPE = "UNSUPPORTED_FILE_TYPE"
    FILE_TOO_LARGE = "FILE_TOO_LARGE"
    CRM_REJECTED = "CRM_REJECTED"
    NOT_CONNECTED = "NOT_CONNECTED"
    CURRENCY_MISMATCH = "CURRENCY_MISMATCH"
    SYNC_NOT_CONFIGURED = "SYNC_NOT_CONFIGURED"
    BASE_CURRENCY_LOCKED = "BASE_CURRENCY_LOCKED"
    INCOMPATIBLE_FIELD_TYPE = "INCOMPATIBLE_FIELD_TYPE"
    STATEMENT_INVALID = "STATEMENT_INVALID"
    CSV_MAPPING_REQUIRED = "CSV_MAPPING_REQUIRED"
    CARD_INACTIVE = "CARD_INACTIVE"
    IMPORT_IN_USE = "IMPORT_IN_USE"
    ALREADY_MATCHED = "ALREADY_MATCHED"
    AMOUNT_MISMATCH = "AMOUNT_MISMATCH"
    CARD_AMOUNT_LOCKED = "CARD_AMOUNT_LOCKED"
    CARD_EXPENSE_NOT_REIMBURSABLE = "CARD_EXPENSE_NOT_REIMBURSABLE"


@dataclass(frozen=True, slots=True)
class FieldError:
    """``field`` is the camelCase input path, or None when the problem is not one field's."""

    field: str | None
    message: str
    code: ErrorCode


class Refused(Exception):
    """Raised inside a transaction to roll it back; the caller returns ``errors``."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("refused")
        self.errors = errors


@dataclass(slots=True)
class MutationResult(Generic[T]):
    value: T | None = None
    errors: list[FieldError] = field(default_factory=list)

    @classmethod
    def fail(cls, field_name: str | None, message: str, code: ErrorCode) -> MutationResult[T]:
        return cls(errors=[FieldError(field_name, message, code)])
