"""SQL statements per request do not grow with the length of a list (no N+1)."""

from __future__ import annotations

import pytest

from orm import models
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
    assert small <= 4  # reports page, expense ids, expense rows (and nothing per report)
