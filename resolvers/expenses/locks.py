"""The one lock rule of expenses: in which report states an expense may be changed and by whom,
and which of its fields ``expenseUpdate`` may change given its kind (``Expense.kind``, read from
the row). What a kind fixes changes only through that kind's own mutation: a per diem through
``perDiemUpdate``, a trip's date, amount and currency through ``mileageExpenseUpdate``; a card
expense's amount never (it is the card's charge)."""

from __future__ import annotations

from dataclasses import dataclass

from orm import models
from resolvers.errors import ErrorCode, FieldError, MutationResult
from resolvers.expenses.access import visible_expenses
from resolvers.expenses.status import EDITABLE_REPORT_STATES, expense_status
from resolvers.viewer import Viewer

Kind = models.ExpenseKind


@dataclass(frozen=True, slots=True)
class FieldLock:
    """A change of any of ``columns`` (as one value) is refused, reported on ``field``."""

    columns: tuple[str, ...]
    field: str
    message: str
    code: ErrorCode

    def refuses(self, expense: models.Expense, values: dict[str, object]) -> bool:
        given = tuple(values.get(column) for column in self.columns)
        return given != tuple(getattr(expense, column) for column in self.columns)


_FROM_TRIP = (
    "A mileage expense's date, amount and currency follow from its trip; change them with "
    "mileageExpenseUpdate."
)
_FROM_CARD = "A card expense's amount comes from the card transaction."

# Kinds that expenseUpdate does not change at all: their amount comes from rules.
WHOLLY_LOCKED: dict[Kind, FieldError] = {
    Kind.PER_DIEM: FieldError(
        "id", "A per diem is changed with perDiemUpdate.", ErrorCode.PER_DIEM_EXPENSE
    ),
}

# The fields expenseUpdate may not change on an expense of each kind; the others may change.
FIELD_LOCKS: dict[Kind, tuple[FieldLock, ...]] = {
    Kind.MANUAL: (),
    Kind.PER_DIEM: (),  # wholly locked, above
    # derived from the distance, the vehicle and the rate in force on the date
    Kind.MILEAGE: (
        FieldLock(("date",), "date", _FROM_TRIP, ErrorCode.MILEAGE_AMOUNT_LOCKED),
        FieldLock(("amount_minor",), "amount", _FROM_TRIP, ErrorCode.MILEAGE_AMOUNT_LOCKED),
        FieldLock(("currency",), "currency", _FROM_TRIP, ErrorCode.MILEAGE_AMOUNT_LOCKED),
    ),
    # the card's charge; a corporate card's expense also stays non-reimbursable (below)
    Kind.CARD: (
        FieldLock(("amount_minor", "currency"), "amount", _FROM_CARD, ErrorCode.CARD_AMOUNT_LOCKED),
    ),
}


async def editable_expense(
    viewer: Viewer, expense_id: int | None
) -> models.Expense | MutationResult[models.Expense]:
    """The expense, if the viewer may change it now: its owner while it is unreported or its
    report is a draft or rejected (and not archived); the report's approver, or an admin, while
    it is submitted. Every kind's own update goes through here."""
    expense = None
    if expense_id is not None:
        expense = await visible_expenses(viewer).select_related("report").get_or_none(id=expense_id)
    if expense is None:
        return MutationResult.fail("id", "No such expense.", ErrorCode.NOT_FOUND)
    report = expense.report
    owner_may = expense.user_id == viewer.user_id and (
        report is None or (report.status in EDITABLE_REPORT_STATES and not report.is_archived)
    )
    approver_may = (
        report is not None
        and report.status is models.ReportStatus.SUBMITTED
        and (report.approver_id == viewer.user_id or viewer.is_admin)
    )
    if not (owner_may or approver_may):
        status = expense_status(report.status if report else None)
        return MutationResult.fail(
            "id", f"A {status.value.lower()} expense cannot be changed.", ErrorCode.EXPENSE_LOCKED
        )
    return expense


def wholly_locked(expense: models.Expense) -> FieldError | None:
    """Why ``expenseUpdate`` refuses this expense whatever the input, if it does."""
    return WHOLLY_LOCKED.get(expense.kind)


async def locked_changes(expense: models.Expense, values: dict[str, object]) -> list[FieldError]:
    """Errors when the cleaned ``values`` would change a field the expense's kind fixes."""
    errors = [
        FieldError(lock.field, lock.message, lock.code)
        for lock in FIELD_LOCKS[expense.kind]
        if lock.refuses(expense, values)
    ]
    if (
        expense.kind is Kind.CARD
        and values.get("is_reimbursable")
        and await _on_corporate_card(expense)
    ):
        errors.append(
            FieldError("isReimbursable", "A card expense is not reimbursable.",
                       ErrorCode.CARD_EXPENSE_NOT_REIMBURSABLE)
        )  # fmt: skip
    return errors


async def _on_corporate_card(expense: models.Expense) -> bool:
    return await models.CardTransaction.filter(
        expense_id=expense.id, card__kind=models.CardKind.CORPORATE
    ).exists()
