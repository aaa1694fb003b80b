from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields

from orm.models.base import TimestampedModel

if TYPE_CHECKING:
    from orm.models.identity import ApiToken, User


class PotentialScope(StrEnum):
    """Which potentials a user may pick on an expense or report."""

    OWN = "OWN"  # only potentials whose CRM owner is the user
    ALL = "ALL"


class Organization(TimestampedModel):
    """The tenant. Every tenant row carries ``org_id``."""

    name = fields.CharField(max_length=200)
    base_currency = fields.CharField(max_length=3, default="USD")
    time_zone = fields.CharField(max_length=64, default="UTC")
    active_user_limit = fields.IntField(default=25)
    allow_self_approval = fields.BooleanField(default=False)
    potential_scope = fields.CharEnumField(PotentialScope, max_length=8, default=PotentialScope.ALL)
    report_sequence = fields.IntField(default=0)
    # 1 = January. Mileage slabs count the distance claimed per fiscal year.
    fiscal_year_start_month = fields.SmallIntField(default=1)

    users: fields.ReverseRelation[User]
    api_tokens: fields.ReverseRelation[ApiToken]

    class Meta:
        table = "organization"
