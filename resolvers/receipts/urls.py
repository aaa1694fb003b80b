"""Short-lived signed receipt URLs, usable as ``<img src>`` or a link without any credentials.

``/receipts/{id}/file?exp=<unix seconds>&sig=<hex>``: ``sig`` is an HMAC-SHA256 of the receipt's
id and the expiry, keyed with a key derived from SECRET_KEY. Whoever holds the URL reads the file
until it expires (a few minutes), as with any pre-signed storage URL; the GraphQL field that
hands it out checks that the viewer may see the receipt.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

URL_LIFETIME = timedelta(minutes=5)
# URLs signed in the same window are the same URL, so a browser may cache the image meanwhile
_WINDOW_SECONDS = 60


def _key(secret_key: str) -> bytes:
    return hashlib.sha256(("spendsync.receipt-url:" + secret_key).encode()).digest()


def signature(secret_key: str, receipt_id: int, expires: int) -> str:
    message = f"{receipt_id}:{expires}".encode()
    return hmac.new(_key(secret_key), message, hashlib.sha256).hexdigest()


def signed_path(
    secret_key: str, receipt_id: int, encoded_id: str, now: datetime | None = None
) -> str:
    """The path (with its query) of a URL valid for ``URL_LIFETIME`` (up to a minute more)."""
    moment = int((now or datetime.now(UTC)).timestamp())
    expires = (
        moment - moment % _WINDOW_SECONDS + _WINDOW_SECONDS + int(URL_LIFETIME.total_seconds())
    )
    query = urlencode({"exp": expires, "sig": signature(secret_key, receipt_id, expires)})
    return f"/receipts/{encoded_id}/file?{query}"


def check(
    secret_key: str, receipt_id: int, expires: str, sig: str, now: datetime | None = None
) -> bool:
    """Whether the URL's signature is right (constant time) and it has not expired."""
    if not secret_key or not expires.isdigit() or len(expires) > 12 or len(sig) != 64:
        return False
    expected = signature(secret_key, receipt_id, int(expires))
    if not hmac.compare_digest(expected.encode(), sig.lower().encode()):
        return False
    return int(expires) > int((now or datetime.now(UTC)).timestamp())
