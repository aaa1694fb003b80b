from __future__ import annotations

import strawberry

from gql.errors import UserError
from gql.expenses.types import Category, Customer, CustomField, Expense, Potential, Report
from orm import models
from resolvers.errors import MutationResult


@strawberry.type
class CategoryPayload:
    category: Category | None
    errors: list[UserError]


@strawberry.type
class CustomFieldPayload:
    custom_field: CustomField | None
    errors: list[UserError]


@strawberry.type
class CustomerPayload:
    customer: Customer | None
    errors: list[UserError]


@strawberry.type
class CustomerDeletePayload:
    deleted_id: strawberry.ID | None
    errors: list[UserError]


@strawberry.type
class PotentialPayload:
    potential: Potential | None
    errors: list[UserError]


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
