"""The Starlette app: ``/oauth/v2/token`` and ``/crm/v{2,2.1,3..8}/…`` over one ``CrmStore``."""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from sync.crm.simulator import routes_meta, routes_records, routes_watch, routes_writes
from sync.crm.simulator.auth import TokenIssuer, has_scope, scope_error
from sync.crm.simulator.clock import Clock, SystemClock
from sync.crm.simulator.config import SUPPORTED_VERSIONS, SimulatorConfig
from sync.crm.simulator.context import Ctx, Notifier, error_response, json_response
from sync.crm.simulator.errors import ZohoError, invalid_url
from sync.crm.simulator.faults import Faults, Limits
from sync.crm.simulator.pagination import PageTokens
from sync.crm.simulator.records import user_tz
from sync.crm.simulator.store import CrmStore
from sync.crm.simulator.writes import Change

Handler = Callable[[Ctx], Awaitable[Response]]


class RecordedResponse(NamedTuple):
    """One answer, for tests: ``operation`` is e.g. ``GET /crm/{version}/{module}``."""

    method: str
    path: str
    operation: str
    status: int
    body: Any


@dataclass(frozen=True)
class _Route:
    method: str
    template: str
    handler: Handler
    scope: str  # "{module}" is replaced by the lower-cased module name

    @property
    def parts(self) -> list[str]:
        return self.template.strip("/").split("/")


R = _Route
MOD = "ZohoCRM.modules.{module}"
ROUTES = [
    R("GET", "/users", routes_meta.list_users, "ZohoCRM.users.READ"),
    R("GET", "/users/actions/count", routes_meta.count_users, "ZohoCRM.users.READ"),
    R("GET", "/users/{user}", routes_meta.get_user, "ZohoCRM.users.READ"),
    R("GET", "/org", routes_meta.org, "ZohoCRM.org.READ"),
    R("GET", "/org/currencies", routes_meta.currencies, "ZohoCRM.org.READ"),
    R("GET", "/settings/modules", routes_meta.modules, "ZohoCRM.settings.modules.READ"),
    R(
        "GET",
        "/settings/modules/{api_name}",
        routes_meta.one_module,
        "ZohoCRM.settings.modules.READ",
    ),
    R("GET", "/settings/fields", routes_meta.fields, "ZohoCRM.settings.fields.READ"),
    R("GET", "/settings/fields/{field}", routes_meta.one_field, "ZohoCRM.settings.fields.READ"),
    R(
        "GET",
        "/settings/custom_views",
        routes_meta.custom_views,
        "ZohoCRM.settings.custom_views.READ",
    ),
    R(
        "GET",
        "/settings/custom_views/{id}",
        routes_meta.one_custom_view,
        "ZohoCRM.settings.custom_views.READ",
    ),
    R(
        "GET",
        "/settings/related_lists",
        routes_meta.related_lists,
        "ZohoCRM.settings.related_lists.READ",
    ),
    R("GET", "/actions/watch", routes_watch.list_watches, "ZohoCRM.notifications.READ"),
    R("POST", "/actions/watch", routes_watch.subscribe, "ZohoCRM.notifications.CREATE"),
    R("PUT", "/actions/watch", routes_watch.update, "ZohoCRM.notifications.UPDATE"),
    R("PATCH", "/actions/watch", routes_watch.update, "ZohoCRM.notifications.UPDATE"),
    R("DELETE", "/actions/watch", routes_watch.unsubscribe, "ZohoCRM.notifications.DELETE"),
    R("GET", "/{module}/actions/count", routes_records.count, MOD + ".READ"),
    R("GET", "/{module}/search", routes_records.search, MOD + ".READ"),
    R("GET", "/{module}/deleted", routes_records.deleted, MOD + ".READ"),
    R("POST", "/{module}/upsert", routes_writes.upsert, MOD + ".CREATE"),
    R("GET", "/{module}/{id}/{related}", routes_records.related_records, MOD + ".READ"),
    R("GET", "/{module}/{id}", routes_records.get_record, MOD + ".READ"),
    R("PUT", "/{module}/{id}", routes_writes.update, MOD + ".UPDATE"),
    R("DELETE", "/{module}/{id}", routes_writes.delete, MOD + ".DELETE"),
    R("GET", "/{module}", routes_records.get_records, MOD + ".READ"),
    R("POST", "/{module}", routes_writes.insert, MOD + ".CREATE"),
    R("PUT", "/{module}", routes_writes.update, MOD + ".UPDATE"),
    R("DELETE", "/{module}", routes_writes.delete, MOD + ".DELETE"),
]
_PATH = re.compile(r"^/crm/(?P<version>[^/]+)(?P<rest>/.*)?$")


