"""Payloads of the expense and report mutations."""

from __future__ import annotations

import strawberry

from gql.errors import UserError
from gql.expenses.types import Expense, Report
from orm import models
from resolvers.errors import MutationResult


@strawberry.type
class ExpensePayload:
    expense: Expense | None
    errors: list[UserError]

    @classmethod
    def from_result(cls, result: MutationResult[models.Expense]) -> ExpensePayload:
        return cls(
            expense=Expense.from_model(result.value) if result.value else None,
            errors=UserError.from_errors(result.errors),
        )


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
