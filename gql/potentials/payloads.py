"""Payloads of the potential mutations."""

from __future__ import annotations

import strawberry

from gql.errors import UserError, errors_field
from gql.potentials.types import Potential


@strawberry.type(description="Result of `potentialCreate`.")
class PotentialPayload:
    potential: Potential | None = strawberry.field(description="The potential; null when refused.")
    errors: list[UserError] = errors_field()
