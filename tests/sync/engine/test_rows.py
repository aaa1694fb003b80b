"""Bulk writes from plain values (``sync.engine.rows``), on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections import OrderedDict
from datetime import UTC, datetime, timedelta, timezone

import pytest
from tortoise.transactions import in_transaction

from orm import models
from sync.engine import rows
from tests.factories import make_customer


def _customer(org: models.Organization, n: int) -> dict[str, object]:
    return {
        "org_id": org.id, "name": f"Customer {n}", "type": models.CustomerType.BUSINESS,
        "status": models.CustomerStatus.ACTIVE, "email": f"c{n}@example.com", "phone": None,
        "website": None, "sync_dirty": False,
        "crm_module": models.CrmModule.ACCOUNTS, "crm_id": f"A{n}",
        "crm_modified_at": datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=n),
        "custom_values": {"tier": n % 3},
    }  # fmt: skip


async def test_insert_many_splits_statements_under_the_parameter_limit(
    org: models.Organization, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given a limit that fits two rows of this shape per statement
    monkeypatch.setattr(rows, "MAX_PARAMETERS", 24)
    given = [_customer(org, n) for n in range(7)]
    async with in_transaction() as conn:
        await rows.insert_many(conn, models.Customer, given)
    # then every row is stored once, with the values the ORM reads back
    stored = await models.Customer.filter(org_id=org.id).order_by("crm_id")
    assert [c.crm_id for c in stored] == [f"A{n}" for n in range(7)]
    for customer, row in zip(stored, given, strict=True):
        assert customer.name == row["name"]
        assert customer.type is models.CustomerType.BUSINESS
        assert customer.crm_module is models.CrmModule.ACCOUNTS
        assert customer.crm_modified_at == row["crm_modified_at"]
        assert customer.custom_values == row["custom_values"]
        assert customer.created_at is not None and customer.updated_at is not None


async def test_update_many_sets_only_the_given_fields_and_the_last_row_wins(
    org: models.Organization, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rows, "MAX_PARAMETERS", 8)  # several statements
    customers = [
        await make_customer(org, f"Before {n}", email=f"b{n}@example.com") for n in range(5)
    ]
    untouched = await make_customer(org, "Untouched")
    before = {c.id: c.updated_at for c in customers}
    changes = [
        {"id": c.id, "name": f"After {n}", "phone": f"+1 555 {n}"} for n, c in enumerate(customers)
    ]
    changes.append({"id": customers[0].id, "name": "Given last", "phone": None})
    async with in_transaction() as conn:
        await rows.update_many(conn, models.Customer, changes, ("name", "phone"))
    for n, customer in enumerate(customers):
        await customer.refresh_from_db()
        expected = ("Given last", None) if n == 0 else (f"After {n}", f"+1 555 {n}")
        assert (customer.name, customer.phone) == expected
        assert customer.email == f"b{n}@example.com"  # not among the fields: unchanged
        assert customer.updated_at > before[customer.id]
    await untouched.refresh_from_db()
    assert untouched.name == "Untouched"


async def test_statements_of_every_row_count_are_not_all_kept(
    org: models.Organization, monkeypatch: pytest.MonkeyPatch
) -> None:
    # PostgreSQL numbers its placeholders, so each row count is its own statement text
    monkeypatch.setattr(rows, "NUMBERED_INSERTS_KEPT", 2)
    monkeypatch.setattr(rows, "_NUMBERED_INSERTS", OrderedDict())  # not what other tests left
    number = 0
    for count in range(1, 6):
        batch = [_customer(org, number + n) for n in range(count)]
        number += count
        async with in_transaction() as conn:
            await rows.insert_many(conn, models.Customer, batch)
        assert len(rows._NUMBERED_INSERTS) <= 2
    assert await models.Customer.filter(org_id=org.id).count() == 15


async def test_crm_times_with_other_offsets_are_stored_in_utc_and_sort_in_time(
    org: models.Organization,
) -> None:
    # given CRM times with the CRM's own offsets: the later moment has the "smaller" text
    india = timezone(timedelta(hours=5, minutes=30))
    pacific = timezone(timedelta(hours=-8))
    earlier = datetime(2026, 3, 1, 20, 0, tzinfo=india)  # 14:30 UTC
    later = datetime(2026, 3, 1, 7, 0, tzinfo=pacific)  # 15:00 UTC
    given = [_customer(org, 1) | {"crm_modified_at": later},
             _customer(org, 2) | {"crm_modified_at": earlier}]  # fmt: skip
    async with in_transaction() as conn:
        await rows.insert_many(conn, models.Customer, given)
    # then the database orders and filters them by the moment, like rows the ORM wrote
    ordered = await models.Customer.filter(org_id=org.id).order_by("crm_modified_at")
    assert [c.crm_id for c in ordered] == ["A2", "A1"]
    after = datetime(2026, 3, 1, 14, 45, tzinfo=UTC)
    assert [c.crm_id for c in await models.Customer.filter(crm_modified_at__gt=after)] == ["A1"]
    assert ordered[1].crm_modified_at == later
    # and an update stores them so too
    async with in_transaction() as conn:
        moved = datetime(2026, 3, 1, 7, 10, tzinfo=pacific)  # 15:10 UTC: now the later one
        await rows.update_many(conn, models.Customer, [{"id": ordered[0].id,
                                                        "crm_modified_at": moved}],
                               ("crm_modified_at",))  # fmt: skip
    ordered = await models.Customer.filter(org_id=org.id).order_by("crm_modified_at")
    assert [c.crm_id for c in ordered] == ["A1", "A2"]
