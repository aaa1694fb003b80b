"""Reads of records: list, one record, related records, count, search and deleted records."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from starlette.responses import Response

from sync.crm.simulator.context import Ctx, empty, json_response
from sync.crm.simulator.criteria import Node, keep_matching, parse_search
from sync.crm.simulator.errors import ZohoError, invalid_data, required_param
from sync.crm.simulator.meta import ModuleDef
from sync.crm.simulator.order import Ordered, field_key, id_key
from sync.crm.simulator.pagination import Page, paginate
from sync.crm.simulator.records import fmt_time, render_record, user_ref
from sync.crm.simulator.views import CustomView

SORTABLE = ("id", "Created_Time", "Modified_Time")
MAX_FIELDS = 50
MAX_PER_PAGE = 200
WORD_RE = re.compile(r"^[\w .@'-]{2,}$")


def _fields(ctx: Ctx, module: ModuleDef, *, required: bool) -> list[str] | None:
    raw = ctx.params.get("fields")
    if not raw:
        if required:
            raise required_param("fields")
        return None
    names = [n.strip() for n in raw.split(",") if n.strip()]
    if len(names) > MAX_FIELDS:
        raise ZohoError(400, "LIMIT_EXCEEDED", "Max field limit exceeded", {"limit": MAX_FIELDS})
    return names


def _per_page(ctx: Ctx) -> int:
    return min(ctx.int_param("per_page", MAX_PER_PAGE), MAX_PER_PAGE)


def _view(ctx: Ctx, module: ModuleDef) -> CustomView | None:
    cvid = ctx.params.get("cvid")
    if cvid is None:
        return None
    for view in ctx.state.store.views.get(module.api_name, []):
        if view.id == cvid:
            ctx.credits = 3
            return view
    raise invalid_data("the given custom view is invalid", param_name="cvid")


def _sort(ctx: Ctx) -> tuple[str, bool]:
    """(``sort_by``, descending?) after validating ``sort_by`` and ``sort_order``."""
    sort_by = ctx.params.get("sort_by") or "id"
    order = ctx.params.get("sort_order") or "desc"
    if sort_by not in SORTABLE:
        raise invalid_data("invalid data", param_name="sort_by")
    if order not in ("asc", "desc"):
        raise invalid_data("invalid data", param_name="sort_order")
    return sort_by, order == "desc"


def _binding(ctx: Ctx) -> tuple[tuple[str, str], ...]:
    params = [(k, v) for k, v in ctx.params.multi_items() if k not in ("page", "page_token")]
    since = ctx.request.headers.get("if-modified-since")
    if since:
        params.append(("If-Modified-Since", since))
    return tuple(sorted(params))


@dataclass(frozen=True)
class Selection:
    """The filtered records a listing pages through, cached in id order by ``key``.

    ``modules`` are those whose writes change the selection (a view's criteria may compare a
    lookup by the name of a record in another module); ``build`` returns the records in any order.
    """

    key: Hashable
    modules: tuple[str, ...]
    build: Callable[[], Iterable[dict[str, Any]]]

    def by_id(self, ctx: Ctx) -> Ordered:
        return ctx.state.store.orders.ordered(self.key, self.modules, self.build, id_key)


def list_page(ctx: Ctx, selection: Selection) -> Page:
    """Page/page_token handling shared by Get Records and Related Records."""
    has_token = "page_token" in ctx.params
    if has_token and "page" in ctx.params:
        raise ZohoError(
            400,
            "AMBIGUITY_DURING_PROCESSING",
            "page and page_token cannot be given together",
            {"ambiguity_due_to": ["page", "page_token"]},
        )
    sort_by, descending = _sort(ctx)
    ordered = selection.by_id(ctx)
    if sort_by != "id":
        ordered = ctx.state.store.orders.ordered(
            (selection.key, sort_by),
            selection.modules,
            lambda: selection.by_id(ctx).records,
            field_key(sort_by),
        )
    modern = ctx.vnum >= 5
    if has_token and not modern:
        raise invalid_data("invalid data", param_name="page_token")
    return paginate(
        ordered,
        descending=descending,
        page=ctx.int_param("page", 1),
        per_page=_per_page(ctx),
        token=ctx.params.get("page_token") if has_token else None,
        tokens=ctx.state.page_tokens,
        user_id=ctx.user_id,
        binding=_binding(ctx),
        now=ctx.now,
        use_tokens=modern,
        discrete_limit=ctx.state.config.discrete_page_limit if modern else None,
    )


def info(ctx: Ctx, page: Page, per_page: int, *, sort: bool = True) -> dict[str, Any]:
    """``info`` as §3.2; token keys only from v5 and only when set (the OAS types them string)."""
    out: dict[str, Any] = {
        "per_page": per_page,
        "count": len(page.items),
        "page": page.page,
        "more_records": page.more,
    }
    if sort:
        out["sort_by"] = ctx.params.get("sort_by") or "id"
        out["sort_order"] = ctx.params.get("sort_order") or "desc"
    if ctx.vnum >= 5:
        out["call"] = False
        out["email"] = False
        if page.next_token is not None:
            out["next_page_token"] = page.next_token
            out["page_token_expiry"] = fmt_time(page.expiry, ctx.tz)
    return out


def _records_answer(
    ctx: Ctx, module: ModuleDef, selection: Selection, fields: list[str] | None
) -> Response:
    since = ctx.header_time("If-Modified-Since")
    if since is not None:  # inclusive, as Zoho
        unfiltered = selection.build
        selection = Selection(
            (selection.key, "since", since),
            selection.modules,
            lambda: [r for r in unfiltered() if r["Modified_Time"] >= since],
        )
    if not selection.by_id(ctx):
        return empty(304 if ctx.request.headers.get("If-Modified-Since") else 204)
    page = list_page(ctx, selection)
    if not page.items:
        return empty(204)
    store = ctx.state.store
    data = [render_record(store, module.api_name, r, fields, ctx.tz) for r in page.items]
    return json_response({"data": data, "info": info(ctx, page, _per_page(ctx))})


def _ids(ctx: Ctx) -> set[str] | None:
    raw = ctx.params.get("ids")
    if raw is None:
        return None
    ids = {i.strip() for i in raw.split(",") if i.strip()}
    if len(ids) > 100:
        raise ZohoError(400, "LIMIT_EXCEEDED", "Record count exceeded", {"limit": 100})
    return ids


async def get_records(ctx: Ctx) -> Response:
    module = ctx.module()
    fields = _fields(ctx, module, required=ctx.vnum >= 3)
    view = _view(ctx, module)
    if view is not None and "sort_by" in ctx.params:
        raise ZohoError(
            400,
            "AMBIGUITY_DURING_PROCESSING",
            "cvid and sort_by cannot be given together",
            {"ambiguity_due_to": ["cvid", "sort_by"]},
        )
    store = ctx.state.store
    ids = _ids(ctx)
    tree = view.tree() if view else None
    name = module.api_name

    def build() -> list[dict[str, Any]]:
        records = list(store.records[name].values())
        if ids is not None:
            records = [r for r in records if r["id"] in ids]
        if tree is not None:
            records = keep_matching(tree, records, module, store)
        return records

    key = ("records", name, frozenset(ids) if ids is not None else None, view and view.id)
    modules = tuple(store.records) if tree is not None else (name,)
    return _records_answer(ctx, module, Selection(key, modules, build), fields)


async def get_record(ctx: Ctx) -> Response:
    module = ctx.module()
    fields = _fields(ctx, module, required=False)
    record = ctx.state.store.get(module.api_name, ctx.path_params["id"])
    if record is None:
        return empty(204)
    since = ctx.header_time("If-Modified-Since")
    if since is not None and record["Modified_Time"] < since:
        return empty(304)
    data = render_record(ctx.state.store, module.api_name, record, fields, ctx.tz)
    return json_response({"data": [data]})


async def related_records(ctx: Ctx) -> Response:
    module = ctx.module()
    store = ctx.state.store
    related = ctx.path_params["related"]
    spec = next((r for r in module.related_lists if r[0] == related), None)
    if spec is None:
        raise invalid_data("the related list is invalid", api_name=related)
    if store.get(module.api_name, ctx.path_params["id"]) is None:
        raise invalid_data("the id given seems to be invalid", id=ctx.path_params["id"])
    _, target_name, lookup = spec
    target = ctx.module(target_name)
    fields = _fields(ctx, target, required=ctx.vnum >= 7)
    parent = ctx.path_params["id"]

    def build() -> list[dict[str, Any]]:
        return [r for r in store.records[target_name].values() if r.get(lookup) == parent]

    key = ("related", target_name, lookup, parent)
    return _records_answer(ctx, target, Selection(key, (target_name,), build), fields)


def _search_tree(ctx: Ctx, module: ModuleDef) -> tuple[Node | None, Callable[[Any], bool] | None]:
    """(criteria tree, or a predicate for email/phone/word), by Zoho's precedence."""
    params = ctx.params
    if params.get("criteria"):
        return parse_search(params["criteria"], module, ctx.vnum), None
    if params.get("email"):
        wanted = params["email"].casefold()
        names = [f.api_name for f in module.fields if f.data_type == "email"]
        return None, lambda r: any(str(r.get(n) or "").casefold() == wanted for n in names)
    if params.get("phone"):
        digits = re.sub(r"\D", "", params["phone"])
        names = [f.api_name for f in module.fields if f.data_type == "phone"]
        return (
            None,
            lambda r: (
                bool(digits)
                and any(digits in re.sub(r"\D", "", str(r.get(n) or "")) for n in names)
            ),
        )
    if params.get("word") is not None:
        word = params["word"]
        if not WORD_RE.match(word):
            raise invalid_data("invalid data", param_name="word")
        folded = word.casefold()
        names = [
            f.api_name
            for f in module.fields
            if f.data_type in ("text", "email", "phone", "website")
        ]
        return None, lambda r: any(folded in str(r.get(n) or "").casefold() for n in names)
    if ctx.vnum >= 4:
        raise ZohoError(
            400,
            "EXPECTED_PARAM_MISSING",
            "One of the expected parameter is missing",
            {"expected_params": ["criteria", "email", "phone", "word"]},
        )
    raise required_param("criteria")


