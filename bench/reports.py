"""Time of each ready report and of three ad hoc groupings over many expenses, through GraphQL.

Run: .venv/bin/python bench/reports.py --expenses 1000000 --db postgres
     .venv/bin/python bench/reports.py --expenses 100000 --db sqlite

Seeds one organisation in bulk (COPY on PostgreSQL, executemany on SQLite) into a fresh
database with the project's migrations applied (PostgreSQL: a throwaway cluster started with
tests/support/postgres.py), then runs each query ``--repeats`` times as an admin (everything
visible) through ``schema.execute`` with a page of 100 groups, and prints per query the median
and the fastest wall time, the median CPU time (this process plus, on PostgreSQL, the server's
processes: what the query costs, whatever else the machine is doing) and the SQL statements it
took. ``--explain`` also prints each aggregate's
query plan (EXPLAIN ANALYZE on PostgreSQL, EXPLAIN QUERY PLAN on SQLite). The last line is
``max_report_ms=…`` (the largest median).
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this folder comes first on sys.path, and bench/sync.py would hide the
# project's `sync` package: drop the folder before importing the project.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argparse
import asyncio
import contextlib
import logging
import os
import random
import statistics
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import asyncpg
from tortoise import Tortoise, connections

from gql.context import build_context
from gql.ids import encode_id
from gql.schema import schema
from orm import models
from orm.config import tortoise_config
from resolvers.analytics.aggregate import aggregate_sql
from resolvers.analytics.filters import Dimension, Measure, Order, Question, SpendFilter
from resolvers.analytics.reports import ReadyReport, ready_question
from resolvers.viewer import Viewer
from tests.support.postgres import start_cluster
from web.database import apply_migrations

USERS, CATEGORIES, CUSTOMERS, DEALS = 60, 25, 2_000, 5_000
EXPENSES_PER_REPORT = 10
STAGES = ["Qualification", "Needs Analysis", "Proposal", "Negotiation", "Closed Won", "Closed Lost"]
START = date(2023, 1, 1)
DAYS = 3 * 365

GROUPS = """
  totalCount summary { count total { amount } }
  nodes { count total { amount } average { amount } period stage outcome
          potential { name } user { name } customer { name } category { name } }
