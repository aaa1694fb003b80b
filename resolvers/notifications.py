"""In-app notifications: each user sees and marks only their own."""

from __future__ import annotations

from datetime import UTC, datetime

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.queryset import QuerySet

from orm import models
from resolvers.errors import ErrorCode, MutationResult
from resolvers.viewer import Viewer


def list_notifications(
    viewer: Viewer, *, unread_only: bool = False
) -> QuerySet[models.Notification]:
    """The viewer's notifications, newest first."""
    query = models.Notification.filter(org_id=viewer.org_id, user_id=viewer.user_id)
    if unread_only:
        query = query.filter(read_at__isnull=True)
    return query.order_by("-created_at", "-id")


async def unread_count(viewer: Viewer) -> int:
    return await list_notifications(viewer, unread_only=True).count()


async def mark_read(viewer: Viewer, notification_id: int | None) -> MutationResult[int]:
    """Mark one notification read, or all of them (``None``); the value is how many changed.
    Marking a read notification again changes nothing."""
    query = models.Notification.filter(
        org_id=viewer.org_id, user_id=viewer.user_id, read_at__isnull=True
    )
    if notification_id is not None:
        if not await list_notifications(viewer).filter(id=notification_id).exists():
            return MutationResult.fail("id", "No such notification.", ErrorCode.NOT_FOUND)
        query = query.filter(id=notification_id)
    changed = await query.update(read_at=datetime.now(UTC))
    return MutationResult(changed)


async def notify_admins(
    conn: BaseDBAsyncClient, org_id: int, kind: str, title: str, body: str = ""
) -> int:
    """One notification for every active admin of the organisation; returns how many."""
    admins = await models.User.filter(
        org_id=org_id, role=models.UserRole.ADMIN, status=models.UserStatus.ACTIVE
    ).using_db(conn)
    await models.Notification.bulk_create(
        [
            models.Notification(org_id=org_id, user_id=admin.id, kind=kind, title=title, body=body)
            for admin in admins
        ],
        using_db=conn,
    )
    return len(admins)
