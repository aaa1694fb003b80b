"""The composition root: settings, database, GraphQL endpoint, pages, middleware."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING, Literal

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

from gql.asgi import GraphQLApp
from gql.availability import MAY_BE_UNAVAILABLE
from gql.context import InvalidToken
from orm.config import tortoise_config
from resolvers import sync_runtime
from resolvers.embedding import OriginCache
from resolvers.identity.links import AccountLinks
from resolvers.mail import LogMailer, Postman, SmtpMailer
from web import metrics
from web.body_limit import BodyLimit
from web.csrf import CSRFMiddleware
from web.database import pending_migrations
from web.endpoints import receipts, zoho_hooks
from web.endpoints.cross_origin import CrossOrigin, frame_ancestors
from web.errors import (
    database_unavailable_error,
    graphql_call_error,
    http_error,
    invalid_token,
    server_error,
)
from web.graphql import GraphQLCallError
from web.routes import (
    account,
    admin_users,
    auth,
    crm_embed,
    crm_tab,
    crm_tab_approvals,
    crm_tab_bulk,
    crm_tab_cards,
    crm_tab_expenses,
    crm_tab_mileage,
    crm_tab_perdiem,
    crm_tab_records,
    crm_tab_reports,
    crm_users,
    dashboards,
    exports,
    graphiql,
    notifications,
    passwords,
    settings_cards,
    settings_categories,
    settings_crm_tab,
    settings_mileage,
    settings_organization,
    settings_pages,
    settings_perdiem,
    zoho_crm,
    zoho_crm_details,
)
from web.settings import Settings

if TYPE_CHECKING:
    from resolvers.mail import Mailer
    from sync.crm.factory import ClientFactory

logger = logging.getLogger("spendsync.web")
STATIC_DIR = Path(__file__).resolve().parent / "static"
SESSION_COOKIE = "spendsync_session"
# The CRM tab's session inside the CRM's iframe (docs/EMBEDDING.md); the CRM opens a fresh
# signed link whenever it shows the tab, so a working day is long enough.
EMBED_COOKIE = "spendsync_embed"
EMBED_SESSION_MAX_AGE = 12 * 3600
EMBED_PATH = "/crm-tab/embed"


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

    def __init__(
        self, app: ASGIApp, *, production: bool = False, origins: OriginCache | None = None
    ) -> None:
        self.app = app
        self.origins = origins
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
                own = self.headers
                if self.origins is not None and b"content-security-policy" not in present:
                    framers = await frame_ancestors(scope, self.origins)
                    if framers:  # the CRM tab's pages: the organisation's CRM origins too
                        policy = CONTENT_SECURITY_POLICY + " " + " ".join(framers)
                        own = [
                            (n, policy.encode() if n == b"content-security-policy" else v)
                            for n, v in own
                        ]
                headers += [(n, v) for n, v in own if n not in present]
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
        same_site: Literal["lax", "strict", "none"] = "lax",
        partitioned: bool = False,
    ) -> None:
        super().__init__(
            app, secret_key, session_cookie=session_cookie, max_age=max_age,
            same_site=same_site, https_only=https_only, partitioned=partitioned,
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


class SessionChooser:
    """Two browser sessions: the first-party one (``spendsync_session``, SameSite=Lax) and the
    embedded one (``spendsync_embed``: ``Partitioned; Secure; SameSite=None``, CHIPS), which
    a signed embed link starts inside the CRM's iframe, where the first-party cookie is never
    sent (docs/EMBEDDING.md). ``/crm-tab/embed`` always uses the embedded session; any other
    request uses the first-party session when its cookie came, else the embedded one when its
    cookie came, else a new first-party session."""

    def __init__(self, first_party: ASGIApp, embedded: ASGIApp) -> None:
        self.first_party = first_party
        self.embedded = embedded

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            cookies = HTTPConnection(scope).cookies
            if scope["path"] == EMBED_PATH or (
                EMBED_COOKIE in cookies and SESSION_COOKIE not in cookies
            ):
                scope["spendsync.embedded"] = True
                await self.embedded(scope, receive, send)
                return
        await self.first_party(scope, receive, send)


def session_middleware(app: ASGIApp, settings: Settings) -> ASGIApp:
    """The two session layers around ``app`` (the CSRF check and the routes)."""
    first_party = RotatingSessionMiddleware(
        app, settings.secret_key, settings.secret_key_previous, session_cookie=SESSION_COOKIE,
        max_age=settings.session_max_age, https_only=settings.session_cookie_secure,
    )  # fmt: skip
    embedded = RotatingSessionMiddleware(
        app, settings.secret_key, settings.secret_key_previous, session_cookie=EMBED_COOKIE,
        max_age=min(settings.session_max_age, EMBED_SESSION_MAX_AGE), https_only=True,
        same_site="none", partitioned=True,
    )  # fmt: skip
    return SessionChooser(first_party, embedded)


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
        previous_keys=settings.secret_key_previous,
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
        *receipts.routes,
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
        *settings_crm_tab.routes,
        *crm_users.routes,
        *account.routes,
        *passwords.routes,
        *notifications.routes,
        *zoho_crm.routes,
        *zoho_crm_details.routes,
        *crm_embed.routes,
        # before any /crm-tab/expenses/{id} route, so /crm-tab/expenses/bulk is not taken as an id
        *crm_tab_bulk.routes,
        *crm_tab_perdiem.routes,
        *crm_tab_mileage.routes,
        *crm_tab_cards.routes,
        *crm_tab.routes,
        *dashboards.routes,
        *crm_tab_reports.routes,
        *crm_tab_approvals.routes,
        *crm_tab_records.routes,
        *crm_tab_expenses.routes,
        Mount(
            "/static/vendor",
            StaticFiles(directory=settings.node_modules / "htmx.org" / "dist", check_dir=False),
            name="vendor",
        ),
        Mount(
            "/static/charts",
            StaticFiles(directory=settings.node_modules / "echarts" / "dist", check_dir=False),
            name="charts",
        ),
        *(graphiql.mounts(settings.node_modules) if settings.development else []),
        Mount("/static", StaticFiles(directory=STATIC_DIR), name="static"),
    ]
    origin_cache = OriginCache()
    middleware = [
        Middleware(metrics.RequestMetrics),
        Middleware(CrossOrigin, origins=origin_cache),
        Middleware(SecurityHeaders, production=not settings.development, origins=origin_cache),
        Middleware(session_middleware, settings=settings),
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
            **dict.fromkeys(MAY_BE_UNAVAILABLE, database_unavailable_error),
            Exception: server_error,
        },
    )
    app.state.settings = settings
    app.state.accounts = accounts
    app.state.graphql_introspection = settings.graphql_introspection
    app.state.receipts = receipts.local_receipts(
        settings.receipt_dir, settings.receipt_max_bytes, url_key=settings.secret_key
    )
    app.state.origin_cache = origin_cache
    app.state.allow_loopback_origins = settings.development
    return app


def app_from_env() -> Starlette:
    """The app of one of several server processes (``spendsync serve --workers N``): each builds
    it from the environment, as the command that started them did."""
    return create_app(Settings.from_env())
