"""Users from the CRM through GraphQL against the simulator: the plan limit, role mapping,
manual import, deactivation reaching Spendsync with the next sync, permissions, tenants."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from orm import models
from sync.credentials import CredentialCipher
from sync.crm.simulator import DEFAULT_SCOPES, CrmStore, SimulatorConfig
from sync.crm.simulator.meta import stable_id
from sync.service import SyncService
from tests.factories import make_org, make_user
from tests.sync.engine.conftest import Crm
from tests.sync.engine.crm_fixtures import call, connect, refused, simulator

SAVE = """
mutation($input: IntegrationUserSyncSaveInput!) {
  integrationUserSyncSave(input: $input) {
    userSync { enabled defaultRole roleMappings { match name role } }
    run { trigger status fetched createdActive createdInactive linked deactivated skipped }
    errors { field code message }
  }
}
"""
SYNC_NOW = """
mutation { integrationUserSyncNow {
  run { trigger status fetched createdActive createdInactive linked deactivated }
  errors { code } } }
"""
CRM_USERS = """
query($page: Int!, $perPage: Int!) {
  crmUsers(page: $page, perPage: $perPage) {
    total page perPage hasNextPage
    nodes { crmUserId name email status profile role importedUser { email role status } }
  }
}
"""
IMPORT = """
mutation($input: CrmUsersImportInput!) {
  crmUsersImport(input: $input) {
    users { email role status crmUserId }
    createdActive createdInactive linked skipped
    errors { field code }
  }
}
"""
USER_SYNC = "{ integrationUserSync { enabled runs { trigger fetched deactivated } } }"


def crm_id(index: int) -> str:
    """The CRM id of the simulator's ``index``-th user (0 is the CRM's admin)."""
    return stable_id("user", index + 1)


@pytest.fixture
def crm25() -> Crm:
    """A CRM with 25 active users, created one day apart (user 0 the oldest)."""
    store = CrmStore.generate(seed=3, accounts=3, contacts=5, deals=2, users=25)
    for user in store.users:
        user["status"] = "active"
    return simulator(store)


@pytest.fixture
def service25(crm25: Crm) -> SyncService:
    return SyncService(CredentialCipher(CredentialCipher.generate_key()), crm25.factory)


@pytest.fixture
async def admin25(db: None, crm25: Crm) -> models.User:
    """The organisation's admin is the CRM's admin (same e-mail): linked, not duplicated."""
    org = await make_org(name="Plan of ten", active_user_limit=10)
    email = crm25.store.users[0]["email"].upper()
    return await make_user(org, email=email.lower(), role=models.UserRole.ADMIN)


async def by_crm_id() -> dict[str, models.User]:
    return {str(u.crm_user_id): u for u in await models.User.filter(crm_user_id__isnull=False)}


async def test_enabling_imports_within_the_plan_limit_in_creation_order(
    crm25: Crm, service25: SyncService, admin25: models.User
) -> None:
    await connect(await admin25.org, service25)
    done = await call(SAVE, admin25, service25, input={"enabled": True})
    payload = done["integrationUserSyncSave"]
    assert payload["errors"] == []
    assert payload["run"] == {
        "trigger": "ENABLED", "status": "SUCCEEDED", "fetched": 25, "createdActive": 9,
        "createdInactive": 15, "linked": 1, "deactivated": 0, "skipped": 0,
    }  # fmt: skip
    users = await by_crm_id()
    assert len(users) == 25 and await models.User.all().count() == 25  # the admin was linked
    assert users[crm_id(0)].id == admin25.id
    active = {cid for cid, u in users.items() if u.status is models.UserStatus.ACTIVE}
    # the ten oldest CRM users (the linked admin counts against the plan too)
    assert active == {crm_id(i) for i in range(10)}
    assert {u.role for cid, u in users.items() if cid != crm_id(0)} == {models.UserRole.SUBMITTER}
    first = crm25.store.users[1]
    assert users[crm_id(1)].email == first["email"]
    assert users[crm_id(1)].name == first["full_name"]

    again = await call(SYNC_NOW, admin25, service25)
    assert again["integrationUserSyncNow"]["run"] == {
        "trigger": "MANUAL", "status": "SUCCEEDED", "fetched": 25, "createdActive": 0,
        "createdInactive": 0, "linked": 0, "deactivated": 0,
    }  # fmt: skip
    assert await models.User.all().count() == 25


async def test_ties_in_creation_time_are_broken_by_crm_id(
    crm25: Crm, service25: SyncService, admin25: models.User
) -> None:
    same = datetime(2025, 1, 1, tzinfo=UTC)
    for user in reversed(crm25.store.users):
        user["created_time"] = same
    crm25.store.users.reverse()  # the CRM's answer order must not matter
    await connect(await admin25.org, service25)
    await call(SAVE, admin25, service25, input={"enabled": True})
    users = await by_crm_id()
    active = {cid for cid, u in users.items() if u.status is models.UserStatus.ACTIVE}
    assert active == {crm_id(i) for i in range(10)}


async def test_role_mapping_by_profile_and_role(
    crm25: Crm, service25: SyncService, admin25: models.User
) -> None:
    users = crm25.store.users
    users[1]["profile"] = {"name": "Finance", "id": stable_id("profile", 7)}
    users[2]["role"] = {"name": "Sales Lead", "id": stable_id("role", 7)}
    users[3]["profile"] = {"name": "Finance", "id": stable_id("profile", 7)}
    users[3]["role"] = {"name": "Sales Lead", "id": stable_id("role", 7)}
    await connect(await admin25.org, service25)
    mappings = [
        {"match": "ROLE", "name": "sales lead", "role": "APPROVER"},
        {"match": "PROFILE", "name": "Finance", "role": "ADMIN"},
    ]
    duplicate = await call(SAVE, admin25, service25, input={
        "enabled": True, "roleMappings": [*mappings, mappings[0]],
    })  # fmt: skip
    assert duplicate["integrationUserSyncSave"]["errors"] == [
        {"field": ["roleMappings", "2", "name"], "code": "UNIQUE", "message": "Mapped twice."}
    ]
    assert await models.User.all().count() == 1  # refused: nothing saved, nothing imported

    done = await call(SAVE, admin25, service25, input={"enabled": True, "roleMappings": mappings})
    assert done["integrationUserSyncSave"]["userSync"] == {
        "enabled": True, "defaultRole": "SUBMITTER",
        "roleMappings": [{"match": "ROLE", "name": "sales lead", "role": "APPROVER"},
                         {"match": "PROFILE", "name": "Finance", "role": "ADMIN"}],
    }  # fmt: skip
    roles = {cid: u.role for cid, u in (await by_crm_id()).items()}
    assert roles[crm_id(1)] is models.UserRole.ADMIN
    assert roles[crm_id(2)] is models.UserRole.APPROVER
    assert roles[crm_id(3)] is models.UserRole.APPROVER  # the first mapping that applies wins
    assert roles[crm_id(4)] is models.UserRole.SUBMITTER


async def test_crm_users_list_and_idempotent_manual_import(
    crm25: Crm, service25: SyncService, admin25: models.User
) -> None:
    crm25.store.users[5]["status"] = "inactive"
    await connect(await admin25.org, service25)
    page = (await call(CRM_USERS, admin25, service25, page=1, perPage=4))["crmUsers"]
    assert (page["total"], page["page"], page["perPage"], page["hasNextPage"]) == (25, 1, 4, True)
    assert [n["crmUserId"] for n in page["nodes"]] == [crm_id(i) for i in range(4)]
    assert page["nodes"][0]["importedUser"] is None  # same e-mail, but not linked yet
    assert page["nodes"][0]["profile"] == "Administrator"
    last = (await call(CRM_USERS, admin25, service25, page=7, perPage=4))["crmUsers"]
    assert [n["crmUserId"] for n in last["nodes"]] == [crm_id(24)] and not last["hasNextPage"]

    choice = {"users": [{"crmUserId": crm_id(2), "role": "APPROVER"},
                        {"crmUserId": crm_id(0), "role": "SUBMITTER"}]}  # fmt: skip
    first = (await call(IMPORT, admin25, service25, input=choice))["crmUsersImport"]
    emails = [crm25.store.users[2]["email"], admin25.email]
    assert first["errors"] == []
    assert [u["email"] for u in first["users"]] == emails
    assert [u["role"] for u in first["users"]] == ["APPROVER", "ADMIN"]  # linked: role kept
    assert (first["createdActive"], first["createdInactive"], first["linked"]) == (1, 0, 1)
    before = {(u.id, u.role, u.status, u.crm_user_id) for u in await models.User.all()}

    second = (await call(IMPORT, admin25, service25, input=choice))["crmUsersImport"]
    assert [u["email"] for u in second["users"]] == emails
    assert (second["createdActive"], second["createdInactive"], second["linked"]) == (0, 0, 0)
    assert {(u.id, u.role, u.status, u.crm_user_id) for u in await models.User.all()} == before

    listed = (await call(CRM_USERS, admin25, service25, page=1, perPage=3))["crmUsers"]["nodes"]
    assert listed[2]["importedUser"] == {
        "email": emails[0], "role": "APPROVER", "status": "ACTIVE"
    }  # fmt: skip

    bad = await call(IMPORT, admin25, service25, input={"users": [
        {"crmUserId": crm_id(5), "role": "SUBMITTER"}, {"crmUserId": "404", "role": "SUBMITTER"},
        {"crmUserId": crm_id(6), "role": "SUBMITTER"},
    ]})  # fmt: skip
    assert bad["crmUsersImport"]["errors"] == [
        {"field": ["users", "0", "crmUserId"], "code": "USER_INACTIVE"},
        {"field": ["users", "1", "crmUserId"], "code": "NOT_FOUND"},
    ]
    assert {(u.id, u.role, u.status, u.crm_user_id) for u in await models.User.all()} == before


async def test_manual_import_respects_the_plan_limit(
    crm25: Crm, service25: SyncService, admin25: models.User
) -> None:
    org = await admin25.org
    org.active_user_limit = 3
    await org.save()
    await connect(org, service25)
    choice = {"users": [{"crmUserId": crm_id(i), "role": "SUBMITTER"} for i in (9, 4, 7, 8)]}
    done = (await call(IMPORT, admin25, service25, input=choice))["crmUsersImport"]
    # two seats left: the first two chosen are active, the others inactive
    assert [u["status"] for u in done["users"]] == ["ACTIVE", "ACTIVE", "INACTIVE", "INACTIVE"]
    assert (done["createdActive"], done["createdInactive"]) == (2, 2)
    assert await models.User.filter(status=models.UserStatus.ACTIVE).count() == 3


async def test_deactivation_in_the_crm_reaches_spendsync_with_the_next_sync(
    crm25: Crm, service25: SyncService, admin25: models.User
) -> None:
    org = await admin25.org
    org.active_user_limit = 50
    await org.save()
    await connect(org, service25)
    await call(SAVE, admin25, service25, input={"enabled": True})
    assert await models.User.filter(status=models.UserStatus.ACTIVE).count() == 25

    store = crm25.store
    later = max(u["Modified_Time"] for u in store.users) + timedelta(minutes=1)
    store.users[4].update(status="inactive", Modified_Time=later)
    store.users[6].update(status="deleted", Modified_Time=later)  # Zoho lists it no more
    store.users[0].update(status="inactive", Modified_Time=later)  # the only active admin
    run = await service25.run_now(org.id, "SCHEDULED")
    assert run.status is models.SyncStatus.SUCCEEDED
    user_run = await models.UserSyncRun.get(sync_run_id=run.id)
    assert (user_run.trigger, user_run.status, user_run.fetched, user_run.deactivated) == (
        "SCHEDULED", models.SyncStatus.SUCCEEDED, 22, 2,
    )  # fmt: skip
    users = await by_crm_id()
    assert len(users) == 25  # never deleted
    inactive = {cid for cid, u in users.items() if u.status is models.UserStatus.INACTIVE}
    assert inactive == {crm_id(4), crm_id(6)}
    assert users[crm_id(0)].status is models.UserStatus.ACTIVE  # the last admin stays

    status = (await call(USER_SYNC, admin25, service25))["integrationUserSync"]
    assert status["runs"][0] == {"trigger": "SCHEDULED", "fetched": 22, "deactivated": 2}

    # disabling stops it: the next sync runs without a users sync
    off = await call(SAVE, admin25, service25, input={"enabled": False})
    assert off["integrationUserSyncSave"]["run"] is None
    store.users[8].update(status="inactive", Modified_Time=later)
    second = await service25.run_now(org.id, "SCHEDULED")
    assert not await models.UserSyncRun.filter(sync_run_id=second.id).exists()
    assert (await by_crm_id())[crm_id(8)].status is models.UserStatus.ACTIVE
    refused_now = await call(SYNC_NOW, admin25, service25)
    assert refused_now["integrationUserSyncNow"]["errors"] == [{"code": "SYNC_NOT_CONFIGURED"}]


async def test_submitter_refused_and_tenants_isolated(
    crm25: Crm, service25: SyncService, admin25: models.User
) -> None:
    org = await admin25.org
    await connect(org, service25)
    submitter = await make_user(org, role=models.UserRole.SUBMITTER)
    choice: dict[str, Any] = {"users": [{"crmUserId": crm_id(3), "role": "ADMIN"}]}
    for document, variables in (
        (SAVE, {"input": {"enabled": True}}), (SYNC_NOW, {}), (IMPORT, {"input": choice}),
        (CRM_USERS, {"page": 1, "perPage": 5}), (USER_SYNC, {}),
    ):  # fmt: skip
        assert await refused(document, submitter, service25, **variables) == "FORBIDDEN"
    assert not await models.User.filter(crm_user_id__isnull=False).exists()
    assert not await models.UserSyncRun.exists()
    assert not (await models.Integration.get(org_id=org.id)).users_sync_enabled

    await call(IMPORT, admin25, service25, input=choice)
    other_org = await make_org(name="Other")
    other = await make_user(other_org, role=models.UserRole.ADMIN)
    assert await refused(CRM_USERS, other, service25, page=1, perPage=5) == "NOT_CONNECTED"
    not_connected = await call(IMPORT, other, service25, input=choice)
    assert not_connected["crmUsersImport"]["errors"] == [{"field": None, "code": "NOT_CONNECTED"}]
    await connect(other_org, service25)
    listed = (await call(CRM_USERS, other, service25, page=1, perPage=5))["crmUsers"]["nodes"]
    assert [n["importedUser"] for n in listed] == [None] * 5  # org one's import is not theirs
    assert (await call(USER_SYNC, other, service25))["integrationUserSync"] == {
        "enabled": False, "runs": []
    }  # fmt: skip


async def test_admin_sets_the_plan_limit(admin25: models.User, service25: SyncService) -> None:
    update = """mutation($input: OrganizationUpdateInput!) { organizationUpdate(input: $input) {
        organization { activeUserLimit } errors { field code } } }"""
    bad = await call(update, admin25, service25, input={"activeUserLimit": 0})
    assert bad["organizationUpdate"]["errors"] == [
        {"field": ["activeUserLimit"], "code": "INVALID"}
    ]
    done = await call(update, admin25, service25, input={"activeUserLimit": 40})
    assert done["organizationUpdate"]["organization"] == {"activeUserLimit": 40}
    submitter = await make_user(await admin25.org)
    assert await refused(update, submitter, service25, input={"activeUserLimit": 99}) == "FORBIDDEN"
    assert (await models.Organization.get(id=admin25.org_id)).active_user_limit == 40


async def test_a_refused_users_sync_is_recorded_and_the_customer_sync_still_succeeds(
    admin25: models.User,
) -> None:
    """A token without the users scope: the users sync fails with the CRM's reason, alone."""
    store = CrmStore.generate(seed=3, accounts=3, contacts=5, deals=2, users=5)
    scopes = tuple(s for s in DEFAULT_SCOPES if not s.startswith("ZohoCRM.users"))
    crm = simulator(store, SimulatorConfig(scopes=scopes))
    service = SyncService(CredentialCipher(CredentialCipher.generate_key()), crm.factory)
    org = await admin25.org
    await connect(org, service)
    done = await call(SAVE, admin25, service, input={"enabled": True})
    run = done["integrationUserSyncSave"]["run"]
    assert (run["status"], run["fetched"], run["createdActive"]) == ("FAILED", 0, 0)
    run_row = await models.UserSyncRun.get()
    assert run_row.error_message.startswith("The CRM refused the users sync:")
    sync_run = await service.run_now(org.id, "SCHEDULED")
    assert sync_run.status is models.SyncStatus.SUCCEEDED
    assert sync_run.created == 3 + 2  # the accounts and deals arrived
    followed = await models.UserSyncRun.get(sync_run_id=sync_run.id)
    assert followed.status is models.SyncStatus.FAILED
    assert await models.User.all().count() == 1
