"""Exact results of customer and potential syncs over the simulator's seeded dataset."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from orm import models
from sync.crm.simulator.store import CrmStore
from tests.factories import make_category, make_customer, make_expense, make_org, make_user
from tests.sync.engine.conftest import Crm, make_integration, sync


def _account_id(contact: dict[str, Any]) -> str | None:
    value = contact.get("Account_Name")
    return value.get("id") if isinstance(value, dict) else value


def _name(contact: dict[str, Any]) -> str:
    return f"{contact.get('First_Name') or ''} {contact['Last_Name']}".strip()


def _view(store: CrmStore, module: str, name: str) -> str:
    return next(v.id for v in store.views[module] if v.name == name)


async def _customers() -> dict[tuple[str | None, str | None], models.Customer]:
    return {(c.crm_module, c.crm_id): c for c in await models.Customer.all()}


async def test_accounts_become_business_customers_and_deals_potentials(
    crm: Crm, org: models.Organization
) -> None:
    integration = await make_integration(org, customer_module=models.CustomerModule.ACCOUNTS)
    run = await sync(crm, integration)
    accounts = crm.store.records["Accounts"]
    deals = crm.store.records["Deals"]
    assert (run.created, run.failed) == (len(accounts) + len(deals), 0)
    assert run.processed == len(accounts) + len(deals)
    assert run.estimated_total == len(accounts) + len(deals)
    assert run.stream_progress == {
        "Accounts": {"processed": len(accounts), "estimated": len(accounts)},
        "Deals": {"processed": len(deals), "estimated": len(deals)},
    }
    customers = await _customers()
    assert set(customers) == {(models.CrmModule.ACCOUNTS, crm_id) for crm_id in accounts}
    for crm_id, account in accounts.items():
        customer = customers[(models.CrmModule.ACCOUNTS, crm_id)]
        assert customer.type is models.CustomerType.BUSINESS
        assert (customer.name, customer.phone, customer.website) == (
            account["Account_Name"], account["Phone"], account["Website"]
        )  # fmt: skip
        assert (customer.billing_street, customer.billing_city, customer.billing_code,
                customer.billing_country) == (account["Billing_Street"], account["Billing_City"],
                                              account["Billing_Code"], account["Billing_Country"])  # fmt: skip
    potentials = {p.crm_id: p for p in await models.Potential.all()}
    assert set(potentials) == set(deals)
    for crm_id, deal in deals.items():
        potential = potentials[crm_id]
        expected_state = {"Closed Won": "WON"}.get(
            deal["Stage"], "LOST" if "Lost" in deal["Stage"] else "OPEN"
        )
        assert potential.state.value == expected_state
        assert potential.amount_minor == round(deal["Amount"] * 100)
        account = customers.get((models.CrmModule.ACCOUNTS, _account_id(deal) or ""))
        assert potential.customer_id == (account.id if account else None)
        owner = deal["Owner"]
        assert potential.owner_crm_user_id == (owner["id"] if isinstance(owner, dict) else owner)


async def test_contacts_become_individual_customers(crm: Crm, org: models.Organization) -> None:
    integration = await make_integration(org, customer_module=models.CustomerModule.CONTACTS)
    await sync(crm, integration)
    contacts = crm.store.records["Contacts"]
    customers = await _customers()
    assert set(customers) == {(models.CrmModule.CONTACTS, crm_id) for crm_id in contacts}
    for crm_id, contact in contacts.items():
        customer = customers[(models.CrmModule.CONTACTS, crm_id)]
        assert customer.type is models.CustomerType.INDIVIDUAL
        assert customer.name == _name(contact)
        assert customer.email == contact["Email"].lower()
        assert customer.phone == contact["Phone"]
        assert customer.billing_city == contact["Mailing_City"]


@pytest.mark.parametrize("orphans", [False, True])
async def test_accounts_and_their_contacts(
    crm: Crm, org: models.Organization, orphans: bool
) -> None:
    integration = await make_integration(
        org,
        customer_module=models.CustomerModule.ACCOUNTS_AND_CONTACTS,
        include_orphan_contacts=orphans,
    )
    await sync(crm, integration)
    contacts = crm.store.records["Contacts"]
    customers = await _customers()
    persons = {p.crm_id: p for p in await models.ContactPerson.all()}
    with_account = {cid: c for cid, c in contacts.items() if _account_id(c)}
    assert set(persons) == set(with_account)
    for crm_id, contact in with_account.items():
        owner = customers[(models.CrmModule.ACCOUNTS, _account_id(contact))]
        assert persons[crm_id].customer_id == owner.id
        assert persons[crm_id].last_name == contact["Last_Name"]
    for customer in customers.values():
        if customer.type is models.CustomerType.BUSINESS:
            people = [p for p in persons.values() if p.customer_id == customer.id]
            assert sum(p.is_primary for p in people) == (1 if people else 0)
    individual = {key for key in customers if key[0] == models.CrmModule.CONTACTS}
    orphan_ids = {cid for cid, c in contacts.items() if not _account_id(c)}
    assert individual == (
        {(models.CrmModule.CONTACTS, cid) for cid in orphan_ids} if orphans else set()
    )


async def test_a_system_view(crm: Crm, org: models.Organization) -> None:
    view = _view(crm.store, "Accounts", "All Accounts")
    integration = await make_integration(
        org, customer_module=models.CustomerModule.ACCOUNTS, account_view_id=view
    )
    await sync(crm, integration)
    assert {c.crm_id for c in await models.Customer.all()} == set(crm.store.records["Accounts"])


async def test_a_user_view_filtered_on_the_zoho_expense_checkbox(
    crm: Crm, org: models.Organization
) -> None:
    view = _view(crm.store, "Accounts", "Zoho Expense Accounts")
    integration = await make_integration(
        org, customer_module=models.CustomerModule.ACCOUNTS, account_view_id=view
    )
    run = await sync(crm, integration)
    expected = {cid for cid, a in crm.store.records["Accounts"].items() if a["Zoho_Expense"]}
    assert 0 < len(expected) < len(crm.store.records["Accounts"])
    assert {c.crm_id for c in await models.Customer.all()} == expected
    # the progress of the accounts counts the view's records, not the module's
    deals = len(crm.store.records["Deals"])
    assert run.stream_progress == {
        "Accounts": {"processed": len(expected), "estimated": len(expected)},
        "Deals": {"processed": deals, "estimated": deals},
    }


@pytest.mark.parametrize("policy", list(models.DuplicatePolicy))
@pytest.mark.parametrize("module", list(models.CustomerModule))
async def test_duplicate_policies(
    crm: Crm,
    org: models.Organization,
    module: models.CustomerModule,
    policy: models.DuplicatePolicy,
) -> None:
    if module is models.CustomerModule.CONTACTS:
        # a contact is recognised by its e-mail address
        crm_module, kind = models.CrmModule.CONTACTS, models.CustomerType.INDIVIDUAL
        crm_id, record = next(iter(crm.store.records["Contacts"].items()))
        expected_name = _name(record)
        twin_a = await make_customer(org, "Someone", kind, email=record["Email"].upper())
        twin_b = await make_customer(org, "Else", kind, email=record["Email"])
    else:
        # an account by its name, whatever the case and spacing
        crm_module, kind = models.CrmModule.ACCOUNTS, models.CustomerType.BUSINESS
        crm_id, record = next(iter(crm.store.records["Accounts"].items()))
        expected_name = record["Account_Name"]
        twin_a = await make_customer(org, expected_name.upper(), kind)
        twin_b = await make_customer(org, "  " + expected_name + " ", kind)
    user = await make_user(org)
    expense = await make_expense(user, await make_category(org), customer=twin_b)
    integration = await make_integration(org, customer_module=module, duplicate_policy=policy)
    run = await sync(crm, integration)
    linked = await models.Customer.get_or_none(crm_module=crm_module, crm_id=crm_id)
    await expense.refresh_from_db()
    if policy is models.DuplicatePolicy.CLONE:
        assert run.cloned == 1
        assert linked is not None and linked.id not in (twin_a.id, twin_b.id)
        assert linked.name == expected_name
        assert (
            await models.Customer.filter(id__in=[twin_a.id, twin_b.id], crm_id__isnull=True).count()
            == 2
        )
    elif policy is models.DuplicatePolicy.OVERWRITE:
        # and, under OVERWRITE, the CRM's own contacts that share an e-mail (docs/SYNC.md)
        assert run.merged == 1 + _crm_twins(crm, module)
        assert linked is not None and linked.id == twin_a.id
        assert linked.name == expected_name
        assert expense.customer_id == twin_a.id  # re-pointed, nothing lost
        assert not await models.Customer.filter(id=twin_b.id).exists()
    else:
        assert run.skipped >= 1
        assert linked is None
        assert (
            await models.Customer.filter(id__in=[twin_a.id, twin_b.id], crm_id__isnull=True).count()
            == 2
        )
        assert expense.customer_id == twin_b.id


def _crm_twins(crm: Crm, module: models.CustomerModule) -> int:
    """CRM records of the module that duplicate an older one (same e-mail for contacts)."""
    if module is not models.CustomerModule.CONTACTS:
        return 0
    emails = [str(c["Email"]).lower() for c in crm.store.records["Contacts"].values() if c["Email"]]
    return len(emails) - len(set(emails))


async def test_incremental_runs_read_only_what_changed_and_deactivate_deletions(
    crm: Crm, org: models.Organization
) -> None:
    integration = await make_integration(org, customer_module=models.CustomerModule.ACCOUNTS)
    await sync(crm, integration)
    crm.requests.clear()
    quiet = await sync(crm, integration)
    assert (quiet.created, quiet.updated, quiet.deactivated) == (0, 0, 0)
    lists = [r for r in crm.requests if r.url.path.endswith(("/Accounts", "/Deals"))]
    assert len(lists) == 2  # one records request per stream, answered 304
    assert all("If-Modified-Since" in r.headers for r in lists)

    changed_id, changed = next(iter(crm.store.records["Accounts"].items()))
    changed["Account_Name"] = "Renamed Holdings"
    changed["Modified_Time"] = datetime.now(UTC)
    crm.store.touch("Accounts")
    gone_id = list(crm.store.records["Accounts"])[-1]
    admin = crm.store.api_user["id"]
    crm.store.remove("Accounts", gone_id, by=admin, at=datetime.now(UTC))
    again = await sync(crm, integration)
    assert (again.updated, again.deactivated) == (1, 1)
    renamed = await models.Customer.get(crm_id=changed_id)
    assert renamed.name == "Renamed Holdings"
    gone = await models.Customer.get(crm_id=gone_id)
    assert gone.status is models.CustomerStatus.INACTIVE


async def test_a_small_change_costs_a_small_sync(org: models.Organization) -> None:
    import httpx

    from sync.crm.factory import ClientFactory
    from sync.crm.simulator import SimulatorConfig, create_simulator_app
    from tests.sync.engine.conftest import Counting

    store = CrmStore.generate(seed=9, accounts=600, contacts=0, deals=400, users=3)
    log: list[httpx.Request] = []
    app = create_simulator_app(store, SimulatorConfig())
    crm = Crm(store, log, ClientFactory(transport=Counting(httpx.ASGITransport(app=app), log)))
    integration = await make_integration(org, customer_module=models.CustomerModule.ACCOUNTS)
    full = await sync(crm, integration)
    full_lists = [r for r in log if r.url.path.endswith(("/Accounts", "/Deals"))]
    assert full.processed == 1000
    assert len(full_lists) == 5  # 3 pages of 200 accounts + 2 pages of 200 deals

    changed = (
        list(store.records["Accounts"].values())[:6] + list(store.records["Deals"].values())[:4]
    )
    for record in changed:  # 1 % of the records
        record["Modified_Time"] = datetime.now(UTC)
    store.touch("Accounts")  # in-place edits: tell the simulator's page cache
    store.touch("Deals")
    log.clear()
    small = await sync(crm, integration)
    lists = [r for r in log if r.url.path.endswith(("/Accounts", "/Deals"))]
    assert len(lists) == 2  # one page per stream
    assert small.processed == len(changed)  # only the changed records travel


async def test_deals_read_before_their_account_are_relinked(org: models.Organization) -> None:
    from sync.engine import local

    other_org = await make_org("Other tenant")
    early = [
        await models.Potential.create(
            org=org,
            name=f"Deal {i}",
            crm_id=f"D{i}",
            crm_account_id=f"A{i % 3}",
            crm_contact_id="C1" if i % 2 else None,
        )
        for i in range(7)
    ]
    orphan = await models.Potential.create(
        org=org, name="No account", crm_id="DX", crm_account_id="A9"
    )
    # the same CRM ids in another organisation: never linked across tenants
    foreign = await models.Potential.create(
        org=other_org, name="Foreign", crm_id="D0", crm_account_id="A0"
    )
    await make_customer(other_org, "Other A9", crm_module=models.CrmModule.ACCOUNTS, crm_id="A9")
    accounts = {
        f"A{i}": await make_customer(
            org, f"Account {i}", crm_module=models.CrmModule.ACCOUNTS, crm_id=f"A{i}"
        )
        for i in range(3)
    }
    contact = await make_customer(
        org, "Contact 1", models.CustomerType.INDIVIDUAL,
        crm_module=models.CrmModule.CONTACTS, crm_id="C1",
    )  # fmt: skip
    # a link already set is left as it is
    kept = await make_customer(org, "Chosen by hand")
    linked = await models.Potential.create(
        org=org, name="Linked", crm_id="DL", crm_account_id="A1", customer=kept
    )
    local.RELINK_BATCH = 3  # several ranges of ids
    try:
        await local.relink_potentials(org.id)
    finally:
        local.RELINK_BATCH = 5000
    for potential in early:
        await potential.refresh_from_db()
        assert potential.customer_id == accounts[potential.crm_account_id or ""].id
        expected_contact = contact.id if potential.crm_contact_id else None
        assert potential.contact_customer_id == expected_contact
    for untouched, customer_id in ((orphan, None), (foreign, None), (linked, kept.id)):
        await untouched.refresh_from_db()
        assert untouched.customer_id == customer_id


async def test_a_weekly_full_read_catches_what_an_incremental_read_missed(
    crm: Crm, org: models.Organization
) -> None:
    integration = await make_integration(org, customer_module=models.CustomerModule.ACCOUNTS)
    await sync(crm, integration)
    # a record an incremental read skipped (e.g. shifted by a delete during paging)
    missed_id = next(iter(crm.store.records["Accounts"]))
    await models.Potential.filter(customer__crm_id=missed_id).update(customer_id=None)
    await models.Customer.filter(crm_id=missed_id).delete()
    await integration.refresh_from_db()
    assert integration.last_full_read_at is not None
    incremental = await sync(crm, integration)
    assert incremental.created == 0  # older than the bookmark: not read again
    await models.Integration.filter(id=integration.id).update(
        last_full_read_at=datetime.now(UTC) - timedelta(days=8)
    )
    await integration.refresh_from_db()
    full = await sync(crm, integration)
    assert full.created == 1
    assert await models.Customer.filter(crm_id=missed_id).exists()


async def test_a_run_with_no_change_costs_one_request_per_stream(
    crm: Crm, org: models.Organization
) -> None:
    integration = await make_integration(org, customer_module=models.CustomerModule.ACCOUNTS)
    await sync(crm, integration)
    crm.requests.clear()
    quiet = await sync(crm, integration)
    assert (quiet.processed, quiet.estimated_total) == (0, 0)
    paths = sorted(r.url.path for r in crm.requests if "/crm/" in r.url.path)
    # the records of each stream (answered 304) and its deleted records: no counts, no
    # metadata (the Stage picklist is read when deals arrive)
    assert paths == [
        "/crm/v8/Accounts", "/crm/v8/Accounts/deleted", "/crm/v8/Deals", "/crm/v8/Deals/deleted",
    ]  # fmt: skip
