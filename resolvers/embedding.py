"""Embedding the CRM tab in a CRM: allowed origins, the embed secret and signed embed links.

An embed link is ``/crm-tab/embed?org=…&user=…&exp=…&path=…&nonce=…&sig=…``; ``sig`` is the
lower-case hex HMAC-SHA256, keyed with the organisation's embed secret, of the canonical string
(``canonical_string``): the lines ``spendsync-embed-v1``, org, user, exp, path and nonce joined
by ``\\n``. docs/EMBEDDING.md gives the recipe with a worked example.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import ipaddress
import posixpath
import re
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import unquote, urlencode, urlsplit

from tortoise.exceptions import IntegrityError

from orm import models
from resolvers.errors import ErrorCode, FieldError, MutationResult
from resolvers.viewer import Viewer
from sync.api import CredentialCipher, CredentialError

CANONICAL_VERSION = "spendsync-embed-v1"
SECRET_PREFIX = "sse_"  # noqa: S105 (a public prefix, not a secret)
MAX_ORIGINS = 10
MAX_ORIGIN_LENGTH = 200
LINK_MAX_SECONDS = 600  # a link expires at most 10 minutes after it is signed
CLOCK_SKEW_SECONDS = 60  # the CRM's clock may run this far ahead of ours
DEFAULT_LINK_SECONDS = 300
MAX_PATH_LENGTH = 1000
MAX_USER_LENGTH = 254
TAB_PREFIX = "/crm-tab"
EMBED_PATH = "/crm-tab/embed"
NONCE = re.compile(r"^[A-Za-z0-9_-]{16,128}$")
SIGNATURE = re.compile(r"^[0-9a-f]{64}$")
_HOST = re.compile(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$"
)
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]"})


# -- origins ------------------------------------------------------------------------------------


def clean_origin(value: str, *, allow_loopback_http: bool = False) -> tuple[str | None, str]:
    """``(origin, "")`` in canonical form (lower case, no default port), or ``(None, why)``."""
    raw = value.strip()
    if not raw:
        return None, "Give an origin such as https://crm.zoho.eu."
    if len(raw) > MAX_ORIGIN_LENGTH:
        return None, f"An origin has at most {MAX_ORIGIN_LENGTH} characters."
    if any(ord(ch) < 33 or ord(ch) == 127 for ch in raw) or "\\" in raw:
        return None, "An origin has no spaces or control characters."
    parts = urlsplit(raw)
    scheme = parts.scheme.lower()
    if parts.path not in ("", "/") or parts.query or parts.fragment or raw.endswith("?"):
        return None, "Only scheme, host and port: no path, query or fragment."
    if parts.username is not None or parts.password is not None:
        return None, "An origin carries no user name or password."
    try:
        port = parts.port
    except ValueError:
        return None, "The port must be a number from 1 to 65535."
    host = (parts.hostname or "").lower()
    shown_host = f"[{host}]" if ":" in host else host
    loopback = shown_host in LOOPBACK_HOSTS
    if scheme == "http" and loopback and allow_loopback_http:
        pass
    elif scheme != "https":
        return None, (
            "Use https:// (http:// only for localhost or 127.0.0.1 in development)."
            if scheme == "http"
            else "Give an origin such as https://crm.zoho.eu."
        )
    if not host:
        return None, "Give a host name, such as crm.zoho.eu."
    if ":" in host:
        try:
            ipaddress.IPv6Address(host)
        except ValueError:
            return None, "This host name is not valid."
    elif not _HOST.match(host):
        return None, "This host name is not valid."
    if port == 0:
        return None, "The port must be a number from 1 to 65535."
    default_port = 443 if scheme == "https" else 80
    suffix = f":{port}" if port is not None and port != default_port else ""
    return f"{scheme}://{shown_host}{suffix}", ""


def clean_origins(
    values: list[str], *, allow_loopback_http: bool = False
) -> MutationResult[list[str]]:
    """Each origin checked (field ``origins.<index>``); blanks skipped, duplicates merged."""
    errors: list[FieldError] = []
    cleaned: list[str] = []
    if len(values) > MAX_ORIGINS * 2:
        return MutationResult.fail(
            "origins", f"Give at most {MAX_ORIGINS} origins.", ErrorCode.TOO_MANY_ITEMS
        )
    for index, value in enumerate(values):
        if not value.strip():
            continue
        origin, problem = clean_origin(value, allow_loopback_http=allow_loopback_http)
        if origin is None:
            code = ErrorCode.TOO_LONG if "at most" in problem else ErrorCode.INVALID
            errors.append(FieldError(f"origins.{index}", f"{value.strip()[:80]}: {problem}", code))
        elif origin not in cleaned:
            cleaned.append(origin)
    if len(cleaned) > MAX_ORIGINS:
        errors.append(
            FieldError("origins", f"Give at most {MAX_ORIGINS} origins.", ErrorCode.TOO_MANY_ITEMS)
        )
    if errors:
        return MutationResult(errors=errors)
    return MutationResult(cleaned)


async def get_embedding(org_id: int) -> models.CrmEmbedding:
    """The organisation's settings; an unsaved empty one when there are none yet."""
    found = await models.CrmEmbedding.get_or_none(org_id=org_id)
    return found or models.CrmEmbedding(org_id=org_id, origins=[])


