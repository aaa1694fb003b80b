"""Full reads split into parallel Modified_Time windows give exactly the single-chain result."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest

from orm import models
from sync.crm.factory import ClientFactory
from sync.crm.simulator import CrmStore, SimulatorConfig, create_simulator_app
from sync.engine import windows
from sync.engine.windows import Frontier, Window
from tests.factories import make_org
from tests.sync.engine.conftest import Counting, Crm, make_integration, sync


@pytest.fixture
def crm() -> Crm:
    store = CrmStore.generate(seed=11, accounts=900, contacts=0, deals=700, users=4,
                              near_duplicates=0.0)  # fmt: skip
    log: list[httpx.Request] = []
    app = create_simulator_app(store, SimulatorConfig())
    return Crm(store, log, ClientFactory(transport=Counting(httpx.ASGITransport(app=app), log)))


async def _snapshot(org_id: int) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    customers = await models.Customer.filter(org_id=org_id).order_by("crm_id").values_list(
        "crm_id", "name", "email", "phone", "website", "type", "status", "crm_modified_at"
    )  # fmt: skip
    potentials = await models.Potential.filter(org_id=org_id).order_by("crm_id").values_list(
        "crm_id", "name", "stage", "state", "amount_minor", "customer_id", "is_active"
    )  # fmt: skip
    return [tuple(c) for c in customers], [tuple(p) for p in potentials]


def _window_chains(requests: list[httpx.Request], module: str) -> set[str]:
    """The If-Modified-Since of each first-page request of a module's sorted listing."""
    return {
        r.headers.get("if-modified-since", "")
        for r in requests
        if r.url.path.endswith(f"/{module}")
        and r.method == "GET"
        and r.url.params.get("sort_by") == "Modified_Time"
        and r.url.params.get("page") == "1"
        and r.url.params.get("per_page") != "1"
    }


