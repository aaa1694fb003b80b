"""Output types of receipts."""

from __future__ import annotations

from datetime import datetime

import strawberry

from gql.context import Info
from gql.errors import PublicError
from gql.ids import encode_id
from gql.node import Node
from orm import models
from resolvers.receipts import urls as receipt_urls


@strawberry.type(
    description=(
        "An uploaded receipt file (image or PDF), in the uploader's"
        " inbox or attached to an expense."
    )
)
class Receipt(Node):
    id: strawberry.ID = strawberry.field(description="Opaque id of the receipt.")
    file_name: str = strawberry.field(description="The uploaded file's name.")
    content_type: str = strawberry.field(
        description="MIME type, e.g. image/jpeg or application/pdf."
    )
    size: int = strawberry.field(description="Size in bytes.")
    is_duplicate: bool = strawberry.field(description="Another receipt has the same content.")
    uploaded_at: datetime = strawberry.field(
        description="When it was uploaded (ISO 8601 date-time, UTC)."
    )
    download_path: str = strawberry.field(
        description="Needs the session or an API token (Authorization header); see `url`."
    )
    _pk: strawberry.Private[int] = 0

    @classmethod
    def from_model(cls, row: models.Receipt) -> Receipt:
        identifier = encode_id("Receipt", row.id)
        return cls(
            id=identifier, file_name=row.file_name, content_type=row.content_type, size=row.size,
            is_duplicate=row.is_duplicate, uploaded_at=row.uploaded_at,
            download_path=f"/receipts/{identifier}", _pk=row.id,
        )  # fmt: skip

    @strawberry.field(
        description="A signed URL of the file that works without cookie or header for a few "
        "minutes (an <img src>, a link): absolute, on the address the API was called at."
    )
    def url(self, info: Info) -> str:
        receipts = info.context.receipts
        if receipts is None or not receipts.url_key:
            raise PublicError("Receipt URLs are not available here.", "SERVICE_UNAVAILABLE")
        path = receipt_urls.signed_path(receipts.url_key, self._pk, str(self.id))
        request = info.context.request
        base = str(request.base_url).rstrip("/") if request is not None else ""
        return base + path
