"""Metadata answers: users, org, currencies, modules, fields, custom views, related lists.

Every answer here is also validated against Zoho's OAS by the autouse fixture in conftest.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from sync.crm.simulator import CrmStore
from tests.sync.oas import validate_response

MODULES = ("Accounts", "Contacts", "Deals")


async def test_metadata_endpoints(client: httpx.AsyncClient, store: CrmStore) -> None:
    fields = (await client.get("/crm/v8/settings/fields", params={"module": "Contacts"})).json()[
        "fields"
    ]
    expense = next(f for f in fields if f["api_name"] == "Zoho_Expense")
    assert expense["custom_field"] is True and expense["data_type"] == "boolean"
    assert (await client.get("/crm/v8/settings/fields")).json()["code"] == "REQUIRED_PARAM_MISSING"
    views = (await client.get("/crm/v8/settings/custom_views", params={"module": "Deals"})).json()
    one = (
        await client.get(
            f"/crm/v8/settings/custom_views/{views['custom_views'][2]['id']}",
            params={"module": "Deals"},
        )
    ).json()
    assert one["custom_views"][0]["criteria"]["comparator"] == "not_in"
    # The OAS requires criteria in the list too: the same node as the single view.
    assert views["custom_views"][2]["criteria"] == one["custom_views"][0]["criteria"]
    users = (await client.get("/crm/v8/users", params={"type": "ActiveUsers"})).json()["users"]
    assert all(u["status"] == "active" for u in users)
    assert (await client.get("/crm/v8/users", params={"type": "Bogus"})).json()[
        "code"
    ] == "INVALID_DATA"
    assert (await client.get("/crm/v8/org")).json()["org"][0]["mc_status"] is False
    assert (await client.get("/crm/v8/org/currencies")).json()["currencies"][0]["is_base"] is True
    modules = (await client.get("/crm/v8/settings/modules")).json()["modules"]
    assert [m["api_name"] for m in modules] == list(MODULES)
    related = (
        await client.get("/crm/v8/settings/related_lists", params={"module": "Accounts"})
    ).json()
    assert [r["api_name"] for r in related["related_lists"]] == ["Contacts", "Deals"]


@pytest.mark.parametrize("version", ["v2", "v5", "v8"])
async def test_every_metadata_answer_is_oas_valid(
    make_client: Callable[..., Any], version: str
) -> None:
    """Walk every metadata route (the autouse fixture validates each answer strictly)."""
    store = CrmStore.generate(
        seed=3, accounts=4, contacts=4, deals=4, users=30, multi_currency=True
    )
    client = await make_client(store)
    base = f"/crm/{version}"
    for kind in ("AllUsers", "DeletedUsers", "DeactiveUsers", "NotConfirmedUsers", "CurrentUser"):
        answer = await client.get(f"{base}/users", params={"type": kind})
        assert answer.status_code in (200, 204), kind
    for user in store.users[:3]:
        assert (await client.get(f"{base}/users/{user['id']}")).status_code == 200
    assert (await client.get(f"{base}/org")).status_code == 200
    currencies = (await client.get(f"{base}/org/currencies")).json()["currencies"]
    assert sum(c["is_base"] for c in currencies) == 1 and len(currencies) == 5
    assert (await client.get(f"{base}/settings/modules")).status_code == 200
    for module in MODULES:
        one = await client.get(f"{base}/settings/modules/{module}")
        assert one.json()["modules"][0]["api_name"] == module
        params = {"module": module}
        fields = (await client.get(f"{base}/settings/fields", params=params)).json()["fields"]
        assert {"Owner", "Zoho_Expense", "Currency"} <= {f["api_name"] for f in fields}
        for name in ("Owner", "Zoho_Expense", "Modified_Time"):
            assert (await client.get(f"{base}/settings/fields/{name}", params=params)).is_success
        views = await client.get(f"{base}/settings/custom_views", params=params)
        for view in views.json()["custom_views"]:
            got = await client.get(f"{base}/settings/custom_views/{view['id']}", params=params)
            assert got.json()["custom_views"][0]["id"] == view["id"]
        await client.get(f"{base}/settings/related_lists", params=params)


async def test_user_shape_follows_the_oas(client: httpx.AsyncClient, store: CrmStore) -> None:
    users = (await client.get("/crm/v8/users")).json()["users"]
    admin, other = users[0], users[1]
    # users.json types time_zone as an object; the store keeps the IANA name inside it.
    assert admin["time_zone"] == {"id": "Asia/Kolkata", "name": "Asia/Kolkata"}
    assert admin["offset"] == 19_800_000
    assert other["time_zone"]["id"] == "America/Los_Angeles"
    assert "Reporting_To" not in admin  # non-nullable object in the OAS: omitted at the top
    assert other["Reporting_To"] == {"name": admin["full_name"], "id": admin["id"]}
    assert set(admin["Modified_By"]) == {"name", "id", "first_name", "last_name"}
    single = (await client.get(f"/crm/v8/users/{admin['id']}")).json()
    assert single["info"]["count"] == 1 and single["users"][0]["id"] == admin["id"]


async def test_fields_and_views_keep_what_the_client_needs(client: httpx.AsyncClient) -> None:
    params = {"module": "Contacts"}
    fields = {
        f["api_name"]: f
        for f in (await client.get("/crm/v8/settings/fields", params=params)).json()["fields"]
    }
    assert fields["Account_Name"]["lookup"]["module"]["api_name"] == "Accounts"
    assert fields["Email"]["unique"] and not fields["Phone"]["unique"]
    assert fields["Last_Name"]["system_mandatory"] is True
    assert fields["Full_Name"]["operation_type"]["api_update"] is False
    views = (await client.get("/crm/v8/settings/custom_views", params=params)).json()
    by_name = {v["name"]: v for v in views["custom_views"]}
    expense = by_name["Zoho Expense Contacts"]["criteria"]
    assert (expense["field"]["api_name"], expense["comparator"], expense["value"]) == (
        "Zoho_Expense",
        "equal",
        True,
    )
    blank = by_name["All Contacts"]["criteria"]
    assert blank["comparator"] is None and blank["group"] == []
    module = (await client.get("/crm/v8/settings/modules/Contacts")).json()["modules"][0]
    assert module["custom_view"]["id"] == views["info"]["default"]
    assert [f["api_name"] for f in module["fields"]] == list(fields)


def test_currencies_schema_rejects_wrong_shapes() -> None:
    good = {
        "currencies": [
            {
                "id": "1",
                "name": "US Dollar - USD",
                "iso_code": "USD",
                "symbol": "$",
                "exchange_rate": "1.000000000",
                "is_base": True,
                "is_active": True,
                "prefix_symbol": True,
                "format": {
                    "decimal_separator": "Period",
                    "thousand_separator": "Comma",
                    "decimal_places": "2",
                },
                "created_by": {"name": "A", "id": "2"},
                "created_time": "2025-01-01T10:00:00+05:30",
                "modified_by": None,
                "modified_time": None,
            }
        ]
    }
    assert validate_response("GET", "/crm/v8/org/currencies", 200, good) == []
    bad = {"currencies": [{**good["currencies"][0], "exchange_rate": 1.0}]}
    assert validate_response("GET", "/crm/v8/org/currencies", 200, bad)
    missing = {"currencies": [{k: v for k, v in good["currencies"][0].items() if k != "is_base"}]}
    assert validate_response("GET", "/crm/v2/org/currencies", 200, missing)
    assert validate_response("GET", "/crm/v8/org/currencies", 204, None) == []
