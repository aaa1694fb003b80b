from __future__ import annotations

import pytest

from gql.ids import encode_id
from orm import models
from tests.conftest import execute
from tests.factories import make_expense, make_report, viewer_for
from tests.gql.expenses.conftest import World
from tests.gql.expenses.test_expense_create import expense_input

EXPENSES_DELETE = """
mutation($input: ExpensesDeleteInput!) { expensesDelete(input: $input) { deletedIds errors { field code } } }
"""
EXPENSE_UPDATE = """
mutation($input: ExpenseUpdateInput!) {
  expenseUpdate(input: $input) { expense { merchant amount { amount } } errors { field code } }
}
"""


@pytest.mark.parametrize(
    ("status", "deletable"),
    [(None, True), (models.ReportStatus.DRAFT, True), (models.ReportStatus.SUBMITTED, False),
     (models.ReportStatus.APPROVED, False), (models.ReportStatus.REJECTED, False),
     (models.ReportStatus.REIMBURSED, False)],
)  # fmt: skip
async def test_only_unreported_and_unsubmitted_expenses_can_be_deleted(
    world: World, status: models.ReportStatus | None, deletable: bool
) -> None:
    report = await make_report(world.alice, status=status) if status else None
    expense = await make_expense(world.alice, world.meals, report=report)
    result = await execute(
        EXPENSES_DELETE,
        {"input": {"ids": [encode_id("Expense", expense.id)]}},
        viewer=viewer_for(world.alice),
    )
    payload = result.data["expensesDelete"]
    if deletable:
        assert payload == {"deletedIds": [encode_id("Expense", expense.id)], "errors": []}
        assert not await models.Expense.filter(id=expense.id).exists()
    else:
        assert payload == {
            "deletedIds": [],
            "errors": [{"field": ["ids", "0"], "code": "EXPENSE_LOCKED"}],
        }
        assert await models.Expense.filter(id=expense.id).exists()


async def test_bulk_delete_is_all_or_nothing(world: World) -> None:
    free = await make_expense(world.alice, world.meals)
    submitted = await make_expense(
        world.alice,
        world.meals,
        report=await make_report(world.alice, status=models.ReportStatus.SUBMITTED),
    )
    bobs = await make_expense(world.bob, world.meals)
    ids = [encode_id("Expense", e.id) for e in (free, submitted, bobs)]
    result = await execute(EXPENSES_DELETE, {"input": {"ids": ids}}, viewer=viewer_for(world.alice))
    assert result.data["expensesDelete"]["errors"] == [
        {"field": ["ids", "1"], "code": "EXPENSE_LOCKED"}, {"field": ["ids", "2"], "code": "NOT_FOUND"}
    ]  # fmt: skip
    assert await models.Expense.all().count() == 3


async def test_update_rules(world: World) -> None:
    expense = await make_expense(world.alice, world.meals)
    variables = {"input": {"id": encode_id("Expense", expense.id),
                           "expense": expense_input(world, merchant="Café Hugo", amount="9.99")}}  # fmt: skip
    changed = await execute(EXPENSE_UPDATE, variables, viewer=viewer_for(world.alice))
    assert changed.data["expenseUpdate"] == {
        "expense": {"merchant": "Café Hugo", "amount": {"amount": "9.99"}}, "errors": []
    }  # fmt: skip
    # another submitter cannot see it
    assert (await execute(EXPENSE_UPDATE, variables, viewer=viewer_for(world.bob))).data[
        "expenseUpdate"
    ]["errors"] == [{"field": ["id"], "code": "NOT_FOUND"}]
    # submitted: locked for the owner, editable by its approver
    report = await make_report(
        world.alice, status=models.ReportStatus.SUBMITTED, approver=world.approver
    )
    expense.report = report
    await expense.save()
    locked = await execute(EXPENSE_UPDATE, variables, viewer=viewer_for(world.alice))
    assert locked.data["expenseUpdate"]["errors"] == [{"field": ["id"], "code": "EXPENSE_LOCKED"}]
    by_approver = await execute(
        EXPENSE_UPDATE,
        {
            "input": {
                "id": encode_id("Expense", expense.id),
                "expense": expense_input(world, merchant="Fixed"),
            }
        },
        viewer=viewer_for(world.approver),
    )
    assert by_approver.data["expenseUpdate"]["errors"] == []
    await expense.refresh_from_db()
    assert (expense.merchant, expense.user_id) == ("Fixed", world.alice.id)
    # bad input changes nothing
    bad = await execute(
        EXPENSE_UPDATE,
        {
            "input": {
                "id": encode_id("Expense", expense.id),
                "expense": expense_input(world, amount="-3"),
            }
        },
        viewer=viewer_for(world.approver),
    )
    assert bad.data["expenseUpdate"]["errors"][0]["code"] == "INVALID_AMOUNT"
    await expense.refresh_from_db()
    assert expense.amount_minor == 4250
