"""Creating, bulk-adding, changing and deleting expenses."""

from __future__ import annotations

from collections.abc import Sequence

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from orm import models
from resolvers.errors import ErrorCode, FieldError, MutationResult, Refused
from resolvers.expenses.access import visible_expenses
from resolvers.expenses.locks import editable_expense, locked_changes, wholly_locked
from resolvers.expenses.reports import (
    ReportData,
    clean_report,
    insert_report,
    own_movable_expenses,
)
from resolvers.expenses.status import DELETABLE_STATES, EDITABLE_REPORT_STATES, expense_status
from resolvers.expenses.validation import (
    CleanExpense,
    ExpenseData,
    clean_expense,
    load_lookup,
    lookup_for_expenses,
)
from resolvers.viewer import Viewer

MAX_BULK = 100


def _person_name(person: models.ContactPerson) -> str:
    return f"{person.first_name} {person.last_name}".strip()


async def _write_links(
    connection: BaseDBAsyncClient,
    org_id: int,
    expense_id: int,
    clean: CleanExpense,
    prefix: str = "",
) -> None:
    """Attendees and receipts of the expense. A receipt is claimed only while it is free (or
    already this expense's): of concurrent claimants exactly one wins, the others are refused
    with RECEIPT_IN_USE and roll back (the update waits for the winner's row lock)."""
    await models.ExpenseAttendee.filter(expense_id=expense_id).using_db(connection).delete()
    users = await models.User.in_bulk(clean.attendee_user_ids, "id", using_db=connection)
    persons = await models.ContactPerson.in_bulk(
        clean.attendee_contact_person_ids, "id", using_db=connection
    )
    await models.ExpenseAttendee.bulk_create(
        [models.ExpenseAttendee(org_id=org_id, expense_id=expense_id, user_id=uid,
                                name=users[uid].name)
         for uid in clean.attendee_user_ids]
        + [models.ExpenseAttendee(org_id=org_id, expense_id=expense_id, contact_person_id=cid,
                                  name=_person_name(persons[cid]))
           for cid in clean.attendee_contact_person_ids],
        using_db=connection,
    )  # fmt: skip
    await (
        models.Receipt.filter(expense_id=expense_id)
        .exclude(id__in=clean.receipt_ids)
        .using_db(connection)
        .update(expense_id=None)
    )
    if clean.receipt_ids:
        claimed = await (
            models.Receipt.filter(id__in=clean.receipt_ids, org_id=org_id)
            .filter(Q(expense_id__isnull=True) | Q(expense_id=expense_id))
            .using_db(connection)
            .update(expense_id=expense_id)
        )
        if claimed != len(clean.receipt_ids):
            raise Refused(
                [
                    FieldError(
                        f"{prefix}receiptIds",
                        "This receipt was just attached to another expense.",
                        ErrorCode.RECEIPT_IN_USE,
                    )
                ]
            )


async def target_report(
    viewer: Viewer,
    report_id: int | None,
    errors: list[FieldError],
    field: str,
    connection: BaseDBAsyncClient | None = None,
) -> models.Report | None:
    """The viewer's report that expenses may join; inside a transaction it is locked, so a
    concurrent submit cannot slip between the check and the write (PostgreSQL)."""
    if report_id is None:
        return None
    query = models.Report.filter(id=report_id, org_id=viewer.org_id, user_id=viewer.user_id)
    if connection is not None:
        query = query.select_for_update().using_db(connection)
    report = await query.first()
    if report is None:
        errors.append(FieldError(field, "No such report.", ErrorCode.NOT_FOUND))
    elif report.status not in EDITABLE_REPORT_STATES or report.is_archived:
        errors.append(
            FieldError(field, "Expenses can only be added to a draft or rejected report.",
                       ErrorCode.REPORT_NOT_EDITABLE)
        )  # fmt: skip
    return report


async def create_expenses(
    viewer: Viewer,
    rows: Sequence[ExpenseData],
    *,
    report_id: int | None = None,
    new_report: ReportData | None = None,
    bulk: bool = False,
) -> MutationResult[list[models.Expense]]:
    """All or nothing: one refused row refuses the whole call, each error naming its row."""
    if not rows:
        return MutationResult.fail("expenses", "Give at least one expense.", ErrorCode.REQUIRED)
    if len(rows) > MAX_BULK:
        return MutationResult.fail(
            "expenses", f"At most {MAX_BULK} at a time.", ErrorCode.TOO_MANY_ITEMS
        )
    errors: list[FieldError] = []
    if report_id is not None and new_report is not None:
        errors.append(
            FieldError("reportId", "Give a report or a new report, not both.", ErrorCode.INVALID)
        )
    lookup = await lookup_for_expenses(viewer, rows)
    cleaned = [
        clean_expense(row, lookup, errors, prefix=f"expenses.{index}." if bulk else "")
        for index, row in enumerate(rows)
    ]
    await target_report(viewer, report_id, errors, "reportId")
    report_values = None
    if new_report is not None:
        report_lookup = await load_lookup(
            viewer, customer_ids=[new_report.customer_id], potential_ids=[new_report.potential_id]
        )
        report_values = clean_report(new_report, report_lookup, errors, prefix="newReport.")
        # the viewer's unreported expenses join the new report beside the created ones
        moving = await own_movable_expenses(
            viewer, new_report.expense_ids, errors, "newReport.expenseIds"
        )
        report_values = report_values | {"expense_ids": [e.id for e in moving]}
    if errors:
        return MutationResult(errors=errors)
    created = []
    try:
        async with in_transaction() as connection:
            if report_id is not None:  # again, locked: the report may have moved on meanwhile
                late: list[FieldError] = []
                await target_report(viewer, report_id, late, "reportId", connection)
                if late:
                    raise Refused(late)
            created = await _insert(connection, viewer, cleaned, report_id, report_values, bulk)
    except Refused as refusal:
        return MutationResult(errors=refusal.errors)
    return MutationResult(created)


