"""In-app notifications of the signed-in user (their own only)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from gql.context import Info
from gql.errors import UserError
from gql.ids import decode_id, encode_id
from gql.pagination import After, Connection, First, paginate
from gql.payloads import payload
from gql.permissions import IsAuthenticated, viewer_of
from orm import models
from resolvers import notifications


@strawberry.type
class Notification:
    id: strawberry.ID
    kind: str
    title: str
    body: str
    created_at: datetime
    read_at: datetime | None

    @classmethod
    def from_model(cls, row: models.Notification) -> Notification:
        return cls(
            id=encode_id("Notification", row.id), kind=row.kind, title=row.title, body=row.body,
            created_at=row.created_at, read_at=row.read_at,
        )  # fmt: skip


@strawberry.input
class NotificationsMarkReadInput:
    id: strawberry.ID | None = strawberry.field(
        default=None, description="One notification; omitted: all of the viewer's."
    )


@strawberry.type
class NotificationsMarkReadPayload:
    marked: int
    unread_count: int
    errors: list[UserError]


@strawberry.type
class NotificationQueries:
    @strawberry.field(permission_classes=[IsAuthenticated], description="Newest first.")
    async def notifications(
        self, info: Info, first: First = None, after: After = None, unread_only: bool = False
    ) -> Connection[Notification]:
        query = notifications.list_notifications(viewer_of(info), unread_only=unread_only)
        return await paginate(query, Notification.from_model, first=first, after=after)

    @strawberry.field(permission_classes=[IsAuthenticated])
    async def notification_unread_count(self, info: Info) -> int:
        return await notifications.unread_count(viewer_of(info))


@strawberry.type
class NotificationMutations:
    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def notifications_mark_read(
        self, info: Info, input: NotificationsMarkReadInput
    ) -> NotificationsMarkReadPayload:
        viewer = viewer_of(info)
        target = None
        if input.id is not None:
            target = decode_id("Notification", input.id) or 0  # 0 matches nothing: NOT_FOUND
        result = await notifications.mark_read(viewer, target)
        unread = await notifications.unread_count(viewer)
        return payload(NotificationsMarkReadPayload, result, empty=0, unread_count=unread)
