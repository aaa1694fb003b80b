"""Auto-match and auto-create, manual match, unmatch, exclude, and the card expense lock."""

from __future__ import annotations

from datetime import date
from typing import Any

from gql.ids import encode_id
from orm import models
from tests.conftest import execute
from tests.factories import make_expense, make_report, viewer_for
from tests.gql.cards.conftest import World, fixture, import_file, make_card, set_mapping

SETTINGS = """
mutation($input: CardSettingsUpdateInput!) {
  cardSettingsUpdate(input: $input) {
    settings { autoMatch autoCreate autoCreateCategory { name } } errors { field code }
  }
}
"""
MATCH = """
mutation($input: CardTransactionMatchInput!) {
  cardTransactionMatch(input: $input) {
    transaction { status expense { merchant amount { amount } } } errors { field code }
  }
}
"""
SIMPLE = """
mutation($input: CardTransactionInput!) {{
  {name}(input: $input) {{ transaction {{ status expense {{ id }} }} errors {{ field code }} }}
}}
"""
HEADER = b"Transaction Date,Post Date,Description,Category,Type,Amount,Memo\n"


async def _settings(world: World, **values: Any) -> dict[str, Any]:
    result = await execute(SETTINGS, {"input": values}, viewer=viewer_for(world.admin))
    assert result.errors is None and result.data is not None
    payload: dict[str, Any] = result.data["cardSettingsUpdate"]
    return payload


def _charge(posted: str, amount: str, text: str) -> bytes:
    return f"{posted},{posted},{text},,Sale,-{amount},\n".encode()


async def _matches() -> dict[str, int | None]:
    rows = await models.CardTransaction.all()
    return {row.description: row.expense_id for row in rows}


async def test_auto_match_within_three_days_only(world: World) -> None:
    await _settings(world, autoMatch=True, autoCreate=False)
    card = await make_card(world.alice)
    await set_mapping(card)
    three_after = await make_expense(world.alice, world.travel, 4256, date=date(2026, 1, 16),
                                     is_reimbursable=False)  # fmt: skip
    await make_expense(world.alice, world.travel, 2345, date=date(2026, 1, 19),
                                    is_reimbursable=False)  # fmt: skip
    three_before = await make_expense(world.alice, world.travel, 1890, date=date(2026, 1, 7),
                                      is_reimbursable=False)  # fmt: skip
    await make_expense(world.alice, world.travel, 1111, date=date(2026, 1, 6),
                                     is_reimbursable=False)  # fmt: skip
    await make_expense(world.alice, world.travel, 999, date=date(2026, 1, 10))
    await make_expense(world.bob, world.travel, 777, date=date(2026, 1, 10),
                              is_reimbursable=False)  # fmt: skip
    data = HEADER + b"".join([
        _charge("01/13/2026", "42.56", "PLUS THREE"), _charge("01/15/2026", "23.45", "PLUS FOUR"),
        _charge("01/10/2026", "18.90", "MINUS THREE"), _charge("01/10/2026", "11.11", "MINUS FOUR"),
        _charge("01/10/2026", "9.99", "REIMBURSABLE"), _charge("01/10/2026", "7.77", "BOBS"),
    ])  # fmt: skip
    # when
    payload = await import_file(card, world.alice, data)
    # then
    assert payload["statementImport"]["matchedCount"] == 2
    assert await _matches() == {
        "PLUS THREE": three_after.id, "PLUS FOUR": None, "MINUS THREE": three_before.id,
        "MINUS FOUR": None, "REIMBURSABLE": None, "BOBS": None,
    }  # fmt: skip
    statuses = await models.CardTransaction.filter(expense_id__isnull=False).values_list(
        "status", flat=True
    )
    assert set(statuses) == {models.CardTransactionStatus.MATCHED}


