"""Queries and mutations of the organisation's custom fields."""

from __future__ import annotations

from typing import Annotated

import strawberry

from gql.context import Info
from gql.custom_fields import inputs
from gql.custom_fields.payloads import CustomFieldPayload
from gql.custom_fields.types import CustomField
from gql.pagination import After, Connection, First, paginate
from gql.payloads import payload
from gql.permissions import IsAdmin, IsAuthenticated, viewer_of
from resolvers import custom_fields


@strawberry.type
class CustomFieldQueries:
    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="The organisation's custom fields of customers.",
    )
    async def custom_fields(
        self, info: Info, first: First = None, after: After = None
    ) -> Connection[CustomField]:
        query = custom_fields.list_custom_fields(viewer_of(info))
        return await paginate(query, CustomField.from_model, first=first, after=after)


@strawberry.type
class CustomFieldMutations:
    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Add a custom field to customers. Codes: "
            "REQUIRED, TOO_LONG, UNIQUE, INVALID."
        ),
    )
    async def custom_field_create(
        self,
        info: Info,
        input: Annotated[
            inputs.CustomFieldCreateInput,
            strawberry.argument(description="The field's label, type and picklist options."),
        ],
    ) -> CustomFieldPayload:
        result = await custom_fields.create_custom_field(
            viewer_of(info), label=input.label, data_type=input.data_type, options=input.options
        )
        return payload(CustomFieldPayload, result, CustomField.from_model)
