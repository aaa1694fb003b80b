"""The in-memory CRM (moto style): one object holding every record, user and setting.

Records are plain dicts keyed by field API name. Internally lookups and owners hold the target's
id (a string), ``Created_Time``/``Modified_Time`` hold aware UTC datetimes, and everything else
holds its JSON value; ``records.render_record`` turns that into Zoho's wire shape. Change records
through ``add``/``remove`` or call ``touch(module)`` after editing one in place, so that the sorted
orders cached in ``orders`` (``order.py``) are rebuilt.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sync.crm.simulator.meta import ModuleDef
from sync.crm.simulator.order import OrderCache

if TYPE_CHECKING:
    from sync.crm.simulator.views import CustomView

RECORD_ID_BASE = 5_725_767_000_100_000_000


@dataclass
class DeletedEntry:
    module: str
    id: str
    display_name: str
    type: str  # "recycle" | "permanent"
    deleted_by: str
    created_by: str
    deleted_time: datetime
    record: dict[str, Any] = field(repr=False)


@dataclass
class Watch:
    channel_id: str
    events: list[str]
    notify_url: str
    token: str | None
    channel_expiry: datetime
    resource_ids: dict[str, str]
    return_affected_field_values: bool = False
    notify_on_related_action: bool = True


class CrmStore:
    """Accounts, Contacts, Deals, users, org, currencies, metadata, views and the recycle bin."""

    def __init__(
        self,
        *,
        org: dict[str, Any],
        users: list[dict[str, Any]],
        currencies: list[dict[str, Any]],
        modules: dict[str, ModuleDef],
        views: dict[str, list[CustomView]],
        module_ids: dict[str, str],
        field_ids: dict[str, dict[str, str]],
        seed: int = 0,
    ) -> None:
        self.org = org
        self.users = users
        self.currencies = currencies
        self.modules = modules
        self.views = views
        self.module_ids = module_ids
        self.field_ids = field_ids
        self.seed = seed
        self.records: dict[str, dict[str, dict[str, Any]]] = {name: {} for name in modules}
        self.deleted: list[DeletedEntry] = []
        self.watches: dict[str, Watch] = {}
        self._next = 0
        self.users_by_id = {u["id"]: u for u in users}
        self._versions: dict[str, int] = dict.fromkeys(modules, 0)
        self.orders = OrderCache(self)

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def generate(cls, seed: int = 1, **knobs: Any) -> CrmStore:
        """A deterministic dataset; see ``datasets.generate`` for the knobs."""
        from sync.crm.simulator.datasets import generate

        return generate(seed=seed, **knobs)

    @classmethod
    def demo(cls) -> CrmStore:
        """A small dataset for manual runs and examples (seed 1, a few dozen records)."""
        from sync.crm.simulator.datasets import generate

        return generate(seed=1, accounts=12, contacts=30, deals=15, users=5)

    # -- identity -----------------------------------------------------------------------------

    @property
    def api_user(self) -> dict[str, Any]:
        """The user the OAuth grant belongs to: the first active administrator."""
        return self.users[0]

    def new_id(self) -> str:
        self._next += 1
        return str(RECORD_ID_BASE + self._next)

    def module(self, name: str) -> ModuleDef | None:
        return self.modules.get(name)

    def get(self, module: str, record_id: str) -> dict[str, Any] | None:
        return self.records.get(module, {}).get(record_id)

    def display_name(self, module: str, record: dict[str, Any]) -> str:
        if module == "Contacts":
            return full_name(record.get("First_Name"), record.get("Last_Name"))
        value = record.get(self.modules[module].display_field)
        return str(value) if value is not None else ""

    def version(self, module: str) -> int:
        """Bumped by every change to the module's records (cached orders compare it)."""
        return self._versions.get(module, 0)

    def touch(self, module: str) -> None:
        """Record that ``module``'s records changed (call after editing a record in place)."""
        self._versions[module] = self._versions.get(module, 0) + 1

    def add(self, module: str, record: dict[str, Any]) -> dict[str, Any]:
        """Store a record as is (no validation): datasets and tests use it to seed data."""
        record.setdefault("id", self.new_id())
        self.records[module][record["id"]] = record
        self.touch(module)
        return record

    def remove(self, module: str, record_id: str, *, by: str, at: datetime) -> DeletedEntry:
        record = self.records[module].pop(record_id)
        self.touch(module)
        entry = DeletedEntry(
            module=module,
            id=record_id,
            display_name=self.display_name(module, record),
            type="recycle",
            deleted_by=by,
            created_by=record.get("Created_By") or by,
            deleted_time=at,
            record=record,
        )
        self.deleted.append(entry)
        return entry

    def purge(self, record_ids: Iterable[str], *, at: datetime) -> None:
        """Empty these entries from the recycle bin: they become permanent deletions."""
        wanted = set(record_ids)
        for entry in self.deleted:
            if entry.id in wanted and entry.type == "recycle":
                entry.type = "permanent"
                entry.deleted_time = at

    def deleted_entries(
        self, module: str, now: datetime, recycle_days: int = 60, permanent_days: int = 120
    ) -> list[DeletedEntry]:
        """Visible deletions of a module after applying retention at ``now``.

        Recycle-bin entries older than ``recycle_days`` are emptied (become permanent); permanent
        entries disappear ``permanent_days`` after their deletion.
        """
        visible: list[DeletedEntry] = []
        for entry in self.deleted:
            if entry.module != module:
                continue
            if entry.type == "recycle" and now - entry.deleted_time > timedelta(days=recycle_days):
                entry.type = "permanent"
                entry.deleted_time = entry.deleted_time + timedelta(days=recycle_days)
            if entry.type == "permanent" and now - entry.deleted_time > timedelta(
                days=permanent_days
            ):
                continue
            visible.append(entry)
        return visible

    # -- ground truth -------------------------------------------------------------------------

    def export_json(self) -> dict[str, Any]:
        """The whole store as JSON-ready data (records in their internal form, times ISO UTC)."""

        def plain(value: Any) -> Any:
            if isinstance(value, datetime):
                return value.isoformat()
            if isinstance(value, dict):
                return {k: plain(v) for k, v in value.items()}
            if isinstance(value, list):
                return [plain(v) for v in value]
            return value

        return {
            "seed": self.seed,
            "org": plain(self.org),
            "currencies": plain(self.currencies),
            "users": plain(self.users),
            "modules": {
                name: [f.api_name for f in module.fields] for name, module in self.modules.items()
            },
            "records": {
                name: [plain(r) for r in records.values()] for name, records in self.records.items()
            },
            "custom_views": {
                name: [view.to_json() for view in views] for name, views in self.views.items()
            },
            "deleted": [
                {
                    "module": e.module,
                    "id": e.id,
                    "display_name": e.display_name,
                    "type": e.type,
                    "deleted_by": e.deleted_by,
                    "deleted_time": e.deleted_time.isoformat(),
                }
                for e in self.deleted
            ],
        }


def full_name(first: Any, last: Any) -> str:
    return " ".join(str(p) for p in (first, last) if p)
