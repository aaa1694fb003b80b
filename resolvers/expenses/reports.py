"""Creating expense reports and moving expenses in and out of them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from orm import models
from resolvers.errors import ErrorCode, FieldError, MutationResult
from resolvers.expenses.status import EDITABLE_REPORT_STATES
from resolvers.expenses.validation import Lookup, check_customer_and_potential, load_lookup
from resolvers.validation import clean_text
from resolvers.viewer import Viewer

MAX_EXPENSES_PER_CALL = 100


@dataclass(slots=True)
class ReportData:
    name: str = ""
    business_purpose: str = ""
    start_date: date | None = None
    end_date: date | None = None
    customer_id: int | None = None
    potential_id: int | None = None
    expense_ids: list[int] = field(default_factory=list)


def clean_report(
    data: ReportData, lookup: Lookup, errors: list[FieldError], prefix: str = ""
) -> dict[str, object]:
    values: dict[str, object] = {
        "name": clean_text(data.name, f"{prefix}name", max_length=200, errors=errors),
        "business_purpose": clean_text(
            data.business_purpose, f"{prefix}businessPurpose", max_length=2000, errors=errors,
            required=False,
        ),
    }  # fmt: skip
    for name, value in (("startDate", data.start_date), ("endDate", data.end_date)):
        if value is None:
            errors.append(
                FieldError(f"{prefix}{name}", "This field is required.", ErrorCode.REQUIRED)
            )
    if data.start_date and data.end_date and data.end_date < data.start_date:
        errors.append(
            FieldError(
                f"{prefix}endDate",
                "The end date is before the start date.",
                ErrorCode.INVALID_DATE_RANGE,
            )
        )
    customer, potential = check_customer_and_potential(
        lookup, data.customer_id, data.potential_id, errors, prefix
    )
    values |= {
        "start_date": data.start_date,
        "end_date": data.end_date,
        "customer_id": customer.id if customer else None,
        "potential_id": potential.id if potential else None,
    }
    return values


async def record_event(
    connection: BaseDBAsyncClient,
    report: models.Report,
    viewer: Viewer,
    action: str,
    from_status: models.ReportStatus | None,
    comment: str = "",
) -> None:
    await models.ReportEvent.create(
        org_id=report.org_id, report_id=report.id, actor_id=viewer.user_id, action=action,
        from_status=from_status, to_status=report.status, comment=comment, using_db=connection,
    )  # fmt: skip


async def insert_report(
    connection: BaseDBAsyncClient, viewer: Viewer, values: dict[str, object]
) -> models.Report:
    """A new draft report with the organisation's next number (ER-00001, ER-00002 …)."""
    await (
        models.Organization.filter(id=viewer.org_id)
        .using_db(connection)
        .update(report_sequence=F("report_sequence") + 1)
    )
    org = await models.Organization.filter(id=viewer.org_id).using_db(connection).get()
    report = await models.Report.create(
        org_id=viewer.org_id, user_id=viewer.user_id, number=f"ER-{org.report_sequence:05d}",
        status=models.ReportStatus.DRAFT, using_db=connection, **values,
    )  # fmt: skip
    await record_event(connection, report, viewer, "create", None)
    return report


async def own_movable_expenses(
    viewer: Viewer, expense_ids: list[int], errors: list[FieldError], field_name: str
) -> list[models.Expense]:
    """The viewer's own expenses that are not in a report, or refusals with reasons."""
    if len(expense_ids) > MAX_EXPENSES_PER_CALL:
        errors.append(
            FieldError(field_name, f"At most {MAX_EXPENSES_PER_CALL}.", ErrorCode.TOO_MANY_ITEMS)
        )
        return []
    found = await models.Expense.filter(
        org_id=viewer.org_id, user_id=viewer.user_id, id__in=expense_ids
    ).in_bulk(expense_ids, "id")
    expenses = []
    for index, expense_id in enumerate(dict.fromkeys(expense_ids)):
        expense = found.get(expense_id)
        if expense is None:
            errors.append(
                FieldError(f"{field_name}.{index}", "No such expense.", ErrorCode.NOT_FOUND)
            )
        elif expense.report_id is not None:
            errors.append(
                FieldError(
                    f"{field_name}.{index}",
                    "This expense is already in a report.",
                    ErrorCode.INVALID,
                )
            )
        else:
            expenses.append(expense)
    return expenses


