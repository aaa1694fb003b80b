"""Admin-only configuration refused to a SUBMITTER; nothing of one organisation reaches another."""

from __future__ import annotations

from typing import Any

import pytest

from gql.ids import encode_id
from orm import models
from tests.conftest import execute
from tests.factories import make_category, make_org, make_user, viewer_for
from tests.gql.cards.conftest import World, fixture, import_file, make_card, set_mapping

ADMIN_MUTATIONS = [
    ("mutation($input: CardCreateInput!) { cardCreate(input: $input) { errors { code } } }",
     lambda w, card: {"holderId": encode_id("User", w.alice.id), "kind": "CORPORATE",
                      "name": "Mine", "lastFour": "1234", "currency": "USD"}),
    ("mutation($input: CardUpdateInput!) { cardUpdate(input: $input) { errors { code } } }",
     lambda w, card: {"id": encode_id("Card", card.id), "isActive": False,
                      "holderId": encode_id("User", w.bob.id)}),
    ("mutation($input: CardSettingsUpdateInput!) { cardSettingsUpdate(input: $input) "
     "{ errors { code } } }",
     lambda w, card: {"autoMatch": True, "autoCreate": False}),
]  # fmt: skip


@pytest.mark.parametrize(("document", "variables"), ADMIN_MUTATIONS)
@pytest.mark.parametrize("who", ["alice", "approver"])
async def test_configuration_is_admin_only(
    world: World, document: str, variables: Any, who: str
) -> None:
    card = await make_card(world.alice)
    result = await execute(document, {"input": variables(world, card)},
                           viewer=viewer_for(getattr(world, who)))  # fmt: skip
    assert result.errors is not None
    assert result.errors[0].extensions == {"code": "FORBIDDEN"}
    await card.refresh_from_db()
    assert (card.is_active, card.holder_id) == (True, world.alice.id)
    assert await models.Card.all().count() == 1
    assert not await models.CardSettings.exists()
    # and an admin may
    allowed = await execute(document, {"input": variables(world, card)},
                            viewer=viewer_for(world.admin))  # fmt: skip
    assert allowed.errors is None
    assert allowed.data is not None
    assert next(iter(allowed.data.values()))["errors"] == []


async def test_card_update_checks_its_input(world: World) -> None:
    card = await make_card(world.alice)
    await set_mapping(card)
    await import_file(card, world.alice, fixture("chase_2026_01.csv"))
    result = await execute(
        "mutation($input: CardUpdateInput!) { cardUpdate(input: $input) "
        "{ card { name } errors { field code } } }",
        {"input": {"id": encode_id("Card", card.id), "lastFour": "12a4", "currency": "EUR",
                   "name": " "}},
        viewer=viewer_for(world.admin),
    )  # fmt: skip
    assert result.data == {"cardUpdate": {"card": None, "errors": [
        {"field": ["name"], "code": "REQUIRED"}, {"field": ["lastFour"], "code": "INVALID"},
        {"field": ["currency"], "code": "CURRENCY_MISMATCH"},
    ]}}  # fmt: skip
    # an inactive card takes no imports
    await models.Card.filter(id=card.id).update(is_active=False)
    refused = await import_file(card, world.alice, fixture("chase_2026_01.csv"))
    assert refused["errors"] == [
        {"field": ["cardId"], "message": "The card is inactive.", "code": "CARD_INACTIVE"}
    ]


CARDS = "{ cards { totalCount nodes { lastFour holder { email } } } }"