async def update_origins(
    viewer: Viewer, origins: list[str], *, allow_loopback_http: bool = False
) -> MutationResult[models.CrmEmbedding]:
    cleaned = clean_origins(origins, allow_loopback_http=allow_loopback_http)
    if cleaned.value is None:
        return MutationResult(errors=cleaned.errors)
    row, _ = await models.CrmEmbedding.get_or_create(org_id=viewer.org_id)
    row.origins = cleaned.value
    await row.save(update_fields=["origins", "updated_at"])
    return MutationResult(row)


class OriginCache:
    """Every organisation's origins, read at most once per ``ttl`` seconds (a preflight carries
    no credentials, so CORS asks "does any organisation allow this origin?"). The process that
    changes origins calls ``invalidate``; other processes see the change within ``ttl``."""

    def __init__(self, ttl: float = 30.0) -> None:
        self.ttl = ttl
        self._by_org: dict[int, tuple[str, ...]] = {}
        self._union: frozenset[str] = frozenset()
        self._loaded_at: float | None = None
        self._lock = asyncio.Lock()

    def invalidate(self) -> None:
        self._loaded_at = None

    async def _load(self) -> None:
        if self._loaded_at is not None and time.monotonic() - self._loaded_at < self.ttl:
            return
        async with self._lock:
            if self._loaded_at is not None and time.monotonic() - self._loaded_at < self.ttl:
                return
            rows = await models.CrmEmbedding.all().values_list("org_id", "origins")
            by_org = {
                int(org_id): tuple(str(o) for o in origins or [])
                for org_id, origins in rows
                if origins
            }
            self._by_org = by_org
            self._union = frozenset(o for origins in by_org.values() for o in origins)
            self._loaded_at = time.monotonic()

    async def allows(self, origin: str) -> bool:
        """Whether some organisation configured ``origin`` (CORS)."""
        await self._load()
        return origin.lower() in self._union

    async def every(self) -> tuple[str, ...]:
        """Every organisation's origins (sorted)."""
        await self._load()
        return tuple(sorted(self._union))

    async def of_org(self, org_id: int) -> tuple[str, ...]:
        """The origins one organisation allows to frame its tab (CSP frame-ancestors)."""
        await self._load()
        return self._by_org.get(org_id, ())


# -- the embed secret ---------------------------------------------------------------------------


@dataclass(frozen=True)
class GeneratedSecret:
    embedding: models.CrmEmbedding
    secret: str


async def generate_secret(
    viewer: Viewer, cipher: CredentialCipher, now: datetime | None = None
) -> MutationResult[GeneratedSecret]:
    """A new embed secret (shown once); the previous one stops working at once."""
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    row, _ = await models.CrmEmbedding.get_or_create(org_id=viewer.org_id)
    row.secret_encrypted = cipher.encrypt(secret)
    row.secret_set_at = now or datetime.now(UTC)
    await row.save(update_fields=["secret_encrypted", "secret_set_at", "updated_at"])
    return MutationResult(GeneratedSecret(row, secret))


# -- signed embed links -------------------------------------------------------------------------


def canonical_string(org: str, user: str, expires: int, path: str, nonce: str) -> str:
    return "\n".join([CANONICAL_VERSION, org, user, str(expires), path, nonce])


def sign(secret: str, org: str, user: str, expires: int, path: str, nonce: str) -> str:
    message = canonical_string(org, user, expires, path, nonce).encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def target_problem(path: str) -> str | None:
    """Why ``path`` may not be an embed link's target (None: it may)."""
    if not path or len(path) > MAX_PATH_LENGTH:
        return "Give a path of the CRM tab, such as /crm-tab/expenses."
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in path) or "\\" in path:
        return "The path has characters a path may not have."
    parts = urlsplit(path)
    if parts.scheme or parts.netloc or parts.fragment or not path.startswith("/"):
        return "Give a path of this app (no scheme, host or fragment)."
    decoded = unquote(parts.path)
    if (posixpath.normpath(decoded) != decoded.rstrip("/") or "//" in decoded) and decoded != "/":
        return "The path may not contain '.', '..' or empty segments."
    if not (decoded == TAB_PREFIX or decoded.startswith(TAB_PREFIX + "/")):
        return "The path must be under /crm-tab/."
    if decoded.rstrip("/") == EMBED_PATH:
        return "The path may not be the embed link itself."
    return None


@dataclass(frozen=True)
class EmbedLink:
    org: str
    user: str
    expires: int
    path: str
    nonce: str
    sig: str

    @property
    def expires_at(self) -> datetime:
        return datetime.fromtimestamp(self.expires, UTC)

    def query(self) -> str:
        return urlencode(
            {"org": self.org, "user": self.user, "exp": self.expires, "path": self.path,
             "nonce": self.nonce, "sig": self.sig}
        )  # fmt: skip


async def _secret_of(org_id: int, cipher: CredentialCipher) -> str | None:
    row = await models.CrmEmbedding.get_or_none(org_id=org_id)
    if row is None or not row.secret_encrypted:
        return None
    try:
        return cipher.decrypt(row.secret_encrypted)
    except CredentialError:
        return None


