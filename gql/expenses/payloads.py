"""Payloads of the expense and report mutations."""

from __future__ import annotations

import strawberry

from gql.errors import UserError, errors_field
from gql.expenses.types import Expense, Report


@strawberry.type(description="Result of a mutation that changes one expense.")
class ExpensePayload:
    expense: Expense | None = strawberry.field(
        description="The expense as saved; null when refused."
    )
    errors: list[UserError] = errors_field()


@strawberry.type(description="Result of `expensesCreate`.")
class ExpensesPayload:
    expenses: list[Expense] = strawberry.field(
        description="The created expenses, in input order; empty when refused."
    )
    errors: list[UserError] = errors_field()


@strawberry.type(description="Result of `expensesDelete`.")
class ExpensesDeletePayload:
    deleted_ids: list[strawberry.ID] = strawberry.field(
        description="The deleted expenses' ids; empty when refused."
    )
    errors: list[UserError] = errors_field()


@strawberry.type(description="Result of a mutation that changes a report.")
class ReportPayload:
    report: Report | None = strawberry.field(description="The report as saved; null when refused.")
    errors: list[UserError] = errors_field()
