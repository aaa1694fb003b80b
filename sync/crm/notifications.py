"""``actions/watch`` channels: subscribe, renew, list and unsubscribe.

A channel expires after at most a week (one hour when no expiry is given) and nothing renews it
but us. Callbacks carry ids only and no signature: check ``channel_id`` and ``token`` and fetch
the records afterwards. Polling with ``If-Modified-Since`` stays the baseline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sync.crm.dto import PageInfo, WatchChannel, WriteResult
from sync.crm.errors import CrmError, classify
from sync.crm.records import format_since
from sync.crm.transport import CrmResponse, Transport


@dataclass(frozen=True, slots=True)
class WatchRequest:
    channel_id: str
    events: tuple[str, ...]
    notify_url: str
    token: str | None = None
    channel_expiry: datetime | None = None
    notify_on_related_action: bool = False
    return_affected_field_values: bool = False

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "channel_id": self.channel_id,
            "events": list(self.events),
            "notify_url": self.notify_url,
            "notify_on_related_action": self.notify_on_related_action,
            "return_affected_field_values": self.return_affected_field_values,
        }
        if self.token is not None:
            body["token"] = self.token
        if self.channel_expiry is not None:
            body["channel_expiry"] = format_since(self.channel_expiry)
        return body


def _results(response: CrmResponse) -> list[WriteResult]:
    body = response.body if isinstance(response.body, dict) else {}
    items = body.get("watch")
    if not isinstance(items, list):
        return []
    return [
        WriteResult.from_json(i, item) for i, item in enumerate(items) if isinstance(item, dict)
    ]


def _raise_first_failure(results: list[WriteResult], status: int) -> None:
    for result in results:
        if not result.ok:
            error: CrmError = classify(
                None,
                {"code": result.code, "message": result.message, "details": result.details},
            )
            error.status = status
            raise error


def _merge(channels: list[WatchChannel]) -> list[WatchChannel]:
    """Zoho lists one entry per (channel, module); fold them into one channel each."""
    merged: dict[str, WatchChannel] = {}
    for channel in channels:
        seen = merged.get(channel.channel_id)
        if seen is None:
            merged[channel.channel_id] = channel
            continue
        merged[channel.channel_id] = replace(
            seen,
            events=tuple(dict.fromkeys(seen.events + channel.events)),
            resource_names=tuple(dict.fromkeys(seen.resource_names + channel.resource_names)),
            channel_expiry=max(
                (t for t in (seen.channel_expiry, channel.channel_expiry) if t), default=None
            ),
        )
    return list(merged.values())


class Notifications:
    def __init__(self, transport: Transport) -> None:
        self.transport = transport

    async def subscribe(self, requests: Sequence[WatchRequest]) -> list[WriteResult]:
        return await self._send("POST", requests)

    async def renew(self, channel_id: str, events: Sequence[str], expiry: datetime) -> None:
        """Push a channel's expiry forward (PATCH keeps everything else as is)."""
        body = {"channel_id": channel_id, "events": list(events), "channel_expiry": expiry}
        await self._send_raw("PATCH", [body])

    async def replace(self, requests: Sequence[WatchRequest]) -> list[WriteResult]:
        return await self._send("PUT", requests)

    async def list_channels(
        self, *, module: str | None = None, channel_id: str | None = None
    ) -> list[WatchChannel]:
        channels: list[WatchChannel] = []
        page = 1
        while True:
            params: dict[str, str | int] = {"page": page, "per_page": 200}
            if module:
                params["module"] = module
            if channel_id:
                params["channel_id"] = channel_id
            response = await self.transport.request("GET", "actions/watch", params=params)
            body = response.body if isinstance(response.body, dict) else {}
            items = [i for i in body.get("watch") or () if isinstance(i, dict)]
            channels.extend(WatchChannel.from_json(i) for i in items)
            if not items or not PageInfo.from_json(body.get("info")).more_records:
                return _merge(channels)
            page += 1

    async def unsubscribe(self, channel_ids: Sequence[str]) -> list[WriteResult]:
        response = await self.transport.request(
            "DELETE",
            "actions/watch",
            params={"channel_ids": ",".join(channel_ids)},
            per_record_key="watch",
        )
        results = _results(response)
        _raise_first_failure(results, response.status)
        return results

    async def _send(self, method: str, requests: Sequence[WatchRequest]) -> list[WriteResult]:
        return await self._send_raw(method, [r.to_json() for r in requests])

    async def _send_raw(self, method: str, watch: list[dict[str, Any]]) -> list[WriteResult]:
        for item in watch:
            if isinstance(item.get("channel_expiry"), datetime):
                item["channel_expiry"] = format_since(item["channel_expiry"])
        response = await self.transport.request(
            method, "actions/watch", json={"watch": watch}, per_record_key="watch"
        )
        results = _results(response)
        _raise_first_failure(results, response.status)
        return results
