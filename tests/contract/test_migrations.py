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


def _values(*values: object) -> str:
    """SQL literals both dialects read alike (test constants only)."""
    literals = []
    for value in values:
        if isinstance(value, bool):
            literals.append("TRUE" if value else "FALSE")
        elif isinstance(value, int):
            literals.append(str(value))
        else:
            literals.append("'" + str(value).replace("'", "''") + "'")
    return ", ".join(literals)


_STAMPS = ("2026-01-01 00:00:00+00:00", "2026-01-01 00:00:00+00:00")
_EXPENSE_COLUMNS = (
    '"id", "created_at", "updated_at", "org_id", "user_id", "category_id", "date", '
    '"amount_minor", "currency", "exchange_rate", "base_amount_minor", "merchant", '
    '"description", "reference", "is_reimbursable", "is_billable"'
)
# merchant → (category id, the kind the migration must give it)
_OLD_EXPENSES = {
    "Typed in": (1, "MANUAL"),
    "Per diem day": (2, "PER_DIEM"),
    "Trip to Acme": (1, "MILEAGE"),
    "Card charge": (1, "CARD"),
    # in the per diem category but without a per diem detail: nothing locked it, so manual
    "Lunch in the per diem category": (2, "MANUAL"),
}


def _old_shape_statements() -> list[str]:
    """Expenses of each kind as the schema before ``expense_kind`` held them: the kind only
    told by a per diem detail, a mileage detail or a card transaction pointing at the row."""
    statements = [
        'INSERT INTO "organization" ("id", "created_at", "updated_at", "name", "base_currency", '
        f'"time_zone", "active_user_limit") VALUES ({_values(1, *_STAMPS, "Acme", "USD", "UTC", 0)})',
        'INSERT INTO "user" ("id", "created_at", "updated_at", "email", "name", "role", "status", '
        f'"org_id") VALUES ({_values(1, *_STAMPS, "a@acme.example", "A", "SUBMITTER", "ACTIVE", 1)})',
        'INSERT INTO "category" ("id", "created_at", "updated_at", "name", "is_enabled", "org_id", '
        f'"kind") VALUES ({_values(1, *_STAMPS, "Travel", True, 1, "STANDARD")}), '
        f"({_values(2, *_STAMPS, 'Per Diem', True, 1, 'PER_DIEM')})",
    ]
    for number, (merchant, (category_id, _)) in enumerate(_OLD_EXPENSES.items(), start=1):
        values = _values(number, *_STAMPS, 1, 1, category_id, "2026-01-10", 1250, "USD", 1,
                         1250, merchant, "", "", False, False)  # fmt: skip
        statements.append(f'INSERT INTO "expense" ({_EXPENSE_COLUMNS}) VALUES ({values})')
    statements += [
        'INSERT INTO "per_diem_policy" ("id", "created_at", "updated_at", "name", "org_id") '
        f"VALUES ({_values(1, *_STAMPS, 'Domestic', 1)})",
        'INSERT INTO "per_diem_detail" ("id", "created_at", "updated_at", "mode", "org_id", '
        f'"policy_id", "expense_id") VALUES ({_values(1, *_STAMPS, "TRIP", 1, 1, 2)})',
        'INSERT INTO "mileage_vehicle" ("id", "created_at", "updated_at", "name", "is_enabled", '
        f'"category_id", "org_id") VALUES ({_values(1, *_STAMPS, "Car", True, 1, 1)})',
        'INSERT INTO "mileage_rate" ("id", "created_at", "updated_at", "effective_from", "unit", '
        '"currency", "rate_per_unit", "org_id", "vehicle_id") '
        f"VALUES ({_values(1, *_STAMPS, '2026-01-01', 'KM', 'USD', 1, 1, 1)})",
        'INSERT INTO "mileage_detail" ("id", "created_at", "updated_at", "unit", '
        '"distance_hundredths", "claimed_before_hundredths", "fiscal_year_start", "org_id", '
        '"rate_id", "vehicle_id", "expense_id") '
        f"VALUES ({_values(1, *_STAMPS, 'KM', 1250, 0, '2026-01-01', 1, 1, 1, 3)})",
        'INSERT INTO "card" ("id", "created_at", "updated_at", "kind", "name", "last_four", '
        '"currency", "is_active", "holder_id", "org_id") '
        f"VALUES ({_values(1, *_STAMPS, 'CORPORATE', 'Visa', '4242', 'USD', True, 1, 1)})",
        'INSERT INTO "statement_import" ("id", "created_at", "updated_at", "file_name", "format", '
        '"row_count", "imported_count", "duplicate_count", "matched_count", '
        '"created_expense_count", "card_id", "imported_by_id", "org_id") '
        f"VALUES ({_values(1, *_STAMPS, 'jan.csv', 'CSV', 2, 2, 0, 1, 0, 1, 1, 1)})",
    ]
    transaction = (
        'INSERT INTO "card_transaction" ("id", "created_at", "updated_at", "posted_date", '
        '"amount_minor", "currency", "description", "dedupe_key", "status", "created_expense", '
        '"card_id", "org_id", "statement_import_id", "expense_id") VALUES ({})'
    )
    statements += [  # one matched to the card charge, one unmatched (no expense)
        transaction.format(_values(1, *_STAMPS, "2026-01-10", 1250, "USD", "TAXI", "row:1",
                                   "MATCHED", False, 1, 1, 1, 4)),
        transaction.format(_values(2, *_STAMPS, "2026-01-11", 990, "USD", "CAFE", "row:2",
                                   "UNMATCHED", False, 1, 1, 1) + ", NULL"),
    ]  # fmt: skip
    return statements


