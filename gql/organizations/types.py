from __future__ import annotations

import strawberry

from gql.context import Info
from gql.ids import encode_id
from gql.node import Node
from orm import models


@strawberry.type(description="The tenant: everything belongs to exactly one organisation.")
class Organization(Node):
    id: strawberry.ID = strawberry.field(description="Opaque id of the organisation.")
    name: str = strawberry.field(description="The organisation's display name.")
    base_currency: str = strawberry.field(description="ISO 4217 code.")
    time_zone: str = strawberry.field(description="IANA time zone for dates and day boundaries.")
    active_user_limit: int = strawberry.field(description="Active users the plan allows.")
    fiscal_year_start_month: int = strawberry.field(
        description="1 (January) to 12; mileage slabs count distance per fiscal year."
    )
    allow_self_approval: bool = strawberry.field(
        description="Whether a report may be submitted to, and approved by, its own submitter."
    )
    _row: strawberry.Private[models.Organization]

    @classmethod
    def from_model(cls, row: models.Organization) -> Organization:
        return cls(
            id=encode_id("Organization", row.id),
            name=row.name,
            base_currency=row.base_currency,
            time_zone=row.time_zone,
            active_user_limit=row.active_user_limit,
            fiscal_year_start_month=row.fiscal_year_start_month,
            allow_self_approval=row.allow_self_approval,
            _row=row,
        )

    @strawberry.field(description="Users with status ACTIVE, counted against `activeUserLimit`.")
    async def active_user_count(self, info: Info) -> int:
        return await info.context.loaders.active_user_count_by_org_id.load(self._row.id)
