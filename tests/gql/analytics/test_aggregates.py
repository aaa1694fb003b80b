"""Hand-computed aggregates over the fixed dataset (see conftest.py), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

from gql.ids import encode_id
from tests.factories import make_category, make_expense
from tests.gql.analytics.conftest import Dataset
from tests.gql.analytics.helpers import ask, measures, totals

SPEND = "spendAnalytics"


async def test_spend_per_deal_with_every_measure(data: Dataset) -> None:
    answer = await ask(data.admin, SPEND, groupBy=["POTENTIAL"])
    # RENEWAL e1 (through its report) + e2 + e6; PILOT e3 + e7 (JPY); EXPANSION e5 + e8 + e9
    # (e9's own deal wins over its report's); e4 has no deal
    assert totals(answer) == [
        ("Globex expansion", 3, "500.00"),
        ("Initech pilot", 2, "206.70"),
        ("Globex renewal", 3, "165.00"),
        (None, 1, "30.00"),
    ]
    expansion, pilot, renewal, nothing = answer["nodes"]
    assert measures(expansion) == (3, "500.00", "500.00", "0.00", "166.67", "25.00", "400.00")
    assert measures(pilot) == (2, "206.70", "6.70", "200.00", "103.35", "6.70", "200.00")
    assert measures(renewal) == (3, "165.00", "165.00", "55.00", "55.00", "10.00", "100.00")
    assert measures(nothing) == (1, "30.00", "30.00", "0.00", "30.00", "30.00", "30.00")
    summary = answer["summary"]
    assert summary["count"] == 9
    assert summary["total"] == {"amount": "901.70", "currency": "USD"}
    assert summary["reimbursableTotal"]["amount"] == "701.70"
    assert summary["billableTotal"]["amount"] == "255.00"
    assert summary["average"]["amount"] == "100.19"  # 901.70 / 9 = 100.1888…
    assert (summary["minimum"]["amount"], summary["maximum"]["amount"]) == ("6.70", "400.00")
    assert summary["wonDeals"] is None
    assert answer["totalCount"] == 4


async def test_periods_are_bucketed_alike_on_both_databases(data: Dataset) -> None:
    quarters = await ask(data.admin, SPEND, groupBy=["QUARTER"])
    # 2026-03-31 stays in Q1, 2026-04-01 opens Q2
    assert totals(quarters) == [("2026-01-01", 6, "810.00"), ("2026-04-01", 3, "91.70")]
    months = await ask(data.admin, SPEND, groupBy=["MONTH"], orderBy=[{"dimension": "MONTH"}])
    assert totals(months) == [
        ("2026-05-01", 1, "75.00"),
        ("2026-04-01", 2, "16.70"),
        ("2026-03-01", 1, "400.00"),
        ("2026-02-01", 2, "230.00"),
        ("2026-01-01", 3, "180.00"),
    ]
    # weeks start on Monday: Tue 03-31, Wed 04-01 and Thu 04-02 share the week of 03-30,
    # Sunday 05-10 belongs to the week of 05-04
    weeks = await ask(data.admin, SPEND, groupBy=["WEEK"], filter={"dateFrom": "2026-03-01"})
    assert totals(weeks) == [("2026-03-30", 3, "416.70"), ("2026-05-04", 1, "75.00")]
    days = await ask(
        data.admin, SPEND, groupBy=["DAY"], filter={"userIds": [encode_id("User", data.bob.id)]}
    )
    assert totals(days) == [
        ("2026-02-03", 1, "200.00"), ("2026-02-14", 1, "30.00"), ("2026-04-01", 1, "10.00"),
    ]  # fmt: skip
    years = await ask(data.admin, SPEND, groupBy=["YEAR"])
    assert totals(years) == [("2026-01-01", 9, "901.70")]


async def test_weeks_start_on_monday_across_years_and_centuries(data: Dataset) -> None:
    """Weeks are counted from a Monday by date arithmetic on PostgreSQL and by SQLite's date
    functions: the same Mondays before and after that reference day and across new years."""
    other = await make_category(data.org, "Week edges")
    spent = [
        (date(1969, 12, 31), 100), (date(1970, 1, 4), 200),  # Wed, Sun: week of Mon 12-29
        (date(1999, 12, 31), 300), (date(2000, 1, 2), 400),  # Fri, Sun: week of Mon 12-27
        (date(2000, 1, 3), 500),  # the Monday the arithmetic counts from
        (date(2026, 12, 31), 600), (date(2027, 1, 3), 700),  # Thu, Sun: week of Mon 12-28
        (date(2027, 1, 4), 800),  # Monday: its own week
    ]  # fmt: skip
    for day, amount in spent:
        await make_expense(data.alice, other, amount, date=day)
    weeks = await ask(
        data.admin,
        SPEND,
        groupBy=["WEEK"],
        filter={"categoryIds": [encode_id("Category", other.id)]},
    )
    assert totals(weeks) == [
        ("1969-12-29", 2, "3.00"), ("1999-12-27", 2, "7.00"), ("2000-01-03", 1, "5.00"),
        ("2026-12-28", 2, "13.00"), ("2027-01-04", 1, "8.00"),
    ]  # fmt: skip


async def test_status_currency_stage_outcome_groupings(data: Dataset) -> None:
    statuses = await ask(data.admin, SPEND, groupBy=["STATUS"])
    assert totals(statuses) == [
        ("REJECTED", 1, "400.00"), ("REIMBURSED", 2, "230.00"), ("APPROVED", 3, "180.00"),
        ("SUBMITTED", 1, "75.00"), ("UNSUBMITTED", 1, "10.00"), ("UNREPORTED", 1, "6.70"),
    ]  # fmt: skip
    currencies = await ask(
        data.admin,
        SPEND,
        groupBy=["CURRENCY"],
        orderBy=[{"dimension": "CURRENCY", "direction": "ASC"}],
    )
    assert totals(currencies) == [("EUR", 1, "55.00"), ("JPY", 1, "6.70"), ("USD", 7, "840.00")]
    outcomes = await ask(
        data.admin, SPEND, groupBy=["OUTCOME"], filter={"outcomes": ["WON", "LOST"]}
    )
    assert totals(outcomes) == [("LOST", 2, "206.70"), ("WON", 3, "165.00")]
    stages = await ask(
        data.admin, SPEND, groupBy=["STAGE"], orderBy=[{"dimension": "STAGE", "direction": "ASC"}]
    )
    assert totals(stages) == [
        ("Closed Lost", 2, "206.70"), ("Closed Won", 3, "165.00"), ("Negotiation", 3, "500.00"),
        (None, 1, "30.00"),
    ]  # fmt: skip


async def test_several_groupings_and_key_objects(data: Dataset) -> None:
    answer = await ask(
        data.admin, SPEND, groupBy=["USER", "CATEGORY"],
        orderBy=[{"dimension": "USER", "direction": "ASC"}, {"measure": "TOTAL"}],
    )  # fmt: skip
    rows = [(g["user"]["name"], g["category"]["name"], g["count"], g["total"]["amount"])
            for g in answer["nodes"]]  # fmt: skip
    assert rows == [
        ("Alice", "Travel", 4, "600.00"), ("Alice", "Meals", 2, "61.70"),
        ("Bob", "Travel", 1, "200.00"), ("Bob", "Meals", 2, "40.00"),
    ]  # fmt: skip
    grand = await ask(data.admin, SPEND, groupBy=[])
    assert totals(grand) == [(None, 9, "901.70")] and grand["totalCount"] == 1


async def test_filters(data: Dataset) -> None:
    async def total(filter: dict[str, object]) -> tuple[int, str]:
        summary = (await ask(data.admin, SPEND, groupBy=[], filter=filter))["summary"]
        return summary["count"], summary["total"]["amount"]

    assert await total({"reimbursable": False}) == (1, "200.00")
    assert await total({"billable": True}) == (2, "255.00")
    assert await total({"hasPotential": False}) == (1, "30.00")
    assert await total({"hasPotential": True}) == (8, "871.70")
    assert await total({"customerIds": [encode_id("Customer", data.globex.id)]}) == (6, "665.00")
    assert await total({"categoryIds": [encode_id("Category", data.meals.id)]}) == (4, "101.70")
    assert await total({"stages": ["Negotiation"]}) == (3, "500.00")
    assert await total({"outcomes": ["OPEN"]}) == (3, "500.00")
    assert await total({"statuses": ["APPROVED", "REIMBURSED"]}) == (5, "410.00")
    assert await total({"dateFrom": "2026-02-01", "dateTo": "2026-03-31"}) == (3, "630.00")
    deals = [encode_id("Potential", p.id) for p in (data.renewal, data.pilot)]
    assert await total({"potentialIds": deals}) == (5, "371.70")
    assert await total({"potentialIds": [encode_id("Potential", data.renewal.id)],
                        "userIds": [encode_id("User", data.bob.id)]}) == (1, "10.00")  # fmt: skip
    assert await total({"userIds": ["not an id"]}) == (0, "0.00")


async def test_who_sees_what(data: Dataset) -> None:
    async def seen(user: object) -> tuple[int, str]:
        summary = (await ask(user, SPEND, groupBy=[]))["summary"]  # type: ignore[arg-type]
        return summary["count"], summary["total"]["amount"]

    assert await seen(data.admin) == (9, "901.70")
    assert await seen(data.alice) == (6, "661.70")  # her own, whatever their status
    assert await seen(data.bob) == (3, "240.00")
    # R1, R2 and R3 were submitted to the approver; R4 is a draft, R5 went to the admin
    assert await seen(data.approver) == (6, "810.00")


async def test_pages_of_groups(data: Dataset) -> None:
    first = await ask(data.admin, SPEND, groupBy=["POTENTIAL"], first=2)
    assert totals(first) == [("Globex expansion", 3, "500.00"), ("Initech pilot", 2, "206.70")]
    assert first["pageInfo"]["hasNextPage"] is True and first["totalCount"] == 4
    rest = await ask(
        data.admin, SPEND, groupBy=["POTENTIAL"], first=2, after=first["pageInfo"]["endCursor"]
    )
    assert totals(rest) == [("Globex renewal", 3, "165.00"), (None, 1, "30.00")]
    assert rest["pageInfo"]["hasNextPage"] is False
    beyond = await ask(
        data.admin, SPEND, groupBy=["POTENTIAL"], first=2, after=rest["pageInfo"]["endCursor"]
    )
    assert beyond["nodes"] == [] and beyond["totalCount"] == 4
    assert beyond["summary"]["total"]["amount"] == "901.70"
    by_average = await ask(
        data.admin,
        SPEND,
        groupBy=["POTENTIAL"],
        orderBy=[{"measure": "AVERAGE", "direction": "ASC"}],
    )
    assert [g["average"]["amount"] for g in by_average["nodes"]] == [
        "30.00",
        "55.00",
        "103.35",
        "166.67",
    ]
    by_name = await ask(
        data.admin,
        SPEND,
        groupBy=["POTENTIAL"],
        orderBy=[{"dimension": "POTENTIAL", "direction": "ASC"}],
    )
    assert [g["potential"] and g["potential"]["name"] for g in by_name["nodes"]] == [
        "Globex expansion", "Globex renewal", "Initech pilot", None,
    ]  # fmt: skip


async def test_deal_keys_beside_other_keys(data: Dataset) -> None:
    answer = await ask(data.admin, SPEND, groupBy=["OUTCOME", "STATUS"],
                       filter={"outcomes": ["WON", "OPEN"]})  # fmt: skip
    assert [(g["outcome"], g["status"], g["count"], g["total"]["amount"])
            for g in answer["nodes"]] == [
        ("OPEN", "REJECTED", 1, "400.00"), ("WON", "APPROVED", 2, "155.00"),
        ("OPEN", "SUBMITTED", 1, "75.00"), ("OPEN", "APPROVED", 1, "25.00"),
        ("WON", "UNSUBMITTED", 1, "10.00"),
    ]  # fmt: skip
    assert answer["summary"]["total"]["amount"] == "665.00"
    by_stage = await ask(
        data.admin, SPEND, groupBy=["STAGE", "USER"],
        filter={"stages": ["Closed Won", "Closed Lost"]},
        orderBy=[{"dimension": "STAGE", "direction": "ASC"}, {"dimension": "USER", "direction": "ASC"}],
    )  # fmt: skip
    assert [(g["stage"], g["user"]["name"], g["total"]["amount"]) for g in by_stage["nodes"]] == [
        ("Closed Lost", "Alice", "6.70"), ("Closed Lost", "Bob", "200.00"),
        ("Closed Won", "Alice", "155.00"), ("Closed Won", "Bob", "10.00"),
    ]  # fmt: skip
    deals = await ask(
        data.admin, SPEND, groupBy=["POTENTIAL", "STAGE"], filter={"outcomes": ["LOST"]}
    )
    assert totals(deals) == [("Initech pilot", 2, "206.70")]
    assert deals["nodes"][0]["stage"] == "Closed Lost"
