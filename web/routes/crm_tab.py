"""The CRM tab: the Expenses and Expense Reports pages a CRM embeds ("Zoho Expense" tab).

Every tab page renders through ``render_tab``: while Sync Modules is off (or the CRM is not
connected) it answers the "Sync Modules is off" page instead, whatever the page.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from web.graphql import GraphQLCallError, run_operation
from web.pages import render_page, sign_in_redirect

TAB_HOME = "/crm-tab/expenses"


async def render_tab(
    request: Request,
    template: str,
    context: Mapping[str, Any] | None = None,
    *,
    roles: Collection[str] | None = None,
    blocks: Mapping[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    """Render a page of the CRM tab, or the "Sync Modules is off" page while the tab's modules
    are not available. Visitors are sent to sign in first."""
    try:
        status = (await run_operation(request, "CrmTabStatus"))["crmTabStatus"]
    except GraphQLCallError as exc:
        if "UNAUTHENTICATED" in exc.codes:  # a session whose user is gone
            return sign_in_redirect(request)
        raise
    if not status["available"]:
        return await render_page(request, "crm_tab/off.html", {"status": status}, roles=None)
    return await render_page(
        request, template, context, roles=roles, blocks=blocks, status_code=status_code
    )


async def tab_home(request: Request) -> Response:
    return RedirectResponse(TAB_HOME, status_code=303)


routes = [Route("/crm-tab", tab_home, methods=["GET"])]
