"""Batch functions behind the per-request DataLoaders.

One query per batch, results in key order with None for misses. Every loader is bound to the
viewer's organisation, so a stray id from another tenant resolves to None.
"""

from __future__ import annotations

from collections.abc import Sequence

from orm import models


async def organizations_by_id(org_id: int, ids: Sequence[int]) -> list[models.Organization | None]:
    found = await models.Organization.filter(id=org_id).in_bulk(list(set(ids)), "id")
    return [found.get(key) for key in ids]


async def users_by_id(org_id: int, ids: Sequence[int]) -> list[models.User | None]:
    found = await models.User.filter(org_id=org_id).in_bulk(list(set(ids)), "id")
    return [found.get(key) for key in ids]
