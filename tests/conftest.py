"""Fixtures shared by every layer.

Layers: ``unit`` (pure), ``gql`` (schema.execute, on SQLite and on PostgreSQL), ``web`` (the ASGI
app through httpx + asgi-lifespan), ``contract`` (drift and layering rules), ``browser``
(Playwright driving Debian's chromium). Under ``CI=true`` the PostgreSQL and browser layers must
run: missing binaries fail the run instead of skipping it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from strawberry.types import ExecutionResult
from tortoise.backends.base.executor import EXECUTOR_CACHE
from tortoise.context import tortoise_test_context

from gql.context import build_context
from gql.schema import schema
from resolvers.identity.links import AccountLinks
from resolvers.mail import LogMailer, Postman
from resolvers.viewer import Viewer
from sync.service import SyncService
from tests.support.postgres import Cluster, PostgresUnavailable, start_cluster

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
LONG_TESTS = os.environ.get("SPENDSYNC_LONG_TESTS", "").lower() in {"1", "true", "yes"}
MODELS = ["orm.models"]


def require_or_skip(reason: str) -> None:
    """Fail under CI (the layer is required there), skip loudly elsewhere."""
    if IN_CI:
        pytest.fail(f"required under CI=true: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[Cluster]:
    try:
        cluster = start_cluster()
    except PostgresUnavailable as exc:
        require_or_skip(f"PostgreSQL layer skipped: {exc}")
        raise  # unreachable: require_or_skip raises
    yield cluster
    cluster.stop()


@pytest.fixture
def backend() -> str:
    """Overridden in layers that run on both databases."""
    return "sqlite"


@pytest.fixture
async def db(request: pytest.FixtureRequest, backend: str) -> AsyncIterator[None]:
    """A fresh, empty database per test (schema from the models)."""
    url = "sqlite://:memory:"
    if backend == "postgres":
        cluster: Cluster = request.getfixturevalue("postgres_cluster")
        url = cluster.url_for("test_{}")
    async with tortoise_test_context(MODELS, db_url=url):
        yield


@pytest.fixture(autouse=True)
def _forget_compiled_statements() -> Iterator[None]:
    """Tortoise caches compiled INSERTs per (connection name, table), not per dialect: clear it
    so SQLite's "?" placeholders never reach PostgreSQL when both run in one test session."""
    yield
    EXECUTOR_CACHE.clear()


async def execute(
    document: str,
    variables: dict[str, Any] | None = None,
    *,
    viewer: Viewer | None = None,
    sync: SyncService | None = None,
    accounts: AccountLinks | None = None,
) -> ExecutionResult:
    """Run a document against the schema the way an HTTP request would, as ``viewer``
    (password links signed with a test key and e-mailed to the log unless ``accounts``)."""
    if accounts is None:
        accounts = AccountLinks(secret_key="test-" + "k" * 40, postman=Postman(LogMailer()))
    context = await build_context(None, viewer=viewer, sync=sync, accounts=accounts)
    return await schema.execute(document, variable_values=variables, context_value=context)


class QueryCounter:
    """Counts SQL statements through Tortoise's ``tortoise.db_client`` debug logger."""

    def __init__(self) -> None:
        self.statements: list[str] = []

    def __len__(self) -> int:
        return len(self.statements)


def dotted(path: list[str] | None) -> str | None:
    """A ``UserError.field`` path as the dotted name the tests write (``expenses.1.amount``)."""
    return None if path is None else ".".join(path)


@pytest.fixture
def count_queries() -> Iterator[QueryCounter]:
    counter = QueryCounter()
    logger = logging.getLogger("tortoise.db_client")

    class Handler(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            counter.statements.append(record.getMessage())

    handler = Handler(level=logging.DEBUG)
    previous = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    yield counter
    logger.removeHandler(handler)
    logger.setLevel(previous)


LAYERS = ("postgres", "browser")
_layer_tests: dict[str, set[str]] = {layer: set() for layer in LAYERS}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``long`` are left out unless SPENDSYNC_LONG_TESTS=1 (``make test-long``),
    so the default run stays short; the rest count their layers."""
    if not LONG_TESTS:
        long = [item for item in items if item.get_closest_marker("long") is not None]
        if long:
            config.hook.pytest_deselected(items=long)
            items[:] = [item for item in items if item.get_closest_marker("long") is None]
    for item in items:
        for layer in LAYERS:
            if item.get_closest_marker(layer) is not None:
                _layer_tests[layer].add(item.nodeid)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say plainly how many PostgreSQL and browser tests ran, so a skipped layer is visible."""
    terminalreporter.section("layers")
    for layer in LAYERS:
        tally: dict[str, int] = {}
        for outcome in ("passed", "failed", "skipped", "error"):
            reports = terminalreporter.stats.get(outcome, [])
            members = _layer_tests[layer]
            nodeids = {r.nodeid for r in reports if getattr(r, "nodeid", None) in members}
            if nodeids:
                tally[outcome] = len(nodeids)
        summary = ", ".join(f"{n} {outcome}" for outcome, n in tally.items()) or "none ran"
        terminalreporter.write_line(f"{layer} layer: {summary}")
