"""The integration's lifecycle: deletion jobs and the CRM's notification (watch) channels."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields

from orm.models.base import TimestampedModel
from orm.models.organizations import Organization


class DeletionMode(StrEnum):
    """What happens to synced customers and potentials when the integration is deleted."""

    CONVERT_ALL = "CONVERT_ALL"
    KEEP_WITH_TRANSACTIONS = "KEEP_WITH_TRANSACTIONS"


class DeletionStatus(StrEnum):
    QUEUED = "QUEUED"
    RUNNING = "RUNNING"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"


class IntegrationDeletion(TimestampedModel):
    """One request to delete the organisation's integration, run as a job."""

    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="integration_deletions", on_delete=fields.CASCADE
    )
    org_id: int
    mode = fields.CharEnumField(DeletionMode, max_length=24)
    status = fields.CharEnumField(DeletionStatus, max_length=12, default=DeletionStatus.QUEUED)
    requested_by_id = fields.IntField(null=True)
    converted_customers = fields.IntField(default=0)
    converted_potentials = fields.IntField(default=0)
    deleted_customers = fields.IntField(default=0)
    deleted_potentials = fields.IntField(default=0)
    finished_at = fields.DatetimeField(null=True)
    error_message = fields.TextField(default="")

    class Meta:
        table = "integration_deletion"


class WatchChannel(TimestampedModel):
    """A CRM notification channel: the CRM POSTs its changes to our callback URL with the
    channel's token, which is kept hashed (SHA-256) only."""

    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="watch_channels", on_delete=fields.CASCADE
    )
    org_id: int
    channel_id = fields.CharField(max_length=32, unique=True)
    token_hash = fields.CharField(max_length=64)
    events: list[str] = fields.JSONField(default=list)
    expires_at = fields.DatetimeField()

    class Meta:
        table = "watch_channel"
