"""Inputs of potentials. Ids are the opaque ids the API hands out."""

from __future__ import annotations

from datetime import date

import strawberry

from gql.potentials.types import PotentialState
from gql.scalars import DecimalString


@strawberry.input(description="A new potential (deal) kept in Spendsync only.")
class PotentialCreateInput:
    name: str = strawberry.field(description="The deal's name.")
    customer_id: strawberry.ID | None = strawberry.field(
        default=None, description="The customer (account or contact) it belongs to."
    )
    stage: str = strawberry.field(
        default="", description="Sales stage, free text (e.g. Negotiation/Review)."
    )
    state: PotentialState = strawberry.field(  # type: ignore[valid-type]
        default=PotentialState.OPEN, description="OPEN by default."
    )
    amount: DecimalString | None = strawberry.field(
        default=None, description='Expected revenue, a decimal string such as "25000.00".'
    )
    currency: str | None = strawberry.field(
        default=None, description="ISO 4217 code of the amount; the base currency by default."
    )
    closing_date: date | None = strawberry.field(
        default=None, description="Expected closing date (ISO 8601 date)."
    )
    owner_crm_user_id: str | None = strawberry.field(
        default=None, description="The deal owner's Zoho CRM user id."
    )


@strawberry.input(description="Narrows the potential list; criteria combine with AND.")
class PotentialFilter:
    customer_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only this customer's potentials."
    )
    crm_id: str | None = strawberry.field(
        default=None, description="The potential linked to this CRM deal id."
    )
    state: PotentialState | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="Only open, won or lost deals."
    )
    search: str | None = strawberry.field(default=None, description="Part of the name (any case).")
    include_inactive: bool = strawberry.field(
        default=False, description="Also list inactive potentials (deleted in the CRM)."
    )
