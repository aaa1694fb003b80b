"""A procrastinate worker killed (SIGKILL) in the middle of a sync job, on PostgreSQL: real
processes on loopback (the CRM simulator, `spendsync worker` twice). The job the dead worker
left ``doing`` is retried once by the next worker, once the dead one's heartbeat is stale; the
retried job marks the dead run interrupted and syncs the organisation again. Exactly one run
succeeds, the job ran twice (one retry, no second job) and every CRM record is there once."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from tortoise import Tortoise

from orm import models
from orm.config import tortoise_config
from sync import jobs
from sync.credentials import CredentialCipher
from sync.crm.simulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_REFRESH_TOKEN, CrmStore
from sync.service import SyncService
from tests.support.postgres import Cluster

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[3]
DATASET = {"seed": 5, "accounts": 600, "contacts": 0, "deals": 400, "users": 3}
HEARTBEAT, STALLED = 1, 3  # seconds (10 and 30 by default)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _started(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as output:
        return subprocess.Popen(
            [sys.executable, "-m", "web.cli", *command], cwd=ROOT, env=env,
            stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture
def crm_url(tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    counts = [f"--{name}={value}" for name, value in DATASET.items()]
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    # 200 ms a request: the run lasts a few seconds, long enough to be killed in its middle
    simulator = _started(["crm-sim", "--host", "127.0.0.1", "--port", str(port), *counts,
                          "--latency-ms", "200"], env, tmp_path / "crm.log")  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{url}/crm/v8/org", timeout=2)
                break
            except httpx.TransportError:
                assert simulator.poll() is None, (tmp_path / "crm.log").read_text()
                assert time.monotonic() < deadline, "the CRM simulator did not start"
                time.sleep(0.2)
        yield url
    finally:
        _stop(simulator)


async def _fresh_database(cluster: Cluster, name: str) -> str:
    connection = await asyncpg.connect(cluster.url)
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    return cluster.url_for(name)


async def _queue_a_sync(database_url: str, crm_url: str, key: str) -> int:
    """The app's side: a connected organisation and a sync queued for the workers."""
    await Tortoise.init(config=tortoise_config(database_url))
    try:
        cipher = CredentialCipher(key)
        org = await models.Organization.create(name="Killed worker", base_currency="USD")
        await models.Integration.create(
            org=org, state=models.IntegrationState.CONNECTED, accounts_url=crm_url,
            api_url=crm_url, client_id=DEMO_CLIENT_ID,
            client_secret_encrypted=cipher.encrypt(DEMO_CLIENT_SECRET),
            refresh_token_encrypted=cipher.encrypt(DEMO_REFRESH_TOKEN), crm_currency="USD",
            customer_module=models.CustomerModule.ACCOUNTS, customers_configured=True,
        )  # fmt: skip
        async with jobs.app_for(database_url).open_async():
            service = SyncService(cipher, defer=jobs.defer_sync)
            run = await service.start_run(org.id, "MANUAL")
        assert run.status is models.SyncStatus.QUEUED
        return org.id
    finally:
        await Tortoise.close_connections()


async def _rows(database_url: str, query: str, *args: Any) -> list[asyncpg.Record]:
    connection = await asyncpg.connect(database_url)
    try:
        return list(await connection.fetch(query, *args))
    finally:
        await connection.close()


def _rows_now(database_url: str, query: str, *args: Any) -> list[asyncpg.Record]:
    return asyncio.run(_rows(database_url, query, *args))


