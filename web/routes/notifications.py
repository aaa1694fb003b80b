"""The signed-in user's in-app notifications: list, mark one or all read."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from web.graphql import run_operation
from web.htmx import redirect
from web.pages import flash, render_page

PAGE_SIZE = 25
BLOCKS = {"notification-list": "list"}


async def notifications_page(request: Request) -> Response:
    unread_only = request.query_params.get("show") == "unread"
    variables = {
        "first": PAGE_SIZE,
        "after": request.query_params.get("after") or None,
        "unreadOnly": unread_only,
    }
    data = await run_operation(request, "Notifications", variables)
    context = {"notifications": data["notifications"], "unread_only": unread_only}
    return await render_page(request, "notifications.html", context, blocks=BLOCKS)


async def mark_read(request: Request) -> Response:
    """One notification (``id`` in the form) or, without one, all of them."""
    form = await request.form()
    target = str(form.get("id", "")) or None
    data = await run_operation(request, "NotificationsMarkRead", {"input": {"id": target}})
    payload = data["notificationsMarkRead"]
    if payload["errors"]:
        flash(request, payload["errors"][0]["message"], "error")
    elif target is None:
        flash(request, "All notifications are marked as read.")
    back = "/notifications?show=unread" if form.get("show") == "unread" else "/notifications"
    return redirect(request, back)


routes = [
    Route("/notifications", notifications_page, methods=["GET"]),
    Route("/notifications/read", mark_read, methods=["POST"]),
]
