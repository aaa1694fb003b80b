"""Validate CRM responses against Zoho's own OpenAPI 3 files for CRM v8.

``validate_response(method, path, status, body)`` returns a list of problems (empty = valid). It
finds the operation in ``/work/shared/reference/zoho-crm-oas-v8/*.json`` (any ``/crm/vN/`` path is
matched against the ``/crm/v8/`` templates), resolves the files' cross-file ``$ref`` URLs locally
through a ``referencing`` registry, and validates the JSON body against the response schema.

Zoho's files need a few interpretation rules, each one recorded in ``docs/CRM_SIMULATOR.md``:

* OpenAPI 3.0 ``nullable: true`` is honoured; a ``null`` anywhere else is an error.
* ``oneOf``/``anyOf``: Zoho's schemas declare no ``required`` keys, so every object branch
  accepts every object (an error envelope "matches" a record list). A branch is therefore only
  considered when it declares at least one of the instance's keys, and then one matching branch
  suffices.
* Statuses an operation does not document: 204 and 304 must have no body; another 2xx uses the
  operation's documented 2xx schema (``record.json`` documents only 200 for writes that answer
  201/207); 4xx/5xx use the documented 400 schema, else the 2xx schema (Zoho folds
  ``API_Exception`` into it), else ``common.json``'s ``API_Exception``.
* Error envelopes (``status: "error"``) accept, besides the OAS enums, the codes and messages
  Zoho documents elsewhere (``EXTRA_ERROR_CODES`` / ``EXTRA_ERROR_MESSAGES``).
* The OAuth token endpoint lives on the accounts server and is not in the CRM OAS; it is checked
  against ``TOKEN_RESPONSE_SCHEMA`` written from the reference doc (§1.2). ``GET /org/currencies``
  is not in the OAS files either; it is checked against ``CURRENCIES_RESPONSE_SCHEMA`` (§9).
* Sample-derived OAS defects are patched in ``_prepare`` (notifications' ``channel_id`` /
  ``notify_url``, users' ``email`` / ``website`` patterns, custom views' criterion ``value``).
"""

from __future__ import annotations

import copy
import functools
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from jsonschema import Draft4Validator, FormatChecker, ValidationError, validators
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

OAS_DIR = Path("/work/shared/reference/zoho-crm-oas-v8")
BASE_URI = "https://raw.githubusercontent.com/Zohocorp-Pvt-Ltd/crm-oas/refs/heads/main/v8.0/"
_METHODS = ("get", "put", "post", "delete", "patch")

# Codes and messages Zoho answers (reference doc §3.1, §6, §10, §13, §14) that the OAS enums of
# the error envelope omit.
EXTRA_ERROR_CODES = frozenset(
    {
        "DISCRETE_PAGINATION_LIMIT_EXCEEDED",
        "PAGINATION_LIMIT_EXCEEDED",
        "TOKEN_BOUND_DATA_MISMATCH",
        "EXPIRED_VALUE",
        "AMBIGUITY_DURING_PROCESSING",
        "EXPECTED_PARAM_MISSING",
        "REQUIRED_PARAM_MISSING",  # §3.1, §7 (related records need ``fields`` from v7)
        "API_NOT_SUPPORTED",
        "ALREADY_MODIFIED",
        "TOO_MANY_REQUESTS",
        "INTERNAL_SERVER_ERROR",
        "MULTIPLE_OR_MULTI_ERRORS",
    }
)
EXTRA_ERROR_MESSAGES = frozenset(
    {
        "You can only get the first 2000 records without using page_token param",
        "You cannot fetch more than 100000 records using page_token param",
        "the given page_token does not match the other parameters of the request",
        "the given page_token is invalid",
        "the given page_token has expired",
        "cvid and sort_by cannot be given together",
        "page and page_token cannot be given together",
        "required param not found",
        "One of the expected parameter is missing",  # record.json's text for the code above
        "the id given seems to be invalid",  # §10.2; also a related-records parent id
        "fields limit exceeded",
        "Maximum response iteration limit reached",
        "the module name given seems to be invalid",
        "the API version is not supported",
        "the record has been modified since the given time",
        "too many requests",
        "API credits limit exceeded",
        "concurrency limit exceeded",
        "invalid oauth scope to access this URL",
        "invalid query",
        "the criteria is invalid",
        "the given value is invalid",
        "the given custom view is invalid",
        "the related list is invalid",
        "the given channel id is invalid",
        "the channel_expiry is invalid",
        "the notify_url is invalid",
        "the given events are invalid",
        "the token is too long",
        "the given type is invalid",
        "the field given seems to be invalid",
        "the given duplicate_check_fields is invalid",
        "body is invalid",
    }
)

