"""In-app notifications of the signed-in user (their own only)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from gql.context import Info
from gql.errors import UserError, errors_field
from gql.ids import decode_id, encode_id
from gql.node import Node
from gql.pagination import After, Connection, First, paginate
from gql.payloads import payload
from gql.permissions import IsAuthenticated, viewer_of
from orm import models
from resolvers import notifications


@strawberry.type(
    description=(
        "An in-app notification of the signed-in user, e.g. an admin told that the CRM "
        "integration's deletion has finished. Each user sees only their own."
    )
)
class Notification(Node):
    id: strawberry.ID = strawberry.field(description="Opaque id of the notification.")
    kind: str = strawberry.field(
        description="What happened, a stable code such as INTEGRATION_DELETED."
    )
    title: str = strawberry.field(description="One-line summary.")
    body: str = strawberry.field(description="The details, plain text.")
    created_at: datetime = strawberry.field(
        description="When it was raised (ISO 8601 date-time, UTC)."
    )
    read_at: datetime | None = strawberry.field(
        description="When it was marked read; null while unread."
    )

    @classmethod
    def from_model(cls, row: models.Notification) -> Notification:
        return cls(
            id=encode_id("Notification", row.id), kind=row.kind, title=row.title, body=row.body,
            created_at=row.created_at, read_at=row.read_at,
        )  # fmt: skip


@strawberry.input(description="Which notifications to mark read.")
class NotificationsMarkReadInput:
    id: strawberry.ID | None = strawberry.field(
        default=None, description="One notification; omitted: all of the viewer's."
    )


@strawberry.type(description="Result of `notificationsMarkRead`.")
class NotificationsMarkReadPayload:
    marked: int = strawberry.field(description="Notifications newly marked read.")
    unread_count: int = strawberry.field(description="Your unread notifications left.")
    errors: list[UserError] = errors_field()


@strawberry.type
class NotificationQueries:
    @strawberry.field(
        permission_classes=[IsAuthenticated], description="Your own notifications, newest first."
    )
    async def notifications(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        unread_only: Annotated[
            bool, strawberry.argument(description="Only unread notifications (false by default).")
        ] = False,
    ) -> Connection[Notification]:
        query = notifications.list_notifications(viewer_of(info), unread_only=unread_only)
        return await paginate(query, Notification.from_model, first=first, after=after)

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="How many of your notifications are unread (for a badge).",
    )
    async def notification_unread_count(self, info: Info) -> int:
        return await notifications.unread_count(viewer_of(info))


@strawberry.type
class NotificationMutations:
    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="Mark one of your notifications, or all of them, as read. Codes: NOT_FOUND.",
    )
    async def notifications_mark_read(
        self,
        info: Info,
        input: Annotated[
            NotificationsMarkReadInput,
            strawberry.argument(description="Which notification; all when left out."),
        ],
    ) -> NotificationsMarkReadPayload:
        viewer = viewer_of(info)
        target = None
        if input.id is not None:
            target = decode_id("Notification", input.id) or 0  # 0 matches nothing: NOT_FOUND
        result = await notifications.mark_read(viewer, target)
        unread = await notifications.unread_count(viewer)
        return payload(NotificationsMarkReadPayload, result, empty=0, unread_count=unread)
