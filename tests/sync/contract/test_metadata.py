from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from sync.crm import WatchRequest, ZohoCrmClient
from sync.crm.simulator import CrmStore
from tests.sync.contract.conftest import Sim


async def test_users_by_type(crm: ZohoCrmClient, sim: Sim) -> None:
    users = [u async for u in crm.iter_users()]
    assert {u.id for u in users} == {u["id"] for u in sim.store.users}
    # v8 sends the zone as an object; the DTO keeps the IANA name
    zones = {u["id"]: u["time_zone"] for u in sim.store.users}
    assert all(u.time_zone == zones[u.id] for u in users)
    active = [u async for u in crm.iter_users(type="ActiveUsers")]
    assert all(u.active for u in active)
    current = [u async for u in crm.iter_users(type="CurrentUser")]
    assert [u.id for u in current] == [sim.store.api_user["id"]]


async def test_org_and_currencies(crm: ZohoCrmClient, sim: Sim) -> None:
    org = await crm.get_org()
    assert org.id == str(sim.store.org["id"])
    currencies = await crm.list_currencies()
    assert any(c.is_base for c in currencies) or not currencies
    for currency in currencies:
        Decimal(currency.exchange_rate)


@pytest.mark.parametrize(
    "store",
    [CrmStore.generate(seed=2, accounts=5, contacts=5, deals=5, users=2, multi_currency=True)],
)
async def test_multi_currency_org(crm: ZohoCrmClient) -> None:
    org = await crm.get_org()
    assert org.multi_currency
    currencies = await crm.list_currencies()
    assert len(currencies) > 1 and sum(c.is_base for c in currencies) == 1


async def test_modules_and_fields(crm: ZohoCrmClient) -> None:
    modules = {m.api_name: m for m in await crm.list_modules()}
    assert {"Accounts", "Contacts", "Deals"} <= set(modules)
    fields = {f.api_name: f for f in await crm.list_fields("Contacts")}
    assert fields["Account_Name"].lookup_module == "Accounts"
    assert fields["Last_Name"].system_mandatory
    assert fields["Email"].data_type == "email"
    deal_fields = {f.api_name: f for f in await crm.list_fields("Deals")}
    assert deal_fields["Stage"].picklist


async def test_custom_view_with_criteria(crm: ZohoCrmClient) -> None:
    views = await crm.list_custom_views("Accounts")
    detailed = [await crm.get_custom_view("Accounts", v.id) for v in views]
    assert any(v.criteria for v in detailed)
    assert all(v.fields for v in detailed)


async def test_watch_channels(crm: ZohoCrmClient) -> None:
    expiry = datetime.now(UTC).replace(microsecond=0) + timedelta(days=2)
    results = await crm.subscribe(
        [
            WatchRequest(
                "1000",
                ("Accounts.all", "Deals.edit"),
                "https://hooks.example/zoho",
                token="tkn",
                channel_expiry=expiry,
            )
        ]
    )
    assert results[0].ok
    channels = await crm.list_channels()
    assert [c.channel_id for c in channels] == ["1000"]
    await crm.renew_channel("1000", ["Accounts.all", "Deals.edit"], expiry + timedelta(days=3))
    only_deals = await crm.list_channels(module="Deals")
    assert [c.channel_id for c in only_deals] == ["1000"]
    gone = await crm.unsubscribe(["1000"])
    assert gone[0].ok
    assert await crm.list_channels() == []
