"""Receipt upload and download over HTTP, the inbox and conversion through GraphQL."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette

from gql.ids import encode_id
from orm import models
from resolvers.identity.tokens import create_token
from tests.factories import make_category, make_report, make_user, viewer_for

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200
PDF = b"%PDF-1.7\n" + b"x" * 300


async def bearer(user: models.User) -> dict[str, str]:
    created = await create_token(viewer_for(user), name="widget", expires_at=None)
    assert created.value is not None
    return {"Authorization": f"Bearer {created.value.secret}"}


async def upload(
    client: httpx.AsyncClient, headers: dict[str, str], data: bytes, name: str = "lunch.png",
    content_type: str = "image/png",
) -> httpx.Response:  # fmt: skip
    return await client.post(
        "/receipts", files={"file": (name, data, content_type)}, headers=headers
    )


async def test_upload_inbox_convert_and_download(
    app: Starlette, client: httpx.AsyncClient, admin: models.User
) -> None:
    org = await admin.org
    alice = await make_user(org, email="alice@acme.example")
    meals = await make_category(org)
    headers = await bearer(alice)

    first = await upload(client, headers, PNG)
    assert first.status_code == 201
    receipt = first.json()["receipt"]
    assert receipt["contentType"] == "image/png" and receipt["isDuplicate"] is False
    again = await upload(client, headers, PNG, name="lunch-again.png")
    assert again.json()["receipt"]["isDuplicate"] is True
    stored = app.state.receipts.storage.root  # content-addressed: one file for both
    digest = hashlib.sha256(PNG).hexdigest()
    assert (Path(stored) / digest[:2] / digest[2:4] / digest).read_bytes() == PNG

    inbox = await client.post("/graphql", headers=headers,
                              json={"query": "{ receiptInbox { totalCount nodes { id isDuplicate } } }"})  # fmt: skip
    assert inbox.json()["data"]["receiptInbox"]["totalCount"] == 2

    convert = """mutation($input: ReceiptConvertInput!) {
      receiptConvert(input: $input) { expense { id receipts { id fileName } } errors { field code } } }"""
    converted = await client.post("/graphql", headers=headers, json={"query": convert, "variables": {"input": {
        "receiptId": receipt["id"],
        "expense": {"date": "2026-01-15", "categoryId": encode_id("Category", meals.id), "amount": "18.20"},
    }}})  # fmt: skip
    expense = converted.json()["data"]["receiptConvert"]["expense"]
    assert expense["receipts"] == [{"id": receipt["id"], "fileName": "lunch.png"}]
    inbox = await client.post(
        "/graphql", headers=headers, json={"query": "{ receiptInbox { totalCount } }"}
    )
    assert inbox.json()["data"]["receiptInbox"]["totalCount"] == 1

    unicode_name = await upload(
        client, headers, PDF, name="收据 €.pdf", content_type="application/pdf"
    )
    named = await client.get(f"/receipts/{unicode_name.json()['receipt']['id']}", headers=headers)
    assert named.status_code == 200
    assert (
        "filename*=UTF-8''%E6%94%B6%E6%8D%AE%20%E2%82%AC.pdf"
        in named.headers["content-disposition"]
    )

    download = await client.get(f"/receipts/{receipt['id']}", headers=headers)
    assert download.status_code == 200
    assert download.content == PNG
    assert download.headers["content-type"] == "image/png"
    assert "attachment" in download.headers["content-disposition"]

    # another submitter cannot; the approver of the report it is submitted in can
    bob = await make_user(org, email="bob@acme.example")
    assert (
        await client.get(f"/receipts/{receipt['id']}", headers=await bearer(bob))
    ).status_code == 404
    approver = await make_user(org, email="approver@acme.example", role=models.UserRole.APPROVER)
    report = await make_report(alice, status=models.ReportStatus.SUBMITTED, approver=approver)
    await models.Expense.filter(user=alice).update(report_id=report.id)
    assert (
        await client.get(f"/receipts/{receipt['id']}", headers=await bearer(approver))
    ).status_code == 200
    assert (await client.get(f"/receipts/{receipt['id']}")).status_code == 401


@pytest.mark.parametrize(
    ("data", "name", "content_type", "status", "code"),
    [
        (b"hello, I am text", "notes.png", "image/png", 400, "UNSUPPORTED_FILE_TYPE"),
        (PNG, "lunch.jpg", "image/jpeg", 400, "UNSUPPORTED_FILE_TYPE"),
        (
            b"MZ\x90\x00" + b"\x00" * 100,
            "virus.exe",
            "application/octet-stream",
            400,
            "UNSUPPORTED_FILE_TYPE",
        ),
        (PDF + b"x" * (64 * 1024), "huge.pdf", "application/pdf", 413, "FILE_TOO_LARGE"),
    ],
)
async def test_bad_uploads_are_refused_and_store_nothing(
    app: Starlette, client: httpx.AsyncClient, admin: models.User,
    data: bytes, name: str, content_type: str, status: int, code: str,
) -> None:  # fmt: skip
    response = await upload(client, await bearer(admin), data, name, content_type)
    assert response.status_code == status
    assert response.json()["errors"][0]["code"] == code
    assert response.json()["errors"][0]["field"] == ["file"]  # UserError's path shape
    assert await models.Receipt.all().count() == 0
    assert not Path(app.state.receipts.storage.root).exists()  # noqa: ASYNC240


async def test_upload_needs_identity_and_csrf(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    assert (await upload(client, {}, PDF, "a.pdf", "application/pdf")).status_code == 401
    from tests.web.conftest import sign_in

    csrf = await sign_in(client, admin.email)
    assert (await upload(client, {}, PDF, "a.pdf", "application/pdf")).status_code == 403
    accepted = await upload(client, {"X-CSRF-Token": csrf}, PDF, "a.pdf", "application/pdf")
    assert accepted.status_code == 201
    other_org = await models.Organization.create(name="Other")
    outsider = await make_user(other_org, email="x@other.example")
    receipt_id = accepted.json()["receipt"]["id"]
    client.cookies.clear()
    assert (
        await client.get(f"/receipts/{receipt_id}", headers=await bearer(outsider))
    ).status_code == 404


async def test_a_chunked_upload_without_length_is_cut_off(
    client: httpx.AsyncClient, admin: models.User
) -> None:
    headers = await bearer(admin)
    boundary = "spendsyncboundary"

    async def body() -> AsyncIterator[bytes]:
        yield (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        for _ in range(40):  # 40 x 8 KiB, well past the 64 KiB limit of the test app
            yield b"%PDF-" + b"x" * 8187
        yield f"\r\n--{boundary}--\r\n".encode()

    response = await client.post(
        "/receipts", content=body(),
        headers=headers | {"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )  # fmt: skip
    assert response.status_code == 413
    assert response.json()["errors"][0]["code"] == "FILE_TOO_LARGE"
    assert await models.Receipt.all().count() == 0
