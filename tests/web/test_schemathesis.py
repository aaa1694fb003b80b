"""Schemathesis in GraphQL mode against a live server on 127.0.0.1, on SQLite and PostgreSQL:
generated queries and mutations of every root field (the custom scalars registered, with valid
and invalid values), sent as an admin of a seeded organisation, never answer 5xx nor
INTERNAL_SERVER_ERROR.

The default run sends one generated operation per root field; the ``long`` variant at least
1,000 per database (``make test-long``; figures in docs/TESTING.md).
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.graphql import nodes

from tests.support.postgres import Cluster
from web.database import DEMO_ADMIN_EMAIL

ROOT = Path(__file__).resolve().parents[2]
SHORT_PER_FIELD = int(os.environ.get("SCHEMATHESIS_PER_FIELD", "1"))
LONG_TOTAL = int(os.environ.get("SCHEMATHESIS_TOTAL", "1100"))  # per database

# The custom scalars: mostly valid values (they reach the resolvers), some invalid ones (they
# must be refused as such).
SCALARS: dict[str, st.SearchStrategy[str]] = {
    "Date": st.one_of(
        st.dates().map(lambda d: d.isoformat()), st.just("2026-01-15"), st.text(max_size=12)
    ),
    "DateTime": st.one_of(
        st.datetimes().map(lambda d: d.isoformat() + "Z"),
        st.just("2026-01-15T10:00:00+00:00"),
        st.text(max_size=25),
    ),
    "DecimalString": st.one_of(
        st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str),
        st.sampled_from(["12.50", "0", "-1", "1e400", "NaN", "99999999999999999999.99"]),
        st.text(max_size=12),
    ),
    "Time": st.one_of(st.times().map(lambda t: t.isoformat()), st.text(max_size=10)),
}
for _name, _strategy in SCALARS.items():
    schemathesis.graphql.scalar(_name, _strategy.map(nodes.String))
SCHEMA = schemathesis.graphql.from_path(ROOT / "schema.graphql")
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _fresh_postgres_database(cluster: Cluster, name: str) -> str:
    connection = await asyncpg.connect(cluster.url)
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    return cluster.url_for(name)


@dataclass
class Server:
    base_url: str
    headers: dict[str, str]
    log: Path


def _cli(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "web.cli", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def _seed(server: Server) -> None:
    """A customer, an expense in a report: lists and nodes the generated reads come across."""

    def call(document: str, variables: dict[str, Any]) -> dict[str, Any]:
        response = httpx.post(
            f"{server.base_url}/graphql",
            json={"query": document, "variables": variables},
            headers=server.headers,
            timeout=30,
        )
        response.raise_for_status()
        data: dict[str, Any] = response.json()["data"]
        return data

    categories = call("{ categories { nodes { id } } }", {})["categories"]["nodes"]
    customer = call(
        "mutation($input: CustomerCreateInput!) { customerCreate(input: $input) "
        "{ customer { id } errors { code } } }",
        {"input": {"name": "Globex", "type": "BUSINESS"}},
    )["customerCreate"]["customer"]
    created = call(
        "mutation($input: ExpenseCreateInput!) { expenseCreate(input: $input) "
        "{ expense { id } errors { code } } }",
        {"input": {
            "expense": {"date": "2026-01-15", "amount": "12.50", "currency": "USD",
                        "merchant": "Cafe", "categoryId": categories[0]["id"],
                        "customerId": customer["id"] if customer else None},
            "newReport": {"name": "January", "startDate": "2026-01-01", "endDate": "2026-01-31"},
        }},
    )  # fmt: skip
    assert created["expenseCreate"]["errors"] == [], created


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp(f"schemathesis-{request.param}")
    if request.param == "postgres":
        cluster: Cluster = request.getfixturevalue("postgres_cluster")
        url = asyncio.run(_fresh_postgres_database(cluster, "schemathesis"))
    else:
        url = f"sqlite://{tmp}/fuzz.sqlite3"
    port = _free_port()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "DATABASE_URL": url,
        "SPENDSYNC_VAR_DIR": str(tmp / "var"), "PORT": str(port), "HOST": "127.0.0.1",
        "SYNC_TICK_SECONDS": "0", "LOG_LEVEL": "warning", "ALLOW_CRM_URLS": "false",
    }  # fmt: skip
    log = tmp / "server.log"
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
        token = _cli(env, "token", "create", "--email", DEMO_ADMIN_EMAIL, "--name", "fuzz")
        ready = Server(base_url, {"Authorization": f"Bearer {token}"}, log)
        _seed(ready)
        yield ready
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass
class Tally:
    calls: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0
    slowest: list[tuple[float, str]] = field(default_factory=list)


def _problem(response: requests.Response) -> str | None:
    if response.status_code >= 500:
        return f"HTTP {response.status_code}: {response.text[:300]}"
    try:
        body = response.json()
    except ValueError:
        return f"HTTP {response.status_code}, not JSON: {response.text[:300]}"
    for error in body.get("errors") or []:
        if (error.get("extensions") or {}).get("code") == "INTERNAL_SERVER_ERROR":
            return f"INTERNAL_SERVER_ERROR at {error.get('path')}"
    return None


def _fuzz_one(
    operation: Any, server: Server, session: requests.Session, per_field: int, tally: Tally
) -> None:
    @settings(
        max_examples=per_field,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def send(case: Any) -> None:
        started = time.monotonic()
        response = case.call(
            base_url=f"{server.base_url}/graphql", session=session, headers=server.headers,
            timeout=60,
        )  # fmt: skip
        tally.calls += 1
        spent = time.monotonic() - started
        tally.slowest = sorted([*tally.slowest, (spent, operation.label)], reverse=True)[:3]
        problem = _problem(response)
        if problem is not None:
            tally.failures.append(f"{operation.label}: {problem}\n{case.body}")

    send()


def fuzz(server: Server, per_field: int) -> Tally:
    tally = Tally()
    session = requests.Session()
    started = time.monotonic()
    for operation in OPERATIONS:
        _fuzz_one(operation, server, session, per_field, tally)
    tally.seconds = time.monotonic() - started
    return tally


def _report(server: Server, tally: Tally, label: str) -> None:
    print(f"\n[{label}] {tally.calls} generated operations over {len(OPERATIONS)} root fields "
          f"in {tally.seconds:.0f} s, {len(tally.failures)} failing; slowest {tally.slowest}")  # fmt: skip
    if tally.failures:
        logged = server.log.read_text()[-4000:]
        shown = "\n\n".join(tally.failures[:10])
        pytest.fail(f"{len(tally.failures)} failing operations:\n{shown}\n\nserver log:\n{logged}")


def test_generated_operations_never_fail_on_the_server(server: Server) -> None:
    tally = fuzz(server, SHORT_PER_FIELD)
    _report(server, tally, "short")
    assert tally.calls >= len(OPERATIONS) * SHORT_PER_FIELD // 2


@pytest.mark.long
def test_a_thousand_generated_operations_never_fail_on_the_server(server: Server) -> None:
    tally = fuzz(server, math.ceil(LONG_TOTAL / len(OPERATIONS)))
    _report(server, tally, "long")
    assert tally.calls >= 1000
    # the server is still healthy and answering afterwards
    assert httpx.get(f"{server.base_url}/readyz", timeout=5).status_code == 200
    assert json.loads(httpx.get(f"{server.base_url}/healthz", timeout=5).text)["status"] == "ok"
