from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from gql.ids import encode_id
from orm import models
from tests.conftest import dotted, execute
from tests.factories import make_customer, make_potential, make_report, viewer_for
from tests.gql.expenses.conftest import World

EXPENSE_CREATE = """
mutation Create($input: ExpenseCreateInput!) {
  expenseCreate(input: $input) {
    expense {
      id date status merchant isReimbursable isBillable exchangeRate
      amount { amount currency } baseAmount { amount currency }
      category { name } user { email } customer { name } potential { name }
      report { number name status }
      attendees { user { email } contactPerson { lastName } }
    }
    errors { field message code }
  }
}
"""
EXPENSES_CREATE = """
mutation Bulk($input: ExpensesCreateInput!) {
  expensesCreate(input: $input) { expenses { id amount { amount } } errors { field code } }
}
"""


def expense_input(world: World, **overrides: Any) -> dict[str, Any]:
    return {
        "date": "2026-01-15",
        "categoryId": encode_id("Category", world.meals.id),
        "amount": "42.50",
        "merchant": "Luigi's",
    } | overrides


async def test_an_expense_with_customer_potential_and_attendees(world: World) -> None:
    # when
    result = await execute(
        EXPENSE_CREATE,
        {"input": {"expense": expense_input(
            world, potentialId=encode_id("Potential", world.renewal.id), isBillable=True,
            attendeeUserIds=[encode_id("User", world.bob.id)],
            attendeeContactPersonIds=[encode_id("ContactPerson", world.hank.id)],
        )}},
        viewer=viewer_for(world.alice),
    )  # fmt: skip
    # then
    payload = result.data["expenseCreate"]
    assert payload["errors"] == []
    expense = payload["expense"]
    assert expense["amount"] == {"amount": "42.50", "currency": "USD"}
    assert expense["baseAmount"] == {"amount": "42.50", "currency": "USD"}
    assert expense["status"] == "UNREPORTED"
    assert expense["customer"] == {"name": "Globex Corporation"}  # taken from the potential
    assert expense["potential"] == {"name": "Globex renewal"}
    assert expense["user"] == {"email": "alice@acme.example"}
    assert {a["user"]["email"] if a["user"] else a["contactPerson"]["lastName"]
            for a in expense["attendees"]} == {"bob@acme.example", "Scorpio"}  # fmt: skip
    stored = await models.Expense.get(user=world.alice)
    assert (stored.amount_minor, stored.base_amount_minor, stored.is_billable) == (4250, 4250, True)


async def test_a_foreign_expense_is_converted_exactly(world: World) -> None:
    result = await execute(
        EXPENSE_CREATE,
        {
            "input": {
                "expense": expense_input(
                    world, amount="1000", currency="JPY", exchangeRate="0.0066667"
                )
            }
        },
        viewer=viewer_for(world.alice),
    )
    expense = result.data["expenseCreate"]["expense"]
    assert expense["amount"] == {"amount": "1000", "currency": "JPY"}
    assert expense["exchangeRate"] == "0.0066667"
    assert expense["baseAmount"] == {"amount": "6.67", "currency": "USD"}  # 6.6667 rounded half up


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"amount": "-5"}, "amount", "INVALID_AMOUNT"),
        ({"amount": "0"}, "amount", "INVALID_AMOUNT"),
        ({"amount": "99999999999999"}, "amount", "INVALID_AMOUNT"),
        ({"amount": "1.005"}, "amount", "INVALID_AMOUNT"),
        ({"currency": "XYZ"}, "currency", "INVALID_CURRENCY"),
        ({"currency": "EUR"}, "exchangeRate", "EXCHANGE_RATE_REQUIRED"),
        ({"currency": "EUR", "exchangeRate": "-1"}, "exchangeRate", "INVALID_AMOUNT"),
        ({"exchangeRate": "2"}, "exchangeRate", "INVALID_AMOUNT"),
        ({"date": (date.today() + timedelta(days=2)).isoformat()}, "date", "DATE_IN_FUTURE"),
        ({"categoryId": "bad"}, "categoryId", "NOT_FOUND"),
        ({"merchant": "m" * 201}, "merchant", "TOO_LONG"),
    ],
)
async def test_bad_expense_input_writes_nothing(
    world: World, overrides: dict[str, str], field: str, code: str
) -> None:
    result = await execute(
        EXPENSE_CREATE,
        {"input": {"expense": expense_input(world, **overrides)}},
        viewer=viewer_for(world.alice),
    )
    payload = result.data["expenseCreate"]
    assert payload["expense"] is None
    assert (field, code) in {(dotted(e["field"]), e["code"]) for e in payload["errors"]}
    assert await models.Expense.all().count() == 0


