"""Search in CRM and fetch-on-choose through GraphQL against the simulator."""

from __future__ import annotations

from typing import Any

import pytest

from orm import models
from sync.credentials import CredentialCipher
from sync.crm.simulator import CrmStore, SimulatorConfig
from sync.service import SyncService
from tests.factories import make_customer, make_org, make_user
from tests.sync.engine.conftest import CONNECTION, Crm, sync
from tests.sync.engine.crm_fixtures import call, connect, refused, simulator

CONTACTS = """
query($first: String, $last: String) {
  crmSearchContacts(firstName: $first, lastName: $last) {
    crmId firstName lastName email accountCrmId accountName linkedCustomer { id name }
  }
}
"""
ACCOUNTS = """
query($name: String!) {
  crmSearchAccounts(accountName: $name) {
    crmId name phone website linkedCustomer { id name }
    contacts { crmId firstName lastName linkedCustomer { id name } }
  }
}
"""
CHOOSE = """
mutation($input: CrmCustomerChooseInput!) {
  crmCustomerChoose(input: $input) {
    customer { id name type status email phone crmModule crmId }
    errors { field code message }
  }
}
"""


@pytest.fixture
async def member(org: models.Organization) -> models.User:
    """Search and choose are for every member: the tests use a SUBMITTER."""
    return await make_user(org, email="sam@synced.example", role=models.UserRole.SUBMITTER)


async def insert(crm: Crm, module: str, record: dict[str, Any]) -> str:
    async with crm.factory.connect("seed", CONNECTION) as client:
        result = (await client.insert(module, [record]))[0]
    assert result.ok and result.id, result
    return result.id


async def seed(crm: Crm) -> dict[str, str]:
    """An account with two contacts, and a contact without an account."""
    account = await insert(crm, "Accounts", {
        "Account_Name": "Quixotic Widgets Ltd", "Phone": "+44 20 7946 0001",
        "Website": "https://quixotic.example",
    })  # fmt: skip
    ids = {"account": account}
    for key, first, last, with_account in (
        ("zephyrine", "Zephyrine", "Quenbyworth", True),
        ("barnaby", "Barnaby", "Quenbyworth", True),
        ("orphan", "Zephyrine", "Oddfellow", False),
    ):
        record: dict[str, Any] = {
            "First_Name": first, "Last_Name": last, "Email": f"{first}.{last}@example.org",
        }  # fmt: skip
        if with_account:
            record["Account_Name"] = {"id": account}
        ids[key] = await insert(crm, "Contacts", record)
    return ids


