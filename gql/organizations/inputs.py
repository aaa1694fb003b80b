from __future__ import annotations

import strawberry


@strawberry.input(description="Fields left out stay as they are.")
class OrganizationUpdateInput:
    name: str | None = None
    base_currency: str | None = None
    time_zone: str | None = None
    active_user_limit: int | None = strawberry.field(
        default=None, description="Active users the plan allows (1 to 100000)."
    )
    fiscal_year_start_month: int | None = strawberry.field(
        default=None, description="1 (January) to 12."
    )
