from __future__ import annotations

import strawberry


@strawberry.input(description="Fields left out stay as they are.")
class OrganizationUpdateInput:
    name: str | None = strawberry.field(
        default=None, description="New display name (1 to 255 characters)."
    )
    base_currency: str | None = strawberry.field(
        default=None,
        description=(
            "New ISO 4217 base currency; refused with BASE_CURRENCY_LOCKED once expenses exist."
        ),
    )
    time_zone: str | None = strawberry.field(
        default=None, description="New IANA time zone, e.g. `Europe/Berlin`."
    )
    active_user_limit: int | None = strawberry.field(
        default=None, description="Active users the plan allows (1 to 100000)."
    )
    fiscal_year_start_month: int | None = strawberry.field(
        default=None, description="1 (January) to 12."
    )
