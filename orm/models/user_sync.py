"""Runs of the CRM users sync: what one import of the CRM's users did."""

from __future__ import annotations

from tortoise import fields

from orm.models.base import TimestampedModel
from orm.models.integration import SyncRun, SyncStatus
from orm.models.organizations import Organization


class UserSyncRun(TimestampedModel):
    """One users sync: instant (on enabling or asked), or after a customer sync run
    (``sync_run`` set). Counts say what happened to Spendsync users."""

    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="user_sync_runs", on_delete=fields.CASCADE
    )
    org_id: int
    sync_run: fields.ForeignKeyNullableRelation[SyncRun] = fields.ForeignKeyField(
        "models.SyncRun", related_name="user_sync_runs", null=True, on_delete=fields.SET_NULL
    )
    sync_run_id: int | None
    trigger = fields.CharField(max_length=16, default="MANUAL")
    status = fields.CharEnumField(SyncStatus, max_length=12, default=SyncStatus.RUNNING)
    finished_at = fields.DatetimeField(null=True)
    # Active users the CRM listed.
    fetched = fields.IntField(default=0)
    # New Spendsync users, ACTIVE within the plan limit and INACTIVE beyond it.
    created_active = fields.IntField(default=0)
    created_inactive = fields.IntField(default=0)
    # Existing Spendsync users linked by e-mail.
    linked = fields.IntField(default=0)
    # Linked users deactivated because the CRM deactivated or deleted them.
    deactivated = fields.IntField(default=0)
    # CRM users that could not be imported (no e-mail, e-mail of a user linked elsewhere).
    skipped = fields.IntField(default=0)
    error_message = fields.TextField(default="")

    class Meta:
        table = "user_sync_run"
        indexes = (("org", "created_at"),)
