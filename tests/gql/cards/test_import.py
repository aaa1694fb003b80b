"""Cards and statement imports through GraphQL: CSV and OFX, duplicates, malformed files, undo."""

from __future__ import annotations

from typing import Any

import pytest

from gql.ids import encode_id
from orm import models
from tests.conftest import execute
from tests.factories import make_expense, viewer_for
from tests.gql.cards.conftest import (
    World,
    fixture,
    import_file,
    make_card,
    set_mapping,
)

CARD_CREATE = """
mutation($input: CardCreateInput!) {
  cardCreate(input: $input) {
    card { id kind name lastFour currency isActive holder { email } csvMapping { dateColumn } }
    errors { field code }
  }
}
"""
TRANSACTIONS = """
query($id: ID!) {
  card(id: $id) {
    transactions(first: 10) {
      totalCount
      nodes { postedDate amount { amount currency } description externalId status
              import { fileName } }
    }
    imports { nodes { fileName importedCount undoneAt } }
  }
}
"""
UNDO = """
mutation($input: CardImportUndoInput!) {
  cardImportUndo(input: $input) { statementImport { fileName undoneAt } errors { field code } }
}
"""


async def _transactions(card: models.Card, viewer: models.User) -> dict[str, Any]:
    result = await execute(TRANSACTIONS, {"id": encode_id("Card", card.id)},
                           viewer=viewer_for(viewer))  # fmt: skip
    assert result.errors is None
    assert result.data is not None
    card_data: dict[str, Any] = result.data["card"]
    return card_data


async def test_an_admin_creates_a_card_and_its_holder_imports_a_csv(world: World) -> None:
    # given
    created = await execute(
        CARD_CREATE,
        {"input": {"holderId": encode_id("User", world.alice.id), "kind": "CORPORATE",
                   "name": "Chase Ink", "lastFour": "4242", "currency": "usd"}},
        viewer=viewer_for(world.admin),
    )  # fmt: skip
    assert created.data is not None
    assert created.data["cardCreate"]["card"] | {"id": None} == {
        "id": None, "kind": "CORPORATE", "name": "Chase Ink", "lastFour": "4242",
        "currency": "USD", "isActive": True, "holder": {"email": "alice@acme.example"},
        "csvMapping": None,
    }  # fmt: skip
    card = await models.Card.get(holder_id=world.alice.id)
    # a CSV import needs the mapping first
    refused = await import_file(card, world.alice, fixture("chase_2026_01.csv"))
    assert refused["errors"][0]["code"] == "CSV_MAPPING_REQUIRED"
    await set_mapping(card)
    # when
    payload = await import_file(
        card, world.alice, fixture("chase_2026_01.csv"), file_name="jan.csv"
    )
    # then
    assert payload["errors"] == []
    assert payload["statementImport"] | {"id": None} == {
        "id": None, "fileName": "jan.csv", "format": "CSV", "rowCount": 4, "importedCount": 4,
        "duplicateCount": 0, "matchedCount": 0, "createdExpenseCount": 0,
        "importedBy": {"email": "alice@acme.example"},
    }  # fmt: skip
    listed = await _transactions(card, world.admin)
    assert listed["transactions"]["totalCount"] == 4
    assert listed["transactions"]["nodes"][0] == {
        "postedDate": "2026-01-20", "amount": {"amount": "-500.00", "currency": "USD"},
        "description": "AUTOMATIC PAYMENT - THANK YOU", "externalId": None,
        "status": "UNMATCHED", "import": {"fileName": "jan.csv"},
    }  # fmt: skip
    assert [n["amount"]["amount"] for n in listed["transactions"]["nodes"]] == [
        "-500.00",
        "189.00",
        "23.45",
        "425.60",
    ]


async def test_the_same_file_twice_imports_nothing_new(world: World) -> None:
    card = await make_card(world.alice)
    await set_mapping(card)
    first = await import_file(card, world.alice, fixture("chase_2026_01.csv"))
    assert first["importedCount"] == 4
    # when
    again = await import_file(card, world.admin, fixture("chase_2026_01.csv"))
    # then
    assert again == {
        "statementImport": None, "rowCount": 4, "importedCount": 0, "duplicateCount": 4,
        "notice": "All 4 transactions of this file were already imported; nothing new.",
        "errors": [],
    }  # fmt: skip
    assert await models.CardTransaction.all().count() == 4
    assert await models.StatementImport.all().count() == 1