async def create_report(viewer: Viewer, data: ReportData) -> MutationResult[models.Report]:
    errors: list[FieldError] = []
    lookup = await load_lookup(
        viewer, customer_ids=[data.customer_id], potential_ids=[data.potential_id]
    )
    values = clean_report(data, lookup, errors)
    expenses = await own_movable_expenses(viewer, data.expense_ids, errors, "expenseIds")
    if errors:
        return MutationResult(errors=errors)
    async with in_transaction() as connection:
        report = await insert_report(connection, viewer, values)
        if expenses:
            await (
                models.Expense.filter(id__in=[e.id for e in expenses])
                .using_db(connection)
                .update(report_id=report.id)
            )
    return MutationResult(report)


async def _editable_own_report(
    viewer: Viewer, report_id: int | None, connection: BaseDBAsyncClient
) -> models.Report | MutationResult[models.Report]:
    report = None
    if report_id is not None:
        report = (  # locked: a concurrent submit waits for this change (PostgreSQL)
            await models.Report.filter(id=report_id, org_id=viewer.org_id, user_id=viewer.user_id)
            .select_for_update()
            .using_db(connection)
            .first()
        )
    if report is None:
        return MutationResult.fail("reportId", "No such report.", ErrorCode.NOT_FOUND)
    if report.status not in EDITABLE_REPORT_STATES or report.is_archived:
        return MutationResult.fail(
            "reportId",
            f"A {report.status.value.lower()} report cannot be changed; recall it first.",
            ErrorCode.REPORT_NOT_EDITABLE,
        )
    return report


async def add_expenses(
    viewer: Viewer, report_id: int | None, expense_ids: list[int]
) -> MutationResult[models.Report]:
    errors: list[FieldError] = []
    expenses = await own_movable_expenses(viewer, expense_ids, errors, "expenseIds")
    async with in_transaction() as connection:
        report = await _editable_own_report(viewer, report_id, connection)
        if isinstance(report, MutationResult):
            return report
        if errors:
            return MutationResult(errors=errors)
        moved = await (
            models.Expense.filter(id__in=[e.id for e in expenses], report_id__isnull=True)
            .using_db(connection)
            .update(report_id=report.id)
        )
        if moved != len(expenses):  # one joined another report meanwhile: change nothing
            await connection.rollback()
            return MutationResult.fail(
                "expenseIds", "An expense was just added to another report.", ErrorCode.INVALID
            )
    return MutationResult(report)


async def remove_expenses(
    viewer: Viewer, report_id: int | None, expense_ids: list[int]
) -> MutationResult[models.Report]:
    if len(expense_ids) > MAX_EXPENSES_PER_CALL:
        return MutationResult.fail(
            "expenseIds", f"At most {MAX_EXPENSES_PER_CALL}.", ErrorCode.TOO_MANY_ITEMS
        )
    async with in_transaction() as connection:
        report = await _editable_own_report(viewer, report_id, connection)
        if isinstance(report, MutationResult):
            return report
        rows = await (
            models.Expense.filter(report_id=report.id, id__in=expense_ids)
            .using_db(connection)
            .values_list("id", flat=True)
        )
        inside = {int(row) for row in rows}  # type: ignore[call-overload]
        errors = [
            FieldError(f"expenseIds.{i}", "This expense is not in the report.", ErrorCode.NOT_FOUND)
            for i, expense_id in enumerate(expense_ids)
            if expense_id not in inside
        ]
        if errors:
            return MutationResult(errors=errors)
        await models.Expense.filter(id__in=inside).using_db(connection).update(report_id=None)
    return MutationResult(report)
