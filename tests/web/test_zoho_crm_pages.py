"""Settings → Integrations → Zoho CRM over httpx: the pages against the CRM simulator in process.

Every form refuses a post without the CSRF token and writes nothing; errors sit next to their
field; non-admins get the 403 page and no data.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from asgi_lifespan import LifespanManager
from starlette.applications import Starlette

from orm import models
from sync.crm.factory import ClientFactory
from sync.crm.simulator import (
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
    DEMO_REFRESH_TOKEN,
    CrmStore,
    SimulatorConfig,
    create_simulator_app,
)
from tests.factories import make_org, make_user
from tests.web.conftest import BASE_URL, sign_in
from web.app import create_app
from web.database import apply_migrations
from web.settings import Settings

BASE = "/settings/integrations/zoho-crm"
SIM = "http://crm-sim.test"
CONNECT = {
    "dataCentre": "", "accountsUrl": SIM, "apiUrl": SIM, "clientId": DEMO_CLIENT_ID,
    "clientSecret": DEMO_CLIENT_SECRET, "refreshToken": DEMO_REFRESH_TOKEN,
}  # fmt: skip
SETTINGS = {
    "customerModule": "ACCOUNTS", "extent": "FETCH", "duplicatePolicy": "SKIP",
    "conflictPolicy": "CRM_WINS", "accountViewId": "", "contactViewId": "",
    "syncIntervalHours": "24", "contactScope": "all", "action": "later",
}  # fmt: skip


@pytest.fixture
def store() -> CrmStore:
    return CrmStore.demo()


@pytest.fixture
async def app(tmp_path: Path, store: CrmStore) -> AsyncIterator[Starlette]:
    """The app with its CRM calls routed to the simulator in process."""
    database_url = f"sqlite://{tmp_path}/web.sqlite3"
    await apply_migrations(database_url)
    settings = Settings(database_url=database_url, secret_key="test-secret-" + "x" * 40,
                        receipt_dir=tmp_path / "receipts", sync_tick_seconds=0)  # fmt: skip
    simulator = create_simulator_app(store, SimulatorConfig())
    factory = ClientFactory(transport=httpx.ASGITransport(app=simulator))
    application = create_app(settings, crm_factory=factory)
    async with LifespanManager(application):
        yield application


@pytest.fixture
async def client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL) as http:
        yield http


@pytest.fixture
async def admin(app: Starlette) -> models.User:
    org = await make_org(name="Acme Sales", base_currency="EUR")
    return await make_user(org, email="admin@acme.example", role=models.UserRole.ADMIN)


async def _connected(client: httpx.AsyncClient, admin: models.User) -> str:
    token = await sign_in(client, admin.email)
    response = await client.post(f"{BASE}/connect", data=CONNECT | {"csrf_token": token})
    assert response.status_code == 303, response.text
    assert response.headers["location"] == f"{BASE}/configure"
    return token


async def _wait_for_run(org_id: int) -> models.SyncRun:
    for _ in range(200):
        run = await models.SyncRun.filter(org_id=org_id).order_by("-id").first()
        if run is not None and run.status not in (models.SyncStatus.QUEUED,
                                                  models.SyncStatus.RUNNING):  # fmt: skip
            return run
        await asyncio.sleep(0.05)
    raise AssertionError("the sync did not end")


def _field_error(html: str, field_name: str) -> str:
    """The error shown in the label of ``field_name`` (the input and its message share it)."""
    match = re.search(
        rf'name="{field_name}"[^>]*>\s*<p class="field-error" data-code="([A-Z_]+)">', html
    )
    assert match, f"no error next to {field_name}"
    return match.group(1)


# -- CSRF -------------------------------------------------------------------------------------
FORMS = [
    ("connect", CONNECT),
    ("configure", SETTINGS),
    ("field-mapping?module=Accounts", {"map:name": "Account_Name"}),
    ("field-mapping/custom-fields", {"label": "Region", "dataType": "TEXT"}),
    ("sync-now", {}),
    ("options", {"option": "syncModules", "value": "on"}),
    ("disable", {}),
    ("enable", {}),
    ("delete", {"mode": "CONVERT_ALL"}),
]


@pytest.mark.parametrize(("path", "form"), FORMS, ids=[p for p, _ in FORMS])
async def test_every_form_refuses_a_post_without_the_csrf_token(
    client: httpx.AsyncClient, admin: models.User, path: str, form: dict[str, str]
) -> None:
    await sign_in(client, admin.email)
    before = await models.Integration.all().values()
    response = await client.post(f"{BASE}/{path}", data=form)
    assert response.status_code == 403
    assert await models.Integration.all().values() == before
    assert not await models.CustomField.exists()
    assert not await models.SyncRun.exists()


async def test_a_post_without_the_token_changes_a_connected_integration_in_no_way(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    await _connected(client, admin)
    before = await models.Integration.get(org_id=admin.org_id).values()
    for path, form in FORMS:
        response = await client.post(f"{BASE}/{path}", data=form)
        assert response.status_code == 403, path
    assert await models.Integration.get(org_id=admin.org_id).values() == before
    assert not await models.SyncRun.exists()
    assert not await models.IntegrationDeletion.exists()


# -- connect ----------------------------------------------------------------------------------
async def test_connect_errors_are_next_to_their_field_and_save_nothing(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    token = await sign_in(client, admin.email)
    bad_url = await client.post(
        f"{BASE}/connect", data=CONNECT | {"accountsUrl": "ftp://nowhere", "csrf_token": token}
    )
    assert bad_url.status_code == 200
    assert _field_error(bad_url.text, "accountsUrl") == "INVALID"
    wrong_secret = await client.post(
        f"{BASE}/connect", data=CONNECT | {"clientSecret": "not it", "csrf_token": token}
    )
    assert _field_error(wrong_secret.text, "clientSecret") == "CRM_REJECTED"
    wrong_token = await client.post(
        f"{BASE}/connect", data=CONNECT | {"refreshToken": "expired", "csrf_token": token}
    )
    assert _field_error(wrong_token.text, "refreshToken") == "CRM_REJECTED"
    missing = await client.post(f"{BASE}/connect", data=CONNECT | {"clientId": "",
                                                                   "csrf_token": token})  # fmt: skip
    assert _field_error(missing.text, "clientId") == "REQUIRED"
    # secrets are never echoed back
    assert DEMO_CLIENT_SECRET not in wrong_token.text
    assert "expired" not in wrong_token.text
    assert not await models.Integration.exists()


async def test_connect_then_the_crm_organisation_and_the_currency_prerequisite(
    client: httpx.AsyncClient, admin: models.User, store: CrmStore
) -> None:
    await _connected(client, admin)
    page = await client.get(f"{BASE}/configure")
    assert page.status_code == 200
    assert store.org["company_name"] in page.text
    assert "data-crm-currency>USD" in page.text
    # the demo CRM has one currency (USD), the organisation EUR: explained before saving
    assert 'data-currency="single"' in page.text
    # the CRM's views are offered
    for view in store.views["Accounts"]:
        assert view.name in page.text


async def test_a_multi_currency_crm_with_another_base_is_flagged_and_refused(
    client: httpx.AsyncClient, admin: models.User, store: CrmStore
) -> None:
    store.org["mc_status"] = True
    token = await _connected(client, admin)
    page = await client.get(f"{BASE}/configure")
    assert 'data-currency="mismatch"' in page.text
    response = await client.post(f"{BASE}/configure", data=SETTINGS | {"csrf_token": token})
    assert 'data-code="CURRENCY_MISMATCH"' in response.text
    integration = await models.Integration.get(org_id=admin.org_id)
    assert not integration.customers_configured


# -- configure and mapping --------------------------------------------------------------------
async def test_save_and_sync_later_saves_without_a_run_and_bad_choices_are_refused(
    client: httpx.AsyncClient, admin: models.User, store: CrmStore
) -> None:
    token = await _connected(client, admin)
    refused = await client.post(
        f"{BASE}/configure",
        data=SETTINGS | {"csrf_token": token, "customerModule": "EVERYTHING",
                         "syncIntervalHours": "soon"},
    )  # fmt: skip
    assert refused.status_code == 200
    assert 'data-code="INVALID"' in refused.text
    assert "Give a whole number of hours" in refused.text
    assert not (await models.Integration.get(org_id=admin.org_id)).customers_configured

    view = next(v for v in store.views["Accounts"] if v.name == "Zoho Expense Accounts")
    saved = await client.post(
        f"{BASE}/configure",
        data=SETTINGS | {"csrf_token": token, "customerModule": "ACCOUNTS_AND_CONTACTS",
                         "accountViewId": view.id, "duplicatePolicy": "OVERWRITE"},
    )  # fmt: skip
    assert saved.status_code == 303 and saved.headers["location"] == BASE
    integration = await models.Integration.get(org_id=admin.org_id)
    assert integration.customers_configured
    assert integration.customer_module is models.CustomerModule.ACCOUNTS_AND_CONTACTS
    assert integration.account_view_id == view.id
    assert integration.duplicate_policy is models.DuplicatePolicy.OVERWRITE
    assert not await models.SyncRun.exists()  # "Save and Sync Later"
    details = await client.get(BASE)
    assert "Zoho Expense Accounts" in details.text
    assert "Accounts &amp; their Contacts" in details.text


async def test_a_mapping_type_error_is_shown_on_its_row_and_saves_nothing(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    token = await _connected(client, admin)
    created = await client.post(
        f"{BASE}/field-mapping/custom-fields?module=Accounts",
        data={"label": "Head count", "dataType": "NUMBER", "csrf_token": token},
    )
    assert created.status_code == 303
    field = await models.CustomField.get(org_id=admin.org_id)
    page = await client.get(f"{BASE}/field-mapping?module=Accounts")
    assert f'name="map:custom:{field.api_name}"' in page.text
    response = await client.post(
        f"{BASE}/field-mapping?module=Accounts",
        data={"csrf_token": token, "map:name": "Account_Name",
              f"map:custom:{field.api_name}": "Industry"},
    )  # fmt: skip
    row = re.search(
        rf'<tr data-target="custom:{field.api_name}" class="has-error">.*?</tr>', response.text,
        re.S,
    )  # fmt: skip
    assert row and 'data-code="INCOMPATIBLE_FIELD_TYPE"' in row.group(0)
    assert not (await models.Integration.get(org_id=admin.org_id)).account_field_map

    saved = await client.post(
        f"{BASE}/field-mapping?module=Accounts",
        data={"csrf_token": token, "map:name": "Account_Name",
              f"map:custom:{field.api_name}": "Employees"},
    )  # fmt: skip
    assert saved.status_code == 303
    integration = await models.Integration.get(org_id=admin.org_id)
    assert integration.account_field_map == {
        "name": "Account_Name",
        f"custom:{field.api_name}": "Employees",
    }


async def test_save_and_sync_runs_and_the_status_block_reaches_100(
    client: httpx.AsyncClient, admin: models.User, store: CrmStore
) -> None:
    token = await _connected(client, admin)
    response = await client.post(
        f"{BASE}/configure", data=SETTINGS | {"csrf_token": token, "action": "sync"}
    )
    assert response.status_code == 303
    run = await _wait_for_run(admin.org_id)
    assert run.status is models.SyncStatus.SUCCEEDED
    status = await client.get(
        f"{BASE}/status?polling=1", headers={"HX-Request": "true", "HX-Target": "sync-status"}
    )
    assert status.text.lstrip().startswith('<section id="sync-status"')
    assert 'hx-trigger="every 1s"' not in status.text  # polling stops once the run ended
    assert status.headers["HX-Trigger"] == "zoho-sync-finished"
    accounts = len(store.records["Accounts"])
    assert f"Accounts: {accounts} of {accounts} read (100 %)" in status.text
    assert 'data-module="all" data-percent="100"' in status.text
    listed = await client.get(f"{BASE}/synced-customers")
    assert listed.text.count("<tr data-crm-id=") == min(accounts, 25)
    one = next(iter(store.records["Accounts"].values()))
    found = await client.get(
        f"{BASE}/synced-customers", params={"search": one["Account_Name"]},
        headers={"HX-Request": "true", "HX-Target": "customer-table"},
    )  # fmt: skip
    assert f'data-crm-id="{one["id"]}"' in found.text
    assert "<html" not in found.text


async def test_an_active_run_makes_the_status_block_poll(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    await _connected(client, admin)
    await models.SyncRun.create(
        org_id=admin.org_id, status=models.SyncStatus.RUNNING, processed=3, estimated_total=12,
        stream_progress={"Accounts": {"processed": 3, "estimated": 12}},
    )  # fmt: skip
    status = await client.get(
        f"{BASE}/status", headers={"HX-Request": "true", "HX-Target": "sync-status"}
    )
    assert 'hx-trigger="every 1s"' in status.text
    assert "Accounts: 3 of 12 read (25 %)" in status.text
    assert '<progress max="100" value="25"' in status.text
    assert "HX-Trigger" not in status.headers


# -- lifecycle --------------------------------------------------------------------------------
async def test_delete_needs_a_disabled_integration_and_a_choice(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    token = await _connected(client, admin)
    refused = await client.post(f"{BASE}/delete", data={"mode": "CONVERT_ALL", "csrf_token": token})
    assert "Disable the integration before deleting it." in refused.text
    assert not await models.IntegrationDeletion.exists()
    disabled = await client.post(f"{BASE}/disable", data={"csrf_token": token})
    assert disabled.status_code == 303
    page = await client.get(f"{BASE}/delete")
    assert "Keep only records with transactions" in page.text
    no_choice = await client.post(f"{BASE}/delete", data={"csrf_token": token})
    fieldset = re.search(r"<legend>Synced records</legend>.*?</fieldset>", no_choice.text, re.S)
    assert fieldset and 'data-code="REQUIRED"' in fieldset.group(0)
    assert not await models.IntegrationDeletion.exists()


async def test_an_option_refusal_is_shown_next_to_the_option(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    token = await _connected(client, admin)
    response = await client.post(
        f"{BASE}/options", data={"option": "realTimeSync", "value": "on", "csrf_token": token}
    )
    assert re.search(
        r'name="value" value="on">.*?<p class="field-error" data-code="PUBLIC_URL_MISSING">',
        response.text, re.S,
    )  # fmt: skip
    assert not (await models.Integration.get(org_id=admin.org_id)).real_time_sync
    turned = await client.post(
        f"{BASE}/options", data={"option": "syncModules", "value": "on", "csrf_token": token}
    )
    assert turned.status_code == 303
    assert (await models.Integration.get(org_id=admin.org_id)).sync_modules


# -- who may see it ---------------------------------------------------------------------------
PAGES = ["", "/connect", "/configure", "/field-mapping", "/synced-customers", "/runs",
         "/delete", "/configure/accounts?accountName=A"]  # fmt: skip


@pytest.mark.parametrize("role", [models.UserRole.APPROVER, models.UserRole.SUBMITTER])
async def test_non_admins_get_403_and_no_data(
    client: httpx.AsyncClient, admin: models.User, role: models.UserRole, store: CrmStore
) -> None:
    # given a connected integration with synced customers
    token = await _connected(client, admin)
    await client.post(f"{BASE}/configure", data=SETTINGS | {"csrf_token": token,
                                                           "action": "sync"})  # fmt: skip
    await _wait_for_run(admin.org_id)
    await client.post("/logout", data={"csrf_token": token})
    org = await models.Organization.get(id=admin.org_id)
    member = await make_user(org, email=f"{role.value.lower()}@acme.example", role=role)
    token = await sign_in(client, member.email)
    account = next(iter(store.records["Accounts"].values()))
    for path in PAGES:
        page = await client.get(f"{BASE}{path}", headers={"accept": "text/html"})
        assert page.status_code == 403, path
        assert store.org["company_name"] not in page.text
        assert account["Account_Name"] not in page.text
        assert DEMO_CLIENT_ID not in page.text
    for path, form in FORMS:
        response = await client.post(f"{BASE}/{path}", data=form | {"csrf_token": token})
        assert response.status_code == 403, path
    integration = await models.Integration.get(org_id=admin.org_id)
    assert integration.state is models.IntegrationState.CONNECTED
    assert not integration.sync_modules
    assert await models.SyncRun.filter(org_id=admin.org_id).count() == 1
    assert not await models.CustomField.exists()


async def test_a_running_deletion_is_polled_and_its_end_reloads_the_page(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    token = await _connected(client, admin)
    await client.post(f"{BASE}/disable", data={"csrf_token": token})
    deletion = await models.IntegrationDeletion.create(
        org_id=admin.org_id, mode=models.DeletionMode.CONVERT_ALL,
        status=models.DeletionStatus.RUNNING, requested_by_id=admin.id,
    )  # fmt: skip
    fragment = {"HX-Request": "true", "HX-Target": "deletion-status"}
    running = await client.get(f"{BASE}/deletion", headers=fragment)
    assert running.text.lstrip().startswith('<section id="deletion-status"')
    assert 'hx-trigger="every 1s"' in running.text
    page = await client.get(BASE)
    assert 'id="deletion-status"' in page.text
    assert "Delete integration…" not in page.text  # not twice
    deletion.status = models.DeletionStatus.SUCCEEDED
    await deletion.save()
    ended = await client.get(f"{BASE}/deletion", headers=fragment)
    assert ended.status_code == 204
    assert ended.headers["HX-Redirect"] == BASE


async def test_account_search_lists_contacts_to_pick(
    client: httpx.AsyncClient, admin: models.User, store: CrmStore
) -> None:
    await _connected(client, admin)
    contact = next(c for c in store.records["Contacts"].values() if c.get("Account_Name"))
    link = contact["Account_Name"]
    account = store.records["Accounts"][link["id"] if isinstance(link, dict) else link]
    fragment = {"HX-Request": "true", "HX-Target": "account-results"}
    found = await client.get(
        f"{BASE}/configure/accounts", params={"accountName": account["Account_Name"]},
        headers=fragment,
    )  # fmt: skip
    assert f'data-account="{account["id"]}"' in found.text
    assert f'name="pickedContactIds" value="{contact["id"]}"' in found.text
    already = await client.get(
        f"{BASE}/configure/accounts",
        params={"accountName": account["Account_Name"], "pickedContactIds": contact["id"]},
        headers=fragment,
    )  # fmt: skip
    assert f'value="{contact["id"]}"' not in already.text
    assert "picked above" in already.text
    nothing = await client.get(
        f"{BASE}/configure/accounts", params={"accountName": "Zzz no such"}, headers=fragment
    )
    assert "No account in the CRM starts with" in nothing.text


async def test_run_history_shows_each_record_error(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    await _connected(client, admin)
    run = await models.SyncRun.create(
        org_id=admin.org_id, status=models.SyncStatus.SUCCEEDED, processed=2, estimated_total=2,
        failed=1, trigger="MANUAL",
    )  # fmt: skip
    await models.SyncRecordError.create(
        org_id=admin.org_id, run_id=run.id, module="Accounts", crm_id="4150868000000009",
        message="An account without a name",
    )  # fmt: skip
    for path in ("", "/runs"):
        page = await client.get(f"{BASE}{path}")
        assert "1 record error" in page.text
        assert "<strong>Accounts 4150868000000009</strong>: An account without a name" in page.text
