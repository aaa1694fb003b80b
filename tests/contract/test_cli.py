"""The ``spendsync`` console script: migrate, createadmin, export-schema and serve."""

from __future__ import annotations

import asyncio
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from tortoise import Tortoise

from orm import models
from orm.config import tortoise_config
from web.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def database_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite://{tmp_path}/cli.sqlite3"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("SPENDSYNC_VAR_DIR", str(tmp_path / "var"))
    return url


async def _admins(url: str) -> list[tuple[str, str, str]]:
    await Tortoise.init(config=tortoise_config(url))
    try:
        users = await models.User.filter(role=models.UserRole.ADMIN).prefetch_related("org")
        return [(u.email, u.org.name, u.org.base_currency) for u in users]
    finally:
        await Tortoise.close_connections()


def test_migrate_then_createadmin(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["migrate"]) == 0
    assert "Applied" in capsys.readouterr().out
    assert main(["migrate"]) == 0
    assert "up to date" in capsys.readouterr().out

    monkeypatch.setenv("SPENDSYNC_ADMIN_PASSWORD", "correct horse battery")
    arguments = ["createadmin", "--organization", "Globex", "--email", "Hank@Globex.example",
                 "--name", "Hank", "--currency", "eur"]  # fmt: skip
    assert main(arguments) == 0
    assert asyncio.run(_admins(database_url)) == [("hank@globex.example", "Globex", "EUR")]

    monkeypatch.setenv("SPENDSYNC_ADMIN_PASSWORD", "short")
    assert main([*arguments[:4], "other@globex.example", "--name", "O"]) == 1
    assert "PASSWORD_TOO_WEAK" in capsys.readouterr().err
    assert len(asyncio.run(_admins(database_url))) == 1


def test_export_schema_check(tmp_path: Path) -> None:
    assert main(["export-schema", "--check", "--output", str(ROOT / "schema.graphql")]) == 0
    stale = tmp_path / "schema.graphql"
    stale.write_text("type Query { old: Int }\n")
    assert main(["export-schema", "--check", "--output", str(stale)]) == 1
    assert main(["export-schema", "--output", str(stale)]) == 0
    assert stale.read_text() == (ROOT / "schema.graphql").read_text()


def test_the_worker_needs_postgresql(database_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["worker"]) == 2
    assert "PostgreSQL" in capsys.readouterr().err


def test_bad_settings_exit_with_a_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", "mysql://nope")
    assert main(["migrate"]) == 2
    assert "DATABASE_URL" in capsys.readouterr().err


