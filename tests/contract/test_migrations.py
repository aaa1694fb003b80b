"""Models and aerich migrations agree, for both dialects; the migrations apply on both."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from tortoise import Tortoise

from orm import models
from orm.config import migrations_location, tortoise_config
from tests.support.postgres import Cluster
from web.database import DIALECTS_FOR_MIGRATIONS, apply_migrations, pending_model_changes


@pytest.mark.parametrize("dialect", sorted(DIALECTS_FOR_MIGRATIONS))
async def test_models_and_migrations_do_not_drift(dialect: str, tmp_path: Path) -> None:
    url = DIALECTS_FOR_MIGRATIONS[dialect]
    copy = tmp_path / dialect
    shutil.copytree(migrations_location(url), copy)
    written = await pending_model_changes(url, "drift_check", location=str(copy))
    assert written == "", (
        f"models changed without a {dialect} migration: run `make migrations NAME=<what>`"
    )


async def test_drift_is_detected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = DIALECTS_FOR_MIGRATIONS["sqlite"]
    copy = tmp_path / "sqlite"
    shutil.copytree(migrations_location(url), copy)
    # pretend the last migration never created the api_token table's `prefix` column
    from tortoise import fields

    extra = fields.CharField(max_length=10, null=True)
    monkeypatch.setitem(models.Organization._meta.fields_map, "drift_probe", extra)
    extra.model_field_name = "drift_probe"
    extra.model = models.Organization
    monkeypatch.setattr(
        models.Organization._meta, "fields_db_projection",
        models.Organization._meta.fields_db_projection | {"drift_probe": "drift_probe"},
    )  # fmt: skip
    monkeypatch.setattr(
        models.Organization._meta, "fields", models.Organization._meta.fields | {"drift_probe"}
    )
    written = await pending_model_changes(url, "drift_check", location=str(copy))
    assert written, "an added column must produce a migration"


async def _apply_and_use(url: str) -> None:
    applied = await apply_migrations(url)
    assert applied and applied[0].startswith("0_")
    assert await apply_migrations(url) == []  # idempotent
    await Tortoise.init(config=tortoise_config(url))
    try:
        org = await models.Organization.create(name="Migrated")
        await models.User.create(org=org, email="a@b.example", name="A")
        assert await models.User.filter(org=org).count() == 1
    finally:
        await Tortoise.close_connections()


async def test_migrations_apply_on_sqlite(tmp_path: Path) -> None:
    await _apply_and_use(f"sqlite://{tmp_path}/migrated.sqlite3")


@pytest.mark.postgres
async def test_migrations_apply_on_postgres(postgres_cluster: Cluster) -> None:
    import asyncpg

    connection = await asyncpg.connect(postgres_cluster.url)
    try:
        await connection.execute("CREATE DATABASE migrated")
    finally:
        await connection.close()
    await _apply_and_use(postgres_cluster.url_for("migrated"))


async def test_the_category_kind_migration_marks_the_per_diem_category(tmp_path: Path) -> None:
    """Per diems were recorded in the category named "Per Diem"; after migration 15 that
    category is the organisation's PER_DIEM category and the others stay STANDARD."""
    url = f"sqlite://{tmp_path}/upgraded.sqlite3"
    source = Path(migrations_location(url))
    copy = tmp_path / "migrations"
    shutil.copytree(source, copy)
    (kind_migration,) = (copy / "models").glob("15_*_category_kind.py")
    held_back = kind_migration.read_bytes()
    kind_migration.unlink()
    await apply_migrations(url, str(copy))
    await Tortoise.init(config=tortoise_config(url))
    try:
        org = await models.Organization.create(name="Acme")  # its table is unchanged by 15
    finally:
        await Tortoise.close_connections()
    with sqlite3.connect(tmp_path / "upgraded.sqlite3") as db:
        for name in ("Per Diem", "Meals"):
            db.execute(
                "INSERT INTO category (org_id, name, is_enabled, created_at, updated_at)"
                " VALUES (?, ?, 1, '2026-01-01', '2026-01-01')",
                (org.id, name),
            )
    kind_migration.write_bytes(held_back)
    assert [name.split("_")[0] for name in await apply_migrations(url, str(copy))] == ["15"]
    with sqlite3.connect(tmp_path / "upgraded.sqlite3") as db:
        kinds = dict(db.execute("SELECT name, kind FROM category").fetchall())
    assert kinds == {"Per Diem": "PER_DIEM", "Meals": "STANDARD"}
