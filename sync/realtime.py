"""Near-real-time sync: the CRM's notification channels (``actions/watch``) and their callbacks.

One channel per organisation watches Accounts, Contacts and Deals and POSTs to
``<public URL>/hooks/zoho/notify``. Its random token is sent to the CRM once and kept here only
as a SHA-256 hash; a callback whose channel is unknown or whose token does not match is refused
(the HTTP layer answers 403) and changes nothing. Each accepted callback marks its module for an
incremental sync of that stream; a burst within ``callback_delay`` seconds causes one run.
Channels are renewed by the scheduler tick before they expire. The 24-hour cycle stays.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import secrets
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from orm import models
from sync.crm.dto import parse_datetime
from sync.crm.errors import CrmError
from sync.crm.notifications import WatchRequest
from sync.ports import ClientOpener, Clock, RunGate

logger = logging.getLogger("spendsync.sync.realtime")
WATCHED_MODULES = ("Accounts", "Contacts", "Deals")
EVENTS = tuple(f"{module}.all" for module in WATCHED_MODULES)
HOOK_PATH = "/hooks/zoho/notify"
CHANNEL_LIFETIME = timedelta(days=6)  # Zoho's maximum is a week
RENEW_BEFORE = timedelta(days=1)  # renewed by the first tick within a day of the expiry


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _new_channel_id() -> str:
    """Zoho channel ids are numeric."""
    return str(10**17 + secrets.randbelow(9 * 10**17))


class RealTime:
    def __init__(
        self,
        opener: ClientOpener,
        now: Clock,
        runs: RunGate,
        *,
        public_url: str | None = None,
        callback_delay: float = 5.0,
    ) -> None:
        """``opener`` opens a client of an organisation's CRM, ``runs`` starts and awaits
        the service's runs: the channels know nothing else of the service."""
        self.opener = opener
        self.now = now
        self.runs = runs
        self.public_url = public_url
        self.callback_delay = callback_delay
        self._pending: dict[int, set[str]] = {}
        self._timers: dict[int, asyncio.Task[None]] = {}

    @property
    def notify_url(self) -> str | None:
        return f"{self.public_url.rstrip('/')}{HOOK_PATH}" if self.public_url else None

    # -- channels -----------------------------------------------------------------------------
    async def subscribe(self, integration: models.Integration) -> models.WatchChannel:
        """Open a new channel for the organisation (raises ``CrmError``)."""
        url = self.notify_url
        if url is None:
            raise RuntimeError("PUBLIC_BASE_URL is not set")
        token = secrets.token_urlsafe(24)
        channel_id = _new_channel_id()
        expiry = self.now() + CHANNEL_LIFETIME
        async with self.opener(integration) as client:
            results = await client.subscribe(
                [WatchRequest(channel_id, EVENTS, url, token=token, channel_expiry=expiry)]
            )
        expiry = _granted_expiry(results[0].details if results else {}) or expiry
        return await models.WatchChannel.create(
            org_id=integration.org_id, channel_id=channel_id, token_hash=hash_token(token),
            events=list(EVENTS), expires_at=expiry,
        )  # fmt: skip

    async def unsubscribe_all(self, integration: models.Integration) -> None:
        """Close the organisation's channels. The local rows go whatever the CRM answers, so
        late callbacks are refused (403) even when the CRM could not be reached."""
        channels = await models.WatchChannel.filter(org_id=integration.org_id)
        if not channels:
            return
        try:
            async with self.opener(integration) as client:
                await client.unsubscribe([c.channel_id for c in channels])
        except CrmError as exc:
            logger.warning("unsubscribe of org %s failed: %s", integration.org_id, exc)
        await models.WatchChannel.filter(id__in=[c.id for c in channels]).delete()

    async def renew_due(self) -> None:
        """Scheduler tick: renew channels close to their expiry; open a channel for every
        organisation that wants near-real-time sync and has none (a failed subscribe is tried
        again at the next tick)."""
        if self.notify_url is None:
            return
        now = self.now()
        wanting = await models.Integration.filter(
            state=models.IntegrationState.CONNECTED, real_time_sync=True
        )
        for integration in wanting:
            channels = await models.WatchChannel.filter(org_id=integration.org_id)
            try:
                if not channels:
                    await self.subscribe(integration)
                for channel in channels:
                    if channel.expires_at - now <= RENEW_BEFORE:
                        await self._renew(integration, channel)
            except CrmError as exc:
                logger.warning("watch channels of org %s: %s", integration.org_id, exc)

    async def _renew(self, integration: models.Integration, channel: models.WatchChannel) -> None:
        expiry = self.now() + CHANNEL_LIFETIME
        try:
            async with self.opener(integration) as client:
                await client.renew_channel(channel.channel_id, channel.events, expiry)
        except CrmError:
            # expired or unknown to the CRM: replace it by a new channel
            await channel.delete()
            await self.subscribe(integration)
            return
        channel.expires_at = expiry
        await channel.save(update_fields=["expires_at", "updated_at"])

    # -- callbacks ----------------------------------------------------------------------------
    async def accept(self, payload: Mapping[str, Any]) -> bool:
        """A callback from the CRM: False (refused, nothing changes) unless its channel is ours
        and its token matches."""
        channel_id, token = payload.get("channel_id"), payload.get("token")
        if not isinstance(token, str) or not isinstance(channel_id, str | int):
            return False
        channel = await models.WatchChannel.get_or_none(channel_id=str(channel_id))
        if channel is None or not hmac.compare_digest(channel.token_hash, hash_token(token)):
            return False
        module = payload.get("module")
        if module in WATCHED_MODULES:
            self.poke(channel.org_id, str(module))
        return True

    def poke(self, org_id: int, module: str) -> None:
        """Mark a stream as changed; the sync starts ``callback_delay`` seconds after the first
        mark (later marks in the window join the same run)."""
        self._pending.setdefault(org_id, set()).add(module)
        if org_id not in self._timers:
            self._timers[org_id] = asyncio.create_task(
                self._fire(org_id), name=f"callback-sync-org-{org_id}"
            )

    async def _fire(self, org_id: int) -> None:
        try:
            await asyncio.sleep(self.callback_delay)
        finally:
            self._timers.pop(org_id, None)
        modules = frozenset(self._pending.pop(org_id, set()))
        await self.runs.wait(org_id)  # a run in progress may have read past them
        integration = await models.Integration.get_or_none(org_id=org_id)
        if integration is None or integration.state is not models.IntegrationState.CONNECTED:
            return
        if not integration.customers_configured:
            return
        await self.runs.start(org_id, "CALLBACK", modules=modules)

    async def idle(self) -> None:
        """Wait until every pending callback has started its run and the runs ended (tests)."""
        while self._timers:
            await asyncio.gather(*list(self._timers.values()), return_exceptions=True)
        await self.runs.idle()

    async def aclose(self) -> None:
        timers = list(self._timers.values())
        for timer in timers:
            timer.cancel()
        await asyncio.gather(*timers, return_exceptions=True)


def _granted_expiry(details: Mapping[str, Any]) -> datetime | None:
    """The expiry the CRM granted (it may shorten the one asked for)."""
    events = details.get("events")
    if isinstance(events, list) and events and isinstance(events[0], dict):
        return parse_datetime(events[0].get("channel_expiry"))
    return None
