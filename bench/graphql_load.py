"""GraphQL under load over HTTP: against its plain JSON twin, and with several app processes.

Comparison (the default):

    .venv/bin/python bench/graphql_load.py --clients 8 --seconds 20 --rounds 5 [--db postgres]

Seeds one organisation in a fresh database (SQLite file by default, or a throwaway PostgreSQL
cluster): a deal (potential) with its customer and 100 expenses, each with category, user,
report (with approver) and a receipt, plus 25 reports. Serves the app under uvicorn the way
`spendsync serve` does (one process, `create_app(settings)`), with two extra plain Starlette
routes that answer the same JSON as the GraphQL queries through the same ORM calls (the same
resolvers and loader batch functions, no GraphQL). Then, for the CRM widget's query and for a
report list page, alternates GraphQL and plain rounds (the order flips every round), each round
`--clients` keep-alive clients with a Bearer token for `--seconds`. Prints p50, p95 and
requests per second of each round and overall, the server process's CPU per request, the SQL
statements per request, and as its last line the widget's
`p50_ratio=… p95_ratio=… throughput_ratio=…` (GraphQL ÷ plain).

Several app processes (PostgreSQL):

    .venv/bin/python bench/graphql_load.py --workers 1 2 4 [--clients 30] [--seconds 20]

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
from typing import Any

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


# ---------------------------------------------------------------------------------------------
# GraphQL against its plain JSON twin
# ---------------------------------------------------------------------------------------------

WIDGET = """
query Widget($crmId: String!) {
  recordContext(record: {crm: {module: DEALS, id: $crmId}}) {
    potential { id name stage customer { id name } }
    expenses(first: 100) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          id date merchant amount { amount currency } baseAmount { amount currency } status
          category { id name } user { id name email }
          report { id number name status approver { id name } }
          receipts { id fileName downloadPath }
        }
      }
    }
  }
}
"""

REPORTS = """
query ReportList {
  reports(first: 20) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id number name status startDate endDate
        user { id name } approver { id name }
        totals { expenseCount total { amount currency } }
      }
    }
  }
}
"""

# name -> (GraphQL document, variables, plain route, rows on the page)
QUERIES: dict[str, tuple[str, dict[str, str], str, int]] = {
    "widget": (WIDGET, {"crmId": "D1"}, "/bench/widget", 100),
    "reports": (REPORTS, {}, "/bench/reports", 20),
}


async def seed_widget_dataset(url: str) -> str:
    """The issue's dataset in a migrated database; returns an admin's API token."""
    await Tortoise.init(config=tortoise_config(url))
    try:
        org = await models.Organization.create(name="Bench", base_currency="USD")
        await models.Integration.create(
            org=org, state=models.IntegrationState.CONNECTED, sync_modules=True
        )
        admin = await models.User.create(
            org=org, email="admin@bench.example", name="Admin", role=models.UserRole.ADMIN
        )
        users = [
            await models.User.create(org=org, email=f"u{i}@bench.example", name=f"User {i}")
            for i in range(5)
        ]
        approvers = [
            await models.User.create(
                org=org, email=f"a{i}@bench.example", name=f"Approver {i}",
                role=models.UserRole.APPROVER,
            )
            for i in range(2)
        ]  # fmt: skip
        categories = [await models.Category.create(org=org, name=f"Cat {i}") for i in range(5)]
        customer = await models.Customer.create(org=org, name="Globex", type="BUSINESS")
        await models.ContactPerson.create(org=org, customer=customer, last_name="Scorpio")
        deal = await models.Potential.create(
            org=org, customer=customer, name="Deal", crm_id="D1", stage="Qualification"
        )
        reports = [
            await models.Report.create(org=org, user=users[i % 5], number=f"ER-{i:05d}",
                                       name=f"Trip {i}", potential=deal if i < 5 else None,
                                       start_date=date(2026, 1, 1), end_date=date(2026, 1, 31),
                                       approver=approvers[i % 2])
            for i in range(25)
        ]  # fmt: skip
        await models.Expense.bulk_create(
            [
                models.Expense(org=org, user=users[i % 5], category=categories[i % 5],
                               potential=deal, report=reports[i % 5],
                               date=date(2026, 1, 1 + i % 28), amount_minor=1000 + i,
                               currency="USD", exchange_rate=Decimal(1),
                               base_amount_minor=1000 + i, merchant=f"Merchant {i}")
                for i in range(100)
            ],
            batch_size=100,
        )  # fmt: skip
        for expense in await models.Expense.filter(org=org):
            await models.Receipt.create(org=org, user_id=expense.user_id, expense=expense,
                                        file_name="r.pdf", content_type="application/pdf",
                                        size=1, sha256=f"{expense.id:064x}")  # fmt: skip
        viewer = Viewer(user_id=admin.id, org_id=org.id, role=models.UserRole.ADMIN)
        token = await create_token(viewer, name="bench", expires_at=None)
        assert token.value is not None
        return token.value.secret
    finally:
        await Tortoise.close_connections()


def twin_app(settings: Any) -> Any:
    """The app `spendsync serve` serves, plus the plain routes and a SQL statement counter."""
    import json
    import logging

    from starlette.requests import Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    from gql.context import viewer_of
    from gql.ids import encode_id
    from orm.money import Money as MoneyValue
    from resolvers import loaders, record_context
    from resolvers.expenses import queries
    from resolvers.expenses.status import expense_status
    from resolvers.pagination import keyset_of
    from web.app import create_app

    class Counter(logging.Handler):
        count = 0

        def emit(self, record: logging.LogRecord) -> None:
            Counter.count += 1

    sql_logger = logging.getLogger("tortoise.db_client")
    counter = Counter(logging.DEBUG)

    def money(minor: int, currency: str) -> dict[str, str]:
        return {"amount": format(MoneyValue(minor, currency).amount, "f"), "currency": currency}

    async def users_by_id(org_id: int, known: dict[int, Any], ids: list[int]) -> None:
        """As the per-request user loader: one statement for the ids not seen yet."""
        missing = list(dict.fromkeys(i for i in ids if i not in known))
        if missing:
            found = await loaders.by_id(models.User)(org_id, missing)
            known.update(zip(missing, found, strict=True))

    async def widget(request: Request) -> Response:
        viewer = await viewer_of(request)
        if viewer is None:
            return JSONResponse({"error": "UNAUTHENTICATED"}, status_code=401)
        body = json.loads(await request.body())
        org_id = viewer.org_id
        found = await record_context.find_record(
            viewer, record_context.RecordRef(crm_module=models.CrmModule.DEALS,
                                             crm_id=body["variables"]["crmId"]),
        )  # fmt: skip
        potential = found.potential
        assert potential is not None and potential.customer_id is not None
        customer = (await loaders.by_id(models.Customer)(org_id, [potential.customer_id]))[0]
        query = queries.filter_expenses(queries.list_expenses(viewer), found.expenses)
        keyset, query = keyset_of(query)
        page = list(await query.limit(101))
        rows = page[:100]
        total = await query.count()
        org = (await loaders.organizations_by_id(org_id, [org_id]))[0]
        assert org is not None and customer is not None
        category_ids = list(dict.fromkeys(r.category_id for r in rows))
        found_categories = await loaders.by_id(models.Category)(org_id, category_ids)
        categories = dict(zip(category_ids, found_categories, strict=True))
        users: dict[int, Any] = {}
        await users_by_id(org_id, users, [r.user_id for r in rows])
        report_ids = list(dict.fromkeys(r.report_id for r in rows if r.report_id is not None))
        found_reports = await loaders.by_id(models.Report)(org_id, report_ids)
        reports = dict(zip(report_ids, found_reports, strict=True))
        expense_ids = [r.id for r in rows]
        found_receipts = await loaders.grouped_by(models.Receipt, "expense_id")(org_id, expense_ids)
        receipts = dict(zip(expense_ids, found_receipts, strict=True))
        await users_by_id(
            org_id, users, [r.approver_id for r in reports.values() if r and r.approver_id]
        )
        edges = []
        for row in rows:
            report = reports.get(row.report_id) if row.report_id is not None else None
            user = users[row.user_id]
            category = categories[row.category_id]
            approver = users.get(report.approver_id) if report and report.approver_id else None
            edges.append({"cursor": keyset.cursor(row), "node": {
                "id": encode_id("Expense", row.id), "date": row.date.isoformat(),
                "merchant": row.merchant, "amount": money(row.amount_minor, row.currency),
                "baseAmount": money(row.base_amount_minor, org.base_currency),
                "status": expense_status(report.status if report else None).name,
                "category": {"id": encode_id("Category", category.id), "name": category.name},
                "user": {"id": encode_id("User", user.id), "name": user.name,
                         "email": user.email},
                "report": None if report is None else {
                    "id": encode_id("Report", report.id), "number": report.number,
                    "name": report.name, "status": report.status.name,
                    "approver": None if approver is None else {
                        "id": encode_id("User", approver.id), "name": approver.name},
                },
                "receipts": [
                    {"id": (rid := encode_id("Receipt", receipt.id)), "fileName": receipt.file_name,
                     "downloadPath": f"/receipts/{rid}"}
                    for receipt in receipts[row.id]
                ],
            }})  # fmt: skip
        data = {"recordContext": {
            "potential": {"id": encode_id("Potential", potential.id), "name": potential.name,
                          "stage": potential.stage,
                          "customer": {"id": encode_id("Customer", customer.id),
                                       "name": customer.name}},
            "expenses": {"totalCount": total,
                         "pageInfo": {"hasNextPage": len(page) > 100,
                                      "endCursor": edges[-1]["cursor"] if edges else None},
                         "edges": edges},
        }}  # fmt: skip
        return JSONResponse({"data": data})

    async def report_list(request: Request) -> Response:
        viewer = await viewer_of(request)
        if viewer is None:
            return JSONResponse({"error": "UNAUTHENTICATED"}, status_code=401)
        await request.body()
        org_id = viewer.org_id
        keyset, query = keyset_of(queries.list_reports(viewer, queries.ReportFilter()))
        page = list(await query.limit(21))
        rows = page[:20]
        total = await query.count()
        users: dict[int, Any] = {}
        # users and approvers resolve in the same tick: one batch
        await users_by_id(
            org_id,
            users,
            [r.user_id for r in rows] + [r.approver_id for r in rows if r.approver_id],
        )
        ids = [r.id for r in rows]
        totals = dict(zip(ids, await loaders.report_totals_by_id(org_id, ids), strict=True))
        org = (await loaders.organizations_by_id(org_id, [org_id]))[0]
        assert org is not None
        edges = []
        for row in rows:
            user = users[row.user_id]
            approver = users.get(row.approver_id) if row.approver_id else None
            edges.append({"cursor": keyset.cursor(row), "node": {
                "id": encode_id("Report", row.id), "number": row.number, "name": row.name,
                "status": row.status.name, "startDate": row.start_date.isoformat(),
                "endDate": row.end_date.isoformat(),
                "user": {"id": encode_id("User", user.id), "name": user.name},
                "approver": None if approver is None else {
                    "id": encode_id("User", approver.id), "name": approver.name},
                "totals": {"expenseCount": totals[row.id].count,
                           "total": money(totals[row.id].total, org.base_currency)},
            }})  # fmt: skip
        data = {"reports": {
            "totalCount": total,
            "pageInfo": {"hasNextPage": len(page) > 20,
                         "endCursor": edges[-1]["cursor"] if edges else None},
            "edges": edges,
        }}  # fmt: skip
        return JSONResponse({"data": data})

    async def sql(request: Request) -> Response:
        """``?start``: count the SQL statements from now on; else the count, and stop counting."""
        if "start" in request.query_params:
            Counter.count = 0
            sql_logger.addHandler(counter)
            sql_logger.setLevel(logging.DEBUG)
            return JSONResponse({"counting": True})
        sql_logger.removeHandler(counter)
        sql_logger.setLevel(logging.WARNING)
        return JSONResponse({"statements": Counter.count})

    import cProfile

    profiler = cProfile.Profile(time.process_time)  # CPU time: the machine is shared

    async def profile(request: Request) -> Response:
        """``?start``: profile the server's event loop thread; ``?stop=FILE``: stop, dump."""
        if "start" in request.query_params:
            profiler.enable()
        else:
            profiler.disable()
            profiler.dump_stats(request.query_params["stop"])
            profiler.clear()
        return JSONResponse({})

    async def pid(request: Request) -> Response:
        """The server's process id: the driver checks it talks to the server it started (on a
        shared machine another server may hold the port picked, and answer instead)."""
        return JSONResponse({"pid": os.getpid()})

    app = create_app(settings)
    app.router.routes[:0] = [
        Route("/bench/pid", pid),
        Route("/bench/widget", widget, methods=["POST"]),
        Route("/bench/reports", report_list, methods=["POST"]),
        Route("/bench/sql", sql),
        Route("/bench/profile", profile),
    ]
    return app


