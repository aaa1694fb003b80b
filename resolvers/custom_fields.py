"""Organisation-level custom fields of customers (text, number, date, boolean, picklist)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from tortoise.queryset import QuerySet

from orm import models
from resolvers.errors import ErrorCode, FieldError, MutationResult
from resolvers.validation import clean_text
from resolvers.viewer import Viewer

MAX_FIELDS = 100
MAX_OPTIONS = 100


def list_custom_fields(viewer: Viewer) -> QuerySet[models.CustomField]:
    return models.CustomField.filter(org_id=viewer.org_id).order_by("label", "id")


def _api_name(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")[:90] or "field"


async def create_custom_field(
    viewer: Viewer,
    *,
    label: str,
    data_type: models.CustomFieldType,
    options: list[str] | None = None,
) -> MutationResult[models.CustomField]:
    errors: list[FieldError] = []
    label = clean_text(label, "label", max_length=100, errors=errors)
    choices: list[str] = []
    if data_type is models.CustomFieldType.PICKLIST:
        choices = [" ".join(o.split()) for o in options or [] if o.strip()]
        if not choices or len(choices) > MAX_OPTIONS or any(len(o) > 100 for o in choices):
            errors.append(
                FieldError("options", f"Give 1 to {MAX_OPTIONS} options of at most 100 characters.",
                           ErrorCode.INVALID)
            )  # fmt: skip
        elif len(set(choices)) != len(choices):
            errors.append(FieldError("options", "Options must differ.", ErrorCode.UNIQUE))
    elif options:
        errors.append(FieldError("options", "Only picklists have options.", ErrorCode.INVALID))
    if errors:
        return MutationResult(errors=errors)
    existing = models.CustomField.filter(org_id=viewer.org_id)
    if await existing.count() >= MAX_FIELDS:
        return MutationResult.fail(
            None, f"At most {MAX_FIELDS} custom fields.", ErrorCode.TOO_MANY_ITEMS
        )
    api_name = _api_name(label)
    if await existing.filter(api_name=api_name).exists():
        return MutationResult.fail(
            "label", "A custom field with this name exists.", ErrorCode.UNIQUE
        )
    field = await models.CustomField.create(
        org_id=viewer.org_id, label=label, api_name=api_name, data_type=data_type, options=choices
    )
    return MutationResult(field)


MAX_TEXT = 1000


def _parse(value: str, field: models.CustomField) -> object:
    """A value as stored in ``Customer.custom_values`` (the form the CRM sync stores too)."""
    kind = field.data_type
    if kind is models.CustomFieldType.NUMBER:
        number = Decimal(value.strip())
        if not number.is_finite():
            raise ValueError("not a finite number")
        return str(number)
    if kind is models.CustomFieldType.DATE:
        return date.fromisoformat(value.strip()).isoformat()
    if kind is models.CustomFieldType.BOOLEAN:
        if value.strip().lower() not in ("true", "false"):
            raise ValueError("not true or false")
        return value.strip().lower() == "true"
    if kind is models.CustomFieldType.PICKLIST and value not in field.options:
        raise ValueError("not one of the options")
    if len(value) > MAX_TEXT:
        raise ValueError(f"longer than {MAX_TEXT} characters")
    return value


async def clean_custom_values(
    viewer: Viewer, given: list[tuple[str, str | None]], errors: list[FieldError]
) -> dict[str, object]:
    """Values for the organisation's custom fields, by api name (None clears one); each bad
    entry adds an error on ``customFields.<i>``."""
    fields = {f.api_name: f for f in await list_custom_fields(viewer)}
    values: dict[str, object] = {}
    for i, (api_name, value) in enumerate(given):
        field = fields.get(api_name)
        if field is None:
            errors.append(FieldError(f"customFields.{i}.apiName", "No such custom field.",
                                     ErrorCode.NOT_FOUND))  # fmt: skip
            continue
        if value is None or value.strip() == "":
            values[api_name] = None
            continue
        try:
            values[api_name] = _parse(value, field)
        except (ValueError, InvalidOperation) as exc:
            expected = {
                models.CustomFieldType.NUMBER: "a number",
                models.CustomFieldType.DATE: "a date (YYYY-MM-DD)",
                models.CustomFieldType.BOOLEAN: "true or false",
                models.CustomFieldType.PICKLIST: f"one of: {', '.join(field.options)}",
                models.CustomFieldType.TEXT: f"text of at most {MAX_TEXT} characters",
            }[field.data_type]
            errors.append(FieldError(f"customFields.{i}.value",
                                     f"{field.label} must be {expected} ({exc}).",
                                     ErrorCode.INVALID))  # fmt: skip
    return values
