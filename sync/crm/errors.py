"""Errors raised by CRM clients, and the one table that classifies Zoho's answers into them.

Exception tree::

    CrmError
    ├── CrmRetriableError              worth retrying after a pause (``retry_after`` if known)
    │   ├── CrmRateLimited             429 TOO_MANY_REQUESTS, token endpoint "Access Denied"
    │   ├── CrmUnavailable             5xx, INTERNAL_ERROR
    │   └── CrmTransportError          timeouts, refused or dropped connections, broken bodies
    └── CrmFatalError                  retrying the same request gives the same answer
        ├── CrmAuthError               401 INVALID_TOKEN, AUTHENTICATION_FAILURE, invalid_code, ...
        │   └── CrmScopeError          401 OAUTH_SCOPE_MISMATCH, 403 NO_PERMISSION, ...
        ├── CrmNotFound                404 INVALID_URL_PATTERN, INVALID_MODULE, unknown record id
        ├── CrmConflict                412 ALREADY_MODIFIED, DUPLICATE_DATA, RECORD_LOCKED
        ├── CrmValidationError         other 4xx: INVALID_DATA, MANDATORY_NOT_FOUND, LIMIT_EXCEEDED
        │   └── CrmPaginationError     DISCRETE_PAGINATION_LIMIT_EXCEEDED, TOKEN_BOUND_DATA_MISMATCH
        │       └── CrmPaginationLoop  (client side) the CRM handed back a page token twice
        └── CrmBudgetExceeded          (client side) the organisation's credit budget is spent

Every error carries the HTTP ``status`` (``None`` for per-record and client-side errors), Zoho's
``code``, ``message`` and ``details``. :func:`classify` is the only place that maps a status and a
code to a class; :data:`CLASSIFICATION` is the table it reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class CrmError(Exception):
    """Base of every error a CRM client raises."""

    retriable: bool = False

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        code: str | None = None,
        details: Mapping[str, Any] | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code
        self.details: Mapping[str, Any] = dict(details or {})
        self.retry_after = retry_after

    def __str__(self) -> str:
        parts = [p for p in (str(self.status or ""), self.code or "") if p]
        prefix = f"[{' '.join(parts)}] " if parts else ""
        return f"{prefix}{self.message}"


class CrmRetriableError(CrmError):
    """The same request may succeed later; ``retry_after`` is the server's hint in seconds."""

    retriable = True


class CrmRateLimited(CrmRetriableError):
    pass


class CrmUnavailable(CrmRetriableError):
    pass


