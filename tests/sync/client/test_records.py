from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest

from sync.crm import CrmPaginationError, CrmPaginationLoop, ZohoCrmClient
from sync.crm.records import field_batches
from tests.sync.client.conftest import FakeZoho, records_page, reply


def test_field_batches_of_50_with_modified_time_first() -> None:
    fields = [f"F{i}" for i in range(120)] + ["id", "F3"]
    batches = field_batches(fields)
    assert [len(b) for b in batches] == [50, 50, 21]
    assert batches[0][0] == "Modified_Time"
    flat = [f for b in batches for f in b]
    assert len(flat) == len(set(flat)) == 121
    with pytest.raises(ValueError, match="at least one field"):
        field_batches(["id"])


async def test_page_numbers_then_page_token_past_2000(
    client: ZohoCrmClient, zoho: FakeZoho
) -> None:
    # given 13 pages of 200: pages 1..10 by number, then tokens t11, t12
    def handler(request: httpx.Request) -> httpx.Response:
        params = request.url.params
        if "page_token" in params:
            n = int(params["page_token"][1:])
            return records_page(range(n * 200, n * 200 + 200), more=n < 12, token=f"t{n + 1}")
        page = int(params["page"])
        assert "page_token" not in params
        return records_page(
            range((page - 1) * 200, page * 200), more=True, page=page, token=f"t{page}"
        )

    zoho.api = handler
    ids = [
        r.id
        async for r in client.iter_records(
            "Accounts", ["Account_Name"], sort_by="Modified_Time", sort_order="asc"
        )
    ]
    assert ids == [str(i) for i in range(13 * 200)]
    pages = [r.url.params.get("page") for r in zoho.requests]
    tokens = [r.url.params.get("page_token") for r in zoho.requests]
    assert pages == [str(p) for p in range(1, 11)] + [None, None, None]
    assert tokens == [None] * 10 + ["t10", "t11", "t12"]
    for request in zoho.requests:
        assert request.url.params["sort_by"] == "Modified_Time"
        assert request.url.params["sort_order"] == "asc"
        assert request.url.params["per_page"] == "200"
        assert request.url.params["fields"] == "Modified_Time,Account_Name"


async def test_repeated_page_token_is_a_loop(client: ZohoCrmClient, zoho: FakeZoho) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params.get("page", 11))
        return records_page(range(page, page + 200), more=True, page=page, token="same")

    zoho.api = handler
    with pytest.raises(CrmPaginationLoop):
        async for _ in client.iter_records("Accounts", ["Account_Name"]):
            pass
    assert len(zoho.requests) == 11


async def test_missing_token_past_2000_is_an_error(client: ZohoCrmClient, zoho: FakeZoho) -> None:
    zoho.api = lambda request: records_page(
        range(200), more=True, page=int(request.url.params["page"])
    )
    with pytest.raises(CrmPaginationError, match="no next_page_token"):
        async for _ in client.iter_pages("Accounts", ["Account_Name"]):
            pass


async def test_if_modified_since_304_and_204(client: ZohoCrmClient, zoho: FakeZoho) -> None:
    since = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    zoho.api = lambda request: reply(304)
    pages = [p async for p in client.iter_pages("Deals", ["Deal_Name"], modified_since=since)]
    assert len(pages) == 1 and pages[0].not_modified and pages[0].empty
    assert zoho.requests[0].headers["If-Modified-Since"] == "2026-03-01T12:00:00+00:00"
    zoho.api = lambda request: reply(204)
    assert [p async for p in client.iter_pages("Deals", ["Deal_Name"], modified_since=since)] == []
    with pytest.raises(ValueError, match="naive"):
        await client.get_page("Deals", ["Deal_Name"], modified_since=datetime(2026, 1, 1))


async def test_more_than_50_fields_are_fetched_in_batches_and_merged_by_id(
    client: ZohoCrmClient, zoho: FakeZoho
) -> None:
    fields = [f"F{i}" for i in range(75)]

    def handler(request: httpx.Request) -> httpx.Response:
        wanted = request.url.params["fields"].split(",")
        assert len(wanted) <= 50
        if "ids" in request.url.params:
            ids = request.url.params["ids"].split(",")
            ids.reverse()  # order must not matter
            data = [{"id": i, **{f: f"{f}-{i}" for f in wanted}} for i in ids if i != "2"]
            return reply(200, {"data": data, "info": {"count": len(data), "more_records": False}})
        return records_page(
            ["1", "2", "3"],
            more=False,
            page=1,
            extra=lambda i: {f: f"{f}-{i}" for f in wanted if f != "Modified_Time"},
        )

    zoho.api = handler
    records = [r async for r in client.iter_records("Accounts", fields)]
    assert [r.id for r in records] == ["1", "2", "3"]
    assert "F74" not in records[1].fields  # id 2 vanished between the two calls
    assert records[0].fields["F74"] == "F74-1"
    assert records[2].fields["F0"] == "F0-3"
    assert records[2].modified_time == datetime(2026, 1, 1, tzinfo=UTC)
    assert len(zoho.requests) == 2
    assert zoho.requests[1].url.params["ids"] == "1,2,3"


async def test_cvid_related_count_get_and_deleted(client: ZohoCrmClient, zoho: FakeZoho) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path.endswith("/actions/count"):
            return reply(200, {"count": 42})
        if path.endswith("/deleted"):
            page = int(request.url.params["page"])
            entry = {
                "id": str(page),
                "type": "recycle",
                "display_name": "x",
                "deleted_time": "2026-01-01T00:00:00+05:30",
                "deleted_by": {"name": "A", "id": "7"},
            }
            return reply(
                200,
                {
                    "data": [entry],
                    "info": {"count": 1, "page": page, "per_page": 200, "more_records": page < 2},
                },
            )
        if path == "/crm/v8/Accounts/5":
            return reply(
                200, {"data": [{"id": "5", "Account_Name": "Acme", "Modified_Time": None}]}
            )
        return records_page(["c1", "c2"], more=False, page=1)

    zoho.api = handler
    assert [
        r.id async for r in client.iter_related("Accounts", "5", "Contacts", ["Last_Name"])
    ] == ["c1", "c2"]
    assert zoho.requests[-1].url.path == "/crm/v8/Accounts/5/Contacts"
    assert await client.count("Accounts", cvid="9") == 42
    assert zoho.requests[-1].url.params["cvid"] == "9"
    record = await client.get_record("Accounts", "5")
    assert (
        record is not None and record.get("Account_Name") == "Acme" and record.modified_time is None
    )
    pages = [p async for p in client.iter_deleted("Accounts", type="recycle")]
    assert [d.id for p in pages for d in p.records] == ["1", "2"]
    assert pages[0].records[0].deleted_by is not None
    assert zoho.requests[-1].url.params["type"] == "recycle"
    page = await client.get_page("Accounts", ["Account_Name"], cvid="77")
    assert zoho.requests[-1].url.params["cvid"] == "77"
    assert page.info.page == 1