def _match(parts: list[str]) -> tuple[list[_Route], dict[str, str]]:
    """Routes whose template fits ``parts`` (the most literal template wins)."""
    best: list[_Route] = []
    best_params: dict[str, str] = {}
    best_score = -1
    for route in ROUTES:
        template = route.parts
        if len(template) != len(parts):
            continue
        params: dict[str, str] = {}
        for want, have in zip(template, parts, strict=True):
            if want.startswith("{"):
                params[want[1:-1]] = have
            elif want != have:
                break
        else:
            if "id" in params and not params["id"].isdigit():
                continue
            score = sum(1 for p in template if not p.startswith("{"))
            if score > best_score:
                best, best_params, best_score = [route], params, score
            elif score == best_score and params == best_params:
                best.append(route)
    return best, best_params


@dataclass
class SimulatorState:
    store: CrmStore
    config: SimulatorConfig
    clock: Clock
    notifier: Notifier | None
    recorder: list[RecordedResponse] | None
    issuer: TokenIssuer = field(init=False)
    page_tokens: PageTokens = field(init=False)
    limits: Limits = field(init=False)
    faults: Faults = field(init=False)
    notifications: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    notification_errors: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.issuer = TokenIssuer(self.config, self.store.api_user["id"])
        self.page_tokens = PageTokens(self.config)
        self.limits = Limits(self.config)
        self.faults = Faults(self.config)

    async def notify(self, changes: list[Change], ctx: Ctx) -> None:
        """POST a callback per matching subscription; failures are kept, never raised."""
        for url, payload in routes_watch.callbacks(ctx, changes):
            self.notifications.append((url, payload))
            if self.notifier is None:
                continue
            try:
                await self.notifier(url, payload)
            except Exception as exc:
                self.notification_errors.append(f"{url}: {exc!r}")


def _httpx_notifier(client: httpx.AsyncClient) -> Notifier:
    async def send(url: str, payload: dict[str, Any]) -> None:
        await client.post(url, json=payload)

    return send


async def _token(request: Request) -> Response:
    state: SimulatorState = request.app.state.simulator
    params = dict(request.query_params)
    if request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        form = await request.form()
        params.update({k: str(v) for k, v in form.items()})
    token, error = state.issuer.grant(params, state.clock.now())
    if token is None:
        response = json_response(error)
    else:
        domain = state.config.api_domain or str(request.base_url).rstrip("/")
        response = json_response(
            {
                "access_token": token.token,
                "scope": " ".join(token.scopes),
                "api_domain": domain,
                "token_type": "Bearer",
                "expires_in": state.config.access_token_ttl_s,
            }
        )
    _record(state, request, "POST /oauth/v2/token", response)
    return response


def _record(state: SimulatorState, request: Request, operation: str, response: Response) -> None:
    if state.recorder is None:
        return
    raw = bytes(response.body) if hasattr(response, "body") else b""
    body = json.loads(raw) if raw else None
    state.recorder.append(
        RecordedResponse(request.method, request.url.path, operation, response.status_code, body)
    )


