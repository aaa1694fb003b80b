"""Speed of a full customer + potential sync against the simulator on loopback.

Run: .venv/bin/python bench/sync.py --records 50000 --latency-ms 200 --concurrency 5
     .venv/bin/python bench/sync.py --records 50000 --latency-ms 0 --db postgres
     .venv/bin/python bench/sync.py --records 50000 --latency-ms 200 --incremental --changed 0.01

The simulator (half accounts, half deals) runs in its own process with the given latency per
request; the sync runs here, through the real client, into a fresh SQLite file or (``--db
postgres``) a database of a throwaway PostgreSQL cluster started for the run. The bound is
the CRM's limit: all pages x latency / concurrency (the requests the sync must make, as many
in flight as the CRM allows). The line printed is
``db=… records=… wall_s=… bound_s=… ratio=… records_per_s=… requests=… sync_cpu_s=…
peak_rss_mb=…`` (``sync_cpu_s``: CPU seconds of the sync's process, all threads, during the
run; on a shared machine it moves less than the wall time).

``--incremental`` then measures the scheduled run that follows: with nothing changed in the
CRM, and with ``--changed`` (a fraction) of the records of each module edited through the
CRM's API. Each prints its requests, wall time, the ratio of its wall time to requests x
latency, and its cost against the full sync (wall time and requests).
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this file's folder comes first on sys.path and this module ("sync") would
# hide the project's `sync` package: drop the folder before importing the project.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))  # tests.support.postgres: the throwaway cluster of the tests

import argparse
import asyncio
import contextlib
import math
import os
import random
import resource
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import asyncpg  # type: ignore[import-untyped]
import httpx
from tortoise import Tortoise

from orm import models
from orm.config import tortoise_config
from sync.credentials import CredentialCipher
from sync.crm.factory import ClientFactory, ConnectionSettings
from sync.crm.ratelimit import LimiterRegistry
from sync.crm.simulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_REFRESH_TOKEN
from sync.crm.simulator.process import simulator_process
from sync.service import SyncService
from tests.support.postgres import start_cluster
from web.database import apply_migrations

PAGE = 200
BATCH = 100  # records per CRM write call


@contextmanager
def databases(kind: str) -> Iterator[Callable[[str], str]]:
    """Yields a function that makes an empty database by name and returns its URL."""
    if kind == "sqlite":
        with tempfile.TemporaryDirectory(prefix="spendsync-bench-") as directory:
            yield lambda name: f"sqlite://{directory}/{name}.sqlite3"
        return
    cluster = start_cluster()

    def create(name: str) -> str:
        async def make() -> None:
            connection = await asyncpg.connect(cluster.url)
            try:
                await connection.execute(f'CREATE DATABASE "{name}"')
            finally:
                await connection.close()

        asyncio.run(make())
        return cluster.url_for(name)

    try:
        yield create
    finally:
        cluster.stop()


class Counting(httpx.AsyncBaseTransport):
    """Counts the requests the sync sends (token requests included)."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.count = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.count += 1
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


@dataclass
class Figures:
    wall: float
    requests: int
    cpu: float  # this process's CPU seconds (all threads) during the run
    crm_cpu: float  # the simulator process's CPU seconds during the run


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _children_cpu() -> float:
    """CPU seconds of the running child processes (the simulator), from /proc; 0 elsewhere."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for children in Path("/proc/self/task").glob("*/children"):
        for pid in children.read_text().split():
            with contextlib.suppress(OSError):
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


async def _run(
    service: SyncService, counter: Counting, org_id: int, records: int | None = None
) -> Figures:
    before = counter.count
    started, cpu, crm_cpu = time.perf_counter(), _cpu(), _children_cpu()
    run = await service.run_now(org_id, "MANUAL")
    wall = time.perf_counter() - started
    cpu, crm_cpu = _cpu() - cpu, _children_cpu() - crm_cpu
    assert run.status is models.SyncStatus.SUCCEEDED, run.error_message
    if records is not None:  # incremental runs read their boundary records again
        assert run.processed == records, (run.processed, records)
    return Figures(wall, counter.count - before, cpu, crm_cpu)


async def _change(url: str, module: str, ids: list[str]) -> None:
    """Edit records through the CRM's update API, as a CRM user would."""
    factory = ClientFactory()
    settings = ConnectionSettings(
        client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET,
        refresh_token=DEMO_REFRESH_TOKEN, data_centre=None, accounts_url=url, api_url=url,
    )  # fmt: skip
    async with factory.connect("bench-editor", settings) as client:
        for start in range(0, len(ids), BATCH):
            batch = ids[start : start + BATCH]
            changes = [
                {"id": i, "Phone": f"+1 555 {i[-6:]}"}
                if module == "Accounts"
                else {"id": i, "Amount": float(int(i[-5:]) + 1)}
                for i in batch
            ]
            results = await client.update(module, changes, trigger=[])
            assert all(r.ok for r in results), results[:3]


