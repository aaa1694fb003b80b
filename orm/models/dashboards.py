"""Dashboards: a user's own arrangement of analytics components, or the organisation's default."""

from __future__ import annotations

from typing import Any

from tortoise import fields

from orm.models.base import TimestampedModel
from orm.models.identity import User
from orm.models.organizations import Organization


class Dashboard(TimestampedModel):
    """Exactly one of ``user`` (their own dashboard) and ``default_of`` (the organisation's
    default, seen by every user without their own) is set; both are unique, so a user has at
    most one dashboard and an organisation at most one default. ``components`` is the ordered
    list of component settings, checked by ``resolvers.dashboards`` before it is stored."""

    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="dashboards", on_delete=fields.CASCADE
    )
    org_id: int
    user: fields.OneToOneNullableRelation[User] = fields.OneToOneField(
        "models.User", related_name="dashboard", null=True, on_delete=fields.CASCADE
    )
    user_id: int | None
    default_of: fields.OneToOneNullableRelation[Organization] = fields.OneToOneField(
        "models.Organization", related_name="default_dashboard", null=True,
        on_delete=fields.CASCADE,
    )  # fmt: skip
    default_of_id: int | None
    components: list[dict[str, Any]] = fields.JSONField(default=list)
    updated_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="dashboards_updated", null=True, on_delete=fields.SET_NULL
    )
    updated_by_id: int | None

    class Meta:
        table = "dashboard"
