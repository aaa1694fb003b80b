"""Queries of receipts (the upload is an HTTP endpoint, the conversion an expense mutation)."""

from __future__ import annotations

import strawberry

from gql.context import Info
from gql.pagination import After, Connection, First, paginate
from gql.permissions import IsAuthenticated, viewer_of
from gql.receipts.types import Receipt
from resolvers.receipts import service as receipts


@strawberry.type
class ReceiptQueries:
    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="Your uploaded receipts not yet attached to an expense, newest first.",
    )
    async def receipt_inbox(
        self, info: Info, first: First = None, after: After = None
    ) -> Connection[Receipt]:
        return await paginate(
            receipts.inbox(viewer_of(info)), Receipt.from_model, first=first, after=after
        )
