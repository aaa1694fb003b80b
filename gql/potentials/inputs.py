"""Inputs of potentials. Ids are the opaque ids the API hands out."""

from __future__ import annotations

from datetime import date

import strawberry

from gql.potentials.types import PotentialState
from gql.scalars import DecimalString


@strawberry.input
class PotentialCreateInput:
    name: str
    customer_id: strawberry.ID | None = None
    stage: str = ""
    state: PotentialState = PotentialState.OPEN  # type: ignore[valid-type]
    amount: DecimalString | None = None
    currency: str | None = None
    closing_date: date | None = None
    owner_crm_user_id: str | None = None


@strawberry.input
class PotentialFilter:
    customer_id: strawberry.ID | None = None
    crm_id: str | None = strawberry.field(
        default=None, description="The potential linked to this CRM deal id."
    )
    state: PotentialState | None = None  # type: ignore[valid-type]
    search: str | None = None
    include_inactive: bool = False
