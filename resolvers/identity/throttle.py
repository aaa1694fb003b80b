"""Sign-in throttling: refused passwords slow down guessing, per address and per client.

Within ``WINDOW``, an address with ``MAX_FAILURES_PER_EMAIL`` refused sign-ins, or a client
(network address) with ``MAX_FAILURES_PER_CLIENT``, is answered ``TOO_MANY_ATTEMPTS`` without
the password being checked, until its oldest failure in the window expires. A successful
sign-in clears the address's failures. Failures are rows in the database, so every app
process sees the same counts; unknown addresses count like known ones, so the answers do not
tell which addresses exist.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from orm import models
from resolvers.errors import ErrorCode, FieldError

WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_EMAIL = 5
MAX_FAILURES_PER_CLIENT = 50


def now() -> datetime:
    """The clock (tests move it)."""
    return datetime.now(UTC)


async def _blocked_until(moment: datetime, limit: int, **who: str) -> datetime | None:
    """When the ``limit``-th newest failure in the window expires, if there are that many."""
    recent = await (
        models.SignInFailure.filter(failed_at__gt=moment - WINDOW, **who)
        .order_by("-failed_at")
        .limit(limit)
        .values_list("failed_at", flat=True)
    )
    if len(recent) < limit:
        return None
    oldest = recent[-1]
    assert isinstance(oldest, datetime)
    return oldest + WINDOW


async def refusal(email: str, client: str) -> FieldError | None:
    """``TOO_MANY_ATTEMPTS`` while the address or the client is over its limit."""
    moment = now()
    until = await _blocked_until(moment, MAX_FAILURES_PER_EMAIL, email=email)
    if client:
        by_client = await _blocked_until(moment, MAX_FAILURES_PER_CLIENT, client=client)
        if by_client is not None and (until is None or by_client > until):
            until = by_client
    if until is None:
        return None
    minutes = max(1, math.ceil((until - moment).total_seconds() / 60))
    return FieldError(
        None,
        f"Too many failed sign-ins. Try again in {minutes} minute{'s' if minutes > 1 else ''}.",
        ErrorCode.TOO_MANY_ATTEMPTS,
    )


async def record_failure(email: str, client: str) -> None:
    moment = now()
    await models.SignInFailure.filter(failed_at__lte=moment - WINDOW).delete()
    await models.SignInFailure.create(email=email, client=client[:64], failed_at=moment)


async def clear_failures(email: str) -> None:
    await models.SignInFailure.filter(email=email).delete()
