"""One authenticated, limited, retried request to the CRM API.

Everything below the DTO layer goes through :meth:`Transport.request`: it builds
``{api_domain}/crm/{version}/{path}``, adds the ``Zoho-oauthtoken`` header, takes a slot from the
organisation's limiter (in-flight cap and credits), applies an explicit timeout, classifies the
answer with :func:`sync.crm.errors.classify`, refreshes the token once on ``INVALID_TOKEN``, and
retries retriable failures with :class:`~sync.crm.retry.RetryPolicy`. Log lines name the method,
path and query parameters only: headers and bodies (tokens, secrets) never reach a log.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx
import orjson

from sync.crm.auth import AccessToken, TokenProvider
from sync.crm.clock import Clock, RandomSource, SystemClock, default_random
from sync.crm.errors import (
    CrmError,
    CrmRateLimited,
    CrmRetriableError,
    CrmTransportError,
    classify,
)
from sync.crm.ratelimit import OrgLimiter
from sync.crm.retry import RetryPolicy, parse_retry_after

logger = logging.getLogger("sync.crm.http")

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
_OK = frozenset({200, 201, 202, 204, 207, 304})


@dataclass(frozen=True, slots=True)
class CrmResponse:
    status: int
    body: Any
    """Decoded JSON; ``None`` for 204 and 304."""


class Transport:
    def __init__(
        self,
        http: httpx.AsyncClient,
        tokens: TokenProvider,
        *,
        api_url: str | None = None,
        api_version: str = "v8",
        clock: Clock | None = None,
        rng: RandomSource | None = None,
        retry: RetryPolicy | None = None,
        limiter: OrgLimiter | None = None,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
    ) -> None:
        self.http = http
        self.tokens = tokens
        self.api_url = api_url
        self.api_version = api_version
        self.clock = clock or SystemClock()
        self.rng = rng or default_random()
        self.retry = retry or RetryPolicy()
        self.limiter = limiter or OrgLimiter()
        self.timeout = timeout
        self.requests_sent = 0

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, str | int] | None = None,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
        credits: int = 1,
        idempotent: bool = True,
        per_record_key: str | None = None,
        heavy: bool = False,
    ) -> CrmResponse:
        """Send one API call; return 2xx/304 answers, raise a :class:`CrmError` otherwise.

        ``per_record_key`` names the list of per-record results (``data`` for writes, ``watch``
        for notifications): a 400 whose body holds that list is returned, not raised, because
        Zoho reports an all-failed batch that way. Non-``idempotent`` calls (inserts) are retried
        only when the CRM surely did not process them: 429 and connection failures.
        """
        attempt = 0
        waited = 0.0
        refreshed = False
        while True:
            attempt += 1
            token = await self.tokens.get()
            try:
                return await self._send_once(
                    token, method, path, params, json, headers, credits, per_record_key, heavy
                )
            except CrmError as exc:
                if exc.code in ("INVALID_TOKEN", "INVALID_OAUTHTOKEN") and not refreshed:
                    refreshed = True
                    logger.info("%s %s: access token rejected, refreshing once", method, path)
                    await self.tokens.refresh(stale=token.value)
                    attempt -= 1
                    continue
                if not self._should_retry(exc, idempotent):
                    raise
                delay = self.retry.delay(attempt, exc.retry_after, self.rng)
                if attempt >= self.retry.max_attempts or waited + delay > self.retry.max_total_wait:
                    logger.warning(
                        "%s %s: giving up after %d attempts (%s)", method, path, attempt, exc
                    )
                    raise
                logger.info("%s %s: %s; retry %d in %.2fs", method, path, exc, attempt, delay)
                waited += delay
                await self.clock.sleep(delay)

    @staticmethod
    def _should_retry(exc: CrmError, idempotent: bool) -> bool:
        if not isinstance(exc, CrmRetriableError):
            return False
        if idempotent:
            return True
        return isinstance(exc, CrmRateLimited) or (
            isinstance(exc, CrmTransportError) and exc.connect
        )

    async def _send_once(
        self,
        token: AccessToken,
        method: str,
        path: str,
        params: Mapping[str, str | int] | None,
        json: Any,
        headers: Mapping[str, str] | None,
        credits: int,
        per_record_key: str | None,
        heavy: bool,
    ) -> CrmResponse:
        base = (self.api_url or token.api_domain).rstrip("/")
        url = f"{base}/crm/{self.api_version}/{path.lstrip('/')}"
        all_headers = {"Authorization": f"Zoho-oauthtoken {token.value}"}
        if headers:
            all_headers.update(headers)
        logger.debug("%s %s params=%s", method, path, dict(params or {}))
        async with self.limiter.slot(credits, heavy=heavy):
            self.requests_sent += 1
            try:
                response = await self.http.request(
                    method,
                    url,
                    params=dict(params) if params else None,
                    json=json,
                    headers=all_headers,
                    timeout=self.timeout,
                )
            except httpx.TimeoutException as exc:
                raise CrmTransportError(
                    f"{method} {path} timed out ({type(exc).__name__})",
                    connect=isinstance(exc, httpx.ConnectTimeout),
                ) from None
            except httpx.TransportError as exc:
                raise CrmTransportError(
                    f"{method} {path} failed ({type(exc).__name__})",
                    connect=isinstance(exc, httpx.ConnectError),
                ) from None
        status = response.status_code
        if status in (204, 304):
            return CrmResponse(status, None)
        body = _decode(response)
        if status in _OK:
            if body is _BROKEN:
                raise CrmTransportError(f"{method} {path}: HTTP {status} with an undecodable body")
            return CrmResponse(status, body)
        if (
            status == 400
            and per_record_key
            and isinstance(body, dict)
            and isinstance(body.get(per_record_key), list)
        ):
            return CrmResponse(status, body)
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        error = classify(status, body if body is not _BROKEN else None, retry_after=retry_after)
        logger.debug("%s %s -> %d %s", method, path, status, error.code)
        raise error


_BROKEN = object()


def _decode(response: httpx.Response) -> Any:
    """The body as JSON (orjson: a page of 200 records decodes in a third of the time)."""
    try:
        return orjson.loads(response.content)
    except orjson.JSONDecodeError:
        return _BROKEN
