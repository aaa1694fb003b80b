"""25,000 records read exactly once each: pages 1..10 by number, then 115 page tokens."""

from __future__ import annotations

import pytest

from sync.crm import ZohoCrmClient
from sync.crm.simulator import CrmStore
from tests.sync.contract.conftest import Sim


@pytest.fixture
def store() -> CrmStore:
    return CrmStore.generate(seed=3, accounts=25_000, contacts=0, deals=0, users=2)


async def test_25000_records_exactly_once(sim: Sim, crm: ZohoCrmClient) -> None:
    seen: set[str] = set()
    count = 0
    async for page in crm.iter_pages(
        "Accounts", ["Account_Name", "Owner"], sort_by="Modified_Time", sort_order="asc"
    ):
        for record in page.records:
            seen.add(record.id)
            count += 1
    assert count == len(seen) == 25_000 == len(sim.store.records["Accounts"])
    params = [e.params for e in sim.recorder.exchanges if e.path.endswith("/Accounts")]
    assert [p.get("page") for p in params[:10]] == [str(n) for n in range(1, 11)]
    assert all("page_token" in p and "page" not in p for p in params[10:])
    assert len(params) == 125
