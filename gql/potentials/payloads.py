"""Payloads of the potential mutations."""

from __future__ import annotations

import strawberry

from gql.errors import UserError
from gql.potentials.types import Potential


@strawberry.type
class PotentialPayload:
    potential: Potential | None
    errors: list[UserError]
