from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx

from sync.crm.simulator import CrmStore, ManualClock, SimulatorConfig


async def test_insert_statuses_and_per_record_errors(
    client: httpx.AsyncClient, store: CrmStore
) -> None:
    ok = await client.post(
        "/crm/v8/Contacts",
        json={"data": [{"Last_Name": "Nuñez", "Email": "n@x.test"}], "trigger": []},
    )
    assert ok.status_code == 201
    assert ok.json()["data"][0]["details"]["Created_Time"].endswith("+05:30")
    existing = next(r["Email"] for r in store.records["Contacts"].values() if r["Email"])
    mixed = await client.post(
        "/crm/v8/Contacts",
        json={
            "data": [
                {"Last_Name": "A"},
                {"First_Name": "no last"},
                {"Last_Name": "B", "Email": existing.upper()},
                {"Last_Name": "x" * 81},
            ]
        },
    )
    assert mixed.status_code == 207
    codes = [r["code"] for r in mixed.json()["data"]]
    assert codes == ["SUCCESS", "MANDATORY_NOT_FOUND", "DUPLICATE_DATA", "INVALID_DATA"]
    assert mixed.json()["data"][3]["details"]["maximum_length"] == "80"
    failed = await client.post(
        "/crm/v8/Deals",
        json={
            "data": [
                {"Deal_Name": "x", "Stage": "Nope"},
                {"Deal_Name": "y", "Stage": "Closed Lost", "Amount": "10"},
            ]
        },
    )
    assert failed.status_code == 400
    too_many = await client.post(
        "/crm/v8/Accounts", json={"data": [{"Account_Name": str(i)} for i in range(101)]}
    )
    assert too_many.json()["code"] == "LIMIT_EXCEEDED"


async def test_update_upsert_delete_and_conflicts(
    client: httpx.AsyncClient, store: CrmStore, clock: ManualClock
) -> None:
    target = next(iter(store.records["Accounts"].values()))
    updated = await client.put(
        "/crm/v8/Accounts", json={"data": [{"id": target["id"], "Zoho_Expense": True}]}
    )
    assert (
        updated.status_code == 200
        and store.records["Accounts"][target["id"]]["Zoho_Expense"] is True
    )
    stale = (target["Modified_Time"].replace(year=2020)).isoformat()
    conflict = await client.put(
        f"/crm/v8/Accounts/{target['id']}",
        json={"data": [{"Phone": "1"}]},
        headers={"If-Unmodified-Since": stale},
    )
    assert conflict.status_code == 412 and conflict.json()["data"][0]["code"] == "ALREADY_MODIFIED"
    missing = await client.put("/crm/v8/Accounts", json={"data": [{"Phone": "1"}]})
    assert missing.json()["data"][0]["code"] == "MANDATORY_NOT_FOUND"
    upsert = await client.post(
        "/crm/v8/Accounts/upsert",
        json={
            "data": [
                {"Account_Name": target["Account_Name"], "Phone": "2"},
                {"Account_Name": "Brand New Ltd"},
            ],
            "duplicate_check_fields": ["Account_Name"],
        },
    )
    results = upsert.json()["data"]
    assert upsert.status_code == 200
    assert [r["action"] for r in results] == ["update", "insert"]
    assert results[0]["duplicate_field"] == "Account_Name"
    bad = await client.post(
        "/crm/v8/Accounts/upsert",
        json={"data": [{"Account_Name": "z"}], "duplicate_check_fields": ["Phone"]},
    )
    assert bad.json()["code"] == "INVALID_DATA"
    clock.advance(10)
    deleted = await client.delete("/crm/v8/Accounts", params={"ids": f"{target['id']},1"})
    assert deleted.status_code == 207
    assert target["id"] not in store.records["Accounts"]
    recycle = (await client.get("/crm/v8/Accounts/deleted", params={"type": "recycle"})).json()
    assert recycle["data"][0]["id"] == target["id"]
    clock.advance(61 * 86400)
    permanent = await client.get("/crm/v8/Accounts/deleted", params={"type": "permanent"})
    assert permanent.status_code == 401  # the access token expired long ago
    assert (await client.delete("/crm/v8/Accounts")).status_code == 401


async def test_recycle_retention(
    make_client: Callable[..., Any], store: CrmStore, clock: ManualClock
) -> None:
    client = await make_client(store, SimulatorConfig(access_token_ttl_s=10**9))
    victim = next(iter(store.records["Deals"]))
    await client.delete(f"/crm/v8/Deals/{victim}")
    clock.advance(61 * 86400)
    permanent = (await client.get("/crm/v8/Deals/deleted", params={"type": "permanent"})).json()
    assert [e["id"] for e in permanent["data"]] == [victim]
    clock.advance(200 * 86400)
    assert (await client.get("/crm/v8/Deals/deleted")).status_code == 204


