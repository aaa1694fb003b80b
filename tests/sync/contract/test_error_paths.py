"""Zoho's error answers, provoked on purpose, and the class each one becomes in the client."""

from __future__ import annotations

import pytest

from sync.crm import (
    CrmNotFound,
    CrmPaginationError,
    CrmScopeError,
    CrmValidationError,
    ZohoCrmClient,
)
from sync.crm import records as records_module
from sync.crm.simulator import ManualClock, SimulatorConfig
from tests.sync.contract.conftest import Sim

SMALL_PAGES = SimulatorConfig(discrete_page_limit=20, page_token_limit=50, page_token_ttl_s=60)


@pytest.mark.parametrize("sim_config", [SimulatorConfig(discrete_page_limit=20)])
async def test_switch_to_tokens_at_the_discrete_limit(sim: Sim) -> None:
    crm = sim.make(discrete_limit=20)
    ids = [r.id async for r in crm.iter_records("Contacts", ["Last_Name"], per_page=10)]
    assert len(ids) == len(set(ids)) == len(sim.store.records["Contacts"])
    params = [e.params for e in sim.recorder.exchanges if e.path.endswith("/Contacts")]
    assert [p.get("page") for p in params[:2]] == ["1", "2"]
    assert all("page_token" in p for p in params[2:]) and len(params) == 9


@pytest.mark.parametrize("sim_config", [SMALL_PAGES])
async def test_token_chain_cap(sim: Sim) -> None:
    crm = sim.make(discrete_limit=20)
    seen: list[str] = []

    async def walk() -> None:
        async for record in crm.iter_records("Contacts", ["Last_Name"], per_page=10):
            seen.append(record.id)

    with pytest.raises(CrmPaginationError) as info:
        await walk()
    assert info.value.code == "PAGINATION_LIMIT_EXCEEDED"
    assert len(seen) == 50


@pytest.mark.parametrize("sim_clock", [ManualClock()])
@pytest.mark.parametrize("sim_config", [SMALL_PAGES])
async def test_expired_page_token(sim: Sim, sim_clock: ManualClock) -> None:
    crm = sim.make()
    first = await crm.get_page("Contacts", ["Last_Name"], per_page=10, sort_by="id")
    assert first.info.next_page_token and first.info.page_token_expiry
    sim_clock.advance(61)
    with pytest.raises(CrmPaginationError) as info:
        await crm.get_page(
            "Contacts",
            ["Last_Name"],
            page=None,
            page_token=first.info.next_page_token,
            per_page=10,
            sort_by="id",
        )
    assert info.value.code == "EXPIRED_VALUE"


async def test_field_batches_merge_through_ids(
    sim: Sim, crm: ZohoCrmClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Zoho modules here have ~20 fields: shrink the batch to exercise the ids= merge for real.
    monkeypatch.setattr(records_module, "MAX_FIELDS", 3)
    fields = ["Last_Name", "First_Name", "Email", "Phone", "Mobile", "Title", "Account_Name"]
    records = [r async for r in crm.iter_records("Contacts", fields, per_page=40)]
    assert len(records) == len(sim.store.records["Contacts"])
    for record in records:
        assert set(fields) <= set(record.fields)
        assert record.get("Last_Name") == sim.store.records["Contacts"][record.id]["Last_Name"]
    merges = [e for e in sim.recorder.exchanges if "ids" in e.params]
    assert merges and all(len(e.params["fields"].split(",")) <= 3 for e in merges)


async def test_raw_protocol_errors(crm: ZohoCrmClient) -> None:
    transport = crm.transport
    with pytest.raises(CrmValidationError) as info:
        await transport.request("GET", "Accounts")  # no fields
    assert info.value.code == "REQUIRED_PARAM_MISSING"
    too_many = ",".join(f"F{i}" for i in range(51))
    with pytest.raises(CrmValidationError) as info:
        await transport.request("GET", "Accounts", params={"fields": too_many})
    assert info.value.code == "LIMIT_EXCEEDED"
    with pytest.raises(CrmValidationError) as info:
        await transport.request(
            "POST",
            "Accounts",
            json={"data": [{"Account_Name": str(i)} for i in range(101)]},
            per_record_key="data",
        )
    assert info.value.code == "LIMIT_EXCEEDED"
    with pytest.raises(CrmNotFound):
        await crm.insert("Nope", [{"Name": "x"}])
    with pytest.raises(CrmValidationError):
        async for _ in crm.search("Contacts", word="a"):
            pass


@pytest.mark.parametrize(
    "sim_config",
    [SimulatorConfig(scopes=("ZohoCRM.modules.ALL", "ZohoCRM.org.READ", "ZohoCRM.users.READ"))],
)
async def test_search_needs_its_own_scope(sim: Sim) -> None:
    crm = sim.make()
    with pytest.raises(CrmScopeError):
        async for _ in crm.search("Contacts", word="smith"):
            pass
    with pytest.raises(CrmScopeError):
        await crm.list_fields("Contacts")
