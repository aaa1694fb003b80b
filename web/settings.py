"""Settings, read once from the environment (see the README's table) and passed down."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from orm.config import DEFAULT_DATABASE_URL, dialect_of

PROJECT_ROOT = Path(__file__).resolve().parent.parent
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class SettingsError(ValueError):
    pass


def _flag(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name)
    if raw is None:
        return default
    if raw.strip().lower() in _TRUE:
        return True
    if raw.strip().lower() in _FALSE:
        return False
    raise SettingsError(f"{name} must be true or false, not {raw!r}")


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    try:
        return default if raw is None else int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be an integer, not {raw!r}") from None


def _positive(value: int, name: str) -> int:
    if value <= 0:
        raise SettingsError(f"{name} must be a positive number of bytes, not {value}")
    return value


def _dev_secret_key(var_dir: Path) -> str:
    """In development a random key is kept under var/ so sessions survive restarts."""
    path = var_dir / "secret_key"
    if path.exists():
        return path.read_text().strip()
    var_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    path.write_text(key)
    path.chmod(0o600)
    return key


def _dev_credentials_key(var_dir: Path) -> str:
    """In development a Fernet key for CRM secrets is kept under var/ (0600)."""
    path = var_dir / "credentials_key"
    if path.exists():
        return path.read_text().strip()
    from resolvers import credentials

    var_dir.mkdir(parents=True, exist_ok=True)
    key = credentials.new_key()
    path.write_text(key)
    path.chmod(0o600)
    return key


def _sync_runner(env: Mapping[str, str], database_url: str) -> str:
    default = "jobs" if dialect_of(database_url) == "postgres" else "app"
    runner = env.get("SYNC_RUNNER", default)
    if runner not in {"app", "jobs"}:
        raise SettingsError("SYNC_RUNNER must be app or jobs")
    if runner == "jobs" and dialect_of(database_url) != "postgres":
        raise SettingsError("SYNC_RUNNER=jobs needs a PostgreSQL DATABASE_URL")
    return runner


def _smtp_url(env: Mapping[str, str]) -> str:
    url = env.get("SMTP_URL", "").strip()
    if url:
        parts = urlsplit(url)
        if parts.scheme not in {"smtp", "smtps"} or not parts.hostname:
            raise SettingsError(
                "SMTP_URL must look like smtp://user:password@host:587 or smtps://…"
            )
        try:
            parts.port  # noqa: B018 (raises on a bad port)
        except ValueError:
            raise SettingsError("SMTP_URL has a bad port") from None
    return url


def _introspection(env: Mapping[str, str], environment: str) -> str:
    default = "public" if environment == "development" else "signed-in"
    policy = env.get("GRAPHQL_INTROSPECTION", default).strip().lower()
    if policy not in {"public", "signed-in"}:
        raise SettingsError("GRAPHQL_INTROSPECTION must be public or signed-in")
    return policy


def _keys(env: Mapping[str, str], name: str) -> tuple[str, ...]:
    """A comma-separated list of keys (rotation: the ones still accepted for reading)."""
    return tuple(k.strip() for k in env.get(name, "").split(",") if k.strip())


def _credential_keys(env: Mapping[str, str], name: str) -> tuple[str, ...]:
    from resolvers import credentials

    keys = _keys(env, name)
    if not all(credentials.is_key(key) for key in keys):
        raise SettingsError(f"{name} holds a value that is not a Fernet key")
    return keys


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8000
    database_url: str = DEFAULT_DATABASE_URL
    secret_key: str = field(default="", repr=False)
    environment: str = "development"
    session_cookie_secure: bool = False
    session_max_age: int = 14 * 24 * 3600
    node_modules: Path = PROJECT_ROOT / "node_modules"
    log_level: str = "INFO"
    receipt_dir: Path = PROJECT_ROOT / "var" / "receipts"
    receipt_max_bytes: int = 10 * 1024 * 1024
    # the largest /graphql request body; card statements (5 MiB) arrive base64-encoded in it
    graphql_max_body_bytes: int = 16 * 1024 * 1024
    credentials_key: str = field(default="", repr=False)
    allow_crm_urls: bool = True
    sync_tick_seconds: int = 60
    # Who runs syncs: "app" (an in-process runner and scheduler; SQLite's default) or "jobs"
    # (procrastinate workers, `spendsync worker`; PostgreSQL's default).
    sync_runner: str = "app"
    # where the CRM reaches /hooks/zoho/notify (near-real-time sync); empty: not offered
    public_base_url: str = ""
    sync_callback_delay_seconds: float = 5.0
    # procrastinate workers: how often each tells the database it is alive, and after how long
    # without a word its jobs count as stalled (killed mid-job) and are retried once
    worker_heartbeat_seconds: int = 10
    worker_stalled_seconds: int = 30
    # proxies whose X-Forwarded-For is believed (comma-separated addresses, or "*"); empty: none
    forwarded_allow_ips: str = ""
    # e-mail (invitations, password resets): SMTP server URL; empty: written to the log
    smtp_url: str = field(default="", repr=False)
    mail_from: str = "Spendsync <no-reply@localhost>"
    # who may introspect the schema: "public" (development) or "signed-in" (production)
    graphql_introspection: str = "public"
    # /metrics: a Bearer token it requires; empty: answered to loopback callers only
    metrics_token: str = field(default="", repr=False)
    # key rotation: keys still accepted for reading (session cookies; stored CRM secrets)
    secret_key_previous: tuple[str, ...] = field(default=(), repr=False)
    credentials_key_previous: tuple[str, ...] = field(default=(), repr=False)

    @property
    def development(self) -> bool:
        return self.environment == "development"

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        environment = env.get("SPENDSYNC_ENV", "development")
        if environment not in {"development", "production"}:
            raise SettingsError("SPENDSYNC_ENV must be development or production")
        var_dir = Path(env.get("SPENDSYNC_VAR_DIR", str(PROJECT_ROOT / "var")))
        secret_key = env.get("SECRET_KEY", "")
        if not secret_key:
            if environment == "production":
                raise SettingsError("SECRET_KEY is required when SPENDSYNC_ENV=production")
            secret_key = _dev_secret_key(var_dir)
        credentials_key = env.get("CREDENTIALS_KEY", "")
        if not credentials_key:
            if environment == "production":
                raise SettingsError("CREDENTIALS_KEY is required when SPENDSYNC_ENV=production")
            credentials_key = _dev_credentials_key(var_dir)
        database_url = env.get("DATABASE_URL", DEFAULT_DATABASE_URL)
        try:
            dialect_of(database_url)  # fail early on an unsupported URL
        except ValueError as exc:
            raise SettingsError(f"DATABASE_URL: {exc}") from None
        return cls(
            host=env.get("HOST", "127.0.0.1"),
            port=_int(env, "PORT", 8000),
            database_url=database_url,
            secret_key=secret_key,
            environment=environment,
            session_cookie_secure=_flag(env, "SESSION_COOKIE_SECURE", environment == "production"),
            session_max_age=_int(env, "SESSION_MAX_AGE", 14 * 24 * 3600),
            node_modules=Path(
                env.get("SPENDSYNC_NODE_MODULES", str(PROJECT_ROOT / "node_modules"))
            ),
            log_level=env.get("LOG_LEVEL", "INFO").upper(),
            receipt_dir=Path(env.get("RECEIPT_STORAGE_DIR", str(var_dir / "receipts"))),
            receipt_max_bytes=_int(env, "RECEIPT_MAX_BYTES", 10 * 1024 * 1024),
            graphql_max_body_bytes=_positive(
                _int(env, "GRAPHQL_MAX_BODY_BYTES", 16 * 1024 * 1024), "GRAPHQL_MAX_BODY_BYTES"
            ),
            credentials_key=credentials_key,
            allow_crm_urls=_flag(env, "ALLOW_CRM_URLS", environment == "development"),
            sync_tick_seconds=_int(env, "SYNC_TICK_SECONDS", 60),
            sync_runner=_sync_runner(env, database_url),
            public_base_url=env.get("PUBLIC_BASE_URL", "").strip().rstrip("/"),
            sync_callback_delay_seconds=_int(env, "SYNC_CALLBACK_DELAY_SECONDS", 5),
            worker_heartbeat_seconds=_positive(
                _int(env, "WORKER_HEARTBEAT_SECONDS", 10), "WORKER_HEARTBEAT_SECONDS"
            ),
            worker_stalled_seconds=_positive(
                _int(env, "WORKER_STALLED_SECONDS", 30), "WORKER_STALLED_SECONDS"
            ),
            forwarded_allow_ips=env.get("FORWARDED_ALLOW_IPS", "").strip(),
            smtp_url=_smtp_url(env),
            mail_from=env.get("MAIL_FROM", "").strip() or "Spendsync <no-reply@localhost>",
            graphql_introspection=_introspection(env, environment),
            metrics_token=env.get("METRICS_TOKEN", "").strip(),
            secret_key_previous=_keys(env, "SECRET_KEY_PREVIOUS"),
            credentials_key_previous=_credential_keys(env, "CREDENTIALS_KEY_PREVIOUS"),
        )
