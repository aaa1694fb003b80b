from __future__ import annotations

import pytest

from sync.crm import errors
from sync.crm.errors import (
    CLASSIFICATION,
    CrmAuthError,
    CrmConflict,
    CrmError,
    CrmFatalError,
    CrmNotFound,
    CrmPaginationError,
    CrmRateLimited,
    CrmRetriableError,
    CrmScopeError,
    CrmUnavailable,
    CrmValidationError,
    classify,
    error_class,
)


def envelope(code: str) -> dict[str, object]:
    return {"code": code, "details": {"x": 1}, "message": f"{code} message", "status": "error"}


@pytest.mark.parametrize(
    ("status", "code", "expected"),
    [
        (401, "INVALID_TOKEN", CrmAuthError),
        (401, "AUTHENTICATION_FAILURE", CrmAuthError),
        (401, "OAUTH_SCOPE_MISMATCH", CrmScopeError),
        (403, "NO_PERMISSION", CrmScopeError),
        (400, "NO_PERMISSION", CrmScopeError),
        (400, "FEATURE_NOT_ENABLED", CrmScopeError),
        (404, "INVALID_URL_PATTERN", CrmNotFound),
        (400, "INVALID_MODULE", CrmNotFound),
        (412, "ALREADY_MODIFIED", CrmConflict),
        (400, "DUPLICATE_DATA", CrmConflict),
        (400, "INVALID_DATA", CrmValidationError),
        (400, "MANDATORY_NOT_FOUND", CrmValidationError),
        (400, "LIMIT_EXCEEDED", CrmValidationError),
        (400, "AMBIGUITY_DURING_PROCESSING", CrmValidationError),
        (400, "DISCRETE_PAGINATION_LIMIT_EXCEEDED", CrmPaginationError),
        (400, "TOKEN_BOUND_DATA_MISMATCH", CrmPaginationError),
        (400, "EXPIRED_VALUE", CrmPaginationError),
        (400, "LIMIT_REACHED", CrmPaginationError),
        (429, "TOO_MANY_REQUESTS", CrmRateLimited),
        (429, None, CrmRateLimited),
        (500, "INTERNAL_ERROR", CrmUnavailable),
        (502, None, CrmUnavailable),
        (503, None, CrmUnavailable),
        (504, "ANYTHING", CrmUnavailable),
        (418, "WHATEVER", CrmValidationError),
        (None, "invalid_code", CrmAuthError),
        (None, "Access Denied", CrmRateLimited),
    ],
)
def test_classification_table(
    status: int | None, code: str | None, expected: type[CrmError]
) -> None:
    error = classify(status, envelope(code) if code else None)
    assert type(error) is expected
    assert error.status == status
    assert error.code == code
    assert error_class(status, code) is expected


def test_retriable_and_fatal_are_disjoint() -> None:
    for cls in set(CLASSIFICATION.values()):
        assert issubclass(cls, CrmRetriableError) != issubclass(cls, CrmFatalError), cls
        assert cls.retriable == issubclass(cls, CrmRetriableError)


def test_error_keeps_message_details_and_retry_after() -> None:
    error = classify(429, envelope("TOO_MANY_REQUESTS"), retry_after=12.0)
    assert error.retry_after == 12.0
    assert error.details == {"x": 1}
    assert str(error) == "[429 TOO_MANY_REQUESTS] TOO_MANY_REQUESTS message"


def test_non_json_body_is_classified_by_status() -> None:
    assert isinstance(classify(503, None), CrmUnavailable)
    assert str(classify(503, None)) == "[503] HTTP 503"


def test_module_docstring_draws_the_tree() -> None:
    doc = errors.__doc__ or ""
    for name in ("CrmRetriableError", "CrmFatalError", "CrmConflict", "CrmPaginationLoop"):
        assert name in doc
