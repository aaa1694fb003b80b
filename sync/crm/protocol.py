"""What the sync engine may ask of a CRM. Implementations: :class:`~sync.crm.client.ZohoCrmClient`.

Only frozen DTOs cross this boundary; URLs, headers, status codes and page tokens stay inside
the implementation. Every method may raise a :class:`~sync.crm.errors.CrmError`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from datetime import datetime
from typing import Any, Protocol

from sync.crm.criteria import Criteria
from sync.crm.dto import (
    CrmRecord,
    DeletedPage,
    RecordPage,
    WatchChannel,
    WriteResult,
)
from sync.crm.metadata import UserType
from sync.crm.metadata_dto import (
    CrmCurrency,
    CrmField,
    CrmModule,
    CrmOrg,
    CrmUser,
    CustomView,
)
from sync.crm.notifications import WatchRequest
from sync.crm.records import DeletedType, SortBy, SortOrder


class CrmClient(Protocol):
    @property
    def max_in_flight(self) -> int:
        """How many requests this client lets the organisation have in flight."""
        ...

    # Records -------------------------------------------------------------------------------
    def iter_pages(
        self,
        module: str,
        fields: Sequence[str],
        *,
        sort_by: SortBy | None = ...,
        sort_order: SortOrder | None = ...,
        cvid: str | None = ...,
        modified_since: datetime | None = ...,
        per_page: int = ...,
    ) -> AsyncIterator[RecordPage]:
        """All pages of a module in order; one 304 page when nothing changed since."""
        ...

    def iter_records(
        self,
        module: str,
        fields: Sequence[str],
        *,
        sort_by: SortBy | None = ...,
        sort_order: SortOrder | None = ...,
        cvid: str | None = ...,
        modified_since: datetime | None = ...,
        per_page: int = ...,
    ) -> AsyncIterator[CrmRecord]: ...

    async def get_record(
        self, module: str, record_id: str, *, fields: Sequence[str] = ...
    ) -> CrmRecord | None: ...

    def iter_related(
        self,
        module: str,
        record_id: str,
        related_list: str,
        fields: Sequence[str],
        *,
        modified_since: datetime | None = ...,
    ) -> AsyncIterator[CrmRecord]: ...

    async def count(
        self,
        module: str,
        *,
        cvid: str | None = ...,
        criteria: Criteria | str | None = ...,
        word: str | None = ...,
        email: str | None = ...,
        phone: str | None = ...,
    ) -> int: ...

    def iter_deleted(
        self,
        module: str,
        *,
        type: DeletedType = ...,
        modified_since: datetime | None = ...,
    ) -> AsyncIterator[DeletedPage]: ...

    def search(
        self,
        module: str,
        *,
        criteria: Criteria | str | None = ...,
        word: str | None = ...,
        email: str | None = ...,
        phone: str | None = ...,
        fields: Sequence[str] = ...,
        exact: bool = ...,
    ) -> AsyncIterator[CrmRecord]: ...

    # Writes --------------------------------------------------------------------------------
    async def insert(
        self, module: str, records: Sequence[Mapping[str, Any]], *, trigger: Sequence[str] = ...
    ) -> list[WriteResult]: ...

    async def update(
        self,
        module: str,
        records: Sequence[Mapping[str, Any]],
        *,
        trigger: Sequence[str] = ...,
        unmodified_since: datetime | None = ...,
    ) -> list[WriteResult]: ...

    async def upsert(
        self,
        module: str,
        records: Sequence[Mapping[str, Any]],
        *,
        duplicate_check_fields: Sequence[str] = ...,
        trigger: Sequence[str] = ...,
        unmodified_since: datetime | None = ...,
    ) -> list[WriteResult]: ...

    async def delete(self, module: str, ids: Sequence[str]) -> list[WriteResult]: ...

    # Metadata ------------------------------------------------------------------------------
    def iter_users(
        self, *, type: UserType = ..., modified_since: datetime | None = ...
    ) -> AsyncIterator[CrmUser]: ...

    async def get_org(self) -> CrmOrg: ...

    async def list_currencies(self) -> list[CrmCurrency]: ...

    async def list_modules(self) -> list[CrmModule]: ...

    async def list_fields(self, module: str) -> list[CrmField]: ...

    async def list_custom_views(self, module: str) -> list[CustomView]: ...

    async def get_custom_view(self, module: str, view_id: str) -> CustomView: ...

    # Notifications -------------------------------------------------------------------------
    async def subscribe(self, requests: Sequence[WatchRequest]) -> list[WriteResult]: ...

    async def renew_channel(
        self, channel_id: str, events: Sequence[str], expiry: datetime
    ) -> None: ...

    async def list_channels(self, *, module: str | None = ...) -> list[WatchChannel]: ...

    async def unsubscribe(self, channel_ids: Sequence[str]) -> list[WriteResult]: ...