TOKEN_RESPONSE_SCHEMA: dict[str, Any] = {
    "oneOf": [
        {
            "type": "object",
            "required": ["access_token", "api_domain", "token_type", "expires_in"],
            "properties": {
                "access_token": {"type": "string"},
                "api_domain": {"type": "string"},
                "token_type": {"enum": ["Bearer"]},
                "expires_in": {"type": "integer"},
                "scope": {"type": "string"},
            },
        },
        {
            "type": "object",
            "required": ["error"],
            "properties": {
                "error": {"type": "string"},
                "error_description": {"type": "string"},
                "status": {"type": "string"},
            },
        },
    ]
}
TOKEN_PATHS = frozenset({"/oauth/v2/token"})

_NAME_ID = {
    "type": "object",
    "required": ["name", "id"],
    "properties": {"name": {"type": "string"}, "id": {"type": "string"}},
}
_DATETIME = {"type": "string", "format": "date-time"}

#: ``GET /crm/vN/org/currencies`` is not in Zoho's OAS files; written from the reference doc §9.
CURRENCIES_RESPONSE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["currencies"],
    "properties": {
        "currencies": {
            "type": "array",
            "items": {
                "type": "object",
                "required": [
                    "id",
                    "name",
                    "iso_code",
                    "symbol",
                    "exchange_rate",
                    "is_base",
                    "is_active",
                    "prefix_symbol",
                    "format",
                    "created_by",
                    "created_time",
                    "modified_by",
                    "modified_time",
                ],
                "properties": {
                    "id": {"type": "string"},
                    "name": {"type": "string"},
                    "iso_code": {"type": "string", "pattern": "^[A-Z]{3}$"},
                    "symbol": {"type": "string"},
                    # A decimal string ("1.000000000"), never a JSON number (§9).
                    "exchange_rate": {"type": "string", "pattern": "^[0-9]+(\\.[0-9]+)?$"},
                    "is_base": {"type": "boolean"},
                    "is_active": {"type": "boolean"},
                    "prefix_symbol": {"type": "boolean"},
                    "format": {
                        "type": "object",
                        "required": [
                            "decimal_separator",
                            "thousand_separator",
                            "decimal_places",
                        ],
                        "properties": {
                            "decimal_separator": {"type": "string"},
                            "thousand_separator": {"type": "string"},
                            "decimal_places": {"type": "string", "pattern": "^[0-9]$"},
                        },
                    },
                    "created_by": {"oneOf": [_NAME_ID, {"type": "null"}]},
                    "created_time": {"oneOf": [_DATETIME, {"type": "null"}]},
                    "modified_by": {"oneOf": [_NAME_ID, {"type": "null"}]},
                    "modified_time": {"oneOf": [_DATETIME, {"type": "null"}]},
                },
            },
        }
    },
}
CURRENCIES_PATH = re.compile(r"^/crm/v[0-9.]+/org/currencies$")


@dataclass(frozen=True)
class Operation:
    file: str
    template: str
    method: str
    responses: Mapping[str, Any]


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _prepare(doc: dict[str, Any]) -> dict[str, Any]:
    """Turn OAS 3.0 idioms into JSON Schema draft 4 and widen the error enums."""
    doc = copy.deepcopy(doc)
    for node in _walk(doc):
        if node.get("nullable") is True:
            if isinstance(node.get("type"), str):
                node["type"] = [node["type"], "null"]
            if isinstance(node.get("enum"), list) and None not in node["enum"]:
                node["enum"] = [*node["enum"], None]
        props = node.get("properties")
        if isinstance(props, dict) and props.get("status", {}).get("enum") == ["error"]:
            for key, extra in (("code", EXTRA_ERROR_CODES), ("message", EXTRA_ERROR_MESSAGES)):
                enum = props.get(key, {}).get("enum")
                if isinstance(enum, list):
                    props[key]["enum"] = [*enum, *sorted(extra - set(enum))]
    title = doc.get("info", {}).get("title")
    if title == "users":
        # OAS defect: sample-derived patterns ("[a-z0-9]{9}[@][a-z0-9]{5}[.]com" fits only a
        # 9-character local part at a 5-letter .com domain); any address or URL is valid.
        user = doc["components"]["schemas"]["users"]["properties"]
        user["email"].pop("pattern", None)
        user["website"].pop("pattern", None)
    if title == "custom_views":
        # OAS defect: a criterion's "value" is typed "object"; Zoho sends the compared value
        # itself (string, number, boolean, list, "${EMPTY}" ...). Any JSON value is accepted.
        doc["components"]["schemas"]["Criteria"]["properties"]["value"] = {}
    if title == "notifications":
        # OAS defect: a GET answer's channel_id is typed "object" and notify_url carries a
        # sample-derived pattern (www.xxxxxzoho.com); Zoho returns a string id and any URL.
        note = doc["components"]["schemas"]["Notification"]["properties"]
        note["channel_id"] = {"type": "string"}
        note["notify_url"].pop("pattern", None)
    return doc