async def test_search_operators_escaping_and_limits(
    client: httpx.AsyncClient, store: CrmStore
) -> None:
    store.add(
        "Accounts",
        {
            **next(iter(store.records["Accounts"].values())),
            "id": "5725767000199999999",
            "Account_Name": "Smith (North), Ltd\\",
        },
    )
    contains = (
        await client.get(
            "/crm/v8/Accounts/search", params={"criteria": "(Account_Name:equals:north\\)\\, ltd)"}
        )
    ).json()
    assert [r["id"] for r in contains["data"]] == ["5725767000199999999"]
    ranged = await client.get(
        "/crm/v8/Deals/search",
        params={"criteria": "((Amount:greater_equal:1000)and(Stage:in:Closed Lost,Closed Won))"},
    )
    assert ranged.status_code in (200, 204)
    old = await client.get(
        "/crm/v2/Deals/search", params={"criteria": "(Amount:greater_equal:1000)"}
    )
    assert old.json()["code"] == "INVALID_QUERY"
    bad_field = await client.get("/crm/v8/Deals/search", params={"criteria": "(Nope:equals:1)"})
    assert bad_field.json()["code"] == "INVALID_QUERY"
    none = await client.get(
        "/crm/v8/Deals/search", params={"criteria": "(Deal_Name:equals:zzzz-nothing)"}
    )
    assert none.status_code == 204
    word = await client.get("/crm/v8/Contacts/search", params={"word": "a"})
    assert word.json()["code"] == "INVALID_DATA"
    email = next(r["Email"] for r in store.records["Contacts"].values())
    found = (await client.get("/crm/v8/Contacts/search", params={"email": email})).json()
    assert all(r["Email"] == email for r in found["data"])
    missing = await client.get("/crm/v8/Contacts/search")
    assert missing.json()["code"] == "EXPECTED_PARAM_MISSING"
    capped = await client.get("/crm/v8/Contacts/search", params={"word": "Smith", "page": "11"})
    assert capped.json()["code"] == "LIMIT_REACHED"


async def test_search_indexing_delay(
    make_client: Callable[..., Any], store: CrmStore, clock: ManualClock
) -> None:
    client = await make_client(store, SimulatorConfig(search_index_delay_s=30))
    await client.post("/crm/v8/Accounts", json={"data": [{"Account_Name": "Freshly Made Qq"}]})
    assert (await client.get("/crm/v8/Accounts/search", params={"word": "Qq"})).status_code == 204
    clock.advance(31)
    assert (await client.get("/crm/v8/Accounts/search", params={"word": "Qq"})).status_code == 200


async def test_oauth_and_auth_errors(
    make_client: Callable[..., Any], store: CrmStore, clock: ManualClock
) -> None:
    client = await make_client(
        store, SimulatorConfig(scopes=("ZohoCRM.modules.accounts.READ",)), auth=False
    )
    form = {
        "grant_type": "refresh_token",
        "client_id": "x",
        "client_secret": "y",
        "refresh_token": "z",
    }
    assert (await client.post("/oauth/v2/token", data=form)).json() == {"error": "invalid_client"}
    cfg = SimulatorConfig()
    form.update(client_id=cfg.client_id, client_secret=cfg.client_secret)
    bad_code = await client.post("/oauth/v2/token", data=form)
    assert bad_code.status_code == 200 and bad_code.json() == {"error": "invalid_code"}
    form["refresh_token"] = cfg.refresh_token
    granted = (await client.post("/oauth/v2/token", params=form)).json()
    assert granted["token_type"] == "Bearer" and granted["expires_in"] == 3600
    assert granted["api_domain"] == "http://crm.test"
    assert (await client.get("/crm/v8/org")).json()["code"] == "AUTHENTICATION_FAILURE"
    headers = {"Authorization": f"Zoho-oauthtoken {granted['access_token']}"}
    assert (await client.get("/crm/v8/Accounts/actions/count", headers=headers)).status_code == 200
    scope = await client.get("/crm/v8/Deals/actions/count", headers=headers)
    assert scope.status_code == 401 and scope.json()["code"] == "OAUTH_SCOPE_MISMATCH"
    clock.advance(3600)
    expired = await client.get("/crm/v8/Accounts/actions/count", headers=headers)
    assert expired.status_code == 401 and expired.json()["code"] == "INVALID_TOKEN"


async def test_faults_are_deterministic_and_limits_answer_429(
    make_client: Callable[..., Any], store: CrmStore, clock: ManualClock
) -> None:
    def statuses_for(seed: int) -> Any:
        async def run() -> list[int]:
            c = await make_client(
                store,
                SimulatorConfig(
                    fault_seed=seed, rate_429=0.2, rate_5xx=0.2, rate_timeout=0.1, retry_after_s=3
                ),
            )
            return [(await c.get("/crm/v8/Accounts/actions/count")).status_code for _ in range(30)]

        return run()

    first, second = await statuses_for(5), await statuses_for(5)
    assert first == second and {429, 200} <= set(first)
    scheduled = await make_client(
        store, SimulatorConfig(fault_schedule=((1, "503"), (2, "expire_tokens")))
    )
    assert (await scheduled.get("/crm/v8/org")).status_code == 503
    assert (await scheduled.get("/crm/v8/org")).json()["code"] == "INVALID_TOKEN"
    credits = await make_client(store, SimulatorConfig(daily_credits=3))
    view = store.views["Deals"][2].id
    assert (
        await credits.get("/crm/v8/Deals", params={"fields": "Stage", "cvid": view})
    ).status_code == 200
    limited = await credits.get("/crm/v8/org")
    assert limited.status_code == 429 and limited.json()["code"] == "TOO_MANY_REQUESTS"
    clock.advance(86_401)
    credits.headers["Authorization"] = ""
    slow = await make_client(
        store, SimulatorConfig(latency_ms=250, timeout_seconds=30, fault_schedule=((2, "timeout"),))
    )
    before = len(clock.slept)
    assert (await slow.get("/crm/v8/org")).status_code == 200
    assert (await slow.get("/crm/v8/org")).status_code == 504
    assert clock.slept[before:] == [0.25, 30]


