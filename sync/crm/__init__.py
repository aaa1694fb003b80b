"""Everything that knows the CRM's wire protocol: client, errors, DTOs and the simulator.

The sync engine imports from here only: :class:`CrmClient` (the protocol), the DTOs, the error
tree and :class:`ZohoCrmClient`. URLs, headers and status codes never leave this package.
"""

from __future__ import annotations

from sync.crm.auth import DATA_CENTRES, OAuthCredentials
from sync.crm.client import ZohoCrmClient
from sync.crm.clock import Clock, FakeClock, RandomSource, SystemClock
from sync.crm.criteria import Criterion, all_of, any_of
from sync.crm.dto import (
    CrmRecord,
    DeletedPage,
    DeletedRecord,
    PageInfo,
    RecordPage,
    WatchChannel,
    WriteResult,
)
from sync.crm.errors import (
    CrmAuthError,
    CrmBudgetExceeded,
    CrmConflict,
    CrmError,
    CrmFatalError,
    CrmNotFound,
    CrmPaginationError,
    CrmPaginationLoop,
    CrmRateLimited,
    CrmRetriableError,
    CrmScopeError,
    CrmTransportError,
    CrmUnavailable,
    CrmValidationError,
)
from sync.crm.metadata_dto import (
    CrmCurrency,
    CrmField,
    CrmModule,
    CrmOrg,
    CrmUser,
    CustomView,
)
from sync.crm.notifications import WatchRequest
from sync.crm.protocol import CrmClient
from sync.crm.ratelimit import LimiterRegistry, OrgLimiter
from sync.crm.retry import RetryPolicy

__all__ = [
    "DATA_CENTRES",
    "Clock",
    "Criterion",
    "CrmAuthError",
    "CrmBudgetExceeded",
    "CrmClient",
    "CrmConflict",
    "CrmCurrency",
    "CrmError",
    "CrmFatalError",
    "CrmField",
    "CrmModule",
    "CrmNotFound",
    "CrmOrg",
    "CrmPaginationError",
    "CrmPaginationLoop",
    "CrmRateLimited",
    "CrmRecord",
    "CrmRetriableError",
    "CrmScopeError",
    "CrmTransportError",
    "CrmUnavailable",
    "CrmUser",
    "CrmValidationError",
    "CustomView",
    "DeletedPage",
    "DeletedRecord",
    "FakeClock",
    "LimiterRegistry",
    "OAuthCredentials",
    "OrgLimiter",
    "PageInfo",
    "RandomSource",
    "RecordPage",
    "RetryPolicy",
    "SystemClock",
    "WatchChannel",
    "WatchRequest",
    "WriteResult",
    "ZohoCrmClient",
    "all_of",
    "any_of",
]
