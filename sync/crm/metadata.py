"""Users, organisation, currencies, modules, field metadata and custom views."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any, Literal

from sync.crm.dto import (
    PageInfo,
)
from sync.crm.errors import CrmNotFound
from sync.crm.metadata_dto import (
    CrmCurrency,
    CrmField,
    CrmModule,
    CrmOrg,
    CrmUser,
    CustomView,
)
from sync.crm.records import format_since
from sync.crm.transport import CrmResponse, Transport

UserType = Literal[
    "AllUsers",
    "ActiveUsers",
    "DeactiveUsers",
    "ConfirmedUsers",
    "NotConfirmedUsers",
    "DeletedUsers",
    "ActiveConfirmedUsers",
    "AdminUsers",
    "ActiveConfirmedAdmins",
    "CurrentUser",
]


def _list(response: CrmResponse, key: str) -> list[dict[str, Any]]:
    body = response.body if isinstance(response.body, dict) else {}
    items = body.get(key)
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


class MetadataReader:
    def __init__(self, transport: Transport) -> None:
        self.transport = transport

    async def users(
        self,
        *,
        type: UserType = "AllUsers",
        modified_since: datetime | None = None,
        per_page: int = 200,
    ) -> AsyncIterator[CrmUser]:
        headers = {"If-Modified-Since": format_since(modified_since)} if modified_since else {}
        page = 1
        while True:
            response = await self.transport.request(
                "GET",
                "users",
                params={"type": type, "page": page, "per_page": per_page},
                headers=headers,
            )
            users = _list(response, "users")
            for user in users:
                yield CrmUser.from_json(user)
            body = response.body if isinstance(response.body, dict) else {}
            if not users or not PageInfo.from_json(body.get("info")).more_records:
                return
            page += 1

    async def org(self) -> CrmOrg:
        orgs = _list(await self.transport.request("GET", "org"), "org")
        if not orgs:
            raise CrmNotFound("the CRM returned no organisation")
        return CrmOrg.from_json(orgs[0])

    async def currencies(self) -> list[CrmCurrency]:
        response = await self.transport.request("GET", "org/currencies")
        return [CrmCurrency.from_json(c) for c in _list(response, "currencies")]

    async def modules(self) -> list[CrmModule]:
        response = await self.transport.request("GET", "settings/modules")
        return [CrmModule.from_json(m) for m in _list(response, "modules")]

    async def fields(self, module: str, *, type: str | None = None) -> list[CrmField]:
        params = {"module": module}
        if type:
            params["type"] = type
        response = await self.transport.request("GET", "settings/fields", params=params)
        return [CrmField.from_json(f) for f in _list(response, "fields")]

    async def custom_views(self, module: str) -> list[CustomView]:
        """All views of a module, without criteria (Zoho's list omits them)."""
        views: list[CustomView] = []
        page = 1
        while True:
            response = await self.transport.request(
                "GET",
                "settings/custom_views",
                params={"module": module, "page": page, "per_page": 200},
            )
            items = _list(response, "custom_views")
            views.extend(CustomView.from_json(v) for v in items)
            body = response.body if isinstance(response.body, dict) else {}
            if not items or not PageInfo.from_json(body.get("info")).more_records:
                return views
            page += 1

    async def custom_view(self, module: str, view_id: str) -> CustomView:
        """One view with its ``criteria`` and ``fields``."""
        response = await self.transport.request(
            "GET", f"settings/custom_views/{view_id}", params={"module": module}
        )
        items = _list(response, "custom_views")
        if not items:
            raise CrmNotFound(f"custom view {view_id} of {module} not found")
        return CustomView.from_json(items[0])