def _split_ref(ref: str, current: str) -> tuple[str, str]:
    if ref.startswith(BASE_URI):
        ref = ref[len(BASE_URI) :]
    file, _, pointer = ref.partition("#")
    return (file or current), pointer


def _pointer(doc: Any, pointer: str) -> Any:
    for part in pointer.lstrip("/").split("/"):
        if part:
            doc = doc[part.replace("~1", "/").replace("~0", "~")]
    return doc


class _Spec:
    def __init__(self) -> None:
        self.docs = {
            path.name: _prepare(json.loads(path.read_text())) for path in OAS_DIR.glob("*.json")
        }
        self.registry: Registry[Any] = Registry().with_resources(
            (BASE_URI + name, Resource.from_contents(doc, default_specification=DRAFT4))
            for name, doc in self.docs.items()
        )
        for name, doc in self.docs.items():
            for node in _walk(doc):
                for key in ("oneOf", "anyOf"):
                    if isinstance(node.get(key), list):
                        node["x-branch-keys"] = [
                            sorted(keys) if (keys := self._keys(b, name)) is not None else None
                            for b in node[key]
                        ]
        self.operations: list[Operation] = []
        for name, doc in self.docs.items():
            for template, item in doc.get("paths", {}).items():
                for method in _METHODS:
                    if method in item:
                        self.operations.append(
                            Operation(name, template, method, item[method]["responses"])
                        )
        # The most literal template wins: "/deleted" beats "/{id}", "/users" beats "/{module}".
        self.operations.sort(key=lambda op: _specificity(op.template), reverse=True)

    def _keys(self, schema: Any, file: str, depth: int = 0) -> set[str] | None:
        if not isinstance(schema, dict) or depth > 10:
            return None
        if "$ref" in schema:
            target_file, pointer = _split_ref(schema["$ref"], file)
            return self._keys(_pointer(self.docs[target_file], pointer), target_file, depth + 1)
        keys: set[str] = set(schema.get("properties", {}))
        for sub in schema.get("allOf", []):
            keys |= self._keys(sub, file, depth + 1) or set()
        return keys or None

    def resolve_response(self, op: Operation, status: str) -> tuple[str, str, Any] | None:
        """(file, json pointer, response object) for a documented status."""
        response = op.responses.get(status)
        if response is None:
            return None
        file = op.file
        pointer = "/paths/" + _escape(op.template) + f"/{op.method}/responses/{status}"
        while "$ref" in response:
            file, pointer = _split_ref(response["$ref"], file)
            response = _pointer(self.docs[file], pointer)
        return file, pointer, response


def _escape(template: str) -> str:
    return template.replace("~", "~0").replace("/", "~1")


def _specificity(template: str) -> tuple[int, list[int]]:
    parts = template.strip("/").split("/")
    return (
        len([p for p in parts if not p.startswith("{")]),
        [not p.startswith("{") for p in parts],
    )  # type: ignore[return-value]


def _template_regex(template: str) -> re.Pattern[str]:
    pattern = re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template))
    return re.compile(f"^{pattern}$")


@functools.cache
def _spec() -> _Spec:
    return _Spec()


def find_operations(method: str, path: str) -> list[Operation]:
    """Operations of the v8 OAS matching ``path`` (any /crm/vN/ prefix), most specific first."""
    normalised = re.sub(r"^/crm/v[0-9.]+/", "/crm/v8/", path.split("?", 1)[0])
    found: list[Operation] = []
    best: tuple[int, list[int]] | None = None
    for op in _spec().operations:
        if op.method == method.lower() and _template_regex(op.template).match(normalised):
            spec = _specificity(op.template)
            if best is None:
                best = spec
            if spec == best:
                found.append(op)
    return found


