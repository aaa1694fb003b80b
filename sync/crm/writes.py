"""Insert, update, upsert and delete, in batches of at most 100 records.

Zoho answers a batch with one result per record, in input order, and an HTTP status that only
summarises them: 201 (all inserted), 200, 207 (mixed) or 400 (all failed). The client always
reads ``data[i]``. Writes send ``"trigger": []`` by default so the sync never fires the CRM's
workflows (which could write back and loop). ``If-Unmodified-Since`` makes the CRM refuse a
write to a record changed since then: 412 ``ALREADY_MODIFIED``, raised as
:class:`~sync.crm.errors.CrmConflict` carrying the results of the batches already written.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sync.crm.dto import WriteResult
from sync.crm.errors import CrmConflict, CrmError, CrmValidationError
from sync.crm.records import format_since
from sync.crm.transport import CrmResponse, Transport

MAX_BATCH = 100


def batches(items: Sequence[Any], size: int = MAX_BATCH) -> list[Sequence[Any]]:
    if size < 1 or size > MAX_BATCH:
        raise ValueError(f"batch size must be between 1 and {MAX_BATCH}")
    return [items[i : i + size] for i in range(0, len(items), size)]


def write_credits(count: int) -> int:
    """Zoho charges 1 credit per 10 records written."""
    return max(1, math.ceil(count / 10))


class Writer:
    def __init__(self, transport: Transport) -> None:
        self.transport = transport

    async def insert(
        self,
        module: str,
        records: Sequence[Mapping[str, Any]],
        *,
        trigger: Sequence[str] = (),
        batch_size: int = MAX_BATCH,
    ) -> list[WriteResult]:
        return await self._write(
            "POST", module, records, {"trigger": list(trigger)}, None, batch_size, False
        )

    async def update(
        self,
        module: str,
        records: Sequence[Mapping[str, Any]],
        *,
        trigger: Sequence[str] = (),
        unmodified_since: datetime | None = None,
        batch_size: int = MAX_BATCH,
    ) -> list[WriteResult]:
        if any("id" not in r for r in records):
            raise ValueError("every record to update needs an `id`")
        return await self._write(
            "PUT", module, records, {"trigger": list(trigger)}, unmodified_since, batch_size, True
        )

    async def upsert(
        self,
        module: str,
        records: Sequence[Mapping[str, Any]],
        *,
        duplicate_check_fields: Sequence[str] = (),
        trigger: Sequence[str] = (),
        unmodified_since: datetime | None = None,
        batch_size: int = MAX_BATCH,
    ) -> list[WriteResult]:
        extra: dict[str, Any] = {"trigger": list(trigger)}
        if duplicate_check_fields:
            extra["duplicate_check_fields"] = list(duplicate_check_fields)
        return await self._write(
            "POST", f"{module}/upsert", records, extra, unmodified_since, batch_size, True
        )

    async def delete(
        self, module: str, ids: Sequence[str], *, batch_size: int = MAX_BATCH
    ) -> list[WriteResult]:
        results: list[WriteResult] = []
        for batch in batches(list(ids), batch_size):
            response = await self.transport.request(
                "DELETE",
                module,
                params={"ids": ",".join(batch), "wf_trigger": "false"},
                per_record_key="data",
            )
            results.extend(_results(response, len(results), len(batch)))
        return results

    async def _write(
        self,
        method: str,
        path: str,
        records: Sequence[Mapping[str, Any]],
        extra: Mapping[str, Any],
        unmodified_since: datetime | None,
        batch_size: int,
        idempotent: bool,
    ) -> list[WriteResult]:
        headers = (
            {"If-Unmodified-Since": format_since(unmodified_since)} if unmodified_since else {}
        )
        results: list[WriteResult] = []
        for batch in batches(list(records), batch_size):
            try:
                response = await self.transport.request(
                    method,
                    path,
                    json={"data": [dict(r) for r in batch], **extra},
                    headers=headers,
                    credits=write_credits(len(batch)),
                    idempotent=idempotent,
                    per_record_key="data",
                    heavy=len(batch) > 10,
                )
            except CrmConflict as exc:
                exc.completed = tuple(results)
                raise
            results.extend(_results(response, len(results), len(batch)))
        return results


def _results(response: CrmResponse, offset: int, expected: int) -> list[WriteResult]:
    body = response.body if isinstance(response.body, dict) else {}
    data = body.get("data")
    if not isinstance(data, list) or len(data) != expected:
        error: CrmError = CrmValidationError(
            f"expected {expected} per-record results, got "
            f"{len(data) if isinstance(data, list) else 'none'} (HTTP {response.status})",
            status=response.status,
        )
        raise error
    return [WriteResult.from_json(offset + i, item) for i, item in enumerate(data)]