"""
QUERIES: list[tuple[str, str, dict[str, Any]]] = [
    ("spendPerDeal", "spendPerDeal(first: 100) {" + GROUPS + "}", {}),
    ("dealSpendByUser", "dealSpendByUser(potentialId: $deal, first: 100) {" + GROUPS + "}", {}),
    ("dealSpendByMonth", "dealSpendByMonth(first: 100) {" + GROUPS + "}", {}),
    ("lostDealSpend", "lostDealSpend(first: 100) {" + GROUPS + "}", {}),
    ("spendByStage", "spendByStage(first: 100) {" + GROUPS + "}", {}),
    ("spendPerCustomer", "spendPerCustomer(first: 100) {" + GROUPS + "}", {}),
    ("adhoc USER x MONTH", "spendAnalytics(groupBy: [USER, MONTH], first: 100) {" + GROUPS + "}",
     {}),
    ("adhoc CATEGORY x WEEK, reimbursable, 2025-Q2",
     "spendAnalytics(groupBy: [CATEGORY, WEEK], filter: {reimbursable: true, "
     'dateFrom: "2025-04-01", dateTo: "2025-06-30"}, orderBy: [{measure: AVERAGE}], '
     "first: 100) {" + GROUPS + "}", {}),
    ("adhoc OUTCOME x STATUS x WEEK",
     "spendAnalytics(groupBy: [OUTCOME, STATUS, WEEK], first: 100) {" + GROUPS + "}", {}),
]  # fmt: skip


def _questions(deal: int) -> list[Question]:
    """The same questions, for EXPLAIN."""
    reports = [ReadyReport.SPEND_PER_DEAL, ReadyReport.DEAL_SPEND_BY_USER,
               ReadyReport.DEAL_SPEND_BY_MONTH, ReadyReport.LOST_DEAL_SPEND,
               ReadyReport.SPEND_BY_STAGE, ReadyReport.SPEND_PER_CUSTOMER]  # fmt: skip
    questions = [ready_question(r, potential_id=deal) for r in reports]
    return [*questions,
        Question(group_by=[Dimension.USER, Dimension.MONTH]),
        Question(filter=SpendFilter(reimbursable=True, date_from=date(2025, 4, 1),
                                    date_to=date(2025, 6, 30)),
                 group_by=[Dimension.CATEGORY, Dimension.WEEK],
                 order_by=[Order(measure=Measure.AVERAGE)]),
        Question(group_by=[Dimension.OUTCOME, Dimension.STATUS, Dimension.WEEK]),
    ]  # fmt: skip


class Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


# -- seeding ---------------------------------------------------------------------------------


def _rows(expenses: int, org_id: int, first_ids: dict[str, int]) -> Iterator[list[tuple[Any, ...]]]:
    """Reports, then expenses, in batches; deterministic (seeded)."""
    rng = random.Random(1)
    now = datetime.now(UTC)
    users = range(first_ids["user"], first_ids["user"] + USERS)
    approvers = list(users)[:5]
    categories = range(first_ids["category"], first_ids["category"] + CATEGORIES)
    deals = range(first_ids["potential"], first_ids["potential"] + DEALS)

    def customer_of(deal: int | None) -> int | None:
        """Deal number i belongs to customer number i % CUSTOMERS (as seeded)."""
        return None if deal is None else first_ids["customer"] + (deal - deals[0]) % CUSTOMERS

    statuses = ["DRAFT", "SUBMITTED", "APPROVED", "APPROVED", "REJECTED", "REIMBURSED",
                "REIMBURSED", "REIMBURSED"]  # fmt: skip
    report_count = expenses // EXPENSES_PER_REPORT
    reports = []
    report_meta = []
    for n in range(report_count):
        user = users[n % USERS]
        status = statuses[rng.randrange(len(statuses))]
        deal = deals[rng.randrange(DEALS)] if rng.random() < 0.3 else None
        day = START + timedelta(days=rng.randrange(DAYS))
        reports.append((now, now, org_id, user, f"ER-{n + 1:07d}", f"Trip {n}", "", day,
                        day + timedelta(days=6), status,
                        approvers[n % 5] if status != "DRAFT" else None, deal,
                        customer_of(deal), False))  # fmt: skip
        report_meta.append((user, deal, day))
    yield reports
    batch: list[tuple[Any, ...]] = []
    for n in range(expenses):
        report_index = n // EXPENSES_PER_REPORT
        in_report = rng.random() < 0.9 and report_index < report_count
        if in_report:
            user, report_deal, day = report_meta[report_index]
            day = day + timedelta(days=rng.randrange(7))
            report_id: int | None = first_ids["report"] + report_index
        else:
            user, report_deal = users[rng.randrange(USERS)], None
            day = START + timedelta(days=rng.randrange(DAYS))
            report_id = None
        roll = rng.random()
        deal = deals[rng.randrange(DEALS)] if roll < 0.6 else None
        if report_deal is not None and roll < 0.8:
            deal = None  # the report's deal counts
        amount = rng.randrange(500, 200_000)
        currency, rate = ("USD", Decimal(1)) if rng.random() < 0.9 else ("EUR", Decimal("1.08"))
        base = int((amount * rate).to_integral_value())
        batch.append((now, now, org_id, user, min(day, START + timedelta(days=DAYS)),
                      categories[rng.randrange(CATEGORIES)], amount, currency, rate, base,
                      f"Merchant {n % 997}", "", "", rng.random() < 0.85, rng.random() < 0.2,
                      customer_of(deal), deal, report_id))  # fmt: skip
        if len(batch) == 50_000:
            yield batch
            batch = []
    if batch:
        yield batch


REPORT_COLUMNS = ["created_at", "updated_at", "org_id", "user_id", "number", "name",
                  "business_purpose", "start_date", "end_date", "status", "approver_id",
                  "potential_id", "customer_id", "is_archived"]  # fmt: skip
EXPENSE_COLUMNS = ["created_at", "updated_at", "org_id", "user_id", "date", "category_id",
                   "amount_minor", "currency", "exchange_rate", "base_amount_minor", "merchant",
                   "description", "reference", "is_reimbursable", "is_billable", "customer_id",
                   "potential_id", "report_id"]  # fmt: skip


async def seed(expenses: int, dialect: str) -> tuple[int, int, int]:
    """Returns (organisation id, admin id, a deal id with spend)."""
    org = await models.Organization.create(name="Bench", base_currency="USD")
    admin = await models.User.create(org=org, email="admin@bench.example", name="Admin",
                                     role=models.UserRole.ADMIN)  # fmt: skip
    await models.User.bulk_create([
        models.User(org=org, email=f"u{i}@bench.example", name=f"User {i:02d}",
                    role=models.UserRole.APPROVER if i < 5 else models.UserRole.SUBMITTER)
        for i in range(USERS)
    ])  # fmt: skip
    first_user = await models.User.filter(org=org).exclude(id=admin.id).order_by("id").first()
    await models.Category.bulk_create(
        [models.Category(org=org, name=f"Category {i:02d}") for i in range(CATEGORIES)]
    )
    await models.Customer.bulk_create([
        models.Customer(org=org, name=f"Customer {i:04d}", type=models.CustomerType.BUSINESS)
        for i in range(CUSTOMERS)
    ])  # fmt: skip
    first_customer = await models.Customer.filter(org=org).order_by("id").first()
    assert first_user is not None and first_customer is not None
    rng = random.Random(2)
    states = [models.PotentialState.OPEN, models.PotentialState.WON, models.PotentialState.LOST]
    await models.Potential.bulk_create([
        models.Potential(org=org, name=f"Deal {i:04d}",
                         customer_id=first_customer.id + i % CUSTOMERS,
                         stage=STAGES[i % len(STAGES)], state=states[i % 3],
                         amount_minor=rng.randrange(10_000, 10_000_000), currency="USD")
        for i in range(DEALS)
    ], batch_size=1000)  # fmt: skip
    first_category = await models.Category.filter(org=org).order_by("id").first()
    first_deal = await models.Potential.filter(org=org).order_by("id").first()
    assert first_category is not None and first_deal is not None
    first_ids = {"user": first_user.id, "category": first_category.id,
                 "potential": first_deal.id, "customer": first_customer.id,
                 "report": 1}  # fmt: skip
    conn = connections.get("default")
    batches = _rows(expenses, org.id, first_ids)
    reports = next(batches)
    if dialect == "postgres":
        async with conn.acquire_connection() as raw:
            await raw.copy_records_to_table("report", records=reports, columns=REPORT_COLUMNS)
            first_report = await raw.fetchval("SELECT min(id) FROM report")
            assert first_report == 1
            for batch in batches:
                await raw.copy_records_to_table("expense", records=batch, columns=EXPENSE_COLUMNS)
            # as autovacuum would leave a table by now (statistics, visibility map), so no
            # vacuum of the fresh rows runs during the measurements. Twice: the throwaway
            # cluster commits asynchronously (synchronous_commit=off), and a VACUUM right after
            # the last COPY cannot mark rows committed before their commit reaches the WAL on
            # disk, so it leaves pages out of the visibility map (index-only scans then read
            # the table for them); the second finds the commits flushed.
            await raw.execute("VACUUM ANALYZE")
            await raw.execute("VACUUM report, expense")
    else:
        marks = ", ".join("?" for _ in REPORT_COLUMNS)
        await conn.execute_many(
            f'INSERT INTO "report" ({", ".join(REPORT_COLUMNS)}) VALUES ({marks})',  # noqa: S608
            [[_sqlite(v) for v in row] for row in reports],
        )
        marks = ", ".join("?" for _ in EXPENSE_COLUMNS)
        for batch in batches:
            await conn.execute_many(
                f'INSERT INTO "expense" ({", ".join(EXPENSE_COLUMNS)}) VALUES ({marks})',  # noqa: S608
                [[_sqlite(v) for v in row] for row in batch],
            )
        await conn.execute_script("ANALYZE")
    return org.id, admin.id, first_deal.id


def _sqlite(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bool):
        return int(value)
    return value


# -- measuring -------------------------------------------------------------------------------


TICK = os.sysconf("SC_CLK_TCK")


def _stat(pid: str) -> list[str]:
    """The fields of /proc/<pid>/stat after the command (which may hold spaces)."""
    text = Path(f"/proc/{pid}/stat").read_text()
    return text[text.rindex(")") + 2 :].split()


def server_cpu_seconds(postmaster: str) -> float:
    """CPU of a PostgreSQL cluster: the postmaster, the children it reaped (parallel workers
    that ended) and its living children (backends, workers)."""
    fields = _stat(postmaster)
    ticks = sum(int(v) for v in fields[11:15])  # utime, stime, cutime, cstime
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            with contextlib.suppress(OSError, ValueError, IndexError):
                child = _stat(entry)
                if child[1] == postmaster:  # ppid
                    ticks += int(child[11]) + int(child[12])
    return ticks / TICK


@contextlib.asynccontextmanager
async def database(kind: str) -> AsyncIterator[tuple[str, Callable[[], float]]]:
    """The database's URL and a clock of the CPU spent on queries (this process, plus the
    server's processes for PostgreSQL)."""
    if kind == "postgres":
        cluster = start_cluster()
        try:
            raw = await asyncpg.connect(cluster.url)
            await raw.execute("CREATE DATABASE bench")
            await raw.close()
            postmaster = (cluster.data_dir / "postmaster.pid").read_text().split()[0]
            yield (
                cluster.url_for("bench"),
                lambda: time.process_time() + server_cpu_seconds(postmaster),
            )
        finally:
            cluster.stop()
    else:
        with tempfile.TemporaryDirectory(prefix="spendsync-bench-") as directory:
            yield f"sqlite://{directory}/bench.sqlite3", time.process_time


