"""The expense's status as a GraphQL enum: registered here, once, for every module that uses it
(an annotation with the plain enum before its registration would define it a second time)."""

from __future__ import annotations

import strawberry

from resolvers.expenses.status import ExpenseStatus

strawberry.enum(ExpenseStatus, description="Derived from the expense's report.")

__all__ = ["ExpenseStatus"]
