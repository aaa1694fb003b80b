"""The CRM integration of an organisation, its sync runs and the per-stream bookmarks."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields

from orm.models.base import TimestampedModel
from orm.models.organizations import Organization


class IntegrationState(StrEnum):
    NOT_CONNECTED = "NOT_CONNECTED"
    CONNECTED = "CONNECTED"
    DISABLED = "DISABLED"


class CustomerModule(StrEnum):
    ACCOUNTS = "ACCOUNTS"
    CONTACTS = "CONTACTS"
    ACCOUNTS_AND_CONTACTS = "ACCOUNTS_AND_CONTACTS"


class SyncExtent(StrEnum):
    FETCH = "FETCH"
    TWO_WAY = "TWO_WAY"


class DuplicatePolicy(StrEnum):
    CLONE = "CLONE"
    OVERWRITE = "OVERWRITE"
    SKIP = "SKIP"


class ConflictPolicy(StrEnum):
    """Which side wins when a customer changed in both places since the last sync."""

    CRM_WINS = "CRM_WINS"
    SPENDSYNC_WINS = "SPENDSYNC_WINS"


class SyncStatus(StrEnum):
    QUEUED = "QUEUED"
    RUNNING = "RUNNING"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"


class Integration(TimestampedModel):
    """One per organisation. Secrets are stored encrypted (``*_encrypted``), never in clear."""

    org: fields.OneToOneRelation[Organization] = fields.OneToOneField(
        "models.Organization", related_name="integration", on_delete=fields.CASCADE
    )
    org_id: int
    state = fields.CharEnumField(
        IntegrationState, max_length=16, default=IntegrationState.NOT_CONNECTED
    )
    data_centre = fields.CharField(max_length=4, null=True)
    accounts_url = fields.CharField(max_length=255, null=True)
    api_url = fields.CharField(max_length=255, null=True)
    client_id = fields.CharField(max_length=255, default="")
    client_secret_encrypted = fields.TextField(default="")
    refresh_token_encrypted = fields.TextField(default="")
    crm_org_id = fields.CharField(max_length=64, null=True)
    crm_org_name = fields.CharField(max_length=255, null=True)
    crm_currency = fields.CharField(max_length=3, null=True)
    crm_multi_currency = fields.BooleanField(default=False)
    customer_module = fields.CharEnumField(
        CustomerModule, max_length=24, default=CustomerModule.ACCOUNTS
    )
    extent = fields.CharEnumField(SyncExtent, max_length=8, default=SyncExtent.FETCH)
    duplicate_policy = fields.CharEnumField(
        DuplicatePolicy, max_length=12, default=DuplicatePolicy.SKIP
    )
    conflict_policy = fields.CharEnumField(
        ConflictPolicy, max_length=16, default=ConflictPolicy.CRM_WINS
    )
    account_view_id = fields.CharField(max_length=64, null=True)
    contact_view_id = fields.CharField(max_length=64, null=True)
    include_orphan_contacts = fields.BooleanField(default=False)
    # ACCOUNTS_AND_CONTACTS: when set, only these CRM contacts become contact persons.
    picked_contact_ids: list[str] | None = fields.JSONField(null=True)
    customers_configured = fields.BooleanField(default=False)
    sync_interval_hours = fields.IntField(default=24)
    last_sync_at = fields.DatetimeField(null=True)
    next_sync_at = fields.DatetimeField(null=True)
    # Target (a customer field or "custom:<api name>") → CRM field api name, per module;
    # empty means the default mapping (sync/engine/fieldmap.py).
    account_field_map: dict[str, str] | None = fields.JSONField(default=dict, null=True)
    contact_field_map: dict[str, str] | None = fields.JSONField(default=dict, null=True)
    # When every record was last read regardless of bookmarks (see docs/SYNC.md, "Runs").
    last_full_read_at = fields.DatetimeField(null=True)
    # Users from the CRM (docs/SYNC.md, "Users from the CRM"): imported with every sync when on;
    # the role mapping is a list of {"kind": "PROFILE" or "ROLE", "name": ..., "role": ...}.
    users_sync_enabled = fields.BooleanField(default=False)
    user_role_mapping: list[dict[str, str]] | None = fields.JSONField(null=True)
    # Lifecycle (docs/SYNC.md, "Lifecycle"): the CRM tab's Expenses and Expense Reports modules,
    # and near-real-time sync through the CRM's notification channels.
    sync_modules = fields.BooleanField(default=False)
    real_time_sync = fields.BooleanField(default=False)

    class Meta:
        table = "integration"


class SyncRun(TimestampedModel):
    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="sync_runs", on_delete=fields.CASCADE
    )
    org_id: int
    status = fields.CharEnumField(SyncStatus, max_length=12, default=SyncStatus.QUEUED)
    trigger = fields.CharField(max_length=16, default="MANUAL")
    started_at = fields.DatetimeField(null=True)
    finished_at = fields.DatetimeField(null=True)
    estimated_total = fields.IntField(default=0)
    processed = fields.IntField(default=0)
    created = fields.IntField(default=0)
    updated = fields.IntField(default=0)
    cloned = fields.IntField(default=0)
    merged = fields.IntField(default=0)
    skipped = fields.IntField(default=0)
    deactivated = fields.IntField(default=0)
    failed = fields.IntField(default=0)
    pushed = fields.IntField(default=0)
    conflicts = fields.IntField(default=0)
    error_message = fields.TextField(default="")
    # per CRM module: {"Accounts": {"processed": 40, "estimated": 120}, ...}; null before a
    # run has counted its streams
    stream_progress: dict[str, dict[str, int]] | None = fields.JSONField(null=True)

    class Meta:
        table = "sync_run"
        indexes = (("org", "status"),)


class SyncRecordError(TimestampedModel):
    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="sync_record_errors", on_delete=fields.CASCADE
    )
    org_id: int
    run: fields.ForeignKeyRelation[SyncRun] = fields.ForeignKeyField(
        "models.SyncRun", related_name="record_errors", on_delete=fields.CASCADE
    )
    run_id: int
    module = fields.CharField(max_length=32)
    crm_id = fields.CharField(max_length=64)
    message = fields.TextField()

    class Meta:
        table = "sync_record_error"


class SyncCursor(TimestampedModel):
    """How far a stream has been read: records modified at or after ``modified_since`` are read
    again next time (the CRM's filter is inclusive; upserts by CRM id make the overlap harmless)."""

    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="sync_cursors", on_delete=fields.CASCADE
    )
    org_id: int
    stream = fields.CharField(max_length=32)
    modified_since = fields.DatetimeField(null=True)

    class Meta:
        table = "sync_cursor"
        unique_together = (("org", "stream"),)
