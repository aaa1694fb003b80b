"""SQL statements per request do not grow with the length of a list (no N+1)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from tortoise import connections

from orm import models
from resolvers import loaders
from resolvers.expenses.queries import list_expenses
from resolvers.pagination import keyset_of
from tests.conftest import QueryCounter, execute
from tests.factories import (
    make_category,
    make_expense,
    make_org,
    make_report,
    make_user,
    viewer_for,
)

pytestmark = pytest.mark.usefixtures("db")

USERS_WITH_ORGANIZATION = """
{ users(first: 100) { totalCount nodes { email organization { name activeUserCount } } } }
"""
TOKENS_WITH_USERS = (
    "{ apiTokens(first: 100) { nodes { name user { email organization { name } } } } }"
)


async def _statements(document: str, viewer_user: models.User, counter: QueryCounter) -> int:
    counter.statements.clear()
    result = await execute(document, viewer=viewer_for(viewer_user))
    assert result.errors is None
    return len(counter)


async def test_users_and_tokens_lists_use_a_fixed_number_of_statements(
    count_queries: QueryCounter,
) -> None:
    org = await make_org()
    admin = await make_user(org, role=models.UserRole.ADMIN)
    for index in range(3):
        user = await make_user(org)
        await models.ApiToken.create(
            org=org, user=user, name=f"t{index}", token_digest=f"{index:064d}", prefix="sst_x"
        )
    small_users = await _statements(USERS_WITH_ORGANIZATION, admin, count_queries)
    small_tokens = await _statements(TOKENS_WITH_USERS, admin, count_queries)
    for index in range(3, 40):
        user = await make_user(org)
        await models.ApiToken.create(
            org=org, user=user, name=f"t{index}", token_digest=f"{index:064d}", prefix="sst_x"
        )
    assert await _statements(USERS_WITH_ORGANIZATION, admin, count_queries) == small_users
    assert await _statements(TOKENS_WITH_USERS, admin, count_queries) == small_tokens
    assert small_users <= 4  # page, count, organisations, active users


RUNS_WITH_ERRORS = """
{ integration { runs(first: 100) { nodes { status recordErrors { crmId message } } } } }
"""


async def test_sync_runs_list_their_first_record_errors_in_one_statement(
    count_queries: QueryCounter,
) -> None:
    org, other = await make_org(), await make_org(name="Other tenant")
    admin = await make_user(org, role=models.UserRole.ADMIN)

    async def run_with_errors(owner: models.Organization, errors: int) -> models.SyncRun:
        run = await models.SyncRun.create(org=owner, status=models.SyncStatus.SUCCEEDED)
        for n in range(errors):
            await models.SyncRecordError.create(
                org=owner, run=run, module="Accounts", crm_id=f"{run.id}-{n}", message=f"bad {n}"
            )
        return run

    await run_with_errors(other, 3)  # another tenant's errors are never shown
    await run_with_errors(org, 2)
    small = await _statements(RUNS_WITH_ERRORS, admin, count_queries)
    many = await run_with_errors(org, 105)
    await run_with_errors(org, 0)
    for _ in range(5):
        await run_with_errors(org, 1)
    assert await _statements(RUNS_WITH_ERRORS, admin, count_queries) == small
    result = await execute(RUNS_WITH_ERRORS, viewer=viewer_for(admin))
    assert result.errors is None and result.data is not None
    lists = [node["recordErrors"] for node in result.data["integration"]["runs"]["nodes"]]
    assert sorted(len(errors) for errors in lists) == [0, 1, 1, 1, 1, 1, 2, 100]
    first_hundred = next(errors for errors in lists if len(errors) == 100)
    assert [e["crmId"] for e in first_hundred] == [f"{many.id}-{n}" for n in range(100)]


REPORTS_WITH_EXPENSES = """
{ reports(first: 100) { nodes { name
    expenses(first: 3) { totalCount pageInfo { hasNextPage } nodes { amount { amount } } } } } }
