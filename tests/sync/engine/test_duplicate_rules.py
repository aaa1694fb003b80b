"""The duplicate policy against data seeded through the CRM's own API: a two-way push never
changes what the policy keeps, the CRM's own duplicates merge under OVERWRITE, and a deal
follows its account (docs/SYNC.md, "Links and duplicates")."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from orm import models
from resolvers.customers import AddressData, CustomerData, save_customer
from sync.crm.simulator import CrmStore
from tests.factories import make_category, make_expense, make_report, make_user, viewer_for
from tests.sync.engine.conftest import CONNECTION, Crm, make_integration, sync
from tests.sync.engine.crm_fixtures import simulator

ACCOUNTS, CONTACTS = models.CustomerModule.ACCOUNTS, models.CustomerModule.CONTACTS
BUSINESS, INDIVIDUAL = models.CustomerType.BUSINESS, models.CustomerType.INDIVIDUAL


@pytest.fixture
def crm() -> Crm:
    """A CRM holding only what each test seeds."""
    return simulator(CrmStore.generate(seed=5, accounts=0, contacts=0, deals=0, users=2))


@pytest.fixture
async def admin(org: models.Organization) -> models.User:
    return await make_user(org, role=models.UserRole.ADMIN)


async def crm_insert(crm: Crm, module: str, *records: dict[str, Any]) -> list[str]:
    """Records created through the CRM's insert API, as a CRM user would."""
    async with crm.factory.connect("seed", CONNECTION) as client:
        results = await client.insert(module, list(records), trigger=[])
    assert all(r.ok for r in results), results
    return [str(r.id) for r in results]


def crm_writes(crm: Crm) -> list[str]:
    """Record writes the sync sent to the CRM (token requests aside)."""
    return [
        f"{r.method} {r.url.path}"
        for r in crm.requests
        if r.method in ("POST", "PUT", "PATCH", "DELETE") and "/crm/" in r.url.path
    ]


async def messages(run: models.SyncRun) -> list[str]:
    found = await models.SyncRecordError.filter(run_id=run.id).values_list("message", flat=True)
    return [str(m) for m in found]


def snapshot(crm: Crm, module: str) -> dict[str, dict[str, Any]]:
    return {i: dict(r) for i, r in crm.store.records[module].items()}


# -- two-way push and the duplicate policy -----------------------------------------------------


async def _seed_duplicate(
    crm: Crm, admin: models.User, module: models.CustomerModule
) -> tuple[str, str, models.Customer]:
    """The CRM's "Acme Ltd" (Berlin) or contact Jane Doe (Berlin), and a local duplicate of it
    in Munich, created in Spendsync (marked for the push). Returns (CRM module, CRM id,
    local customer)."""
    if module is ACCOUNTS:
        [crm_id] = await crm_insert(
            crm, "Accounts", {"Account_Name": "Acme Ltd", "Billing_City": "Berlin"}
        )
        data = CustomerData(name="Acme Ltd", type=BUSINESS, billing=AddressData(city="Munich"))
        crm_module = "Accounts"
    else:
        [crm_id] = await crm_insert(crm, "Contacts", {
            "First_Name": "Jane", "Last_Name": "Doe", "Email": "jane@doe.example",
            "Mailing_City": "Berlin",
        })  # fmt: skip
        data = CustomerData(
            name="Jane Doe", type=INDIVIDUAL, email="JANE@doe.example",
            billing=AddressData(city="Munich"),
        )  # fmt: skip
        crm_module = "Contacts"
    created = await save_customer(viewer_for(admin), None, data)
    assert created.value is not None and created.value.sync_dirty
    return crm_module, crm_id, created.value


@pytest.mark.parametrize("module", [ACCOUNTS, CONTACTS])
async def test_skip_never_pushes_the_local_duplicate(
    crm: Crm, org: models.Organization, admin: models.User, module: models.CustomerModule
) -> None:
    # given a two-way sync with SKIP and a local customer duplicating a CRM record
    crm_module, crm_id, local = await _seed_duplicate(crm, admin, module)
    before = snapshot(crm, crm_module)
    integration = await make_integration(
        org, customer_module=module, extent=models.SyncExtent.TWO_WAY,
        duplicate_policy=models.DuplicatePolicy.SKIP,
    )  # fmt: skip
    crm.requests.clear()
    # when it syncs twice, the local customer being edited in between
    first = await sync(crm, integration)
    await save_customer(viewer_for(admin), local.id, CustomerData(phone="+49 89 0001"))
    second = await sync(crm, integration)
    # then the CRM is exactly as it was: nothing written, nothing added
    assert crm_writes(crm) == []
    assert snapshot(crm, crm_module) == before
    # and the local customer stays as it is, unlinked and unmarked, with the reason recorded
    await local.refresh_from_db()
    assert (local.crm_id, local.sync_dirty, local.crm_duplicate_of) == (None, False, crm_id)
    assert local.billing_city == "Munich"
    assert not await models.Customer.filter(crm_id=crm_id).exists()
    assert (first.pushed, second.pushed, first.failed, second.failed) == (0, 0, 0, 0)
    reason = f"SKIPPED: a duplicate of the CRM record {crm_id}; not pushed (duplicate policy SKIP)."
    assert reason in await messages(first)
    assert reason in await messages(second)


