from __future__ import annotations

import pytest

from sync.crm import Criterion, CrmPaginationError, ZohoCrmClient, all_of
from sync.crm.simulator import SimulatorConfig
from tests.sync.contract.conftest import Sim


async def test_equals_is_contains_on_the_crm_and_exact_in_the_client(
    crm: ZohoCrmClient, sim: Sim
) -> None:
    # given two accounts whose names contain one another
    results = await crm.insert(
        "Accounts",
        [{"Account_Name": "Zeta (Holdings), Ltd"}, {"Account_Name": "Zeta (Holdings), Ltd East"}],
    )
    assert all(r.ok for r in results), results
    criteria = Criterion("Account_Name", "equals", "Zeta (Holdings), Ltd")
    # when / then: the CRM returns both, the client keeps the exact one
    loose = [
        r.get("Account_Name") async for r in crm.search("Accounts", criteria=criteria, exact=False)
    ]
    assert sorted(loose) == ["Zeta (Holdings), Ltd", "Zeta (Holdings), Ltd East"]
    exact = [r.id async for r in crm.search("Accounts", criteria=criteria, fields=["Account_Name"])]
    assert exact == [results[0].id]


async def test_search_email_phone_word_and_no_match(crm: ZohoCrmClient, sim: Sim) -> None:
    contact = next(
        c for c in sim.store.records["Contacts"].values() if c.get("Email") and c.get("Phone")
    )
    by_email = [r.id async for r in crm.search("Contacts", email=contact["Email"])]
    assert contact["id"] in by_email
    by_phone = [r.id async for r in crm.search("Contacts", phone=contact["Phone"])]
    assert contact["id"] in by_phone
    by_word = [r.id async for r in crm.search("Contacts", word=contact["Last_Name"])]
    assert contact["id"] in by_word
    assert [r async for r in crm.search("Contacts", email="nobody@nowhere.invalid")] == []
    both = all_of(
        Criterion("Last_Name", "equals", contact["Last_Name"]),
        Criterion("Email", "equals", contact["Email"]),
    )
    assert contact["id"] in [r.id async for r in crm.search("Contacts", criteria=both)]
    assert await crm.count("Contacts", email=contact["Email"]) >= 1


@pytest.mark.parametrize("sim_config", [SimulatorConfig(search_limit=20)])
async def test_search_past_the_limit(sim: Sim) -> None:
    crm = sim.make()
    with pytest.raises(CrmPaginationError) as info:
        async for _ in crm.search("Contacts", criteria=Criterion("Last_Name", "starts_with", "")):
            pass
    assert info.value.code == "LIMIT_REACHED"
