"""CSV exports over HTTP: authenticated like /graphql (Bearer token or session cookie),
streamed, named after their filters; a read-only token may export."""

from __future__ import annotations

import csv
import io
import json

import httpx
from starlette.applications import Starlette

from orm import models
from resolvers.identity.tokens import create_token
from tests.factories import viewer_for
from tests.gql.analytics.conftest import build_dataset
from tests.web.conftest import sign_in


async def _read_only_token(user: models.User) -> dict[str, str]:
    created = await create_token(
        viewer_for(user), name="reporting", expires_at=None, scope=models.ApiTokenScope.READ_ONLY
    )
    assert created.value is not None
    return {"Authorization": f"Bearer {created.value.secret}"}


async def test_a_reporting_tool_exports_spend_with_a_read_only_token(
    app: Starlette, client: httpx.AsyncClient
) -> None:
    data = await build_dataset()
    headers = await _read_only_token(data.admin)
    params = {"groupBy": "USER", "filter": json.dumps({"statuses": ["APPROVED", "REIMBURSED"]})}
    chunks = []
    async with client.stream(
        "GET", "/exports/spend.csv", params=params, headers=headers
    ) as response:
        assert response.status_code == 200
        assert response.headers["content-type"] == "text/csv; charset=utf-8"
        assert response.headers["content-disposition"] == (
            'attachment; filename="spend-by-user_status-approved-reimbursed.csv"'
        )
        assert response.headers["cache-control"] == "private, no-store"
        chunks = [chunk async for chunk in response.aiter_text()]
    header, *rows = list(csv.reader(io.StringIO("".join(chunks))))
    assert [(r[header.index("user")], r[header.index("total")]) for r in rows] == [
        ("Bob", "230.00"), ("Alice", "180.00"),
    ]  # fmt: skip
    # the same token may not change anything
    refused = await client.post("/graphql", json={"query": "mutation { sessionDelete { errors { code } } }"},
                                headers=headers)  # fmt: skip
    assert refused.json()["errors"][0]["extensions"]["code"] == "READ_ONLY_TOKEN"


async def test_a_signed_in_user_exports_what_they_may_see(
    app: Starlette, client: httpx.AsyncClient
) -> None:
    data = await build_dataset()
    await sign_in(client, data.bob.email)
    response = await client.get("/exports/expenses.csv")
    assert response.status_code == 200
    assert response.headers["content-disposition"] == 'attachment; filename="expenses.csv"'
    header, *rows = list(csv.reader(io.StringIO(response.text)))
    assert [(r[header.index("date")], r[header.index("user")]) for r in rows] == [
        ("2026-02-03", "Bob"), ("2026-02-14", "Bob"), ("2026-04-01", "Bob"),
    ]  # fmt: skip


async def test_refusals(app: Starlette, client: httpx.AsyncClient) -> None:
    data = await build_dataset()
    anonymous = await client.get("/exports/spend.csv")
    assert anonymous.status_code == 401
    assert anonymous.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    forged = await client.get("/exports/expenses.csv", headers={"Authorization": "Bearer sst_nope"})
    assert forged.status_code == 401
    headers = await _read_only_token(data.admin)
    bad = await client.get("/exports/spend.csv", params={"groupBy": "DEAL"}, headers=headers)
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["extensions"]["code"] == "BAD_GROUPING"
    bad_filter = await client.get("/exports/expenses.csv", params={"filter": "{"}, headers=headers)
    assert bad_filter.json()["errors"][0]["extensions"]["code"] == "BAD_FILTER"
