"""Invitation and password-reset links: signed, expiring, single-use, without a table.

A link carries ``/set-password?token=…``: the user's id, the link's kind and a fingerprint of
the user's sign-in state, signed with the app's secret key and time-stamped (itsdangerous).
The fingerprint is a keyed hash of the password hash, the last sign-in time, the e-mail address
and the status (as Django's PasswordResetTokenGenerator does), so a link stops working as soon
as it has been used (setting a password changes the hash and signs the user in), when the
user signs in or changes their password otherwise, when the address changes or the user is
deactivated. The password is set only if the hash is still the one the link was checked
against, so two uses of one link at once set it once. Invitations last ``INVITATION_MAX_AGE``,
reset links ``RESET_MAX_AGE``.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from orm import models
from resolvers.errors import ErrorCode, FieldError, MutationResult
from resolvers.identity import throttle, users
from resolvers.identity.passwords import hash_password, password_problems, verify_password
from resolvers.mail import MailError, Message, Postman
from resolvers.validation import clean_email, clean_text
from resolvers.viewer import Viewer

INVITATION_MAX_AGE = timedelta(days=7)
RESET_MAX_AGE = timedelta(hours=2)
MAX_TOKEN_LENGTH = 512
MAX_USERS_PER_ADDRESS = 20  # the same address in several organisations
RESET_SCOPE = "reset:"  # throttling's scope for link requests
_SALT = "spendsync.set-password"


class LinkKind(StrEnum):
    INVITATION = "INVITATION"
    PASSWORD_RESET = "PASSWORD_RESET"  # noqa: S105 (a kind, not a secret)


MAX_AGE = {LinkKind.INVITATION: INVITATION_MAX_AGE, LinkKind.PASSWORD_RESET: RESET_MAX_AGE}


@dataclass(frozen=True)
class AccountLinks:
    """What issuing and delivering links needs: the signing key, the keys it replaced
    (``SECRET_KEY_PREVIOUS``: links signed with them still work during a rotation, as sessions
    do), the address the links point at (``PUBLIC_BASE_URL``; empty: the caller's request
    decides), and the postman."""

    secret_key: str
    postman: Postman
    public_base_url: str = ""
    previous_keys: tuple[str, ...] = ()

    def _serializer(self, key: str | None = None) -> URLSafeTimedSerializer:
        return URLSafeTimedSerializer(key or self.secret_key, salt=_SALT)

    def _fingerprint(self, user: models.User, key: str | None = None) -> str:
        state = "|".join(
            [
                str(user.id),
                user.password_hash or "",
                user.last_login_at.isoformat() if user.last_login_at else "",
                user.email,
                user.status.value,
            ]
        )
        secret = key or self.secret_key
        digest_key = hashlib.sha256(("fingerprint:" + secret).encode()).digest()
        return hmac.new(digest_key, state.encode(), hashlib.sha256).hexdigest()[:32]

    def verifying_keys(self) -> tuple[str, ...]:
        """The current key first, then the previous ones (new links use the current key)."""
        return (self.secret_key, *(k for k in self.previous_keys if k != self.secret_key))

    def token_for(self, user: models.User, kind: LinkKind) -> str:
        return str(self._serializer().dumps([user.id, kind.value, self._fingerprint(user)]))

    def url_for(self, user: models.User, kind: LinkKind, base_url: str) -> str:
        base = (self.public_base_url or base_url).rstrip("/")
        return f"{base}/set-password?token={self.token_for(user, kind)}"


@dataclass(frozen=True)
class LinkHolder:
    """A valid link's user and kind (what the set-password page greets)."""

    user: models.User
    kind: LinkKind
    expires_at: datetime


