"""Per-organisation limits: requests in flight and a rolling credit budget.

Zoho counts both per organisation and connected app, so every client talking to the same
organisation must share one :class:`OrgLimiter`; :class:`LimiterRegistry` hands them out by key.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sync.crm.clock import Clock, SystemClock
from sync.crm.errors import CrmBudgetExceeded

DAY = 24 * 3600.0


class CreditBudget:
    """At most ``limit`` credits within any rolling ``window`` seconds (Zoho's 24 h window).

    ``spend`` raises :class:`CrmBudgetExceeded` instead of waiting: a sync that ran out of its
    share of credits should stop and come back later, not hold a worker for hours.
    """

    def __init__(self, limit: int | None, *, window: float = DAY, clock: Clock | None = None):
        self.limit = limit
        self.window = window
        self.clock = clock or SystemClock()
        self._spent: deque[tuple[float, int]] = deque()
        self._total = 0

    @property
    def used(self) -> int:
        self._expire()
        return self._total

    @property
    def remaining(self) -> int | None:
        return None if self.limit is None else max(0, self.limit - self.used)

    def _expire(self) -> None:
        horizon = self.clock.monotonic() - self.window
        while self._spent and self._spent[0][0] <= horizon:
            self._total -= self._spent.popleft()[1]

    def spend(self, credits: int) -> None:
        self._expire()
        if self.limit is not None and self._total + credits > self.limit:
            raise CrmBudgetExceeded(
                f"credit budget exhausted: {self._total} of {self.limit} used in the window, "
                f"{credits} more needed",
                details={"used": self._total, "limit": self.limit, "needed": credits},
            )
        self._spent.append((self.clock.monotonic(), credits))
        self._total += credits


class OrgLimiter:
    """Caps requests in flight; spends credits from a :class:`CreditBudget`.

    ``max_in_flight`` caps every call (Zoho: 5 to 25 by edition); ``max_heavy_in_flight`` caps
    the resource-heavy ones on top (Zoho's sub-concurrency of 10: writes of more than 10 records,
    COQL, mass operations).
    """

    def __init__(
        self,
        *,
        max_in_flight: int = 5,
        max_heavy_in_flight: int = 10,
        credit_limit: int | None = None,
        window: float = DAY,
        clock: Clock | None = None,
    ) -> None:
        if max_in_flight < 1:
            raise ValueError("max_in_flight must be at least 1")
        self.max_in_flight = max_in_flight
        self.budget = CreditBudget(credit_limit, window=window, clock=clock)
        self._semaphore = asyncio.Semaphore(max_in_flight)
        self._heavy = asyncio.Semaphore(max_heavy_in_flight)
        self.in_flight = 0
        self.peak_in_flight = 0

    @asynccontextmanager
    async def slot(self, credits: int, *, heavy: bool = False) -> AsyncIterator[None]:
        """Hold one in-flight slot (and a heavy one) for a request that costs ``credits``."""
        self.budget.spend(credits)
        async with self._semaphore, _maybe(self._heavy if heavy else None):
            self.in_flight += 1
            self.peak_in_flight = max(self.peak_in_flight, self.in_flight)
            try:
                yield
            finally:
                self.in_flight -= 1


@asynccontextmanager
async def _maybe(semaphore: asyncio.Semaphore | None) -> AsyncIterator[None]:
    if semaphore is None:
        yield
        return
    async with semaphore:
        yield


class LimiterRegistry:
    """One :class:`OrgLimiter` per organisation key, created on first use."""

    def __init__(self, *, max_in_flight: int = 5, credit_limit: int | None = None) -> None:
        self.max_in_flight = max_in_flight
        self.credit_limit = credit_limit
        self._limiters: dict[str, OrgLimiter] = {}

    def get(self, org_key: str) -> OrgLimiter:
        if org_key not in self._limiters:
            self._limiters[org_key] = OrgLimiter(
                max_in_flight=self.max_in_flight, credit_limit=self.credit_limit
            )
        return self._limiters[org_key]