async def mint_link(
    viewer: Viewer,
    cipher: CredentialCipher,
    *,
    org_ref: str,
    user_id: int | None,
    path: str,
    expires_in: int = DEFAULT_LINK_SECONDS,
    now: datetime | None = None,
) -> MutationResult[EmbedLink]:
    """A link opening ``path`` as the user, signed as the CRM extension would sign it."""
    errors: list[FieldError] = []
    user = None
    if user_id is not None:
        user = await models.User.get_or_none(id=user_id, org_id=viewer.org_id)
    if user is None:
        errors.append(FieldError("userId", "No such user.", ErrorCode.NOT_FOUND))
    elif user.status is not models.UserStatus.ACTIVE:
        errors.append(FieldError("userId", "This user is deactivated.", ErrorCode.USER_INACTIVE))
    problem = target_problem(path.strip())
    if problem is not None:
        errors.append(FieldError("path", problem, ErrorCode.INVALID))
    if not 1 <= expires_in <= LINK_MAX_SECONDS:
        errors.append(
            FieldError(
                "expiresInSeconds",
                f"A link lasts from 1 to {LINK_MAX_SECONDS} seconds.",
                ErrorCode.INVALID,
            )
        )
    secret = await _secret_of(viewer.org_id, cipher)
    if secret is None:
        errors.append(
            FieldError(None, "Generate the embed secret first.", ErrorCode.EMBED_NOT_SET_UP)
        )
    if errors:
        return MutationResult(errors=errors)
    assert user is not None and secret is not None
    expires = int((now or datetime.now(UTC)).timestamp()) + expires_in
    nonce = secrets.token_urlsafe(18)
    target = path.strip()
    signature = sign(secret, org_ref, user.email, expires, target, nonce)
    return MutationResult(EmbedLink(org_ref, user.email, expires, target, nonce, signature))


@dataclass(frozen=True)
class EmbedEntry:
    """Whom a valid link signs in, and where it opens the tab."""

    user: models.User
    path: str


def _invalid() -> MutationResult[EmbedEntry]:
    return MutationResult.fail(
        None,
        "This link is not valid: it was changed, or it was not signed with this "
        "organisation's embed secret.",
        ErrorCode.EMBED_LINK_INVALID,
    )


async def open_link(
    cipher: CredentialCipher,
    *,
    org_id: int | None,
    org_ref: str,
    user: str,
    expires: str,
    path: str,
    nonce: str,
    sig: str,
    now: datetime | None = None,
) -> MutationResult[EmbedEntry]:
    """Check a link (signature in constant time, expiry, target, user) and spend its nonce."""
    now = now or datetime.now(UTC)
    if (
        org_id is None
        or not user
        or len(user) > MAX_USER_LENGTH
        or not expires.isdigit()
        or len(expires) > 12
        or not NONCE.match(nonce)
        or len(path) > MAX_PATH_LENGTH
    ):
        return _invalid()
    secret = await _secret_of(org_id, cipher)
    if secret is None:
        return MutationResult.fail(
            None,
            "Embedding is not set up for this organisation: an admin generates the embed "
            "secret in Settings.",
            ErrorCode.EMBED_NOT_SET_UP,
        )
    expected = sign(secret, org_ref, user, int(expires), path, nonce)
    if not hmac.compare_digest(expected.encode(), sig.strip().lower().encode()):
        return _invalid()
    expires_at = datetime.fromtimestamp(int(expires), UTC)
    if expires_at <= now:
        return MutationResult.fail(
            None,
            "This link has expired: links last a few minutes.",
            ErrorCode.EMBED_LINK_EXPIRED,
        )
    if expires_at > now + timedelta(seconds=LINK_MAX_SECONDS + CLOCK_SKEW_SECONDS):
        return MutationResult.fail(
            None,
            f"This link expires too far ahead: at most {LINK_MAX_SECONDS // 60} minutes.",
            ErrorCode.EMBED_LINK_INVALID,
        )
    problem = target_problem(path)
    if problem is not None:
        return MutationResult.fail("path", problem, ErrorCode.EMBED_LINK_INVALID)
    query = models.User.filter(org_id=org_id)
    if "@" in user:
        query = query.filter(email=user.strip().lower())
    else:
        query = query.filter(crm_user_id=user)
    found = await query.first()
    if found is None:
        return MutationResult.fail(
            "user", "No user of this organisation matches this link.", ErrorCode.NOT_FOUND
        )
    if found.status is not models.UserStatus.ACTIVE:
        return MutationResult.fail("user", "This account is deactivated.", ErrorCode.USER_INACTIVE)
    await models.EmbedNonce.filter(expires_at__lt=now).delete()
    try:
        await models.EmbedNonce.create(org_id=org_id, nonce=nonce, expires_at=expires_at)
    except IntegrityError:
        return MutationResult.fail(
            None,
            "This link was already used: each link opens the tab once.",
            ErrorCode.EMBED_LINK_USED,
        )
    return MutationResult(EmbedEntry(found, path))
