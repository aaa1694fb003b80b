"""All models; callers write ``from orm import models`` and ``models.User``."""

from __future__ import annotations

from orm.models.cards import (
    Card,
    CardKind,
    CardSettings,
    CardTransaction,
    CardTransactionStatus,
    StatementFormat,
    StatementImport,
)
from orm.models.customers import (
    ContactPerson,
    CrmModule,
    Customer,
    CustomerStatus,
    CustomerType,
    CustomField,
    CustomFieldType,
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
from orm.models.integration import (
    ConflictPolicy,
    CustomerModule,
    DuplicatePolicy,
    Integration,
    IntegrationState,
    SyncCursor,
    SyncExtent,
    SyncRecordError,
    SyncRun,
    SyncStatus,
)
from orm.models.organizations import Organization, PotentialScope

__all__ = [
    "ApiToken",
    "Card",
    "CardKind",
    "CardSettings",
    "CardTransaction",
    "CardTransactionStatus",
    "Category",
    "ConflictPolicy",
    "ContactPerson",
    "CrmModule",
    "CustomField",
    "CustomFieldType",
    "Customer",
    "CustomerModule",
    "CustomerStatus",
    "CustomerType",
    "DuplicatePolicy",
    "Expense",
    "ExpenseAttendee",
    "Integration",
    "IntegrationState",
    "Organization",
    "Potential",
    "PotentialScope",
    "PotentialState",
    "Receipt",
    "Report",
    "ReportEvent",
    "ReportStatus",
    "StatementFormat",
    "StatementImport",
    "SyncCursor",
    "SyncExtent",
    "SyncRecordError",
    "SyncRun",
    "SyncStatus",
    "User",
    "UserRole",
    "UserStatus",
]