async def _crm(request: Request) -> Response:
    state: SimulatorState = request.app.state.simulator
    operation = f"{request.method} {request.url.path}"
    try:
        response, operation = await _dispatch(state, request)
    except ZohoError as exc:
        response = error_response(exc)
    _record(state, request, operation, response)
    return response


async def _dispatch(state: SimulatorState, request: Request) -> tuple[Response, str]:
    config, clock = state.config, state.clock
    fault = state.faults.next_fault()
    if fault == "expire_tokens":
        state.issuer.expire_all()
    elif fault == "timeout":
        await clock.sleep(config.timeout_seconds)
        raise state.faults.error_for(fault)
    elif fault is not None:
        raise state.faults.error_for(fault)
    state.limits.enter()
    try:
        if config.latency_ms:
            await clock.sleep(config.latency_ms / 1000)
        return await _handle(state, request)
    finally:
        state.limits.leave()


async def _handle(state: SimulatorState, request: Request) -> tuple[Response, str]:
    match = _PATH.match(request.url.path)
    if match is None:
        raise invalid_url()
    version = match["version"]
    if version not in SUPPORTED_VERSIONS:
        raise ZohoError(
            400,
            "API_NOT_SUPPORTED",
            "the API version is not supported",
            {"supported_version": 8.0},
        )
    # Zoho's record times have whole seconds (what If-Unmodified-Since can express too)
    now = state.clock.now().replace(microsecond=0)
    token = state.issuer.authenticate(request.headers.get("authorization"), now)
    parts = (match["rest"] or "/").strip("/").split("/")
    routes, params = _match(parts)
    if not routes:
        raise invalid_url()
    route = next((r for r in routes if r.method == request.method), None)
    if route is None:
        raise ZohoError(
            405, "INVALID_REQUEST_METHOD", "The http request method type is not a valid one", {}
        )
    operation = f"{route.method} /crm/{{version}}{route.template}"
    needed = route.scope.replace("{module}", params.get("module", "").lower())
    if not has_scope(token.scopes, needed):
        raise scope_error(needed)
    if route.handler is routes_records.search and not has_scope(
        token.scopes, "ZohoSearch.securesearch.READ"
    ):
        raise scope_error("ZohoSearch.securesearch.READ")
    state.limits.charge(1, now)
    ctx = Ctx(
        request=request,
        state=state,
        version=version,
        user_id=token.user_id,
        tz=user_tz(state.store, token.user_id),
        path_params=params,
        now=now,
    )
    response = await route.handler(ctx)
    if ctx.credits > 1:
        state.limits.spent.append((now, ctx.credits - 1))
        state.limits.credits_used_total += ctx.credits - 1
    return response, operation


def create_simulator_app(
    store: CrmStore,
    config: SimulatorConfig | None = None,
    clock: Clock | None = None,
    notifier: Notifier | httpx.AsyncClient | None = None,
    recorder: list[RecordedResponse] | None = None,
) -> Starlette:
    """The simulator as an ASGI app (``httpx.ASGITransport`` or uvicorn).

    ``notifier`` receives ``(notify_url, payload)`` for every callback (an async callable, or an
    ``httpx.AsyncClient`` that POSTs the JSON); without one, callbacks are only kept in
    ``app.state.simulator.notifications``. ``recorder`` collects every response.
    """
    send: Notifier | None
    send = _httpx_notifier(notifier) if isinstance(notifier, httpx.AsyncClient) else notifier
    state = SimulatorState(
        store=store,
        config=config or SimulatorConfig(),
        clock=clock or SystemClock(),
        notifier=send,
        recorder=recorder,
    )
    methods = ["GET", "POST", "PUT", "PATCH", "DELETE"]
    app = Starlette(
        routes=[
            Route("/oauth/v2/token", _token, methods=["POST"]),
            Route("/crm/{rest:path}", _crm, methods=methods),
        ]
    )
    app.state.simulator = state
    return app
