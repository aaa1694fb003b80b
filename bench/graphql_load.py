"""Throughput of `spendsync serve --workers N` on PostgreSQL under concurrent clients.

Run: .venv/bin/python bench/graphql_load.py [--workers 1 2 4] [--clients 30] [--seconds 20]

Starts a throwaway PostgreSQL cluster (the test suite's), migrates and seeds one organisation
(300 expenses with category, customer, report, approver and a receipt each), then for each
worker count serves the app with `spendsync serve --workers N` on loopback and lets the clients
(one asyncio process, keep-alive connections, Bearer token) repeat a nested
`expenses(first: 20)` read for the given time. Prints requests per second, p50 and p95.
The clients share the machine with the server: on a 2-core box they take part of a core.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import time
from datetime import date
from decimal import Decimal

import asyncpg
import httpx
from tortoise import Tortoise

from orm import models
from orm.config import tortoise_config
from resolvers.identity.tokens import create_token
from resolvers.viewer import Viewer
from tests.support.postgres import Cluster, start_cluster
from web.database import apply_migrations

READ = """
{ expenses(first: 20) {
    totalCount
    nodes {
      id date merchant amount { amount currency } baseAmount { amount } status
      category { name } user { name email } customer { name }
      report { number name status approver { name } }
      receipts { fileName }
    }
} }
"""


async def prepare(cluster: Cluster) -> tuple[str, str]:
    """A fresh database with the seed data; returns its URL and an API token."""
    connection = await asyncpg.connect(cluster.url)
    await connection.execute('DROP DATABASE IF EXISTS "bench_load"')
    await connection.execute('CREATE DATABASE "bench_load"')
    await connection.close()
    url = cluster.url_for("bench_load")
    await apply_migrations(url)
    await Tortoise.init(config=tortoise_config(url))
    try:
        org = await models.Organization.create(name="Bench", base_currency="USD")
        admin = await models.User.create(
            org=org, email="admin@bench.example", name="Admin", role=models.UserRole.ADMIN
        )
        users = [
            await models.User.create(org=org, email=f"u{i}@bench.example", name=f"User {i}")
            for i in range(5)
        ]
        categories = [await models.Category.create(org=org, name=f"Cat {i}") for i in range(5)]
        customers = [
            await models.Customer.create(org=org, name=f"Customer {i}", type="BUSINESS")
            for i in range(5)
        ]
        reports = [
            await models.Report.create(org=org, user=u, number=f"ER-{i:05d}", name=f"Trip {i}",
                                       start_date=date(2026, 1, 1), end_date=date(2026, 1, 31),
                                       approver=admin)
            for i, u in enumerate(users)
        ]  # fmt: skip
        await models.Expense.bulk_create(
            [
                models.Expense(org=org, user=users[i % 5], category=categories[i % 5],
                               customer=customers[i % 5], report=reports[i % 5],
                               date=date(2026, 1, 1 + i % 28), amount_minor=1000 + i,
                               currency="USD", exchange_rate=Decimal(1),
                               base_amount_minor=1000 + i, merchant=f"Merchant {i}")
                for i in range(300)
            ],
            batch_size=300,
        )  # fmt: skip
        for expense in await models.Expense.filter(org=org):
            await models.Receipt.create(org=org, user_id=expense.user_id, expense=expense,
                                        file_name="r.pdf", content_type="application/pdf",
                                        size=1, sha256=f"{expense.id:064x}")  # fmt: skip
        viewer = Viewer(user_id=admin.id, org_id=org.id, role=models.UserRole.ADMIN)
        token = await create_token(viewer, name="bench", expires_at=None)
        assert token.value is not None
        return url, token.value.secret
    finally:
        await Tortoise.close_connections()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve(url: str, workers: int, port: int, var_dir: Path) -> subprocess.Popen[str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "DATABASE_URL": url,
        "PORT": str(port), "SPENDSYNC_VAR_DIR": str(var_dir), "SYNC_TICK_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
    }  # fmt: skip
    return subprocess.Popen(
        [sys.executable, "-m", "web.cli", "serve", "--workers", str(workers), "--no-demo"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip


async def wait_ready(base: str, token: str, workers: int) -> None:
    deadline = time.monotonic() + 240
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        while True:
            try:
                answered = await client.post(
                    "/graphql", json={"query": READ}, headers={"Authorization": f"Bearer {token}"}
                )
                if answered.status_code == 200 and "errors" not in answered.json():
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the server did not start")
            await asyncio.sleep(0.5)
    # every worker answers a few before measuring (imports, pools, caches); slowly on a busy box
    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        await asyncio.gather(
            *(
                client.post("/graphql", json={"query": READ},
                            headers={"Authorization": f"Bearer {token}"})
                for _ in range(workers * 10)
            )
        )  # fmt: skip


async def load(base: str, token: str, clients: int, seconds: float) -> list[float]:
    latencies: list[float] = []
    stop = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:

        async def one_client() -> None:
            while time.monotonic() < stop:
                started = time.perf_counter()
                response = await client.post("/graphql", json={"query": READ}, headers=headers)
                body = response.json()
                assert response.status_code == 200 and "errors" not in body, body
                assert len(body["data"]["expenses"]["nodes"]) == 20
                latencies.append(time.perf_counter() - started)

        await asyncio.gather(*(one_client() for _ in range(clients)))
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--clients", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()
    cluster = start_cluster()
    try:
        url, token = asyncio.run(prepare(cluster))
        print(f"cpus={os.cpu_count()} clients={args.clients} seconds={args.seconds:g} "
              f"python={sys.version.split()[0]}")  # fmt: skip
        for workers in args.workers:
            port = free_port()
            process = serve(url, workers, port, Path(cluster.data_dir).parent / "var")
            try:
                base = f"http://127.0.0.1:{port}"
                asyncio.run(wait_ready(base, token, workers))
                latencies = asyncio.run(load(base, token, args.clients, args.seconds))
            finally:
                process.terminate()
                process.wait(timeout=30)
            latencies.sort()
            rate = len(latencies) / args.seconds
            p50 = statistics.median(latencies) * 1000
            p95 = latencies[int(len(latencies) * 0.95)] * 1000
            load_average = os.getloadavg()[0]  # other work on the machine skews every figure
            print(
                f"workers={workers}  {rate:6.1f} req/s  p50 {p50:7.0f} ms  p95 {p95:7.0f} ms  "
                f"({len(latencies)} requests, load average {load_average:.1f})",
                flush=True,
            )
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
