"""A card's transaction list costs the same number of statements for 3 rows or 40."""

from __future__ import annotations

from datetime import date, timedelta

from gql.ids import encode_id
from orm import models
from tests.conftest import QueryCounter, execute
from tests.factories import make_expense, viewer_for
from tests.gql.cards.conftest import World, make_card

TRANSACTIONS = """
query($id: ID!) {
  card(id: $id) {
    transactions(first: 100) {
      nodes { amount { amount } card { lastFour holder { email } }
              expense { merchant category { name } } import { fileName } }
    }
  }
}
"""


async def _add(world: World, card: models.Card, start: int, stop: int) -> None:
    statement = await models.StatementImport.create(
        org=world.org, card=card, imported_by=world.admin, file_name=f"f{start}.csv",
        format=models.StatementFormat.CSV,
    )  # fmt: skip
    for index in range(start, stop):
        expense = await make_expense(world.alice, world.travel, 100 + index, is_reimbursable=False)
        await models.CardTransaction.create(
            org=world.org, card=card, statement_import=statement, expense=expense,
            posted_date=date(2026, 1, 1) + timedelta(days=index), amount_minor=100 + index,
            currency="USD", description=f"row {index}", dedupe_key=f"k{index}",
            status=models.CardTransactionStatus.MATCHED,
        )  # fmt: skip


async def test_transactions_list_has_no_n_plus_one(
    world: World, count_queries: QueryCounter
) -> None:
    card = await make_card(world.alice)
    await _add(world, card, 0, 3)

    async def statements() -> int:
        count_queries.statements.clear()
        result = await execute(TRANSACTIONS, {"id": encode_id("Card", card.id)},
                               viewer=viewer_for(world.alice))  # fmt: skip
        assert result.errors is None
        return len(count_queries)

    small = await statements()
    await _add(world, card, 3, 40)
    assert await statements() == small
