"""Disable, enable and delete the integration through GraphQL, against the simulator."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from orm import models
from sync import jobs
from sync.service import SyncService
from tests.factories import (
    make_category,
    make_customer,
    make_expense,
    make_org,
    make_potential,
    make_report,
    make_user,
)
from tests.sync.engine.conftest import Crm, sync
from tests.sync.engine.lifecycle_support import connected, gql

DISABLE = "mutation { integrationDisable { integration { state } errors { code message } } }"
ENABLE = "mutation { integrationEnable { integration { state } errors { code message } } }"
DELETE = """
mutation($mode: DeletionMode!) {
  integrationDelete(input: {mode: $mode}) { deletion { status mode } errors { code message } }
}
"""
SYNC_NOW = "mutation { integrationSyncNow { run { status } errors { code } } }"
SAVE = """
mutation { integrationCustomerSettingsSave(input: {customerModule: ACCOUNTS}) {
  errors { code } } }
"""
STATE = "{ integration { state clientId crmOrganization { id } } }"
DELETION = """{ integrationDeletion { status mode convertedCustomers convertedPotentials
  deletedCustomers deletedPotentials } }"""
NOTIFICATIONS = """
{ notificationUnreadCount
  notifications { nodes { id kind title body readAt } } }
"""
MARK_ALL = "mutation { notificationsMarkRead(input: {}) { marked unreadCount errors { code } } }"


@pytest.fixture
async def admin(org: models.Organization) -> models.User:
    return await make_user(org, email="admin@synced.example", role=models.UserRole.ADMIN)


@dataclass
class Used:
    """Synced records put to use by expenses and reports, and the expected survivors."""

    customers: set[int]
    potentials: set[int]
    expenses: dict[int, int | None]  # expense id → its customer id


async def _synced_world(
    crm: Crm, service: SyncService, org: models.Organization, admin: models.User
) -> Used:
    integration = await connected(
        org, service, customer_module=models.CustomerModule.ACCOUNTS_AND_CONTACTS,
        include_orphan_contacts=True,
    )  # fmt: skip
    run = await sync(crm, integration)
    assert run.failed == 0
    customers = await models.Customer.filter(org_id=org.id).order_by("crm_id")
    potentials = await models.Potential.filter(org_id=org.id, customer_id__isnull=False).order_by(
        "crm_id"
    )
    assert all(c.crm_id for c in customers) and len(potentials) > 4
    by_id = {c.id: c for c in customers}
    with_deal = {p.customer_id for p in potentials} | {p.contact_customer_id for p in potentials}
    free = [c for c in customers if c.id not in with_deal]  # no deal points at them
    persons = await models.ContactPerson.filter(org_id=org.id, customer_id__in=[c.id for c in free])
    assert len(free) >= 4 and persons
    category = await make_category(org)
    deal, report_deal = potentials[0], potentials[1]
    direct, reported = free[0], free[1]
    attended = by_id[persons[0].customer_id]
    # a local (never synced) potential on a synced customer keeps that customer
    local_owner = next(c for c in free if c.id not in {direct.id, reported.id, attended.id})
    local_potential = await make_potential(org, local_owner, name="Local deal")
    e1 = await make_expense(admin, category, customer=direct)
    e2 = await make_expense(admin, category, potential=deal, customer_id=deal.customer_id)
    e3 = await make_expense(admin, category)
    await models.ExpenseAttendee.create(
        org_id=org.id, expense=e3, contact_person=persons[0], name="Guest"
    )
    await make_report(admin, customer=reported)
    await make_report(admin, potential=report_deal, customer_id=report_deal.customer_id)
    kept_customers = {direct.id, reported.id, attended.id, local_owner.id}
    for p in (deal, report_deal):
        kept_customers |= {i for i in (p.customer_id, p.contact_customer_id) if i}
    return Used(
        customers=kept_customers,
        potentials={deal.id, report_deal.id, local_potential.id},
        expenses={e1.id: direct.id, e2.id: deal.customer_id, e3.id: None},
    )


async def test_delete_keep_with_transactions(
    crm: Crm, service: SyncService, org: models.Organization, admin: models.User
) -> None:
    used = await _synced_world(crm, service, org, admin)
    plain = await make_customer(org, name="Never synced")
    other_admin = await make_user(org, role=models.UserRole.ADMIN)
    submitter = await make_user(org)
    before = await models.Customer.filter(org_id=org.id).count()

    refused = await gql(DELETE, admin, service, mode="KEEP_WITH_TRANSACTIONS")
    assert refused["integrationDelete"]["deletion"] is None
    assert refused["integrationDelete"]["errors"][0]["code"] == "INTEGRATION_NOT_DISABLED"
    assert await models.Customer.filter(org_id=org.id).count() == before
    assert not await models.IntegrationDeletion.exists()

    assert (await gql(DISABLE, admin, service))["integrationDisable"]["integration"] == {
        "state": "DISABLED"
    }
    asked = await gql(DELETE, admin, service, mode="KEEP_WITH_TRANSACTIONS")
    assert asked["integrationDelete"] == {
        "deletion": {"status": "QUEUED", "mode": "KEEP_WITH_TRANSACTIONS"}, "errors": [],
    }  # fmt: skip
    await service.deletions.idle()

    remaining = await models.Customer.filter(org_id=org.id)
    assert {c.id for c in remaining} == used.customers | {plain.id}
    assert all(c.crm_id is None and c.crm_module is None for c in remaining)
    potentials = await models.Potential.filter(org_id=org.id)
    assert {p.id for p in potentials} == used.potentials
    assert all(p.crm_id is None and p.crm_account_id is None for p in potentials)
    persons = await models.ContactPerson.filter(org_id=org.id)
    assert {p.customer_id for p in persons} <= used.customers
    assert all(p.crm_id is None for p in persons)
    for expense_id, customer_id in used.expenses.items():
        assert (await models.Expense.get(id=expense_id)).customer_id == customer_id
    assert await models.ExpenseAttendee.filter(org_id=org.id).count() == 1

    state = (await gql(STATE, admin, service))["integration"]
    assert state == {"state": "NOT_CONNECTED", "clientId": None, "crmOrganization": None}
    assert not await models.Integration.filter(org_id=org.id).exists()  # credentials gone
    assert not await models.SyncCursor.filter(org_id=org.id).exists()
    deletion = (await gql(DELETION, admin, service))["integrationDeletion"]
    assert deletion["status"] == "SUCCEEDED"
    assert deletion["convertedPotentials"] == 2  # the local one was never synced
    assert deletion["convertedCustomers"] == len(used.customers)
    assert deletion["convertedCustomers"] + deletion["deletedCustomers"] == before - 1

    for user in (admin, other_admin):
        seen = await gql(NOTIFICATIONS, user, None)
        assert seen["notificationUnreadCount"] == 1
        [note] = seen["notifications"]["nodes"]
        assert note["kind"] == "INTEGRATION_DELETED"
        assert note["title"] == "The CRM integration was deleted."
        assert "Kept the records with transactions" in note["body"] and note["readAt"] is None
    assert (await gql(NOTIFICATIONS, submitter, None))["notificationUnreadCount"] == 0
    marked = await gql(MARK_ALL, admin, None)
    assert marked["notificationsMarkRead"] == {"marked": 1, "unreadCount": 0, "errors": []}
    assert (await gql(NOTIFICATIONS, other_admin, None))["notificationUnreadCount"] == 1


async def test_delete_convert_all_keeps_every_record_without_links(
    crm: Crm, service: SyncService, org: models.Organization, admin: models.User
) -> None:
    used = await _synced_world(crm, service, org, admin)
    customers = {c.id for c in await models.Customer.filter(org_id=org.id)}
    potentials = {p.id for p in await models.Potential.filter(org_id=org.id)}
    persons = {p.id for p in await models.ContactPerson.filter(org_id=org.id)}
    await gql(DISABLE, admin, service)
    await gql(DELETE, admin, service, mode="CONVERT_ALL")
    await service.deletions.idle()

    after = await models.Customer.filter(org_id=org.id)
    assert {c.id for c in after} == customers
    assert all(c.crm_id is None and c.crm_module is None for c in after)
    after_potentials = await models.Potential.filter(org_id=org.id)
    assert {p.id for p in after_potentials} == potentials
    assert all(p.crm_id is None for p in after_potentials)
    assert {p.id for p in await models.ContactPerson.filter(org_id=org.id, crm_id=None)} == persons
    for expense_id, customer_id in used.expenses.items():
        assert (await models.Expense.get(id=expense_id)).customer_id == customer_id
    deletion = (await gql(DELETION, admin, service))["integrationDeletion"]
    assert deletion == {
        "status": "SUCCEEDED", "mode": "CONVERT_ALL", "convertedCustomers": len(customers),
        "convertedPotentials": len(potentials) - 1, "deletedCustomers": 0,
        "deletedPotentials": 0,
    }  # fmt: skip
    assert (await gql(NOTIFICATIONS, admin, None))["notificationUnreadCount"] == 1


async def test_disabled_refuses_syncs_keeps_data_and_can_be_enabled(
    crm: Crm, service: SyncService, org: models.Organization, admin: models.User
) -> None:
    await connected(org, service)
    first = await service.run_now(org.id, "INITIAL")
    assert first.status is models.SyncStatus.SUCCEEDED
    customers = await models.Customer.filter(org_id=org.id).count()
    runs = await models.SyncRun.filter(org_id=org.id).count()
    assert customers > 0

    await gql(DISABLE, admin, service)
    again = await gql(DISABLE, admin, service)  # disabling twice changes nothing
    assert again["integrationDisable"] == {"integration": {"state": "DISABLED"}, "errors": []}
    refused = await gql(SYNC_NOW, admin, service)
    assert refused["integrationSyncNow"]["run"] is None
    assert refused["integrationSyncNow"]["errors"] == [{"code": "INTEGRATION_DISABLED"}]
    saved = await gql(SAVE, admin, service)
    assert saved["integrationCustomerSettingsSave"]["errors"] == [{"code": "INTEGRATION_DISABLED"}]
    # a job queued before the integration was disabled does not sync either
    stale = await service.run_now(org.id, "SCHEDULED")
    assert stale.status is models.SyncStatus.CANCELLED
    assert stale.error_message == "The integration is disabled."
    assert await models.SyncRun.filter(org_id=org.id).count() == runs + 1
    assert await models.Customer.filter(org_id=org.id).count() == customers

    assert (await gql(ENABLE, admin, service))["integrationEnable"]["integration"] == {
        "state": "CONNECTED"
    }
    started = await gql(SYNC_NOW, admin, service)
    assert started["integrationSyncNow"]["errors"] == []
    await service.aclose_when_idle()
    latest = await models.SyncRun.filter(org_id=org.id).order_by("-id").first()
    assert latest is not None and latest.status is models.SyncStatus.SUCCEEDED


async def test_scheduled_tick_skips_disabled_organisations(
    crm: Crm, service: SyncService, org: models.Organization
) -> None:
    due = datetime.now(UTC) - timedelta(minutes=1)
    await connected(org, service, next_sync_at=due)
    other = await make_org(name="Paused", base_currency="USD")
    await connected(other, service, next_sync_at=due, state=models.IntegrationState.DISABLED)
    started = await service.tick()
    assert [run.org_id for run in started] == [org.id]
    await service.aclose_when_idle()
    assert not await models.SyncRun.filter(org_id=other.id).exists()


async def test_enable_refused_while_deleting_and_delete_asked_twice_returns_the_same_job(
    service: SyncService, org: models.Organization, admin: models.User
) -> None:
    await connected(org, service, state=models.IntegrationState.DISABLED)
    service.deletions.defer = _never_runs  # the job stays queued
    first = await gql(DELETE, admin, service, mode="CONVERT_ALL")
    second = await gql(DELETE, admin, service, mode="KEEP_WITH_TRANSACTIONS")
    assert first["integrationDelete"]["deletion"] == second["integrationDelete"]["deletion"]
    assert await models.IntegrationDeletion.filter(org_id=org.id).count() == 1
    refused = await gql(ENABLE, admin, service)
    assert refused["integrationEnable"]["errors"][0]["code"] == "DELETION_IN_PROGRESS"
    assert (await models.Integration.get(org_id=org.id)).state is models.IntegrationState.DISABLED


async def _never_runs(deletion_id: int) -> None:
    return None


@pytest.mark.postgres
@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
async def test_the_worker_task_runs_the_deletion(
    crm: Crm, service: SyncService, org: models.Organization, admin: models.User
) -> None:
    """With PostgreSQL the deletion is a procrastinate job: its task does the whole work."""
    integration = await connected(org, service, state=models.IntegrationState.DISABLED)
    await models.Customer.create(
        org=org, name="Linked", type=models.CustomerType.BUSINESS,
        crm_module=models.CrmModule.ACCOUNTS, crm_id="42",
    )  # fmt: skip
    deletion = await models.IntegrationDeletion.create(
        org_id=integration.org_id, mode=models.DeletionMode.KEEP_WITH_TRANSACTIONS
    )
    jobs.runtime.service = service
    try:
        await jobs.delete_integration(deletion_id=deletion.id)
    finally:
        jobs.runtime.service = None
    await deletion.refresh_from_db()
    assert deletion.status is models.DeletionStatus.SUCCEEDED
    assert deletion.deleted_customers == 1
    assert not await models.Customer.filter(org_id=org.id).exists()
    assert not await models.Integration.filter(org_id=org.id).exists()


async def test_a_deletion_left_running_by_a_stopped_process_resumes_when_asked_again(
    service: SyncService, org: models.Organization, admin: models.User
) -> None:
    await connected(org, service, state=models.IntegrationState.DISABLED)
    linked = await make_customer(
        org, name="Linked", crm_module=models.CrmModule.ACCOUNTS, crm_id="7"
    )
    stale = await models.IntegrationDeletion.create(
        org_id=org.id, mode=models.DeletionMode.CONVERT_ALL, status=models.DeletionStatus.RUNNING
    )
    asked = await gql(DELETE, admin, service, mode="KEEP_WITH_TRANSACTIONS")
    assert asked["integrationDelete"]["deletion"] == {"status": "RUNNING", "mode": "CONVERT_ALL"}
    await service.deletions.idle()
    await stale.refresh_from_db()
    assert stale.status is models.DeletionStatus.SUCCEEDED
    await linked.refresh_from_db()
    assert linked.crm_id is None  # converted, as the stale request said


async def test_the_periodic_task_of_the_workers_skips_disabled_organisations(
    service: SyncService, org: models.Organization, monkeypatch: pytest.MonkeyPatch
) -> None:
    due = datetime.now(UTC) - timedelta(minutes=1)
    await connected(org, service, next_sync_at=due)
    other = await make_org(name="Paused", base_currency="USD")
    await connected(other, service, next_sync_at=due, state=models.IntegrationState.DISABLED)
    deferred: list[tuple[int, str]] = []

    async def record(org_id: int, trigger: str) -> bool:
        deferred.append((org_id, trigger))
        return True

    monkeypatch.setattr(jobs, "defer_sync", record)
    jobs.runtime.service = service
    try:
        await jobs.defer_due_syncs(timestamp=0)
    finally:
        jobs.runtime.service = None
    assert deferred == [(org.id, "SCHEDULED")]