def matching(ctx: Ctx, module: ModuleDef, *, search: bool) -> list[dict[str, Any]]:
    store = ctx.state.store
    records = list(store.records[module.api_name].values())
    view = _view(ctx, module)
    view_tree = view.tree() if view else None
    if view_tree is not None:
        records = keep_matching(view_tree, records, module, store)
    has_search = any(ctx.params.get(k) for k in ("criteria", "email", "phone", "word"))
    if search or has_search:
        tree, predicate = _search_tree(ctx, module)
        if tree is not None:
            records = keep_matching(tree, records, module, store)
        elif predicate is not None:
            records = [r for r in records if predicate(r)]
    return records


async def search(ctx: Ctx) -> Response:
    module = ctx.module()
    fields = _fields(ctx, module, required=False)
    records = matching(ctx, module, search=True)
    delay = ctx.state.config.search_index_delay_s
    if delay:
        fresh = ctx.now - timedelta(seconds=delay)
        records = [r for r in records if r["Modified_Time"] <= fresh]
    per_page = _per_page(ctx)
    page_no = ctx.int_param("page", 1)
    limit = ctx.state.config.search_limit
    if (page_no - 1) * per_page + per_page > limit:
        raise ZohoError(
            400, "LIMIT_REACHED", "Maximum response iteration limit reached", {"limit": limit}
        )
    if "page_token" in ctx.params:
        raise invalid_data("invalid data", param_name="page_token")
    records.sort(key=lambda r: int(r["id"]))
    start = (page_no - 1) * per_page
    items = records[start : start + per_page]
    if not items:
        return empty(204)
    page = Page(items, page_no, len(records) > start + per_page, None, None)
    store = ctx.state.store
    data = [render_record(store, module.api_name, r, fields, ctx.tz) for r in items]
    return json_response({"data": data, "info": info(ctx, page, per_page, sort=False)})