def serve_twin(port: int) -> None:
    """The child process: what `spendsync serve` runs (one process), with the twin routes."""
    import uvicorn

    from web.settings import Settings

    settings = Settings.from_env()
    uvicorn.run(
        twin_app(settings), host="127.0.0.1", port=port, log_level=settings.log_level.lower(),
        proxy_headers=bool(settings.forwarded_allow_ips),
        forwarded_allow_ips=settings.forwarded_allow_ips or None,
    )  # fmt: skip


def start_twin(url: str, port: int, var_dir: Path) -> subprocess.Popen[str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "DATABASE_URL": url,
        "PORT": str(port), "SPENDSYNC_VAR_DIR": str(var_dir), "SYNC_TICK_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
    }  # fmt: skip
    return subprocess.Popen(
        [sys.executable, __file__, "--serve-twin", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=None, text=True,
    )  # fmt: skip


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process so far (its threads included), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _request(name: str, side: str) -> tuple[str, dict[str, Any]]:
    document, variables, route, _ = QUERIES[name]
    body = {"query": document, "variables": variables}
    return ("/graphql" if side == "graphql" else route), body


async def answer_of(client: httpx.AsyncClient, name: str, side: str, token: str) -> Any:
    path, body = _request(name, side)
    response = await client.post(path, json=body, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.text
    return response.json()


async def check_twins(base: str, token: str, pid: int) -> dict[str, dict[str, float]]:
    """Both sides answer the same JSON; the SQL statements of one request of each."""
    statements: dict[str, dict[str, float]] = {}
    deadline = time.monotonic() + 120
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        while True:
            try:
                answered = await client.get("/bench/pid")
                if answered.status_code == 200 and answered.json().get("pid") == pid:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"the server (pid {pid}) did not start on {base}") from None
            await asyncio.sleep(0.3)
        for name in QUERIES:
            graphql = await answer_of(client, name, "graphql", token)
            plain = await answer_of(client, name, "plain", token)
            assert "errors" not in graphql, graphql
            assert graphql == plain, f"{name}: the twin's JSON differs from GraphQL's"
            statements[name] = {}
            for side in ("graphql", "plain"):
                (await client.get("/bench/sql?start")).raise_for_status()
                for _ in range(3):
                    await answer_of(client, name, side, token)
                counted = (await client.get("/bench/sql")).json()["statements"]
                statements[name][side] = counted / 3
            # warm both paths
            await asyncio.gather(
                *(answer_of(client, name, side, token) for side in ("graphql", "plain") * 5)
            )
    return statements


async def drive(
    base: str, token: str, name: str, side: str, clients: int, seconds: float
) -> list[float]:
    latencies: list[float] = []
    path, body = _request(name, side)
    rows = QUERIES[name][3]
    stop = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:

        async def one_client() -> None:
            while time.monotonic() < stop:
                started = time.perf_counter()
                response = await client.post(path, json=body, headers=headers)
                latencies.append(time.perf_counter() - started)
                assert response.status_code == 200, response.text
                data = response.json()["data"]
                connection = data["recordContext"]["expenses"] if name == "widget" else data[name]
                assert len(connection["edges"]) == rows

        await asyncio.gather(*(one_client() for _ in range(clients)))
    return latencies


async def profile_requests(
    base: str, token: str, name: str, side: str, requests: int, path: Path
) -> None:
    """``requests`` requests, 4 at a time, under the server's profiler."""
    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        (await client.get("/bench/profile?start")).raise_for_status()
        for _ in range(requests // 4):
            await asyncio.gather(*(answer_of(client, name, side, token) for _ in range(4)))
        (await client.get("/bench/profile", params={"stop": str(path)})).raise_for_status()


def print_profile(path: Path, limit: int) -> None:
    import pstats

    stats = pstats.Stats(str(path))
    stats.strip_dirs().sort_stats("tottime").print_stats(limit)
    stats.sort_stats("cumulative").print_stats(limit)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def compare(args: argparse.Namespace) -> None:
    import tempfile

    cluster = start_cluster() if args.db == "postgres" else None
    with tempfile.TemporaryDirectory(prefix="spendsync-bench-") as tmp:
        try:
            if cluster is not None:
                url = asyncio.run(_fresh_postgres(cluster))
            else:
                url = f"sqlite://{tmp}/bench.sqlite3"
            asyncio.run(apply_migrations(url))
            token = asyncio.run(seed_widget_dataset(url))
            port = free_port()
            process = start_twin(url, port, Path(tmp) / "var")
            try:
                run_rounds(args, f"http://127.0.0.1:{port}", token, process.pid)
            finally:
                process.terminate()
                process.wait(timeout=30)
        finally:
            if cluster is not None:
                cluster.stop()


async def _fresh_postgres(cluster: Cluster) -> str:
    connection = await asyncpg.connect(cluster.url)
    await connection.execute('DROP DATABASE IF EXISTS "bench_twin"')
    await connection.execute('CREATE DATABASE "bench_twin"')
    await connection.close()
    return cluster.url_for("bench_twin")


def run_rounds(args: argparse.Namespace, base: str, token: str, pid: int) -> None:
    statements = asyncio.run(check_twins(base, token, pid))
    if args.profile:
        for name in args.queries:
            for side in ("graphql", "plain"):
                path = Path(args.profile).with_suffix(f".{name}.{side}.prof")
                cpu_before = cpu_seconds(pid)
                asyncio.run(profile_requests(base, token, name, side, args.requests, path))
                used = (cpu_seconds(pid) - cpu_before) / args.requests
                print(
                    f"=== {name} {side}: {args.requests} requests profiled, "
                    f"server cpu/req {used * 1000:.1f} ms (with the profiler), {path}"
                )
                print_profile(path, args.top)
        return
    import importlib.metadata as metadata

    versions = " ".join(
        f"{package}={metadata.version(package)}"
        for package in ("strawberry-graphql", "graphql-core", "tortoise-orm", "uvicorn")
    )
    print(
        f"db={args.db} clients={args.clients} seconds={args.seconds:g} rounds={args.rounds} "
        f"cpus={os.cpu_count()} python={sys.version.split()[0]} {versions}",
        flush=True,
    )
    summary: dict[str, str] = {}
    for name in args.queries:
        latencies: dict[str, list[float]] = {"graphql": [], "plain": []}
        cpu: dict[str, float] = {"graphql": 0.0, "plain": 0.0}
        elapsed: dict[str, float] = {"graphql": 0.0, "plain": 0.0}
        for round_number in range(args.rounds):
            order = ("graphql", "plain") if round_number % 2 == 0 else ("plain", "graphql")
            for side in order:
                cpu_before, started = cpu_seconds(pid), time.monotonic()
                measured = asyncio.run(drive(base, token, name, side, args.clients, args.seconds))
                took = time.monotonic() - started
                used = cpu_seconds(pid) - cpu_before
                latencies[side] += measured
                cpu[side] += used
                elapsed[side] += took
                print(
                    f"{name:8} round {round_number + 1} {side:7}  {len(measured) / took:6.1f} req/s"
                    f"  p50 {statistics.median(measured) * 1000:7.1f} ms"
                    f"  p95 {percentile(measured, 0.95) * 1000:7.1f} ms"
                    f"  cpu/req {used / len(measured) * 1000:6.1f} ms"
                    f"  (load average {os.getloadavg()[0]:.1f})",
                    flush=True,
                )
        figures = {}
        for side in ("graphql", "plain"):
            done = latencies[side]
            figures[side] = (
                statistics.median(done), percentile(done, 0.95), len(done) / elapsed[side],
                cpu[side] / len(done),
            )  # fmt: skip
            p50, p95, rate, per_request = figures[side]
            print(
                f"{name:8} {side:7} overall  p50 {p50 * 1000:7.1f} ms  p95 {p95 * 1000:7.1f} ms"
                f"  {rate:6.1f} req/s  server cpu/req {per_request * 1000:6.1f} ms"
                f"  sql/req {statements[name][side]:g}",
                flush=True,
            )
        graphql, plain = figures["graphql"], figures["plain"]
        summary[name] = (
            f"p50_ratio={graphql[0] / plain[0]:.2f} p95_ratio={graphql[1] / plain[1]:.2f} "
            f"throughput_ratio={graphql[2] / plain[2]:.2f} cpu_ratio={graphql[3] / plain[3]:.2f}"
        )
    for name in [n for n in args.queries if n != "widget"] + ["widget"]:
        if name in summary:
            print(f"{name}: {summary[name]}" if name != "widget" else summary[name], flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--workers", type=int, nargs="+",
        help="measure `spendsync serve --workers N` on PostgreSQL instead (e.g. 1 2 4)",
    )  # fmt: skip
    parser.add_argument("--clients", type=int, help="default: 8, or 30 with --workers")
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument(
        "--queries", nargs="+", choices=list(QUERIES), default=["reports", "widget"]
    )
    parser.add_argument(
        "--profile", metavar="FILE",
        help="instead of measuring: profile the server (cProfile) for --requests requests of "
        "each query and side, write FILE.<query>.<side>.prof and print the top functions",
    )  # fmt: skip
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--serve-twin", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_twin is not None:
        serve_twin(args.serve_twin)
    elif args.workers:
        args.clients = args.clients or 30
        scale(args)
    else:
        args.clients = args.clients or 8
        compare(args)


def scale(args: argparse.Namespace) -> None:
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
