"""Dashboards over the fixed dataset (see conftest.py): saving, validation (refused input changes
nothing), per-user and per-organisation isolation, the organisation's default and its figures
for each viewer."""

from __future__ import annotations

from typing import Any

from gql.ids import encode_id
from orm import models
from tests.conftest import QueryCounter, dotted, execute
from tests.factories import (
    make_customer,
    make_expense,
    make_org,
    make_potential,
    make_user,
    viewer_for,
)
from tests.gql.analytics.conftest import Dataset

COMPONENT_FIELDS = """
  id kind title report groupBy measure rows potentialId potential { name }
  filter { period dateFrom dateTo statuses outcomes reimbursable billable hasPotential }
  data {
    totalCount summary { count total { amount currency } }
    nodes { count total { amount } potential { name } user { name } period stage }
  }
"""
DASHBOARD = f"query D {{ dashboard {{ source updatedAt components {{ {COMPONENT_FIELDS} }} }} }}"
ORG_DASHBOARD = "query O { organizationDashboard { source components { id title } } }"
SAVE = f"""
mutation S($input: DashboardSaveInput!) {{
  dashboardSave(input: $input) {{
    dashboard {{ source components {{ {COMPONENT_FIELDS} }} }}
    errors {{ field message code }}
  }}
}}"""
RESET = """
mutation R($input: DashboardResetInput) {
  dashboardReset(input: $input) { dashboard { source components { id title } } errors { field code } }
}"""

BAR_PER_DEAL = {"kind": "BAR", "report": "SPEND_PER_DEAL", "title": "Spend per deal"}
KPI_TOTAL = {"kind": "KPI", "report": "AD_HOC", "measure": "TOTAL", "title": "Total spend"}
TABLE_BY_USER = {"kind": "TABLE", "report": "AD_HOC", "groupBy": "USER", "title": "By user"}


async def run(user: models.User, document: str, **variables: Any) -> dict[str, Any]:
    result = await execute(document, variables or None, viewer=viewer_for(user))
    assert result.errors is None, result.errors
    assert result.data is not None
    return result.data


async def dashboard(user: models.User) -> dict[str, Any]:
    data: dict[str, Any] = (await run(user, DASHBOARD))["dashboard"]
    return data


async def save(user: models.User, components: list[dict[str, Any]], **extra: Any) -> Any:
    data = await run(user, SAVE, input={"components": components, **extra})
    return data["dashboardSave"]


async def test_save_and_read_back_in_order_with_figures(data: Dataset) -> None:
    saved = await save(data.admin, [BAR_PER_DEAL, KPI_TOTAL, TABLE_BY_USER])
    assert saved["errors"] == []
    assert saved["dashboard"]["source"] == "OWN"
    shown = await dashboard(data.admin)
    assert shown["source"] == "OWN"
    assert shown["updatedAt"] is not None
    bar, kpi, table = shown["components"]
    assert [c["title"] for c in shown["components"]] == ["Spend per deal", "Total spend", "By user"]
    assert [c["kind"] for c in shown["components"]] == ["BAR", "KPI", "TABLE"]
    assert len({c["id"] for c in shown["components"]}) == 3
    # the ready report counts what was spent: PILOT e3, RENEWAL e1 + e2, EXPANSION e9
    assert [(n["potential"]["name"], n["total"]["amount"]) for n in bar["data"]["nodes"]] == [
        ("Initech pilot", "200.00"), ("Globex renewal", "155.00"),
        ("Globex expansion", "25.00"),
    ]  # fmt: skip
    # ad hoc counts every expense of every status: e1 … e9 (901.70 USD)
    assert kpi["data"]["summary"]["total"] == {"amount": "901.70", "currency": "USD"}
    assert kpi["data"]["summary"]["count"] == 9
    assert [(n["user"]["name"], n["total"]["amount"]) for n in table["data"]["nodes"]] == [
        ("Alice", "661.70"), ("Bob", "240.00"),
    ]  # fmt: skip

    # reordered: the ids travel with the components
    ids = [c["id"] for c in shown["components"]]
    moved = [
        {**TABLE_BY_USER, "id": ids[2]}, {**BAR_PER_DEAL, "id": ids[0]},
        {**KPI_TOTAL, "id": ids[1]},
    ]  # fmt: skip
    assert (await save(data.admin, moved))["errors"] == []
    again = await dashboard(data.admin)
    assert [c["id"] for c in again["components"]] == [ids[2], ids[0], ids[1]]


