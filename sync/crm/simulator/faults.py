"""Limits and faults: rolling-24 h credits, a concurrency cap, scheduled or seeded failures."""

from __future__ import annotations

import random
from collections import deque
from datetime import datetime, timedelta

from sync.crm.simulator.config import SimulatorConfig
from sync.crm.simulator.errors import ZohoError


class Limits:
    """Credits spent in the last 24 h and calls in flight, as Zoho counts them (§13)."""

    def __init__(self, config: SimulatorConfig) -> None:
        self.config = config
        self.spent: deque[tuple[datetime, int]] = deque()
        self.in_flight = 0
        self.max_in_flight = 0
        self.credits_used_total = 0

    def _retry_headers(self) -> dict[str, str]:
        if self.config.retry_after_s is None:
            return {}
        return {"Retry-After": str(self.config.retry_after_s)}

    def credits_in_window(self, now: datetime) -> int:
        while self.spent and self.spent[0][0] <= now - timedelta(hours=24):
            self.spent.popleft()
        return sum(cost for _, cost in self.spent)

    def charge(self, cost: int, now: datetime) -> None:
        budget = self.config.daily_credits
        if budget is not None and self.credits_in_window(now) + cost > budget:
            raise ZohoError(
                429,
                "TOO_MANY_REQUESTS",
                "API credits limit exceeded",
                {"limit": budget},
                self._retry_headers(),
            )
        self.spent.append((now, cost))
        self.credits_used_total += cost

    def enter(self) -> None:
        cap = self.config.max_concurrency
        if cap is not None and self.in_flight >= cap:
            raise ZohoError(
                429,
                "TOO_MANY_REQUESTS",
                "concurrency limit exceeded",
                {"limit": cap},
                self._retry_headers(),
            )
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def leave(self) -> None:
        self.in_flight -= 1


class Faults:
    """Decides, per API request number, whether to inject a fault (deterministically)."""

    def __init__(self, config: SimulatorConfig) -> None:
        self.config = config
        self.rng = random.Random(config.fault_seed)  # noqa: S311 - reproducible faults
        self.requests = 0
        self.schedule = dict(config.fault_schedule)
        self.injected: list[tuple[int, str]] = []

    def next_fault(self) -> str | None:
        self.requests += 1
        draw = self.rng.random()  # always drawn: the sequence depends on the request count only
        kind = self.schedule.get(self.requests)
        if kind is None:
            c = self.config
            if draw < c.rate_429:
                kind = "429"
            elif draw < c.rate_429 + c.rate_5xx:
                kind = ("500", "502", "503")[self.requests % 3]
            elif draw < c.rate_429 + c.rate_5xx + c.rate_timeout:
                kind = "timeout"
        if kind is not None:
            self.injected.append((self.requests, kind))
        return kind

    def error_for(self, kind: str) -> ZohoError:
        if kind == "429":
            headers = {}
            if self.config.retry_after_s is not None:
                headers["Retry-After"] = str(self.config.retry_after_s)
            return ZohoError(429, "TOO_MANY_REQUESTS", "too many requests", {}, headers)
        if kind == "timeout":
            return ZohoError(504, "INTERNAL_ERROR", "Internal server error occurred.", {})
        return ZohoError(int(kind), "INTERNAL_ERROR", "Internal server error occurred.", {})
