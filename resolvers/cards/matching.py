"""Auto-match and auto-create on import; manual match, unmatch and exclude. Matching makes the
expense a CARD expense and unmatching a MANUAL one again (``Expense.kind``); what a card expense
may still change is the expenses core's lock rule (``resolvers/expenses/locks.py``)."""

from __future__ import annotations

from datetime import timedelta

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from orm import models
from resolvers.cards.access import visible_transactions
from resolvers.errors import ErrorCode, FieldError, MutationResult, Refused
from resolvers.expenses.status import EDITABLE_REPORT_STATES
from resolvers.viewer import Viewer

MATCH_WINDOW = timedelta(days=3)
Status = models.CardTransactionStatus


async def auto_match(
    connection: BaseDBAsyncClient,
    card: models.Card,
    org: models.Organization,
    settings: models.CardSettings,
    transactions: list[models.CardTransaction],
) -> tuple[int, int]:
    """Match each new charge of a corporate card to the holder's unmatched non-reimbursable
    manual expense (no card holds it, no rates priced it) with the same amount and currency
    dated within ±3 days (closest date, then lowest id); else, with auto-create on, create one.
    Returns (matched, created)."""
    if card.kind is not models.CardKind.CORPORATE or not settings.auto_match:
        return 0, 0
    charges = sorted(
        (row for row in transactions if row.amount_minor > 0),
        key=lambda row: (row.posted_date, row.id),
    )
    if not charges:
        return 0, 0
    candidates = list(
        await models.Expense.filter(
            Q(report_id__isnull=True) | Q(report__status__in=list(EDITABLE_REPORT_STATES),
                                          report__is_archived=False),
            org_id=card.org_id, user_id=card.holder_id, kind=models.ExpenseKind.MANUAL,
            is_reimbursable=False, currency=card.currency,
            date__gte=charges[0].posted_date - MATCH_WINDOW,
            date__lte=charges[-1].posted_date + MATCH_WINDOW,
        ).using_db(connection)
    )  # fmt: skip
    matched = created = 0
    for row in charges:
        fitting = [
            expense
            for expense in candidates
            if expense.amount_minor == row.amount_minor
            and abs(expense.date - row.posted_date) <= MATCH_WINDOW
        ]
        if fitting:
            best = min(fitting, key=lambda e: (abs((e.date - row.posted_date).days), e.id))
            candidates.remove(best)
            await _hold(connection, row, best.id)
            matched += 1
        elif await _create_expense(connection, card, org, settings, row):
            created += 1
    return matched, created


async def _create_expense(
    connection: BaseDBAsyncClient,
    card: models.Card,
    org: models.Organization,
    settings: models.CardSettings,
    row: models.CardTransaction,
) -> bool:
    """Auto-create: only in the base currency (a foreign one needs a rate the file lacks)."""
    if not settings.auto_create or settings.auto_create_category_id is None:
        return False
    if row.currency != org.base_currency:
        return False
    category = await models.Category.get_or_none(
        id=settings.auto_create_category_id, org_id=card.org_id, using_db=connection
    )
    if category is None or not category.is_enabled:  # disabled since the setting was saved
        return False
    if category.kind is not models.CategoryKind.STANDARD:  # chosen before categories had kinds
        return False
    expense = await models.Expense.create(
        org_id=card.org_id, user_id=card.holder_id, date=row.posted_date,
        category_id=settings.auto_create_category_id, amount_minor=row.amount_minor,
        currency=row.currency, exchange_rate=1, base_amount_minor=row.amount_minor,
        merchant=row.description[:200], reference=(row.external_id or "")[:100],
        is_reimbursable=False, kind=models.ExpenseKind.CARD, using_db=connection,
    )  # fmt: skip
    row.expense_id, row.status, row.created_expense = expense.id, Status.MATCHED, True
    await row.save(using_db=connection, update_fields=["expense_id", "status", "created_expense"])
    return True


async def _hold(
    connection: BaseDBAsyncClient, row: models.CardTransaction, expense_id: int
) -> None:
    """The transaction holds an existing (manual) expense, which becomes a card expense."""
    row.expense_id, row.status = expense_id, Status.MATCHED
    await row.save(using_db=connection, update_fields=["expense_id", "status"])
    await _set_kind(connection, expense_id, models.ExpenseKind.CARD)


async def _set_kind(
    connection: BaseDBAsyncClient, expense_id: int, kind: models.ExpenseKind
) -> None:
    await models.Expense.filter(id=expense_id).using_db(connection).update(kind=kind)


async def own_transaction(
    viewer: Viewer, connection: BaseDBAsyncClient, transaction_id: int | None
) -> models.CardTransaction:
    """The holder acts on their transactions; admins see them but do not act on them."""
    row = await (
        visible_transactions(viewer).filter(id=transaction_id or -1)
        .select_for_update().using_db(connection).first()
    )  # fmt: skip
    if row is None:
        raise Refused([FieldError("id", "No such card transaction.", ErrorCode.NOT_FOUND)])
    card = await models.Card.get(id=row.card_id, using_db=connection)
    if card.holder_id != viewer.user_id:
        raise Refused(
            [FieldError("id", "Only the card holder may do this.", ErrorCode.NOT_PERMITTED)]
        )
    row.card = card
    return row


