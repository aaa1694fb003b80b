"""The expense's status as a GraphQL enum: registered here, once, for every module that uses it
(an annotation with the plain enum before its registration would define it a second time)."""

from __future__ import annotations

from gql.enums import described_enum
from resolvers.expenses.status import ExpenseStatus

described_enum(
    ExpenseStatus,
    description="Derived from the expense's report.",
    values={
        "UNREPORTED": "In no report.",
        "UNSUBMITTED": "In a draft report.",
        "SUBMITTED": "In a submitted report.",
        "APPROVED": "In an approved report.",
        "REJECTED": "In a rejected report.",
        "REIMBURSED": "In a reimbursed report.",
    },
)

__all__ = ["ExpenseStatus"]
