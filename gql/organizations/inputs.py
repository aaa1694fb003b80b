from __future__ import annotations

import strawberry


@strawberry.input(description="Fields left out stay as they are.")
class OrganizationUpdateInput:
    name: str | None = None
    base_currency: str | None = None
    time_zone: str | None = None
    fiscal_year_start_month: int | None = strawberry.field(
        default=None, description="1 (January) to 12."
    )
