"""What every browser test uses: a page that records CSP violations and script errors, sign-in,
an accessibility check with axe-core (from npm) and full-page screenshots."""

from __future__ import annotations

import asyncio
import html
import json
import os
import re
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
from playwright.sync_api import Browser, ConsoleMessage, Frame, Page, expect
from tortoise import Tortoise

from orm.config import tortoise_config

T = TypeVar("T")

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
OUTPUT_DIR = Path(os.environ.get("SPENDSYNC_TEST_OUTPUT", ROOT / "test-results"))
SCREENSHOT_DIR = OUTPUT_DIR / "screenshots"
BLOCKING_IMPACTS = frozenset({"serious", "critical"})
_PROBLEM = re.compile(r"Content Security Policy|Refused to|Uncaught", re.IGNORECASE)


def new_page(browser: Browser, **context_options: Any) -> Page:
    """A page in a fresh context that remembers what went wrong (see ``assert_clean``)."""
    context = browser.new_context(**context_options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    problems: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error" and _PROBLEM.search(message.text):
            problems.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page._spendsync_problems = problems  # type: ignore[attr-defined]
    return page


def assert_clean(page: Page) -> None:
    """No CSP violation and no uncaught script error so far on this page."""
    problems: list[str] = page._spendsync_problems  # type: ignore[attr-defined]
    assert not problems, "\n".join(problems)


def sign_in(page: Page, base_url: str, email: str, password: str) -> None:
    page.goto(f"{base_url}/login")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


@cache
def _axe_source() -> str:
    return AXE_SCRIPT.read_text()


def check_a11y(page: Page | Frame) -> None:
    """axe-core finds no serious or critical violation on the page (or in the frame, e.g. the
    CRM tab inside a host page's iframe) as it is now.

    The script is evaluated through the DevTools protocol, which the page's CSP does not
    govern, so the check needs no exception in the policy.
    """
    page.wait_for_load_state("load")
    page.evaluate(f"() => {{ if (!window.axe) {{ {_axe_source()} }} }}")
    violations = page.evaluate(
        """async () => {
            const result = await window.axe.run(document, {resultTypes: ["violations"]});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ")).slice(0, 5),
            }));
        }"""
    )
    blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
    assert not blocking, f"{page.url}: " + json.dumps(blocking, indent=2)


def screenshot(page: Page, name: str) -> Path:
    """A full-page screenshot under the test run's output directory."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def with_database(database_url: str, work: Callable[[], Awaitable[T]]) -> T:
    """Run ``work`` against the live server's database, from a test that drives the browser.

    Playwright's sync API keeps an event loop running in the test's thread, so the database
    work gets its own thread and loop.
    """

    async def run() -> T:
        await Tortoise.init(config=tortoise_config(database_url))
        try:
            return await work()
        finally:
            await Tortoise.close_connections()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, run()).result()


# -- the CRM tab inside a CRM: a host page on another site, third-party cookies blocked --------

EMBED_FRAME_TITLE = "Zoho Expense"
PROBE_COOKIE = "spendsync_probe"


class _HostPages(BaseHTTPRequestHandler):
    """The "CRM" of the browser tests, served on 127.0.0.1 and visited as ``localhost``: a
    different site from the app (``127.0.0.1``). No CSP, no script of its own.

    - ``/host?src=<url>``: a page with the CRM tab in ``<iframe id="crm-tab">``;
    - ``/probe/set`` and ``/probe/show``: visited as ``127.0.0.1`` inside a ``localhost`` page,
      they set a plain ``SameSite=None; Secure`` cookie (no ``Partitioned``) and show which
      cookies came back, to prove third-party cookies are blocked.
    """

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        return

    def _answer(self, body: str, *headers: tuple[str, str]) -> None:
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        if parts.path == "/host":
            src = html.escape(query.get("src", ["about:blank"])[0], quote=True)
            probe = html.escape(query.get("probe", [""])[0], quote=True)
            probe_frame = (
                f'<iframe id="probe" title="Cookie probe" src="{probe}"></iframe>' if probe else ""
            )
            self._answer(
                "<!doctype html><html lang=en><head><meta charset=utf-8><title>CRM</title>"
                "</head><body><h1>Acme CRM</h1><main>"
                f'<iframe id="crm-tab" title="{EMBED_FRAME_TITLE}" src="{src}" width="1200" '
                f'height="900"></iframe>{probe_frame}</main></body></html>'
            )
        elif parts.path == "/probe/set":
            self._answer(
                '<!doctype html><html lang=en><title>probe</title><a href="/probe/show">show</a>',
                ("Set-Cookie", f"{PROBE_COOKIE}=1; Path=/; SameSite=None; Secure; HttpOnly"),
            )
        elif parts.path == "/probe/show":
            cookies = html.escape(self.headers.get("Cookie") or "")
            self._answer(f"<!doctype html><html lang=en><title>probe</title><p>{cookies}</p>")
        else:
            self.send_error(404)


@cache
def host_server(name: str = "crm") -> str:
    """The host pages' base URL, ``http://localhost:<port>``: one server per ``name`` and test
    process (another name is another origin, e.g. one no organisation allows)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _HostPages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://localhost:{server.server_address[1]}"


def block_third_party_cookies(page: Page) -> None:
    """Chromium blocks third-party cookies in Playwright's (off-the-record) contexts already;
    this says so explicitly through the DevTools protocol, whatever a later default may be.
    ``third_party_cookies_sent`` checks what really happens."""
    session = page.context.new_cdp_session(page)
    session.send("Network.setCookieControls", {
        "enableThirdPartyCookieRestriction": True,
        "disableThirdPartyCookieMetadata": True,
        "disableThirdPartyCookieHeuristics": True,
    })  # fmt: skip


def third_party_cookies_sent(page: Page, app_url: str) -> bool:
    """Whether ``page``'s browser sends a plain ``SameSite=None; Secure`` cookie (without
    ``Partitioned``) set by the app's site inside the host's iframe: False when third-party
    cookies are blocked."""
    app_site = urlsplit(app_url).hostname
    probe = host_server().replace("localhost", str(app_site)) + "/probe/set"
    page.goto(f"{host_server()}/host?{urlencode({'src': 'about:blank', 'probe': probe})}")
    frame = page.frame_locator("#probe")
    frame.get_by_role("link", name="show").click()
    content = frame.locator("p").inner_text()
    return PROBE_COOKIE in content


def _api(base_url: str, token: str, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    response = httpx.post(
        f"{base_url}/graphql", json={"query": query, "variables": variables},
        headers={"Authorization": f"Bearer {token}"}, timeout=30,
    )  # fmt: skip
    body: dict[str, Any] = response.json()
    assert not body.get("errors"), body
    return body["data"]


async def _admin_token_for(email: str) -> tuple[str, str]:
    """An API token of an admin of ``email``'s organisation, and the user's GraphQL id."""
    from gql.ids import encode_id
    from orm import models
    from resolvers.identity.tokens import create_token
    from resolvers.viewer import Viewer

    user = await models.User.get(email=email.lower())
    admin = await models.User.filter(
        org_id=user.org_id, role=models.UserRole.ADMIN, status=models.UserStatus.ACTIVE
    ).first()
    assert admin is not None, "the organisation has no active admin"
    viewer = Viewer(user_id=admin.id, org_id=admin.org_id, role=admin.role)
    created = await create_token(viewer, name="browser test", expires_at=None)
    assert created.value is not None
    return created.value.secret, str(encode_id("User", user.id))


ORIGINS_UPDATE = """mutation($origins: [String!]!) {
  crmEmbeddingOriginsUpdate(input: {origins: $origins}) { errors { field message } } }"""
SECRET_GENERATE = "mutation { crmEmbedSecretGenerate { secret errors { message } } }"
LINK_CREATE = """mutation($input: CrmEmbedLinkCreateInput!) {
  crmEmbedLinkCreate(input: $input) { url errors { field message } } }"""


def embed_link(
    live_server: Any, user_email: str, path: str, *, extra_origins: tuple[str, ...] = ()
) -> str:
    """A fresh signed embed link for ``user_email`` at ``path``, minted through the API as an
    admin of the user's organisation; the host pages' origin is allowed to frame the tab."""
    token, user_id = with_database(live_server.database_url, lambda: _admin_token_for(user_email))
    current = _api(live_server.url, token, "{ crmEmbedding { origins hasSecret } }", {})
    embedding = current["crmEmbedding"]
    origins = list(dict.fromkeys([*embedding["origins"], host_server(), *extra_origins]))
    if origins != embedding["origins"]:
        updated = _api(live_server.url, token, ORIGINS_UPDATE, {"origins": origins})
        assert updated["crmEmbeddingOriginsUpdate"]["errors"] == [], updated
    if not embedding["hasSecret"]:
        _api(live_server.url, token, SECRET_GENERATE, {})
    minted = _api(live_server.url, token, LINK_CREATE,
                  {"input": {"userId": user_id, "path": path}})["crmEmbedLinkCreate"]  # fmt: skip
    assert minted["errors"] == [], minted
    return str(minted["url"])


def open_embedded_tab(
    browser: Browser, live_server: Any, user_email: str, path: str = "/crm-tab"
) -> tuple[Page, Frame]:
    """The CRM tab at ``path``, signed in as ``user_email``, inside a CRM's iframe.

    The host page is served from another site (``http://localhost:<port>``, the app being on
    ``http://127.0.0.1:<port>``) by a tiny server of the tests, in a fresh browser context with
    third-party cookies blocked (checked: a plain ``SameSite=None`` cookie is not sent). An
    admin of the user's organisation allows the host's origin and mints a signed embed link
    through the API (``crmEmbedLinkCreate``); the iframe opens it, so the tab runs on the
    embedded (partitioned) session exactly as inside a CRM.

    Returns the page (the host) and the tab's ``Frame``: drive the tab through the frame
    (``frame.get_by_role(...)``, ``frame.goto`` is not needed: follow links inside it). The
    page records CSP violations and script errors of the frame too (``assert_clean(page)``);
    ``screenshot(page, name)`` shows the CRM around the tab.
    """
    page = new_page(browser, viewport={"width": 1300, "height": 1000})
    block_third_party_cookies(page)
    assert not third_party_cookies_sent(page, live_server.url), "third-party cookies are allowed"
    return page, open_link_in_host(page, embed_link(live_server, user_email, path))


def open_link_in_host(page: Page, url: str) -> Frame:
    """Load the host page with ``url`` (an embed link) in its iframe; the tab's frame once it
    has loaded (the host's load waits for the iframe's, redirect included). A refused link
    leaves the frame on the refusal page at ``/crm-tab/embed``."""
    page.goto(f"{host_server()}/host?{urlencode({'src': url})}", wait_until="load")
    handle = page.locator("#crm-tab").element_handle()
    frame = handle.content_frame()
    assert frame is not None
    frame.wait_for_load_state("load")
    return frame
