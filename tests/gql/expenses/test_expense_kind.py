"""An expense records its kind on its row: every path that creates one, or makes it another kind
(a card match, an unmatch), writes it; no client input sets it; and expenseUpdate's lock rule
follows the kind read from the row."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from gql.ids import decode_id, encode_id
from orm import models
from tests.conftest import execute
from tests.factories import make_org, make_user, viewer_for
from tests.gql.cards.conftest import import_file, make_card, set_mapping
from tests.support.crm_tab_kinds import KindsData, seed_expense_kinds

Kind = models.ExpenseKind

EXPENSE = "expense { id } errors { field code }"
CREATE = f"mutation($input: ExpenseCreateInput!) {{ expenseCreate(input: $input) {{ {EXPENSE} }} }}"
BULK = """
mutation($input: ExpensesCreateInput!) {
  expensesCreate(input: $input) { expenses { id } errors { field code } }
}
"""
UPDATE = f"mutation($input: ExpenseUpdateInput!) {{ expenseUpdate(input: $input) {{ {EXPENSE} }} }}"
PER_DIEM = """
mutation($input: PerDiemRecordInput!) {
  perDiemRecord(input: $input) { perDiems { expense { id } } errors { field code } }
}
"""
MILEAGE = """
mutation($input: MileageExpenseCreateInput!) {
  mileageExpenseCreate(input: $input) { expense { id } errors { field code } }
}
"""
TRANSACTION = "transaction { status expense { id } } errors { field code }"
FROM_CHARGE = f"""
mutation($input: CardTransactionExpenseCreateInput!) {{
  cardTransactionExpenseCreate(input: $input) {{ {TRANSACTION} }}
}}
"""
MATCH = f"""
mutation($input: CardTransactionMatchInput!) {{
  cardTransactionMatch(input: $input) {{ {TRANSACTION} }}
}}
"""
UNMATCH = f"""
mutation($input: CardTransactionInput!) {{
  cardTransactionUnmatch(input: $input) {{ {TRANSACTION} }}
}}
"""
SETTINGS = """
mutation($input: CardSettingsUpdateInput!) {
  cardSettingsUpdate(input: $input) { errors { field code } }
}
"""


@dataclass
class Kinds:
    admin: models.User
    holder: models.User
    data: KindsData


@pytest.fixture
async def kinds(db: None) -> Kinds:
    org = await make_org()
    admin = await make_user(org, role=models.UserRole.ADMIN)
    holder = await make_user(org, name="Holder")
    return Kinds(admin=admin, holder=holder, data=await seed_expense_kinds(org, holder))


async def _run(kinds: Kinds, query: str, payload: dict[str, Any], user: models.User | None = None
               ) -> dict[str, Any]:  # fmt: skip
    result = await execute(query, {"input": payload}, viewer=viewer_for(user or kinds.holder))
    assert result.errors is None, result.errors
    assert result.data is not None
    (answer,) = result.data.values()
    assert answer["errors"] == [], answer["errors"]
    data: dict[str, Any] = answer
    return data


def _pk(encoded: str) -> int:
    pk = decode_id("Expense", encoded)
    assert pk is not None
    return pk


async def _kind_of(encoded: str) -> Kind:
    return (await models.Expense.get(id=_pk(encoded))).kind


def _expense(kinds: Kinds, amount: str = "12.50", **values: Any) -> dict[str, Any]:
    return {
        "date": "2026-01-12", "categoryId": encode_id("Category", kinds.data.meals.id),
        "amount": amount, "merchant": "Cafe",
    } | values  # fmt: skip


def _charge(kinds: Kinds, text: str) -> str:
    return encode_id("CardTransaction", kinds.data.charges[text].id)


async def test_each_way_of_making_an_expense_records_its_kind(kinds: Kinds) -> None:
    typed = await _run(kinds, CREATE, {"expense": _expense(kinds)})
    bulk = await _run(kinds, BULK, {"expenses": [_expense(kinds), _expense(kinds, "3.00")]})
    per_diem = await _run(kinds, PER_DIEM, {
        "trip": {"mode": "INDIVIDUAL_DAYS",
                 "locationId": encode_id("PerDiemLocation", kinds.data.berlin.id),
                 "firstDate": "2026-01-05", "lastDate": "2026-01-05",
                 "startTime": "08:00:00", "endTime": "20:00:00"},
        "dates": ["2026-01-05"],
    })  # fmt: skip
    trip = await _run(kinds, MILEAGE, {"expense": {"trip": {
        "date": "2026-01-06", "vehicleId": encode_id("MileageVehicle", kinds.data.car.id),
        "distance": "42",
    }}})  # fmt: skip
    from_charge = await _run(kinds, FROM_CHARGE, {
        "id": _charge(kinds, "TAXI BERLIN"), "categoryId": encode_id("Category", kinds.data.travel.id),
    })  # fmt: skip
    # then
    assert await _kind_of(typed["expense"]["id"]) is Kind.MANUAL
    assert [await _kind_of(row["id"]) for row in bulk["expenses"]] == [Kind.MANUAL] * 2
    assert await _kind_of(per_diem["perDiems"][0]["expense"]["id"]) is Kind.PER_DIEM
    assert await _kind_of(trip["expense"]["id"]) is Kind.MILEAGE
    assert await _kind_of(from_charge["transaction"]["expense"]["id"]) is Kind.CARD
    assert await models.Expense.all().count() == 6


async def test_a_match_makes_a_card_expense_and_an_unmatch_a_manual_one_again(
    kinds: Kinds,
) -> None:
    typed = await _run(kinds, CREATE, {"expense": _expense(kinds, "189.00", isReimbursable=False)})
    expense_id = typed["expense"]["id"]
    await _run(kinds, MATCH, {"id": _charge(kinds, "LUFTHANSA"), "expenseId": expense_id})
    assert await _kind_of(expense_id) is Kind.CARD
    # the lock follows: the amount is the charge's
    result = await execute(UPDATE, {"input": {"id": expense_id, "expense": _expense(
        kinds, "190.00", isReimbursable=False)}}, viewer=viewer_for(kinds.holder))  # fmt: skip
    assert result.data == {"expenseUpdate": {"expense": None, "errors": [
        {"field": ["amount"], "code": "CARD_AMOUNT_LOCKED"}]}}  # fmt: skip
    # when
    await _run(kinds, UNMATCH, {"id": _charge(kinds, "LUFTHANSA")})
    # then an ordinary expense again, whose amount may change
    assert await _kind_of(expense_id) is Kind.MANUAL
    await _run(kinds, UPDATE, {"id": expense_id, "expense": _expense(kinds, "190.00")})
    assert (await models.Expense.get(id=_pk(expense_id))).amount_minor == 19000
    assert await _kind_of(expense_id) is Kind.MANUAL


async def test_an_import_records_card_on_what_it_matches_and_what_it_creates(
    kinds: Kinds,
) -> None:
    await _run(kinds, SETTINGS, {"autoMatch": True, "autoCreate": True,
                                 "autoCreateCategoryId": encode_id("Category", kinds.data.travel.id)},
               user=kinds.admin)  # fmt: skip
    typed = await _run(kinds, CREATE, {"expense": _expense(kinds, "42.56", date="2026-01-14",
                                                           isReimbursable=False)})  # fmt: skip
    card = await make_card(kinds.holder)
    await set_mapping(card)
    header = b"Transaction Date,Post Date,Description,Category,Type,Amount,Memo\n"
    rows = b"01/13/2026,01/13/2026,MATCHED,,Sale,-42.56,\n01/13/2026,01/13/2026,NEW,,Sale,-7.00,\n"
    # when
    payload = await import_file(card, kinds.holder, header + rows)
    # then
    assert (payload["statementImport"]["matchedCount"],
            payload["statementImport"]["createdExpenseCount"]) == (1, 1)  # fmt: skip
    assert await _kind_of(typed["expense"]["id"]) is Kind.CARD
    created = await models.CardTransaction.get(description="NEW")
    assert created.expense_id is not None
    assert (await models.Expense.get(id=created.expense_id)).kind is Kind.CARD


async def test_expense_update_keeps_the_kind_and_changes_what_the_kind_leaves_open(
    kinds: Kinds,
) -> None:
    trip = await _run(kinds, MILEAGE, {"expense": {"trip": {
        "date": "2026-01-06", "vehicleId": encode_id("MileageVehicle", kinds.data.car.id),
        "distance": "10",
    }}})  # fmt: skip
    expense_id = trip["expense"]["id"]
    row = await models.Expense.get(id=_pk(expense_id))
    same = _expense(kinds, "3.00", date="2026-01-06", currency=row.currency,
                    categoryId=encode_id("Category", row.category_id),
                    description="Client visit")  # fmt: skip
    # when
    await _run(kinds, UPDATE, {"id": expense_id, "expense": same})
    # then
    await row.refresh_from_db()
    assert (row.description, row.kind) == ("Client visit", Kind.MILEAGE)