def expect_status(row: models.CardTransaction, status: models.CardTransactionStatus) -> None:
    if row.status is not status:
        message = f"The transaction is {row.status.value.lower()}, not {status.value.lower()}."
        raise Refused([FieldError("id", message, ErrorCode.INVALID_TRANSITION)])


async def match_transaction(
    viewer: Viewer, transaction_id: int | None, expense_id: int | None
) -> MutationResult[models.CardTransaction]:
    """The holder links an unmatched charge to one of their expenses of the same amount and
    currency that no other transaction holds; a corporate card's expense must be
    non-reimbursable."""
    try:
        async with in_transaction() as connection:
            row = await own_transaction(viewer, connection, transaction_id)
            expect_status(row, Status.UNMATCHED)
            expense = await (
                models.Expense.filter(id=expense_id or -1, org_id=viewer.org_id,
                                      user_id=viewer.user_id)
                .select_for_update().using_db(connection).first()
            )  # fmt: skip
            if expense is None:
                raise Refused([FieldError("expenseId", "No such expense.", ErrorCode.NOT_FOUND)])
            problem = await _match_problem(connection, row, expense)
            if problem is not None:
                raise Refused([problem])
            await _hold(connection, row, expense.id)
    except Refused as refusal:
        return MutationResult(errors=refusal.errors)
    except IntegrityError:  # another transaction took the expense meanwhile
        return MutationResult.fail(
            "expenseId", "Another card transaction holds this expense.", ErrorCode.ALREADY_MATCHED
        )
    return MutationResult(row)


# Their amount comes from rates, never from a card.
_PRICED_BY_RULES = frozenset({models.ExpenseKind.MILEAGE, models.ExpenseKind.PER_DIEM})


async def _match_problem(
    connection: BaseDBAsyncClient, row: models.CardTransaction, expense: models.Expense
) -> FieldError | None:
    if row.amount_minor <= 0:
        return FieldError("id", "Only a charge can be matched to an expense.",
                          ErrorCode.INVALID_AMOUNT)  # fmt: skip
    if (expense.amount_minor, expense.currency) != (row.amount_minor, row.currency):
        return FieldError("expenseId", "The expense's amount differs from the transaction's.",
                          ErrorCode.AMOUNT_MISMATCH)  # fmt: skip
    if row.card.kind is models.CardKind.CORPORATE and expense.is_reimbursable:
        return FieldError(
            "expenseId",
            "A corporate card's transaction matches only a non-reimbursable expense.",
            ErrorCode.CARD_EXPENSE_NOT_REIMBURSABLE,
        )
    if expense.kind in _PRICED_BY_RULES:
        return FieldError(
            "expenseId",
            "A mileage or per diem expense's amount comes from its rates, not from a card.",
            ErrorCode.EXPENSE_NOT_MATCHABLE,
        )
    if expense.report_id is not None:
        report = await models.Report.filter(id=expense.report_id).using_db(connection).get()
        if report.status not in EDITABLE_REPORT_STATES or report.is_archived:
            return FieldError("expenseId", f"The expense is on a {report.status.value.lower()} "
                              "report.", ErrorCode.EXPENSE_LOCKED)  # fmt: skip
    if expense.kind is models.ExpenseKind.CARD:
        return FieldError("expenseId", "Another card transaction holds this expense.",
                          ErrorCode.ALREADY_MATCHED)  # fmt: skip
    return None


async def unmatch_transaction(
    viewer: Viewer, transaction_id: int | None
) -> MutationResult[models.CardTransaction]:
    """The expense stays (an auto-created one too) as an ordinary non-reimbursable expense."""
    try:
        async with in_transaction() as connection:
            row = await own_transaction(viewer, connection, transaction_id)
            expect_status(row, Status.MATCHED)
            expense_id = row.expense_id
            row.expense_id, row.status, row.created_expense = None, Status.UNMATCHED, False
            await row.save(
                using_db=connection, update_fields=["expense_id", "status", "created_expense"]
            )
            if expense_id is not None:
                await _set_kind(connection, expense_id, models.ExpenseKind.MANUAL)
    except Refused as refusal:
        return MutationResult(errors=refusal.errors)
    return MutationResult(row)


async def exclude_transaction(
    viewer: Viewer, transaction_id: int | None
) -> MutationResult[models.CardTransaction]:
    """An unmatched transaction the holder will not claim (a personal spend, a payment)."""
    try:
        async with in_transaction() as connection:
            row = await own_transaction(viewer, connection, transaction_id)
            expect_status(row, Status.UNMATCHED)
            row.status = Status.EXCLUDED
            await row.save(using_db=connection, update_fields=["status"])
    except Refused as refusal:
        return MutationResult(errors=refusal.errors)
    return MutationResult(row)


async def restore_transaction(
    viewer: Viewer, transaction_id: int | None
) -> MutationResult[models.CardTransaction]:
    """Undo an exclusion: the transaction is unmatched again."""
    try:
        async with in_transaction() as connection:
            row = await own_transaction(viewer, connection, transaction_id)
            expect_status(row, Status.EXCLUDED)
            row.status = Status.UNMATCHED
            await row.save(using_db=connection, update_fields=["status"])
    except Refused as refusal:
        return MutationResult(errors=refusal.errors)
    return MutationResult(row)
