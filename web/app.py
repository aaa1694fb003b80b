"""The composition root: settings, database, GraphQL endpoint, pages, middleware."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from tortoise import connections
from tortoise.contrib.starlette import RegisterTortoise

from gql import receipts_http, zoho_hooks_http
from gql.asgi import GraphQLApp
from orm.config import tortoise_config
from sync import jobs
from sync.credentials import CredentialCipher
from sync.crm.factory import ClientFactory
from sync.service import SyncService
from web.body_limit import BodyLimit
from web.csrf import CSRFMiddleware
from web.errors import graphql_call_error, http_error, server_error
from web.graphql import GraphQLCallError
from web.routes import admin_users, auth, notifications, settings_pages
from web.settings import Settings

logger = logging.getLogger("spendsync.web")
STATIC_DIR = Path(__file__).resolve().parent / "static"
SESSION_COOKIE = "spendsync_session"


class SecurityHeaders:
    """Headers every response gets. Framing is limited to our own origin for now."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = message.setdefault("headers", [])
                headers += [
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin"),
                    (b"content-security-policy", b"frame-ancestors 'self'"),
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def healthz(request: Request) -> Response:
    try:
        await connections.get("default").execute_query("SELECT 1")
    except Exception:  # the probe must answer, whatever the database says
        logger.exception("health check failed")
        return JSONResponse({"status": "unavailable"}, status_code=503)
    return JSONResponse({"status": "ok"})


def create_app(
    settings: Settings | None = None, *, crm_factory: ClientFactory | None = None
) -> Starlette:
    """The app. ``crm_factory`` lets tests and demos route CRM calls to the simulator."""
    settings = settings or Settings.from_env()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with RegisterTortoise(app, config=tortoise_config(settings.database_url)):
            # from_env always sets a key; a Settings built by hand (tests) gets a throwaway one
            key = settings.credentials_key or CredentialCipher.generate_key()
            async with contextlib.AsyncExitStack() as stack:
                defer = None
                if settings.sync_runner == "jobs":  # procrastinate workers run and schedule
                    queue = jobs.app_for(settings.database_url)
                    await stack.enter_async_context(queue.open_async())
                    defer = jobs.defer_sync
                service = SyncService(
                    CredentialCipher(key), crm_factory,
                    allow_explicit_urls=settings.allow_crm_urls, defer=defer,
                )  # fmt: skip
                service.realtime.public_url = settings.public_base_url or None
                service.realtime.callback_delay = settings.sync_callback_delay_seconds
                if defer is not None:
                    service.deletions.defer = jobs.defer_deletion  # the workers delete too
                app.state.sync = service
                scheduler = None
                if defer is None:
                    await service.recover()  # with workers, their runs are not ours to judge
                    if settings.sync_tick_seconds > 0:
                        scheduler = asyncio.create_task(
                            service.schedule_forever(settings.sync_tick_seconds)
                        )
                try:
                    yield
                finally:
                    if scheduler is not None:
                        scheduler.cancel()
                        await asyncio.gather(scheduler, return_exceptions=True)
                    await service.aclose()

    routes = [
        Route("/healthz", healthz),
        Route(
            "/graphql",
            BodyLimit(
                GraphQLApp(development=settings.development), settings.graphql_max_body_bytes
            ),
            methods=["GET", "POST"],
        ),
        *receipts_http.routes,
        *zoho_hooks_http.routes,
        *auth.routes,
        *settings_pages.routes,
        *admin_users.routes,
        *notifications.routes,
        Mount(
            "/static/vendor",
            StaticFiles(directory=settings.node_modules / "htmx.org" / "dist", check_dir=False),
            name="vendor",
        ),
        Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
    ]
    middleware = [
        Middleware(SecurityHeaders),
        Middleware(
            SessionMiddleware,
            secret_key=settings.secret_key,
            session_cookie=SESSION_COOKIE,
            max_age=settings.session_max_age,
            same_site="lax",
            https_only=settings.session_cookie_secure,
        ),
        Middleware(CSRFMiddleware),
    ]
    app = Starlette(
        debug=False,
        routes=routes,
        middleware=middleware,
        lifespan=lifespan,
        exception_handlers={
            GraphQLCallError: graphql_call_error,
            HTTPException: http_error,
            Exception: server_error,
        },
    )
    app.state.settings = settings
    app.state.receipts = receipts_http.local_receipts(
        settings.receipt_dir, settings.receipt_max_bytes
    )
    return app
