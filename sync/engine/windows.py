"""Reading one module as several ``Modified_Time`` windows side by side.

A ``page_token`` chain is sequential: one module read as one chain costs (pages x latency),
however many requests the CRM would allow in flight. A full read of a large module is split
into disjoint windows of about equal size, each read as its own chain (sorted by
``Modified_Time``, starting from its lower bound with ``If-Modified-Since`` and stopping at its
upper bound), so the chains together keep the CRM's concurrency busy.

Boundaries come from the CRM itself: the oldest and newest ``Modified_Time`` (two one-record
pages), then ``actions/count`` below evenly spaced candidate times; the candidates nearest to
each equal share become the boundaries. Skewed data (a bulk import at one moment) gives fewer,
uneven windows, never a wrong read: the windows always cover the whole time line.

:class:`Frontier` keeps the stream's bookmark safe while windows complete out of order.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sync.crm.criteria import Criterion
from sync.crm.protocol import CrmClient

# Below this many records one chain is about as fast as several (and costs no extra requests).
# SYNC_WINDOW_MIN_RECORDS overrides it (tests and the crash benchmark split small modules).
MIN_RECORDS_TO_SPLIT = int(os.environ.get("SYNC_WINDOW_MIN_RECORDS") or 4_000)
# Windows hide the CRM's round trip; they cost requests (the boundaries) and work (more chains
# in flight). With a CRM that answers faster than a page is written, one chain (which already
# asks for its next page while writing one) keeps the writes busy, and splitting only slows the
# read: a 50,000-record read against the simulator at 0 ms took 8-9 s in one chain per module
# and 11-12 s in windows. So a module is split only when the fastest round trip seen so far in
# the run (its ``actions/count`` requests) is at least this long. SYNC_WINDOW_MIN_LATENCY_MS
# overrides it (tests and the crash benchmark split with the in-process simulator).
MIN_LATENCY_TO_SPLIT = int(os.environ.get("SYNC_WINDOW_MIN_LATENCY_MS") or 25) / 1000
CANDIDATES_PER_WINDOW = 2
# If-Modified-Since is read as inclusive here, but Zoho documents "modified after"; a window
# asks from one second before its bound and drops what belongs to the previous window.
EDGE = timedelta(seconds=1)


@dataclass(frozen=True, slots=True)
class Window:
    """Records with ``lower <= Modified_Time < upper`` (None: unbounded)."""

    lower: datetime | None
    upper: datetime | None

    @property
    def since(self) -> datetime | None:
        return self.lower - EDGE if self.lower is not None else None

    def holds(self, moment: datetime | None) -> bool:
        if moment is None:
            return True
        if self.lower is not None and moment < self.lower:
            return False
        return self.upper is None or moment < self.upper


WHOLE = (Window(None, None),)


async def _edge(client: CrmClient, module: str, order: str) -> datetime | None:
    pages = aiter(
        client.iter_pages(
            module, ("Modified_Time",), sort_by="Modified_Time",
            sort_order="asc" if order == "asc" else "desc", per_page=1,
        )
    )  # fmt: skip
    try:
        page = await anext(pages)
    except StopAsyncIteration:
        return None
    finally:
        close = getattr(pages, "aclose", None)
        if close is not None:
            await close()
    return page.records[0].modified_time if page.records else None


def worth_splitting(total: int, parts: int, round_trip: float) -> bool:
    """Whether a full read of ``total`` records is split into ``parts`` windows, given the
    fastest CRM round trip seen (seconds)."""
    return (
        parts >= 2 and total >= max(MIN_RECORDS_TO_SPLIT, 2) and round_trip >= MIN_LATENCY_TO_SPLIT
    )


async def split(
    client: CrmClient, module: str, total: int, parts: int, round_trip: float
) -> Sequence[Window]:
    """About ``parts`` windows of about ``total / parts`` records each, covering all time (one
    window unless :func:`worth_splitting`)."""
    if not worth_splitting(total, parts, round_trip):
        return WHOLE
    oldest, newest = await asyncio.gather(
        _edge(client, module, "asc"), _edge(client, module, "desc")
    )
    if oldest is None or newest is None or newest - oldest < timedelta(seconds=parts):
        return WHOLE
    steps = parts * CANDIDATES_PER_WINDOW
    span = (newest - oldest) / steps
    candidates = [
        (oldest + span * i).replace(microsecond=0) + timedelta(seconds=1) for i in range(1, steps)
    ]
    below = await asyncio.gather(
        *(
            client.count(module, criteria=Criterion("Modified_Time", "less_than", moment))
            for moment in candidates
        )
    )
    bounds: list[datetime] = []
    for share in range(1, parts):
        target = total * share / parts
        moment, _ = min(zip(candidates, below, strict=True), key=lambda c: abs(c[1] - target))
        if not bounds or moment > bounds[-1]:
            bounds.append(moment)
    edges: list[datetime | None] = [None, *bounds, None]
    return tuple(Window(edges[i], edges[i + 1]) for i in range(len(edges) - 1))


class Frontier:
    """The bookmark of a stream read in windows: every record older than it is written.

    Window ``i`` reports the newest ``Modified_Time`` it has committed and when it is done. The
    bookmark is the progress of the first window not done (its lower bound before its first
    page): records before it are all written, whatever the other windows have reached.
    """

    def __init__(self, windows: Sequence[Window]) -> None:
        self.windows = windows
        self.reached: list[datetime | None] = [w.lower for w in windows]
        self.done = [False] * len(windows)

    def proposal(self, index: int, newest: datetime | None) -> datetime | None:
        """The bookmark to write with window ``index``'s page whose newest record is
        ``newest`` (None: nothing may be written yet)."""
        for i, complete in enumerate(self.done):
            if complete:
                continue
            if i == index and newest is not None:
                current = self.reached[i]
                return newest if current is None else max(newest, current)
            return self.reached[i]
        return newest

    def committed(self, index: int, newest: datetime | None) -> None:
        if newest is not None:
            current = self.reached[index]
            self.reached[index] = newest if current is None else max(newest, current)

    def finish(self, index: int) -> None:
        self.done[index] = True
