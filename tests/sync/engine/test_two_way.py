"""TWO_WAY: local customers are pushed to the CRM; changes on both sides are conflicts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from orm import models
from resolvers.customers import AddressData, CustomerData, save_customer
from tests.conftest import dotted, execute
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


CUSTOMER_CREATE = """
mutation($input: CustomerCreateInput!) {
  customerCreate(input: $input) {
    customer { id customFields { apiName value } } errors { field code message }
  }
}
"""
CUSTOMER_UPDATE = """
mutation($input: CustomerUpdateInput!) {
  customerUpdate(input: $input) { customer { id } errors { field code message } }
}
"""


async def _custom_fields(org: models.Organization) -> None:
    for label, kind, options in (("Industry", models.CustomFieldType.PICKLIST,
                                  ["Technology", "Retail"]),
                                 ("Employees", models.CustomFieldType.NUMBER, []),
                                 ("Region", models.CustomFieldType.TEXT, [])):  # fmt: skip
        await models.CustomField.create(
            org=org, label=label, api_name=label.lower(), data_type=kind, options=options
        )


async def test_the_mapping_decides_what_is_pushed(
    crm: Crm, org: models.Organization, admin: models.User
) -> None:
    # given a two-way account sync whose mapping includes shipping parts and custom fields
    await _custom_fields(org)
    integration = await _two_way(org)
    integration.account_field_map = {
        "name": "Account_Name", "phone": "Phone", "shipping_city": "Shipping_City",
        "shipping_country": "Shipping_Country", "billing_state": "Billing_State",
        "custom:industry": "Industry", "custom:employees": "Employees",
    }  # fmt: skip
    await integration.save()
    await sync(crm, integration)
    viewer = viewer_for(admin)
    # when an admin creates a customer with those values (and an unmapped custom field)
    created = await execute(CUSTOMER_CREATE, {"input": {
        "name": "Omega Shipping Ltd", "type": "BUSINESS",
        "shippingAddress": {"city": "Rotterdam", "country": "Netherlands"},
        "billingAddress": {"state": "Zuid-Holland"},
        "customFields": [{"apiName": "industry", "value": "Retail"},
                         {"apiName": "employees", "value": "120"},
                         {"apiName": "region", "value": "Benelux"}],
    }}, viewer=viewer)  # fmt: skip
    assert created.errors is None, created.errors
    payload = created.data["customerCreate"]
    assert payload["errors"] == []
    assert {f["apiName"]: f["value"] for f in payload["customer"]["customFields"]} == {
        "industry": "Retail",
        "employees": "120",
        "region": "Benelux",
    }
    run = await sync(crm, integration)
    # then the CRM account carries exactly the mapped values
    assert (run.pushed, run.failed) == (1, 0)
    found = _crm_account(crm, "Omega Shipping Ltd")
    assert found is not None
    account = found[1]
    assert (account["Shipping_City"], account["Shipping_Country"], account["Billing_State"]) == (
        "Rotterdam", "Netherlands", "Zuid-Holland"
    )  # fmt: skip
    assert (account["Industry"], account["Employees"]) == ("Retail", 120)
    assert "Benelux" not in account.values()  # "region" is not mapped
    # and a later change of a custom field travels too; clearing one clears it in the CRM
    customer_id = payload["customer"]["id"]
    changed = await execute(CUSTOMER_UPDATE, {"input": {"id": customer_id, "customFields": [
        {"apiName": "employees", "value": "135"}, {"apiName": "industry", "value": None}]}},
        viewer=viewer)  # fmt: skip
    assert changed.data["customerUpdate"]["errors"] == []
    again = await sync(crm, integration)
    assert (again.pushed, again.conflicts) == (1, 0)
    assert crm.store.records["Accounts"][found[0]]["Employees"] == 135
    assert crm.store.records["Accounts"][found[0]].get("Industry") in (None, "-None-")
    stored = await models.Customer.get(name="Omega Shipping Ltd")
    assert stored.custom_values == {"industry": None, "employees": "135", "region": "Benelux"}


async def test_contacts_push_their_mailing_address(crm: Crm, org: models.Organization,
                                                   admin: models.User) -> None:  # fmt: skip
    integration = await make_integration(
        org, customer_module=models.CustomerModule.CONTACTS, extent=models.SyncExtent.TWO_WAY
    )
    await sync(crm, integration)
    created = await save_customer(viewer_for(admin), None, CustomerData(
        name="Ada Lovelace", type=models.CustomerType.INDIVIDUAL, email="ada@engines.example",
        mobile="+44 20 7946 0000",
        billing=AddressData(city="London", code="NW1", country="United Kingdom"),
    ))  # fmt: skip
    assert created.value is not None
    run = await sync(crm, integration)
    assert (run.pushed, run.failed) == (1, 0)
    contact = next(c for c in crm.store.records["Contacts"].values()
                   if c.get("Email") == "ada@engines.example")  # fmt: skip
    assert (contact["First_Name"], contact["Last_Name"], contact["Mobile"]) == (
        "Ada", "Lovelace", "+44 20 7946 0000"
    )  # fmt: skip
    assert (contact["Mailing_City"], contact["Mailing_Zip"], contact["Mailing_Country"]) == (
        "London", "NW1", "United Kingdom"
    )  # fmt: skip


async def test_custom_field_values_are_checked_and_nothing_changes(
    org: models.Organization, admin: models.User
) -> None:
    await _custom_fields(org)
    refused = await execute(CUSTOMER_CREATE, {"input": {
        "name": "Nope Ltd", "type": "BUSINESS",
        "customFields": [{"apiName": "industry", "value": "Mining"},
                         {"apiName": "employees", "value": "many"},
                         {"apiName": "unknown", "value": "x"}],
    }}, viewer=viewer_for(admin))  # fmt: skip
    errors = refused.data["customerCreate"]["errors"]
    assert {(dotted(e["field"]), e["code"]) for e in errors} == {
        ("customFields.0.value", "INVALID"), ("customFields.1.value", "INVALID"),
        ("customFields.2.apiName", "NOT_FOUND"),
    }  # fmt: skip
    assert "one of: Technology, Retail" in errors[0]["message"]
    assert not await models.Customer.filter(name="Nope Ltd").exists()
