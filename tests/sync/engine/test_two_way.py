"""TWO_WAY: local customers are pushed to the CRM; changes on both sides are conflicts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from orm import models
from resolvers.customers import CustomerData, save_customer
from tests.factories import make_user, viewer_for
from tests.sync.engine.conftest import Crm, make_integration, sync


@pytest.fixture
async def admin(org: models.Organization) -> models.User:
    return await make_user(org, role=models.UserRole.ADMIN)


async def _two_way(
    org: models.Organization, policy: models.ConflictPolicy = models.ConflictPolicy.CRM_WINS
) -> models.Integration:
    return await make_integration(
        org,
        customer_module=models.CustomerModule.ACCOUNTS,
        extent=models.SyncExtent.TWO_WAY,
        conflict_policy=policy,
    )


def _crm_account(crm: Crm, name: str) -> tuple[str, dict[str, object]] | None:
    return next(
        ((i, a) for i, a in crm.store.records["Accounts"].items() if a["Account_Name"] == name),
        None,
    )


async def test_local_customers_are_pushed_and_linked(
    crm: Crm, org: models.Organization, admin: models.User
) -> None:
    integration = await _two_way(org)
    await sync(crm, integration)
    created = await save_customer(viewer_for(admin), None, CustomerData(
        name="Zeta Local Holdings", type=models.CustomerType.BUSINESS, phone="+1 555 0100"))  # fmt: skip
    assert created.value is not None and created.value.sync_dirty

    run = await sync(crm, integration)
    problems = await models.SyncRecordError.filter(run_id=run.id).values_list("message", flat=True)
    assert (run.pushed, run.failed, run.conflicts, problems) == (1, 0, 0, [])
    found = _crm_account(crm, "Zeta Local Holdings")
    assert found is not None and found[1]["Phone"] == "+1 555 0100"
    customer = await models.Customer.get(id=created.value.id)
    assert (customer.crm_module, customer.crm_id, customer.sync_dirty) == (
        models.CrmModule.ACCOUNTS,
        found[0],
        False,
    )

    quiet = await sync(crm, integration)
    assert (quiet.pushed, quiet.created, quiet.updated) == (0, 0, 0)

    changed = await save_customer(viewer_for(admin), customer.id, CustomerData(phone="+1 555 0199"))
    assert changed.value is not None
    again = await sync(crm, integration)
    problems = await models.SyncRecordError.filter(run_id=again.id).values_list(
        "message", flat=True
    )
    assert (again.pushed, again.conflicts, again.updated, problems) == (1, 0, 0, [])
    assert crm.store.records["Accounts"][found[0]]["Phone"] == "+1 555 0199"
    assert await models.Customer.filter(name="Zeta Local Holdings").count() == 1


@pytest.mark.parametrize("policy", list(models.ConflictPolicy))
async def test_changes_on_both_sides_are_conflicts(
    crm: Crm, org: models.Organization, admin: models.User, policy: models.ConflictPolicy
) -> None:
    integration = await _two_way(org, policy)
    await sync(crm, integration)
    crm_id, account = next(iter(crm.store.records["Accounts"].items()))
    customer = await models.Customer.get(crm_id=crm_id)
    await save_customer(viewer_for(admin), customer.id, CustomerData(name="Renamed Here"))
    account["Account_Name"] = "Renamed There"
    account["Modified_Time"] = datetime.now(UTC)
    crm.store.touch("Accounts")

    run = await sync(crm, integration)
    assert run.conflicts == 1
    errors = await models.SyncRecordError.filter(run_id=run.id).values_list("crm_id", "message")
    assert [(crm_id, True) for crm_id, _ in errors] == [(crm_id, True)]
    await customer.refresh_from_db()
    if policy is models.ConflictPolicy.CRM_WINS:
        assert (customer.name, customer.sync_dirty) == ("Renamed There", False)
        assert account["Account_Name"] == "Renamed There"
    else:
        assert (customer.name, customer.sync_dirty) == ("Renamed Here", False)
        assert crm.store.records["Accounts"][crm_id]["Account_Name"] == "Renamed Here"


async def test_a_change_the_fetch_did_not_see_is_caught_by_if_unmodified_since(
    crm: Crm, org: models.Organization, admin: models.User
) -> None:
    integration = await _two_way(org)
    await sync(crm, integration)
    crm_id, account = next(iter(crm.store.records["Accounts"].items()))
    customer = await models.Customer.get(crm_id=crm_id)
    await save_customer(viewer_for(admin), customer.id, CustomerData(name="Renamed Here"))
    # changed in the CRM after our copy, but dated before the bookmark: the fetch skips it
    assert customer.crm_modified_at is not None
    account["Account_Name"] = "Changed Quietly"
    account["Modified_Time"] = customer.crm_modified_at + timedelta(seconds=1)
    crm.store.touch("Accounts")
    run = await sync(crm, integration)
    assert (run.conflicts, run.pushed) == (1, 0)
    await customer.refresh_from_db()
    assert (customer.name, customer.sync_dirty) == ("Changed Quietly", False)
