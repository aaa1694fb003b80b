"""Payloads of the custom field mutations."""

from __future__ import annotations

import strawberry

from gql.custom_fields.types import CustomField
from gql.errors import UserError


@strawberry.type(description="Result of `customFieldCreate`.")
class CustomFieldPayload:
    custom_field: CustomField | None = strawberry.field(
        description="The custom field; null when refused."
    )
    errors: list[UserError] = strawberry.field(
        description=(
            "Why the input was refused, one entry per problem; empty on"
            " success. A refused mutation changes nothing."
        )
    )
