"""Sign-in throttling: refused passwords slow down guessing.

Within ``WINDOW``, an attempt is answered ``TOO_MANY_ATTEMPTS`` without the password being
checked when its address already has ``MAX_FAILURES_PER_ADDRESS_AND_CLIENT`` refused sign-ins
from the same client, ``MAX_FAILURES_PER_ADDRESS`` from anywhere, or its client (network
address) ``MAX_FAILURES_PER_CLIENT`` for any addresses. So one guesser gets a few tries per
address, a guesser spread over many machines a few more, and someone else's guessing cannot
lock the real user out as quickly as it locks the guesser.

Each attempt is written down **before** its password is checked (``reserve``), so requests
sent at once are counted together: a burst cannot check more passwords than the limits allow.
A refused password leaves its row as a failure; a right one removes it and the address's
earlier failures (``accept``). Rows live in the database, so every app process counts the
same; unknown addresses count like known ones, so answers do not tell which addresses exist.

Other requests that must not be repeated at will (asking for a password-reset link) are counted
by the same rules under their own ``scope``: a prefix of the address and client written down,
so their rows never count against sign-in and the other way round.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from orm import models
from resolvers.errors import ErrorCode, FieldError

WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_ADDRESS_AND_CLIENT = 5
MAX_FAILURES_PER_ADDRESS = 25
MAX_FAILURES_PER_CLIENT = 50
CLIENT_LENGTH = 64  # the columns' sizes
EMAIL_LENGTH = 254


def now() -> datetime:
    """The clock (tests move it)."""
    return datetime.now(UTC)


def _limits(email: str, client: str) -> list[tuple[int, dict[str, str]]]:
    limits = [(MAX_FAILURES_PER_ADDRESS_AND_CLIENT, {"email": email, "client": client}),
              (MAX_FAILURES_PER_ADDRESS, {"email": email})]  # fmt: skip
    if client:  # unknown clients (in-process calls) share no per-client count
        limits.append((MAX_FAILURES_PER_CLIENT, {"client": client}))
    return limits


async def _blocked_until(
    moment: datetime, limit: int, before_id: int, who: dict[str, str]
) -> datetime | None:
    """When the ``limit``-th newest attempt before ours leaves the window, if there are that
    many (ours not counted)."""
    recent = await (
        models.SignInFailure.filter(failed_at__gt=moment - WINDOW, id__lt=before_id, **who)
        .order_by("-id")
        .limit(limit)
        .values_list("failed_at", flat=True)
    )
    if len(recent) < limit:
        return None
    oldest = recent[-1]
    assert isinstance(oldest, datetime)
    return oldest + WINDOW


async def reserve(email: str, client: str, *, scope: str = "") -> int | FieldError:
    """Write the attempt down and return its id, or ``TOO_MANY_ATTEMPTS`` (the attempt is then
    not kept: a refused-unchecked attempt is not a failure)."""
    moment = now()
    email = (scope + email)[:EMAIL_LENGTH]
    client = (scope + client)[:CLIENT_LENGTH] if client else ""
    await models.SignInFailure.filter(failed_at__lte=moment - WINDOW).delete()
    attempt = await models.SignInFailure.create(email=email, client=client, failed_at=moment)
    until = None
    for limit, who in _limits(email, client):
        blocked = await _blocked_until(moment, limit, attempt.id, who)
        if blocked is not None and (until is None or blocked > until):
            until = blocked
    if until is None:
        return int(attempt.id)
    await models.SignInFailure.filter(id=attempt.id).delete()
    minutes = max(1, math.ceil((until - moment).total_seconds() / 60))
    return FieldError(
        None,
        f"Too many {'requests' if scope else 'failed sign-ins'}. "
        f"Try again in {minutes} minute{'s' if minutes > 1 else ''}.",
        ErrorCode.TOO_MANY_ATTEMPTS,
    )


async def accept(email: str, attempt_id: int) -> None:
    """The password was right: this attempt and the address's earlier failures go (attempts
    still in flight, newer than this one, stay)."""
    await models.SignInFailure.filter(email=email, id__lte=attempt_id).delete()
