"""Pages and page tokens (§3.1): the 2,000-record discrete cap, then opaque ``page_token`` chains.

A token is bound to the user and to every other request parameter, expires after
``page_token_ttl_s`` and carries a keyset position (the last record's sort key), so records
modified during a traversal are neither skipped nor repeated within the chain. A chain delivers at
most ``page_token_limit`` records.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sync.crm.simulator.config import SimulatorConfig
from sync.crm.simulator.errors import ZohoError
from sync.crm.simulator.order import Key, Ordered

__all__ = ["Key", "Page", "PageTokens", "TokenState", "paginate"]


@dataclass
class TokenState:
    user_id: str
    binding: tuple[tuple[str, str], ...]
    last_key: Key
    delivered: int
    page: int
    expires: datetime


@dataclass
class Page:
    items: list[dict[str, Any]]
    page: int
    more: bool
    next_token: str | None
    expiry: datetime | None


class PageTokens:
    """Issued tokens; lives on the app so tokens survive across requests."""

    def __init__(self, config: SimulatorConfig) -> None:
        self.config = config
        self._tokens: dict[str, TokenState] = {}
        self._issued = 0

    def issue(self, state: TokenState) -> str:
        self._issued += 1
        token = hashlib.sha256(f"page-token:{self._issued}".encode()).hexdigest()[:40]
        self._tokens[token] = state
        return token

    def resolve(
        self, token: str, user_id: str, binding: tuple[tuple[str, str], ...], now: datetime
    ) -> TokenState:
        state = self._tokens.get(token)
        if state is None or state.user_id != user_id:
            raise ZohoError(
                400, "INVALID_DATA", "the given page_token is invalid", {"param_name": "page_token"}
            )
        if state.binding != binding:
            raise ZohoError(
                400,
                "TOKEN_BOUND_DATA_MISMATCH",
                "the given page_token does not match the other parameters of the request",
                {"param_name": "page_token"},
            )
        if now >= state.expires:
            raise ZohoError(
                400,
                "EXPIRED_VALUE",
                "the given page_token has expired",
                {"param_name": "page_token"},
            )
        return state


def paginate(
    ordered: Ordered,
    *,
    descending: bool,
    page: int,
    per_page: int,
    token: str | None,
    tokens: PageTokens,
    user_id: str,
    binding: tuple[tuple[str, str], ...],
    now: datetime,
    use_tokens: bool,
    discrete_limit: int | None,
) -> Page:
    """Cut one page out of ``ordered`` (ascending) by page number or by page token.

    Costs O(page + log n): a token's keyset position is found by ``bisect`` and descending pages
    are read backwards from the ascending list.
    """
    config = tokens.config
    records, keys, total = ordered.records, ordered.keys, len(ordered)
    if token is not None:
        state = tokens.resolve(token, user_id, binding, now)
        if state.delivered >= config.page_token_limit:
            raise ZohoError(
                400,
                "PAGINATION_LIMIT_EXCEEDED",
                "You cannot fetch more than 100000 records using page_token param",
                {"limit": config.page_token_limit},
            )
        room = min(per_page, config.page_token_limit - state.delivered)
        if descending:
            end = bisect.bisect_left(keys, state.last_key)  # records[:end] remain, read backwards
            first = max(0, end - room)
            items, last, remaining = records[first:end][::-1], first, end
        else:
            first = bisect.bisect_right(keys, state.last_key)
            end = min(total, first + room)
            items, last, remaining = records[first:end], end - 1, total - first
        delivered = state.delivered + len(items)
        page_no = state.page + 1
        more = remaining > len(items)
    else:
        start = (page - 1) * per_page
        if discrete_limit is not None and start + per_page > discrete_limit:
            raise ZohoError(
                400,
                "DISCRETE_PAGINATION_LIMIT_EXCEEDED",
                "You can only get the first 2000 records without using page_token param",
                {"limit": discrete_limit},
            )
        if descending:
            end = max(0, total - start)
            first = max(0, end - per_page)
            items, last = records[first:end][::-1], first
        else:
            first = min(total, start)
            end = min(total, start + per_page)
            items, last = records[first:end], end - 1
        delivered = start + len(items)
        page_no = page
        more = total > start + per_page
    next_token = expiry = None
    if use_tokens and more and items:
        expiry = now + timedelta(seconds=config.page_token_ttl_s)
        next_token = tokens.issue(
            TokenState(user_id, binding, keys[last], delivered, page_no, expiry)
        )
    return Page(items, page_no, more, next_token, expiry)