async def test_auto_match_takes_the_closest_date_then_the_lowest_id_once(world: World) -> None:
    await _settings(world, autoMatch=True, autoCreate=False)
    card = await make_card(world.alice)
    await set_mapping(card)
    far = await make_expense(world.alice, world.travel, 5000, date=date(2026, 1, 12),
                             is_reimbursable=False)  # fmt: skip
    near_a = await make_expense(world.alice, world.travel, 5000, date=date(2026, 1, 14),
                                is_reimbursable=False)  # fmt: skip
    near_b = await make_expense(world.alice, world.travel, 5000, date=date(2026, 1, 16),
                                is_reimbursable=False)  # fmt: skip
    data = (
        HEADER + _charge("01/15/2026", "50.00", "FIRST") + _charge("01/15/2026", "50.00", "SECOND")
    )
    await import_file(card, world.alice, data)
    # both one day away: the lower id first; the second charge takes the other; far stays free
    assert await _matches() == {"FIRST": near_a.id, "SECOND": near_b.id}
    assert far.id not in (await _matches()).values()


async def test_personal_cards_are_never_auto_matched(world: World) -> None:
    await _settings(world, autoMatch=True, autoCreate=True,
                    autoCreateCategoryId=encode_id("Category", world.travel.id))  # fmt: skip
    card = await make_card(world.alice, models.CardKind.PERSONAL)
    await set_mapping(card)
    await make_expense(world.alice, world.travel, 42560, date=date(2026, 1, 13),
                       is_reimbursable=False)  # fmt: skip
    payload = await import_file(card, world.alice, fixture("chase_2026_01.csv"))
    assert (payload["statementImport"]["matchedCount"],
            payload["statementImport"]["createdExpenseCount"]) == (0, 0)  # fmt: skip
    assert set((await _matches()).values()) == {None}
    assert await models.Expense.all().count() == 1


async def test_auto_create_makes_non_reimbursable_expenses_and_undo_removes_them(
    world: World,
) -> None:
    # auto-create needs a category
    refused = await _settings(world, autoMatch=True, autoCreate=True)
    assert refused["errors"] == [{"field": ["autoCreateCategoryId"], "code": "REQUIRED"}]
    saved = await _settings(world, autoMatch=True, autoCreate=True,
                            autoCreateCategoryId=encode_id("Category", world.travel.id))  # fmt: skip
    assert saved["settings"] == {
        "autoMatch": True, "autoCreate": True, "autoCreateCategory": {"name": "Travel"}
    }  # fmt: skip
    card = await make_card(world.alice)
    await set_mapping(card)
    existing = await make_expense(world.alice, world.meals, 2345, date=date(2026, 1, 15),
                                  is_reimbursable=False)  # fmt: skip
    # when
    payload = await import_file(card, world.alice, fixture("chase_2026_01.csv"))
    # then: Uber matched, Delta and Hilton created, the payment (a credit) left alone
    assert (payload["statementImport"]["matchedCount"],
            payload["statementImport"]["createdExpenseCount"]) == (1, 2)  # fmt: skip
    created = await models.Expense.exclude(id=existing.id).order_by("date")
    assert [(e.user_id, e.date, e.amount_minor, e.currency, e.base_amount_minor, e.merchant,
             e.is_reimbursable, e.category_id) for e in created] == [
        (world.alice.id, date(2026, 1, 13), 42560, "USD", 42560, "DELTA AIR LINES ATLANTA GA",
         False, world.travel.id),
        (world.alice.id, date(2026, 1, 16), 18900, "USD", 18900, "HILTON GARDEN INN BOSTON, MA",
         False, world.travel.id),
    ]  # fmt: skip
    payment = await models.CardTransaction.get(amount_minor=-50000)
    assert (payment.status, payment.expense_id) == (models.CardTransactionStatus.UNMATCHED, None)
    # undo is refused while the Uber transaction holds an expense the import did not create
    undo = "mutation($input: CardImportUndoInput!) { cardImportUndo(input: $input) { errors { code } } }"
    variables = {"input": {"cardId": encode_id("Card", card.id)}}
    refused_undo = await execute(undo, variables, viewer=viewer_for(world.alice))
    assert refused_undo.data == {"cardImportUndo": {"errors": [{"code": "IMPORT_IN_USE"}]}}
    uber = await models.CardTransaction.get(expense_id=existing.id)
    unmatched = await execute(SIMPLE.format(name="cardTransactionUnmatch"),
                              {"input": {"id": encode_id("CardTransaction", uber.id)}},
                              viewer=viewer_for(world.alice))  # fmt: skip
    assert unmatched.data is not None
    assert unmatched.data["cardTransactionUnmatch"]["errors"] == []
    # a created expense put on a report counts as used
    report = await make_report(world.alice)
    await models.Expense.filter(id=created[0].id).update(report_id=report.id)
    still = await execute(undo, variables, viewer=viewer_for(world.alice))
    assert still.data == {"cardImportUndo": {"errors": [{"code": "IMPORT_IN_USE"}]}}
    await models.Expense.filter(id=created[0].id).update(report_id=None)
    # now undo removes the transactions and the two expenses it created, nothing else
    done = await execute(undo, variables, viewer=viewer_for(world.alice))
    assert done.data == {"cardImportUndo": {"errors": []}}
    assert await models.CardTransaction.all().count() == 0
    assert [e.id for e in await models.Expense.all()] == [existing.id]


