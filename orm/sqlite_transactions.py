"""A SQLite transaction that cannot start gives its connection back.

Tortoise's SQLite client has one connection, guarded by one lock. Its transaction context takes
the lock and then starts the transaction; when that start is cancelled (a task group cancelling
a sibling after a failure: a sync stream's writer when the other stream lost the database) or
fails, Tortoise 1.1 never releases the lock, and every later statement of the process waits for
it forever. ``install`` replaces the context's entry with one that releases the lock whenever
it does not return the transaction. Nothing else of Tortoise's behaviour changes.
"""

from __future__ import annotations

from tortoise.backends.base.client import TransactionalDBClient
from tortoise.backends.sqlite.client import SqliteTransactionContext
from tortoise.connection import get_connections


async def _enter(self: SqliteTransactionContext) -> TransactionalDBClient:
    await self._trxlock.acquire()
    try:
        await self.ensure_connection()
        self.token = get_connections().set(self.connection_name, self.connection)
        try:
            await self.connection.begin()
        except BaseException:
            get_connections().reset(self.token)
            raise
    except BaseException:
        self._trxlock.release()
        raise
    connection: TransactionalDBClient = self.connection
    return connection


def install() -> None:
    SqliteTransactionContext.__aenter__ = _enter  # type: ignore[method-assign]
