"""Database lifecycle for the composition root and the CLI: migrations and the first-start demo."""

from __future__ import annotations

import asyncio
import secrets
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from aerich import Command
from tortoise import Tortoise, connections

from orm.config import dialect_of, migrations_location, tortoise_config
from resolvers import organizations

DIALECTS_FOR_MIGRATIONS = {"sqlite": "sqlite://:memory:", "postgres": "postgres://offline/none"}


async def _command(database_url: str, location: str | None = None) -> Command:
    """An aerich command for the URL's dialect, with Tortoise initialised for it.

    aerich only initialises Tortoise when nothing did before in this process; initialising here
    keeps several commands (or dialects) in one process from reusing a closed configuration.
    """
    config = tortoise_config(database_url)
    await Tortoise.init(config=config)
    return Command(
        tortoise_config=config, app="models", location=location or migrations_location(database_url)
    )


async def apply_migrations(database_url: str, location: str | None = None) -> list[str]:
    """Apply pending aerich migrations of the URL's dialect (from ``location``, the project's
    by default); returns the files applied."""
    command = await _command(database_url, location)
    try:
        await command.init()
        return await command.upgrade(run_in_transaction=True)
    finally:
        await command.aclose()


async def pending_model_changes(database_url: str, name: str, location: str | None = None) -> str:
    """Write a migration for model changes not yet in ``location``; "" when there are none.

    Offline: compares the models with the last migration's recorded state, no database needed.
    """
    command = await _command(database_url, location)
    folder = Path(command.location) / "models"
    try:
        if not any(folder.glob("*.py")):
            await command.init_migrations(safe=True)
            return sorted(folder.glob("*.py"))[0].name
        await command.init(offline=True)
        return await command.migrate(name, no_input=True, offline=True)
    finally:
        await command.aclose()


def _version(name: str) -> str:
    return name.removesuffix(".py")


async def pending_migrations(database_url: str, location: str | None = None) -> list[str]:
    """The migrations of the URL's dialect not yet applied to the open database ("default"
    connection): files under ``location`` without a row in aerich's table."""
    folder = Path(location or migrations_location(database_url)) / "models"
    files = {_version(p.name) for p in folder.glob("*.py") if p.name[:1].isdigit()}
    rows = await connections.get("default").execute_query_dict(
        "SELECT version FROM aerich WHERE app = 'models'"
    )
    applied = {_version(str(row["version"])) for row in rows}
    return sorted(files - applied, key=lambda name: int(name.split("_", 1)[0]))


def make_migrations(name: str) -> dict[str, str]:
    """One migration per dialect from the same model change.

    Each dialect runs in its own process: aerich keeps the first dialect's DDL generator in
    class state, so a second dialect in the same process would get the first one's SQL.
    """
    written = {}
    for dialect in DIALECTS_FOR_MIGRATIONS:
        result = subprocess.run(  # noqa: S603 (our own interpreter and module)
            [sys.executable, "-m", "web.database", dialect, name],
            capture_output=True, text=True, check=True, timeout=120,
        )  # fmt: skip
        written[dialect] = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    return written


if __name__ == "__main__":
    _dialect, _name = sys.argv[1:3]
    print(asyncio.run(pending_model_changes(DIALECTS_FOR_MIGRATIONS[_dialect], _name)))


@dataclass(frozen=True)
class DemoLogin:
    email: str
    password: str


DEMO_ADMIN_EMAIL = "admin@demo.example.com"


async def ensure_demo(database_url: str) -> DemoLogin | None:
    """On the very first start (no organisation at all) create a demo organisation and admin."""
    await Tortoise.init(config=tortoise_config(database_url))
    try:
        if await organizations.any_organization_exists():
            return None
        password = secrets.token_urlsafe(12)
        result = await organizations.create_organization_with_admin(
            org_name="Demo Organisation",
            base_currency="USD",
            time_zone="UTC",
            admin_email=DEMO_ADMIN_EMAIL,
            admin_name="Demo Admin",
            admin_password=password,
        )
        if result.errors:
            raise RuntimeError(f"demo bootstrap failed: {result.errors}")
        return DemoLogin(DEMO_ADMIN_EMAIL, password)
    finally:
        await Tortoise.close_connections()


__all__ = ["apply_migrations", "dialect_of", "ensure_demo", "make_migrations"]
