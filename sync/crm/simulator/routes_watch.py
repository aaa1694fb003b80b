"""Notifications (§14): ``/actions/watch`` subscriptions and the callbacks POSTed on writes."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from starlette.responses import Response

from sync.crm.simulator.context import Ctx, empty, json_response, parse_time
from sync.crm.simulator.errors import ZohoError, record_error, required_param
from sync.crm.simulator.records import fmt_time
from sync.crm.simulator.store import Watch

EVENT_KINDS = ("create", "edit", "delete", "all")
OPERATION_EVENT = {"insert": "create", "update": "edit", "delete": "delete"}
MAX_EXPIRY = timedelta(days=7)
DEFAULT_EXPIRY = timedelta(hours=1)


def _bad(message: str, **details: Any) -> dict[str, Any]:
    return record_error("INVALID_DATA", message, details)


def _events_payload(ctx: Ctx, watch: Watch) -> list[dict[str, Any]]:
    base = str(ctx.request.base_url).rstrip("/")
    return [
        {
            "channel_expiry": fmt_time(watch.channel_expiry, ctx.tz),
            "resource_uri": f"{base}/crm/{ctx.version}/{module}",
            "resource_id": resource_id,
            "resource_name": module,
            "channel_id": watch.channel_id,
            "notification_condition": [],
        }
        for module, resource_id in watch.resource_ids.items()
    ]


def _expiry(ctx: Ctx, raw: Any) -> datetime:
    if raw is None:
        return ctx.now + DEFAULT_EXPIRY
    moment = parse_time(str(raw), "channel_expiry")
    if moment - ctx.now > MAX_EXPIRY or moment <= ctx.now:
        return ctx.now + DEFAULT_EXPIRY  # beyond a week (or past): Zoho falls back to 1 hour
    return moment


def _parse(ctx: Ctx, item: Any, existing: Watch | None) -> Watch | dict[str, Any]:
    """A new or updated subscription, or a per-item error."""
    if not isinstance(item, dict):
        return _bad("invalid data")
    channel = str(item.get("channel_id") or "")
    if not channel.isdigit():
        return _bad("the given channel id is invalid", api_name="channel_id")
    events = item.get("events", existing.events if existing else None)
    if not isinstance(events, list) or not events:
        return record_error(
            "MANDATORY_NOT_FOUND", "required field not found", {"api_name": "events"}
        )
    resources: dict[str, str] = {}
    for event in events:
        module, _, kind = str(event).partition(".")
        if ctx.state.store.module(module) is None or kind not in EVENT_KINDS:
            return _bad(
                "the given events are invalid", api_name="events", json_path="$.watch[0].events"
            )
        resources[module] = ctx.state.store.module_ids[module]
    url = item.get("notify_url", existing.notify_url if existing else None)
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        return _bad("the notify_url is invalid", api_name="notify_url")
    token = item.get("token", existing.token if existing else None)
    if token is not None and (not isinstance(token, str) or len(token) > 50):
        return _bad("the token is too long", api_name="token")
    if "channel_expiry" in item or existing is None:
        try:
            expiry = _expiry(ctx, item.get("channel_expiry"))
        except ZohoError:
            return _bad("the channel_expiry is invalid", api_name="channel_expiry")
    else:
        expiry = existing.channel_expiry
    return Watch(
        channel_id=channel,
        events=[str(e) for e in events],
        notify_url=url,
        token=token,
        channel_expiry=expiry,
        resource_ids=resources,
        return_affected_field_values=bool(item.get("return_affected_field_values", False)),
        notify_on_related_action=bool(item.get("notify_on_related_action", True)),
    )


async def _items(ctx: Ctx) -> list[Any]:
    body = await ctx.json_body()
    items = body.get("watch")
    if not isinstance(items, list) or not items:
        raise ZohoError(
            400, "MANDATORY_NOT_FOUND", "required field not found", {"api_name": "watch"}
        )
    return items


def _status(results: list[dict[str, Any]], ok: int) -> int:
    """The OAS answers failed items with 202 (``WrappedErrorResponse``) on every method."""
    good = sum(1 for r in results if r["status"] == "success")
    return ok if good == len(results) else 202


async def subscribe(ctx: Ctx) -> Response:
    results = []
    for item in await _items(ctx):
        parsed = _parse(ctx, item, None)
        if isinstance(parsed, dict):
            results.append(parsed)
            continue
        ctx.state.store.watches[parsed.channel_id] = parsed
        results.append(
            {
                "code": "SUCCESS",
                "details": {"events": _events_payload(ctx, parsed)},
                "message": "Successfully subscribed for actions-watch of the given module",
                "status": "success",
            }
        )
    return json_response({"watch": results}, _status(results, 201))


async def update(ctx: Ctx) -> Response:
    """PATCH (partial) and PUT (replace) both renew or change a subscription."""
    results = []
    watches = ctx.state.store.watches
    for item in await _items(ctx):
        channel = str(item.get("channel_id") or "") if isinstance(item, dict) else ""
        existing = watches.get(channel)
        if existing is None or existing.channel_expiry <= ctx.now:
            results.append(
                record_error(
                    "INVALID_DATA", "the given channel id is invalid", {"channel_id": channel}
                )
            )
            continue
        parsed = _parse(ctx, item, existing if ctx.request.method == "PATCH" else None)
        if isinstance(parsed, dict):
            results.append(parsed)
            continue
        watches[channel] = parsed
        results.append(
            {
                "code": "SUCCESS",
                "details": {"events": _events_payload(ctx, parsed)},
                "message": "Successfully updated the subscribe details",
                "status": "success",
            }
        )
    return json_response({"watch": results}, _status(results, 200))


async def list_watches(ctx: Ctx) -> Response:
    watches = [w for w in ctx.state.store.watches.values() if w.channel_expiry > ctx.now]
    if ctx.params.get("channel_id"):
        watches = [w for w in watches if w.channel_id == ctx.params["channel_id"]]
    if ctx.params.get("module"):
        watches = [w for w in watches if ctx.params["module"] in w.resource_ids]
    if not watches:
        return empty(204)
    rows = []
    base = str(ctx.request.base_url).rstrip("/")
    for watch in watches:
        for module, resource_id in watch.resource_ids.items():
            rows.append(
                {
                    "channel_id": watch.channel_id,
                    "events": [e for e in watch.events if e.startswith(module + ".")],
                    "notify_url": watch.notify_url,
                    "token": watch.token,
                    "channel_expiry": fmt_time(watch.channel_expiry, ctx.tz),
                    "resource_name": module,
                    "resource_id": resource_id,
                    "resource_uri": f"{base}/crm/{ctx.version}/{module}",
                    "notify_on_related_action": watch.notify_on_related_action,
                    "return_affected_field_values": watch.return_affected_field_values,
                }
            )
    info = {"per_page": 200, "count": len(rows), "page": 1, "more_records": False}
    return json_response({"watch": rows, "info": info})


async def unsubscribe(ctx: Ctx) -> Response:
    raw = ctx.params.get("channel_ids")
    if not raw:
        raise required_param("channel_ids", param=True)
    results = []
    for channel in [c.strip() for c in raw.split(",") if c.strip()]:
        watch = ctx.state.store.watches.pop(channel, None)
        if watch is None:
            results.append(
                record_error(
                    "INVALID_DATA", "the given channel id is invalid", {"channel_id": channel}
                )
            )
            continue
        results.append(
            {
                "code": "SUCCESS",
                "details": {"events": _events_payload(ctx, watch)},
                "message": "Successfully un-subscribed from actions-watch",
                "status": "success",
            }
        )
    return json_response({"watch": results}, _status(results, 200))


def callbacks(ctx: Ctx, changes: list[Any]) -> list[tuple[str, dict[str, Any]]]:
    """(notify_url, payload) for every active subscription matching these writes."""
    out: list[tuple[str, dict[str, Any]]] = []
    base = str(ctx.request.base_url).rstrip("/")
    groups: dict[tuple[str, str], list[Any]] = {}
    for change in changes:
        groups.setdefault((change.module, change.operation), []).append(change)
    for (module, operation), items in groups.items():
        event = OPERATION_EVENT[operation]
        for watch in ctx.state.store.watches.values():
            if watch.channel_expiry <= ctx.now:
                continue
            if f"{module}.{event}" not in watch.events and f"{module}.all" not in watch.events:
                continue
            payload: dict[str, Any] = {
                "server_time": int(ctx.now.timestamp() * 1000),
                "query_params": {},
                "module": module,
                "resource_uri": f"{base}/crm/{ctx.version}/{module}",
                "ids": [c.record_id for c in items],
                "affected_fields": [{c.record_id: c.fields} for c in items]
                if operation == "update"
                else [],
                "operation": operation,
                "channel_id": watch.channel_id,
                "token": watch.token,
            }
            out.append((watch.notify_url, payload))
    return out
