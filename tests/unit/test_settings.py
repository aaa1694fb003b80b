from __future__ import annotations

from pathlib import Path

import pytest

from orm.config import dialect_of, migrations_location, tortoise_config
from web.settings import Settings, SettingsError


def test_defaults_for_development(tmp_path: Path) -> None:
    settings = Settings.from_env({"SPENDSYNC_VAR_DIR": str(tmp_path)})
    assert (settings.host, settings.port) == ("127.0.0.1", 8000)
    assert settings.database_url == "sqlite://var/spendsync.sqlite3"
    assert settings.graphql_max_body_bytes == 16 * 1024 * 1024
    assert settings.development
    assert len(settings.secret_key) > 40
    # the generated key is kept so sessions survive restarts
    assert Settings.from_env({"SPENDSYNC_VAR_DIR": str(tmp_path)}).secret_key == settings.secret_key
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "credentials_key").stat().st_mode & 0o777 == 0o600
    assert settings.secret_key not in repr(settings)
    assert settings.credentials_key not in repr(settings)


def test_environment_overrides(tmp_path: Path) -> None:
    settings = Settings.from_env(
        {
            "HOST": "0.0.0.0",  # noqa: S104
            "PORT": "9000",
            "DATABASE_URL": "postgres://u:p@db:5432/spendsync",
            "SECRET_KEY": "k" * 50,
            "CREDENTIALS_KEY": "x" * 43 + "=",
            "SPENDSYNC_ENV": "production",
            "GRAPHQL_MAX_BODY_BYTES": "8388608",
            "FORWARDED_ALLOW_IPS": " 10.0.0.2,10.0.0.3 ",
        }
    )
    assert settings.forwarded_allow_ips == "10.0.0.2,10.0.0.3"
    assert (settings.host, settings.port) == ("0.0.0.0", 9000)  # noqa: S104
    assert settings.graphql_max_body_bytes == 8 * 1024 * 1024
    assert settings.session_cookie_secure is True
    assert not settings.development


@pytest.mark.parametrize(
    "env",
    [
        {"SPENDSYNC_ENV": "production"},  # no SECRET_KEY
        {"SPENDSYNC_ENV": "production", "SECRET_KEY": "k"},  # no CREDENTIALS_KEY
        {"PORT": "eighty", "SECRET_KEY": "k"},
        {"DATABASE_URL": "mysql://x", "SECRET_KEY": "k"},
        {"SESSION_COOKIE_SECURE": "maybe", "SECRET_KEY": "k"},
        {"SPENDSYNC_ENV": "staging", "SECRET_KEY": "k"},
        {"GRAPHQL_MAX_BODY_BYTES": "0", "SECRET_KEY": "k"},
        {"GRAPHQL_MAX_BODY_BYTES": "16M", "SECRET_KEY": "k"},
    ],
)
def test_bad_settings_fail_clearly(env: dict[str, str]) -> None:
    with pytest.raises(SettingsError):
        Settings.from_env(env)


def test_database_configuration(tmp_path: Path) -> None:
    assert dialect_of("sqlite://:memory:") == "sqlite"
    assert dialect_of("postgres://u@h/db") == "postgres"
    sqlite = tortoise_config(f"sqlite://{tmp_path}/x/db.sqlite3")
    credentials = sqlite["connections"]["default"]["credentials"]
    assert credentials["journal_mode"] == "WAL"
    assert credentials["busy_timeout"] > 0
    assert (tmp_path / "x").is_dir()
    postgres = tortoise_config("postgres://u@h/db")["connections"]["default"]
    assert postgres["engine"] == "tortoise.backends.asyncpg"
    assert {k: postgres["credentials"][k] for k in ("host", "port", "user", "database")} == {
        "host": "h", "port": 5432, "user": "u", "database": "db",
    }  # fmt: skip
    # JIT compiling cost more than running the analytics aggregates; at the default
    # random_page_cost the planner read the table instead of the covering index
    # (docs/BENCHMARKS.md)
    assert postgres["credentials"]["server_settings"] == {"jit": "off", "random_page_cost": "1.1"}
    assert migrations_location("postgres://u@h/db").endswith("migrations/postgres")


async def test_sqlite_connections_get_the_write_settings(tmp_path: Path) -> None:
    """WAL, synchronous=NORMAL and the larger checkpoint interval reach the real connection."""
    from tortoise import Tortoise, connections

    await Tortoise.init(config=tortoise_config(f"sqlite://{tmp_path}/db.sqlite3"))
    try:
        conn = connections.get("default")
        applied = {}
        for pragma in ("journal_mode", "synchronous", "wal_autocheckpoint", "journal_size_limit"):
            _, rows = await conn.execute_query(f"PRAGMA {pragma}")
            applied[pragma] = rows[0][0]
    finally:
        await Tortoise.close_connections()
    assert applied == {
        "journal_mode": "wal", "synchronous": 1, "wal_autocheckpoint": 10_000,
        "journal_size_limit": 64 * 1024 * 1024,
    }  # fmt: skip


def test_sync_runner_follows_the_database_unless_told(tmp_path: Path) -> None:
    base = {"SPENDSYNC_VAR_DIR": str(tmp_path)}
    postgres = base | {"DATABASE_URL": "postgres://u:p@db:5432/spendsync"}
    assert Settings.from_env(base).sync_runner == "app"
    assert Settings.from_env(postgres).sync_runner == "jobs"
    assert Settings.from_env(postgres | {"SYNC_RUNNER": "app"}).sync_runner == "app"
    with pytest.raises(SettingsError, match="SYNC_RUNNER must be app or jobs"):
        Settings.from_env(base | {"SYNC_RUNNER": "celery"})
    with pytest.raises(SettingsError, match="needs a PostgreSQL"):
        Settings.from_env(base | {"SYNC_RUNNER": "jobs"})


def test_rotation_keys_and_metrics_token(tmp_path: Path) -> None:
    from sync.credentials import CredentialCipher

    old_a, old_b = CredentialCipher.generate_key(), CredentialCipher.generate_key()
    env = {
        "SPENDSYNC_VAR_DIR": str(tmp_path),
        "SECRET_KEY_PREVIOUS": " first-old-key , second-old-key,",
        "CREDENTIALS_KEY_PREVIOUS": f"{old_a},{old_b}",
        "METRICS_TOKEN": " scrape-me ",
    }
    settings = Settings.from_env(env)
    assert settings.secret_key_previous == ("first-old-key", "second-old-key")
    assert settings.credentials_key_previous == (old_a, old_b)
    assert settings.metrics_token == "scrape-me"
    assert "scrape-me" not in repr(settings) and old_a not in repr(settings)
    assert Settings.from_env({"SPENDSYNC_VAR_DIR": str(tmp_path)}).metrics_token == ""
    with pytest.raises(SettingsError, match="CREDENTIALS_KEY_PREVIOUS"):
        Settings.from_env(env | {"CREDENTIALS_KEY_PREVIOUS": "not-a-fernet-key"})
