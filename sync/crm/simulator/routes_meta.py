"""Users, org, currencies and metadata: modules, fields, custom views, related lists."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from sync.crm.simulator.context import Ctx, empty, json_response
from sync.crm.simulator.errors import ZohoError, invalid_data, required_param
from sync.crm.simulator.meta import ModuleDef
from sync.crm.simulator.records import fmt_time, user_ref
from sync.crm.simulator.render_fields import field_json
from sync.crm.simulator.render_org import render_org, render_user
from sync.crm.simulator.render_settings import module_json, related_list_json
from sync.crm.simulator.views import CustomView

USER_TYPES: dict[str, Any] = {
    "AllUsers": lambda u, me: u["status"] != "deleted",
    "ActiveUsers": lambda u, me: u["status"] == "active",
    "DeactiveUsers": lambda u, me: u["status"] == "inactive",
    "ConfirmedUsers": lambda u, me: u["confirm"] and u["status"] != "deleted",
    "NotConfirmedUsers": lambda u, me: not u["confirm"] and u["status"] != "deleted",
    "DeletedUsers": lambda u, me: u["status"] == "deleted",
    "ActiveConfirmedUsers": lambda u, me: u["status"] == "active" and u["confirm"],
    "AdminUsers": lambda u, me: u["profile"]["name"] == "Administrator",
    "ActiveConfirmedAdmins": lambda u, me: (
        u["profile"]["name"] == "Administrator" and u["status"] == "active" and u["confirm"]
    ),
    "CurrentUser": lambda u, me: u["id"] == me,
}


def _users(ctx: Ctx) -> list[dict[str, Any]]:
    kind = ctx.params.get("type") or "AllUsers"
    test = USER_TYPES.get(kind)
    if test is None:
        raise invalid_data("the given type is invalid", param_name="type")
    users = [u for u in ctx.state.store.users if test(u, ctx.user_id)]
    raw_ids = ctx.params.get("ids")
    if raw_ids:
        ids = set(raw_ids.split(","))
        users = [u for u in users if u["id"] in ids]
    since = ctx.header_time("If-Modified-Since")
    if since is not None:
        users = [u for u in users if u["Modified_Time"] >= since]
    return users


async def list_users(ctx: Ctx) -> Response:
    users = _users(ctx)
    if not users:
        return empty(304 if ctx.request.headers.get("If-Modified-Since") else 204)
    per_page = min(ctx.int_param("per_page", 200), 200)
    page = ctx.int_param("page", 1)
    start = (page - 1) * per_page
    items = users[start : start + per_page]
    if not items:
        return empty(204)
    store = ctx.state.store
    return json_response(
        {
            "users": [render_user(store, u, ctx.tz) for u in items],
            "info": {
                "per_page": per_page,
                "count": len(items),
                "page": page,
                "more_records": len(users) > start + per_page,
            },
        }
    )


async def get_user(ctx: Ctx) -> Response:
    user = ctx.state.store.users_by_id.get(ctx.path_params["user"])
    if user is None:
        return empty(204)
    since = ctx.header_time("If-Modified-Since")
    if since is not None and user["Modified_Time"] < since:
        return empty(304)
    return json_response(
        {
            "users": [render_user(ctx.state.store, user, ctx.tz)],
            "info": {"per_page": 200, "count": 1, "page": 1, "more_records": False},
        }
    )


async def count_users(ctx: Ctx) -> Response:
    return json_response({"count": str(len(_users(ctx)))})  # a string, as the OAS


async def org(ctx: Ctx) -> Response:
    return json_response({"org": [render_org(ctx.state.store, ctx.tz)]})


async def currencies(ctx: Ctx) -> Response:
    store = ctx.state.store
    rows = []
    for row in store.currencies:
        out = dict(row)
        out["created_by"] = user_ref(store, row["created_by"], email=False)
        out["modified_by"] = user_ref(store, row["modified_by"], email=False)
        out["created_time"] = fmt_time(row["created_time"], ctx.tz)
        out["modified_time"] = fmt_time(row["modified_time"], ctx.tz)
        rows.append(out)
    return json_response({"currencies": rows})


async def modules(ctx: Ctx) -> Response:
    store = ctx.state.store
    return json_response(
        {"modules": [module_json(store, m, ctx.tz) for m in store.modules.values()]}
    )


async def one_module(ctx: Ctx) -> Response:
    store = ctx.state.store
    name = ctx.path_params["api_name"]
    for module in store.modules.values():
        if name in (module.api_name, store.module_ids[module.api_name]):
            return json_response({"modules": [module_json(store, module, ctx.tz)]})
    return empty(204)


def _module_param(ctx: Ctx) -> ModuleDef:
    """The ``module`` query parameter of the metadata endpoints.

    The details carry every key the OAS files require of these errors: ``param`` (common.json
    ``ParamDetails``, related_lists.json) and, for an unknown module, ``api_name`` (fields.json).
    """
    name = ctx.params.get("module")
    if not name:
        raise required_param("module", param=True)
    module = ctx.state.store.module(name)
    if module is None:
        raise ZohoError(
            400,
            "INVALID_MODULE",
            "The module name given seems to be invalid",
            {"api_name": "module", "param": "module"},
        )
    return module


async def fields(ctx: Ctx) -> Response:
    module = _module_param(ctx)
    kind = ctx.params.get("type") or "used"
    if kind not in ("used", "unused", "all"):
        raise invalid_data("the given type is invalid", param_name="type")
    if kind == "unused":
        return empty(204)
    store = ctx.state.store
    return json_response({"fields": [field_json(store, module, f, ctx.tz) for f in module.fields]})


async def one_field(ctx: Ctx) -> Response:
    module = _module_param(ctx)
    wanted = ctx.path_params["field"]
    store = ctx.state.store
    for fdef in module.fields:
        if wanted in (fdef.api_name, store.field_ids[module.api_name][fdef.api_name]):
            return json_response({"fields": [field_json(store, module, fdef, ctx.tz)]})
    return empty(204)


def _views_info(views: list[CustomView], count: int) -> dict[str, Any]:
    default = next((v.id for v in views if v.default), views[0].id if views else None)
    return {
        "per_page": 200,
        "count": count,
        "page": 1,
        "more_records": False,
        "default": default,
        "translation": {
            "public_views": "Public Views",
            "other_users_views": "Other Users' Views",
            "shared_with_me": "Shared With Me",
            "created_by_me": "Created By Me",
        },
    }


async def custom_views(ctx: Ctx) -> Response:
    module = _module_param(ctx)
    views = ctx.state.store.views.get(module.api_name, [])
    return json_response(
        {"custom_views": [v.to_json() for v in views], "info": _views_info(views, len(views))}
    )


async def one_custom_view(ctx: Ctx) -> Response:
    module = _module_param(ctx)
    views = ctx.state.store.views.get(module.api_name, [])
    for view in views:
        if view.id == ctx.path_params["id"]:
            return json_response({"custom_views": [view.to_json()], "info": _views_info(views, 1)})
    return empty(204)


async def related_lists(ctx: Ctx) -> Response:
    module = _module_param(ctx)
    rows = related_list_json(ctx.state.store, module)
    if not rows:
        return empty(204)
    return json_response({"related_lists": rows})
