"""The ready reports over the fixed dataset (see conftest.py): by default only what was spent
(APPROVED and REIMBURSED expenses: e1, e2, e9, e3, e4) counts."""

from __future__ import annotations

from gql.ids import encode_id
from tests.conftest import execute
from tests.gql.analytics.conftest import Dataset
from tests.gql.analytics.helpers import ask, run, totals

EVERY_STATUS = ["UNREPORTED", "UNSUBMITTED", "SUBMITTED", "APPROVED", "REJECTED", "REIMBURSED"]


async def test_spend_per_deal(data: Dataset) -> None:
    answer = await ask(data.admin, "spendPerDeal")
    # PILOT e3; RENEWAL e1 (report) + e2; EXPANSION e9 (its own deal); e4 has no deal
    assert totals(answer) == [
        ("Initech pilot", 1, "200.00"), ("Globex renewal", 2, "155.00"),
        ("Globex expansion", 1, "25.00"),
    ]  # fmt: skip
    pilot, renewal, expansion = answer["nodes"]
    assert (renewal["outcome"], renewal["potential"]["name"]) == ("WON", "Globex renewal")
    assert renewal["dealAmount"] == {"amount": "10000.00", "currency": "USD"}
    assert renewal["spendToDealAmount"] == "0.0155"  # 155.00 / 10,000.00
    assert expansion["spendToDealAmount"] == "0.0013"  # 25 / 20,000 = 0.00125, half up
    assert pilot["dealAmount"] == {"amount": "5000.00", "currency": "EUR"}
    assert pilot["spendToDealAmount"] is None  # the deal is in EUR, spend in USD
    summary = answer["summary"]
    assert (summary["count"], summary["total"]["amount"]) == (4, "380.00")
    assert summary["wonDeals"] == 1
    assert summary["spendOnWonDeals"]["amount"] == "155.00"
    assert summary["spendPerWonDeal"]["amount"] == "155.00"
    assert summary["spendOnDealsPerWonDeal"]["amount"] == "380.00"


async def test_one_deals_spend_by_user_most_and_least(data: Dataset) -> None:
    renewal = encode_id("Potential", data.renewal.id)
    spent = await ask(data.admin, "dealSpendByUser", potentialId=renewal)
    assert totals(spent) == [("Alice", 2, "155.00")]
    every = {"statuses": EVERY_STATUS}
    most = await ask(data.admin, "dealSpendByUser", potentialId=renewal, filter=every)
    assert totals(most) == [("Alice", 2, "155.00"), ("Bob", 1, "10.00")]
    least = await ask(data.admin, "dealSpendByUser", potentialId=renewal, filter=every,
                      orderBy=[{"measure": "TOTAL", "direction": "ASC"}])  # fmt: skip
    assert totals(least) == [("Bob", 1, "10.00"), ("Alice", 2, "155.00")]
    nothing = await ask(data.admin, "dealSpendByUser", potentialId="bogus")
    assert nothing["nodes"] == [] and nothing["summary"]["count"] == 0


async def test_spend_on_deals_per_month(data: Dataset) -> None:
    answer = await ask(data.admin, "dealSpendByMonth")
    assert totals(answer) == [("2026-01-01", 3, "180.00"), ("2026-02-01", 1, "200.00")]


async def test_spend_on_lost_deals(data: Dataset) -> None:
    assert totals(await ask(data.admin, "lostDealSpend")) == [("Initech pilot", 1, "200.00")]
    # the filter may widen the statuses, not the outcome: e7 (unreported, JPY) joins
    every = await ask(
        data.admin, "lostDealSpend", filter={"statuses": EVERY_STATUS, "outcomes": ["WON"]}
    )
    assert totals(every) == [("Initech pilot", 2, "206.70")]


async def test_spend_by_stage_and_per_customer(data: Dataset) -> None:
    assert totals(await ask(data.admin, "spendByStage")) == [
        ("Closed Lost", 1, "200.00"), ("Closed Won", 2, "155.00"), ("Negotiation", 1, "25.00"),
    ]  # fmt: skip
    # e1 takes its report's customer; e4 has none
    assert totals(await ask(data.admin, "spendPerCustomer")) == [
        ("Initech", 1, "200.00"), ("Globex", 3, "180.00"), (None, 1, "30.00"),
    ]  # fmt: skip


async def test_ready_reports_respect_who_sees_what(data: Dataset) -> None:
    assert totals(await ask(data.bob, "spendPerCustomer")) == [
        ("Initech", 1, "200.00"), (None, 1, "30.00"),
    ]  # fmt: skip
    assert totals(await ask(data.alice, "spendPerDeal")) == [
        ("Globex renewal", 2, "155.00"), ("Globex expansion", 1, "25.00"),
    ]  # fmt: skip


async def test_questions_that_cannot_be_asked_are_refused_with_a_code(data: Dataset) -> None:
    cases = [
        ({"groupBy": ["USER", "USER"]}, "BAD_GROUPING"),
        ({"groupBy": ["MONTH", "YEAR"]}, "BAD_GROUPING"),
        ({"groupBy": ["USER", "MONTH", "CATEGORY", "STAGE", "STATUS"]}, "BAD_GROUPING"),
        ({"groupBy": ["USER"], "orderBy": [{"dimension": "MONTH"}]}, "BAD_ORDER"),
        (
            {"groupBy": ["USER"], "orderBy": [{"measure": "TOTAL", "dimension": "USER"}]},
            "BAD_ORDER",
        ),
        ({"groupBy": ["USER"], "orderBy": [{}]}, "BAD_ORDER"),
        (
            {"groupBy": [], "filter": {"dateFrom": "2026-02-01", "dateTo": "2026-01-01"}},
            "BAD_FILTER",
        ),
        ({"groupBy": [], "filter": {"userIds": ["x"] * 101}}, "BAD_FILTER"),
        ({"groupBy": [], "filter": {"stages": ["s" * 101]}}, "BAD_FILTER"),
        ({"groupBy": [], "first": 101}, "PAGE_SIZE_OUT_OF_RANGE"),
        ({"groupBy": [], "after": "nonsense"}, "BAD_CURSOR"),
    ]
    for variables, code in cases:
        result = await run(data.admin, "spendAnalytics", **variables)
        assert result.errors is not None, variables
        assert result.errors[0].extensions == {"code": code}, variables
    anonymous = await execute("{ spendPerDeal { totalCount } }")
    assert anonymous.errors is not None
    assert anonymous.errors[0].extensions == {"code": "UNAUTHENTICATED"}