async def test_customer_and_potential_rules(world: World) -> None:
    other = await make_customer(world.org, "Initech")
    other_deal = await make_potential(world.org, other, "Initech deal")
    sleeping = await make_customer(world.org, "Sleepy Ltd", status=models.CustomerStatus.INACTIVE)
    closed_deal = await make_potential(world.org, world.globex, "Old deal", is_active=False)
    await world.meals.fetch_related()
    cases = [
        ({"customerId": encode_id("Customer", world.globex.id),
          "potentialId": encode_id("Potential", other_deal.id)}, "potentialId", "POTENTIAL_NOT_OF_CUSTOMER"),
        ({"customerId": encode_id("Customer", sleeping.id)}, "customerId", "CUSTOMER_INACTIVE"),
        ({"potentialId": encode_id("Potential", closed_deal.id)}, "potentialId", "POTENTIAL_NOT_ALLOWED"),
        ({"attendeeContactPersonIds": [encode_id("ContactPerson", world.hank.id)]},
         "attendeeContactPersonIds", "INVALID"),
    ]  # fmt: skip
    for overrides, field, code in cases:
        result = await execute(
            EXPENSE_CREATE,
            {"input": {"expense": expense_input(world, **overrides)}},
            viewer=viewer_for(world.alice),
        )
        assert (field, code) in {
            (dotted(e["field"]), e["code"]) for e in result.data["expenseCreate"]["errors"]
        }
    disabled = await models.Category.create(org=world.org, name="Old", is_enabled=False)
    result = await execute(
        EXPENSE_CREATE,
        {"input": {"expense": expense_input(world, categoryId=encode_id("Category", disabled.id))}},
        viewer=viewer_for(world.alice),
    )
    assert result.data["expenseCreate"]["errors"][0]["code"] == "CATEGORY_DISABLED"
    assert await models.Expense.all().count() == 0


async def test_potential_scope_own_limits_potentials_to_the_users_deals(world: World) -> None:
    world.org.potential_scope = models.PotentialScope.OWN
    await world.org.save()
    variables = {
        "input": {
            "expense": expense_input(world, potentialId=encode_id("Potential", world.renewal.id))
        }
    }
    refused = await execute(EXPENSE_CREATE, variables, viewer=viewer_for(world.bob))
    assert refused.data["expenseCreate"]["errors"][0]["code"] == "POTENTIAL_NOT_ALLOWED"
    allowed = await execute(EXPENSE_CREATE, variables, viewer=viewer_for(world.alice))
    assert allowed.data["expenseCreate"]["errors"] == []
    listed = await execute("{ potentials { nodes { name } } }", viewer=viewer_for(world.bob))
    assert listed.data["potentials"]["nodes"] == []


