"""recordContext: what a CRM widget or record page shows for an account, contact or deal.

Each test pins one rule: the deal's customer, what is left to reimburse, expenses that reach a
customer through a report, one way of naming the record, and the Sync Modules switch."""

from __future__ import annotations

from typing import Any

import pytest

from gql.ids import encode_id
from orm import models
from tests.conftest import execute
from tests.factories import make_crm_tab, make_expense, make_report, viewer_for
from tests.gql.expenses.conftest import World

CONTEXT = """
query($record: RecordInput!) {
  recordContext(record: $record) {
    customer { name }
    potential { name }
    totals { expenseCount total { amount } reimbursable { amount } amountToReimburse { amount } }
    expenses(first: 20) { totalCount nodes { merchant } }
    reports(first: 20) { totalCount nodes { name } }
  }
}
"""


async def _context(world: World, record: dict[str, Any]) -> dict[str, Any]:
    result = await execute(CONTEXT, {"record": record}, viewer=viewer_for(world.admin))
    assert result.errors is None, result.errors
    context: dict[str, Any] = result.data["recordContext"]
    return context


async def _error_codes(world: World, record: object) -> list[str]:
    result = await execute(CONTEXT, {"record": record}, viewer=viewer_for(world.admin))
    assert result.data is None or result.data["recordContext"] is None
    return [str((e.extensions or {}).get("code")) for e in result.errors or []]


@pytest.fixture
async def tab(world: World) -> World:
    await make_crm_tab(world.org)
    return world


async def test_a_deal_shows_its_account(tab: World) -> None:
    context = await _context(tab, {"crm": {"module": "DEALS", "id": tab.renewal.crm_id}})
    assert context["potential"] == {"name": "Globex renewal"}
    assert context["customer"] == {"name": "Globex Corporation"}
    by_id = await _context(tab, {"potentialId": encode_id("Potential", tab.renewal.id)})
    assert by_id["customer"] == {"name": "Globex Corporation"}


async def test_nothing_is_left_to_reimburse_once_the_report_is_reimbursed(tab: World) -> None:
    report = await make_report(tab.alice, potential=tab.renewal, approver=tab.approver)
    await make_expense(tab.alice, tab.meals, 40000, report=report, is_reimbursable=True)
    await make_expense(tab.alice, tab.travel, 24800, report=report, is_reimbursable=True)
    await make_expense(tab.alice, tab.travel, 1000, report=report, is_reimbursable=False)
    # an unreported reimbursable expense on the deal is still owed after the report is paid
    await make_expense(tab.bob, tab.meals, 500, potential=tab.renewal, is_reimbursable=True)
    deal = {"potentialId": encode_id("Potential", tab.renewal.id)}

    before = (await _context(tab, deal))["totals"]
    assert before["reimbursable"] == {"amount": "653.00"}
    assert before["amountToReimburse"] == {"amount": "653.00"}

    await models.Report.filter(id=report.id).update(status=models.ReportStatus.REIMBURSED)
    after = (await _context(tab, deal))["totals"]
    assert after["total"] == {"amount": "663.00"}
    assert after["reimbursable"] == {"amount": "653.00"}
    assert after["amountToReimburse"] == {"amount": "5.00"}


async def test_a_customer_counts_what_reaches_its_deals_through_a_report(tab: World) -> None:
    report = await make_report(tab.alice, potential=tab.renewal)
    # per diem and mileage lines carry no customer or deal of their own: their report does
    for merchant in ("day 1", "day 2", "day 3"):
        await make_expense(tab.alice, tab.meals, 2400, merchant=merchant, report=report)
    await make_expense(tab.alice, tab.travel, 900, merchant="taxi", customer=tab.globex)
    await make_expense(tab.bob, tab.meals, 700, merchant="lunch", potential=tab.renewal)
    await make_expense(tab.bob, tab.meals, 300, merchant="elsewhere")  # reaches nothing

    deal = await _context(tab, {"potentialId": encode_id("Potential", tab.renewal.id)})
    customer = await _context(tab, {"crm": {"module": "ACCOUNTS", "id": tab.globex.crm_id}})
    assert deal["totals"]["expenseCount"] == 4
    assert customer["totals"]["expenseCount"] == 5
    assert sorted(n["merchant"] for n in customer["expenses"]["nodes"]) == [
        "day 1", "day 2", "day 3", "lunch", "taxi",
    ]  # fmt: skip
    assert customer["reports"]["nodes"] == [{"name": "January trip"}]


async def test_unknown_and_mismatched_records_are_not_found(tab: World) -> None:
    other_deal = await models.Potential.create(
        org=tab.org, name="Other", customer=None, crm_id="4150868000000300999"
    )
    assert await _error_codes(tab, {"customerId": encode_id("Customer", 987654)}) == ["NOT_FOUND"]
    assert await _error_codes(tab, {"potentialId": "not-an-id"}) == ["NOT_FOUND"]
    # a customer's id given as a deal's, and an account's CRM id under DEALS
    assert await _error_codes(tab, {"potentialId": encode_id("Customer", tab.globex.id)}) == [
        "NOT_FOUND"
    ]
    assert await _error_codes(tab, {"crm": {"module": "DEALS", "id": tab.globex.crm_id}}) == [
        "NOT_FOUND"
    ]
    assert await _error_codes(tab, {"crm": {"module": "CONTACTS", "id": tab.globex.crm_id}}) == [
        "NOT_FOUND"
    ]
    found = await _context(tab, {"crm": {"module": "DEALS", "id": other_deal.crm_id}})
    assert found["customer"] is None and found["potential"] == {"name": "Other"}


@pytest.mark.parametrize(
    "record",
    [
        {},
        {"crm": {"id": "4150868000000224011"}},
        {"potentialId": "UG90ZW50aWFsOjE=", "crm": {"module": "DEALS", "id": "1"}},
        {"customerId": None},
    ],
    ids=["empty", "crm id without module", "two ways at once", "null"],
)
async def test_a_record_is_named_exactly_one_way(tab: World, record: dict[str, Any]) -> None:
    codes = await _error_codes(tab, record)
    assert codes and set(codes) <= {"GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT"}, codes


async def test_the_sync_modules_switch_is_enforced(world: World) -> None:
    record = {"customerId": encode_id("Customer", world.globex.id)}
    # no integration at all: the CRM tab's modules are off
    assert await _error_codes(world, record) == ["SYNC_MODULES_OFF"]
    integration = await make_crm_tab(world.org, sync_modules=False)
    assert await _error_codes(world, record) == ["SYNC_MODULES_OFF"]
    integration.sync_modules = True
    integration.state = models.IntegrationState.DISABLED
    await integration.save()
    assert await _error_codes(world, record) == ["INTEGRATION_DISABLED"]
    integration.state = models.IntegrationState.CONNECTED
    await integration.save()
    assert (await _context(world, record))["customer"] == {"name": "Globex Corporation"}


async def test_potentials_and_customers_are_found_by_crm_id(tab: World) -> None:
    result = await execute(
        """query($deal: String!, $account: String!) {
             potentials(filter: {crmId: $deal}) { nodes { name } }
             customers(filter: {crmId: $account}) { nodes { name } }
             none: potentials(filter: {crmId: "0"}) { totalCount }
           }""",
        {"deal": tab.renewal.crm_id, "account": tab.globex.crm_id},
        viewer=viewer_for(tab.admin),
    )
    assert result.errors is None, result.errors
    assert result.data["potentials"]["nodes"] == [{"name": "Globex renewal"}]
    assert result.data["customers"]["nodes"] == [{"name": "Globex Corporation"}]
    assert result.data["none"]["totalCount"] == 0
