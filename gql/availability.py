"""Whether an exception means the database cannot be reached (stopped, restarting, the
connection cut), as opposed to a bug: such failures are answered 503 SERVICE_UNAVAILABLE,
and the connection pools reconnect by themselves once the database is back."""

from __future__ import annotations

from asyncpg.exceptions import (
    AdminShutdownError,
    CannotConnectNowError,
    ConnectionDoesNotExistError,
    CrashShutdownError,
    PostgresConnectionError,
)
from tortoise.exceptions import DBConnectionError, OperationalError

_ASYNCPG: tuple[type[Exception], ...] = (
    CannotConnectNowError, ConnectionDoesNotExistError, PostgresConnectionError,
    AdminShutdownError, CrashShutdownError,
)  # fmt: skip

UNAVAILABLE_MESSAGE = "The database is unavailable; try again shortly."
_CONNECTION_ERRORS: tuple[type[Exception], ...] = (DBConnectionError, ConnectionError, *_ASYNCPG)
# What may carry one (Tortoise wraps the driver's errors in OperationalError): the classes an
# exception handler is registered for, which then asks ``database_unavailable``.
MAY_BE_UNAVAILABLE: tuple[type[Exception], ...] = (OperationalError, *_CONNECTION_ERRORS)


def database_unavailable(exc: BaseException) -> bool:
    """True when ``exc`` or one of its causes is a lost or refused database connection."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, _CONNECTION_ERRORS):
            return True
        current = current.__cause__ or current.__context__
    return False
