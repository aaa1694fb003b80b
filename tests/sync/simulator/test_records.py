from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import httpx

from sync.crm.simulator import CrmStore, ManualClock, SimulatorConfig
from tests.sync.simulator.conftest import grant

FIELDS = "Last_Name,Email,Modified_Time"


async def test_25000_records_read_exactly_once_through_page_then_page_token(
    make_client: Callable[..., Any],
) -> None:
    # given
    big = CrmStore.generate(seed=3, accounts=50, contacts=25_000, deals=0, users=3)
    client: httpx.AsyncClient = await make_client(big)
    params = {"fields": FIELDS, "per_page": "200", "sort_by": "Modified_Time", "sort_order": "asc"}
    seen: list[str] = []
    # when
    if True:
        for page in range(1, 11):
            body = (
                await client.get("/crm/v8/Contacts", params={**params, "page": str(page)})
            ).json()
            seen += [r["id"] for r in body["data"]]
        token = body["info"]["next_page_token"]
        while token:
            response = await client.get("/crm/v8/Contacts", params={**params, "page_token": token})
            body = response.json()
            seen += [r["id"] for r in body["data"]]
            token = body["info"].get("next_page_token")
            assert (token is not None) == body["info"]["more_records"]
    # then
    assert len(seen) == 25_000
    assert set(seen) == set(big.records["Contacts"])


async def test_record_2001_by_page_alone_is_refused(client: httpx.AsyncClient) -> None:
    ok = await client.get("/crm/v8/Contacts", params={"fields": FIELDS, "page": "10"})
    refused = await client.get("/crm/v8/Contacts", params={"fields": FIELDS, "page": "11"})
    assert ok.status_code in (200, 204)
    assert refused.status_code == 400
    assert refused.json() == {
        "code": "DISCRETE_PAGINATION_LIMIT_EXCEEDED",
        "details": {"limit": 2000},
        "message": "You can only get the first 2000 records without using page_token param",
        "status": "error",
    }
    old = await client.get("/crm/v4/Contacts", params={"fields": FIELDS, "page": "11"})
    assert old.status_code == 204  # no cap (and no tokens) before v5


async def test_page_token_is_bound_to_params_user_and_time(
    make_client: Callable[..., Any], store: CrmStore, clock: ManualClock
) -> None:
    config = SimulatorConfig(page_token_limit=5)
    client = await make_client(store, config)
    if True:
        first = (
            await client.get("/crm/v8/Deals", params={"fields": "Stage", "per_page": "2"})
        ).json()
        token = first["info"]["next_page_token"]
        assert first["info"]["page_token_expiry"].endswith("+05:30")
        mismatch = await client.get(
            "/crm/v8/Deals", params={"fields": "Amount", "per_page": "2", "page_token": token}
        )
        assert mismatch.json()["code"] == "TOKEN_BOUND_DATA_MISMATCH"
        both = await client.get(
            "/crm/v8/Deals",
            params={"fields": "Stage", "per_page": "2", "page": "2", "page_token": token},
        )
        assert both.json()["code"] == "AMBIGUITY_DURING_PROCESSING"
        bogus = await client.get(
            "/crm/v8/Deals", params={"fields": "Stage", "per_page": "2", "page_token": "nope"}
        )
        assert bogus.json()["code"] == "INVALID_DATA"
        p = {"fields": "Stage", "per_page": "2"}
        second = (await client.get("/crm/v8/Deals", params={**p, "page_token": token})).json()
        third = (
            await client.get(
                "/crm/v8/Deals", params={**p, "page_token": second["info"]["next_page_token"]}
            )
        ).json()
        capped = await client.get(
            "/crm/v8/Deals", params={**p, "page_token": third["info"]["next_page_token"]}
        )
        assert capped.json()["code"] == "PAGINATION_LIMIT_EXCEEDED"
        clock.advance(86_401)
        client.headers["Authorization"] = f"Zoho-oauthtoken {await grant(client, config)}"
        expired = await client.get("/crm/v8/Deals", params={**p, "page_token": token})
        assert expired.json()["code"] == "EXPIRED_VALUE"


async def test_fields_rules_per_version(client: httpx.AsyncClient) -> None:
    v3 = await client.get("/crm/v3/Accounts")
    assert v3.status_code == 400 and v3.json()["code"] == "REQUIRED_PARAM_MISSING"
    v2 = await client.get("/crm/v2/Accounts", params={"per_page": "1"})
    record = v2.json()["data"][0]
    assert {"Account_Name", "Owner", "Zoho_Expense", "$approval_state", "id"} <= set(record)
    assert "next_page_token" not in v2.json()["info"]
    many = ",".join(["Account_Name"] * 51)
    assert (await client.get("/crm/v8/Accounts", params={"fields": many})).json()[
        "code"
    ] == "LIMIT_EXCEEDED"


