"""An expense made from a card charge: the holder picks the category (and customer, potential,
description); date, amount, currency, merchant and reference come from the transaction, and the
new expense is matched to it in the same database transaction."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from tortoise.transactions import in_transaction

from orm import models
from orm.money import Money
from resolvers.cards.matching import Status, expect_status, own_transaction
from resolvers.errors import ErrorCode, FieldError, MutationResult, Refused
from resolvers.expenses.validation import ExpenseData, clean_expense, lookup_for_expenses
from resolvers.viewer import Viewer

# The expense's own fields the input does not name: their problems are the transaction's.
_FROM_TRANSACTION = ("date", "amount", "currency", "merchant", "reference")


@dataclass(frozen=True, slots=True)
class CardExpenseData:
    category_id: int | None
    description: str = ""
    is_billable: bool = False
    is_reimbursable: bool | None = None
    customer_id: int | None = None
    potential_id: int | None = None
    exchange_rate: Decimal | None = None


async def create_expense_from_transaction(
    viewer: Viewer, transaction_id: int | None, data: CardExpenseData
) -> MutationResult[models.CardTransaction]:
    """The card holder turns an unmatched charge into an expense matched to it. A corporate
    card's expense is non-reimbursable; a personal card's is reimbursable unless told."""
    try:
        async with in_transaction() as connection:
            row = await own_transaction(viewer, connection, transaction_id)
            expect_status(row, Status.UNMATCHED)
            if row.amount_minor <= 0:
                raise Refused([FieldError("id", "Only a charge can become an expense.",
                                          ErrorCode.INVALID_AMOUNT)])  # fmt: skip
            corporate = row.card.kind is models.CardKind.CORPORATE
            if corporate and data.is_reimbursable:
                raise Refused([FieldError(
                    "isReimbursable", "A corporate card's expense is not reimbursable.",
                    ErrorCode.CARD_EXPENSE_NOT_REIMBURSABLE,
                )])  # fmt: skip
            expense_data = ExpenseData(
                date=row.posted_date, category_id=data.category_id,
                amount=Money(row.amount_minor, row.currency).amount, currency=row.currency,
                exchange_rate=data.exchange_rate, merchant=row.description[:200],
                description=data.description, reference=(row.external_id or "")[:100],
                is_reimbursable=not corporate if data.is_reimbursable is None
                else data.is_reimbursable,
                is_billable=data.is_billable, customer_id=data.customer_id,
                potential_id=data.potential_id,
            )  # fmt: skip
            errors: list[FieldError] = []
            lookup = await lookup_for_expenses(viewer, [expense_data])
            clean = clean_expense(expense_data, lookup, errors)
            if errors or clean is None:
                raise Refused([_as_input_field(item) for item in errors])
            expense = await models.Expense.create(
                org_id=viewer.org_id, user_id=viewer.user_id, kind=models.ExpenseKind.CARD,
                using_db=connection, **clean.values,
            )  # fmt: skip
            row.expense_id, row.status = expense.id, Status.MATCHED
            await row.save(using_db=connection, update_fields=["expense_id", "status"])
    except Refused as refusal:
        return MutationResult(errors=refusal.errors)
    return MutationResult(row)


def _as_input_field(item: FieldError) -> FieldError:
    """A problem with a value taken from the transaction (a date in the future) names it."""
    if item.field in _FROM_TRANSACTION:
        return FieldError("id", f"The transaction's {item.field}: {item.message}", item.code)
    return item
