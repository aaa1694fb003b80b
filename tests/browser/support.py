"""What every browser test uses: a page that records CSP violations and script errors, sign-in,
an accessibility check with axe-core (from npm) and full-page screenshots."""

from __future__ import annotations

import asyncio
import json
import os
import re
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from playwright.sync_api import Browser, ConsoleMessage, Page, expect
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


def check_a11y(page: Page) -> None:
    """axe-core finds no serious or critical violation on the page as it is now.

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