async def test_concurrency_cap(make_client: Callable[..., Any], store: CrmStore) -> None:
    client = await make_client(store, SimulatorConfig(max_concurrency=1))
    state = client.app.state.simulator  # type: ignore[attr-defined]
    state.limits.in_flight = 1  # another call is in flight
    busy = await client.get("/crm/v8/org")
    assert busy.status_code == 429 and busy.json()["details"] == {"limit": 1}


async def test_watch_lifecycle_and_callbacks(
    client: httpx.AsyncClient, sent: list[Any], clock: ManualClock
) -> None:
    sub = {
        "channel_id": "1000",
        "events": ["Contacts.all", "Deals.create"],
        "notify_url": "https://cb.test/zoho",
        "token": "verify-me",
    }
    created = await client.post("/crm/v8/actions/watch", json={"watch": [sub]})
    assert created.status_code == 201
    invalid = await client.post(
        "/crm/v8/actions/watch", json={"watch": [{**sub, "events": ["Nope.all"]}]}
    )
    assert invalid.status_code == 202
    listed = (await client.get("/crm/v8/actions/watch")).json()["watch"]
    assert {w["resource_name"] for w in listed} == {"Contacts", "Deals"}
    inserted = (
        await client.post("/crm/v8/Contacts", json={"data": [{"Last_Name": "Hook"}]})
    ).json()
    new_id = inserted["data"][0]["details"]["id"]
    assert sent[-1][0] == "https://cb.test/zoho"
    assert sent[-1][1]["ids"] == [new_id] and sent[-1][1]["operation"] == "insert"
    assert sent[-1][1]["token"] == "verify-me"
    await client.put("/crm/v8/Contacts", json={"data": [{"id": new_id, "Title": "CEO"}]})
    assert sent[-1][1]["operation"] == "update" and sent[-1][1]["affected_fields"] == [
        {new_id: ["Title"]}
    ]
    renewed = await client.patch(
        "/crm/v8/actions/watch",
        json={"watch": [{"channel_id": "1000", "channel_expiry": "2026-01-10T00:00:00+00:00"}]},
    )
    assert renewed.status_code == 200
    clock.advance(2 * 3600)  # beyond the default hour, within the renewed expiry
    client.headers["Authorization"] = "Zoho-oauthtoken " + await _regrant(client)
    await client.delete("/crm/v8/Contacts", params={"ids": new_id})
    assert sent[-1][1]["operation"] == "delete"
    gone = await client.delete("/crm/v8/actions/watch", params={"channel_ids": "1000"})
    assert gone.status_code == 200
    assert (await client.get("/crm/v8/actions/watch")).status_code == 204


async def _regrant(client: httpx.AsyncClient) -> str:
    from tests.sync.simulator.conftest import grant

    return await grant(client, SimulatorConfig())


def test_dataset_determinism_and_knobs() -> None:
    a = CrmStore.generate(
        seed=11, accounts=200, contacts=600, deals=300, users=12, multi_currency=True
    )
    b = CrmStore.generate(
        seed=11, accounts=200, contacts=600, deals=300, users=12, multi_currency=True
    )
    c = CrmStore.generate(seed=12, accounts=200, contacts=600, deals=300, users=12)
    assert a.export_json() == b.export_json() != c.export_json()
    contacts = list(a.records["Contacts"].values())
    assert any(r["Account_Name"] is None for r in contacts)
    emails = [r["Email"] for r in contacts]
    assert len(set(emails)) < len(emails)
    assert any(not r["Last_Name"].isascii() for r in contacts)
    stages = {r["Stage"] for r in a.records["Deals"].values()}
    assert {"Closed Lost", "Closed Won", "Qualification"} <= stages
    assert {r.get("Currency") for r in a.records["Deals"].values()} > {"USD"}
    assert CrmStore.demo().export_json()["records"]["Accounts"]


def test_fifty_thousand_records_generate_in_seconds() -> None:
    import time

    started = time.perf_counter()
    store = CrmStore.generate(seed=1, accounts=10_000, contacts=25_000, deals=15_000)
    assert sum(len(r) for r in store.records.values()) == 50_000
    assert time.perf_counter() - started < 10
