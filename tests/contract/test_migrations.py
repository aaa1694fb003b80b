"""Models and aerich migrations agree, for both dialects; the migrations apply on both."""

from __future__ import annotations

import shutil
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
