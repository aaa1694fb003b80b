"""Password hashing (Argon2id) and the password policy."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from resolvers.errors import ErrorCode, FieldError

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 256
_COMMON = frozenset(
    {
        "password", "passw0rd", "password1", "password123", "1234567890", "12345678910",
        "qwertyuiop", "iloveyou123", "letmein123", "welcome123", "administrator", "changeme123",
        "spendsync", "spendsync1", "qwerty1234", "abc1234567", "0987654321", "1q2w3e4r5t",
    }
)  # fmt: skip

_hasher = PasswordHasher()
# Verified against when no user matches, so a wrong e-mail costs as long as a wrong password.
_DUMMY_HASH = _hasher.hash("not-a-real-password-for-timing")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def password_problems(password: str, *, email: str, field: str = "password") -> list[FieldError]:
    """Length, not a well-known password, not built from the e-mail address, not one character."""
    lowered = password.lower()
    local_part = email.split("@", 1)[0].lower()
    reason: str | None = None
    if len(password) < MIN_PASSWORD_LENGTH:
        reason = f"Use at least {MIN_PASSWORD_LENGTH} characters."
    elif len(password) > MAX_PASSWORD_LENGTH:
        reason = f"Use at most {MAX_PASSWORD_LENGTH} characters."
    elif lowered in _COMMON or len(set(password)) < 4:
        reason = "This password is too easy to guess."
    elif len(local_part) >= 4 and local_part in lowered:
        reason = "The password must not contain your e-mail address."
    return [] if reason is None else [FieldError(field, reason, ErrorCode.PASSWORD_TOO_WEAK)]