async def _upgrade_old_expenses(url: str, tmp_path: Path) -> dict[str, str]:
    """Apply the migrations before ``expense_kind``, insert expenses in the old shape, apply
    ``expense_kind`` (and what follows it); the kind of each expense, by merchant."""
    copy = tmp_path / "migrations"
    shutil.copytree(migrations_location(url), copy)
    (kind_migration,) = (copy / "models").glob("*_expense_kind.py")

    def number(path: Path) -> int:
        return int(path.name.split("_")[0])

    held_back = {
        path: path.read_bytes()
        for path in (copy / "models").glob("*.py")
        if number(path) >= number(kind_migration)
    }
    for path in held_back:
        path.unlink()
    await apply_migrations(url, str(copy))
    await Tortoise.init(config=tortoise_config(url))
    try:
        connection = Tortoise.get_connection("default")
        for statement in _old_shape_statements():
            await connection.execute_script(statement)
    finally:
        await Tortoise.close_connections()
    for path, text in held_back.items():
        path.write_bytes(text)
    applied = await apply_migrations(url, str(copy))
    assert applied[0] == kind_migration.name
    await Tortoise.init(config=tortoise_config(url))
    try:
        rows = await Tortoise.get_connection("default").execute_query_dict(
            'SELECT "merchant", "kind" FROM "expense"'
        )
    finally:
        await Tortoise.close_connections()
    return {row["merchant"]: row["kind"] for row in rows}


EXPECTED_KINDS = {merchant: kind for merchant, (_, kind) in _OLD_EXPENSES.items()}


async def test_the_expense_kind_migration_fills_existing_rows_on_sqlite(tmp_path: Path) -> None:
    url = f"sqlite://{tmp_path}/upgraded.sqlite3"
    assert await _upgrade_old_expenses(url, tmp_path) == EXPECTED_KINDS


@pytest.mark.postgres
async def test_the_expense_kind_migration_fills_existing_rows_on_postgres(
    postgres_cluster: Cluster, tmp_path: Path
) -> None:
    import asyncpg

    connection = await asyncpg.connect(postgres_cluster.url)
    try:
        await connection.execute("CREATE DATABASE expense_kind_upgrade")
    finally:
        await connection.close()
    url = postgres_cluster.url_for("expense_kind_upgrade")
    assert await _upgrade_old_expenses(url, tmp_path) == EXPECTED_KINDS
