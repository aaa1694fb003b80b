from __future__ import annotations

from typing import Annotated

import strawberry

from gql.context import Info
from gql.errors import UserError, errors_field
from gql.organizations.inputs import OrganizationUpdateInput
from gql.organizations.types import Organization
from gql.payloads import payload
from gql.permissions import IsAdmin, IsAuthenticated, viewer_of
from resolvers import organizations


@strawberry.type(description="Result of `organizationUpdate`.")
class OrganizationUpdatePayload:
    organization: Organization | None = strawberry.field(
        description="The organisation as saved; null when refused."
    )
    errors: list[UserError] = errors_field()


@strawberry.type
class OrganizationQueries:
    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="The viewer's organisation (every signed-in user and token).",
    )
    async def organization(self, info: Info) -> Organization:
        return Organization.from_model(await organizations.get_organization(viewer_of(info)))


@strawberry.type
class OrganizationMutations:
    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Change the organisation's settings. Codes: REQUIRED, "
            "TOO_LONG, INVALID_CURRENCY, BASE_CURRENCY_LOCKED, INVALID_TIME_ZONE, "
            "INVALID."
        ),
    )
    async def organization_update(
        self,
        info: Info,
        input: Annotated[
            OrganizationUpdateInput, strawberry.argument(description="The settings to change.")
        ],
    ) -> OrganizationUpdatePayload:
        result = await organizations.update_organization(
            viewer_of(info),
            name=input.name,
            base_currency=input.base_currency,
            time_zone=input.time_zone,
            active_user_limit=input.active_user_limit,
            fiscal_year_start_month=input.fiscal_year_start_month,
        )
        return payload(OrganizationUpdatePayload, result, Organization.from_model)