async def measure(kind: str, expenses: int, repeats: int, explain: bool) -> None:
    async with database(kind) as (url, cpu_clock):
        await apply_migrations(url)
        await Tortoise.init(config=tortoise_config(url))
        try:
            started = time.perf_counter()
            org_id, admin_id, deal = await seed(expenses, kind)
            print(
                f"seeded expenses={expenses} db={kind} seconds={time.perf_counter() - started:.1f}"
            )
            viewer = Viewer(user_id=admin_id, org_id=org_id, role=models.UserRole.ADMIN)
            counter = Counter()
            logging.getLogger("tortoise.db_client").addHandler(counter)
            logging.getLogger("tortoise.db_client").setLevel(logging.DEBUG)
            medians = []
            for name, field, _ in QUERIES:
                document = (
                    f"query Q($deal: ID!) {{ {field} }}" if "$deal" in field else f"{{ {field} }}"
                )
                variables = {"deal": encode_id("Potential", deal)} if "$deal" in field else None
                times, cpu = [], []
                for _ in range(repeats):
                    counter.count = 0
                    context = await build_context(None, viewer=viewer)
                    begun, begun_cpu = time.perf_counter(), cpu_clock()
                    result = await schema.execute(document, variables, context_value=context)
                    times.append((time.perf_counter() - begun) * 1000)
                    cpu.append((cpu_clock() - begun_cpu) * 1000)
                    assert result.errors is None, result.errors
                median = statistics.median(times)
                medians.append(median)
                assert result.data is not None
                groups = next(iter(result.data.values()))["totalCount"]
                print(f"{name:45s} median_ms={median:7.1f} min_ms={min(times):7.1f} "
                      f"cpu_ms={statistics.median(cpu):7.1f} groups={groups} "
                      f"statements={counter.count}")  # fmt: skip
            logging.getLogger("tortoise.db_client").setLevel(logging.WARNING)
            if explain:
                await _explain(kind, viewer, deal)
            print(f"load_average={os.getloadavg()[0]:.1f}")
            print(f"max_report_ms={max(medians):.1f}")
        finally:
            await Tortoise.close_connections()


async def _explain(kind: str, viewer: Viewer, deal: int) -> None:
    for question in _questions(deal):
        statement = aggregate_sql(viewer, question, 0, 101)
        prefix = "EXPLAIN (ANALYZE, BUFFERS) " if kind == "postgres" else "EXPLAIN QUERY PLAN "
        rows = await statement.conn.execute_query_dict(prefix + statement.sql, statement.params)
        print(f"--- plan: groupBy={[d.value for d in question.group_by]}")
        for row in rows:
            print("   ", row.get("QUERY PLAN") or row.get("detail") or row)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--expenses", type=int, default=100_000)
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()
    asyncio.run(measure(args.db, args.expenses, args.repeats, args.explain))


if __name__ == "__main__":
    main()
