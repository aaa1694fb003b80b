"""Capped, jittered exponential backoff that honours ``Retry-After``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from sync.crm.clock import RandomSource


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How often and how long to retry a retriable failure.

    Attempt ``n`` (1-based) waits a "full jitter" delay drawn uniformly from
    ``[0, min(cap, base * 2 ** (n - 1))]``. When the server sent ``Retry-After``, the wait is
    exactly that many seconds instead (never earlier). A call gives up after ``max_attempts``
    tries or once the waits would exceed ``max_total_wait`` seconds.
    """

    max_attempts: int = 8
    base: float = 1.0
    cap: float = 60.0
    max_total_wait: float = 600.0

    def ceiling(self, attempt: int) -> float:
        """Upper bound of the jittered delay after failed attempt number ``attempt``."""
        return float(min(self.cap, self.base * 2 ** (attempt - 1)))

    def delay(self, attempt: int, retry_after: float | None, rng: RandomSource) -> float:
        if retry_after is not None:
            return max(0.0, retry_after)
        return rng.random() * self.ceiling(attempt)


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or an HTTP date); None if absent/bad."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
