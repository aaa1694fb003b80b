"""Cached sorted orders: pages equal a fresh sort, a page does not re-sort, writes invalidate."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from sync.crm.simulator import CrmStore, SimulatorConfig

SMALL = SimulatorConfig(discrete_page_limit=21)  # pages 1..3 of 7 by number, then tokens


def _expected(store: CrmStore, module: str, sort_by: str, order: str) -> list[str]:
    def key(r: dict[str, Any]) -> tuple[Any, int]:
        return (0 if sort_by == "id" else r[sort_by], int(r["id"]))

    return [
        r["id"] for r in sorted(store.records[module].values(), key=key, reverse=order == "desc")
    ]


async def _walk(client: httpx.AsyncClient, path: str, params: dict[str, str]) -> list[str]:
    """Pages 1..3 by number, then page tokens to the end."""
    seen: list[str] = []
    for page in range(1, 4):
        response = await client.get(path, params={**params, "page": str(page)})
        if response.status_code == 204:
            return seen
        body = response.json()
        seen += [r["id"] for r in body["data"]]
        if not body["info"]["more_records"]:
            return seen
    token = body["info"].get("next_page_token")
    while token:
        body = (await client.get(path, params={**params, "page_token": token})).json()
        seen += [r["id"] for r in body["data"]]
        token = body["info"].get("next_page_token")
    return seen


@pytest.mark.parametrize("sort_by", ["id", "Created_Time", "Modified_Time"])
@pytest.mark.parametrize("order", ["asc", "desc"])
async def test_pages_match_a_fresh_sort(
    make_client: Callable[..., Any], store: CrmStore, sort_by: str, order: str
) -> None:
    client = await make_client(store, SMALL)
    params = {"fields": "Last_Name", "per_page": "7", "sort_by": sort_by, "sort_order": order}
    assert await _walk(client, "/crm/v8/Contacts", params) == _expected(
        store, "Contacts", sort_by, order
    )


async def test_a_page_does_not_sort_the_module_again(
    make_client: Callable[..., Any], store: CrmStore
) -> None:
    client = await make_client(store, SMALL)
    params = {"fields": "Last_Name", "per_page": "7", "sort_by": "Modified_Time"}
    await _walk(client, "/crm/v8/Contacts", params)
    builds = store.orders.builds
    walked = await _walk(client, "/crm/v8/Contacts", params)
    assert len(walked) == len(store.records["Contacts"])
    assert store.orders.builds == builds  # 18 pages, no rebuild


async def test_writes_and_deletes_invalidate_the_order(
    make_client: Callable[..., Any], store: CrmStore
) -> None:
    client = await make_client(store)
    params = {"fields": "Last_Name", "sort_by": "Modified_Time", "sort_order": "desc"}

    async def first_ids() -> list[str]:
        body = (await client.get("/crm/v8/Contacts", params=params)).json()
        return [r["id"] for r in body["data"]]

    before = await first_ids()
    oldest = _expected(store, "Contacts", "Modified_Time", "asc")[0]
    updated = await client.put("/crm/v8/Contacts", json={"data": [{"id": oldest, "Title": "CFO"}]})
    assert updated.status_code == 200
    assert (await first_ids())[0] == oldest  # moved to the front
    added = await client.post("/crm/v8/Contacts", json={"data": [{"Last_Name": "Newest"}]})
    new_id = added.json()["data"][0]["details"]["id"]
    assert (await first_ids())[:2] == [new_id, oldest]
    await client.delete("/crm/v8/Contacts", params={"ids": f"{new_id},{oldest}"})
    assert await first_ids() == [i for i in before if i != oldest]
    store.records["Contacts"].clear()  # direct edits of the table are noticed (length changes)
    assert (await client.get("/crm/v8/Contacts", params=params)).status_code == 204


async def test_view_on_a_lookup_name_follows_writes_to_the_other_module(
    make_client: Callable[..., Any], store: CrmStore
) -> None:
    """A cvid selection depends on every module: its criteria may compare a lookup's name."""
    client = await make_client(store)
    contact = next(c for c in store.records["Contacts"].values() if c["Account_Name"])
    account = store.records["Accounts"][contact["Account_Name"]]
    criteria = {"comparator": "equal", "field": {"api_name": "Account_Name"}, "value": "Renamed"}
    template = store.views["Contacts"][0]
    store.views["Contacts"].append(replace(template, id="1", name="By name", criteria=criteria))
    params = {"fields": "Account_Name", "cvid": "1", "per_page": "200"}
    before = await client.get("/crm/v8/Contacts", params=params)
    assert before.status_code == 204
    renamed = await client.put(
        f"/crm/v8/Accounts/{account['id']}", json={"data": [{"Account_Name": "Renamed"}]}
    )
    assert renamed.status_code == 200
    after = (await client.get("/crm/v8/Contacts", params=params)).json()["data"]
    assert contact["id"] in {r["id"] for r in after}
    assert {r["Account_Name"]["name"] for r in after} == {"Renamed"}


async def test_if_modified_since_and_related_selections_are_cached_apart(
    make_client: Callable[..., Any], store: CrmStore
) -> None:
    client = await make_client(store)
    stamps = sorted(r["Modified_Time"] for r in store.records["Deals"].values())
    params = {"fields": "Deal_Name", "per_page": "200"}

    async def since(moment: datetime) -> int:
        response = await client.get(
            "/crm/v8/Deals", params=params, headers={"If-Modified-Since": moment.isoformat()}
        )
        return 0 if response.status_code == 304 else len(response.json()["data"])

    assert await since(stamps[-3]) == 3
    assert await since(stamps[-1]) == 1
    assert await since(stamps[-1] + timedelta(seconds=1)) == 0
    account = next(d["Account_Name"] for d in store.records["Deals"].values() if d["Account_Name"])
    path = f"/crm/v8/Accounts/{account}/Deals"
    count = len((await client.get(path, params=params)).json()["data"])
    inserted = await client.post(
        "/crm/v8/Deals",
        json={
            "data": [{"Deal_Name": "Cached?", "Stage": "Qualification", "Account_Name": account}]
        },
    )
    assert inserted.status_code == 201
    assert len((await client.get(path, params=params)).json()["data"]) == count + 1
    assert await since(datetime(2000, 1, 1, tzinfo=UTC)) == len(store.records["Deals"])
