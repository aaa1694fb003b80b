"""Reading records: pages, the page-then-``page_token`` walk, related lists, counts, deleted.

Pagination (``reference/zoho-crm-api.md`` §3.3): pages 1..10 of 200 by number, then Zoho's
``next_page_token`` (page numbers stop at 2,000 records), every other parameter unchanged. Only
the current page is held in memory. A token handed back twice raises
:class:`~sync.crm.errors.CrmPaginationLoop` instead of spinning.

More than 50 fields: each page is read with the first 50 (plus ``Modified_Time``), then the
other batches are fetched for exactly that page's ids (``ids=``) and merged by id, so batches
can never drift apart the way parallel page walks could.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sync.crm.dto import CrmRecord, DeletedPage, DeletedRecord, PageInfo, RecordPage
from sync.crm.errors import CrmPaginationError, CrmPaginationLoop, CrmValidationError
from sync.crm.transport import CrmResponse, Transport

MAX_FIELDS = 50
MAX_PER_PAGE = 200
DISCRETE_LIMIT = 2000
#: Zoho's credit cost of a list call with a custom view, and of a deleted-records call.
CVID_CREDITS = 3
DELETED_CREDITS = 2

SortBy = Literal["id", "Created_Time", "Modified_Time"]
SortOrder = Literal["asc", "desc"]
DeletedType = Literal["all", "recycle", "permanent"]


def field_batches(fields: Sequence[str]) -> list[list[str]]:
    """Split field names into batches of at most 50; ``Modified_Time`` always in the first."""
    names = list(dict.fromkeys(f for f in fields if f and f != "id"))
    if not names:
        raise ValueError("at least one field is required (Zoho v3+ makes `fields` mandatory)")
    if "Modified_Time" in names:
        names.remove("Modified_Time")
    names.insert(0, "Modified_Time")
    return [names[i : i + MAX_FIELDS] for i in range(0, len(names), MAX_FIELDS)]


def format_since(since: datetime) -> str:
    """``If-Modified-Since`` / ``If-Unmodified-Since`` value: ISO 8601 with an offset."""
    if since.tzinfo is None:
        raise ValueError("naive datetime: pass an aware datetime (the CRM compares instants)")
    return since.isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class ListQuery:
    """Parameters that stay identical across the pages of one walk (Zoho binds tokens to them)."""

    path: str
    fields: tuple[str, ...]
    per_page: int = MAX_PER_PAGE
    sort_by: SortBy | None = None
    sort_order: SortOrder | None = None
    cvid: str | None = None
    modified_since: datetime | None = None
    extra: tuple[tuple[str, str], ...] = ()

    def params(self, fields: Sequence[str]) -> dict[str, str | int]:
        params: dict[str, str | int] = {"fields": ",".join(fields), "per_page": self.per_page}
        if self.sort_by:
            params["sort_by"] = self.sort_by
        if self.sort_order:
            params["sort_order"] = self.sort_order
        if self.cvid:
            params["cvid"] = self.cvid
        params.update(self.extra)
        return params

    def headers(self) -> dict[str, str]:
        if self.modified_since is None:
            return {}
        return {"If-Modified-Since": format_since(self.modified_since)}


class RecordReader:
    def __init__(self, transport: Transport, *, discrete_limit: int = DISCRETE_LIMIT) -> None:
        self.transport = transport
        #: Records reachable by page number before Zoho insists on ``page_token`` (2,000).
        self.discrete_limit = discrete_limit

    async def page(
        self,
        query: ListQuery,
        *,
        page: int | None = None,
        page_token: str | None = None,
    ) -> RecordPage:
        """One page, with every field batch merged in."""
        batches = field_batches(query.fields)
        params = query.params(batches[0])
        if page_token is not None:
            params["page_token"] = page_token
        elif page is not None:
            params["page"] = page
        credits = CVID_CREDITS if query.cvid else 1
        response = await self.transport.request(
            "GET", query.path, params=params, headers=query.headers(), credits=credits
        )
        result = _record_page(response)
        if len(batches) > 1 and result.records:
            result = await self._merge_batches(query, result, batches[1:])
        return result

    async def _merge_batches(
        self, query: ListQuery, primary: RecordPage, batches: Sequence[Sequence[str]]
    ) -> RecordPage:
        merged: dict[str, dict[str, Any]] = {r.id: dict(r.fields) for r in primary.records}
        ids = ",".join(merged)
        for batch in batches:
            response = await self.transport.request(
                "GET", query.path, params={"fields": ",".join(batch), "ids": ids}
            )
            for item in _data(response):
                target = merged.get(str(item.get("id")))
                if target is not None:
                    for key, value in item.items():
                        target.setdefault(key, value)
        records = tuple(CrmRecord.from_json(merged[r.id]) for r in primary.records)
        return RecordPage(records=records, info=primary.info, not_modified=primary.not_modified)

    async def pages(self, query: ListQuery) -> AsyncIterator[RecordPage]:
        """Every page of a list, page numbers first, then page tokens past 2,000 records."""
        page_number: int | None = 1
        token: str | None = None
        seen_tokens: set[str] = set()
        while True:
            result = await self.page(query, page=page_number, page_token=token)
            if result.records or result.not_modified:
                yield result
            if result.not_modified or not result.info.more_records or not result.records:
                return
            reached = (result.info.page or page_number or 0) * query.per_page
            if token is None and page_number is not None and reached < self.discrete_limit:
                page_number += 1
                continue
            next_token = result.info.next_page_token
            if not next_token:
                raise CrmPaginationError(
                    f"{query.path}: more records past {reached} but no next_page_token"
                )
            if next_token in seen_tokens or next_token == token:
                raise CrmPaginationLoop(
                    f"{query.path}: the CRM returned page token {next_token[:12]}... twice",
                    details={"path": query.path},
                )
            seen_tokens.add(next_token)
            token, page_number = next_token, None

    async def records(self, query: ListQuery) -> AsyncIterator[CrmRecord]:
        async for page in self.pages(query):
            for record in page.records:
                yield record

    async def get(
        self, module: str, record_id: str, *, fields: Sequence[str] = ()
    ) -> CrmRecord | None:
        """One record (all fields unless ``fields``); None when it does not exist."""
        params: dict[str, str | int] = {"fields": ",".join(fields)} if fields else {}
        try:
            response = await self.transport.request("GET", f"{module}/{record_id}", params=params)
        except CrmValidationError as exc:
            # Zoho: 400 INVALID_DATA "the id given seems to be invalid", details {"id": ...}.
            if exc.code == "INVALID_DATA" and str(exc.details.get("id")) == record_id:
                return None
            raise
        data = _data(response)
        return CrmRecord.from_json(data[0]) if data else None

    async def count(self, module: str, params: Mapping[str, str] | None = None) -> int:
        response = await self.transport.request(
            "GET", f"{module}/actions/count", params=dict(params or {})
        )
        body = response.body if isinstance(response.body, dict) else {}
        return int(body.get("count") or 0)

    async def deleted_pages(
        self,
        module: str,
        *,
        type: DeletedType = "all",
        modified_since: datetime | None = None,
        per_page: int = MAX_PER_PAGE,
    ) -> AsyncIterator[DeletedPage]:
        headers = {"If-Modified-Since": format_since(modified_since)} if modified_since else {}
        page = 1
        while True:
            response = await self.transport.request(
                "GET",
                f"{module}/deleted",
                params={"type": type, "page": page, "per_page": per_page},
                headers=headers,
                credits=DELETED_CREDITS,
            )
            if response.status == 304:
                yield DeletedPage(records=(), info=PageInfo(), not_modified=True)
                return
            entries = tuple(DeletedRecord.from_json(d) for d in _data(response))
            info = PageInfo.from_json(_info(response))
            if entries:
                yield DeletedPage(records=entries, info=info)
            if not entries or not info.more_records:
                return
            page += 1


def _data(response: CrmResponse, key: str = "data") -> list[dict[str, Any]]:
    if not isinstance(response.body, dict):
        return []
    data = response.body.get(key)
    return [d for d in data if isinstance(d, dict)] if isinstance(data, list) else []


def _info(response: CrmResponse) -> Mapping[str, Any] | None:
    if isinstance(response.body, dict) and isinstance(response.body.get("info"), dict):
        info: Mapping[str, Any] = response.body["info"]
        return info
    return None


def _record_page(response: CrmResponse) -> RecordPage:
    if response.status == 304:
        return RecordPage(records=(), info=PageInfo(), not_modified=True)
    records = tuple(CrmRecord.from_json(d) for d in _data(response))
    return RecordPage(records=records, info=PageInfo.from_json(_info(response)))