def names(rows: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return sorted((r["firstName"], r["lastName"]) for r in rows)


async def test_search_by_first_name_last_name_and_account_name(
    crm: Crm, service: SyncService, org: models.Organization, member: models.User
) -> None:
    ids = await seed(crm)
    await connect(org, service, customer_module=models.CustomerModule.ACCOUNTS_AND_CONTACTS)
    by_first = (await call(CONTACTS, member, service, first="zephyr"))["crmSearchContacts"]
    assert names(by_first) == [("Zephyrine", "Oddfellow"), ("Zephyrine", "Quenbyworth")]
    by_last = (await call(CONTACTS, member, service, last="Quenby"))["crmSearchContacts"]
    assert names(by_last) == [("Barnaby", "Quenbyworth"), ("Zephyrine", "Quenbyworth")]
    both = (await call(CONTACTS, member, service, first="Zeph", last="Quen"))["crmSearchContacts"]
    assert both == [{
        "crmId": ids["zephyrine"], "firstName": "Zephyrine", "lastName": "Quenbyworth",
        "email": "zephyrine.quenbyworth@example.org", "accountCrmId": ids["account"],
        "accountName": "Quixotic Widgets Ltd", "linkedCustomer": None,
    }]  # fmt: skip

    accounts = (await call(ACCOUNTS, member, service, name="quixotic"))["crmSearchAccounts"]
    assert len(accounts) == 1
    account = accounts[0]
    assert (account["crmId"], account["name"], account["phone"], account["website"]) == (
        ids["account"], "Quixotic Widgets Ltd", "+44 20 7946 0001", "https://quixotic.example",
    )  # fmt: skip
    assert names(account["contacts"]) == [("Barnaby", "Quenbyworth"), ("Zephyrine", "Quenbyworth")]
    assert account["linkedCustomer"] is None


async def test_indexing_delay_and_empty_results_are_empty_lists(
    org: models.Organization, member: models.User
) -> None:
    store = CrmStore.generate(seed=7, accounts=5, contacts=5, deals=1, users=2)
    crm = simulator(store, SimulatorConfig(search_index_delay_s=300))
    service = SyncService(CredentialCipher(CredentialCipher.generate_key()), crm.factory)
    code = await refused(CONTACTS, member, service, first="Zephyrine")
    assert code == "NOT_CONNECTED"
    await connect(org, service)
    await seed(crm)  # created a moment ago: not indexed yet
    assert (await call(CONTACTS, member, service, first="Zephyrine"))["crmSearchContacts"] == []
    assert (await call(ACCOUNTS, member, service, name="Quixotic"))["crmSearchAccounts"] == []
    nothing = await call(CONTACTS, member, service, last="Nobody-by-this-name")
    assert nothing["crmSearchContacts"] == []
    assert await refused(CONTACTS, member, service) == "REQUIRED"


async def test_choose_contact_with_accounts_and_contacts_is_idempotent(
    crm: Crm, service: SyncService, org: models.Organization, member: models.User
) -> None:
    ids = await seed(crm)
    integration = await connect(
        org, service, customer_module=models.CustomerModule.ACCOUNTS_AND_CONTACTS
    )
    chosen = await call(
        CHOOSE, member, service, input={"module": "CONTACTS", "crmId": ids["zephyrine"]}
    )
    payload = chosen["crmCustomerChoose"]
    assert payload["errors"] == []
    customer = payload["customer"]
    assert {k: v for k, v in customer.items() if k != "id"} == {
        "name": "Quixotic Widgets Ltd", "type": "BUSINESS", "status": "ACTIVE", "email": None,
        "phone": "+44 20 7946 0001", "crmModule": "ACCOUNTS", "crmId": ids["account"],
    }  # fmt: skip
    person = await models.ContactPerson.get(crm_id=ids["zephyrine"])
    assert (person.first_name, person.last_name, person.is_primary, person.is_active) == (
        "Zephyrine", "Quenbyworth", True, True,
    )  # fmt: skip
    assert (await person.customer).crm_id == ids["account"]

    again = await call(
        CHOOSE, member, service, input={"module": "CONTACTS", "crmId": ids["zephyrine"]}
    )
    assert again["crmCustomerChoose"]["customer"] == customer
    by_account = await call(
        CHOOSE, member, service, input={"module": "ACCOUNTS", "crmId": ids["account"]}
    )
    assert by_account["crmCustomerChoose"]["customer"] == customer
    assert await models.Customer.all().count() == 1
    assert await models.ContactPerson.all().count() == 1

    found = (await call(CONTACTS, member, service, last="Quenbyworth"))["crmSearchContacts"]
    linked = {r["firstName"]: r["linkedCustomer"] for r in found}
    assert linked == {"Zephyrine": {"id": customer["id"], "name": "Quixotic Widgets Ltd"},
                      "Barnaby": None}  # fmt: skip
    account = (await call(ACCOUNTS, member, service, name="Quixotic"))["crmSearchAccounts"][0]
    assert account["linkedCustomer"] == {"id": customer["id"], "name": "Quixotic Widgets Ltd"}

    # the next sync finds the same rows: linked, not duplicated
    run = await sync(crm, integration)
    assert run.failed == 0
    assert await models.Customer.filter(crm_id=ids["account"]).count() == 1
    assert await models.ContactPerson.filter(crm_id=ids["zephyrine"]).count() == 1

    orphan = await call(
        CHOOSE, member, service, input={"module": "CONTACTS", "crmId": ids["orphan"]}
    )
    assert orphan["crmCustomerChoose"]["customer"]["type"] == "INDIVIDUAL"
    assert orphan["crmCustomerChoose"]["customer"]["name"] == "Zephyrine Oddfellow"


async def test_choose_in_contacts_and_accounts_modes(
    crm: Crm, service: SyncService, org: models.Organization, member: models.User
) -> None:
    ids = await seed(crm)
    integration = await connect(org, service, customer_module=models.CustomerModule.CONTACTS)
    first = await call(
        CHOOSE, member, service, input={"module": "CONTACTS", "crmId": ids["barnaby"]}
    )
    customer = first["crmCustomerChoose"]["customer"]
    assert (customer["name"], customer["type"], customer["email"], customer["crmModule"]) == (
        "Barnaby Quenbyworth", "INDIVIDUAL", "barnaby.quenbyworth@example.org", "CONTACTS",
    )  # fmt: skip
    second = await call(
        CHOOSE, member, service, input={"module": "CONTACTS", "crmId": ids["barnaby"]}
    )
    assert second["crmCustomerChoose"]["customer"] == customer
    account = await call(
        CHOOSE, member, service, input={"module": "ACCOUNTS", "crmId": ids["account"]}
    )
    assert account["crmCustomerChoose"]["errors"][0]["code"] == "INVALID"
    missing = await call(CHOOSE, member, service, input={"module": "CONTACTS", "crmId": "123"})
    assert missing["crmCustomerChoose"]["errors"][0]["code"] == "NOT_FOUND"
    assert await models.Customer.all().count() == 1

    integration.customer_module = models.CustomerModule.ACCOUNTS
    await integration.save()
    orphan = await call(
        CHOOSE, member, service, input={"module": "CONTACTS", "crmId": ids["orphan"]}
    )
    assert orphan["crmCustomerChoose"]["errors"][0]["code"] == "INVALID"
    via = await call(CHOOSE, member, service, input={"module": "CONTACTS", "crmId": ids["barnaby"]})
    assert via["crmCustomerChoose"]["customer"]["crmId"] == ids["account"]
    assert not await models.ContactPerson.exists()  # contacts are not persons in ACCOUNTS mode
    found = (await call(CONTACTS, member, service, last="Quenbyworth"))["crmSearchContacts"]
    account_customer = via["crmCustomerChoose"]["customer"]
    assert [r["linkedCustomer"] for r in found] == [
        {"id": account_customer["id"], "name": "Quixotic Widgets Ltd"}
    ] * 2  # choosing either contact gives the account's customer


async def test_skip_policy_returns_the_local_duplicate(
    crm: Crm, service: SyncService, org: models.Organization, member: models.User
) -> None:
    ids = await seed(crm)
    await connect(org, service)  # ACCOUNTS, duplicates SKIP
    local = await make_customer(org, name="quixotic  widgets ltd")
    chosen = await call(
        CHOOSE, member, service, input={"module": "ACCOUNTS", "crmId": ids["account"]}
    )
    assert chosen["crmCustomerChoose"]["customer"]["crmId"] is None
    assert chosen["crmCustomerChoose"]["customer"]["name"] == local.name
    assert await models.Customer.all().count() == 1


async def test_tenants_do_not_see_each_others_links(
    crm: Crm, service: SyncService, org: models.Organization, member: models.User
) -> None:
    ids = await seed(crm)
    await connect(org, service)
    mine = await call(
        CHOOSE, member, service, input={"module": "ACCOUNTS", "crmId": ids["account"]}
    )
    other_org = await make_org(name="Other")
    other = await make_user(other_org, role=models.UserRole.SUBMITTER)
    assert await refused(ACCOUNTS, other, service, name="Quixotic") == "NOT_CONNECTED"
    not_connected = await call(
        CHOOSE, other, service, input={"module": "ACCOUNTS", "crmId": ids["account"]}
    )
    assert not_connected["crmCustomerChoose"]["errors"][0]["code"] == "NOT_CONNECTED"

    await connect(other_org, service)
    seen = (await call(ACCOUNTS, other, service, name="Quixotic"))["crmSearchAccounts"][0]
    assert seen["linkedCustomer"] is None
    theirs = await call(
        CHOOSE, other, service, input={"module": "ACCOUNTS", "crmId": ids["account"]}
    )
    assert (
        theirs["crmCustomerChoose"]["customer"]["id"] != mine["crmCustomerChoose"]["customer"]["id"]
    )
    assert await models.Customer.filter(org_id=other_org.id).count() == 1
    assert await models.Customer.filter(org_id=org.id).count() == 1


async def test_a_choice_racing_a_sync_returns_the_row_the_sync_linked(
    crm: Crm, service: SyncService, org: models.Organization, member: models.User,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """The sync links the record between the choice's read and its insert: the unique link
    refuses the second insert, and the choice returns the sync's customer (no 500)."""
    from tortoise.exceptions import IntegrityError

    from sync.engine import local

    ids = await seed(crm)
    await connect(org, service)
    synced = await make_customer(org, name="Quixotic Widgets Ltd",
                                 crm_module=models.CrmModule.ACCOUNTS, crm_id=ids["account"])  # fmt: skip

    async def lost_the_race(*args: Any, **kwargs: Any) -> list[str]:
        raise IntegrityError("UNIQUE constraint failed: customer.org_id, crm_module, crm_id")

    monkeypatch.setattr(local, "write_customers", lost_the_race)
    chosen = await call(
        CHOOSE, member, service, input={"module": "ACCOUNTS", "crmId": ids["account"]}
    )
    assert chosen["crmCustomerChoose"]["errors"] == []
    assert chosen["crmCustomerChoose"]["customer"]["crmId"] == ids["account"]
    assert await models.Customer.filter(org_id=org.id).count() == 1
    assert (await models.Customer.get(org_id=org.id)).id == synced.id