@pytest.mark.parametrize("module", [ACCOUNTS, CONTACTS])
async def test_clone_inserts_and_a_refused_clone_is_not_repeated(
    crm: Crm, org: models.Organization, admin: models.User, module: models.CustomerModule
) -> None:
    # given a two-way sync with CLONE and a local customer duplicating a CRM record, which the
    # CRM's own duplicate check (Account_Name, Email) refuses to create twice
    crm_module, crm_id, local = await _seed_duplicate(crm, admin, module)
    before = snapshot(crm, crm_module)
    integration = await make_integration(
        org, customer_module=module, extent=models.SyncExtent.TWO_WAY,
        duplicate_policy=models.DuplicatePolicy.CLONE,
    )  # fmt: skip
    crm.requests.clear()
    first = await sync(crm, integration)
    # then the clone is sent as a plain insert (never an upsert), which the CRM refuses
    assert crm_writes(crm) == [f"POST /crm/v8/{crm_module}"]
    assert snapshot(crm, crm_module) == before
    await local.refresh_from_db()
    assert (local.crm_id, local.sync_dirty, local.billing_city) == (None, False, "Munich")
    assert (first.cloned, first.pushed, first.failed) == (1, 0, 1)
    [refusal] = await messages(first)
    assert refusal.startswith("The CRM refused the push: duplicate data (DUPLICATE_DATA:")
    assert crm_id in refusal
    # and the CRM's record became its own customer, with the CRM's values
    clone = await models.Customer.get(crm_id=crm_id)
    assert clone.id != local.id and clone.billing_city == "Berlin"
    # and no later run writes the CRM again
    crm.requests.clear()
    second = await sync(crm, integration)
    assert crm_writes(crm) == []
    assert (second.pushed, second.failed) == (0, 0)
    assert snapshot(crm, crm_module) == before
    await clone.refresh_from_db()
    assert clone.billing_city == "Berlin"


async def test_a_clone_the_crm_accepts_is_a_new_crm_record(
    crm: Crm, org: models.Organization, admin: models.User
) -> None:
    # given a local near-duplicate of the CRM's "Acme  Ltd": one customer for our rule (case
    # and spacing ignored), another name for the CRM's exact duplicate check
    [crm_id] = await crm_insert(
        crm, "Accounts", {"Account_Name": "Acme  Ltd", "Billing_City": "Berlin"}
    )
    before = snapshot(crm, "Accounts")
    near = await save_customer(viewer_for(admin), None, CustomerData(
        name="ACME Ltd", type=BUSINESS, billing=AddressData(city="Hamburg")))  # fmt: skip
    assert near.value is not None
    integration = await make_integration(
        org, customer_module=ACCOUNTS, extent=models.SyncExtent.TWO_WAY,
        duplicate_policy=models.DuplicatePolicy.CLONE,
    )  # fmt: skip
    crm.requests.clear()
    run = await sync(crm, integration)
    # then it is inserted as a new CRM record; the CRM's own record is untouched
    assert crm_writes(crm) == ["POST /crm/v8/Accounts"]
    assert (run.cloned, run.pushed, run.failed) == (1, 1, 0), await messages(run)
    customer = await models.Customer.get(id=near.value.id)
    assert customer.crm_id not in (None, crm_id) and not customer.sync_dirty
    new = crm.store.records["Accounts"][str(customer.crm_id)]
    assert (new["Account_Name"], new["Billing_City"]) == ("ACME Ltd", "Hamburg")
    assert crm.store.records["Accounts"][crm_id] == before[crm_id]


async def test_a_refused_update_is_recorded_and_not_repeated(
    crm: Crm, org: models.Organization, admin: models.User
) -> None:
    [crm_id] = await crm_insert(crm, "Accounts", {"Account_Name": "Initech"})
    integration = await make_integration(
        org, customer_module=ACCOUNTS, extent=models.SyncExtent.TWO_WAY
    )
    await sync(crm, integration)
    customer = await models.Customer.get(crm_id=crm_id)
    # a phone number longer than the CRM's phone fields take (30 characters)
    await save_customer(viewer_for(admin), customer.id, CustomerData(phone="+1 " + "5" * 40))
    before = snapshot(crm, "Accounts")
    refused = await sync(crm, integration)
    assert (refused.pushed, refused.failed) == (0, 1)
    [reason] = await messages(refused)
    assert reason.startswith("The CRM refused the push:") and "INVALID_DATA" in reason
    await customer.refresh_from_db()
    assert not customer.sync_dirty
    crm.requests.clear()
    again = await sync(crm, integration)
    assert (crm_writes(crm), again.failed) == ([], 0)
    assert snapshot(crm, "Accounts") == before