async def test_filters_periods_and_default_titles(data: Dataset) -> None:
    components = [
        {"kind": "LINE", "report": "AD_HOC", "groupBy": "MONTH", "measure": "COUNT",
         "filter": {"period": "CUSTOM", "dateFrom": "2026-01-01", "dateTo": "2026-02-28",
                    "statuses": ["APPROVED", "REIMBURSED", "APPROVED"]}},
        {"kind": "PIE", "report": "SPEND_BY_STAGE", "filter": {"outcomes": ["WON", "OPEN"]}},
        {"kind": "TABLE", "report": "DEAL_SPEND_BY_USER", "rows": 5,
         "potentialId": encode_id("Potential", data.renewal.id)},
        {"kind": "KPI", "report": "SPEND_PER_CUSTOMER", "filter": {"period": "THIS_MONTH"}},
    ]  # fmt: skip
    saved = await save(data.admin, components)
    assert saved["errors"] == []
    line, pie, table, kpi = saved["dashboard"]["components"]
    assert line["title"] == "Expenses by month"
    assert line["filter"]["statuses"] == ["APPROVED", "REIMBURSED"]  # repeated once
    # January: e1, e2, e9; February: e3, e4
    assert [(n["period"], n["count"]) for n in line["data"]["nodes"]] == [
        ("2026-01-01", 3), ("2026-02-01", 2),
    ]  # fmt: skip
    assert pie["title"] == "Spend by stage"
    # spent on WON and OPEN deals: Closed Won 155.00, Negotiation 25.00 (e9)
    assert [(n["stage"], n["total"]["amount"]) for n in pie["data"]["nodes"]] == [
        ("Closed Won", "155.00"), ("Negotiation", "25.00"),
    ]  # fmt: skip
    assert table["potential"] == {"name": "Globex renewal"}
    assert table["rows"] == 5
    assert [(n["user"]["name"], n["total"]["amount"]) for n in table["data"]["nodes"]] == [
        ("Alice", "155.00")
    ]
    # the dataset's dates are in 2026's first half; this month (2026-12 or later) has none
    assert kpi["filter"]["period"] == "THIS_MONTH"
    assert kpi["data"]["summary"]["count"] == 0


async def test_bad_input_is_refused_and_changes_nothing(data: Dataset) -> None:
    assert (await save(data.admin, [KPI_TOTAL]))["errors"] == []
    before = await dashboard(data.admin)
    cases: list[tuple[list[dict[str, Any]], str, str]] = [
        ([KPI_TOTAL] * 25, "components", "TOO_MANY_ITEMS"),
        ([{**KPI_TOTAL, "title": "x" * 81}], "components.0.title", "TOO_LONG"),
        ([{"kind": "BAR", "report": "AD_HOC"}], "components.0.groupBy", "REQUIRED"),
        ([{**BAR_PER_DEAL, "groupBy": "USER"}], "components.0.groupBy", "INVALID"),
        ([{**KPI_TOTAL, "rows": 0}], "components.0.rows", "INVALID"),
        ([{**KPI_TOTAL, "rows": 51}], "components.0.rows", "INVALID"),
        ([{**KPI_TOTAL, "id": "Not An Id"}], "components.0.id", "INVALID"),
        ([{**KPI_TOTAL, "id": "a1"}, {**TABLE_BY_USER, "id": "a1"}], "components.1.id",
         "UNIQUE"),
        ([{**KPI_TOTAL, "filter": {"period": "CUSTOM", "dateFrom": "2026-03-01",
                                   "dateTo": "2026-02-01"}}],
         "components.0.filter.dateTo", "INVALID_DATE_RANGE"),
        ([{**KPI_TOTAL, "filter": {"dateFrom": "2026-03-01"}}], "components.0.filter.period",
         "INVALID"),
        ([{"kind": "TABLE", "report": "DEAL_SPEND_BY_USER"}], "components.0.potentialId",
         "REQUIRED"),
        ([{"kind": "TABLE", "report": "DEAL_SPEND_BY_USER", "potentialId": "bm9wZQ=="}],
         "components.0.potentialId", "NOT_FOUND"),
        ([{**KPI_TOTAL, "potentialId": encode_id("Potential", data.renewal.id)}],
         "components.0.potentialId", "INVALID"),
    ]  # fmt: skip
    for components, field, code in cases:
        answer = await save(data.admin, components)
        assert answer["dashboard"] is None
        assert (dotted(answer["errors"][0]["field"]), answer["errors"][0]["code"]) == (field, code)
        assert await dashboard(data.admin) == before
    # unknown kinds, reports and measures never reach the resolver
    result = await execute(
        SAVE, {"input": {"components": [{"kind": "GAUGE", "report": "AD_HOC"}]}},
        viewer=viewer_for(data.admin),
    )  # fmt: skip
    assert result.errors is not None
    # text the boundary refuses
    result = await execute(
        SAVE, {"input": {"components": [{**KPI_TOTAL, "title": "a\u202eb"}]}},
        viewer=viewer_for(data.admin),
    )  # fmt: skip
    assert result.errors is not None
    assert result.errors[0].extensions == {
        "code": "INVALID", "field": "input.components.0.title"
    }  # fmt: skip
    assert await dashboard(data.admin) == before


