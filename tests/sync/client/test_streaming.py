"""The record iterator holds one page at a time: peak memory does not grow with the count."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable

import httpx

from sync.crm import ZohoCrmClient
from tests.sync.client.conftest import FakeZoho, records_page


def paged(total_pages: int) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        params = request.url.params
        n = int(params["page_token"][1:]) if "page_token" in params else int(params["page"])
        ids = range(n * 1000, n * 1000 + 200)
        return records_page(
            ids,
            more=n < total_pages,
            page=n,
            token=f"t{n + 1}",
            extra=lambda i: {"Description": "x" * 200},
        )

    return handler


async def peak_bytes(client: ZohoCrmClient, zoho: FakeZoho, pages: int) -> tuple[int, int]:
    zoho.api = paged(pages)
    zoho.requests.clear()
    count = 0
    tracemalloc.start()
    async for _record in client.iter_records("Accounts", ["Description"]):
        count += 1
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return count, peak


async def test_peak_memory_independent_of_record_count(
    client: ZohoCrmClient, zoho: FakeZoho
) -> None:
    # the fake keeps every request; drop them as we go so only the client's memory counts
    zoho.requests = _Forgetful()
    small_count, small_peak = await peak_bytes(client, zoho, 8)
    big_count, big_peak = await peak_bytes(client, zoho, 64)
    assert (small_count, big_count) == (8 * 200, 64 * 200)
    assert big_peak < small_peak * 1.5


class _Forgetful(list[httpx.Request]):
    def append(self, item: httpx.Request) -> None:
        pass
