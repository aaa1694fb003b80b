"""The database goes away while the app serves: a live server on its own throwaway PostgreSQL
cluster, which is stopped for a while and started again. Meanwhile /readyz and /healthz answer
503, GraphQL answers a clean error quickly (no hang, no traceback, no INTERNAL_SERVER_ERROR
page), and afterwards the app recovers by itself, without a restart.

The default run stops the cluster for 3 s; the ``long`` variant for 30 s.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.support.postgres import Cluster, PostgresUnavailable, start_cluster
from web.database import DEMO_ADMIN_EMAIL

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]
READ = "{ viewer { email } expenses(first: 5) { totalCount } }"


@dataclass
class Live:
    cluster: Cluster
    base_url: str
    headers: dict[str, str]
    log: Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def stop_database(cluster: Cluster) -> None:
    cluster.pause()


def start_database(cluster: Cluster) -> None:
    cluster.resume()


@pytest.fixture
def live(tmp_path: Path) -> Iterator[Live]:
    """Its own cluster: stopping it must not disturb the suite's shared one."""
    from tests.conftest import require_or_skip

    try:
        cluster = start_cluster()
    except PostgresUnavailable as exc:
        require_or_skip(f"PostgreSQL layer skipped: {exc}")
        raise
    port = _free_port()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "DATABASE_URL": cluster.url,
        "SPENDSYNC_VAR_DIR": str(tmp_path / "var"), "PORT": str(port), "HOST": "127.0.0.1",
        "SYNC_TICK_SECONDS": "0", "LOG_LEVEL": "warning",
    }  # fmt: skip
    log = tmp_path / "server.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "web.cli", "serve"], cwd=ROOT, env=env,
            stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                if httpx.get(f"{base_url}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the server did not start:\n{log.read_text()}")
            time.sleep(0.2)
        token = subprocess.run(
            [sys.executable, "-m", "web.cli", "token", "create", "--email", DEMO_ADMIN_EMAIL,
             "--name", "outage"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=True,
        ).stdout.strip()  # fmt: skip
        yield Live(cluster, base_url, {"Authorization": f"Bearer {token}"}, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        with contextlib.suppress(PostgresUnavailable):  # already stopped by a failing test
            cluster.stop()


def _graphql(live: Live, timeout: float = 15) -> httpx.Response:
    return httpx.post(
        f"{live.base_url}/graphql", json={"query": READ}, headers=live.headers, timeout=timeout
    )


def _assert_clean_unavailable(response: httpx.Response) -> None:
    """A refusal the client can act on: JSON, no traceback, no masked bug."""
    assert response.status_code in (200, 503), response.text
    body = response.json()
    assert "Traceback" not in response.text
    codes = [(e.get("extensions") or {}).get("code") for e in body.get("errors") or []]
    assert codes and set(codes) == {"SERVICE_UNAVAILABLE"}, body


def _outage(live: Live, seconds: float) -> None:
    assert _graphql(live).json()["data"]["viewer"]["email"] == DEMO_ADMIN_EMAIL
    stop_database(live.cluster)
    down_until = time.monotonic() + seconds
    answers = 0
    while time.monotonic() < down_until:
        started = time.monotonic()
        ready = httpx.get(f"{live.base_url}/readyz", timeout=15)
        assert ready.status_code == 503
        assert ready.json()["status"] == "unavailable"
        assert httpx.get(f"{live.base_url}/healthz", timeout=15).status_code == 503
        _assert_clean_unavailable(_graphql(live))
        assert time.monotonic() - started < 10, "a request hung while the database was down"
        answers += 1
        time.sleep(0.5)
    assert answers >= 1
    start_database(live.cluster)
    deadline = time.monotonic() + 30  # no restart of the app: it reconnects by itself
    while httpx.get(f"{live.base_url}/readyz", timeout=15).status_code != 200:
        assert time.monotonic() < deadline, "the app did not recover after the database came back"
        time.sleep(0.5)
    recovered = _graphql(live)
    assert recovered.status_code == 200
    assert recovered.json()["data"]["viewer"]["email"] == DEMO_ADMIN_EMAIL


def test_the_database_away_for_a_few_seconds(live: Live) -> None:
    _outage(live, 3)


@pytest.mark.long
def test_the_database_away_for_thirty_seconds(live: Live) -> None:
    _outage(live, 30)
