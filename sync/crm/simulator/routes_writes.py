"""Writes: insert, update, upsert and delete, answering per record (§10)."""

from __future__ import annotations

import math
from typing import Any

from starlette.responses import Response

from sync.crm.simulator.context import Ctx, json_response
from sync.crm.simulator.errors import ZohoError, invalid_data, required_param
from sync.crm.simulator.writes import (
    Change,
    batch_status,
    delete_one,
    insert_one,
    update_one,
    upsert_one,
)

TRIGGERS = frozenset(
    {"workflow", "approval", "blueprint", "pathfinder", "orchestration", "cadences"}
)


async def _data(ctx: Ctx) -> tuple[list[Any], dict[str, Any]]:
    body = await ctx.json_body()
    data = body.get("data")
    if not isinstance(data, list) or not data:
        raise ZohoError(
            400, "MANDATORY_NOT_FOUND", "required field not found", {"api_name": "data"}
        )
    limit = ctx.state.config.write_batch_limit
    if len(data) > limit:
        raise ZohoError(400, "LIMIT_EXCEEDED", "Record count exceeded", {"limit": limit})
    trigger = body.get("trigger")
    if trigger is not None and (
        not isinstance(trigger, list) or any(t not in TRIGGERS for t in trigger)
    ):
        raise invalid_data("invalid data", api_name="trigger")
    ctx.credits = max(1, math.ceil(len(data) / 10))
    return data, body


async def _answer(
    ctx: Ctx, results: list[dict[str, Any]], changes: list[Change | None], ok: int
) -> Response:
    await ctx.state.notify([c for c in changes if c is not None], ctx)
    return json_response({"data": results}, batch_status(results, ok))


def _unmodified_since(ctx: Ctx) -> Any:
    return ctx.header_time("If-Unmodified-Since") if ctx.vnum >= 7 else None


async def insert(ctx: Ctx) -> Response:
    module = ctx.module()
    data, _ = await _data(ctx)
    store = ctx.state.store
    pairs = [insert_one(store, module, item, i, ctx.now) for i, item in enumerate(data)]
    return await _answer(ctx, [p[0] for p in pairs], [p[1] for p in pairs], 201)


async def update(ctx: Ctx) -> Response:
    module = ctx.module()
    data, _ = await _data(ctx)
    store = ctx.state.store
    since = _unmodified_since(ctx)
    single = ctx.path_params.get("id")
    pairs = [
        update_one(store, module, item, i, ctx.now, since, record_id=single)
        for i, item in enumerate(data)
    ]
    return await _answer(ctx, [p[0] for p in pairs], [p[1] for p in pairs], 200)


async def upsert(ctx: Ctx) -> Response:
    module = ctx.module()
    data, body = await _data(ctx)
    checks = body.get("duplicate_check_fields")
    if checks is not None:
        allowed = {module.duplicate_field} | {f.api_name for f in module.fields if f.unique}
        if not isinstance(checks, list) or any(c not in allowed for c in checks):
            raise invalid_data(
                "the given duplicate_check_fields is invalid", api_name="duplicate_check_fields"
            )
    store = ctx.state.store
    since = _unmodified_since(ctx)
    pairs = [
        upsert_one(store, module, item, i, ctx.now, checks, since) for i, item in enumerate(data)
    ]
    results = [p[0] for p in pairs]
    inserted_only = all(r.get("action") == "insert" for r in results)
    return await _answer(ctx, results, [p[1] for p in pairs], 201 if inserted_only else 200)


async def delete(ctx: Ctx) -> Response:
    module = ctx.module()
    single = ctx.path_params.get("id")
    if single is not None:
        ids = [single]
    else:
        raw = ctx.params.get("ids")
        if not raw:
            raise required_param("ids")
        ids = [i.strip() for i in raw.split(",") if i.strip()]
    limit = ctx.state.config.write_batch_limit
    if len(ids) > limit:
        raise ZohoError(400, "LIMIT_EXCEEDED", "Record count exceeded", {"limit": limit})
    pairs = [delete_one(ctx.state.store, module, i, ctx.now) for i in ids]
    return await _answer(ctx, [p[0] for p in pairs], [p[1] for p in pairs], 200)