class CrmTransportError(CrmRetriableError):
    """No usable HTTP answer: timeout, connection error, truncated or non-JSON body."""

    def __init__(self, message: str, *, connect: bool = False, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        #: True when the request surely never reached the server (safe to retry any method).
        self.connect = connect


class CrmFatalError(CrmError):
    pass


class CrmAuthError(CrmFatalError):
    pass


class CrmScopeError(CrmAuthError):
    pass


class CrmNotFound(CrmFatalError):
    pass


class CrmConflict(CrmFatalError):
    """The record changed since the given time (412), or collides with another record.

    ``completed`` holds the per-record results of batches written before the conflicting one.
    """

    completed: tuple[Any, ...] = ()


class CrmValidationError(CrmFatalError):
    pass


class CrmPaginationError(CrmValidationError):
    pass


class CrmPaginationLoop(CrmPaginationError):
    pass


class CrmBudgetExceeded(CrmFatalError):
    pass


# (HTTP status or None for "any status", Zoho code or None for "any code") -> class.
# Lookup order: (status, code), (None, code), (status, None), then the status family.
CLASSIFICATION: Mapping[tuple[int | None, str | None], type[CrmError]] = {
    # Authentication and authorisation.
    (401, "INVALID_TOKEN"): CrmAuthError,
    (401, "INVALID_OAUTHTOKEN"): CrmAuthError,
    (401, "AUTHENTICATION_FAILURE"): CrmAuthError,
    (401, "OAUTH_SCOPE_MISMATCH"): CrmScopeError,
    (None, "OAUTH_SCOPE_MISMATCH"): CrmScopeError,
    (None, "NO_PERMISSION"): CrmScopeError,
    (None, "AUTHORIZATION_FAILED"): CrmScopeError,
    (None, "FEATURE_NOT_ENABLED"): CrmScopeError,
    (None, "LICENSE_LIMIT_EXCEEDED"): CrmScopeError,
    (401, None): CrmAuthError,
    (403, None): CrmScopeError,
    # Token endpoint answers (HTTP 200 or 400 with an "error" key).
    (None, "invalid_code"): CrmAuthError,
    (None, "invalid_client"): CrmAuthError,
    (None, "invalid_client_secret"): CrmAuthError,
    (None, "unauthorized_client"): CrmAuthError,
    (None, "access_denied"): CrmRateLimited,
    (None, "Access Denied"): CrmRateLimited,
    # Not found.
    (404, None): CrmNotFound,
    (None, "INVALID_URL_PATTERN"): CrmNotFound,
    (None, "RESOURCE_NOT_FOUND"): CrmNotFound,
    (None, "INVALID_MODULE"): CrmNotFound,
    (None, "NOT_FOUND"): CrmNotFound,
    # Conflicts.
    (412, None): CrmConflict,
    (None, "ALREADY_MODIFIED"): CrmConflict,
    (None, "DUPLICATE_DATA"): CrmConflict,
    (None, "MULTIPLE_OR_MULTI_ERRORS"): CrmConflict,
    (None, "RECORD_LOCKED"): CrmConflict,
    # Pagination.
    (None, "DISCRETE_PAGINATION_LIMIT_EXCEEDED"): CrmPaginationError,
    (None, "PAGINATION_LIMIT_EXCEEDED"): CrmPaginationError,
    (None, "TOKEN_BOUND_DATA_MISMATCH"): CrmPaginationError,
    (None, "EXPIRED_VALUE"): CrmPaginationError,
    (None, "LIMIT_REACHED"): CrmPaginationError,
    # Throttling and server trouble.
    (429, None): CrmRateLimited,
    (None, "TOO_MANY_REQUESTS"): CrmRateLimited,
    (None, "INTERNAL_ERROR"): CrmUnavailable,
    (None, "INTERNAL_SERVER_ERROR"): CrmUnavailable,
    (408, None): CrmUnavailable,
    # Everything else in 4xx is a request the CRM will keep refusing.
    (400, None): CrmValidationError,
    (405, None): CrmValidationError,
    (413, None): CrmValidationError,
    (415, None): CrmValidationError,
}


def error_class(status: int | None, code: str | None) -> type[CrmError]:
    """The class for an HTTP status (``None`` for per-record results) and a Zoho code."""
    for key in ((status, code), (None, code), (status, None)):
        if key in CLASSIFICATION:
            return CLASSIFICATION[key]
    if status is not None and status >= 500:
        return CrmUnavailable
    return CrmValidationError


def classify(
    status: int | None,
    body: Any,
    *,
    retry_after: float | None = None,
) -> CrmError:
    """Build the error for a Zoho answer: ``body`` is the decoded JSON (or anything else)."""
    code: str | None = None
    message = ""
    details: Mapping[str, Any] = {}
    if isinstance(body, Mapping) and "code" not in body and "error" not in body:
        # A write answered with per-record results only (e.g. 412 with data[]): the first
        # failed record speaks for the request.
        items = body.get("data")
        failed = [i for i in items or () if isinstance(i, Mapping) and i.get("status") == "error"]
        if isinstance(items, list) and failed:
            body = failed[0]
    if isinstance(body, Mapping):
        raw_code = body.get("code", body.get("error"))
        code = str(raw_code) if raw_code is not None else None
        message = str(body.get("message") or body.get("error_description") or "")
        raw_details = body.get("details")
        details = raw_details if isinstance(raw_details, Mapping) else {}
    cls = error_class(status, code)
    return cls(
        message or code or f"HTTP {status}",
        status=status,
        code=code,
        details=details,
        retry_after=retry_after,
    )
