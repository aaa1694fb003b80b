"""``spendsync serve --workers N``: several app processes on one port with PostgreSQL (syncs in
the job queue, sessions signed, sign-in throttling in the database); refused with SQLite."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import time
from pathlib import Path

import asyncpg
import httpx
import pytest

from tests.support.postgres import Cluster
from web.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_several_workers_are_refused_with_sqlite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite://{tmp_path}/one.sqlite3")
    monkeypatch.setenv("SPENDSYNC_VAR_DIR", str(tmp_path / "var"))
    assert main(["serve", "--workers", "2"]) == 2
    assert "SYNC_RUNNER=jobs" in capsys.readouterr().err
    assert main(["serve", "--workers", "0"]) == 2
    assert not (tmp_path / "one.sqlite3").exists()  # refused before anything was done


def _children(pid: int) -> list[int]:
    listed = subprocess.run(
        ["ps", "-o", "pid=,args=", "--ppid", str(pid)], capture_output=True, text=True, check=False
    )
    return [int(line.split()[0]) for line in listed.stdout.splitlines() if "python" in line]


async def _fresh_database(cluster: Cluster, name: str) -> str:
    connection = await asyncpg.connect(cluster.url)
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    return cluster.url_for(name)


@pytest.mark.postgres
def test_two_workers_serve_one_port_with_postgresql(
    tmp_path: Path, postgres_cluster: Cluster
) -> None:
    url = asyncio.run(_fresh_database(postgres_cluster, "serve_workers"))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {
        "DATABASE_URL": url, "SPENDSYNC_VAR_DIR": str(tmp_path / "var"), "PORT": str(port),
        "PATH": "/usr/bin:/bin", "SYNC_TICK_SECONDS": "0",
    }  # fmt: skip
    process = subprocess.Popen(
        [sys.executable, "-m", "web.cli", "serve", "--workers", "2", "--no-demo"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 240  # migrations on a fresh database, a busy machine
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
                if len(_children(process.pid)) >= 2:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None:
                pytest.fail(f"the server stopped:\n{process.communicate()[0]}")
            if time.monotonic() > deadline:
                pytest.fail("the server did not start two workers in time")
            time.sleep(0.2)
        assert response.json() == {"status": "ok"}
        assert len(_children(process.pid)) >= 2
        for _ in range(10):
            answered = httpx.post(
                f"http://127.0.0.1:{port}/graphql", json={"query": "{ __typename }"}, timeout=5
            )
            assert answered.json() == {"data": {"__typename": "Query"}}
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
    assert "Started parent process" in output or "worker" in output.lower(), output
