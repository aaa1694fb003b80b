"""Queries and mutations of potentials."""

from __future__ import annotations

from typing import Annotated

import strawberry

from gql.context import Info
from gql.ids import pk
from gql.pagination import After, Connection, First, paginate
from gql.payloads import payload
from gql.permissions import IsAdmin, IsAuthenticated, viewer_of
from gql.potentials import inputs
from gql.potentials.payloads import PotentialPayload
from gql.potentials.types import Potential
from resolvers import potentials


@strawberry.type
class PotentialQueries:
    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="The organisation's potentials (CRM deals), by name.",
    )
    async def potentials(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        filter: Annotated[
            inputs.PotentialFilter | None,
            strawberry.argument(description="Narrow by customer, state, name or CRM id."),
        ] = None,
    ) -> Connection[Potential]:
        criteria = None
        if filter is not None:
            criteria = potentials.PotentialFilter(
                customer_id=pk("Customer", filter.customer_id), crm_id=filter.crm_id,
                state=filter.state,
                search=filter.search, include_inactive=filter.include_inactive,
            )  # fmt: skip
        query = await potentials.list_potentials(viewer_of(info), criteria)
        return await paginate(query, Potential.from_model, first=first, after=after)


@strawberry.type
class PotentialMutations:
    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Add a potential (deal) kept in Spendsync only, "
            "not pushed to the CRM. Codes: REQUIRED, TOO_LONG, NOT_FOUND,"
            " INVALID_AMOUNT, INVALID_CURRENCY."
        ),
    )
    async def potential_create(
        self,
        info: Info,
        input: Annotated[
            inputs.PotentialCreateInput, strawberry.argument(description="The potential.")
        ],
    ) -> PotentialPayload:
        data = potentials.PotentialData(
            name=input.name, customer_id=pk("Customer", input.customer_id), stage=input.stage,
            state=input.state, amount=str(input.amount) if input.amount is not None else None,
            currency=input.currency, closing_date=input.closing_date,
            owner_crm_user_id=input.owner_crm_user_id,
        )  # fmt: skip
        result = await potentials.create_potential(viewer_of(info), data)
        return payload(PotentialPayload, result, Potential.from_model)