async def test_auto_create_skips_a_card_in_a_foreign_currency(world: World) -> None:
    await _settings(world, autoMatch=True, autoCreate=True,
                    autoCreateCategoryId=encode_id("Category", world.travel.id))  # fmt: skip
    card = await make_card(world.alice, currency="EUR")
    payload = await import_file(
        card, world.alice, fixture("amex_2026_01.ofx").replace(b"<CURDEF>USD", b"<CURDEF>EUR"),
        "OFX",
    )  # fmt: skip
    assert payload["importedCount"] == 3
    assert payload["statementImport"]["createdExpenseCount"] == 0
    assert await models.Expense.all().count() == 0


async def test_manual_match_unmatch_exclude_and_restore(world: World) -> None:
    card = await make_card(world.alice)
    await set_mapping(card)
    await import_file(card, world.alice, fixture("chase_2026_01.csv"))
    uber = await models.CardTransaction.get(amount_minor=2345)
    payment = await models.CardTransaction.get(amount_minor=-50000)
    right = await make_expense(world.alice, world.travel, 2345, merchant="Uber",
                               is_reimbursable=False)  # fmt: skip
    wrong_amount = await make_expense(world.alice, world.travel, 2300, is_reimbursable=False)
    reimbursable = await make_expense(world.alice, world.travel, 2345)
    bobs = await make_expense(world.bob, world.travel, 2345, is_reimbursable=False)
    tid = encode_id("CardTransaction", uber.id)

    async def match(expense: models.Expense, viewer: models.User, transaction: str = tid) -> Any:
        result = await execute(MATCH, {"input": {"id": transaction,
                                                 "expenseId": encode_id("Expense", expense.id)}},
                               viewer=viewer_for(viewer))  # fmt: skip
        assert result.data is not None
        return result.data["cardTransactionMatch"]

    assert (await match(wrong_amount, world.alice))["errors"] == [
        {"field": ["expenseId"], "code": "AMOUNT_MISMATCH"}
    ]
    assert (await match(reimbursable, world.alice))["errors"] == [
        {"field": ["expenseId"], "code": "CARD_EXPENSE_NOT_REIMBURSABLE"}
    ]
    assert (await match(bobs, world.alice))["errors"] == [
        {"field": ["expenseId"], "code": "NOT_FOUND"}
    ]
    assert (await match(right, world.admin))["errors"] == [
        {"field": ["id"], "code": "NOT_PERMITTED"}
    ]
    assert (await match(right, world.bob))["errors"] == [{"field": ["id"], "code": "NOT_FOUND"}]
    assert (await match(right, world.alice, encode_id("CardTransaction", payment.id)))[
        "errors"
    ] == [{"field": ["id"], "code": "INVALID_AMOUNT"}]
    # when
    matched = await match(right, world.alice)
    # then
    assert matched == {
        "transaction": {"status": "MATCHED", "expense": {"merchant": "Uber",
                                                         "amount": {"amount": "23.45"}}},
        "errors": [],
    }  # fmt: skip
    assert (await match(right, world.alice))["errors"] == [{"field": ["id"],
                                                           "code": "INVALID_TRANSITION"}]  # fmt: skip
    hilton = await models.CardTransaction.get(amount_minor=18900)
    hilton.amount_minor = 2345
    await hilton.save()
    assert (await match(right, world.alice, encode_id("CardTransaction", hilton.id)))["errors"] == [
        {"field": ["expenseId"], "code": "ALREADY_MATCHED"}
    ]

    async def act(name: str, transaction: models.CardTransaction) -> Any:
        result = await execute(SIMPLE.format(name=name),
                               {"input": {"id": encode_id("CardTransaction", transaction.id)}},
                               viewer=viewer_for(world.alice))  # fmt: skip
        assert result.data is not None
        return result.data[name]

    assert await act("cardTransactionUnmatch", uber) == {
        "transaction": {"status": "UNMATCHED", "expense": None}, "errors": []
    }  # fmt: skip
    assert await models.Expense.filter(id=right.id).exists()  # the expense stays
    assert await act("cardTransactionExclude", payment) == {
        "transaction": {"status": "EXCLUDED", "expense": None}, "errors": []
    }  # fmt: skip
    assert (await act("cardTransactionExclude", payment))["errors"] == [
        {"field": ["id"], "code": "INVALID_TRANSITION"}
    ]
    assert (await act("cardTransactionRestore", payment))["transaction"]["status"] == "UNMATCHED"