async def count(ctx: Ctx) -> Response:
    module = ctx.module()
    # The OAS types ``count`` as a string (the reference doc shows a number).
    return json_response({"count": str(len(matching(ctx, module, search=False)))})


async def deleted(ctx: Ctx) -> Response:
    module = ctx.module()
    kind = ctx.params.get("type") or "all"
    if kind not in ("all", "recycle", "permanent"):
        raise invalid_data("the given type is invalid", param_name="type")
    ctx.credits = 2
    config = ctx.state.config
    store = ctx.state.store
    entries = store.deleted_entries(
        module.api_name, ctx.now, config.recycle_retention_days, config.permanent_retention_days
    )
    entries = [e for e in entries if kind in ("all", e.type)]
    since = ctx.header_time("If-Modified-Since")
    if since is not None:
        entries = [e for e in entries if e.deleted_time >= since]
        if not entries:
            return empty(304)
    entries.sort(key=lambda e: (e.deleted_time, int(e.id)), reverse=True)
    per_page = _per_page(ctx)
    page_no = ctx.int_param("page", 1)
    start = (page_no - 1) * per_page
    items = entries[start : start + per_page]
    if not items:
        return empty(204)
    data = [
        {
            "deleted_by": user_ref(store, e.deleted_by, email=False),
            "id": e.id,
            "display_name": e.display_name,
            "type": e.type,
            "created_by": user_ref(store, e.created_by, email=False),
            "deleted_time": fmt_time(e.deleted_time, ctx.tz),
        }
        for e in items
    ]
    more = len(entries) > start + per_page
    return json_response(
        {
            "data": data,
            "info": {
                "per_page": per_page,
                "count": len(data),
                "page": page_no,
                "more_records": more,
            },
        }
    )
