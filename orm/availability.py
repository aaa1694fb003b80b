"""Whether an exception means the database cannot be reached (stopped, restarting, the
connection cut, the SQLite file locked by another process or unreadable), as opposed to a bug.
Requests answer such failures 503 SERVICE_UNAVAILABLE (``gql.availability``); a sync run ends
with a recorded reason and the next run resumes from its bookmarks (``sync.service``). The
connection pools reconnect by themselves once the database is back."""

from __future__ import annotations

import sqlite3

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
# SQLite's primary result codes for a database this process cannot use right now: another
# process holds the lock past the busy timeout (SQLITE_BUSY), the file cannot be read or
# written (SQLITE_IOERR), or opened (SQLITE_CANTOPEN).
_SQLITE_UNAVAILABLE = frozenset({5, 10, 14})

UNAVAILABLE_MESSAGE = "The database is unavailable; try again shortly."
_CONNECTION_ERRORS: tuple[type[Exception], ...] = (DBConnectionError, ConnectionError, *_ASYNCPG)
# What may carry one (Tortoise wraps the driver's errors in OperationalError): the classes an
# exception handler is registered for, which then asks ``database_unavailable``.
MAY_BE_UNAVAILABLE: tuple[type[Exception], ...] = (
    OperationalError, sqlite3.OperationalError, *_CONNECTION_ERRORS,
)  # fmt: skip


def _sqlite_unavailable(exc: BaseException) -> bool:
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in _SQLITE_UNAVAILABLE


def database_unavailable(exc: BaseException) -> bool:
    """True when ``exc`` or one of its causes is a lost or refused database connection.
    Causes are followed through ``__cause__``/``__context__``, the driver's error that Tortoise
    keeps as its first argument, and the members of exception groups."""
    seen: set[int] = set()
    pending: list[BaseException] = [exc]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, _CONNECTION_ERRORS) or _sqlite_unavailable(current):
            return True
        linked = [current.__cause__, current.__context__,
                  *(a for a in current.args if isinstance(a, BaseException))]  # fmt: skip
        if isinstance(current, BaseExceptionGroup):
            linked.extend(current.exceptions)
        pending.extend(e for e in linked if e is not None)
    return False