async def test_duplicates_within_a_file_and_overlapping_files(world: World) -> None:
    card = await make_card(world.alice)
    await set_mapping(card)
    lines = fixture("chase_2026_01.csv").splitlines(keepends=True)
    doubled = b"".join([*lines[:3], lines[2]])  # header, Delta, Uber, Uber again
    first = await import_file(card, world.alice, doubled)
    assert (first["rowCount"], first["importedCount"], first["duplicateCount"]) == (3, 2, 1)
    overlapping = b"".join([lines[0], lines[2], lines[3]])  # Uber (old), Hilton (new)
    second = await import_file(card, world.alice, overlapping)
    assert (second["rowCount"], second["importedCount"], second["duplicateCount"]) == (2, 1, 1)
    assert second["notice"] == "1 transactions were already imported."
    descriptions = (
        await models.CardTransaction.all().order_by("id").values_list("description", flat=True)
    )
    assert descriptions == [
        "DELTA AIR LINES ATLANTA GA", "UBER *TRIP HELP.UBER.COM", "HILTON GARDEN INN BOSTON, MA"
    ]  # fmt: skip


async def test_ofx_dedupes_by_transaction_id(world: World) -> None:
    card = await make_card(world.alice)
    payload = await import_file(card, world.admin, fixture("amex_2026_01.ofx"), "OFX", "amex.ofx")
    assert (payload["importedCount"], payload["statementImport"]["format"]) == (3, "OFX")
    # the bank re-sends one transaction with a corrected description: same FITID, not new
    renamed = fixture("amex_2026_01.ofx").replace(b"MARRIOTT MARQUIS NYC\n", b"MARRIOTT NYC\n")
    again = await import_file(card, world.admin, renamed, "OFX")
    assert (again["importedCount"], again["duplicateCount"]) == (0, 3)
    rows = await models.CardTransaction.all().order_by("posted_date")
    assert [(r.external_id, r.amount_minor) for r in rows] == [
        ("320260080318877514", 6420), ("320260110291554031", 31200),
        ("320260250077120993", -4000),
    ]  # fmt: skip


HEADER = b"Transaction Date,Post Date,Description,Category,Type,Amount,Memo\n"
GOOD = b"01/12/2026,01/13/2026,DELTA AIR LINES,Travel,Sale,-425.60,\n"


@pytest.mark.parametrize(
    ("data", "file_format", "message"),
    [
        (b"", "CSV", "Line 1: the file is empty"),
        (b"Date,Amount\n01/13/2026,1\n", "CSV",
         "Line 1: missing column 'Post Date', 'Description'"),
        (HEADER + GOOD + b"01/12/2026,2026-01-14,UBER,Travel,Sale,-23.45,\n", "CSV",
         "Line 3: unparsable date '2026-01-14' (expected %m/%d/%Y)"),
        (HEADER + GOOD + GOOD.replace(b"-425.60", b"-4x5.60").replace(b"DELTA", b"KLM"), "CSV",
         "Line 3: unparsable amount: '-4x5.60' is not a decimal number"),
        (HEADER + GOOD + "01/12/2026,01/14/2026,CAFÉ,,Sale,-3.00,\n".encode("latin-1"), "CSV",
         "Line 3: the file is not UTF-8 text (byte 0xc9)"),
        (b"", "OFX", "Line 1: the file is empty"),
    ],
)  # fmt: skip
async def test_a_malformed_file_is_refused_and_nothing_is_imported(
    world: World, data: bytes, file_format: str, message: str
) -> None:
    card = await make_card(world.alice)
    await set_mapping(card)
    payload = await import_file(card, world.alice, data, file_format)
    assert payload["errors"] == [
        {"field": ["contentBase64"], "message": message, "code": "STATEMENT_INVALID"}
    ]
    assert (payload["statementImport"], payload["importedCount"]) == (None, 0)
    assert await models.CardTransaction.all().count() == 0
    assert await models.StatementImport.all().count() == 0


