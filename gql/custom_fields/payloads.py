"""Payloads of the custom field mutations."""

from __future__ import annotations

import strawberry

from gql.custom_fields.types import CustomField
from gql.errors import UserError


@strawberry.type
class CustomFieldPayload:
    custom_field: CustomField | None
    errors: list[UserError]
