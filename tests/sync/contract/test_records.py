from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from sync.crm import CrmPaginationError, CrmValidationError, ZohoCrmClient
from tests.sync.contract.conftest import Sim

ACCOUNT_FIELDS = ["Account_Name", "Owner", "Phone", "Industry", "Parent_Account"]


async def test_all_accounts_once_in_modified_time_order(crm: ZohoCrmClient, sim: Sim) -> None:
    records = [
        r
        async for r in crm.iter_records(
            "Accounts", ACCOUNT_FIELDS, sort_by="Modified_Time", sort_order="asc", per_page=7
        )
    ]
    assert sorted(r.id for r in records) == sorted(sim.store.records["Accounts"])
    times = [r.modified_time for r in records]
    assert all(t is not None for t in times)
    assert times == sorted(times)  # type: ignore[type-var]
    owner = records[0].get("Owner")
    assert set(owner) >= {"id", "name"}
    assert records[0].get("Phone") is not None or "Phone" in records[0].fields


async def test_small_pages_by_number(crm: ZohoCrmClient, sim: Sim) -> None:
    ids = [r.id async for r in crm.iter_records("Contacts", ["Last_Name"], per_page=5)]
    assert len(ids) == len(set(ids)) == len(sim.store.records["Contacts"])


async def test_discrete_pagination_limit(crm: ZohoCrmClient) -> None:
    with pytest.raises(CrmPaginationError) as info:
        await crm.get_page("Accounts", ["Account_Name"], page=11, per_page=200)
    assert info.value.code == "DISCRETE_PAGINATION_LIMIT_EXCEEDED"


async def test_token_bound_to_its_parameters(crm: ZohoCrmClient) -> None:
    first = await crm.get_page("Accounts", ["Account_Name"], per_page=5, sort_by="id")
    assert first.info.next_page_token
    with pytest.raises(CrmPaginationError) as info:
        await crm.get_page(
            "Accounts",
            ["Account_Name", "Phone"],
            page=None,
            page_token=first.info.next_page_token,
            per_page=5,
            sort_by="id",
        )
    assert info.value.code == "TOKEN_BOUND_DATA_MISMATCH"


async def test_if_modified_since(crm: ZohoCrmClient, sim: Sim) -> None:
    latest = max(r["Modified_Time"] for r in sim.store.records["Deals"].values())
    pages = [
        p
        async for p in crm.iter_pages(
            "Deals", ["Deal_Name"], modified_since=latest + timedelta(days=1)
        )
    ]
    assert len(pages) == 1 and pages[0].not_modified
    cutoff = sorted(r["Modified_Time"] for r in sim.store.records["Deals"].values())[-5]
    newer = [r async for r in crm.iter_records("Deals", ["Deal_Name"], modified_since=cutoff)]
    assert len(newer) >= 5
    assert all(r.modified_time is not None and r.modified_time >= cutoff for r in newer)


async def test_cvid_lists_the_view(crm: ZohoCrmClient, sim: Sim) -> None:
    views = await crm.list_custom_views("Accounts")
    assert views  # Zoho's list omits criteria (§12); the client reads them from one view
    for view in views:
        detailed = await crm.get_custom_view("Accounts", view.id)
        assert detailed.id == view.id
        ids = [r.id async for r in crm.iter_records("Accounts", ["Account_Name"], cvid=view.id)]
        assert len(ids) == len(set(ids)) <= len(sim.store.records["Accounts"])
    with pytest.raises(CrmValidationError) as info:
        await crm.get_page("Accounts", ["Account_Name"], cvid=views[0].id, sort_by="id")
    assert info.value.code == "AMBIGUITY_DURING_PROCESSING"


async def test_get_one_record_and_unknown_id(crm: ZohoCrmClient, sim: Sim) -> None:
    some_id = next(iter(sim.store.records["Contacts"]))
    record = await crm.get_record("Contacts", some_id)
    assert record is not None and record.id == some_id
    assert record.get("Full_Name")
    assert await crm.get_record("Contacts", "1") is None


async def test_related_contacts_and_deals(crm: ZohoCrmClient, sim: Sim) -> None:
    account_id, _ = next(
        (aid, a)
        for aid, a in sim.store.records["Accounts"].items()
        if any(c.get("Account_Name") == aid for c in sim.store.records["Contacts"].values())
    )
    expected = {
        cid
        for cid, c in sim.store.records["Contacts"].items()
        if c.get("Account_Name") == account_id
    }
    contacts = {
        r.id async for r in crm.iter_related("Accounts", account_id, "Contacts", ["Last_Name"])
    }
    assert contacts == expected
    deals = {
        d for d, v in sim.store.records["Deals"].items() if v.get("Account_Name") == account_id
    }
    assert {
        r.id async for r in crm.iter_related("Accounts", account_id, "Deals", ["Deal_Name"])
    } == deals


async def test_count(crm: ZohoCrmClient, sim: Sim) -> None:
    assert await crm.count("Deals") == len(sim.store.records["Deals"])


async def test_deleted_records(crm: ZohoCrmClient, sim: Sim) -> None:
    ids = list(sim.store.records["Deals"])[:3]
    results = await crm.delete("Deals", ids)
    assert all(r.ok for r in results)
    deleted = [d async for p in crm.iter_deleted("Deals") for d in p.records]
    assert {d.id for d in deleted} >= set(ids)
    assert all(d.type in ("recycle", "permanent") for d in deleted)
    recycle = [d async for p in crm.iter_deleted("Deals", type="permanent") for d in p.records]
    assert not {d.id for d in recycle} & set(ids)
    future = datetime.now(UTC) + timedelta(days=365)
    pages = [p async for p in crm.iter_deleted("Deals", modified_since=future)]
    assert all(not p.records for p in pages)