"""


async def test_reports_list_their_expenses_in_a_fixed_number_of_statements(
    count_queries: QueryCounter,
) -> None:
    org = await make_org()
    admin = await make_user(org, role=models.UserRole.ADMIN)
    owner = await make_user(org)
    meals = await make_category(org, "Meals")

    async def report_with(expenses: int) -> None:
        report = await make_report(owner)
        for _ in range(expenses):
            await make_expense(owner, meals, report=report)

    await report_with(2)
    small = await _statements(REPORTS_WITH_EXPENSES, admin, count_queries)
    for expenses in (0, 1, 5, 3, 4, 7):
        await report_with(expenses)
    assert await _statements(REPORTS_WITH_EXPENSES, admin, count_queries) == small
    assert small <= 2  # the reports page, then one statement for every report's page


CARDS_WITH_TRANSACTIONS = """
{ cards(first: 100) { nodes { lastFour
    unmatched: transactions(status: UNMATCHED, first: 2) { totalCount nodes { description } }
    all: transactions(first: 2) { totalCount pageInfo { hasNextPage } nodes { description } }
    imports { totalCount nodes { fileName } } } } }
"""


async def test_cards_list_their_transactions_and_imports_in_a_fixed_number_of_statements(
    count_queries: QueryCounter,
) -> None:
    org = await make_org()
    admin = await make_user(org, role=models.UserRole.ADMIN)

    async def card_with(transactions: int, last_four: str) -> None:
        card = await models.Card.create(org=org, holder=admin, kind=models.CardKind.CORPORATE,
                                        name="Visa", last_four=last_four, currency="USD")  # fmt: skip
        statement = await models.StatementImport.create(
            org=org, card=card, imported_by=admin, file_name=f"{last_four}.csv",
            format=models.StatementFormat.CSV,
        )  # fmt: skip
        for n in range(transactions):
            await models.CardTransaction.create(
                org=org, card=card, statement_import=statement, posted_date=date(2026, 1, 1 + n),
                amount_minor=100 + n, currency="USD", description=f"{last_four}-{n}",
                dedupe_key=f"row:{n}",
                status=models.CardTransactionStatus.EXCLUDED if n % 2
                else models.CardTransactionStatus.UNMATCHED,
            )  # fmt: skip

    await card_with(3, "1111")
    small = await _statements(CARDS_WITH_TRANSACTIONS, admin, count_queries)
    for index, transactions in enumerate((0, 1, 4, 5)):
        await card_with(transactions, f"222{index}")
    assert await _statements(CARDS_WITH_TRANSACTIONS, admin, count_queries) == small

    result = await execute(CARDS_WITH_TRANSACTIONS, viewer=viewer_for(admin))
    assert result.data is not None
    cards = {card["lastFour"]: card for card in result.data["cards"]["nodes"]}
    five = cards["2223"]
    assert five["all"]["totalCount"] == 5 and five["all"]["pageInfo"]["hasNextPage"] is True
    assert [n["description"] for n in five["all"]["nodes"]] == ["2223-4", "2223-3"]  # newest
    assert five["unmatched"]["totalCount"] == 3
    assert [n["description"] for n in five["unmatched"]["nodes"]] == ["2223-4", "2223-2"]
    assert cards["2220"]["all"] == {"totalCount": 0, "pageInfo": {"hasNextPage": False},
                                    "nodes": []}  # fmt: skip
    assert cards["1111"]["imports"] == {"totalCount": 1, "nodes": [{"fileName": "1111.csv"}]}


async def test_a_parent_with_many_children_sends_only_its_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    org = await make_org()
    owner = await make_user(org)
    meals = await make_category(org, "Meals")
    big, small = await make_report(owner), await make_report(owner)
    for day in range(1, 29):
        await make_expense(owner, meals, report=big, date=date(2026, 2, day))
    await make_expense(owner, meals, report=small, date=date(2026, 2, 28))  # before the cursor
    conn = connections.get("default")
    answered: list[int] = []
    execute_query_dict = conn.execute_query_dict

    async def counting(sql: str, values: list[Any] | None = None) -> list[dict[str, Any]]:
        rows = await execute_query_dict(sql, values)
        answered.append(len(rows))
        return rows

    monkeypatch.setattr(conn, "execute_query_dict", counting)
    viewer = viewer_for(owner)
    query = list_expenses(viewer)
    # when the third page of three is asked of both reports (after the big report's 6th row)
    keyset, ordered = keyset_of(query)
    sixth = (await ordered.filter(report_id=big.id).offset(5).limit(1))[0]
    after = keyset.cursor(sixth)
    pages = await loaders.child_pages(
        query, "report_id", [(big.id, after, 3), (small.id, after, 3)]
    )
    # then one statement brings the big report's rows 7 to 10 and each report's first row
    assert answered == [1 + 4 + 1]
    assert [e.date.day for e in pages[0].rows] == [22, 21, 20, 19]  # newest first
    assert (pages[0].total, pages[1].total, pages[1].rows) == (28, 1, [])
