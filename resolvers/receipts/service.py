"""Uploading, listing, converting and downloading receipts."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from orm import models
from resolvers.errors import ErrorCode, MutationResult
from resolvers.expenses.access import visible_expenses
from resolvers.receipts.storage import ReceiptStorage
from resolvers.viewer import Viewer

# Accepted types, recognised by their first bytes (the declared type must agree).
SIGNATURES = {
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "application/pdf": (b"%PDF-",),
}
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ReceiptSettings:
    storage: ReceiptStorage
    max_bytes: int = DEFAULT_MAX_BYTES
    # signs the short-lived receipt URLs (resolvers.receipts.urls); the app passes SECRET_KEY
    url_key: str = field(default="", repr=False)


def sniff(data: bytes) -> str | None:
    for content_type, prefixes in SIGNATURES.items():
        if any(data.startswith(prefix) for prefix in prefixes):
            return content_type
    return None


async def upload_receipt(
    viewer: Viewer,
    settings: ReceiptSettings,
    *,
    file_name: str,
    declared_type: str | None,
    data: bytes,
) -> MutationResult[models.Receipt]:
    if len(data) > settings.max_bytes:
        return MutationResult.fail(
            "file",
            f"Receipts may be at most {settings.max_bytes // 1024} KiB.",
            ErrorCode.FILE_TOO_LARGE,
        )
    content_type = sniff(data)
    declared = (declared_type or "").split(";", 1)[0].strip().lower()
    if content_type is None or (
        declared and declared not in {content_type, "application/octet-stream"}
    ):
        return MutationResult.fail(
            "file", "Upload a JPEG, PNG or PDF file.", ErrorCode.UNSUPPORTED_FILE_TYPE
        )
    cleaned = " ".join(file_name.replace("/", "_").replace("\\", "_").split())
    name = (cleaned[-255:] if len(cleaned) > 255 else cleaned) or "receipt"  # keep the extension
    digest = hashlib.sha256(data).hexdigest()
    await settings.storage.put(digest, data)  # before the row: a row never points at nothing
    async with in_transaction() as connection:
        # one upload of these bytes at a time per organisation, so of identical uploads sent
        # at once exactly the first is not a duplicate
        await _lock_digest(connection, viewer.org_id, digest)
        duplicate = (
            await models.Receipt.filter(org_id=viewer.org_id, sha256=digest)
            .using_db(connection)
            .exists()
        )
        receipt = await models.Receipt.create(
            org_id=viewer.org_id, user_id=viewer.user_id, file_name=name,
            content_type=content_type, size=len(data), sha256=digest, is_duplicate=duplicate,
            using_db=connection,
        )  # fmt: skip
    return MutationResult(receipt)


async def _lock_digest(connection: BaseDBAsyncClient, org_id: int, digest: str) -> None:
    """Until the transaction ends. SQLite's transactions are serial already (one connection,
    one lock); PostgreSQL takes a transaction-scoped advisory lock on (organisation, digest)."""
    if connection.capabilities.dialect == "postgres":
        key = int(digest[:8], 16) - 2**31  # any int4; a collision only serialises two uploads
        await connection.execute_query("SELECT pg_advisory_xact_lock($1, $2)", [org_id, key])


def visible_receipts(viewer: Viewer) -> QuerySet[models.Receipt]:
    """Your own receipts, and those of expenses you may see."""
    query = models.Receipt.filter(org_id=viewer.org_id)
    if viewer.is_admin:
        return query
    return query.filter(
        Q(user_id=viewer.user_id)
        | Q(expense_id__in=Subquery(visible_expenses(viewer).values("id")))
    )


def inbox(viewer: Viewer) -> QuerySet[models.Receipt]:
    """Receipts uploaded by the viewer and not yet part of an expense."""
    return models.Receipt.filter(
        org_id=viewer.org_id, user_id=viewer.user_id, expense_id__isnull=True
    ).order_by("-uploaded_at", "-id")


async def download_receipt(
    viewer: Viewer, storage: ReceiptStorage, receipt_id: int | None
) -> tuple[models.Receipt, bytes] | None:
    if receipt_id is None:
        return None
    receipt = await visible_receipts(viewer).get_or_none(id=receipt_id)
    if receipt is None:
        return None
    return receipt, await storage.get(receipt.sha256)


async def receipt_by_signed_url(
    storage: ReceiptStorage, receipt_id: int
) -> tuple[models.Receipt, bytes] | None:
    """A receipt whose signed URL was checked (resolvers.receipts.urls): no viewer needed."""
    receipt = await models.Receipt.get_or_none(id=receipt_id)
    if receipt is None:
        return None
    return receipt, await storage.get(receipt.sha256)
