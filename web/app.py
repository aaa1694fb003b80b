"""The composition root: settings, database, GraphQL endpoint, pages, middleware."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING

import itsdangerous
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import HTTPConnection, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from tortoise import connections
from tortoise.contrib.starlette import RegisterTortoise

from gql import receipts_http
from gql.asgi import GraphQLApp
from gql.context import InvalidToken
from orm.config import tortoise_config
from resolvers import sync_runtime
from resolvers.identity.links import AccountLinks
from resolvers.mail import LogMailer, Postman, SmtpMailer
from web import metrics
from web.body_limit import BodyLimit
from web.csrf import CSRFMiddleware
from web.database import pending_migrations
from web.errors import graphql_call_error, http_error, invalid_token, server_error
from web.graphql import GraphQLCallError
from web.routes import (
    account,
    admin_users,
    auth,
    crm_tab,
    crm_users,
    exports,
    graphiql,
    notifications,
    passwords,
    settings_cards,
    settings_categories,
    settings_mileage,
    settings_organization,
    settings_pages,
    settings_perdiem,
    zoho_crm,
    zoho_crm_details,
    zoho_hooks,
)
from web.settings import Settings

if TYPE_CHECKING:
    from resolvers.mail import Mailer
    from sync.crm.factory import ClientFactory

logger = logging.getLogger("spendsync.web")
STATIC_DIR = Path(__file__).resolve().parent / "static"
SESSION_COOKIE = "spendsync_session"


# Scripts, styles, images and requests from this origin only; no plugins; forms post here;
# framing by this origin only. Pages carry no inline script, style or event handler.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'self'"
)
HSTS = "max-age=63072000; includeSubDomains"


class SecurityHeaders:
    """Headers every response gets, each exactly once: a header the route already set (a
    download's, the development GraphiQL page's own policy) is left as the route set it."""

    def __init__(self, app: ASGIApp, *, production: bool = False) -> None:
        self.app = app
        self.headers = [
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"same-origin"),
            (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
        ]
        if production:  # served over HTTPS behind the proxy: browsers must never use HTTP
            self.headers.append((b"strict-transport-security", HSTS.encode()))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = message.setdefault("headers", [])
                present = {name.lower() for name, _ in headers}
                headers += [(n, v) for n, v in self.headers if n not in present]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class RotatingSessionMiddleware(SessionMiddleware):
    """Session cookies signed with ``SECRET_KEY``; during a rotation cookies signed with one of
    ``SECRET_KEY_PREVIOUS`` are still read (and the response re-signs them with the new key)."""

    def __init__(
        self,
        app: ASGIApp,
        secret_key: str,
        previous_keys: tuple[str, ...] = (),
        *,
        session_cookie: str,
        max_age: int,
        https_only: bool,
    ) -> None:
        super().__init__(
            app, secret_key, session_cookie=session_cookie, max_age=max_age,
            same_site="lax", https_only=https_only,
        )  # fmt: skip
        # itsdangerous signs with the last key of the list and verifies with any of them
        self.signer = itsdangerous.TimestampSigner([*previous_keys, secret_key])
        if previous_keys:
            self.app = self._resigning(self.app, secret_key, session_cookie, max_age)

    @staticmethod
    def _resigning(app: ASGIApp, secret_key: str, cookie: str, max_age: int) -> ASGIApp:
        """A session read with a previous key is marked modified, so the answer carries it
        signed with the new key."""
        current = itsdangerous.TimestampSigner(secret_key)

        async def resign(scope: Scope, receive: Receive, send: Send) -> None:
            session = scope.get("session")
            if session:
                raw = HTTPConnection(scope).cookies.get(cookie, "")
                try:
                    current.unsign(raw.encode(), max_age=max_age)
                except itsdangerous.BadSignature:
                    session.mark_modified()
            await app(scope, receive, send)

        return resign


async def healthz(request: Request) -> Response:
    try:
        await connections.get("default").execute_query("SELECT 1")
    except Exception:  # the probe must answer, whatever the database says
        logger.exception("health check failed")
        return JSONResponse({"status": "unavailable"}, status_code=503)
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> Response:
    """Readiness: the database answers and has every migration of this release applied."""
    settings: Settings = request.app.state.settings
    try:
        pending = await pending_migrations(settings.database_url)
    except Exception:  # the probe must answer, whatever the database says
        logger.exception("readiness check failed")
        return JSONResponse(
            {"status": "unavailable", "reason": "the database does not answer"}, status_code=503
        )
    if pending:
        return JSONResponse(
            {"status": "unavailable", "reason": f"pending migrations: {', '.join(pending)}"},
            status_code=503,
        )
    return JSONResponse({"status": "ready"})


def account_links(settings: Settings, mailer: Mailer | None = None) -> AccountLinks:
    """Invitation and reset links: signed with the secret key, mailed over ``SMTP_URL`` or,
    without one, written to the log."""
    if mailer is None:
        mailer = (
            SmtpMailer.from_url(settings.smtp_url, settings.mail_from)
            if settings.smtp_url
            else LogMailer(reveal=settings.development)
        )
    return AccountLinks(
        secret_key=settings.secret_key,
        postman=Postman(mailer),
        public_base_url=settings.public_base_url,
    )


def create_app(
    settings: Settings | None = None,
    *,
    crm_factory: ClientFactory | None = None,
    mailer: Mailer | None = None,
) -> Starlette:
    """The app. ``crm_factory`` lets tests and demos route CRM calls to the simulator;
    ``mailer`` replaces the e-mail delivery the settings choose (tests keep an outbox)."""
    settings = settings or Settings.from_env()
    accounts = account_links(settings, mailer)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with (
            RegisterTortoise(app, config=tortoise_config(settings.database_url)),
            sync_runtime.app_sync(settings, crm_factory=crm_factory) as service,
        ):
            app.state.sync = service
            try:
                yield
            finally:
                await accounts.postman.drain()

    routes = [
        Route("/healthz", healthz),
        Route("/readyz", readyz),
        Route("/metrics", metrics.metrics),
        Route(
            "/graphql",
            BodyLimit(
                GraphQLApp(ide=graphiql.graphiql_page if settings.development else None),
                settings.graphql_max_body_bytes,
            ),
            methods=["GET", "POST"],
        ),
        *receipts_http.routes,
        *exports.routes,
        *zoho_hooks.routes,
        *auth.routes,
        *settings_pages.routes,
        *admin_users.routes,
        *settings_organization.routes,
        *settings_categories.routes,
        *settings_perdiem.routes,
        *settings_mileage.routes,
        *settings_cards.routes,
        *crm_users.routes,
        *account.routes,
        *passwords.routes,
        *notifications.routes,
        *zoho_crm.routes,
        *zoho_crm_details.routes,
        *crm_tab.routes,
        Mount(
            "/static/vendor",
            StaticFiles(directory=settings.node_modules / "htmx.org" / "dist", check_dir=False),
            name="vendor",
        ),
        *(graphiql.mounts(settings.node_modules) if settings.development else []),
        Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
    ]
    middleware = [
        Middleware(metrics.RequestMetrics),
        Middleware(SecurityHeaders, production=not settings.development),
        Middleware(
            RotatingSessionMiddleware,
            previous_keys=settings.secret_key_previous,
            secret_key=settings.secret_key,
            session_cookie=SESSION_COOKIE,
            max_age=settings.session_max_age,
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
            InvalidToken: invalid_token,
            HTTPException: http_error,
            Exception: server_error,
        },
    )
    app.state.settings = settings
    app.state.accounts = accounts
    app.state.graphql_introspection = settings.graphql_introspection
    app.state.receipts = receipts_http.local_receipts(
        settings.receipt_dir, settings.receipt_max_bytes
    )
    return app


def app_from_env() -> Starlette:
    """The app of one of several server processes (``spendsync serve --workers N``): each builds
    it from the environment, as the command that started them did."""
    return create_app(Settings.from_env())
