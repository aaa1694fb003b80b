"""Frozen data objects the CRM client returns; nothing here knows HTTP.

Records keep Zoho's field API names and JSON values untouched in ``fields`` (lookups stay
``{"name", "id"}`` mappings); only ``id`` and ``Modified_Time`` are lifted out because the sync
engine orders and dedupes on them. Metadata DTOs (users, org, fields, views) live in
:mod:`sync.crm.metadata_dto`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any

from sync.crm.errors import CrmError, error_class

JSON = Any


def parse_datetime(value: object) -> datetime | None:
    """Zoho's ISO 8601 date-times (with the CRM's offset), as the same moment in UTC (so every
    copy stored, by the ORM or by bulk writes, has one offset); None for null or garbage. A
    time without an offset is taken as UTC."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class CrmRecord:
    """One record: ``fields`` is a read-only view of Zoho's JSON (``id`` included)."""

    id: str
    modified_time: datetime | None
    fields: Mapping[str, JSON]

    @classmethod
    def from_json(cls, data: Mapping[str, JSON]) -> CrmRecord:
        """A decoded JSON object is kept as it is, read-only (the caller hands it over: nothing
        else holds it); any other mapping is copied first."""
        return cls(
            id=str(data["id"]),
            modified_time=parse_datetime(data.get("Modified_Time")),
            fields=MappingProxyType(data if type(data) is dict else dict(data)),
        )

    def get(self, name: str, default: JSON = None) -> JSON:
        return self.fields.get(name, default)


@dataclass(frozen=True, slots=True)
class PageInfo:
    count: int = 0
    more_records: bool = False
    page: int | None = None
    per_page: int | None = None
    next_page_token: str | None = None
    previous_page_token: str | None = None
    page_token_expiry: datetime | None = None
    sort_by: str | None = None
    sort_order: str | None = None

    @classmethod
    def from_json(cls, info: Mapping[str, JSON] | None) -> PageInfo:
        info = info or {}
        return cls(
            count=int(info.get("count") or 0),
            more_records=bool(info.get("more_records")),
            page=_int_or_none(info.get("page")),
            per_page=_int_or_none(info.get("per_page")),
            next_page_token=info.get("next_page_token") or None,
            previous_page_token=info.get("previous_page_token") or None,
            page_token_expiry=parse_datetime(info.get("page_token_expiry")),
            sort_by=info.get("sort_by"),
            sort_order=info.get("sort_order"),
        )


def _int_or_none(value: object) -> int | None:
    return int(value) if isinstance(value, int | str) and str(value).isdigit() else None


@dataclass(frozen=True, slots=True)
class RecordPage:
    """One page of records. ``not_modified`` is True for a 304 answer to ``If-Modified-Since``."""

    records: tuple[CrmRecord, ...]
    info: PageInfo
    not_modified: bool = False

    @property
    def empty(self) -> bool:
        return not self.records


@dataclass(frozen=True, slots=True)
class WriteResult:
    """The CRM's verdict on one record of a write batch, in input order (``index``)."""

    index: int
    status: str
    code: str
    message: str
    details: Mapping[str, JSON] = field(default_factory=dict)
    action: str | None = None
    duplicate_field: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == "success"

    @property
    def id(self) -> str | None:
        value = self.details.get("id")
        return str(value) if value is not None else None

    @property
    def modified_time(self) -> datetime | None:
        return parse_datetime(self.details.get("Modified_Time"))

    def error(self) -> CrmError | None:
        """The error class this record's ``code`` belongs to, or None on success."""
        if self.ok:
            return None
        return error_class(None, self.code)(
            self.message or self.code, code=self.code, details=self.details
        )

    @classmethod
    def from_json(cls, index: int, data: Mapping[str, JSON]) -> WriteResult:
        details = data.get("details")
        return cls(
            index=index,
            status=str(data.get("status") or "error"),
            code=str(data.get("code") or ""),
            message=str(data.get("message") or ""),
            details=dict(details) if isinstance(details, Mapping) else {},
            action=data.get("action"),
            duplicate_field=data.get("duplicate_field"),
        )


@dataclass(frozen=True, slots=True)
class Lookup:
    id: str
    name: str | None = None

    @classmethod
    def from_json(cls, data: object) -> Lookup | None:
        if not isinstance(data, Mapping) or data.get("id") is None:
            return None
        name = data.get("name")
        return cls(id=str(data["id"]), name=str(name) if name is not None else None)


@dataclass(frozen=True, slots=True)
class DeletedRecord:
    id: str
    type: str
    """``recycle`` (kept 60 days) or ``permanent`` (kept 120 days)."""
    display_name: str | None
    deleted_time: datetime | None
    deleted_by: Lookup | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, JSON]) -> DeletedRecord:
        return cls(
            id=str(data["id"]),
            type=str(data.get("type") or ""),
            display_name=data.get("display_name"),
            deleted_time=parse_datetime(data.get("deleted_time")),
            deleted_by=Lookup.from_json(data.get("deleted_by")),
        )


@dataclass(frozen=True, slots=True)
class DeletedPage:
    records: tuple[DeletedRecord, ...]
    info: PageInfo
    not_modified: bool = False


@dataclass(frozen=True, slots=True)
class WatchChannel:
    """An ``actions/watch`` subscription (one per channel id, possibly several modules)."""

    channel_id: str
    events: tuple[str, ...]
    channel_expiry: datetime | None
    notify_url: str | None = None
    resource_names: tuple[str, ...] = ()
    token: str | None = field(default=None, repr=False)

    @classmethod
    def from_json(cls, data: Mapping[str, JSON]) -> WatchChannel:
        events: list[str] = []
        resources: list[str] = []
        for ev in data.get("events") or ():
            if isinstance(ev, str):
                events.append(ev)
            elif isinstance(ev, Mapping) and ev.get("resource_name"):
                resources.append(str(ev["resource_name"]))
        if data.get("resource_name"):
            resources.append(str(data["resource_name"]))
        return cls(
            channel_id=str(data.get("channel_id")),
            events=tuple(events),
            channel_expiry=parse_datetime(data.get("channel_expiry")),
            notify_url=data.get("notify_url"),
            resource_names=tuple(resources),
            token=data.get("token"),
        )
