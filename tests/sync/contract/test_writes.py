from __future__ import annotations

from datetime import timedelta

import pytest

from sync.crm import CrmConflict, ZohoCrmClient
from tests.sync.contract.conftest import Sim


async def test_insert_update_upsert_delete(crm: ZohoCrmClient, sim: Sim) -> None:
    # insert 150: two batches
    inserted = await crm.insert("Accounts", [{"Account_Name": f"Bulk {i}"} for i in range(150)])
    assert len(inserted) == 150 and all(r.ok for r in inserted)
    assert all(r.id in sim.store.records["Accounts"] for r in inserted)
    # update
    updated = await crm.update(
        "Accounts", [{"id": r.id, "Phone": "+1 555 0100"} for r in inserted[:3]]
    )
    assert all(r.ok for r in updated)
    assert sim.store.records["Accounts"][inserted[0].id or ""]["Phone"] == "+1 555 0100"
    # upsert: one match by name, one new
    upserted = await crm.upsert(
        "Accounts",
        [{"Account_Name": "Bulk 1", "Phone": "+1 555 0199"}, {"Account_Name": "Fresh"}],
        duplicate_check_fields=["Account_Name"],
    )
    assert [r.action for r in upserted] == ["update", "insert"]
    assert upserted[0].id == inserted[1].id
    # delete
    deleted = await crm.delete("Accounts", [r.id or "" for r in inserted])
    assert all(r.ok for r in deleted) and len(deleted) == 150


async def test_mixed_batch_207_and_all_failed_400(crm: ZohoCrmClient) -> None:
    mixed = await crm.insert("Contacts", [{"Last_Name": "Ok"}, {"First_Name": "No last name"}])
    assert [r.ok for r in mixed] == [True, False]
    assert mixed[1].code == "MANDATORY_NOT_FOUND"
    failed = await crm.insert("Contacts", [{"First_Name": "A"}, {"First_Name": "B"}])
    assert [r.ok for r in failed] == [False, False]
    error = failed[0].error()
    assert error is not None and error.code == "MANDATORY_NOT_FOUND"


async def test_duplicate_is_a_per_record_conflict(crm: ZohoCrmClient, sim: Sim) -> None:
    existing = next(iter(sim.store.records["Accounts"].values()))["Account_Name"]
    results = await crm.insert("Accounts", [{"Account_Name": existing}])
    assert results[0].code == "DUPLICATE_DATA"
    assert isinstance(results[0].error(), CrmConflict)


async def test_if_unmodified_since_conflict(crm: ZohoCrmClient, sim: Sim) -> None:
    record_id, record = next(iter(sim.store.records["Deals"].items()))
    before = record["Modified_Time"] - timedelta(seconds=1)
    with pytest.raises(CrmConflict) as info:
        await crm.update(
            "Deals", [{"id": record_id, "Stage": "Closed Won"}], unmodified_since=before
        )
    assert info.value.status == 412 and info.value.code == "ALREADY_MODIFIED"
    after = record["Modified_Time"] + timedelta(seconds=1)
    ok = await crm.update(
        "Deals", [{"id": record_id, "Stage": "Closed Won"}], unmodified_since=after
    )
    assert ok[0].ok


async def test_unknown_id_update_is_a_per_record_error(crm: ZohoCrmClient) -> None:
    results = await crm.update("Deals", [{"id": "1", "Stage": "Closed Won"}])
    assert not results[0].ok and results[0].code == "INVALID_DATA"
