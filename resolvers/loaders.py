"""Batch functions behind the per-request DataLoaders.

One query per batch, results in key order with None for misses. Every loader is bound to the
viewer's organisation, so a stray id from another tenant resolves to None.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from functools import partial
from typing import Any

from orm import models
from resolvers.expenses.queries import Totals, report_totals


async def organizations_by_id(org_id: int, ids: Sequence[int]) -> list[models.Organization | None]:
    found = await models.Organization.filter(id=org_id).in_bulk(list(set(ids)), "id")
    return [found.get(key) for key in ids]


async def _by_id(model: type[Any], org_id: int, ids: Sequence[int]) -> list[Any]:
    found = await model.filter(org_id=org_id).in_bulk(list(set(ids)), "id")
    return [found.get(key) for key in ids]


async def _grouped(
    model: type[Any], key: str, org_id: int, ids: Sequence[int], order: tuple[str, ...] = ("id",)
) -> list[list[Any]]:
    rows = await model.filter(org_id=org_id, **{f"{key}__in": list(set(ids))}).order_by(*order)
    groups: dict[int, list[Any]] = defaultdict(list)
    for row in rows:
        groups[getattr(row, key)].append(row)
    return [groups.get(identifier, []) for identifier in ids]


def by_id(model: type[Any]) -> Callable[[int, Sequence[int]], Awaitable[list[Any]]]:
    return partial(_by_id, model)


def grouped_by(
    model: type[Any], key: str, *order: str
) -> Callable[[int, Sequence[int]], Awaitable[list[list[Any]]]]:
    return partial(_grouped, model, key, order=order or ("id",))


async def active_user_counts_by_org_id(org_id: int, ids: Sequence[int]) -> list[int]:
    """Active users of the (viewer's) organisation: one COUNT for any number of rows asking."""
    count = await models.User.filter(org_id=org_id, status=models.UserStatus.ACTIVE).count()
    return [count if identifier == org_id else 0 for identifier in ids]


async def active_contact_persons_by_customer_id(
    org_id: int, ids: Sequence[int]
) -> list[list[models.ContactPerson]]:
    rows = await models.ContactPerson.filter(
        org_id=org_id, customer_id__in=list(set(ids)), is_active=True
    ).order_by("-is_primary", "id")
    groups: dict[int, list[models.ContactPerson]] = defaultdict(list)
    for row in rows:
        groups[row.customer_id].append(row)
    return [groups.get(identifier, []) for identifier in ids]


async def report_totals_by_id(org_id: int, ids: Sequence[int]) -> list[Totals]:
    totals = await report_totals(ids, org_id)
    return [totals.get(identifier, Totals()) for identifier in ids]
