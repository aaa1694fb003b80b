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


@dataclass(frozen=True, slots=True)
class FieldError:
    """``field`` is the camelCase input path, or None when the problem is not one field's."""

    field: str | None
    message: str
    code: ErrorCode


@dataclass(slots=True)
class MutationResult(Generic[T]):
    value: T | None = None
    errors: list[FieldError] = field(default_factory=list)

    @classmethod
    def fail(cls, field_name: str | None, message: str, code: ErrorCode) -> MutationResult[T]:
        return cls(errors=[FieldError(field_name, message, code)])
