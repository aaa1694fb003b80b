"""Organisation-level custom fields of customers (text, number, date, boolean, picklist)."""

from __future__ import annotations

import re

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
