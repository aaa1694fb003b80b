"""Building a ``ZohoCrmClient`` from stored connection settings (the only place that knows the
HTTP client behind it)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import httpx

from sync.crm.auth import OAuthCredentials
from sync.crm.client import ZohoCrmClient
from sync.crm.clock import Clock
from sync.crm.ratelimit import LimiterRegistry

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)


@dataclass(frozen=True)
class ConnectionSettings:
    client_id: str
    client_secret: str = field(repr=False)
    refresh_token: str = field(repr=False)
    data_centre: str | None = "US"
    accounts_url: str | None = None
    api_url: str | None = None


class ClientFactory:
    """Makes one client per organisation and connection; requests of one organisation share the
    in-flight cap and credit budget. ``transport`` lets tests route to the simulator in-process."""

    def __init__(
        self, transport: httpx.AsyncBaseTransport | None = None, clock: Clock | None = None
    ) -> None:
        self.transport = transport
        self.clock = clock
        self.limiters = LimiterRegistry()

    def open(
        self, org_key: str, settings: ConnectionSettings
    ) -> tuple[ZohoCrmClient, httpx.AsyncClient]:
        http = httpx.AsyncClient(transport=self.transport, timeout=DEFAULT_TIMEOUT)
        client = ZohoCrmClient(
            http,
            OAuthCredentials(settings.client_id, settings.client_secret, settings.refresh_token),
            data_centre=settings.data_centre or "US",
            accounts_url=settings.accounts_url,
            api_url=settings.api_url,
            limiter=self.limiters.get(org_key),
            clock=self.clock,
        )
        return client, http

    @asynccontextmanager
    async def connect(
        self, org_key: str, settings: ConnectionSettings
    ) -> AsyncIterator[ZohoCrmClient]:
        """A client for the span of the block; its HTTP connections close afterwards."""
        client, http = self.open(org_key, settings)
        try:
            yield client
        finally:
            await http.aclose()
