"""Wire shapes: a stored record, user or timestamp as Zoho's JSON renders it."""

from __future__ import annotations

import functools
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sync.crm.simulator.store import CrmStore, full_name

#: Read-only ``$`` attributes every record carries (§2).
DOLLAR_KEYS: dict[str, Any] = {
    "$approval_state": "approved",
    "$approved": True,
    "$editable": True,
    "$process_flow": False,
    "$review_process": {"approve": False, "reject": False, "resubmit": False},
    "$locked_for_me": False,
    "$in_merge": False,
    "$field_states": None,
    "$sharing_permission": "full_access",
    "$state": "save",
}


@functools.cache
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def fmt_time(moment: datetime | None, tz: ZoneInfo) -> str | None:
    """``2026-01-05T10:00:00+05:30``: seconds precision, in the API user's time zone."""
    if moment is None:
        return None
    return moment.astimezone(tz).isoformat(timespec="seconds")


def user_tz(store: CrmStore, user_id: str | None = None) -> ZoneInfo:
    user = store.users_by_id.get(user_id or "") or store.api_user
    return zone(str(user.get("time_zone") or "UTC"))


def user_ref(store: CrmStore, user_id: str | None, *, email: bool = True) -> dict[str, Any] | None:
    if user_id is None:
        return None
    user = store.users_by_id.get(user_id)
    if user is None:
        return {"name": "", "id": user_id}
    ref: dict[str, Any] = {"name": user["full_name"], "id": user_id}
    if email:
        ref["email"] = user["email"]
    return ref


def lookup_ref(store: CrmStore, module: str, record_id: str | None) -> dict[str, Any] | None:
    if record_id is None:
        return None
    target = store.get(module, record_id)
    name = store.display_name(module, target) if target else ""
    return {"name": name, "id": record_id}


def render_record(
    store: CrmStore,
    module: str,
    record: dict[str, Any],
    fields: list[str] | None,
    tz: ZoneInfo,
) -> dict[str, Any]:
    """One record as Get Records answers it; ``fields`` None means every field."""
    mod = store.modules[module]
    wanted = [f.api_name for f in mod.fields] if fields is None else fields
    out: dict[str, Any] = {}
    currency = record.get("Currency")
    for name in wanted:
        fdef = mod.by_name.get(name)
        if fdef is None:
            continue
        value = record.get(name)
        if name == "Full_Name":
            value = full_name(record.get("First_Name"), record.get("Last_Name")) or None
        elif fdef.data_type in ("ownerlookup", "userlookup"):
            value = user_ref(store, value, email=True)
        elif fdef.data_type == "lookup" and fdef.lookup_module:
            value = lookup_ref(store, fdef.lookup_module, value)
        elif fdef.data_type == "datetime":
            value = fmt_time(value, tz)
        out[name] = value
    out.update(DOLLAR_KEYS)
    if currency is not None or "Currency" not in mod.by_name:
        symbol = next(
            (c["symbol"] for c in store.currencies if c["iso_code"] == (currency or "USD")), "$"
        )
        out["$currency_symbol"] = symbol
    out["id"] = record["id"]
    return out
