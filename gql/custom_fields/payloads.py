"""Payloads of the custom field mutations."""

from __future__ import annotations

import strawberry

from gql.custom_fields.types import CustomField
from gql.errors import UserError, errors_field


@strawberry.type(description="Result of `customFieldCreate`.")
class CustomFieldPayload:
    custom_field: CustomField | None = strawberry.field(
        description="The custom field; null when refused."
    )
    errors: list[UserError] = errors_field()