async def test_create_into_a_new_report_or_an_existing_one(world: World) -> None:
    new = await execute(
        EXPENSE_CREATE,
        {"input": {"expense": expense_input(world), "newReport": {
            "name": "Globex visit", "startDate": "2026-01-10", "endDate": "2026-01-20"}}},
        viewer=viewer_for(world.alice),
    )  # fmt: skip
    report = new.data["expenseCreate"]["expense"]["report"]
    assert report == {"number": "ER-00001", "name": "Globex visit", "status": "DRAFT"}
    assert new.data["expenseCreate"]["expense"]["status"] == "UNSUBMITTED"
    stored = await models.Report.get(number="ER-00001")
    again = await execute(
        EXPENSE_CREATE,
        {"input": {"expense": expense_input(world), "reportId": encode_id("Report", stored.id)}},
        viewer=viewer_for(world.alice),
    )
    assert again.data["expenseCreate"]["expense"]["report"]["number"] == "ER-00001"
    # someone else's report, or a submitted one, is refused
    bobs = await execute(
        EXPENSE_CREATE,
        {"input": {"expense": expense_input(world), "reportId": encode_id("Report", stored.id)}},
        viewer=viewer_for(world.bob),
    )
    assert bobs.data["expenseCreate"]["errors"][0]["code"] == "NOT_FOUND"
    submitted = await make_report(world.alice, status=models.ReportStatus.SUBMITTED)
    locked = await execute(
        EXPENSE_CREATE,
        {"input": {"expense": expense_input(world), "reportId": encode_id("Report", submitted.id)}},
        viewer=viewer_for(world.alice),
    )
    assert locked.data["expenseCreate"]["errors"][0]["code"] == "REPORT_NOT_EDITABLE"
    bad_report = await execute(
        EXPENSE_CREATE,
        {"input": {"expense": expense_input(world), "newReport": {
            "name": "", "startDate": "2026-01-20", "endDate": "2026-01-10"}}},
        viewer=viewer_for(world.alice),
    )  # fmt: skip
    codes = {(dotted(e["field"]), e["code"]) for e in bad_report.data["expenseCreate"]["errors"]}
    assert codes == {("newReport.name", "REQUIRED"), ("newReport.endDate", "INVALID_DATE_RANGE")}
    assert await models.Expense.filter(user=world.alice).count() == 2
    assert await models.Report.filter(user=world.alice).count() == 2


async def test_bulk_add_is_all_or_nothing_with_errors_per_row(world: World) -> None:
    rows = [expense_input(world, amount=f"{i + 1}.00") for i in range(5)]
    rows[3] = expense_input(world, amount="-1")
    refused = await execute(
        EXPENSES_CREATE, {"input": {"expenses": rows}}, viewer=viewer_for(world.alice)
    )
    payload = refused.data["expensesCreate"]
    assert payload["expenses"] == []
    assert payload["errors"] == [{"field": ["expenses", "3", "amount"], "code": "INVALID_AMOUNT"}]
    assert await models.Expense.all().count() == 0

    rows[3] = expense_input(world, amount="4.00")
    accepted = await execute(
        EXPENSES_CREATE, {"input": {"expenses": rows}}, viewer=viewer_for(world.alice)
    )
    assert [e["amount"]["amount"] for e in accepted.data["expensesCreate"]["expenses"]] == [
        "1.00", "2.00", "3.00", "4.00", "5.00"
    ]  # fmt: skip
    too_many = await execute(
        EXPENSES_CREATE,
        {"input": {"expenses": [expense_input(world)] * 101}},
        viewer=viewer_for(world.alice),
    )
    assert too_many.data["expensesCreate"]["errors"][0]["code"] == "TOO_MANY_ITEMS"
    assert await models.Expense.all().count() == 5


async def test_field_is_the_same_path_in_single_and_bulk_mutations(world: World) -> None:
    single = await execute(
        EXPENSE_CREATE,
        {"input": {"expense": expense_input(world, amount="-1")}},
        viewer=viewer_for(world.alice),
    )
    assert [(e["field"], e["code"]) for e in single.data["expenseCreate"]["errors"]] == [
        (["amount"], "INVALID_AMOUNT")
    ]
    bulk = await execute(
        EXPENSES_CREATE,
        {"input": {"expenses": [expense_input(world), expense_input(world, amount="-1")],
                   "newReport": {"name": "", "startDate": "2026-01-01", "endDate": "2026-01-31"}}},
        viewer=viewer_for(world.alice),
    )  # fmt: skip
    fields = {(tuple(e["field"]), e["code"]) for e in bulk.data["expensesCreate"]["errors"]}
    assert fields == {
        (("expenses", "1", "amount"), "INVALID_AMOUNT"), (("newReport", "name"), "REQUIRED"),
    }  # fmt: skip
    # the web pages name the same path the dotted way, as their form fields
    assert {dotted(e["field"]) for e in bulk.data["expensesCreate"]["errors"]} == {
        "expenses.1.amount", "newReport.name",
    }  # fmt: skip
