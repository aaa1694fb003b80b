"""One SQL statement per aggregate, whatever the number of groups (plus the page's key objects,
one loader statement per kind of object)."""

from __future__ import annotations

from datetime import date, timedelta

from tests.conftest import QueryCounter, execute
from tests.factories import make_category, make_expense, make_potential, viewer_for
from tests.gql.analytics.conftest import Dataset

BARE = """
{ spendAnalytics(groupBy: [USER, MONTH, CATEGORY], first: 100) {
    totalCount summary { count total { amount } } nodes { count period total { amount } } } }
"""
WITH_KEYS = """
{ spendAnalytics(groupBy: [POTENTIAL, USER], first: 100) {
    totalCount nodes { count potential { name stage } user { name } } } }
"""
READY = "{ spendPerDeal(first: 100) { totalCount nodes { potential { name } spendToDealAmount } } }"


async def _count(document: str, data: Dataset, counter: QueryCounter) -> tuple[int, int]:
    counter.statements.clear()
    result = await execute(document, viewer=viewer_for(data.admin))
    assert result.errors is None, result.errors
    assert result.data is not None
    groups = next(iter(result.data.values()))["totalCount"]
    return len(counter), groups


async def _more_groups(data: Dataset) -> None:
    """Forty more deals, months and categories, each spent on."""
    for n in range(40):
        deal = await make_potential(data.org, data.globex, f"Deal {n}", stage="Qualification")
        category = await make_category(data.org, f"Category {n}")
        await make_expense(data.alice, category, 100 + n, date=date(2024, 1, 1) + timedelta(days=31 * n),
                           potential=deal)  # fmt: skip


async def test_one_statement_per_aggregate_whatever_the_number_of_groups(
    data: Dataset, count_queries: QueryCounter
) -> None:
    bare_small = await _count(BARE, data, count_queries)
    keys_small = await _count(WITH_KEYS, data, count_queries)
    ready_small = await _count(READY, data, count_queries)
    await _more_groups(data)
    bare_large = await _count(BARE, data, count_queries)
    keys_large = await _count(WITH_KEYS, data, count_queries)
    ready_large = await _count(READY, data, count_queries)
    assert bare_large[1] > bare_small[1] + 30 and keys_large[1] > keys_small[1] + 30
    assert bare_small[0] == bare_large[0] == 1  # groups, totals and the currency: one statement
    assert keys_small[0] == keys_large[0] == 3  # + potentials, + users (one loader each)
    assert ready_small[0] == ready_large[0] == 2  # + potentials
