"""Wire shapes of users and the organisation, as Zoho's v8 OAS (users.json, org.json) describe.

The store keeps a user's ``time_zone`` as an IANA name (the simulator computes offsets from it);
the wire carries the OAS shape: an object, plus the user's current ``offset`` in milliseconds.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sync.crm.simulator.records import fmt_time, user_ref, zone
from sync.crm.simulator.store import CrmStore

#: The ``theme`` and ``customize_info`` objects every user carries (Zoho's defaults).
USER_THEME: dict[str, Any] = {
    "normal_tab": {"font_color": "#FFFFFF", "background": "#222222"},
    "selected_tab": {"font_color": "#FFFFFF", "background": "#222222"},
    "new_background": None,
    "background": "#F3F0EB",
    "screen": "fixed",
    "type": "default",
}
USER_CUSTOMIZE_INFO: dict[str, Any] = {
    "notes_desc": None,
    "show_right_panel": None,
    "bc_view": None,
    "unpin_recent_item": None,
    "show_home": False,
    "show_detail_view": True,
}


def time_zone_json(name: str) -> dict[str, str]:
    """A user's ``time_zone`` on the wire: the OAS types it ``object`` (shape inferred)."""
    return {"id": name, "name": name}


def offset_ms(name: str, at: datetime | None) -> int:
    """The zone's UTC offset in milliseconds at ``at`` (Zoho's ``offset`` key)."""
    tz = zone(name)
    moment = at.astimezone(tz) if at is not None else datetime(2026, 1, 1, tzinfo=tz)
    delta = moment.utcoffset()
    return int(delta.total_seconds() * 1000) if delta is not None else 0


def modifier_ref(store: CrmStore, user_id: str | None) -> dict[str, Any] | None:
    """``Modified_By`` of a user: the OAS ``owner`` shape (name, id, first and last name)."""
    if user_id is None:
        return None
    user = store.users_by_id.get(user_id)
    return {
        "name": user["full_name"] if user else "",
        "id": user_id,
        "first_name": user["first_name"] if user else None,
        "last_name": user["last_name"] if user else None,
    }


def render_user(store: CrmStore, user: dict[str, Any], tz: ZoneInfo) -> dict[str, Any]:
    out = dict(user)
    tz_name = str(user.get("time_zone") or "UTC")
    out["time_zone"] = time_zone_json(tz_name)
    out["offset"] = offset_ms(tz_name, user.get("Modified_Time"))
    out["created_by"] = user_ref(store, user.get("created_by"), email=False)
    out["Modified_By"] = modifier_ref(store, user.get("Modified_By"))
    out["created_time"] = fmt_time(user.get("created_time"), tz)
    out["Modified_Time"] = fmt_time(user.get("Modified_Time"), tz)
    manager = user.get("Reporting_To")
    if manager is None:
        # The OAS types Reporting_To as a non-nullable object: a top-level user omits it.
        out.pop("Reporting_To", None)
    else:
        out["Reporting_To"] = user_ref(store, manager, email=False)
    out["theme"] = USER_THEME
    out["customize_info"] = USER_CUSTOMIZE_INFO
    return out


def render_org(store: CrmStore, tz: ZoneInfo) -> dict[str, Any]:
    data = dict(store.org)
    data["created_time"] = fmt_time(data.get("created_time"), tz)
    return data