async def test_who_sees_which_cards(world: World) -> None:
    await make_card(world.alice)
    bobs = await models.Card.create(org=world.org, holder=world.bob, kind=models.CardKind.PERSONAL,
                                    name="Bob's Visa", last_four="1111", currency="USD")  # fmt: skip
    seen_by_admin = await execute(CARDS, viewer=viewer_for(world.admin))
    assert seen_by_admin.data is not None
    assert seen_by_admin.data["cards"]["totalCount"] == 2
    seen_by_alice = await execute(CARDS, viewer=viewer_for(world.alice))
    assert seen_by_alice.data == {"cards": {"totalCount": 1, "nodes": [
        {"lastFour": "8431", "holder": {"email": "alice@acme.example"}}]}}  # fmt: skip
    # alice cannot import into, map or undo bob's card
    refused = await import_file(bobs, world.alice, fixture("amex_2026_01.ofx"), "OFX")
    assert refused["errors"][0]["code"] == "NOT_FOUND"
    assert await models.CardTransaction.all().count() == 0


async def test_tenant_isolation(world: World) -> None:
    card = await make_card(world.alice)
    await set_mapping(card)
    await import_file(card, world.alice, fixture("chase_2026_01.csv"))
    row = await models.CardTransaction.first()
    assert row is not None
    other = await make_org(name="Initech")
    intruder = await make_user(other, email="admin@initech.example", role=models.UserRole.ADMIN)
    mallory = await make_user(other, email="mallory@initech.example")
    mallory_card = await make_card(mallory)
    their_expense = await models.Expense.create(
        org=other, user=mallory, category=await make_category(other, "Travel"), amount_minor=2345,
        currency="USD", base_amount_minor=2345, date=row.posted_date, is_reimbursable=False,
    )  # fmt: skip
    # nothing of acme is listed or found
    listed = await execute(CARDS, viewer=viewer_for(intruder))
    assert listed.data == {"cards": {"totalCount": 1, "nodes": [
        {"lastFour": "8431", "holder": {"email": "mallory@initech.example"}}]}}  # fmt: skip
    found = await execute(
        "query($c: ID!, $t: ID!) { card(id: $c) { id } cardTransaction(id: $t) { id } }",
        {"c": encode_id("Card", card.id), "t": encode_id("CardTransaction", row.id)},
        viewer=viewer_for(intruder),
    )
    assert found.data == {"card": None, "cardTransaction": None}
    # nor imported into, undone, mapped, updated or matched
    refused = await import_file(card, intruder, fixture("chase_2026_01.csv"))
    assert refused["errors"][0]["code"] == "NOT_FOUND"
    for document, variables in [
        ("mutation($input: CardImportUndoInput!) { cardImportUndo(input: $input) "
         "{ errors { code } } }", {"cardId": encode_id("Card", card.id)}),
        ("mutation($input: CardUpdateInput!) { cardUpdate(input: $input) { errors { code } } }",
         {"id": encode_id("Card", card.id), "isActive": False}),
        ("mutation($input: CardCsvMappingSetInput!) { cardCsvMappingSet(input: $input) "
         "{ errors { code } } }",
         {"cardId": encode_id("Card", card.id), "dateColumn": "D", "descriptionColumn": "T",
          "amountColumn": "A"}),
        ("mutation($input: CardTransactionMatchInput!) { cardTransactionMatch(input: $input) "
         "{ errors { code } } }",
         {"id": encode_id("CardTransaction", row.id),
          "expenseId": encode_id("Expense", their_expense.id)}),
    ]:  # fmt: skip
        result = await execute(document, {"input": variables}, viewer=viewer_for(intruder))
        assert result.data is not None
        assert next(iter(result.data.values()))["errors"] == [{"code": "NOT_FOUND"}], document
    # an admin cannot hand a card to another organisation's user
    moved = await execute(
        "mutation($input: CardUpdateInput!) { cardUpdate(input: $input) { errors { field code } } }",
        {"input": {"id": encode_id("Card", card.id), "holderId": encode_id("User", mallory.id)}},
        viewer=viewer_for(world.admin),
    )
    assert moved.data == {"cardUpdate": {"errors": [{"field": ["holderId"], "code": "NOT_FOUND"}]}}
    await card.refresh_from_db()
    await row.refresh_from_db()
    assert (card.is_active, card.holder_id, row.status) == (
        True, world.alice.id, models.CardTransactionStatus.UNMATCHED,
    )  # fmt: skip
    assert mallory_card.org_id == other.id