# -- duplicates inside the CRM -----------------------------------------------------------------


async def test_overwrite_merges_the_crms_own_duplicates_into_the_oldest(
    crm: Crm, org: models.Organization
) -> None:
    # given the CRM's "Blue  Ocean" and, created later, "blue ocean " with a deal, synced
    # with CLONE (two customers, an expense and a report on the newer one)
    [older] = await crm_insert(crm, "Accounts", {"Account_Name": "Blue  Ocean", "Phone": "1"})
    [newer] = await crm_insert(crm, "Accounts", {"Account_Name": "blue ocean ", "Phone": "2"})
    records = crm.store.records["Accounts"]
    records[newer]["Created_Time"] = records[older]["Created_Time"] + timedelta(minutes=5)
    [deal] = await crm_insert(crm, "Deals", {
        "Deal_Name": "Reef", "Stage": "Qualification", "Account_Name": {"id": newer},
    })  # fmt: skip
    integration = await make_integration(
        org, customer_module=ACCOUNTS, duplicate_policy=models.DuplicatePolicy.CLONE
    )
    await sync(crm, integration)
    first = await models.Customer.get(crm_id=older)
    second = await models.Customer.get(crm_id=newer)
    # names are kept as the CRM writes them, only their ends trimmed
    assert (first.name, second.name) == ("Blue  Ocean", "blue ocean")
    user = await make_user(org)
    expense = await make_expense(user, await make_category(org), customer=second)
    report = await make_report(user, customer=second)
    # when the policy becomes OVERWRITE and a run reads everything (the weekly full read)
    integration.duplicate_policy = models.DuplicatePolicy.OVERWRITE
    integration.last_full_read_at = None
    await integration.save()
    run = await sync(crm, integration)
    # then one customer is left, linked to the oldest CRM record, with its values
    assert await models.Customer.filter(org=org).count() == 1
    kept = await models.Customer.get(id=first.id)
    assert (kept.crm_id, kept.name, kept.phone) == (older, "Blue  Ocean", "1")
    assert run.merged == 1
    assert f"MERGED: a duplicate of the CRM record {older}" in await messages(run)
    assert await models.CustomerCrmAlias.filter(crm_id=newer, customer_id=kept.id).exists()
    # and what pointed at the other one follows: expenses, reports, deals
    await expense.refresh_from_db()
    await report.refresh_from_db()
    potential = await models.Potential.get(crm_id=deal)
    assert expense.customer_id == report.customer_id == potential.customer_id == kept.id
    # and later runs keep it that way, without counting the merge again
    integration.last_full_read_at = None
    await integration.save()
    again = await sync(crm, integration)
    assert (again.merged, again.created) == (0, 0)
    assert await models.Customer.filter(org=org).count() == 1
    # a new deal of the merged record belongs to the kept customer too
    [later] = await crm_insert(crm, "Deals", {
        "Deal_Name": "Lagoon", "Stage": "Qualification", "Account_Name": {"id": newer},
    })  # fmt: skip
    await sync(crm, integration)
    assert (await models.Potential.get(crm_id=later)).customer_id == kept.id


async def test_overwrite_first_sync_keeps_the_oldest_whatever_the_read_order(
    crm: Crm, org: models.Organization
) -> None:
    # the younger record is modified last in the CRM but the older one... and vice versa: the
    # records arrive in Modified_Time order, the older one second
    [older] = await crm_insert(crm, "Accounts", {"Account_Name": "Harbour Co", "Phone": "old"})
    [newer] = await crm_insert(crm, "Accounts", {"Account_Name": "HARBOUR  CO", "Phone": "new"})
    records = crm.store.records["Accounts"]
    records[newer]["Created_Time"] = records[older]["Created_Time"] + timedelta(minutes=5)
    records[newer]["Modified_Time"] = records[older]["Modified_Time"] - timedelta(minutes=1)
    crm.store.touch("Accounts")
    integration = await make_integration(
        org, customer_module=ACCOUNTS, duplicate_policy=models.DuplicatePolicy.OVERWRITE
    )
    run = await sync(crm, integration)
    [customer] = await models.Customer.filter(org=org)
    assert (customer.crm_id, customer.name, customer.phone) == (older, "Harbour Co", "old")
    assert run.merged == 1
    assert (await models.CustomerCrmAlias.get(crm_id=newer)).customer_id == customer.id