async def _insert(
    connection: BaseDBAsyncClient,
    viewer: Viewer,
    cleaned: list[CleanExpense | None],
    report_id: int | None,
    report_values: dict[str, object] | None,
    bulk: bool = False,
) -> list[models.Expense]:
    created = []
    if report_values is not None:
        values = dict(report_values)
        moving = values.pop("expense_ids", [])
        assert isinstance(moving, list)
        report_id = (await insert_report(connection, viewer, values)).id
        if moving:
            moved = await (
                models.Expense.filter(id__in=moving, report_id__isnull=True)
                .using_db(connection)
                .update(report_id=report_id)
            )
            if moved != len(moving):  # one joined another report meanwhile: change nothing
                raise Refused(
                    [
                        FieldError(
                            "newReport.expenseIds",
                            "An expense was just added to another report.",
                            ErrorCode.INVALID,
                        )
                    ]
                )
    for index, clean in enumerate(cleaned):
        assert clean is not None
        expense = await models.Expense.create(
            org_id=viewer.org_id, user_id=viewer.user_id, report_id=report_id,
            kind=models.ExpenseKind.MANUAL, using_db=connection, **clean.values,
        )  # fmt: skip
        prefix = f"expenses.{index}." if bulk else ""
        await _write_links(connection, viewer.org_id, expense.id, clean, prefix)
        created.append(expense)
    return created


async def update_expense(
    viewer: Viewer, expense_id: int | None, data: ExpenseData
) -> MutationResult[models.Expense]:
    """Replace the expense's fields, attendees and receipts with the given ones."""
    expense = await editable_expense(viewer, expense_id)
    if isinstance(expense, MutationResult):
        return expense
    refused = wholly_locked(expense)  # a per diem: perDiemUpdate recalculates it
    if refused is not None:
        return MutationResult(errors=[refused])
    errors: list[FieldError] = []
    owner = Viewer(user_id=expense.user_id, org_id=viewer.org_id, role=viewer.role)
    lookup = await lookup_for_expenses(owner, [data])
    clean = clean_expense(
        data, lookup, errors, expense_id=expense.id, current_category_id=expense.category_id
    )
    if errors or clean is None:
        return MutationResult(errors=errors)
    # amounts that come from mileage rates or a card statement cannot be changed here
    locked = await locked_changes(expense, clean.values)
    if locked:
        return MutationResult(errors=locked)
    try:
        async with in_transaction() as connection:
            expense.update_from_dict(clean.values)
            # the given columns only: the kind is not the client's, and a card match made
            # meanwhile keeps the one it wrote
            await expense.save(using_db=connection, update_fields=[*clean.values, "updated_at"])
            await _write_links(connection, viewer.org_id, expense.id, clean)
    except Refused as refusal:
        return MutationResult(errors=refusal.errors)
    return MutationResult(expense)


async def delete_expenses(viewer: Viewer, expense_ids: list[int]) -> MutationResult[list[int]]:
    """Unreported and unsubmitted expenses of the viewer only; all or nothing. The checks run
    inside the deleting transaction with the reports locked, so a report submitted meanwhile
    keeps its expenses."""
    if not expense_ids or len(expense_ids) > MAX_BULK:
        return MutationResult.fail("ids", f"Give 1 to {MAX_BULK} ids.", ErrorCode.TOO_MANY_ITEMS)
    try:
        async with in_transaction() as connection:
            found = await (
                visible_expenses(viewer).filter(id__in=expense_ids).using_db(connection)
                .in_bulk(expense_ids, "id")
            )  # fmt: skip
            report_ids = {e.report_id for e in found.values() if e.report_id is not None}
            reports = {
                r.id: r
                for r in await models.Report.filter(id__in=report_ids)
                .select_for_update()
                .using_db(connection)
            }
            errors = []
            for index, expense_id in enumerate(expense_ids):
                expense = found.get(expense_id)
                if expense is None:
                    errors.append(
                        FieldError(f"ids.{index}", "No such expense.", ErrorCode.NOT_FOUND)
                    )
                    continue
                report = reports.get(expense.report_id) if expense.report_id else None
                status = expense_status(report.status if report else None)
                if expense.user_id != viewer.user_id and not viewer.is_admin:
                    errors.append(
                        FieldError(f"ids.{index}", "Not your expense.", ErrorCode.NOT_PERMITTED)
                    )
                elif status not in DELETABLE_STATES:
                    message = f"A {status.value.lower()} expense cannot be deleted."
                    errors.append(FieldError(f"ids.{index}", message, ErrorCode.EXPENSE_LOCKED))
            if errors:
                raise Refused(errors)
            ids = list(found)
            await (
                models.Receipt.filter(expense_id__in=ids)
                .using_db(connection)
                .update(expense_id=None)
            )
            await (  # their card transactions become unmatched again
                models.CardTransaction.filter(expense_id__in=ids)
                .using_db(connection)
                .update(expense_id=None, status=models.CardTransactionStatus.UNMATCHED,
                        created_expense=False)
            )  # fmt: skip
            await models.Expense.filter(id__in=ids).using_db(connection).delete()
    except Refused as refusal:
        return MutationResult(errors=refusal.errors)
    return MutationResult(ids)
