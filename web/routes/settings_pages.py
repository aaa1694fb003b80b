"""Settings: the admins' landing page, an overview of the organisation and its CRM integration."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from web.graphql import run_operation
from web.pages import render_page

ADMINS = ("ADMIN",)


async def overview(request: Request) -> Response:
    data = await run_operation(request, "SettingsOverview")  # admins only (FORBIDDEN: 403 page)
    integration = data["integration"]
    runs = integration["runs"]["nodes"]
    context = {
        "organization": data["viewer"]["organization"],
        "integration": integration,
        "last_run": runs[0] if runs else None,
    }
    return await render_page(request, "settings/overview.html", context, roles=ADMINS)


routes = [Route("/settings", overview, methods=["GET"])]
