"""Payloads of the expense and report mutations."""

from __future__ import annotations

import strawberry

from gql.errors import UserError
from gql.expenses.types import Expense, Report


@strawberry.type
class ExpensePayload:
    expense: Expense | None
    errors: list[UserError]


@strawberry.type
class ExpensesPayload:
    expenses: list[Expense]
    errors: list[UserError]


@strawberry.type
class ExpensesDeletePayload:
    deleted_ids: list[strawberry.ID]
    errors: list[UserError]


@strawberry.type
class ReportPayload:
    report: Report | None
    errors: list[UserError]