async def measure(
    records: int,
    latency_ms: int,
    concurrency: int,
    database_url: str,
    incremental: bool,
    changed: float,
    db: str,
) -> list[str]:
    accounts, deals = records // 2, records - records // 2
    options = {"seed": 1, "accounts": accounts, "contacts": 0, "deals": deals, "users": 5,
               "latency_ms": latency_ms}  # fmt: skip
    lines = []
    with simulator_process(options, timeout=900) as url:
        await apply_migrations(database_url)
        await Tortoise.init(config=tortoise_config(database_url))
        cipher = CredentialCipher(CredentialCipher.generate_key())
        org = await models.Organization.create(name="Bench")
        await models.Integration.create(
            org=org, state=models.IntegrationState.CONNECTED, accounts_url=url, api_url=url,
            client_id=DEMO_CLIENT_ID, client_secret_encrypted=cipher.encrypt(DEMO_CLIENT_SECRET),
            refresh_token_encrypted=cipher.encrypt(DEMO_REFRESH_TOKEN),
            customer_module=models.CustomerModule.ACCOUNTS, customers_configured=True,
        )  # fmt: skip
        counter = Counting()
        factory = ClientFactory(transport=counter)
        factory.limiters = LimiterRegistry(max_in_flight=concurrency)
        service = SyncService(cipher, factory)
        full = await _run(service, counter, org.id, records)
        latency = latency_ms / 1000
        pages = math.ceil(accounts / PAGE) + math.ceil(deals / PAGE)
        bound = pages * latency / concurrency
        ratio = f"{full.wall / bound:.2f}" if bound else "n/a"
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        lines.append(
            f"db={db} records={records} wall_s={full.wall:.2f} bound_s={bound:.2f} "
            f"ratio={ratio} records_per_s={records / full.wall:.0f} requests={full.requests} "
            f"sync_cpu_s={full.cpu:.2f} crm_cpu_s={full.crm_cpu:.2f} peak_rss_mb={rss_mb:.0f}"
        )
        if incremental:
            for fraction in (0.0, changed):
                count = 0
                if fraction:
                    rng = random.Random(7)  # which records change: reproducible
                    ids = await _crm_ids(org.id)
                    for module, module_ids in ids.items():
                        chosen = rng.sample(module_ids, max(1, round(len(module_ids) * fraction)))
                        await _change(url, module, chosen)
                        count += len(chosen)
                await asyncio.sleep(1.1)  # CRM times have whole seconds: past the bookmark
                figures = await _run(service, counter, org.id)
                floor = figures.requests * latency
                lines.append(
                    f"incremental changed={fraction:g} records={count} "
                    f"requests={figures.requests} wall_s={figures.wall:.2f} "
                    f"requests_x_latency_s={floor:.2f} "
                    f"ratio={figures.wall / floor if floor else math.nan:.2f} "
                    f"of_full_wall={figures.wall / full.wall:.3f} "
                    f"of_full_requests={figures.requests / full.requests:.3f}"
                )
        await counter.aclose()
        await Tortoise.close_connections()
    return lines


async def _crm_ids(org_id: int) -> dict[str, list[str]]:
    accounts = await models.Customer.filter(org_id=org_id).values_list("crm_id", flat=True)
    deals = await models.Potential.filter(org_id=org_id).values_list("crm_id", flat=True)
    return {
        "Accounts": sorted(str(i) for i in accounts),
        "Deals": sorted(str(i) for i in deals),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--records", type=int, default=50_000)
    parser.add_argument("--latency-ms", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=5)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--incremental", action="store_true")
    parser.add_argument("--changed", type=float, default=0.01)
    args = parser.parse_args()
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    with databases(args.db) as make_database:
        database_url = make_database("bench")
        lines = asyncio.run(
            measure(
                args.records, args.latency_ms, args.concurrency, database_url,
                args.incremental, args.changed, args.db,
            )
        )  # fmt: skip
    print("\n".join(lines))


if __name__ == "__main__":
    main()
