"""Search Records: ``criteria`` (escaped), ``word``, ``email`` or ``phone``, page by page.

Search has no page tokens and stops at 2,000 results (``LIMIT_REACHED``). Results of a
structured :mod:`~sync.crm.criteria` search are re-checked with exact semantics, because Zoho's
``equals`` matches substrings. Newly written records may be missing for a while (indexing delay):
never use search to deduplicate before an insert; upsert with ``duplicate_check_fields`` instead.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass

from sync.crm.criteria import Criteria, matches, render
from sync.crm.dto import CrmRecord, PageInfo
from sync.crm.transport import Transport

MAX_PER_PAGE = 200


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """Exactly one of ``criteria``, ``email``, ``phone`` and ``word``."""

    criteria: Criteria | str | None = None
    email: str | None = None
    phone: str | None = None
    word: str | None = None

    def params(self) -> dict[str, str]:
        given = {
            k: v
            for k, v in (
                ("email", self.email),
                ("phone", self.phone),
                ("word", self.word),
            )
            if v is not None
        }
        if self.criteria is not None:
            given["criteria"] = (
                self.criteria if isinstance(self.criteria, str) else render(self.criteria)
            )
        if len(given) != 1:
            raise ValueError("give exactly one of criteria, email, phone, word")
        return given


class Searcher:
    def __init__(self, transport: Transport) -> None:
        self.transport = transport
        #: Hits the CRM returned that the exact re-check dropped (for tests and metrics).
        self.dropped = 0

    async def search(
        self,
        module: str,
        query: SearchQuery,
        *,
        fields: Sequence[str] = (),
        per_page: int = MAX_PER_PAGE,
        exact: bool = True,
    ) -> AsyncIterator[CrmRecord]:
        params: dict[str, str | int] = {**query.params(), "per_page": per_page}
        if fields:
            params["fields"] = ",".join(dict.fromkeys(["id", *fields]))
        structured = query.criteria if not isinstance(query.criteria, str) else None
        page = 1
        while True:
            params["page"] = page
            response = await self.transport.request("GET", f"{module}/search", params=params)
            body = response.body if isinstance(response.body, dict) else {}
            data = [d for d in body.get("data") or () if isinstance(d, dict)]
            for item in data:
                if exact and structured is not None and not matches(item, structured):
                    self.dropped += 1
                    continue
                yield CrmRecord.from_json(item)
            info = PageInfo.from_json(body.get("info"))
            if not data or not info.more_records:
                return
            page += 1