EXPENSE_UPDATE = """
mutation($input: ExpenseUpdateInput!) {
  expenseUpdate(input: $input) { expense { merchant amount { amount } } errors { field code } }
}
"""


async def test_a_card_expense_keeps_its_amount(world: World) -> None:
    card = await make_card(world.alice)
    await set_mapping(card)
    await import_file(card, world.alice, fixture("chase_2026_01.csv"))
    uber = await models.CardTransaction.get(amount_minor=2345)
    expense = await make_expense(world.alice, world.travel, 2345, merchant="Uber",
                                 is_reimbursable=False, kind=models.ExpenseKind.CARD)  # fmt: skip
    uber.expense_id, uber.status = expense.id, models.CardTransactionStatus.MATCHED
    await uber.save()

    async def update(**values: Any) -> Any:
        base = {"date": "2026-01-15", "categoryId": encode_id("Category", world.travel.id),
                "amount": "23.45", "merchant": "Uber", "isReimbursable": False}  # fmt: skip
        result = await execute(
            EXPENSE_UPDATE,
            {"input": {"id": encode_id("Expense", expense.id), "expense": base | values}},
            viewer=viewer_for(world.alice),
        )
        assert result.data is not None
        return result.data["expenseUpdate"]

    assert (await update(amount="25.00"))["errors"] == [
        {"field": ["amount"], "code": "CARD_AMOUNT_LOCKED"}
    ]
    assert (await update(isReimbursable=True))["errors"] == [
        {"field": ["isReimbursable"], "code": "CARD_EXPENSE_NOT_REIMBURSABLE"}
    ]
    assert (await models.Expense.get(id=expense.id)).amount_minor == 2345
    assert await update(merchant="Uber trip to client") == {
        "expense": {"merchant": "Uber trip to client", "amount": {"amount": "23.45"}},
        "errors": [],
    }  # fmt: skip
    # deleting the expense frees its transaction
    deleted = await execute(
        "mutation($input: ExpensesDeleteInput!) { expensesDelete(input: $input) "
        "{ errors { code } } }",
        {"input": {"ids": [encode_id("Expense", expense.id)]}}, viewer=viewer_for(world.alice),
    )  # fmt: skip
    assert deleted.data == {"expensesDelete": {"errors": []}}
    await uber.refresh_from_db()
    assert (uber.status, uber.expense_id) == (models.CardTransactionStatus.UNMATCHED, None)


