from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest

from sync.crm import CrmConflict, CrmNotFound, WatchRequest, ZohoCrmClient
from tests.sync.client.conftest import FakeZoho, body_of, reply


async def test_users_pages_and_type(client: ZohoCrmClient, zoho: FakeZoho) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        user = {
            "id": str(page),
            "email": f"u{page}@x",
            "full_name": "U",
            "status": "active",
            "role": {"name": "CEO", "id": "9"},
        }
        return reply(
            200,
            {
                "users": [user],
                "info": {"page": page, "per_page": 200, "count": 1, "more_records": page < 3},
            },
        )

    zoho.api = handler
    users = [u async for u in client.iter_users(type="ActiveUsers")]
    assert [u.id for u in users] == ["1", "2", "3"]
    assert users[0].role is not None and users[0].role.name == "CEO"
    assert {r.url.params["type"] for r in zoho.requests} == {"ActiveUsers"}


async def test_org_currencies_modules_fields_views(client: ZohoCrmClient, zoho: FakeZoho) -> None:
    answers = {
        "/crm/v8/org": {
            "org": [
                {
                    "id": "1",
                    "company_name": "Acme",
                    "iso_code": "EUR",
                    "mc_status": True,
                    "time_zone": "Europe/Paris",
                }
            ]
        },
        "/crm/v8/org/currencies": {
            "currencies": [
                {
                    "id": "c",
                    "iso_code": "EUR",
                    "name": "Euro",
                    "symbol": "€",
                    "exchange_rate": "1.000000000",
                    "is_base": True,
                    "is_active": True,
                    "format": {"decimal_places": "2"},
                }
            ]
        },
        "/crm/v8/settings/modules": {
            "modules": [
                {
                    "id": "m",
                    "api_name": "Deals",
                    "singular_label": "Potential",
                    "plural_label": "Potentials",
                    "api_supported": True,
                }
            ]
        },
        "/crm/v8/settings/fields": {
            "fields": [
                {
                    "id": "f",
                    "api_name": "Account_Name",
                    "data_type": "lookup",
                    "json_type": "jsonobject",
                    "field_label": "Account",
                    "custom_field": False,
                    "read_only": False,
                    "system_mandatory": False,
                    "unique": {},
                    "lookup": {"module": {"api_name": "Accounts", "id": "1"}},
                    "pick_list_values": [],
                }
            ]
        },
        "/crm/v8/settings/custom_views": {
            "custom_views": [
                {
                    "id": "v",
                    "name": "All",
                    "display_value": "All Deals",
                    "system_name": "ALLVIEWS",
                    "default": True,
                    "category": "public_views",
                }
            ],
            "info": {"more_records": False},
        },
        "/crm/v8/settings/custom_views/v": {
            "custom_views": [
                {
                    "id": "v",
                    "name": "All",
                    "default": True,
                    "criteria": {
                        "comparator": "equal",
                        "field": {"api_name": "Stage", "id": "1"},
                        "value": "Won",
                    },
                    "fields": [{"api_name": "Deal_Name", "id": "2"}],
                }
            ]
        },
    }
    zoho.api = lambda request: reply(200, answers[request.url.path])
    org = await client.get_org()
    assert (org.iso_code, org.multi_currency, org.time_zone) == ("EUR", True, "Europe/Paris")
    [currency] = await client.list_currencies()
    assert currency.exchange_rate == "1.000000000" and currency.decimal_places == 2
    [module] = await client.list_modules()
    assert module.api_name == "Deals" and module.plural_label == "Potentials"
    [field] = await client.list_fields("Deals")
    assert field.lookup_module == "Accounts" and not field.unique
    assert zoho.requests[-1].url.params["module"] == "Deals"
    [view] = await client.list_custom_views("Deals")
    assert view.criteria is None and view.system_name == "ALLVIEWS"
    detailed = await client.get_custom_view("Deals", "v")
    assert detailed.criteria is not None and detailed.fields == ("Deal_Name",)


async def test_empty_org_and_view_are_not_found(client: ZohoCrmClient, zoho: FakeZoho) -> None:
    zoho.api = lambda request: reply(204)
    with pytest.raises(CrmNotFound):
        await client.get_org()
    with pytest.raises(CrmNotFound):
        await client.get_custom_view("Deals", "x")
    assert await client.list_currencies() == []


async def test_get_record_unknown_id_is_none(client: ZohoCrmClient, zoho: FakeZoho) -> None:
    zoho.api = lambda request: reply(
        400,
        {
            "code": "INVALID_DATA",
            "details": {"id": "42"},
            "message": "the id given seems to be invalid",
            "status": "error",
        },
    )
    assert await client.get_record("Deals", "42") is None


async def test_watch_lifecycle(client: ZohoCrmClient, zoho: FakeZoho) -> None:
    expiry = datetime(2026, 5, 1, tzinfo=UTC)
    ok = {"code": "SUCCESS", "details": {"events": []}, "message": "ok", "status": "success"}

    def handler(request: httpx.Request) -> httpx.Response:
        if request.method == "GET":
            watch = {
                "channel_id": "10",
                "events": ["Deals.all"],
                "channel_expiry": "2026-05-01T00:00:00+00:00",
                "notify_url": "https://x",
                "resource_name": "Deals",
                "token": "t",
            }
            return reply(
                200,
                {
                    "watch": [watch],
                    "info": {"more_records": False, "page": 1, "per_page": 200, "count": 1},
                },
            )
        if request.method == "DELETE":
            return reply(200, {"watch": [ok]})
        return reply(201 if request.method == "POST" else 200, {"watch": [ok]})

    zoho.api = handler
    results = await client.subscribe(
        [
            WatchRequest(
                "10", ("Deals.all",), "https://x", token="sekrit-token", channel_expiry=expiry
            )
        ]
    )
    assert results[0].ok
    sent = body_of(zoho.requests[-1])["watch"][0]
    assert sent["channel_expiry"] == "2026-05-01T00:00:00+00:00" and sent["events"] == ["Deals.all"]
    await client.renew_channel("10", ["Deals.all"], expiry)
    assert zoho.requests[-1].method == "PATCH"
    [channel] = await client.list_channels(module="Deals")
    assert channel.channel_id == "10" and channel.resource_names == ("Deals",)
    assert "sekrit-token" not in repr(channel)
    assert (await client.unsubscribe(["10"]))[0].ok
    assert zoho.requests[-1].url.params["channel_ids"] == "10"


async def test_watch_failure_raises(client: ZohoCrmClient, zoho: FakeZoho) -> None:
    bad = {"code": "DUPLICATE_DATA", "details": {}, "message": "channel exists", "status": "error"}
    zoho.api = lambda request: reply(400, {"watch": [bad]})
    with pytest.raises(CrmConflict):
        await client.subscribe([WatchRequest("10", ("Deals.all",), "https://x")])
