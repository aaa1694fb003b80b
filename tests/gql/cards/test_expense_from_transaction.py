"""cardTransactionExpenseCreate: the holder turns an unmatched charge into an expense matched to
it, in one transaction; anything refused writes nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

from gql.ids import encode_id
from orm import models
from tests.conftest import dotted, execute
from tests.factories import make_category, make_potential, viewer_for
from tests.gql.cards.conftest import World, import_file, make_card, set_mapping

CREATE = """
mutation($input: CardTransactionExpenseCreateInput!) {
  cardTransactionExpenseCreate(input: $input) {
    transaction {
      status createdExpense
      expense {
        date merchant description reference isReimbursable isBillable
        amount { amount currency } category { name } customer { name } potential { name }
      }
    }
    errors { field code message }
  }
}
"""
HEADER = b"Transaction Date,Post Date,Description,Category,Type,Amount,Memo\n"


async def _transactions(
    world: World, kind: models.CardKind = models.CardKind.CORPORATE
) -> dict[str, models.CardTransaction]:
    card = await make_card(world.alice, kind=kind)
    await set_mapping(card)
    data = HEADER + (
        b"01/14/2026,01/14/2026,HOTEL ADLON,,Sale,-212.40,\n"
        b"01/15/2026,01/15/2026,REFUND,,Return,15.00,\n"
    )
    await import_file(card, world.alice, data)
    return {row.description: row for row in await models.CardTransaction.all()}


async def _create(user: models.User, **values: Any) -> dict[str, Any]:
    result = await execute(CREATE, {"input": values}, viewer=viewer_for(user))
    assert result.errors is None, result.errors
    assert result.data is not None
    payload: dict[str, Any] = result.data["cardTransactionExpenseCreate"]
    return payload


async def test_the_holder_creates_an_expense_matched_to_the_charge(world: World) -> None:
    rows = await _transactions(world)
    renewal = await make_potential(world.org, world.globex, name="Globex renewal")
    # when
    payload = await _create(
        world.alice, id=encode_id("CardTransaction", rows["HOTEL ADLON"].id),
        categoryId=encode_id("Category", world.travel.id), description="Client visit",
        isBillable=True, customerId=encode_id("Customer", world.globex.id),
        potentialId=encode_id("Potential", renewal.id),
    )  # fmt: skip
    # then
    assert payload["errors"] == []
    transaction = payload["transaction"]
    assert transaction["status"] == "MATCHED"
    assert transaction["createdExpense"] is False
    assert transaction["expense"] == {
        "date": "2026-01-14", "merchant": "HOTEL ADLON", "description": "Client visit",
        "reference": "", "isReimbursable": False, "isBillable": True,
        "amount": {"amount": "212.40", "currency": "USD"}, "category": {"name": "Travel"},
        "customer": {"name": "Globex Corporation"}, "potential": {"name": "Globex renewal"},
    }  # fmt: skip
    stored = await models.CardTransaction.get(id=rows["HOTEL ADLON"].id)
    expense = await models.Expense.get(id=stored.expense_id)
    assert (expense.user_id, expense.amount_minor) == (world.alice.id, 21240)


async def test_a_personal_card_expense_is_reimbursable_by_default(world: World) -> None:
    rows = await _transactions(world, models.CardKind.PERSONAL)
    payload = await _create(
        world.alice, id=encode_id("CardTransaction", rows["HOTEL ADLON"].id),
        categoryId=encode_id("Category", world.travel.id),
    )  # fmt: skip
    assert payload["errors"] == []
    assert payload["transaction"]["expense"]["isReimbursable"] is True


async def test_refusals_write_nothing(world: World) -> None:
    rows = await _transactions(world)
    charge = encode_id("CardTransaction", rows["HOTEL ADLON"].id)
    travel = encode_id("Category", world.travel.id)
    disabled = await make_category(world.org, "Old", is_enabled=False)
    other_customer = await models.Customer.create(org=world.org, name="Initech",
                                                  type=models.CustomerType.BUSINESS)  # fmt: skip
    renewal = await make_potential(world.org, world.globex)
    cases = [
        ({"id": charge, "categoryId": encode_id("Category", disabled.id)},
         ("categoryId", "CATEGORY_DISABLED")),
        ({"id": charge, "categoryId": travel, "isReimbursable": True},
         ("isReimbursable", "CARD_EXPENSE_NOT_REIMBURSABLE")),
        ({"id": charge, "categoryId": travel,
          "customerId": encode_id("Customer", other_customer.id),
          "potentialId": encode_id("Potential", renewal.id)},
         ("potentialId", "POTENTIAL_NOT_OF_CUSTOMER")),
        ({"id": encode_id("CardTransaction", rows["REFUND"].id), "categoryId": travel},
         ("id", "INVALID_AMOUNT")),
        ({"id": encode_id("CardTransaction", 999999), "categoryId": travel},
         ("id", "NOT_FOUND")),
    ]  # fmt: skip
    for values, expected in cases:
        payload = await _create(world.alice, **values)
        assert [(dotted(e["field"]), e["code"]) for e in payload["errors"]] == [expected], values
        assert payload["transaction"] is None
    # Bob and the admin may not act on Alice's transaction
    payload = await _create(world.bob, id=charge, categoryId=travel)
    assert [(dotted(e["field"]), e["code"]) for e in payload["errors"]] == [("id", "NOT_FOUND")]
    payload = await _create(world.admin, id=charge, categoryId=travel)
    assert [(dotted(e["field"]), e["code"]) for e in payload["errors"]] == [("id", "NOT_PERMITTED")]
    assert await models.Expense.all().count() == 0
    statuses = set(await models.CardTransaction.all().values_list("status", flat=True))
    assert statuses == {models.CardTransactionStatus.UNMATCHED}


async def test_a_matched_transaction_is_refused(world: World) -> None:
    rows = await _transactions(world)
    charge = encode_id("CardTransaction", rows["HOTEL ADLON"].id)
    travel = encode_id("Category", world.travel.id)
    assert (await _create(world.alice, id=charge, categoryId=travel))["errors"] == []
    payload = await _create(world.alice, id=charge, categoryId=travel)
    assert [(dotted(e["field"]), e["code"]) for e in payload["errors"]] == [
        ("id", "INVALID_TRANSITION")
    ]
    assert await models.Expense.all().count() == 1
    assert rows["HOTEL ADLON"].posted_date == date(2026, 1, 14)