def test_serve_creates_the_demo_and_answers(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {
        "DATABASE_URL": f"sqlite://{tmp_path}/serve.sqlite3",
        "SPENDSYNC_VAR_DIR": str(tmp_path / "var"),
        "PORT": str(port),
        "PATH": "/usr/bin:/bin",
        "FORWARDED_ALLOW_IPS": "127.0.0.1",  # the test plays the reverse proxy
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "web.cli", "serve"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120  # a start-up wait on a busy machine, not a timing
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
                break
            except httpx.TransportError:
                if process.poll() is not None:
                    pytest.fail(f"serve exited:\n{process.communicate()[0]}")
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        assert response.json() == {"status": "ok"}
        login = httpx.get(f"http://127.0.0.1:{port}/login", timeout=5)
        assert "Sign in" in login.text
        # a refused sign-in is counted against the address the proxy says the caller has
        refused = httpx.post(
            f"http://127.0.0.1:{port}/graphql",
            json={"query": 'mutation { sessionCreate(input: {email: "x@y.example", '
                  'password: "nope"}) { errors { code } } }'},
            headers={"X-Forwarded-For": "203.0.113.7"}, timeout=10,
        )  # fmt: skip
        assert refused.json()["data"]["sessionCreate"]["errors"] == [
            {"code": "INVALID_CREDENTIALS"}
        ]
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=15)
    assert "admin@demo.example.com" in output
    assert "password:" in output
    with sqlite3.connect(tmp_path / "serve.sqlite3") as db:
        clients = db.execute("SELECT email, client FROM sign_in_failure").fetchall()
    assert clients == [("x@y.example", "203.0.113.7")]


def _createadmin(monkeypatch: pytest.MonkeyPatch, email: str, organization: str) -> None:
    monkeypatch.setenv("SPENDSYNC_ADMIN_PASSWORD", "correct horse battery")
    arguments = ["createadmin", "--organization", organization, "--email", email, "--name", "A"]
    assert main(arguments) == 0


async def _set_password_through(url: str, link: str, password: str) -> list[dict[str, str]]:
    """Use a printed link as the set-password page would (through GraphQL, in-process)."""
    from urllib.parse import parse_qs, urlsplit

    from resolvers.identity import links
    from resolvers.mail import LogMailer, Postman
    from web.settings import Settings

    await Tortoise.init(config=tortoise_config(url))
    try:
        accounts = links.AccountLinks(Settings.from_env().secret_key, Postman(LogMailer()))
        token = parse_qs(urlsplit(link).query)["token"][0]
        result = await links.set_password(accounts, token, password)
        return [{"code": e.code, "field": e.field or ""} for e in result.errors]
    finally:
        await Tortoise.close_connections()


def test_user_reset_link_prints_a_link_that_works_once(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["migrate"]) == 0
    _createadmin(monkeypatch, "hank@globex.example", "Globex")
    capsys.readouterr()
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://expenses.example/")

    assert main(["user", "reset-link", "--email", "Hank@Globex.example"]) == 0
    link = capsys.readouterr().out.strip()
    assert link.startswith("https://expenses.example/set-password?token=")
    assert asyncio.run(_set_password_through(database_url, link, "a new long secret")) == []
    assert asyncio.run(_set_password_through(database_url, link, "another long one")) == [
        {"code": "INVALID_LINK", "field": "token"}
    ]

    assert main(["user", "reset-link", "--email", "nobody@globex.example"]) == 1
    assert "No active user" in capsys.readouterr().err
    _createadmin(monkeypatch, "hank@globex.example", "Initech")
    assert main(["user", "reset-link", "--email", "hank@globex.example"]) == 1
    assert "several organisations" in capsys.readouterr().err
    assert main(["user", "reset-link", "--email", "hank@globex.example", "--org", "2"]) == 0
    assert "/set-password?token=" in capsys.readouterr().out


def test_token_create_prints_a_working_api_token(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from resolvers.identity.tokens import authenticate_token

    assert main(["migrate"]) == 0
    _createadmin(monkeypatch, "hank@globex.example", "Globex")
    capsys.readouterr()

    arguments = ["token", "create", "--email", "hank@globex.example", "--name", "nightly export"]
    assert main([*arguments, "--expires-days", "30"]) == 0
    printed = capsys.readouterr()
    secret = printed.out.strip()
    assert secret.startswith("sst_") and "\n" not in secret
    assert "shown once" in printed.err

    async def check() -> tuple[object, list[tuple[str, bool]]]:
        await Tortoise.init(config=tortoise_config(database_url))
        try:
            viewer = await authenticate_token(secret)
            rows = await models.ApiToken.all().values_list("name", "expires_at")
            return viewer, [(str(name), expires is not None) for name, expires in rows]
        finally:
            await Tortoise.close_connections()

    viewer, rows = asyncio.run(check())
    assert viewer is not None
    assert rows == [("nightly export", True)]

    assert main(["token", "create", "--email", "hank@globex.example", "--name", "reporting",
                 "--read-only"]) == 0  # fmt: skip
    reader = capsys.readouterr()
    assert "read-only API token" in reader.err

    async def scope_of(name: str) -> str:
        await Tortoise.init(config=tortoise_config(database_url))
        try:
            return str((await models.ApiToken.get(name=name)).scope.value)
        finally:
            await Tortoise.close_connections()

    assert asyncio.run(scope_of("reporting")) == "READ_ONLY"
    assert asyncio.run(scope_of("nightly export")) == "FULL"

    assert main([*arguments, "--expires-days", "0"]) == 2
    assert main(["token", "create", "--email", "hank@globex.example", "--name", " "]) == 1
    assert "name" in capsys.readouterr().err
    assert main(["token", "create", "--email", "x@globex.example", "--name", "n"]) == 1
    assert len(asyncio.run(check())[1]) == 2
