from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from sync.crm import CrmConflict, CrmValidationError, ZohoCrmClient
from sync.crm.errors import CrmConflict as Conflict
from sync.crm.writes import batches
from tests.sync.client.conftest import FakeZoho, body_of, reply


def ok(i: str) -> dict[str, Any]:
    return {
        "code": "SUCCESS",
        "details": {"id": i, "Modified_Time": "2026-01-01T00:00:00+00:00"},
        "message": "record added",
        "status": "success",
    }


def failed(code: str = "MANDATORY_NOT_FOUND") -> dict[str, Any]:
    return {
        "code": code,
        "details": {"api_name": "Account_Name"},
        "message": "required field not found",
        "status": "error",
    }


def test_batches_of_at_most_100() -> None:
    assert [len(b) for b in batches(list(range(250)))] == [100, 100, 50]
    with pytest.raises(ValueError, match="between 1 and 100"):
        batches([1], 101)


async def test_insert_batches_by_100_with_empty_trigger(
    client: ZohoCrmClient, zoho: FakeZoho
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        body = body_of(request)
        return reply(201, {"data": [ok(r["Account_Name"]) for r in body["data"]]})

    zoho.api = handler
    results = await client.insert("Accounts", [{"Account_Name": str(i)} for i in range(230)])
    assert [len(body_of(r)["data"]) for r in zoho.requests] == [100, 100, 30]
    assert all(body_of(r)["trigger"] == [] for r in zoho.requests)
    assert [r.index for r in results] == list(range(230))
    assert [r.id for r in results] == [str(i) for i in range(230)]
    assert results[0].modified_time == datetime(2026, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("status", "answers", "expected_ok"),
    [
        (201, [ok("1"), ok("2")], [True, True]),
        (200, [ok("1"), ok("2")], [True, True]),
        (207, [ok("1"), failed()], [True, False]),
        (400, [failed(), failed("DUPLICATE_DATA")], [False, False]),
    ],
)
async def test_per_record_results_whatever_the_status(
    status: int,
    answers: list[dict[str, Any]],
    expected_ok: list[bool],
    client: ZohoCrmClient,
    zoho: FakeZoho,
) -> None:
    zoho.api = lambda request: reply(status, {"data": answers})
    results = await client.insert("Accounts", [{"Account_Name": "a"}, {"Account_Name": "b"}])
    assert [r.ok for r in results] == expected_ok
    for result in results:
        if result.ok:
            assert result.error() is None
        else:
            assert result.error() is not None
    if status == 400:
        assert isinstance(results[1].error(), Conflict)
        assert isinstance(results[0].error(), CrmValidationError)


async def test_400_without_per_record_data_raises(client: ZohoCrmClient, zoho: FakeZoho) -> None:
    zoho.api = lambda request: reply(
        400, {"code": "LIMIT_EXCEEDED", "details": {}, "message": "too many", "status": "error"}
    )
    with pytest.raises(CrmValidationError):
        await client.insert("Accounts", [{"Account_Name": "a"}])


async def test_result_count_mismatch_raises(client: ZohoCrmClient, zoho: FakeZoho) -> None:
    zoho.api = lambda request: reply(201, {"data": [ok("1")]})
    with pytest.raises(CrmValidationError, match="expected 2"):
        await client.insert("Accounts", [{"Account_Name": "a"}, {"Account_Name": "b"}])


async def test_update_with_if_unmodified_since_412_is_a_conflict(
    client: ZohoCrmClient, zoho: FakeZoho
) -> None:
    answers = [
        reply(200, {"data": [ok(str(i)) for i in range(100)]}),
        reply(
            412,
            {"code": "ALREADY_MODIFIED", "details": {}, "message": "modified", "status": "error"},
        ),
    ]
    zoho.api = lambda request: answers.pop(0)
    since = datetime(2026, 2, 1, tzinfo=UTC)
    with pytest.raises(CrmConflict) as info:
        await client.update(
            "Deals", [{"id": str(i), "Stage": "Won"} for i in range(150)], unmodified_since=since
        )
    assert info.value.status == 412
    assert len(info.value.completed) == 100
    assert zoho.requests[0].method == "PUT"
    assert zoho.requests[0].headers["If-Unmodified-Since"] == "2026-02-01T00:00:00+00:00"


async def test_update_needs_ids(client: ZohoCrmClient) -> None:
    with pytest.raises(ValueError, match="needs an `id`"):
        await client.update("Deals", [{"Stage": "Won"}])


async def test_upsert_sends_duplicate_check_fields_and_reads_action(
    client: ZohoCrmClient, zoho: FakeZoho
) -> None:
    answer = {
        **ok("1"),
        "action": "update",
        "duplicate_field": "Email",
        "message": "record updated",
    }
    zoho.api = lambda request: reply(200, {"data": [answer]})
    results = await client.upsert(
        "Contacts", [{"Email": "a@b.c", "Last_Name": "A"}], duplicate_check_fields=["Email"]
    )
    request = zoho.requests[0]
    assert (request.method, request.url.path) == ("POST", "/crm/v8/Contacts/upsert")
    assert body_of(request)["duplicate_check_fields"] == ["Email"]
    assert body_of(request)["trigger"] == []
    assert results[0].action == "update" and results[0].duplicate_field == "Email"


async def test_delete_in_batches_of_100(client: ZohoCrmClient, zoho: FakeZoho) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        ids = request.url.params["ids"].split(",")
        return reply(
            200,
            {
                "data": [
                    {
                        "code": "SUCCESS",
                        "details": {"id": i},
                        "message": "record deleted",
                        "status": "success",
                    }
                    for i in ids
                ]
            },
        )

    zoho.api = handler
    results = await client.delete("Accounts", [str(i) for i in range(150)])
    assert [len(r.url.params["ids"].split(",")) for r in zoho.requests] == [100, 50]
    assert all(r.method == "DELETE" for r in zoho.requests)
    assert [r.id for r in results] == [str(i) for i in range(150)]
