"""Error paths the simulator injects: throttling, server errors, timeouts, credits, concurrency."""

from __future__ import annotations

import asyncio

import pytest

from sync.crm import (
    CrmBudgetExceeded,
    CrmRateLimited,
    CrmUnavailable,
    FakeClock,
    OrgLimiter,
    RetryPolicy,
)
from sync.crm.simulator import ManualClock, SimulatorConfig
from tests.sync.contract.conftest import Sim


@pytest.mark.parametrize(
    "sim_config", [SimulatorConfig(fault_schedule=((1, "429"), (2, "429")), retry_after_s=7)]
)
async def test_429_with_retry_after_is_honoured(sim: Sim, clock: FakeClock) -> None:
    crm = sim.make()
    assert (await crm.get_org()).id
    assert clock.sleeps == [7.0, 7.0]


@pytest.mark.parametrize(
    "sim_config", [SimulatorConfig(fault_schedule=((1, "500"), (2, "502"), (3, "503")))]
)
async def test_5xx_are_retried_with_jittered_backoff(sim: Sim, clock: FakeClock) -> None:
    crm = sim.make(retry=RetryPolicy(max_attempts=6, base=0.5, cap=4.0))
    assert (await crm.get_org()).id
    assert len(clock.sleeps) == 3
    for attempt, delay in enumerate(clock.sleeps, start=1):
        assert 0 <= delay <= min(4.0, 0.5 * 2 ** (attempt - 1))


@pytest.mark.parametrize(
    "sim_config", [SimulatorConfig(fault_schedule=tuple((n, "503") for n in range(1, 10)))]
)
async def test_persistent_5xx_gives_up(sim: Sim) -> None:
    crm = sim.make(retry=RetryPolicy(max_attempts=3))
    with pytest.raises(CrmUnavailable):
        await crm.get_org()


@pytest.mark.parametrize("sim_clock", [ManualClock()])
@pytest.mark.parametrize(
    "sim_config", [SimulatorConfig(fault_schedule=((1, "timeout"),), timeout_seconds=30)]
)
async def test_gateway_timeout_is_retried(sim: Sim, clock: FakeClock) -> None:
    # the simulator "hangs" 30 s on its own (manual) clock, then answers 504
    crm = sim.make()
    assert (await crm.get_org()).id
    assert len(clock.sleeps) == 1


@pytest.mark.parametrize("sim_config", [SimulatorConfig(rate_429=0.3, rate_5xx=0.1, fault_seed=4)])
async def test_seeded_faults_do_not_change_the_data(sim: Sim) -> None:
    crm = sim.make(retry=RetryPolicy(max_attempts=12, base=0.01, cap=0.05))
    ids = [
        r.id
        async for r in crm.iter_records(
            "Contacts", ["Last_Name"], per_page=10, sort_by="Modified_Time", sort_order="asc"
        )
    ]
    assert sorted(ids) == sorted(sim.store.records["Contacts"])


@pytest.mark.parametrize("sim_config", [SimulatorConfig(daily_credits=3)])
async def test_crm_credit_exhaustion_is_rate_limited(sim: Sim) -> None:
    crm = sim.make(retry=RetryPolicy(max_attempts=2))
    for _ in range(3):
        await crm.get_org()
    with pytest.raises(CrmRateLimited) as info:
        await crm.get_org()
    assert info.value.code == "TOO_MANY_REQUESTS"


async def test_client_credit_budget_stops_before_the_crm(sim: Sim) -> None:
    crm = sim.make(limiter=OrgLimiter(credit_limit=2))
    await crm.get_org()
    await crm.get_org()
    with pytest.raises(CrmBudgetExceeded):
        await crm.get_org()


@pytest.mark.parametrize("sim_config", [SimulatorConfig(max_concurrency=2, latency_ms=5)])
async def test_in_flight_cap_keeps_under_the_crm_concurrency_limit(sim: Sim) -> None:
    limiter = OrgLimiter(max_in_flight=2)
    crm = sim.make(limiter=limiter, retry=RetryPolicy(max_attempts=1))
    await asyncio.gather(*(crm.get_org() for _ in range(8)))
    assert limiter.peak_in_flight == 2