async def test_record_shape(client: httpx.AsyncClient, store: CrmStore) -> None:
    body = (
        await client.get(
            "/crm/v8/Contacts",
            params={
                "fields": "Full_Name,Account_Name,Owner,Modified_Time,Email",
                "per_page": "200",
            },
        )
    ).json()
    with_account = next(r for r in body["data"] if r["Account_Name"])
    assert set(with_account["Account_Name"]) == {"name", "id"}
    assert set(with_account["Owner"]) == {"name", "id", "email"}
    assert with_account["Modified_Time"].endswith("+05:30")
    assert isinstance(with_account["id"], str)
    assert any(r["Account_Name"] is None for r in body["data"])
    raw = store.records["Contacts"][with_account["id"]]
    assert with_account["Full_Name"] == f"{raw['First_Name']} {raw['Last_Name']}"


async def test_sorting(client: httpx.AsyncClient) -> None:
    body = (
        await client.get(
            "/crm/v8/Deals",
            params={"fields": "Modified_Time", "sort_by": "Modified_Time", "sort_order": "asc"},
        )
    ).json()
    times = [r["Modified_Time"] for r in body["data"]]
    assert times == sorted(times)
    assert body["info"]["sort_by"] == "Modified_Time"
    default = (await client.get("/crm/v8/Deals", params={"fields": "Stage"})).json()
    ids = [int(r["id"]) for r in default["data"]]
    assert ids == sorted(ids, reverse=True)
    bad = await client.get("/crm/v8/Deals", params={"fields": "Stage", "sort_by": "Amount"})
    assert bad.json()["code"] == "INVALID_DATA"


async def test_if_modified_since_inclusive_304_and_204(
    client: httpx.AsyncClient, store: CrmStore
) -> None:
    latest = max(store.records["Deals"].values(), key=lambda r: r["Modified_Time"])
    stamp = latest["Modified_Time"].isoformat()
    hit = await client.get(
        "/crm/v8/Deals", params={"fields": "Stage"}, headers={"If-Modified-Since": stamp}
    )
    assert [r["id"] for r in hit.json()["data"]] == [latest["id"]]
    later = (latest["Modified_Time"] + timedelta(seconds=1)).isoformat()
    none = await client.get(
        "/crm/v8/Deals", params={"fields": "Stage"}, headers={"If-Modified-Since": later}
    )
    assert none.status_code == 304 and none.content == b""
    store.records["Deals"].clear()
    empty = await client.get("/crm/v8/Deals", params={"fields": "Stage"})
    assert empty.status_code == 204


async def test_cvid_evaluates_criteria(client: httpx.AsyncClient, store: CrmStore) -> None:
    view = next(v for v in store.views["Deals"] if v.name == "Open Deals")
    body = (await client.get("/crm/v8/Deals", params={"fields": "Stage", "cvid": view.id})).json()
    expected = {
        r["id"] for r in store.records["Deals"].values() if not r["Stage"].startswith("Closed")
    }
    assert {r["id"] for r in body["data"]} == expected
    expense = next(v for v in store.views["Contacts"] if v.name == "Contacts Without Account")
    rows = (
        await client.get("/crm/v8/Contacts", params={"fields": "Account_Name", "cvid": expense.id})
    ).json()["data"]
    assert rows and all(r["Account_Name"] is None for r in rows)
    both = await client.get(
        "/crm/v8/Deals", params={"fields": "Stage", "cvid": view.id, "sort_by": "id"}
    )
    assert both.json()["code"] == "AMBIGUITY_DURING_PROCESSING"
    count = (await client.get("/crm/v8/Deals/actions/count", params={"cvid": view.id})).json()
    assert count == {"count": str(len(expected))}


async def test_get_one_related_and_count(client: httpx.AsyncClient, store: CrmStore) -> None:
    account_id = next(
        r["Account_Name"] for r in store.records["Contacts"].values() if r["Account_Name"]
    )
    one = (await client.get(f"/crm/v8/Accounts/{account_id}")).json()["data"][0]
    assert one["id"] == account_id
    missing = await client.get("/crm/v8/Accounts/1")
    assert missing.status_code == 204
    contacts = (
        await client.get(f"/crm/v8/Accounts/{account_id}/Contacts", params={"fields": "Last_Name"})
    ).json()
    expected = {
        r["id"] for r in store.records["Contacts"].values() if r["Account_Name"] == account_id
    }
    assert {r["id"] for r in contacts["data"]} == expected
    deals = await client.get(f"/crm/v8/Accounts/{account_id}/Deals", params={"fields": "Deal_Name"})
    assert deals.status_code in (200, 204)
    bad = await client.get(f"/crm/v8/Accounts/{account_id}/Nope", params={"fields": "x"})
    assert bad.json()["code"] == "INVALID_DATA"
    total = (await client.get("/crm/v8/Contacts/actions/count")).json()
    assert total == {"count": str(len(store.records["Contacts"]))}


async def test_url_errors(client: httpx.AsyncClient) -> None:
    version = await client.get("/crm/v9/Accounts")
    assert version.status_code == 400 and version.json()["code"] == "API_NOT_SUPPORTED"
    module = await client.get("/crm/v8/Leadz", params={"fields": "a"})
    assert module.status_code == 400 and module.json()["code"] == "INVALID_MODULE"
    url = await client.get("/crm/v8/Accounts/1/Contacts/2/x")
    assert url.status_code == 404 and url.json()["code"] == "INVALID_URL_PATTERN"
    method = await client.patch("/crm/v8/org")
    assert method.status_code == 405
