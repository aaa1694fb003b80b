"""The integration settings through GraphQL, with the sync service talking to the simulator."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from orm import models
from sync.credentials import CredentialCipher
from sync.crm import FakeClock
from sync.crm.factory import ClientFactory
from sync.crm.simulator import CrmStore, SimulatorConfig, create_simulator_app
from sync.service import SyncService
from tests.conftest import execute
from tests.factories import make_user, viewer_for
from tests.sync.engine.conftest import CONNECTION, SIM, Crm

CONNECT = """
mutation($input: IntegrationConnectInput!) {
  integrationConnect(input: $input) {
    integration { state clientId accountsUrl crmOrganization { id name baseCurrency multiCurrency } }
    errors { field code message }
  }
}
"""
SAVE = """
mutation($input: IntegrationCustomerSettingsInput!) {
  integrationCustomerSettingsSave(input: $input) {
    integration { customerModule duplicatePolicy customersConfigured accountViewId }
    errors { field code message }
  }
}
"""
STATUS = """
{ integration { state lastSyncAt nextSyncAt
    runs { nodes { status trigger processed estimatedTotal created failed errorMessage
                   recordErrors { crmId message } streams { module processed estimated } } } } }
"""
CONNECT_INPUT = {
    "clientId": CONNECTION.client_id, "clientSecret": CONNECTION.client_secret,
    "refreshToken": CONNECTION.refresh_token, "accountsUrl": SIM, "apiUrl": SIM,
}  # fmt: skip


@pytest.fixture
async def admin(org: models.Organization) -> models.User:
    return await make_user(org, email="admin@synced.example", role=models.UserRole.ADMIN)


async def gql(
    document: str, admin: models.User, service: SyncService, **variables: Any
) -> dict[str, Any]:
    result = await execute(document, variables or None, viewer=viewer_for(admin), sync=service)
    assert result.errors is None, result.errors
    data: dict[str, Any] = result.data
    return data


async def test_connect_verifies_first_and_never_returns_secrets(
    crm: Crm, admin: models.User, service: SyncService
) -> None:
    wrong = await gql(CONNECT, admin, service, input=CONNECT_INPUT | {"clientSecret": "nope"})
    assert wrong["integrationConnect"]["errors"][0]["code"] == "CRM_REJECTED"
    # Zoho says which credential it refused: the error names that field
    assert wrong["integrationConnect"]["errors"][0]["field"] == ["clientSecret"]
    expired = await gql(CONNECT, admin, service, input=CONNECT_INPUT | {"refreshToken": "old"})
    assert expired["integrationConnect"]["errors"][0]["field"] == ["refreshToken"]
    assert expired["integrationConnect"]["errors"][0]["code"] == "CRM_REJECTED"
    assert not await models.Integration.exists()
    bad = await gql(
        CONNECT, admin, service, input=CONNECT_INPUT | {"accountsUrl": None, "dataCentre": "XX"}
    )
    assert bad["integrationConnect"]["errors"][0]["field"] == ["dataCentre"]

    done = await gql(CONNECT, admin, service, input=CONNECT_INPUT)
    payload = done["integrationConnect"]
    assert payload["errors"] == []
    assert payload["integration"]["state"] == "CONNECTED"
    assert payload["integration"]["crmOrganization"] == {
        "id": str(crm.store.org["id"]), "name": crm.store.org["company_name"],
        "baseCurrency": "USD", "multiCurrency": False,
    }  # fmt: skip
    stored = await models.Integration.get()
    assert CONNECTION.client_secret not in stored.client_secret_encrypted
    assert CONNECTION.refresh_token not in stored.refresh_token_encrypted
    assert service.cipher.decrypt(stored.refresh_token_encrypted) == CONNECTION.refresh_token


async def test_save_and_sync_then_instant_sync(
    crm: Crm, admin: models.User, service: SyncService
) -> None:
    not_connected = await gql("mutation { integrationSyncNow { errors { code } } }", admin, service)
    assert not_connected["integrationSyncNow"]["errors"] == [{"code": "NOT_CONNECTED"}]
    await gql(CONNECT, admin, service, input=CONNECT_INPUT)
    unconfigured = await gql("mutation { integrationSyncNow { errors { code } } }", admin, service)
    assert unconfigured["integrationSyncNow"]["errors"] == [{"code": "SYNC_NOT_CONFIGURED"}]

    views = await gql(
        "{ integrationCustomViews(module: ACCOUNTS) { id name isSystem } }", admin, service
    )
    zoho_expense = next(
        v for v in views["integrationCustomViews"] if v["name"] == "Zoho Expense Accounts"
    )
    refused = await gql(
        SAVE, admin, service, input={"customerModule": "ACCOUNTS", "accountViewId": "404"}
    )
    assert refused["integrationCustomerSettingsSave"]["errors"][0]["field"] == ["accountViewId"]
    bad_interval = await gql(
        SAVE, admin, service, input={"customerModule": "ACCOUNTS", "syncIntervalHours": 0}
    )
    assert bad_interval["integrationCustomerSettingsSave"]["errors"][0]["field"] == [
        "syncIntervalHours"
    ]
    assert not (await models.Integration.get()).customers_configured

    saved = await gql(SAVE, admin, service, input={
        "customerModule": "ACCOUNTS", "accountViewId": zoho_expense["id"], "duplicatePolicy": "OVERWRITE",
        "syncNow": True,
    })  # fmt: skip
    assert saved["integrationCustomerSettingsSave"]["errors"] == []
    await service.aclose_when_idle()
    status = (await gql(STATUS, admin, service))["integration"]
    run = status["runs"]["nodes"][0]
    assert (run["status"], run["trigger"], run["failed"]) == ("SUCCEEDED", "INITIAL", 0)
    expected = {cid for cid, a in crm.store.records["Accounts"].items() if a["Zoho_Expense"]}
    assert {c.crm_id for c in await models.Customer.all()} == expected
    assert (
        run["processed"] == run["estimatedTotal"] == len(expected) + len(crm.store.records["Deals"])
    )
    assert status["lastSyncAt"] is not None and status["nextSyncAt"] is not None
    deals = len(crm.store.records["Deals"])
    assert run["streams"] == [
        {"module": "Accounts", "processed": len(expected), "estimated": len(expected)},
        {"module": "Deals", "processed": deals, "estimated": deals},
    ]

    instant = await gql(
        "mutation { integrationSyncNow { run { status trigger } errors { code } } }", admin, service
    )
    assert instant["integrationSyncNow"]["run"]["trigger"] == "MANUAL"
    await service.aclose_when_idle()
    runs = (await gql(STATUS, admin, service))["integration"]["runs"]["nodes"]
    assert [r["status"] for r in runs] == ["SUCCEEDED", "SUCCEEDED"]
    assert runs[0]["created"] == 0


async def test_currency_prerequisite(admin: models.User, org: models.Organization) -> None:
    store = CrmStore.generate(seed=3, accounts=3, contacts=3, deals=2, users=2, multi_currency=True)
    app = create_simulator_app(store, SimulatorConfig())
    service = SyncService(CredentialCipher(CredentialCipher.generate_key()),
                          ClientFactory(transport=httpx.ASGITransport(app=app)))  # fmt: skip
    org.base_currency = "EUR"
    await org.save()
    connected = await gql(CONNECT, admin, service, input=CONNECT_INPUT)
    crm_org = connected["integrationConnect"]["integration"]["crmOrganization"]
    assert crm_org["multiCurrency"] is True and crm_org["baseCurrency"] != "EUR"
    refused = await gql(SAVE, admin, service, input={"customerModule": "ACCOUNTS"})
    error = refused["integrationCustomerSettingsSave"]["errors"][0]
    assert error["code"] == "CURRENCY_MISMATCH"
    assert crm_org["baseCurrency"] in error["message"]


async def test_submitters_cannot_touch_the_integration(
    org: models.Organization, service: SyncService
) -> None:
    submitter = await make_user(org)
    for document in (STATUS, "mutation { integrationSyncNow { errors { code } } }"):
        result = await execute(document, viewer=viewer_for(submitter), sync=service)
        assert result.errors[0].extensions["code"] == "FORBIDDEN"
    result = await execute(
        CONNECT, {"input": CONNECT_INPUT}, viewer=viewer_for(submitter), sync=service
    )
    assert result.errors[0].extensions["code"] == "FORBIDDEN"
    assert not await models.Integration.exists()


async def test_faults_give_the_same_result_as_a_clean_run(
    org: models.Organization, admin: models.User
) -> None:
    retried: list[int] = []

    async def snapshot(rate_429: float, rate_5xx: float) -> set[tuple[Any, ...]]:
        await models.Potential.all().delete()
        await models.Customer.all().delete()
        await models.SyncCursor.all().delete()
        await models.SyncRun.all().delete()
        store = CrmStore.generate(seed=11, accounts=40, contacts=10, deals=30, users=3)
        config = SimulatorConfig(
            fault_seed=5, rate_429=rate_429, rate_5xx=rate_5xx, retry_after_s=2
        )
        app = create_simulator_app(store, config)
        clock = FakeClock()
        factory = ClientFactory(transport=httpx.ASGITransport(app=app), clock=clock)
        service = SyncService(CredentialCipher(CredentialCipher.generate_key()), factory)
        await gql(CONNECT, admin, service, input=CONNECT_INPUT)
        await gql(SAVE, admin, service, input={"customerModule": "ACCOUNTS", "syncNow": True})
        await service.aclose_when_idle()
        run = await models.SyncRun.get()
        assert run.status is models.SyncStatus.SUCCEEDED, run.error_message
        retried.append(len(clock.sleeps))
        customers = {(c.crm_id, c.name, c.phone) for c in await models.Customer.all()}
        potentials = {(p.crm_id, p.name, p.state, p.amount_minor, p.customer_id is not None)
                      for p in await models.Potential.all()}  # fmt: skip
        return customers | potentials

    clean = await snapshot(0.0, 0.0)
    assert await snapshot(0.10, 0.05) == clean
    assert retried[0] == 0 and retried[1] > 0  # the faults really happened and were retried


async def test_the_scheduler_starts_due_runs(
    crm: Crm, admin: models.User, service: SyncService
) -> None:
    await gql(CONNECT, admin, service, input=CONNECT_INPUT)
    await gql(SAVE, admin, service, input={"customerModule": "ACCOUNTS", "syncNow": False})
    assert await service.tick() == []  # never synced: nothing scheduled yet
    await models.Integration.filter(org_id=admin.org_id).update(
        next_sync_at=datetime.now(UTC) - timedelta(minutes=1)
    )
    started = await service.tick()
    assert [run.trigger for run in started] == ["SCHEDULED"]
    await service.aclose_when_idle()
    assert (await models.SyncRun.get()).status is models.SyncStatus.SUCCEEDED


async def test_a_crm_refusal_fails_the_run_with_a_readable_reason(
    crm: Crm, org: models.Organization, service: SyncService
) -> None:
    await models.Integration.create(
        org=org, state=models.IntegrationState.CONNECTED, accounts_url=SIM, api_url=SIM,
        client_id=CONNECTION.client_id,
        client_secret_encrypted=service.cipher.encrypt(CONNECTION.client_secret),
        refresh_token_encrypted=service.cipher.encrypt("1000.revoked.token"),
        customer_module=models.CustomerModule.ACCOUNTS, customers_configured=True,
    )  # fmt: skip
    run = await service.run_now(org.id, "MANUAL")
    assert run.status is models.SyncStatus.FAILED
    assert run.error_message.startswith("The CRM refused the sync")
    assert "revoked" not in run.error_message
    assert await models.Customer.all().count() == 0
    again = await service.start_run(org.id, "MANUAL")  # a failed run does not block the next
    assert again.id != run.id
    await service.aclose_when_idle()


async def test_explicit_urls_can_be_switched_off(crm: Crm, admin: models.User) -> None:
    locked = SyncService(CredentialCipher(CredentialCipher.generate_key()), crm.factory,
                         allow_explicit_urls=False)  # fmt: skip
    refused = await gql(CONNECT, admin, locked, input=CONNECT_INPUT)
    assert refused["integrationConnect"]["errors"][0]["field"] == ["accountsUrl"]
    assert not crm.requests  # nothing was sent anywhere


async def test_changing_what_syncs_reads_everything_again(
    crm: Crm, admin: models.User, service: SyncService
) -> None:
    await gql(CONNECT, admin, service, input=CONNECT_INPUT)
    await gql(
        SAVE, admin, service, input={"customerModule": "ACCOUNTS_AND_CONTACTS", "syncNow": True}
    )
    await service.aclose_when_idle()
    assert await models.SyncCursor.filter(org_id=admin.org_id).exists()
    before = await models.Customer.filter(type=models.CustomerType.INDIVIDUAL).count()
    await gql(SAVE, admin, service, input={"customerModule": "ACCOUNTS_AND_CONTACTS",
                                           "includeOrphanContacts": True, "syncNow": True})  # fmt: skip
    await service.aclose_when_idle()
    orphans = [c for c in crm.store.records["Contacts"].values() if not c.get("Account_Name")]
    assert before == 0
    assert (
        await models.Customer.filter(type=models.CustomerType.INDIVIDUAL).count()
        == len(orphans)
        > 0
    )


async def test_a_failed_scheduled_run_is_retried_later_not_at_every_tick(
    crm: Crm, admin: models.User, org: models.Organization, service: SyncService
) -> None:
    await models.Integration.create(
        org=org, state=models.IntegrationState.CONNECTED, accounts_url=SIM, api_url=SIM,
        client_id=CONNECTION.client_id,
        client_secret_encrypted=service.cipher.encrypt(CONNECTION.client_secret),
        refresh_token_encrypted=service.cipher.encrypt("1000.revoked.token"),
        customer_module=models.CustomerModule.ACCOUNTS, customers_configured=True,
        next_sync_at=datetime.now(UTC) - timedelta(minutes=1),
    )  # fmt: skip
    assert len(await service.tick()) == 1
    await service.aclose_when_idle()
    assert await service.tick() == []  # the failure pushed the next try an hour away
    integration = await models.Integration.get(org=org)
    assert integration.next_sync_at is not None
    assert integration.next_sync_at > datetime.now(UTC) + timedelta(minutes=50)


async def test_hand_picked_contacts(crm: Crm, admin: models.User, service: SyncService) -> None:
    await gql(CONNECT, admin, service, input=CONNECT_INPUT)
    with_account = [
        cid for cid, c in crm.store.records["Contacts"].items() if c.get("Account_Name")
    ]
    picked = with_account[:2]
    wrong_module = await gql(
        SAVE, admin, service, input={"customerModule": "ACCOUNTS", "pickedContactIds": picked}
    )
    assert wrong_module["integrationCustomerSettingsSave"]["errors"][0]["code"] == "INVALID"
    unknown = await gql(SAVE, admin, service, input={
        "customerModule": "ACCOUNTS_AND_CONTACTS", "pickedContactIds": [picked[0], "999999999"]})  # fmt: skip
    assert unknown["integrationCustomerSettingsSave"]["errors"] == [
        {
            "field": ["pickedContactIds", "1"],
            "code": "NOT_FOUND",
            "message": "No such contact in the CRM.",
        }
    ]
    saved = await gql(SAVE, admin, service, input={
        "customerModule": "ACCOUNTS_AND_CONTACTS", "pickedContactIds": picked, "syncNow": True})  # fmt: skip
    assert saved["integrationCustomerSettingsSave"]["errors"] == []
    await service.aclose_when_idle()
    assert sorted(await models.ContactPerson.all().values_list("crm_id", flat=True)) == sorted(
        picked
    )


async def _connected(org: models.Organization, service: SyncService) -> None:
    await models.Integration.create(
        org=org, state=models.IntegrationState.CONNECTED, accounts_url=SIM, api_url=SIM,
        client_id=CONNECTION.client_id,
        client_secret_encrypted=service.cipher.encrypt(CONNECTION.client_secret),
        refresh_token_encrypted=service.cipher.encrypt(CONNECTION.refresh_token),
        customer_module=models.CustomerModule.ACCOUNTS, customers_configured=True,
    )  # fmt: skip


async def test_with_workers_a_request_during_a_run_queues_one_more(
    crm: Crm, org: models.Organization
) -> None:
    """SYNC_RUNNER=jobs: a run in progress (on some worker) may have read its streams already,
    so an instant sync or a CRM callback queues one run behind it (only one waits)."""
    deferred: list[tuple[int, str]] = []

    async def defer(org_id: int, trigger: str) -> bool:
        deferred.append((org_id, trigger))
        return True

    service = SyncService(CredentialCipher(CredentialCipher.generate_key()), crm.factory,
                          defer=defer)  # fmt: skip
    await _connected(org, service)
    running = await models.SyncRun.create(org=org, status=models.SyncStatus.RUNNING)
    queued = await service.start_run(org.id, "CALLBACK")
    assert queued.id != running.id and queued.status is models.SyncStatus.QUEUED
    again = await service.start_run(org.id, "MANUAL")
    assert again.id == queued.id
    assert deferred == [(org.id, "CALLBACK")]
    assert service._tasks == {}  # nothing runs in this process


async def test_a_worker_job_clears_a_run_its_dead_predecessor_left(
    crm: Crm, org: models.Organization, service: SyncService
) -> None:
    """The job holds the organisation's lock: a RUNNING run it finds was left by a worker that
    stopped; it is marked interrupted and the queued run executes."""
    await _connected(org, service)
    stale = await models.SyncRun.create(org=org, status=models.SyncStatus.RUNNING)
    queued = await models.SyncRun.create(org=org, trigger="MANUAL")
    done = await service.run_queued(org.id, "SCHEDULED")
    assert done.id == queued.id and done.status is models.SyncStatus.SUCCEEDED
    await stale.refresh_from_db()
    assert stale.status is models.SyncStatus.FAILED
    assert stale.error_message.startswith("Interrupted")
    # and a scheduled job with nothing queued runs a new one
    scheduled = await service.run_queued(org.id, "SCHEDULED")
    assert scheduled.id not in (stale.id, queued.id)
    assert scheduled.status is models.SyncStatus.SUCCEEDED


def test_the_built_service_knows_the_settings(tmp_path: Path) -> None:
    """One builder for the app and the worker: the public callback address, the callback
    delay and the explicit-URL switch come from the settings; admins hear of deletions."""
    from resolvers.notifications import notify_admins
    from resolvers.sync_runtime import build_sync_service
    from web.settings import Settings

    settings = Settings.from_env({"SPENDSYNC_VAR_DIR": str(tmp_path),
                                  "PUBLIC_BASE_URL": "https://expenses.example.com/",
                                  "SYNC_CALLBACK_DELAY_SECONDS": "9"})  # fmt: skip
    service = build_sync_service(settings)
    assert service.realtime.public_url == "https://expenses.example.com"
    assert service.realtime.callback_delay == 9
    assert service.allow_explicit_urls is settings.allow_crm_urls
    assert service.deletions.notify is notify_admins
    assert service.defer is None and service.deletions.defer is None