async def test_a_50_mb_file_is_refused_by_size_before_parsing(world: World) -> None:
    card = await make_card(world.alice)
    await set_mapping(card)
    line = b"01/12/2026,01/13/2026,DELTA AIR LINES,Travel,Sale,-425.60,\n"
    data = HEADER + line * (50 * 1024 * 1024 // len(line))
    assert len(data) >= 50 * 1024 * 1024 - len(line)
    payload = await import_file(card, world.alice, data)
    assert payload["errors"] == [
        {"field": ["contentBase64"], "message": "Statements may be at most 5 MiB.",
         "code": "FILE_TOO_LARGE"}
    ]  # fmt: skip
    assert await models.CardTransaction.all().count() == 0


async def test_undo_last_import_removes_exactly_what_it_added(world: World) -> None:
    card = await make_card(world.alice)
    await set_mapping(card)
    lines = fixture("chase_2026_01.csv").splitlines(keepends=True)
    await import_file(card, world.alice, b"".join(lines[:3]), file_name="first.csv")
    await import_file(card, world.alice, fixture("chase_2026_01.csv"), file_name="second.csv")
    assert await models.CardTransaction.all().count() == 4
    variables = {"input": {"cardId": encode_id("Card", card.id)}}
    # when
    undone = await execute(UNDO, variables, viewer=viewer_for(world.alice))
    # then
    assert undone.data is not None
    payload = undone.data["cardImportUndo"]
    assert (payload["statementImport"]["fileName"], payload["errors"]) == ("second.csv", [])
    assert payload["statementImport"]["undoneAt"] is not None
    left = await _transactions(card, world.alice)
    assert [n["description"] for n in left["transactions"]["nodes"]] == [
        "UBER *TRIP HELP.UBER.COM", "DELTA AIR LINES ATLANTA GA"
    ]  # fmt: skip
    # the undone file can be imported again
    again = await import_file(card, world.alice, fixture("chase_2026_01.csv"))
    assert again["importedCount"] == 2


async def test_undo_is_refused_when_a_transaction_was_used(world: World) -> None:
    card = await make_card(world.alice)
    await set_mapping(card)
    await import_file(card, world.alice, fixture("chase_2026_01.csv"))
    row = await models.CardTransaction.get(description="UBER *TRIP HELP.UBER.COM")
    expense = await make_expense(world.alice, world.travel, 2345, is_reimbursable=False)
    row.status, row.expense_id = models.CardTransactionStatus.MATCHED, expense.id
    await row.save()
    variables = {"input": {"cardId": encode_id("Card", card.id)}}
    refused = await execute(UNDO, variables, viewer=viewer_for(world.alice))
    assert refused.data is not None
    assert refused.data["cardImportUndo"] == {
        "statementImport": None, "errors": [{"field": ["cardId"], "code": "IMPORT_IN_USE"}]
    }  # fmt: skip
    assert await models.CardTransaction.all().count() == 4
    assert await models.StatementImport.filter(undone_at__isnull=True).count() == 1
    # nothing left to undo on a card without imports
    other = await make_card(world.bob)
    nothing = await execute(UNDO, {"input": {"cardId": encode_id("Card", other.id)}},
                            viewer=viewer_for(world.bob))  # fmt: skip
    assert nothing.data is not None
    assert nothing.data["cardImportUndo"]["errors"] == [{"field": ["cardId"], "code": "NOT_FOUND"}]


async def test_mapping_input_is_checked(world: World) -> None:
    card = await make_card(world.alice)
    result = await execute(
        "mutation($input: CardCsvMappingSetInput!) { cardCsvMappingSet(input: $input) "
        "{ card { id } errors { field code } } }",
        {"input": {"cardId": encode_id("Card", card.id), "dateColumn": "Date",
                   "descriptionColumn": "Text", "dateFormat": "%Q"}},
        viewer=viewer_for(world.alice),
    )  # fmt: skip
    assert result.data is not None
    assert result.data["cardCsvMappingSet"] == {
        "card": None,
        "errors": [{"field": ["amountColumn"], "code": "INVALID"},
                   {"field": ["dateFormat"], "code": "INVALID"}],
    }  # fmt: skip
