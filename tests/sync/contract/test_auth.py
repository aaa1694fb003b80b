from __future__ import annotations

import pytest

from sync.crm import (
    CrmAuthError,
    CrmError,
    CrmNotFound,
    CrmScopeError,
    OAuthCredentials,
)
from sync.crm.simulator import SimulatorConfig
from tests.sync.contract.conftest import Sim


async def test_refresh_grant_then_calls(sim: Sim) -> None:
    crm = sim.make()
    org = await crm.get_org()
    assert org.id
    assert crm.tokens.refresh_count == 1
    await crm.list_modules()
    assert crm.tokens.refresh_count == 1


async def test_bad_refresh_token_is_an_auth_error(sim: Sim) -> None:
    crm = sim.make(
        credentials=OAuthCredentials(sim.config.client_id, sim.config.client_secret, "1000.nope")
    )
    with pytest.raises(CrmAuthError) as info:
        await crm.get_org()
    assert info.value.code == "invalid_code"


async def test_unknown_client_is_an_auth_error(sim: Sim) -> None:
    crm = sim.make(credentials=OAuthCredentials("1000.OTHER", "x", sim.config.refresh_token))
    with pytest.raises(CrmAuthError) as info:
        await crm.get_org()
    assert info.value.code == "invalid_client"


@pytest.mark.parametrize("sim_config", [SimulatorConfig(fault_schedule=((2, "expire_tokens"),))])
async def test_expired_token_is_refreshed_once(sim: Sim) -> None:
    crm = sim.make()
    await crm.get_org()
    await crm.get_org()  # the simulator expires every token before answering this one
    assert crm.tokens.refresh_count == 2


@pytest.mark.parametrize("sim_config", [SimulatorConfig(scopes=("ZohoCRM.modules.ALL",))])
async def test_scope_mismatch_is_a_scope_error(sim: Sim) -> None:
    crm = sim.make()
    with pytest.raises(CrmScopeError) as info:
        await crm.get_org()
    assert info.value.code == "OAUTH_SCOPE_MISMATCH"
    assert [r async for r in crm.iter_records("Accounts", ["Account_Name"])]


async def test_unsupported_version_is_fatal(sim: Sim) -> None:
    crm = sim.make(api_version="v1")
    with pytest.raises(CrmError) as info:
        await crm.get_org()
    assert not info.value.retriable
    assert info.value.code == "API_NOT_SUPPORTED"


async def test_older_versions_share_the_implementation(sim: Sim) -> None:
    for version in ("v2", "v5", "v7"):
        crm = sim.make(api_version=version)
        assert (await crm.get_org()).id


async def test_unknown_module_is_not_found(crm: object, sim: Sim) -> None:
    client = sim.make()
    with pytest.raises(CrmNotFound) as info:
        await client.get_page("Nope", ["Name"])
    assert info.value.code == "INVALID_MODULE"


async def test_unknown_url_is_not_found(sim: Sim) -> None:
    client = sim.make()
    with pytest.raises(CrmNotFound) as info:
        await client.transport.request("GET", "settings/nothing/here/at/all")
    assert info.value.code == "INVALID_URL_PATTERN"