async def test_another_organisations_deal_is_not_found(data: Dataset) -> None:
    other = await make_org(name="Elsewhere")
    owner = await make_user(other, role=models.UserRole.ADMIN)
    deal = await make_potential(other, await make_customer(other, "Hooli"), "Hooli deal")
    answer = await save(data.admin, [
        {"kind": "TABLE", "report": "DEAL_SPEND_BY_USER",
         "potentialId": encode_id("Potential", deal.id)},
    ])  # fmt: skip
    assert answer["errors"][0]["code"] == "NOT_FOUND"
    assert (await dashboard(owner))["source"] == "NONE"


async def test_each_user_sees_and_writes_only_their_own(data: Dataset) -> None:
    assert (await save(data.alice, [KPI_TOTAL]))["errors"] == []
    assert (await save(data.bob, [TABLE_BY_USER, BAR_PER_DEAL]))["errors"] == []
    alice, bob = await dashboard(data.alice), await dashboard(data.bob)
    assert [c["title"] for c in alice["components"]] == ["Total spend"]
    assert [c["title"] for c in bob["components"]] == ["By user", "Spend per deal"]
    # the admin has none of their own, nor does the organisation: Alice's never shows
    assert (await dashboard(data.admin)) == {"source": "NONE", "updatedAt": None,
                                            "components": []}  # fmt: skip
    # Bob sending Alice's component id writes Bob's dashboard only
    alice_id = alice["components"][0]["id"]
    assert (await save(data.bob, [{**TABLE_BY_USER, "id": alice_id}]))["errors"] == []
    assert [c["title"] for c in (await dashboard(data.alice))["components"]] == ["Total spend"]
    # Alice resetting drops hers, not Bob's
    reset = (await run(data.alice, RESET))["dashboardReset"]
    assert reset["errors"] == []
    assert reset["dashboard"]["source"] == "NONE"
    assert [c["id"] for c in (await dashboard(data.bob))["components"]] == [alice_id]
    # the other tenant's admin sees nothing of this organisation's
    stranger = await models.User.filter(org_id__not=data.org.id).first()
    assert stranger is not None
    assert (await dashboard(stranger))["source"] == "NONE"
    assert (await run(stranger, ORG_DASHBOARD))["organizationDashboard"] is None


async def test_figures_follow_who_sees_what(data: Dataset) -> None:
    """The same component shows each viewer only the expenses they may see."""
    assert (await save(data.alice, [KPI_TOTAL, TABLE_BY_USER]))["errors"] == []
    kpi, table = (await dashboard(data.alice))["components"]
    # Alice's own: e1, e2, e9, e5, e7, e8
    assert kpi["data"]["summary"]["total"]["amount"] == "661.70"
    assert [n["user"]["name"] for n in table["data"]["nodes"]] == ["Alice"]


