"""``ZohoCrmClient``: the :class:`~sync.crm.protocol.CrmClient` for Zoho CRM's REST API (v2..v8).

It owns nothing but wiring: an injected ``httpx.AsyncClient`` (so tests plug in
``MockTransport`` or the simulator's ``ASGITransport``), a :class:`~sync.crm.auth.TokenProvider`,
a :class:`~sync.crm.transport.Transport` and the per-topic readers and writers.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from datetime import datetime
from typing import Any

import httpx

from sync.crm.auth import DataCentre, Endpoints, OAuthCredentials, TokenProvider
from sync.crm.clock import Clock, RandomSource, SystemClock, default_random
from sync.crm.criteria import Criteria
from sync.crm.dto import (
    CrmRecord,
    DeletedPage,
    RecordPage,
    WatchChannel,
    WriteResult,
)
from sync.crm.metadata import MetadataReader, UserType
from sync.crm.metadata_dto import (
    CrmCurrency,
    CrmField,
    CrmModule,
    CrmOrg,
    CrmUser,
    CustomView,
)
from sync.crm.notifications import Notifications, WatchRequest
from sync.crm.protocol import CrmClient
from sync.crm.ratelimit import OrgLimiter
from sync.crm.records import (
    MAX_PER_PAGE,
    DeletedType,
    ListQuery,
    RecordReader,
    SortBy,
    SortOrder,
)
from sync.crm.retry import RetryPolicy
from sync.crm.search import Searcher, SearchQuery
from sync.crm.transport import DEFAULT_TIMEOUT, Transport
from sync.crm.writes import Writer


class ZohoCrmClient:
    """Zoho CRM over HTTP.

    ```python
    async with httpx.AsyncClient() as http:
        credentials = OAuthCredentials(client_id, client_secret, refresh_token)
        crm = ZohoCrmClient(http, credentials, data_centre="EU")
        async for record in crm.iter_records(
            "Deals", ["Deal_Name", "Stage"], sort_by="Modified_Time", modified_since=bookmark
        ):
            ...
    ```

    Parameters:
        http: the shared ``httpx.AsyncClient``; the caller owns (and closes) it.
        credentials: client id, client secret and refresh token.
        data_centre: ``US``, ``EU``, ``IN``, ``AU``, ``JP``, ``CN``, ``CA`` or ``SA``; picks
            the accounts server. Ignored when ``accounts_url`` is given.
        accounts_url: explicit accounts server (the simulator, a proxy).
        api_url: explicit API base; otherwise the token answer's ``api_domain``.
        api_version: URL segment, ``v8`` by default.
        clock, rng: time/sleep and jitter sources (tests inject fakes).
        retry: backoff policy; limiter: the organisation's shared in-flight cap and credits.
        timeout: applied to every request, token requests included.
        refresh_margin: refresh the access token this many seconds before it expires.
        discrete_limit: records reachable by page number before switching to ``page_token``.
    """

    def __init__(
        self,
        http: httpx.AsyncClient,
        credentials: OAuthCredentials,
        *,
        data_centre: DataCentre | str = "US",
        accounts_url: str | None = None,
        api_url: str | None = None,
        api_version: str = "v8",
        clock: Clock | None = None,
        rng: RandomSource | None = None,
        retry: RetryPolicy | None = None,
        limiter: OrgLimiter | None = None,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
        refresh_margin: float = 60.0,
        discrete_limit: int = 2000,
    ) -> None:
        clock = clock or SystemClock()
        rng = rng or default_random()
        retry = retry or RetryPolicy()
        endpoints = (
            Endpoints(accounts_url=accounts_url, api_url=api_url)
            if accounts_url
            else Endpoints.for_data_centre(data_centre)
        )
        self.tokens = TokenProvider(
            http,
            credentials,
            endpoints,
            clock=clock,
            rng=rng,
            retry=retry,
            timeout=timeout,
            refresh_margin=refresh_margin,
        )
        self.transport = Transport(
            http,
            self.tokens,
            api_url=api_url,
            api_version=api_version,
            clock=clock,
            rng=rng,
            retry=retry,
            limiter=limiter,
            timeout=timeout,
        )
        self._records = RecordReader(self.transport, discrete_limit=discrete_limit)
        self._search = Searcher(self.transport)
        self._writer = Writer(self.transport)
        self._meta = MetadataReader(self.transport)
        self._watch = Notifications(self.transport)

    @property
    def limiter(self) -> OrgLimiter:
        return self.transport.limiter

    @property
    def max_in_flight(self) -> int:
        return self.limiter.max_in_flight

    # Records -------------------------------------------------------------------------------
    async def get_page(
        self,
        module: str,
        fields: Sequence[str],
        *,
        page: int | None = 1,
        page_token: str | None = None,
        sort_by: SortBy | None = None,
        sort_order: SortOrder | None = None,
        cvid: str | None = None,
        modified_since: datetime | None = None,
        per_page: int = MAX_PER_PAGE,
    ) -> RecordPage:
        """One page by number or token (the building block of :meth:`iter_pages`)."""
        query = ListQuery(
            module, tuple(fields), per_page, sort_by, sort_order, cvid, modified_since
        )
        return await self._records.page(query, page=page, page_token=page_token)

    def iter_pages(
        self,
        module: str,
        fields: Sequence[str],
        *,
        sort_by: SortBy | None = None,
        sort_order: SortOrder | None = None,
        cvid: str | None = None,
        modified_since: datetime | None = None,
        per_page: int = MAX_PER_PAGE,
    ) -> AsyncIterator[RecordPage]:
        query = ListQuery(
            module, tuple(fields), per_page, sort_by, sort_order, cvid, modified_since
        )
        return self._records.pages(query)

    async def iter_records(
        self,
        module: str,
        fields: Sequence[str],
        *,
        sort_by: SortBy | None = None,
        sort_order: SortOrder | None = None,
        cvid: str | None = None,
        modified_since: datetime | None = None,
        per_page: int = MAX_PER_PAGE,
    ) -> AsyncIterator[CrmRecord]:
        """Every record, streamed page by page: memory is one page, whatever the count."""
        async for page in self.iter_pages(
            module,
            fields,
            sort_by=sort_by,
            sort_order=sort_order,
            cvid=cvid,
            modified_since=modified_since,
            per_page=per_page,
        ):
            for record in page.records:
                yield record

    async def get_record(
        self, module: str, record_id: str, *, fields: Sequence[str] = ()
    ) -> CrmRecord | None:
        return await self._records.get(module, record_id, fields=fields)

    def iter_related(
        self,
        module: str,
        record_id: str,
        related_list: str,
        fields: Sequence[str],
        *,
        modified_since: datetime | None = None,
    ) -> AsyncIterator[CrmRecord]:
        """Records of a related list, e.g. an account's ``Contacts`` or ``Deals``."""
        query = ListQuery(
            f"{module}/{record_id}/{related_list}",
            tuple(fields),
            modified_since=modified_since,
        )
        return self._records.records(query)

    async def count(
        self,
        module: str,
        *,
        cvid: str | None = None,
        criteria: Criteria | str | None = None,
        word: str | None = None,
        email: str | None = None,
        phone: str | None = None,
    ) -> int:
        params: dict[str, str] = {}
        if any(v is not None for v in (criteria, word, email, phone)):
            params.update(SearchQuery(criteria, email, phone, word).params())
        if cvid:
            params["cvid"] = cvid
        return await self._records.count(module, params)

    def iter_deleted(
        self,
        module: str,
        *,
        type: DeletedType = "all",
        modified_since: datetime | None = None,
    ) -> AsyncIterator[DeletedPage]:
        return self._records.deleted_pages(module, type=type, modified_since=modified_since)

    def search(
        self,
        module: str,
        *,
        criteria: Criteria | str | None = None,
        word: str | None = None,
        email: str | None = None,
        phone: str | None = None,
        fields: Sequence[str] = (),
        exact: bool = True,
    ) -> AsyncIterator[CrmRecord]:
        """Matching records; structured ``criteria`` are re-checked exactly unless told not to."""
        query = SearchQuery(criteria=criteria, email=email, phone=phone, word=word)
        query.params()  # fail fast on a bad combination
        return self._search.search(module, query, fields=fields, exact=exact)

    # Writes --------------------------------------------------------------------------------
    async def insert(
        self, module: str, records: Sequence[Mapping[str, Any]], *, trigger: Sequence[str] = ()
    ) -> list[WriteResult]:
        return await self._writer.insert(module, records, trigger=trigger)

    async def update(
        self,
        module: str,
        records: Sequence[Mapping[str, Any]],
        *,
        trigger: Sequence[str] = (),
        unmodified_since: datetime | None = None,
    ) -> list[WriteResult]:
        return await self._writer.update(
            module, records, trigger=trigger, unmodified_since=unmodified_since
        )

    async def upsert(
        self,
        module: str,
        records: Sequence[Mapping[str, Any]],
        *,
        duplicate_check_fields: Sequence[str] = (),
        trigger: Sequence[str] = (),
        unmodified_since: datetime | None = None,
    ) -> list[WriteResult]:
        return await self._writer.upsert(
            module,
            records,
            duplicate_check_fields=duplicate_check_fields,
            trigger=trigger,
            unmodified_since=unmodified_since,
        )

    async def delete(self, module: str, ids: Sequence[str]) -> list[WriteResult]:
        return await self._writer.delete(module, ids)

    # Metadata ------------------------------------------------------------------------------
    def iter_users(
        self, *, type: UserType = "AllUsers", modified_since: datetime | None = None
    ) -> AsyncIterator[CrmUser]:
        return self._meta.users(type=type, modified_since=modified_since)

    async def get_org(self) -> CrmOrg:
        return await self._meta.org()

    async def list_currencies(self) -> list[CrmCurrency]:
        return await self._meta.currencies()

    async def list_modules(self) -> list[CrmModule]:
        return await self._meta.modules()

    async def list_fields(self, module: str) -> list[CrmField]:
        return await self._meta.fields(module)

    async def list_custom_views(self, module: str) -> list[CustomView]:
        return await self._meta.custom_views(module)

    async def get_custom_view(self, module: str, view_id: str) -> CustomView:
        return await self._meta.custom_view(module, view_id)

    # Notifications -------------------------------------------------------------------------
    async def subscribe(self, requests: Sequence[WatchRequest]) -> list[WriteResult]:
        return await self._watch.subscribe(requests)

    async def renew_channel(self, channel_id: str, events: Sequence[str], expiry: datetime) -> None:
        await self._watch.renew(channel_id, events, expiry)

    async def list_channels(self, *, module: str | None = None) -> list[WatchChannel]:
        return await self._watch.list_channels(module=module)

    async def unsubscribe(self, channel_ids: Sequence[str]) -> list[WriteResult]:
        return await self._watch.unsubscribe(channel_ids)


def _conforms(client: ZohoCrmClient) -> CrmClient:
    """Never called: makes mypy check that ZohoCrmClient satisfies the CrmClient protocol."""
    return client