def _branch_one_of(
    validator: Any, subschemas: list[Any], instance: Any, schema: dict[str, Any]
) -> Iterator[ValidationError]:
    branch_keys = schema.get("x-branch-keys") or [None] * len(subschemas)
    candidates = list(range(len(subschemas)))
    if isinstance(instance, dict):
        own = set(instance)
        overlapping = [i for i in candidates if branch_keys[i] is None or own & set(branch_keys[i])]
        if overlapping:
            candidates = overlapping
    best_errors: list[ValidationError] | None = None
    for index in candidates:
        errors = list(validator.descend(instance, subschemas[index], schema_path=index))
        if not errors:
            return
        if best_errors is None or len(errors) < len(best_errors):
            best_errors = errors
    yield from best_errors or []


_format_checker = FormatChecker(())


@_format_checker.checks("date-time", raises=ValueError)
def _is_datetime(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None or not re.fullmatch(
        r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", value
    ):
        raise ValueError(f"{value!r} is not yyyy-MM-ddTHH:mm:ss±HH:mm")
    return True


@_format_checker.checks("date", raises=ValueError)
def _is_date(value: object) -> bool:
    if isinstance(value, str):
        date.fromisoformat(value)
    return True


_Validator = validators.extend(Draft4Validator, {"oneOf": _branch_one_of, "anyOf": _branch_one_of})


def _validate_schema(file: str, pointer: str, body: Any) -> list[str]:
    spec = _spec()
    validator = _Validator(
        {"$ref": BASE_URI + file + "#" + pointer},
        registry=spec.registry,
        format_checker=_format_checker,
    )
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '<body>'}: {error.message[:300]}"
        for error in validator.iter_errors(body)
    ]


def _schema_pointer(file: str, pointer: str, response: Any) -> tuple[str, str] | None:
    content = response.get("content") if isinstance(response, dict) else None
    if not content:
        return None
    media = "application/json" if "application/json" in content else next(iter(content))
    if "schema" not in content[media]:
        return None
    return file, f"{pointer}/content/{_escape(media)}/schema"


def _pick_status(op: Operation, status: int) -> str | None:
    documented = [s for s in op.responses if s.isdigit()]
    if str(status) in documented:
        return str(status)
    if "default" in op.responses:
        return "default"
    two_xx = sorted(s for s in documented if s.startswith("2") and s != "204")
    if 200 <= status < 300:
        return two_xx[0] if two_xx else None
    if "400" in documented:
        return "400"
    return two_xx[0] if two_xx else None


def validate_response(method: str, path: str, status: int, body: Any) -> list[str]:
    """Problems of one response against the v8 OAS (``body`` None means an empty body)."""
    path_only = path.split("?", 1)[0]
    if path_only in TOKEN_PATHS:
        if body is None:
            return ["token endpoint answered without a JSON body"]
        return [e.message for e in _Validator(TOKEN_RESPONSE_SCHEMA).iter_errors(body)]
    if status in (204, 304):
        return [] if body is None else [f"status {status} must not carry a body"]
    if CURRENCIES_PATH.match(path_only) and method.upper() == "GET":
        if body is None:
            return ["org/currencies answered without a JSON body"]
        if status >= 400:
            return _validate_schema("common.json", "/components/schemas/API_Exception", body)
        validator = _Validator(CURRENCIES_RESPONSE_SCHEMA, format_checker=_format_checker)
        return [
            f"{'/'.join(str(p) for p in e.absolute_path) or '<body>'}: {e.message[:300]}"
            for e in validator.iter_errors(body)
        ]
    ops = find_operations(method, path_only)
    spec = _spec()
    if not ops:
        if status >= 400 and re.match(r"^/crm/", path_only):
            # Unknown URL (404 INVALID_URL_PATTERN) or unsupported version: generic envelope.
            return _validate_schema("common.json", "/components/schemas/API_Exception", body)
        return [f"no OAS operation for {method.upper()} {path_only}"]
    problems: list[str] = []
    for op in ops:
        chosen = _pick_status(op, status)
        if str(status) not in op.responses and (status in (401, 429) or status >= 500):
            chosen = None  # cross-cutting auth/limit/server errors: common.json's envelope
        if chosen is None:
            target: tuple[str, str] | None = (
                ("common.json", "/components/schemas/API_Exception") if status >= 400 else None
            )
        else:
            resolved = spec.resolve_response(op, chosen)
            target = _schema_pointer(*resolved) if resolved else None
        if target is None:
            if body is None:
                return []
            problems.append(f"{op.file} {op.template}: status {status} documents no body")
            continue
        if body is None:
            problems.append(f"{op.file} {op.template}: status {status} needs a JSON body")
            continue
        errors = _validate_schema(*target, body)
        if not errors:
            return []
        problems.extend(
            f"{op.file} {op.method.upper()} {op.template} {status}: {e}" for e in errors
        )
    return problems
