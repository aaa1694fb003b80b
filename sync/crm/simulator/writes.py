"""Insert, update, upsert and delete with Zoho's per-record validation and answers (§10)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sync.crm.simulator.errors import record_error
from sync.crm.simulator.meta import FieldDef, ModuleDef
from sync.crm.simulator.records import fmt_time, user_ref, user_tz
from sync.crm.simulator.store import CrmStore

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
DATETIME_RE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d([+-]\d\d:\d\d|Z)$")
EXPECTED_TYPE = {
    "integer": "integer",
    "bigint": "bigint",
    "double": "double",
    "currency": "double",
    "percent": "double",
    "boolean": "boolean",
    "date": "date",
    "datetime": "datetime",
    "lookup": "jsonobject",
    "ownerlookup": "jsonobject",
    "userlookup": "jsonobject",
    "multiselectpicklist": "jsonarray",
}


@dataclass
class Change:
    """One successful write, for notifications: insert/update/delete of ids with fields."""

    operation: str
    module: str
    record_id: str
    fields: list[str] = field(default_factory=list)


class _Invalid(Exception):
    def __init__(self, result: dict[str, Any]) -> None:
        super().__init__(result["code"])
        self.result = result


def _path(index: int, name: str) -> str:
    return f"$.data[{index}].{name}"


def _bad(fdef: FieldDef, index: int, message: str = "invalid data", **extra: Any) -> _Invalid:
    details = {"api_name": fdef.api_name, "json_path": _path(index, fdef.api_name), **extra}
    if "expected_data_type" not in extra and fdef.data_type in EXPECTED_TYPE:
        details["expected_data_type"] = EXPECTED_TYPE[fdef.data_type]
    return _Invalid(record_error("INVALID_DATA", message, details))


def _clean_value(store: CrmStore, fdef: FieldDef, value: Any, index: int) -> Any:
    """Type, length and reference checks for one incoming value; returns the stored form."""
    kind = fdef.data_type
    if value is None:
        return None
    if kind in ("text", "textarea", "email", "phone", "website", "picklist"):
        if not isinstance(value, str):
            raise _bad(fdef, index, expected_data_type="text")
        if len(value) > fdef.length:
            raise _bad(fdef, index, maximum_length=str(fdef.length))
        if kind == "email" and value and not EMAIL_RE.match(value):
            raise _bad(fdef, index)
        if kind == "picklist" and fdef.restricted_picklist and value not in fdef.picklist:
            raise _bad(fdef, index)
        return value
    if kind == "boolean":
        if not isinstance(value, bool):
            raise _bad(fdef, index)
        return value
    if kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int) or len(str(abs(value))) > 9:
            raise _bad(fdef, index)
        return value
    if kind in ("double", "currency", "percent"):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _bad(fdef, index)
        whole = str(abs(int(value)))
        if len(whole) > (5 if kind == "percent" else 16):
            raise _bad(fdef, index)
        return float(value) if kind != "percent" else value
    if kind == "date":
        try:
            date.fromisoformat(value)
        except (TypeError, ValueError):
            raise _bad(fdef, index) from None
        return value
    if kind == "datetime":
        if not isinstance(value, str) or not DATETIME_RE.match(value):
            raise _bad(fdef, index)
        return datetime.fromisoformat(value)
    if kind in ("lookup", "ownerlookup", "userlookup"):
        ref = value.get("id") if isinstance(value, dict) else value
        if not isinstance(ref, str | int) or isinstance(ref, bool):
            raise _bad(fdef, index)
        ref = str(ref)
        if kind == "lookup" and fdef.lookup_module:
            if store.get(fdef.lookup_module, ref) is None:
                raise _bad(fdef, index, "the id given seems to be invalid", id=ref)
        elif store.users_by_id.get(ref, {}).get("status") != "active":
            raise _bad(fdef, index, "the id given seems to be invalid", id=ref)
        return ref
    return value


def clean_record(
    store: CrmStore, module: ModuleDef, data: Any, index: int, *, creating: bool
) -> dict[str, Any]:
    """Validated field values of one incoming record (read-only and unknown keys ignored)."""
    if not isinstance(data, dict):
        raise _Invalid(
            record_error("INVALID_DATA", "invalid data", {"json_path": f"$.data[{index}]"})
        )
    cleaned: dict[str, Any] = {}
    for name, value in data.items():
        fdef = module.by_name.get(name)
        if fdef is None or fdef.read_only or name == "id":
            continue
        cleaned[name] = _clean_value(store, fdef, value, index)
    if creating:
        for fdef in module.fields:
            if fdef.mandatory and cleaned.get(fdef.api_name) in (None, ""):
                raise _Invalid(
                    record_error(
                        "MANDATORY_NOT_FOUND",
                        "required field not found",
                        {"api_name": fdef.api_name, "json_path": _path(index, fdef.api_name)},
                    )
                )
    else:
        for name, value in cleaned.items():
            if module.by_name[name].mandatory and value in (None, ""):
                raise _Invalid(
                    record_error(
                        "MANDATORY_NOT_FOUND",
                        "required field not found",
                        {"api_name": name, "json_path": _path(index, name)},
                    )
                )
    return cleaned


def _key(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


def find_duplicate(
    store: CrmStore, module: ModuleDef, name: str, value: Any, exclude: str | None = None
) -> dict[str, Any] | None:
    if value in (None, ""):
        return None
    wanted = _key(value)
    for record in store.records[module.api_name].values():
        if record["id"] != exclude and _key(record.get(name)) == wanted:
            return record
    return None


def _duplicate_error(
    store: CrmStore, module: ModuleDef, name: str, other: dict[str, Any], index: int
) -> _Invalid:
    owner = user_ref(store, other.get("Owner"), email=False) or {"name": "", "id": ""}
    owner["zuid"] = store.users_by_id.get(owner["id"], {}).get("zuid", "")
    return _Invalid(
        record_error(
            "DUPLICATE_DATA",
            "duplicate data",
            {
                "api_name": name,
                "json_path": _path(index, name),
                "duplicate_record": {
                    "id": other["id"],
                    "module": {
                        "api_name": module.api_name,
                        "id": store.module_ids[module.api_name],
                    },
                    "Owner": owner,
                },
            },
        )
    )


def _check_unique(
    store: CrmStore, module: ModuleDef, cleaned: dict[str, Any], index: int, exclude: str | None
) -> None:
    for fdef in module.fields:
        if fdef.unique and fdef.api_name in cleaned:
            other = find_duplicate(store, module, fdef.api_name, cleaned[fdef.api_name], exclude)
            if other is not None:
                raise _duplicate_error(store, module, fdef.api_name, other, index)


def _success(store: CrmStore, record: dict[str, Any], message: str) -> dict[str, Any]:
    tz = user_tz(store)
    return {
        "code": "SUCCESS",
        "details": {
            "Modified_Time": fmt_time(record["Modified_Time"], tz),
            "Modified_By": user_ref(store, record["Modified_By"], email=False),
            "Created_Time": fmt_time(record["Created_Time"], tz),
            "id": record["id"],
            "Created_By": user_ref(store, record["Created_By"], email=False),
            "$approval_state": "approved",
        },
        "message": message,
        "status": "success",
    }


def insert_one(
    store: CrmStore, module: ModuleDef, data: Any, index: int, now: datetime
) -> tuple[dict[str, Any], Change | None]:
    try:
        cleaned = clean_record(store, module, data, index, creating=True)
        _check_unique(store, module, cleaned, index, None)
    except _Invalid as exc:
        return exc.result, None
    user = store.api_user["id"]
    record: dict[str, Any] = dict.fromkeys(
        (f.api_name for f in module.fields if not f.read_only), None
    )
    record.update(cleaned)
    record.setdefault("Owner", user)
    if record["Owner"] is None:
        record["Owner"] = user
    if "Zoho_Expense" in record and record["Zoho_Expense"] is None:
        record["Zoho_Expense"] = False
    record.update(Created_By=user, Modified_By=user, Created_Time=now, Modified_Time=now)
    store.add(module.api_name, record)
    return _success(store, record, "record added"), Change(
        "insert", module.api_name, record["id"], sorted(cleaned)
    )


def update_one(
    store: CrmStore,
    module: ModuleDef,
    data: Any,
    index: int,
    now: datetime,
    unmodified_since: datetime | None,
    record_id: str | None = None,
) -> tuple[dict[str, Any], Change | None]:
    target_id = record_id or (data.get("id") if isinstance(data, dict) else None)
    if target_id in (None, ""):
        details = {"api_name": "id", "json_path": _path(index, "id")}
        return record_error("MANDATORY_NOT_FOUND", "required field not found", details), None
    record = store.get(module.api_name, str(target_id))
    if record is None:
        details = {"id": str(target_id), "api_name": "id", "json_path": _path(index, "id")}
        return record_error("INVALID_DATA", "the id given seems to be invalid", details), None
    return apply_update(store, module, record, data, index, now, unmodified_since, "record updated")


def apply_update(
    store: CrmStore,
    module: ModuleDef,
    record: dict[str, Any],
    data: Any,
    index: int,
    now: datetime,
    unmodified_since: datetime | None,
    message: str,
) -> tuple[dict[str, Any], Change | None]:
    if unmodified_since is not None and record["Modified_Time"] > unmodified_since:
        details = {
            "id": record["id"],
            "modified_time": fmt_time(record["Modified_Time"], user_tz(store)),
        }
        return record_error(
            "ALREADY_MODIFIED", "the record has been modified since the given time", details
        ), None
    try:
        cleaned = clean_record(store, module, data, index, creating=False)
        _check_unique(store, module, cleaned, index, record["id"])
    except _Invalid as exc:
        return exc.result, None
    record.update(cleaned)
    record.update(Modified_By=store.api_user["id"], Modified_Time=now)
    store.touch(module.api_name)
    return _success(store, record, message), Change(
        "update", module.api_name, record["id"], sorted(cleaned)
    )


def upsert_one(
    store: CrmStore,
    module: ModuleDef,
    data: Any,
    index: int,
    now: datetime,
    check_fields: list[str] | None,
    unmodified_since: datetime | None,
) -> tuple[dict[str, Any], Change | None]:
    """Match on ``duplicate_check_fields`` (or the module default), then user unique fields."""
    order = list(check_fields) if check_fields else [module.duplicate_field]
    order += [f.api_name for f in module.fields if f.unique and f.api_name not in order]
    if isinstance(data, dict):
        for name in order:
            if name in data:
                match = find_duplicate(store, module, name, data[name])
                if match is not None:
                    result, change = apply_update(
                        store, module, match, data, index, now, unmodified_since, "record updated"
                    )
                    if change is not None:
                        result["action"] = "update"
                        result["duplicate_field"] = name
                    return result, change
    result, change = insert_one(store, module, data, index, now)
    if change is not None:
        result["action"] = "insert"  # no duplicate_field: the OAS types it as a plain string
    return result, change


def delete_one(
    store: CrmStore, module: ModuleDef, record_id: str, now: datetime
) -> tuple[dict[str, Any], Change | None]:
    if store.get(module.api_name, record_id) is None:
        return record_error(
            "INVALID_DATA", "the id given seems to be invalid", {"id": record_id}
        ), None
    store.remove(module.api_name, record_id, by=store.api_user["id"], at=now)
    result = {
        "code": "SUCCESS",
        "details": {"id": record_id},
        "message": "record deleted",
        "status": "success",
    }
    return result, Change("delete", module.api_name, record_id)


def batch_status(results: list[dict[str, Any]], success_status: int) -> int:
    """201/200 when all succeed, 207 when mixed, 400 when all fail (412 if all are conflicts)."""
    ok = sum(1 for r in results if r["status"] == "success")
    if ok == len(results):
        return success_status
    if ok:
        return 207
    if all(r["code"] == "ALREADY_MODIFIED" for r in results):
        return 412
    return 400
