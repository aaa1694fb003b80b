"""In-app notifications: a message for one user, read or unread."""

from __future__ import annotations

from tortoise import fields

from orm.models.base import TimestampedModel
from orm.models.identity import User
from orm.models.organizations import Organization


class Notification(TimestampedModel):
    """Shown to ``user`` only; ``read_at`` is set when they mark it read."""

    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="notifications", on_delete=fields.CASCADE
    )
    org_id: int
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="notifications", on_delete=fields.CASCADE
    )
    user_id: int
    kind = fields.CharField(max_length=48)
    title = fields.CharField(max_length=200)
    body = fields.TextField(default="")
    read_at = fields.DatetimeField(null=True)

    class Meta:
        table = "notification"
        indexes = (("user", "read_at"),)
