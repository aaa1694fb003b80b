"""All models; callers write ``from orm import models`` and ``models.User``."""

from __future__ import annotations

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
from orm.models.lifecycle import (
    DeletionMode,
    DeletionStatus,
    IntegrationDeletion,
    WatchChannel,
)
from orm.models.mileage import (
    DistanceUnit,
    MileageDetail,
    MileageLine,
    MileageRate,
    MileageSlab,
    MileageVehicle,
)
from orm.models.notifications import Notification
from orm.models.organizations import Organization, PotentialScope
from orm.models.perdiem import (
    PerDiemAssignment,
    PerDiemDetail,
    PerDiemLocation,
    PerDiemMode,
    PerDiemPolicy,
    PerDiemRate,
    PerDiemTier,
)
from orm.models.user_sync import UserSyncRun

__all__ = [
    "ApiToken",
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
    "DeletionMode",
    "DeletionStatus",
    "DistanceUnit",
    "DuplicatePolicy",
    "Expense",
    "ExpenseAttendee",
    "Integration",
    "IntegrationDeletion",
    "IntegrationState",
    "MileageDetail",
    "MileageLine",
    "MileageRate",
    "MileageSlab",
    "MileageVehicle",
    "Notification",
    "Organization",
    "PerDiemAssignment",
    "PerDiemDetail",
    "PerDiemLocation",
    "PerDiemMode",
    "PerDiemPolicy",
    "PerDiemRate",
    "PerDiemTier",
    "Potential",
    "PotentialScope",
    "PotentialState",
    "Receipt",
    "Report",
    "ReportEvent",
    "ReportStatus",
    "SyncCursor",
    "SyncExtent",
    "SyncRecordError",
    "SyncRun",
    "SyncStatus",
    "User",
    "UserRole",
    "UserStatus",
    "UserSyncRun",
    "WatchChannel",
]
