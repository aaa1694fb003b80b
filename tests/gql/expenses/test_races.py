"""Concurrent claims of one inbox receipt and concurrent uploads of the same bytes, with real
concurrency (on PostgreSQL separate connections; on SQLite interleaved coroutines)."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

from gql.ids import encode_id
from orm import models
from resolvers.receipts.service import ReceiptSettings, upload_receipt
from resolvers.receipts.storage import LocalDirectoryStorage
from tests.conftest import execute
from tests.factories import viewer_for
from tests.gql.expenses.conftest import World

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200
CREATE = """
mutation($input: ExpenseCreateInput!) {
  expenseCreate(input: $input) { expense { id } errors { field code } }
}
"""
UPDATE = """
mutation($input: ExpenseUpdateInput!) {
  expenseUpdate(input: $input) { expense { id } errors { field code } }
}
"""


def _settings(tmp_path: Path) -> ReceiptSettings:
    return ReceiptSettings(storage=LocalDirectoryStorage(tmp_path / "receipts"))


async def test_one_of_ten_concurrent_claimants_of_an_inbox_receipt_wins(
    world: World, tmp_path: Path
) -> None:
    uploaded = await upload_receipt(
        viewer_for(world.alice), _settings(tmp_path), file_name="lunch.png",
        declared_type="image/png", data=PNG,
    )  # fmt: skip
    assert uploaded.value is not None
    receipt_id = encode_id("Receipt", uploaded.value.id)

    def expense(n: int) -> dict[str, object]:
        return {
            "date": date(2026, 11, 2).isoformat(), "categoryId": encode_id("Category", world.meals.id),
            "amount": f"{10 + n}.00", "merchant": f"Claimant {n}", "receiptIds": [receipt_id],
        }  # fmt: skip

    results = await asyncio.gather(
        *(
            execute(CREATE, {"input": {"expense": expense(n)}}, viewer=viewer_for(world.alice))
            for n in range(10)
        )
    )
    payloads = [r.data["expenseCreate"] for r in results]
    winners = [p for p in payloads if p["errors"] == []]
    losers = [p for p in payloads if p["errors"]]
    assert len(winners) == 1
    assert len(losers) == 9
    assert all(
        p["errors"] == [{"field": ["receiptIds"], "code": "RECEIPT_IN_USE"}]
        and p["expense"] is None
        for p in losers
    )
    receipt = await models.Receipt.get(id=uploaded.value.id)
    assert encode_id("Expense", receipt.expense_id) == winners[0]["expense"]["id"]
    assert await models.Expense.filter(org=world.org).count() == 1  # the losers wrote nothing


async def test_a_receipt_of_another_expense_is_refused_in_use(world: World, tmp_path: Path) -> None:
    uploaded = await upload_receipt(
        viewer_for(world.alice), _settings(tmp_path), file_name="a.png",
        declared_type="image/png", data=PNG,
    )  # fmt: skip
    assert uploaded.value is not None
    expense = {
        "date": "2026-11-02", "categoryId": encode_id("Category", world.meals.id),
        "amount": "5.00", "receiptIds": [encode_id("Receipt", uploaded.value.id)],
    }  # fmt: skip
    first = await execute(CREATE, {"input": {"expense": expense}}, viewer=viewer_for(world.alice))
    assert first.data["expenseCreate"]["errors"] == []
    second = await execute(CREATE, {"input": {"expense": expense}}, viewer=viewer_for(world.alice))
    assert second.data["expenseCreate"]["errors"] == [
        {"field": ["receiptIds"], "code": "RECEIPT_IN_USE"}
    ]


async def test_twenty_concurrent_uploads_of_the_same_bytes_flag_all_but_one(
    world: World, tmp_path: Path
) -> None:
    settings = _settings(tmp_path)
    data = b"%PDF-1.7\n" + b"same bytes " * 50
    results = await asyncio.gather(
        *(
            upload_receipt(
                viewer_for(user),
                settings,
                file_name=f"r{n}.pdf",
                declared_type="application/pdf",
                data=data,
            )
            for n, user in enumerate([world.alice, world.bob] * 10)
        )
    )
    flags = [r.value.is_duplicate for r in results if r.value is not None]
    assert len(flags) == 20
    assert flags.count(False) == 1
    stored = await models.Receipt.filter(org=world.org).values_list("is_duplicate", flat=True)
    assert sorted(stored) == [False] + [True] * 19