async def check_link(
    links: AccountLinks, token: str, now: datetime | None = None
) -> LinkHolder | None:
    """The user a link is for, or None when it is malformed, forged, expired or used."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    for key in links.verifying_keys():
        try:
            payload, signed_at = links._serializer(key).loads(
                token, max_age=int(INVITATION_MAX_AGE.total_seconds()), return_timestamp=True
            )
        except SignatureExpired:
            return None
        except BadSignature:
            continue
        break
    else:
        return None
    if not (isinstance(payload, list) and len(payload) == 3):
        return None
    user_id, kind_value, fingerprint = payload
    if not isinstance(user_id, int) or kind_value not in LinkKind.__members__:
        return None
    kind = LinkKind(kind_value)
    expires_at = signed_at + MAX_AGE[kind]
    if expires_at <= (now or datetime.now(UTC)):
        return None
    user = await models.User.get_or_none(id=user_id, status=models.UserStatus.ACTIVE)
    if user is None:
        return None
    expected = links._fingerprint(user, key)  # the fingerprint made with the signing key
    if not hmac.compare_digest(str(fingerprint), expected):
        return None
    return LinkHolder(user, kind, expires_at)


def _message(user: models.User, kind: LinkKind, url: str, org_name: str) -> Message:
    if kind is LinkKind.INVITATION:
        hours = int(INVITATION_MAX_AGE.total_seconds() // 3600)
        return Message(
            to=user.email,
            subject=f"You are invited to {org_name} on Spendsync",
            body=(
                f"Hello {user.name},\n\nYou have been invited to record expenses for {org_name}."
                f"\nChoose your password here (the link works once, for {hours // 24} days):\n\n"
                f"{url}\n"
            ),
        )
    minutes = int(RESET_MAX_AGE.total_seconds() // 60)
    return Message(
        to=user.email,
        subject="Reset your Spendsync password",
        body=(
            f"Hello {user.name},\n\nSomeone (we hope you) asked to reset your password for "
            f"{org_name}.\nChoose a new one here (the link works once, for {minutes} minutes):"
            f"\n\n{url}\n\nIf you did not ask for it, ignore this e-mail; your password stays "
            "as it is.\n"
        ),
    )


async def _org_name(user: models.User) -> str:
    org = await models.Organization.get(id=user.org_id)
    return org.name


def kind_for(user: models.User) -> LinkKind:
    """Users who never had a password get an invitation, the others a reset link."""
    return LinkKind.INVITATION if user.password_hash is None else LinkKind.PASSWORD_RESET


async def send_link(
    links: AccountLinks, viewer: Viewer, user_id: int | None, *, base_url: str
) -> MutationResult[tuple[models.User, LinkKind]]:
    """An admin sends a user of the organisation an invitation (no password yet) or a reset
    link; the e-mail goes out before this returns, so a failure is reported."""
    user = None
    if user_id is not None:
        user = await models.User.get_or_none(id=user_id, org_id=viewer.org_id)
    if user is None:
        return MutationResult.fail("id", "No such user.", ErrorCode.NOT_FOUND)
    if user.status is not models.UserStatus.ACTIVE:
        return MutationResult.fail(
            "id", "This user is deactivated: reactivate them first.", ErrorCode.USER_INACTIVE
        )
    kind = kind_for(user)
    message = _message(user, kind, links.url_for(user, kind, base_url), await _org_name(user))
    try:
        await links.postman.send(message)
    except MailError as exc:
        return MutationResult.fail(
            None, f"The e-mail could not be sent: {exc}.", ErrorCode.DELIVERY_FAILED
        )
    return MutationResult((user, kind))


async def request_reset(
    links: AccountLinks, email: str, *, client: str, base_url: str
) -> MutationResult[None]:
    """Someone who lost their password asks for a link. The answer is the same whether the
    address is known or not (the e-mail, if any, leaves in the background); requests are
    throttled like sign-ins, per address and client."""
    errors: list[FieldError] = []
    address = clean_email(email, "email", errors)
    if errors:
        return MutationResult(errors=errors)
    attempt = await throttle.reserve(address, client, scope=RESET_SCOPE)
    if not isinstance(attempt, int):
        return MutationResult(errors=[attempt])
    query = models.User.filter(email=address, status=models.UserStatus.ACTIVE)
    users = await query.select_related("org").order_by("id").limit(MAX_USERS_PER_ADDRESS)
    for user in users:  # one query whether or not the address is known
        kind = kind_for(user)
        url = links.url_for(user, kind, base_url)
        links.postman.send_later(_message(user, kind, url, user.org.name))
    return MutationResult(None)


async def set_password(
    links: AccountLinks, token: str, password: str, now: datetime | None = None
) -> MutationResult[models.User]:
    """Set the password of a link's user and count it as a sign-in; the link is then used."""
    now = now or datetime.now(UTC)
    holder = await check_link(links, token, now)
    if holder is None:
        return MutationResult.fail(
            "token",
            "This link has expired or was already used. Ask for a new one.",
            ErrorCode.INVALID_LINK,
        )
    user = holder.user
    problems = password_problems(password, email=user.email)
    if problems:
        return MutationResult(errors=problems)
    same_state = models.User.filter(id=user.id, status=models.UserStatus.ACTIVE)
    if user.password_hash is None:
        same_state = same_state.filter(password_hash__isnull=True)
    else:
        same_state = same_state.filter(password_hash=user.password_hash)
    new_hash = hash_password(password)
    changed = await same_state.update(password_hash=new_hash, last_login_at=now, updated_at=now)
    if not changed:  # the link was used meanwhile
        return MutationResult.fail(
            "token", "This link was already used. Ask for a new one.", ErrorCode.INVALID_LINK
        )
    await user.refresh_from_db()
    return MutationResult(user)


async def change_password(
    viewer: Viewer, current: str, new: str, *, client: str
) -> MutationResult[models.User]:
    """A signed-in user changes their password, giving the current one (refused current
    passwords count against sign-in throttling, as guesses would)."""
    user = await models.User.get(id=viewer.user_id, org_id=viewer.org_id)
    attempt = await throttle.reserve(user.email, client)
    if not isinstance(attempt, int):
        return MutationResult(errors=[attempt])
    if not verify_password(user.password_hash, current):
        return MutationResult.fail(
            "currentPassword", "This is not your current password.", ErrorCode.INVALID_CREDENTIALS
        )
    await throttle.accept(user.email, attempt)
    errors = password_problems(new, email=user.email, field="newPassword")
    if not errors and current == new:
        errors.append(
            FieldError("newPassword", "Choose a password you do not use now.", ErrorCode.INVALID)
        )
    if errors:
        return MutationResult(errors=errors)
    user.password_hash = hash_password(new)
    await user.save(update_fields=["password_hash", "updated_at"])
    return MutationResult(user)


async def rename_self(viewer: Viewer, name: str) -> MutationResult[models.User]:
    errors: list[FieldError] = []
    cleaned = clean_text(name, "name", max_length=200, errors=errors)
    if errors:
        return MutationResult(errors=errors)
    user = await models.User.get(id=viewer.user_id, org_id=viewer.org_id)
    user.name = cleaned
    await user.save(update_fields=["name", "updated_at"])
    return MutationResult(user)


async def link_for_address(
    links: AccountLinks, email: str, *, org_id: int | None, base_url: str
) -> MutationResult[str]:
    """A set-password link for an active user, by address (the command line's ``spendsync
    user reset-link``: a lost admin password). Not sent anywhere: the caller prints it."""
    found = await users.active_user_by_email(email, org_id)
    if found.value is None:
        return MutationResult(errors=found.errors)
    user = found.value
    return MutationResult(links.url_for(user, kind_for(user), base_url))
