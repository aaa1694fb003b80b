"""Password login and the viewer behind a browser session."""

from __future__ import annotations

from datetime import UTC, datetime

from orm import models
from resolvers.errors import ErrorCode, MutationResult
from resolvers.identity import throttle
from resolvers.identity.passwords import verify_password
from resolvers.viewer import Viewer

MAX_LOGIN_CANDIDATES = 20


async def login(
    email: str, password: str, organization_id: int | None = None, *, client: str = ""
) -> MutationResult[models.User]:
    """Check a password. The same address may exist in several organisations: when more than
    one of them accepts the password, the caller must name the organisation. ``client`` (the
    caller's network address, when known) and the address are throttled (``throttle``)."""
    address = email.strip().lower()
    attempt = await throttle.reserve(address, client)
    if not isinstance(attempt, int):
        return MutationResult(errors=[attempt])
    query = models.User.filter(email=address, password_hash__isnull=False)
    if organization_id is not None:
        query = query.filter(org_id=organization_id)
    candidates = await query.order_by("id").limit(MAX_LOGIN_CANDIDATES)
    matches = [user for user in candidates if verify_password(user.password_hash, password)]
    if not candidates:
        verify_password(None, password)  # same cost as a wrong password
    if not matches:  # the attempt stays written down as a failure
        return MutationResult.fail(
            None, "The e-mail address or the password is wrong.", ErrorCode.INVALID_CREDENTIALS
        )
    await throttle.accept(address, attempt)  # the password was right
    if len(matches) > 1:
        return MutationResult.fail(
            "organizationId",
            "This address belongs to several organisations: choose one.",
            ErrorCode.ORGANIZATION_REQUIRED,
        )
    user = matches[0]
    if user.status is not models.UserStatus.ACTIVE:
        return MutationResult.fail(None, "This account is deactivated.", ErrorCode.USER_INACTIVE)
    user.last_login_at = datetime.now(UTC)
    await user.save(update_fields=["last_login_at", "updated_at"])
    return MutationResult(user)


async def session_viewer(user_id: object, org_id: object) -> Viewer | None:
    """Re-check the session's user on every request, so deactivation takes effect at once."""
    if not isinstance(user_id, int) or not isinstance(org_id, int):
        return None
    user = await models.User.get_or_none(id=user_id, org_id=org_id, status=models.UserStatus.ACTIVE)
    if user is None:
        return None
    return Viewer(user_id=user.id, org_id=user.org_id, role=user.role)
