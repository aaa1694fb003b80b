"""SQL statements (and time) of the CRM widget's query for a deal with 20 and with 500 expenses.

Run: .venv/bin/python bench/graphql_queries.py
The last line is ``widget_sql_statements n20=… n500=…``; the two must be equal (no N+1).
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this folder comes first on sys.path, and bench/sync.py would hide the
# project's `sync` package: drop the folder before importing the project.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import asyncio
import logging
import statistics
import time
from datetime import date
from decimal import Decimal

from tortoise.context import tortoise_test_context

from gql.context import build_context
from gql.schema import schema
from orm import models
from resolvers.viewer import Viewer

WIDGET = """
query Widget($crmId: String!) {
  recordContext(record: {crm: {module: DEALS, id: $crmId}}) {
    potential { name stage customer { name contactPersons { lastName } } }
    totals { expenseCount total { amount currency } reimbursable { amount } }
    expenses(first: 100) {
      totalCount
      nodes {
        date amount { amount currency } baseAmount { amount } status merchant
        category { name } user { name email }
        report { number name status approver { name } }
        receipts { fileName downloadPath }
      }
    }
  }
}
"""


class Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


async def measure(expenses: int, repeats: int = 20) -> tuple[int, float]:
    async with tortoise_test_context(["orm.models"]):
        org = await models.Organization.create(name="Bench")
        await models.Integration.create(
            org=org, state=models.IntegrationState.CONNECTED, sync_modules=True
        )
        admin = await models.User.create(org=org, email="a@b.example", name="A", role="ADMIN")
        users = [
            await models.User.create(org=org, email=f"u{i}@b.example", name=f"U{i}")
            for i in range(5)
        ]
        categories = [await models.Category.create(org=org, name=f"C{i}") for i in range(5)]
        customer = await models.Customer.create(org=org, name="Globex", type="BUSINESS")
        await models.ContactPerson.create(org=org, customer=customer, last_name="Scorpio")
        deal = await models.Potential.create(org=org, customer=customer, name="Deal", crm_id="D1")
        reports = [
            await models.Report.create(org=org, user=u, number=f"ER-{i}", name="R", potential=deal,
                                       start_date=date(2026, 1, 1), end_date=date(2026, 1, 31),
                                       approver=admin)
            for i, u in enumerate(users)
        ]  # fmt: skip
        rows = [
            models.Expense(org=org, user=users[i % 5], category=categories[i % 5],
                           date=date(2026, 1, 2), amount_minor=1000 + i, currency="USD",
                           exchange_rate=Decimal(1), base_amount_minor=1000 + i, potential=deal,
                           report=reports[i % 5])
            for i in range(expenses)
        ]  # fmt: skip
        await models.Expense.bulk_create(rows, batch_size=500)
        for expense in await models.Expense.all():
            await models.Receipt.create(org=org, user_id=expense.user_id, expense=expense,
                                        file_name="r.pdf", content_type="application/pdf", size=1,
                                        sha256=f"{expense.id:064x}")  # fmt: skip
        viewer = Viewer(user_id=admin.id, org_id=org.id, role=models.UserRole.ADMIN)
        logger = logging.getLogger("tortoise.db_client")
        counter = Counter()
        logger.addHandler(counter)
        logger.setLevel(logging.DEBUG)
        timings = []
        statements = 0
        for _ in range(repeats):
            counter.count = 0
            started = time.perf_counter()
            context = await build_context(None, viewer=viewer)
            result = await schema.execute(WIDGET, {"crmId": "D1"}, context_value=context)
            timings.append(time.perf_counter() - started)
            assert result.errors is None, result.errors
            statements = counter.count
        logger.removeHandler(counter)
        return statements, statistics.median(timings)


async def main() -> None:
    n20, t20 = await measure(20)
    n500, t500 = await measure(500)
    print(f"n=20:  {n20} SQL statements, p50 {t20 * 1000:.1f} ms (SQLite in memory)")
    print(f"n=500: {n500} SQL statements, p50 {t500 * 1000:.1f} ms (first page of 100 + totals)")
    print(f"widget_sql_statements n20={n20} n500={n500}")


if __name__ == "__main__":
    asyncio.run(main())