def _wait_for(what: str, check: Any, seconds: float, *processes: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        for process in processes:
            assert process.poll() is None, f"a worker stopped while waiting for {what}"
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def test_a_worker_killed_mid_sync_has_its_job_retried_once_without_a_duplicate_run(
    tmp_path: Path, postgres_cluster: Cluster, crm_url: str
) -> None:
    started = time.monotonic()
    database_url = asyncio.run(_fresh_database(postgres_cluster, "worker_killed"))
    key = CredentialCipher.generate_key()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "DATABASE_URL": database_url,
        "SPENDSYNC_VAR_DIR": str(tmp_path / "var"), "CREDENTIALS_KEY": key,
        "ALLOW_CRM_URLS": "true", "SYNC_RUNNER": "jobs", "LOG_LEVEL": "info",
        "WORKER_HEARTBEAT_SECONDS": str(HEARTBEAT), "WORKER_STALLED_SECONDS": str(STALLED),
    }  # fmt: skip
    for command in (["migrate"], ["worker", "--apply-schema"]):
        subprocess.run([sys.executable, "-m", "web.cli", *command], cwd=ROOT, env=env,
                       check=True, capture_output=True, timeout=240)  # fmt: skip
    org_id = asyncio.run(_queue_a_sync(database_url, crm_url, key))
    log = tmp_path / "workers.log"

    def run_statuses() -> list[str]:
        rows = _rows_now(database_url, "SELECT status FROM sync_run WHERE org_id=$1 ORDER BY id",
                         org_id)  # fmt: skip
        return [row["status"] for row in rows]

    def customers() -> int:
        rows = _rows_now(database_url, "SELECT count(*) AS n FROM customer WHERE org_id=$1", org_id)
        return int(rows[0]["n"])

    # the first worker takes the job; it is killed once pages of the run are committed
    first = _started(["worker"], env, log)
    try:
        _wait_for("the run to write its first pages",
                  lambda: run_statuses() == ["RUNNING"] and customers() > 0, 120, first)  # fmt: skip
        os.kill(first.pid, signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        _stop(first)
    killed_at = time.monotonic()
    written = customers()
    assert 0 < written < DATASET["accounts"], "the run was not killed in its middle"
    [job] = _rows_now(
        database_url, "SELECT * FROM procrastinate_jobs WHERE task_name LIKE '%sync_org'"
    )
    assert (job["status"], job["attempts"]) == ("doing", 0)  # what the dead worker left
    assert run_statuses() == ["RUNNING"]

    # the next worker retries the job once the dead one's heartbeat is stale, and it succeeds
    second = _started(["worker"], env, log)
    try:

        def job_done() -> bool:
            rows = _rows_now(database_url,
                             "SELECT status FROM procrastinate_jobs WHERE id=$1", job["id"])  # fmt: skip
            return rows[0]["status"] in ("succeeded", "failed")

        _wait_for("the retried job", job_done, 120, second)
    finally:
        _stop(second)
    recovered_in = time.monotonic() - killed_at

    jobs_rows = _rows_now(
        database_url, "SELECT * FROM procrastinate_jobs WHERE task_name LIKE '%sync_org'"
    )
    assert [(r["id"], r["status"], r["attempts"]) for r in jobs_rows] == [
        (job["id"], "succeeded", 2)  # ran twice: killed, then retried once; no second job
    ]
    runs = _rows_now(database_url,
                     "SELECT status, error_message FROM sync_run WHERE org_id=$1 ORDER BY id", org_id)  # fmt: skip
    assert [r["status"] for r in runs] == ["FAILED", "SUCCEEDED"]  # exactly one run succeeded
    assert runs[0]["error_message"].startswith("Interrupted")

    store = CrmStore.generate(**DATASET)
    local = _rows_now(database_url, "SELECT crm_id, name FROM customer WHERE org_id=$1", org_id)
    assert len(local) == len({r["crm_id"] for r in local})  # no duplicated rows
    assert {r["crm_id"]: r["name"] for r in local} == {
        crm_id: account["Account_Name"] for crm_id, account in store.records["Accounts"].items()
    }
    deals = _rows_now(database_url, "SELECT crm_id, name FROM potential WHERE org_id=$1", org_id)
    assert len(deals) == len({r["crm_id"] for r in deals})
    assert {r["crm_id"]: r["name"] for r in deals} == {
        crm_id: deal["Deal_Name"] for crm_id, deal in store.records["Deals"].items()
    }
    print(f"[postgres] worker killed after {written} of {DATASET['accounts']} accounts; job "
          f"retried and the sync done {recovered_in:.1f} s later (stalled after {STALLED} s); "
          f"{time.monotonic() - started:.0f} s in all")  # fmt: skip