async def test_auto_create_stops_when_its_category_was_disabled(world: World) -> None:
    await _settings(world, autoMatch=True, autoCreate=True,
                    autoCreateCategoryId=encode_id("Category", world.travel.id))  # fmt: skip
    await models.Category.filter(id=world.travel.id).update(is_enabled=False)
    card = await make_card(world.alice)
    await set_mapping(card)
    payload = await import_file(card, world.alice, fixture("chase_2026_01.csv"))
    assert (payload["importedCount"], payload["statementImport"]["createdExpenseCount"]) == (4, 0)
    assert await models.Expense.all().count() == 0


async def test_rate_priced_and_closed_expenses_are_never_card_expenses(world: World) -> None:
    """A per diem's amount comes from its rates and an approved report's expense is closed:
    neither is matched, by hand or automatically."""
    await _settings(world, autoMatch=True, autoCreate=False)
    card = await make_card(world.alice)
    await set_mapping(card)
    policy = await models.PerDiemPolicy.create(org_id=world.org.id, name="Domestic")
    per_diem = await make_expense(world.alice, world.travel, 2345, date=date(2026, 1, 10),
                                  is_reimbursable=False,
                                  kind=models.ExpenseKind.PER_DIEM)  # fmt: skip
    await models.PerDiemDetail.create(org_id=world.org.id, expense=per_diem, policy=policy,
                                      mode=models.PerDiemMode.TRIP)  # fmt: skip
    approved = await make_report(world.alice, status=models.ReportStatus.APPROVED)
    closed = await make_expense(world.alice, world.travel, 2345, date=date(2026, 1, 10),
                                is_reimbursable=False, report=approved)  # fmt: skip
    # when a statement with a matching charge comes in, auto-match leaves both alone
    await import_file(card, world.alice, HEADER + _charge("01/10/2026", "23.45", "TAXI"))
    row = await models.CardTransaction.get(description="TAXI")
    assert (row.status, row.expense_id) == (models.CardTransactionStatus.UNMATCHED, None)
    # and by hand each is refused with its reason
    for expense, code in ((per_diem, "EXPENSE_NOT_MATCHABLE"), (closed, "EXPENSE_LOCKED")):
        result = await execute(MATCH, {"input": {"id": encode_id("CardTransaction", row.id),
                                                 "expenseId": encode_id("Expense", expense.id)}},
                               viewer=viewer_for(world.alice))  # fmt: skip
        assert result.data is not None
        assert result.data["cardTransactionMatch"]["errors"] == [
            {"field": ["expenseId"], "code": code}
        ]
    assert (await models.CardTransaction.get(id=row.id)).status.value == "UNMATCHED"


async def test_auto_create_skips_a_category_that_became_the_per_diem_one(world: World) -> None:
    # settings saved before categories had kinds, pointing at what is now the per diem category
    await _settings(world, autoMatch=True, autoCreate=True,
                    autoCreateCategoryId=encode_id("Category", world.travel.id))  # fmt: skip
    await models.Category.filter(id=world.travel.id).update(kind=models.CategoryKind.PER_DIEM)
    card = await make_card(world.alice)
    await set_mapping(card)
    payload = await import_file(card, world.alice, fixture("chase_2026_01.csv"))
    assert payload["statementImport"]["createdExpenseCount"] == 0
    assert not await models.Expense.exists()
