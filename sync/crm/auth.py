"""OAuth 2 refresh-token grant against Zoho's accounts server, with a cached access token.

Zoho answers token-endpoint failures with HTTP 200 and an ``error`` key (``invalid_code``,
``invalid_client``, ``Access Denied`` when throttled), so success is "the JSON has an
``access_token``", never the status. Access tokens live one hour; we refresh ``refresh_margin``
seconds before that and at most once at a time (Zoho allows 10 tokens per 10 minutes).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from typing import Any, Final, Literal

import httpx

from sync.crm.clock import Clock, RandomSource, SystemClock, default_random
from sync.crm.errors import (
    CrmAuthError,
    CrmError,
    CrmRetriableError,
    CrmTransportError,
    classify,
)
from sync.crm.retry import RetryPolicy, parse_retry_after

logger = logging.getLogger("sync.crm.auth")

DataCentre = Literal["US", "EU", "IN", "AU", "JP", "CN", "CA", "SA"]

#: Accounts (token) server and default API domain per data centre.
DATA_CENTRES: Final[dict[str, tuple[str, str]]] = {
    "US": ("https://accounts.zoho.com", "https://www.zohoapis.com"),
    "EU": ("https://accounts.zoho.eu", "https://www.zohoapis.eu"),
    "IN": ("https://accounts.zoho.in", "https://www.zohoapis.in"),
    "AU": ("https://accounts.zoho.com.au", "https://www.zohoapis.com.au"),
    "JP": ("https://accounts.zoho.jp", "https://www.zohoapis.jp"),
    "CN": ("https://accounts.zoho.com.cn", "https://www.zohoapis.com.cn"),
    "CA": ("https://accounts.zohocloud.ca", "https://www.zohoapis.ca"),
    "SA": ("https://accounts.zoho.sa", "https://www.zohoapis.sa"),
}


@dataclass(frozen=True, slots=True)
class OAuthCredentials:
    """A self-client or server-based client's refresh-token grant. Secrets never appear in repr."""

    client_id: str
    client_secret: str = field(repr=False)
    refresh_token: str = field(repr=False)


@dataclass(frozen=True, slots=True)
class Endpoints:
    """Where to get tokens and (unless the token answer says otherwise) where the API lives."""

    accounts_url: str
    api_url: str | None = None

    @classmethod
    def for_data_centre(cls, dc: DataCentre | str) -> Endpoints:
        try:
            accounts, _api = DATA_CENTRES[dc.upper()]
        except KeyError:
            raise ValueError(f"unknown Zoho data centre {dc!r}") from None
        return cls(accounts_url=accounts)

    def default_api_url(self) -> str:
        for accounts, api in DATA_CENTRES.values():
            if accounts == self.accounts_url.rstrip("/"):
                return api
        return self.accounts_url


@dataclass(frozen=True, slots=True)
class AccessToken:
    value: str = field(repr=False)
    api_domain: str
    expires_at: float


def _expires_in(body: dict[str, Any]) -> float:
    """Seconds of validity (legacy answers: ``expires_in_sec``, and ms in ``expires_in``)."""
    if "expires_in_sec" in body:
        return float(body["expires_in_sec"])
    return float(body.get("expires_in", 3600))


class TokenProvider:
    """Fetches and caches the access token for one set of credentials."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        credentials: OAuthCredentials,
        endpoints: Endpoints,
        *,
        clock: Clock | None = None,
        rng: RandomSource | None = None,
        retry: RetryPolicy | None = None,
        timeout: httpx.Timeout | float = 30.0,
        refresh_margin: float = 60.0,
    ) -> None:
        self._http = http
        self._credentials = credentials
        self.endpoints = endpoints
        self._clock = clock or SystemClock()
        self._rng = rng or default_random()
        self._retry = retry or RetryPolicy()
        self._timeout = timeout
        self._refresh_margin = refresh_margin
        self._token: AccessToken | None = None
        self._lock = asyncio.Lock()
        self.refresh_count = 0

    async def get(self) -> AccessToken:
        """The cached token, refreshed when it is within ``refresh_margin`` of expiry."""
        token = self._token
        if token is not None and self._clock.monotonic() < token.expires_at - self._refresh_margin:
            return token
        return await self.refresh(stale=token.value if token else None)

    async def refresh(self, *, stale: str | None) -> AccessToken:
        """Get a new token unless another task already replaced ``stale`` meanwhile."""
        async with self._lock:
            current = self._token
            if (
                current is not None
                and current.value != stale
                and self._clock.monotonic() < current.expires_at - self._refresh_margin
            ):
                return current
            self._token = await self._grant()
            return self._token

    def invalidate(self) -> None:
        self._token = None

    async def _grant(self) -> AccessToken:
        url = self.endpoints.accounts_url.rstrip("/") + "/oauth/v2/token"
        waited = 0.0
        attempt = 0
        while True:
            attempt += 1
            try:
                return await self._grant_once(url)
            except CrmRetriableError as exc:
                delay = self._retry.delay(attempt, exc.retry_after, self._rng)
                if attempt >= self._retry.max_attempts or waited + delay > (
                    self._retry.max_total_wait
                ):
                    raise
                logger.warning(
                    "token request failed (%s); retry %d in %.2fs", exc.code or exc, attempt, delay
                )
                waited += delay
                await self._clock.sleep(delay)

    async def _grant_once(self, url: str) -> AccessToken:
        form = {
            "grant_type": "refresh_token",
            "client_id": self._credentials.client_id,
            "client_secret": self._credentials.client_secret,
            "refresh_token": self._credentials.refresh_token,
        }
        logger.debug("POST %s grant_type=refresh_token", url)
        try:
            response = await self._http.post(url, data=form, timeout=self._timeout)
        except httpx.TimeoutException as exc:
            raise CrmTransportError(f"token request timed out: {type(exc).__name__}") from None
        except httpx.TransportError as exc:
            raise CrmTransportError(
                f"token request failed: {type(exc).__name__}",
                connect=isinstance(exc, httpx.ConnectError),
            ) from None
        try:
            body = response.json()
        except ValueError:
            body = None
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        if isinstance(body, dict) and body.get("access_token"):
            self.refresh_count += 1
            api_domain = str(body.get("api_domain") or self.endpoints.default_api_url())
            logger.info("access token refreshed (api_domain=%s)", api_domain)
            return AccessToken(
                value=str(body["access_token"]),
                api_domain=api_domain,
                expires_at=self._clock.monotonic() + _expires_in(body),
            )
        if isinstance(body, dict) and ("error" in body or "code" in body):
            error: CrmError = classify(
                response.status_code if response.status_code >= 400 else None,
                body,
                retry_after=retry_after,
            )
        elif response.status_code >= 500 or response.status_code == 429:
            error = classify(response.status_code, body, retry_after=retry_after)
        else:
            error = CrmAuthError(
                "token endpoint answered without an access_token", status=response.status_code
            )
        if not isinstance(error, CrmRetriableError | CrmAuthError):
            # Any other refusal of the grant (invalid_grant, unknown codes) is an auth problem.
            error = CrmAuthError(error.message, status=error.status, code=error.code)
        logger.warning("token request refused: %s", error.code or error.status)
        raise error
