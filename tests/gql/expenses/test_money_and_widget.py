from __future__ import annotations

import random
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from tortoise.functions import Sum

from gql.ids import encode_id
from orm import models
from orm.money import CURRENCY_EXPONENTS
from resolvers.expenses.queries import totals_of
from tests.conftest import QueryCounter, execute
from tests.factories import make_crm_tab, make_expense, make_report, viewer_for
from tests.gql.expenses.conftest import World

RATES = {
    "USD": Decimal(1),
    "EUR": Decimal("1.0834"),
    "JPY": Decimal("0.0066667"),
    "BHD": Decimal("2.6596"),
}


async def test_a_thousand_random_amounts_sum_exactly_in_sql(world: World) -> None:
    rng = random.Random(20261126)
    expected_base = 0
    expected_by_currency: dict[str, int] = dict.fromkeys(RATES, 0)
    rows = []
    for _ in range(1000):
        currency = rng.choice(list(RATES))
        minor = rng.randint(1, 10**10)
        shift = CURRENCY_EXPONENTS["USD"] - CURRENCY_EXPONENTS[currency]
        base = int(
            (Decimal(minor) * RATES[currency]).scaleb(shift).quantize(Decimal(1), ROUND_HALF_UP)
        )
        expected_base += base
        expected_by_currency[currency] += minor
        rows.append(models.Expense(
            org_id=world.org.id, user_id=world.alice.id, category_id=world.meals.id, date=date(2026, 1, 2),
            amount_minor=minor, currency=currency, exchange_rate=RATES[currency], base_amount_minor=base,
            is_reimbursable=rng.random() < 0.5,
        ))  # fmt: skip
    await models.Expense.bulk_create(rows, batch_size=200)

    totals = await totals_of(models.Expense.filter(org_id=world.org.id))
    assert totals.count == 1000
    assert totals.total == expected_base
    assert totals.reimbursable == sum(r.base_amount_minor for r in rows if r.is_reimbursable)
    grouped = await (
        models.Expense.filter(org_id=world.org.id).annotate(s=Sum("amount_minor")).group_by("currency")
        .values("currency", "s")
    )  # fmt: skip
    assert {g["currency"]: int(g["s"]) for g in grouped} == expected_by_currency
    # and through the API, as a decimal string in the base currency
    await make_crm_tab(world.org)
    result = await execute(
        "query($p: ID!) { recordContext(record: {customerId: $p}) { totals { total { amount } } } }",
        {"p": encode_id("Customer", world.globex.id)},
        viewer=viewer_for(world.admin),
    )
    assert result.data["recordContext"]["totals"]["total"]["amount"] == "0.00"
    await models.Expense.filter(org_id=world.org.id).update(customer_id=world.globex.id)
    result = await execute(
        "query($p: ID!) { recordContext(record: {customerId: $p}) { totals { total { amount } } } }",
        {"p": encode_id("Customer", world.globex.id)},
        viewer=viewer_for(world.admin),
    )
    assert result.data["recordContext"]["totals"]["total"]["amount"] == str(
        Decimal(expected_base).scaleb(-2)
    )


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


async def _widget_statements(world: World, expenses: int, counter: QueryCounter) -> int:
    await models.Expense.all().delete()
    report = await make_report(world.alice, potential=world.renewal, approver=world.approver)
    other_report = await make_report(world.bob, potential=world.renewal)
    for index in range(expenses):
        owner, where = (world.alice, report) if index % 2 else (world.bob, other_report)
        category = world.meals if index % 3 else world.travel
        expense = await make_expense(
            owner, category, 1000 + index, potential=world.renewal, report=where
        )
        await models.Receipt.create(org=world.org, user=owner, expense=expense, file_name=f"r{index}.pdf",
                                    content_type="application/pdf", size=10, sha256=f"{index:064x}")  # fmt: skip
    counter.statements.clear()
    result = await execute(WIDGET, {"crmId": world.renewal.crm_id}, viewer=viewer_for(world.admin))
    assert result.errors is None, result.errors
    context = result.data["recordContext"]
    assert context["potential"]["customer"]["name"] == "Globex Corporation"
    assert context["totals"]["expenseCount"] == expenses
    assert len(context["expenses"]["nodes"]) == min(expenses, 100)
    assert all(len(node["receipts"]) == 1 for node in context["expenses"]["nodes"])
    return len(counter)


async def test_the_widget_query_costs_the_same_statements_for_20_and_500_expenses(
    world: World, count_queries: QueryCounter
) -> None:
    await make_crm_tab(world.org)
    small = await _widget_statements(world, 20, count_queries)
    large = await _widget_statements(world, 500, count_queries)
    assert small == large
    assert small <= 14
