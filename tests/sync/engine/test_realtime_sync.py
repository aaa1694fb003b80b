"""Near-real-time sync: the simulator's callbacks reach our hook endpoint and cause syncs."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest

from orm import models
from sync.realtime import EVENTS
from tests.factories import make_user
from tests.sync.engine.lifecycle_support import LiveCrm, connected, gql, live_crm

OPTIONS = """
mutation($input: IntegrationOptionsInput!) {
  integrationOptionsSave(input: $input) {
    integration { syncModules realTimeSync potentialsOption }
    errors { field code }
  }
}
"""
DISABLE = "mutation { integrationDisable { integration { state } errors { code } } }"


@pytest.fixture
async def admin(org: models.Organization) -> models.User:
    return await make_user(org, email="admin@synced.example", role=models.UserRole.ADMIN)


async def _live(org: models.Organization, admin: models.User, delay: float = 0.05) -> LiveCrm:
    """Connected, synced once, near-real-time sync on."""
    live = live_crm(delay)
    await connected(org, live.service)
    first = await live.service.run_now(org.id, "INITIAL")
    assert first.status is models.SyncStatus.SUCCEEDED
    turned_on = await gql(OPTIONS, admin, live.service, input={"realTimeSync": True})
    assert turned_on["integrationOptionsSave"] == {
        "integration": {"syncModules": False, "realTimeSync": True,
                        "potentialsOption": "ALL_POTENTIALS"},
        "errors": [],
    }  # fmt: skip
    return live


async def _rename(live: LiveCrm, org: models.Organization, crm_id: str, name: str) -> None:
    integration = await models.Integration.get(org_id=org.id)
    connection = live.service.connection(integration)
    async with live.service.factory.connect(str(org.id), connection) as client:
        [result] = await client.update("Accounts", [{"id": crm_id, "Account_Name": name}])
    assert result.ok


async def _callback_runs(org: models.Organization) -> list[models.SyncRun]:
    return await models.SyncRun.filter(org_id=org.id, trigger="CALLBACK")


async def test_a_crm_change_reaches_spendsync_through_a_callback(
    org: models.Organization, admin: models.User
) -> None:
    live = await _live(org, admin)
    [channel] = await models.WatchChannel.filter(org_id=org.id)
    watch = live.store.watches[channel.channel_id]
    assert watch.notify_url == "https://spendsync.test/hooks/zoho/notify"
    assert sorted(watch.events) == sorted(EVENTS)
    assert watch.token and channel.token_hash == hashlib.sha256(watch.token.encode()).hexdigest()
    assert watch.token not in channel.token_hash  # never stored in clear
    integration = await models.Integration.get(org_id=org.id)
    next_sync = integration.next_sync_at
    customer = await models.Customer.filter(org_id=org.id).order_by("crm_id").first()
    assert customer is not None and customer.crm_id is not None

    await _rename(live, org, customer.crm_id, "Renamed in the CRM")
    assert live.statuses == [204]
    await live.service.realtime.idle()

    await customer.refresh_from_db()
    assert customer.name == "Renamed in the CRM"
    [run] = await _callback_runs(org)
    assert run.status is models.SyncStatus.SUCCEEDED
    assert run.updated == 1  # only the changed account's stream, from its bookmark
    # the 24-hour cycle stays as it was
    assert (await models.Integration.get(org_id=org.id)).next_sync_at == next_sync


async def test_a_burst_of_callbacks_causes_one_run(
    org: models.Organization, admin: models.User
) -> None:
    live = await _live(org, admin, delay=0.5)
    customers = await models.Customer.filter(org_id=org.id).order_by("crm_id").limit(5)
    for number, customer in enumerate(customers):
        assert customer.crm_id is not None
        await _rename(live, org, customer.crm_id, f"Burst {number}")
    assert live.statuses == [204] * 5
    await live.service.realtime.idle()
    assert len(await _callback_runs(org)) == 1
    names = [c.name for c in await models.Customer.filter(id__in=[c.id for c in customers])]
    assert sorted(names) == [f"Burst {n}" for n in range(5)]


async def test_unknown_channel_or_wrong_token_is_refused_and_changes_nothing(
    org: models.Organization, admin: models.User
) -> None:
    live = await _live(org, admin)
    [channel] = await models.WatchChannel.filter(org_id=org.id)
    token = live.store.watches[channel.channel_id].token
    payload = {"channel_id": channel.channel_id, "module": "Accounts", "operation": "update",
               "ids": ["1"], "token": token}  # fmt: skip
    for forged in (
        payload | {"token": "guessed"},
        payload | {"channel_id": "999999"},
        {k: v for k, v in payload.items() if k != "token"},
        ["not", "an", "object"],
    ):
        assert (await live.post_hook(forged)).status_code == 403
    assert not live.service.realtime._timers
    assert await _callback_runs(org) == []
    # the genuine one is accepted
    assert (await live.post_hook(payload)).status_code == 204
    await live.service.realtime.idle()
    assert len(await _callback_runs(org)) == 1


async def test_channels_are_renewed_before_they_expire(
    org: models.Organization, admin: models.User
) -> None:
    live = await _live(org, admin)
    [channel] = await models.WatchChannel.filter(org_id=org.id)
    soon = datetime.now(UTC) + timedelta(hours=2)
    await models.WatchChannel.filter(id=channel.id).update(expires_at=soon)
    await live.service.tick()
    await channel.refresh_from_db()
    assert channel.expires_at > datetime.now(UTC) + timedelta(days=5)
    assert live.store.watches[channel.channel_id].channel_expiry > soon + timedelta(days=4)
    # a channel the CRM no longer knows is replaced by a new one at the next tick
    live.store.watches.clear()
    await models.WatchChannel.filter(id=channel.id).update(expires_at=soon)
    await live.service.tick()
    [replaced] = await models.WatchChannel.filter(org_id=org.id)
    assert replaced.channel_id != channel.channel_id
    assert list(live.store.watches) == [replaced.channel_id]


async def test_disabling_the_integration_or_the_option_unsubscribes(
    org: models.Organization, admin: models.User
) -> None:
    live = await _live(org, admin)
    [channel] = await models.WatchChannel.filter(org_id=org.id)
    payload = {"channel_id": channel.channel_id, "module": "Accounts",
               "token": live.store.watches[channel.channel_id].token}  # fmt: skip
    await gql(DISABLE, admin, live.service)
    assert live.store.watches == {}
    assert not await models.WatchChannel.filter(org_id=org.id).exists()
    assert (await live.post_hook(payload)).status_code == 403
    await live.service.tick()  # a disabled integration gets no new channel either
    assert live.store.watches == {}

    await gql("mutation { integrationEnable { errors { code } } }", admin, live.service)
    await live.service.tick()  # the option is still on: the tick subscribes again
    assert len(live.store.watches) == 1
    off = await gql(OPTIONS, admin, live.service, input={"realTimeSync": False})
    assert off["integrationOptionsSave"]["integration"]["realTimeSync"] is False
    assert live.store.watches == {}
    assert not await models.WatchChannel.filter(org_id=org.id).exists()


async def test_near_real_time_needs_a_public_address(
    org: models.Organization, admin: models.User
) -> None:
    live = live_crm()
    live.service.realtime.public_url = None
    await connected(org, live.service)
    refused = await gql(OPTIONS, admin, live.service, input={"realTimeSync": True})
    assert refused["integrationOptionsSave"] == {
        "integration": None, "errors": [{"field": ["realTimeSync"], "code": "PUBLIC_URL_MISSING"}],
    }  # fmt: skip
    assert not (await models.Integration.get(org_id=org.id)).real_time_sync
    assert live.store.watches == {}
