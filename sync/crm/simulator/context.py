"""Per-request context handed to every route handler, plus shared parsing helpers."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import orjson
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from sync.crm.simulator.errors import ZohoError, invalid_data, invalid_module
from sync.crm.simulator.meta import ModuleDef

if TYPE_CHECKING:
    from sync.crm.simulator.app import SimulatorState

Notifier = Callable[[str, dict[str, Any]], Awaitable[None]]


@dataclass
class Ctx:
    request: Request
    state: SimulatorState
    version: str
    user_id: str
    tz: ZoneInfo
    path_params: dict[str, str]
    now: datetime
    credits: int = 1
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def vnum(self) -> float:
        return float(self.version[1:])

    @property
    def params(self) -> Any:
        return self.request.query_params

    def module(self, name: str | None = None) -> ModuleDef:
        module = self.state.store.module(name or self.path_params.get("module", ""))
        if module is None:
            raise invalid_module()
        return module

    def int_param(self, name: str, default: int, minimum: int = 1) -> int:
        raw = self.params.get(name)
        if raw is None or raw == "":
            return default
        try:
            value = int(raw)
        except ValueError:
            raise invalid_data("invalid data", param_name=name) from None
        if value < minimum:
            raise invalid_data("invalid data", param_name=name)
        return value

    def header_time(self, name: str) -> datetime | None:
        raw = self.request.headers.get(name)
        if raw is None:
            return None
        return parse_time(raw, name)

    async def json_body(self) -> dict[str, Any]:
        raw = await self.request.body()
        try:
            body = json.loads(raw or b"null")
        except ValueError:
            raise invalid_data("body is invalid", param_name="body") from None
        if not isinstance(body, dict):
            raise invalid_data("body is invalid", param_name="body")
        return body


def parse_time(raw: str, name: str) -> datetime:
    """ISO 8601 with an offset (Zoho's form); RFC 1123 is tolerated."""
    try:
        parsed = datetime.fromisoformat(raw.strip())
    except ValueError:
        try:
            parsed = parsedate_to_datetime(raw)
        except (TypeError, ValueError):
            raise invalid_data("invalid data", param_name=name) from None
    if parsed.tzinfo is None:
        raise invalid_data("invalid data", param_name=name)
    return parsed


class _OrjsonResponse(JSONResponse):
    """Starlette's JSON response encoded by orjson: a page of 200 records in a fraction of the
    time (the same compact UTF-8 JSON)."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return _OrjsonResponse(body, status_code=status, headers=headers)


def empty(status: int) -> Response:
    return Response(status_code=status)


def error_response(error: ZohoError) -> Response:
    return _OrjsonResponse(error.body(), status_code=error.status, headers=error.headers or None)