async def test_windowed_full_read_equals_one_chain(
    crm: Crm, org: models.Organization, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a CRM with 900 accounts and 700 deals, read once as single chains
    monkeypatch.setattr(windows, "MIN_RECORDS_TO_SPLIT", 10**9)
    integration = await make_integration(org, customer_module=models.CustomerModule.ACCOUNTS)
    single = await sync(crm, integration)
    expected = await _snapshot(org.id)
    assert single.processed == 1600 and single.estimated_total == 1600
    assert single.stream_progress == {
        "Accounts": {"processed": 900, "estimated": 900},
        "Deals": {"processed": 700, "estimated": 700},
    }
    assert _window_chains(crm.requests, "Accounts") == {""}
    # when the same CRM is read into a second organisation in windows
    other = await make_org(name="Windowed", base_currency="USD")
    monkeypatch.setattr(windows, "MIN_RECORDS_TO_SPLIT", 100)
    monkeypatch.setattr(windows, "MIN_LATENCY_TO_SPLIT", 0.0)  # the simulator answers at once
    crm.requests.clear()
    windowed = await sync(
        crm, await make_integration(other, customer_module=models.CustomerModule.ACCOUNTS)
    )
    # then several chains ran (each from its own lower bound) and the rows are identical
    assert len(_window_chains(crm.requests, "Accounts")) >= 3
    assert len(_window_chains(crm.requests, "Deals")) >= 3
    assert windowed.processed == 1600
    assert windowed.stream_progress == single.stream_progress
    assert windowed.created == single.created
    customers, potentials = await _snapshot(other.id)
    assert customers == expected[0]  # field by field (the crm ids are the CRM's)
    assert [p[:5] for p in potentials] == [p[:5] for p in expected[1]]
    assert [p[5] is None for p in potentials] == [p[5] is None for p in expected[1]]
    # and each stream's bookmark ends past every record it read
    newest = max(r["Modified_Time"] for r in crm.store.records["Accounts"].values())
    cursor = await models.SyncCursor.get(org_id=other.id, stream="Accounts")
    assert cursor.modified_since is not None and cursor.modified_since >= newest


async def test_a_crm_that_answers_fast_is_read_in_one_chain_per_module(
    crm: Crm, org: models.Organization, monkeypatch: pytest.MonkeyPatch
) -> None:
    # windows only hide latency: with round trips under the threshold they are not worth it
    monkeypatch.setattr(windows, "MIN_RECORDS_TO_SPLIT", 100)
    monkeypatch.setattr(windows, "MIN_LATENCY_TO_SPLIT", 5.0)
    run = await sync(
        crm, await make_integration(org, customer_module=models.CustomerModule.ACCOUNTS)
    )
    assert run.processed == 1600
    assert _window_chains(crm.requests, "Accounts") == {""}
    assert _window_chains(crm.requests, "Deals") == {""}
    assert not any(r.url.path.endswith("/actions/count") and r.url.params.get("criteria")
                   for r in crm.requests)  # fmt: skip


async def test_a_slow_crm_is_read_in_windows(
    org: models.Organization, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a CRM whose every answer takes 30 ms, above a 20 ms threshold
    store = CrmStore.generate(seed=11, accounts=900, contacts=0, deals=700, users=4,
                              near_duplicates=0.0)  # fmt: skip
    log: list[httpx.Request] = []
    app = create_simulator_app(store, SimulatorConfig(latency_ms=30))
    slow = Crm(store, log, ClientFactory(transport=Counting(httpx.ASGITransport(app=app), log)))
    monkeypatch.setattr(windows, "MIN_RECORDS_TO_SPLIT", 100)
    monkeypatch.setattr(windows, "MIN_LATENCY_TO_SPLIT", 0.02)
    run = await sync(
        slow, await make_integration(org, customer_module=models.CustomerModule.ACCOUNTS)
    )
    # then the measured round trip splits both modules
    assert run.processed == 1600
    assert len(_window_chains(log, "Accounts")) >= 3
    assert len(_window_chains(log, "Deals")) >= 3


def test_splitting_needs_records_parallelism_and_latency(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(windows, "MIN_RECORDS_TO_SPLIT", 4000)
    monkeypatch.setattr(windows, "MIN_LATENCY_TO_SPLIT", 0.025)
    assert windows.worth_splitting(50_000, 5, 0.2)
    assert not windows.worth_splitting(50_000, 5, 0.005)  # answers faster than pages are written
    assert not windows.worth_splitting(3_999, 5, 0.2)  # too small to be worth the requests
    assert not windows.worth_splitting(50_000, 1, 0.2)  # one request in flight: one chain


def _at(hour: int) -> datetime:
    return datetime(2026, 1, 1, hour, tzinfo=UTC)


def test_frontier_follows_the_first_unfinished_window() -> None:
    frontier = Frontier([Window(None, _at(4)), Window(_at(4), _at(8)), Window(_at(8), None)])
    # a later window's page may not move the bookmark while the first has written nothing
    assert frontier.proposal(2, _at(9)) is None
    frontier.committed(2, _at(9))
    # the first window's own page moves it
    assert frontier.proposal(0, _at(2)) == _at(2)
    frontier.committed(0, _at(2))
    # once the first is done, the second's lower bound (nothing of it written yet) is safe
    frontier.finish(0)
    assert frontier.proposal(2, _at(10)) == _at(4)
    assert frontier.proposal(1, _at(5)) == _at(5)
    frontier.committed(1, _at(5))
    frontier.finish(1)
    # with the first two done, the third's committed progress counts
    assert frontier.proposal(2, _at(11)) == _at(11)


def test_window_bounds_are_half_open() -> None:
    window = Window(_at(4), _at(8))
    assert window.holds(_at(4)) and window.holds(_at(7))
    assert not window.holds(_at(8)) and not window.holds(_at(3))
    assert window.since == _at(4) - timedelta(seconds=1)
