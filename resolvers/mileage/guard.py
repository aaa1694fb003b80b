"""What the ordinary ``expenseUpdate`` may not change on a mileage expense."""

from __future__ import annotations

from orm import models
from resolvers.errors import ErrorCode, FieldError

# Derived from the distance, the vehicle and the rate in force on the date.
_DERIVED = (("date", "date"), ("amount_minor", "amount"), ("currency", "currency"))


async def mileage_changes_refused(
    expense: models.Expense, values: dict[str, object]
) -> list[FieldError]:
    """Errors when ``values`` would change what a mileage expense's distance and rate decide;
    those change through ``mileageExpenseUpdate``, which prices the trip again."""
    if not await models.MileageDetail.filter(expense_id=expense.id).exists():
        return []
    return [
        FieldError(
            field,
            "A mileage expense's date, amount and currency follow from its trip; change them "
            "with mileageExpenseUpdate.",
            ErrorCode.MILEAGE_AMOUNT_LOCKED,
        )
        for column, field in _DERIVED
        if values.get(column) != getattr(expense, column)
    ]
