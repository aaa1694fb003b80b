"""Tortoise configuration built from ``DATABASE_URL``.

SQLite (the embedded default) runs in WAL mode with a busy timeout so the API stays responsive
while a background job writes. PostgreSQL is selected by a ``postgres://`` URL.
Aerich reads ``TORTOISE_ORM`` from here, so this module stays free of heavy imports.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

DEFAULT_DATABASE_URL = "sqlite://var/spendsync.sqlite3"
MODEL_MODULES = ["orm.models", "aerich.models"]
SQLITE_BUSY_TIMEOUT_MS = 5000
# The embedded database in WAL mode. synchronous=NORMAL: a commit does not wait for the disk; an
# application crash loses nothing, a power cut may roll back the last commits (never half of
# one: a sync page and its bookmark stay together). Checkpoints every 10,000 pages (about
# 40 MB) and a WAL kept up to 64 MiB instead of truncated after each: pages the sync rewrites
# on every commit (its run counters, bookmarks, index leaves) are copied back once per
# checkpoint, not forty times (a sync writes about a third faster).
SQLITE_PRAGMAS: dict[str, Any] = {
    "journal_mode": "WAL",
    "synchronous": "NORMAL",
    "wal_autocheckpoint": 10_000,
    "journal_size_limit": 64 * 1024 * 1024,
    "busy_timeout": SQLITE_BUSY_TIMEOUT_MS,
    "foreign_keys": "ON",
}
# PostgreSQL's JIT compiles a statement whose estimated cost is high: for the analytics
# aggregates over a million expenses that took 0.2 to 2.5 s per statement (more than running
# them), and the API's other statements gain nothing from it (docs/BENCHMARKS.md, Analytics).
# random_page_cost 1.1 instead of 4: the data is read from memory or SSD, where a page read
# out of order costs about what a sequential one does; at 4 the planner prefers reading the
# whole expense table to the narrower covering index of analytics (an index-only scan).
POSTGRES_SERVER_SETTINGS = {"jit": "off", "random_page_cost": "1.1"}
MIGRATIONS_ROOT = Path(__file__).resolve().parent.parent / "migrations"


def dialect_of(database_url: str) -> str:
    """Return ``sqlite`` or ``postgres`` for a Tortoise database URL."""
    scheme = urlsplit(database_url).scheme
    if scheme == "sqlite":
        return "sqlite"
    if scheme in {"postgres", "postgresql", "asyncpg", "psycopg"}:
        return "postgres"
    raise ValueError(f"unsupported database URL scheme {scheme!r}: use sqlite:// or postgres://")


def migrations_location(database_url: str) -> str:
    """Aerich keeps one migration history per dialect; both come from the same models."""
    return str(MIGRATIONS_ROOT / dialect_of(database_url))


def _connection(database_url: str) -> str | dict[str, Any]:
    if dialect_of(database_url) != "sqlite":
        from tortoise.backends.base.config_generator import expand_db_url

        expanded: dict[str, Any] = expand_db_url(database_url)
        credentials = expanded["credentials"]
        credentials["server_settings"] = {
            **POSTGRES_SERVER_SETTINGS, **credentials.get("server_settings", {}),
        }  # fmt: skip
        return expanded
    path = database_url.removeprefix("sqlite://").split("?", 1)[0]
    if path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    return {
        "engine": "tortoise.backends.sqlite",
        "credentials": {"file_path": path, **SQLITE_PRAGMAS},
    }


def tortoise_config(database_url: str) -> dict[str, Any]:
    return {
        "connections": {"default": _connection(database_url)},
        "apps": {"models": {"models": MODEL_MODULES, "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }


TORTOISE_ORM = tortoise_config(os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL))
