from __future__ import annotations

import strawberry

from gql.context import Info
from gql.errors import UserError
from gql.organizations.inputs import OrganizationUpdateInput
from gql.organizations.types import Organization
from gql.payloads import payload
from gql.permissions import IsAdmin, IsAuthenticated, viewer_of
from resolvers import organizations


@strawberry.type
class OrganizationUpdatePayload:
    organization: Organization | None
    errors: list[UserError]


@strawberry.type
class OrganizationQueries:
    @strawberry.field(permission_classes=[IsAuthenticated])
    async def organization(self, info: Info) -> Organization:
        return Organization.from_model(await organizations.get_organization(viewer_of(info)))


@strawberry.type
class OrganizationMutations:
    @strawberry.mutation(permission_classes=[IsAdmin])
    async def organization_update(
        self, info: Info, input: OrganizationUpdateInput
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