async def test_organisation_default_set_by_an_admin(data: Dataset) -> None:
    # not an admin: refused, nothing stored
    refused = await save(data.alice, [KPI_TOTAL], organizationDefault=True)
    assert refused["errors"][0]["code"] == "NOT_PERMITTED"
    assert refused["errors"][0]["field"] == ["organizationDefault"]
    assert (await run(data.alice, ORG_DASHBOARD))["organizationDashboard"] is None
    assert (await save(data.approver, [KPI_TOTAL], organizationDefault=True))["errors"]

    saved = await save(data.admin, [KPI_TOTAL, TABLE_BY_USER], organizationDefault=True)
    assert saved["errors"] == []
    assert saved["dashboard"]["source"] == "ORGANIZATION"
    # everyone without their own sees it, each with their own figures
    bob = await dashboard(data.bob)
    assert bob["source"] == "ORGANIZATION"
    assert bob["components"][0]["data"]["summary"]["total"]["amount"] == "240.00"
    admin = await dashboard(data.admin)
    assert admin["source"] == "ORGANIZATION"
    assert admin["components"][0]["data"]["summary"]["total"]["amount"] == "901.70"
    # a user's own dashboard wins; Reset to default brings the default back
    assert (await save(data.bob, [BAR_PER_DEAL]))["errors"] == []
    assert (await dashboard(data.bob))["source"] == "OWN"
    reset = (await run(data.bob, RESET))["dashboardReset"]
    assert reset["dashboard"]["source"] == "ORGANIZATION"
    assert [c["title"] for c in reset["dashboard"]["components"]] == ["Total spend", "By user"]
    # a non-admin cannot remove the default; an admin can
    refused = (await run(data.bob, RESET, input={"organizationDefault": True}))["dashboardReset"]
    assert refused["errors"] == [{"field": ["organizationDefault"], "code": "NOT_PERMITTED"}]
    assert (await run(data.bob, ORG_DASHBOARD))["organizationDashboard"] is not None
    removed = (await run(data.admin, RESET, input={"organizationDefault": True}))["dashboardReset"]
    assert removed["errors"] == []
    assert (await dashboard(data.bob))["source"] == "NONE"


async def test_a_read_only_token_cannot_save(data: Dataset) -> None:
    viewer = viewer_for(data.admin)
    read_only = type(viewer)(viewer.user_id, viewer.org_id, viewer.role, 1, read_only=True)
    result = await execute(SAVE, {"input": {"components": [KPI_TOTAL]}}, viewer=read_only)
    assert result.errors is not None
    assert result.errors[0].extensions == {"code": "READ_ONLY_TOKEN"}
    assert (await dashboard(data.admin))["source"] == "NONE"
    shown = await execute(DASHBOARD, viewer=read_only)
    assert shown.errors is None


async def test_anonymous_callers_are_refused(data: Dataset) -> None:
    result = await execute(DASHBOARD)
    assert result.errors is not None
    assert result.errors[0].extensions == {"code": "UNAUTHENTICATED"}
    assert await models.Dashboard.all().count() == 0


async def test_deals_of_the_default_stay_acceptable_to_users_who_cannot_pick_them(
    data: Dataset,
) -> None:
    """With the potential scope OWN a submitter picks only their own CRM deals; the default's
    deal is kept when they change their copy, another deal is refused."""
    data.org.potential_scope = models.PotentialScope.OWN
    await data.org.save()
    by_user = {"kind": "TABLE", "report": "DEAL_SPEND_BY_USER",
               "potentialId": encode_id("Potential", data.renewal.id)}  # fmt: skip
    assert (await save(data.admin, [by_user], organizationDefault=True))["errors"] == []
    shown = (await dashboard(data.bob))["components"]
    kept = {**by_user, "id": shown[0]["id"]}
    assert (await save(data.bob, [kept, KPI_TOTAL]))["errors"] == []
    other = {**by_user, "potentialId": encode_id("Potential", data.pilot.id)}
    refused = await save(data.bob, [kept, other])
    assert [(dotted(e["field"]), e["code"]) for e in refused["errors"]] == [
        ("components.1.potentialId", "NOT_FOUND")
    ]
    assert len((await dashboard(data.bob))["components"]) == 2


async def test_one_aggregate_statement_per_component(
    data: Dataset, count_queries: QueryCounter
) -> None:
    """The dashboard row, the organisation's date, one aggregate per component and one loader
    statement per kind of key object: whatever the number of groups."""

    async def statements() -> int:
        count_queries.statements.clear()
        await dashboard(data.admin)
        return len(count_queries)

    assert (await save(data.admin, [BAR_PER_DEAL, KPI_TOTAL, TABLE_BY_USER]))["errors"] == []
    three = await statements()
    # 1 dashboard + 1 organisation + 3 aggregates + deals + users (the loaders)
    assert three == 7
    for n in range(30):  # thirty more deals and users, each spent on
        deal = await make_potential(data.org, data.globex, f"Deal {n}")
        user = await make_user(data.org, name=f"Spender {n}")
        await make_expense(user, data.travel, 100 + n, potential=deal)
    assert await statements() == three
    more = [BAR_PER_DEAL, KPI_TOTAL, TABLE_BY_USER, KPI_TOTAL, KPI_TOTAL, KPI_TOTAL]
    assert (await save(data.admin, more))["errors"] == []
    assert await statements() == three + 3
