"""What counts as the database being away (``orm.availability``), and the SQLite transaction
whose start is cancelled giving its connection back (``orm.sqlite_transactions``)."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from asyncpg.exceptions import AdminShutdownError, InternalClientError
from tortoise.context import tortoise_test_context
from tortoise.exceptions import IntegrityError, OperationalError
from tortoise.transactions import in_transaction

from orm import models
from orm.availability import database_unavailable
from tests.conftest import MODELS


def _locked() -> sqlite3.OperationalError:
    error = sqlite3.OperationalError("database is locked")
    error.sqlite_errorcode = 5  # type: ignore[attr-defined]
    return error


def _first_of_group(error: Exception) -> None:
    """As ``sync.engine.runner._together`` raises a task group's first failure."""
    try:
        raise ExceptionGroup("stream", [error])
    except ExceptionGroup:
        raise error from None


def test_what_counts_as_the_database_away() -> None:
    assert database_unavailable(AdminShutdownError("terminating connection"))
    assert database_unavailable(ConnectionRefusedError())
    locked = _locked()
    assert database_unavailable(locked)
    # Tortoise keeps the driver's error as its argument; a task group may wrap it, and
    # re-raising it from the group replaces its context
    wrapped = OperationalError(locked)
    assert database_unavailable(wrapped)
    assert database_unavailable(ExceptionGroup("stream", [ValueError(), wrapped]))
    with pytest.raises(OperationalError) as raised:
        _first_of_group(wrapped)
    assert database_unavailable(raised.value)
    # bugs are bugs
    syntax = sqlite3.OperationalError("near 'SELEC': syntax error")
    syntax.sqlite_errorcode = 1  # type: ignore[attr-defined]
    assert not database_unavailable(OperationalError(syntax))
    assert not database_unavailable(IntegrityError("duplicate key"))
    assert not database_unavailable(InternalClientError("cannot switch to state 15"))
    assert not database_unavailable(ValueError())


async def test_a_cancelled_transaction_start_gives_the_connection_back(tmp_path: Path) -> None:
    """A task cancelled while its transaction starts (a sibling failed in a task group) must
    not keep the one SQLite connection's lock: the process's next statement would wait for
    ever (Tortoise 1.1 without ``orm.sqlite_transactions``)."""
    async with tortoise_test_context(MODELS, db_url=f"sqlite://{tmp_path}/t.sqlite3"):
        for _ in range(20):  # cancel at different points of the start
            for delay in (0, 0.0001, 0.001):

                async def enter() -> None:
                    async with in_transaction():
                        await asyncio.sleep(1)

                task = asyncio.create_task(enter())
                await asyncio.sleep(delay)
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)
        assert await asyncio.wait_for(models.Organization.all().count(), timeout=5) == 0
