"""All models; callers write ``from orm import models`` and ``models.User``."""

from __future__ import annotations

from orm.models.customers import (
    ContactPerson,
    CrmModule,
    Customer,
    CustomerStatus,
    CustomerType,
    Potential,
    PotentialState,
)
from orm.models.expenses import (
    Category,
    Expense,
    ExpenseAttendee,
    Receipt,
    Report,
    ReportEvent,
    ReportStatus,
)
from orm.models.identity import ApiToken, User, UserRole, UserStatus
from orm.models.organizations import Organization, PotentialScope

__all__ = [
    "ApiToken",
    "Category",
    "ContactPerson",
    "CrmModule",
    "Customer",
    "CustomerStatus",
    "CustomerType",
    "Expense",
    "ExpenseAttendee",
    "Organization",
    "Potential",
    "PotentialScope",
    "PotentialState",
    "Receipt",
    "Report",
    "ReportEvent",
    "ReportStatus",
    "User",
    "UserRole",
    "UserStatus",
]
