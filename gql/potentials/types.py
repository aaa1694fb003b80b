"""Output types of potentials (CRM deals)."""

from __future__ import annotations

from datetime import date

import strawberry

from gql.context import Info
from gql.customers.types import Customer, customer_of
from gql.enums import described_enum
from gql.ids import encode_id
from gql.money import money
from gql.node import Node
from gql.scalars import Money
from orm import models

PotentialState = described_enum(
    models.PotentialState,
    description="Outcome of a deal.",
    values={
        "OPEN": "Still being worked on.",
        "WON": "Closed won.",
        "LOST": "Closed lost.",
    },
)


@strawberry.type(description="A CRM deal.")
class Potential(Node):
    id: strawberry.ID = strawberry.field(description="Opaque id of the potential.")
    name: str = strawberry.field(description="The deal's name.")
    stage: str = strawberry.field(
        description="Sales stage as in the CRM (e.g. Qualification, Closed Won)."
    )
    state: PotentialState = strawberry.field(description="Open, won or lost.")  # type: ignore[valid-type]
    amount: Money | None = strawberry.field(
        description="Expected revenue in the deal's currency; null if unknown."
    )
    closing_date: date | None = strawberry.field(
        description="Expected closing date (ISO 8601 date)."
    )
    owner_crm_user_id: str | None = strawberry.field(
        description="The deal owner's Zoho CRM user id."
    )
    is_active: bool = strawberry.field(
        description="False once deleted in the CRM (kept for its expenses)."
    )
    crm_id: str | None = strawberry.field(
        description="The CRM deal's id; null when kept in Spendsync."
    )
    _row: strawberry.Private[models.Potential]

    @classmethod
    def from_model(cls, row: models.Potential) -> Potential:
        amount = None
        if row.amount_minor is not None and row.currency:
            amount = money(row.amount_minor, row.currency)
        return cls(
            id=encode_id("Potential", row.id), name=row.name, stage=row.stage, state=row.state,
            amount=amount, closing_date=row.closing_date, owner_crm_user_id=row.owner_crm_user_id,
            is_active=row.is_active, crm_id=row.crm_id, _row=row,
        )  # fmt: skip

    @strawberry.field(description="The account the deal belongs to.")
    async def customer(self, info: Info) -> Customer | None:
        return await customer_of(info, self._row.customer_id)

    @strawberry.field(description="The contact the deal belongs to.")
    async def contact_customer(self, info: Info) -> Customer | None:
        return await customer_of(info, self._row.contact_customer_id)


async def potential_of(info: Info, potential_id: int | None) -> Potential | None:
    if potential_id is None:
        return None
    row = await info.context.loaders.potential_by_id.load(potential_id)
    return Potential.from_model(row) if row else None