async def test_contacts_are_crm_duplicates_by_email_only(
    crm: Crm, org: models.Organization
) -> None:
    # two contacts with one e-mail (the CRM's check is off for data imported before it), and
    # two namesakes without e-mail
    [older] = await crm_insert(crm, "Contacts", {"Last_Name": "Doe", "Email": "jo@x.example"})
    crm.store.add("Contacts", {
        **crm.store.records["Contacts"][older], "id": crm.store.new_id(), "First_Name": "Jo",
        "Email": "JO@x.example",
        "Created_Time": crm.store.records["Contacts"][older]["Created_Time"] + timedelta(hours=1),
    })  # fmt: skip
    await crm_insert(crm, "Contacts", {"First_Name": "Sam", "Last_Name": "Lee"})
    await crm_insert(crm, "Contacts", {"First_Name": "Sam", "Last_Name": "Lee", "Phone": "2"})
    integration = await make_integration(
        org, customer_module=CONTACTS, duplicate_policy=models.DuplicatePolicy.OVERWRITE
    )
    run = await sync(crm, integration)
    names = sorted(await models.Customer.filter(org=org).values_list("name", "crm_id"))
    assert names == [("Doe", older), ("Sam Lee", names[1][1]), ("Sam Lee", names[2][1])]
    assert run.merged == 1


@pytest.mark.parametrize("policy", [models.DuplicatePolicy.SKIP, models.DuplicatePolicy.CLONE])
async def test_other_policies_keep_the_crms_duplicates_apart(
    crm: Crm, org: models.Organization, policy: models.DuplicatePolicy
) -> None:
    await crm_insert(crm, "Accounts", {"Account_Name": "Blue Ocean"})
    await crm_insert(crm, "Accounts", {"Account_Name": "Blue  Ocean "})
    integration = await make_integration(org, customer_module=ACCOUNTS, duplicate_policy=policy)
    run = await sync(crm, integration)
    names = sorted(await models.Customer.filter(org=org).values_list("name", flat=True))
    assert names == ["Blue  Ocean", "Blue Ocean"]  # two customers, told apart by their names
    assert run.merged == 0


# -- deals outside the account view ------------------------------------------------------------


async def _view(crm: Crm) -> str:
    async with crm.factory.connect("seed", CONNECTION) as client:
        views = await client.list_custom_views("Accounts")
    return next(v.id for v in views if v.name == "Zoho Expense Accounts")


async def test_a_deal_follows_its_account_outside_the_view(
    crm: Crm, org: models.Organization
) -> None:
    # given accounts read through a view (the Zoho_Expense checkbox) and deals of accounts in
    # and outside it
    [inside, outside] = await crm_insert(
        crm, "Accounts",
        {"Account_Name": "In View", "Zoho_Expense": True},
        {"Account_Name": "Out Of View", "Zoho_Expense": False},
    )  # fmt: skip
    [kept, dropped, used, loose] = await crm_insert(
        crm, "Deals",
        {"Deal_Name": "Kept", "Stage": "Qualification", "Account_Name": {"id": inside}},
        {"Deal_Name": "Dropped", "Stage": "Qualification", "Account_Name": {"id": outside}},
        {"Deal_Name": "Used", "Stage": "Qualification", "Account_Name": {"id": outside}},
        {"Deal_Name": "No Account", "Stage": "Qualification"},
    )  # fmt: skip
    integration = await make_integration(
        org, customer_module=ACCOUNTS, account_view_id=await _view(crm)
    )
    # an expense already names one of them (synced before the view was chosen)
    user = await make_user(org)
    stale = await models.Potential.create(
        org=org, name="Used", crm_id=used, crm_account_id=outside, is_active=True
    )
    expense = await make_expense(user, await make_category(org), potential=stale)
    run = await sync(crm, integration)
    # then only the deal of the synced account is a potential with its customer; the deal of
    # the account outside the view is not synced, the one in use is kept inactive
    customer = await models.Customer.get(crm_id=inside)
    assert (await models.Potential.get(crm_id=kept)).customer_id == customer.id
    assert not await models.Potential.filter(crm_id=dropped).exists()
    stale = await models.Potential.get(crm_id=used)
    assert (stale.is_active, stale.customer_id) == (False, None)
    await expense.refresh_from_db()
    assert expense.potential_id == stale.id
    # a deal without an account is not an account's deal: it stays
    assert (await models.Potential.get(crm_id=loose)).is_active
    assert not await models.Customer.filter(crm_id=outside).exists()
    assert run.skipped == 2
    # when the account enters the view, its deals come with the next full read
    crm.store.records["Accounts"][outside]["Zoho_Expense"] = True
    crm.store.touch("Accounts")
    integration.last_full_read_at = None
    await integration.save()
    await sync(crm, integration)
    now_in = await models.Customer.get(crm_id=outside)
    assert (await models.Potential.get(crm_id=dropped)).customer_id == now_in.id
    assert (await models.Potential.get(crm_id=used)).is_active
