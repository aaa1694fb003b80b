"""The expense world plus helpers to make cards and import statements through GraphQL."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from gql.ids import encode_id
from orm import models
from tests.conftest import execute
from tests.factories import viewer_for
from tests.gql.expenses.conftest import World, world

__all__ = ["World", "world"]

FIXTURES = Path(__file__).parents[2] / "fixtures" / "cards"

IMPORT = """
mutation Import($input: CardStatementImportInput!) {
  cardStatementImport(input: $input) {
    statementImport { id fileName format rowCount importedCount duplicateCount matchedCount
                      createdExpenseCount importedBy { email } }
    rowCount importedCount duplicateCount notice
    errors { field message code }
  }
}
"""
CHASE_MAPPING = {
    "dateColumn": "Post Date", "descriptionColumn": "Description", "amountColumn": "Amount",
    "dateFormat": "%m/%d/%Y", "chargesNegative": True,
}  # fmt: skip


async def make_card(
    holder: models.User, kind: models.CardKind = models.CardKind.CORPORATE, currency: str = "USD"
) -> models.Card:
    return await models.Card.create(
        org_id=holder.org_id, holder=holder, kind=kind, name="Amex Corporate", last_four="8431",
        currency=currency, csv_mapping=None,
    )  # fmt: skip


async def set_mapping(card: models.Card, mapping: dict[str, Any] = CHASE_MAPPING) -> None:
    holder = await models.User.get(id=card.holder_id)
    result = await execute(
        "mutation($input: CardCsvMappingSetInput!) { cardCsvMappingSet(input: $input) "
        "{ card { csvMapping { dateColumn } } errors { field code } } }",
        {"input": {"cardId": encode_id("Card", card.id)} | mapping},
        viewer=viewer_for(holder),
    )
    assert result.data is not None
    assert result.data["cardCsvMappingSet"]["errors"] == []


async def import_file(
    card: models.Card,
    viewer: models.User,
    data: bytes,
    file_format: str = "CSV",
    file_name: str = "statement.csv",
) -> dict[str, Any]:
    result = await execute(
        IMPORT,
        {"input": {"cardId": encode_id("Card", card.id), "format": file_format,
                   "fileName": file_name, "contentBase64": base64.b64encode(data).decode()}},
        viewer=viewer_for(viewer),
    )  # fmt: skip
    assert result.errors is None, result.errors
    assert result.data is not None
    payload: dict[str, Any] = result.data["cardStatementImport"]
    return payload


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()
