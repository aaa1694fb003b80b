from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class TimestampedModel(Model):
    """Abstract base: integer id and UTC creation/update times."""

    id = fields.IntField(primary_key=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        abstract = True
