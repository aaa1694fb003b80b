"""Any object by its global id (the GraphQL ``node``/``nodes`` queries), with the visibility of
the object's own query.

Each kind of object names the rows a viewer may see, as that object's own query or list
decides (``VISIBLE``): admins the organisation, members their own or what was submitted to them,
and never anything of another organisation (every query starts from the viewer's organisation).
``visible_rows`` loads many ids of one kind in one statement (the request's DataLoader per kind
calls it once per batch), so a list of fifty ids costs one statement per kind named in it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, cast

from tortoise.expressions import Subquery
from tortoise.queryset import QuerySet

from orm import models
from resolvers.cards.access import visible_cards, visible_transactions
from resolvers.expenses.access import visible_expenses, visible_reports
from resolvers.identity.tokens import list_tokens
from resolvers.notifications import list_notifications
from resolvers.potentials import potentials_for
from resolvers.receipts.service import visible_receipts
from resolvers.viewer import Viewer

Visible = Callable[[Viewer], Awaitable[QuerySet[Any]]]


def _members(model: type[Any]) -> Visible:
    """Every row of the organisation, for any member (its list is open to every member)."""

    async def visible(viewer: Viewer) -> QuerySet[Any]:
        return cast("QuerySet[Any]", model.filter(org_id=viewer.org_id))

    return visible


def _admins(model: type[Any]) -> Visible:
    """Every row of the organisation, for its admins only (its query is for admins)."""

    async def visible(viewer: Viewer) -> QuerySet[Any]:
        query = cast("QuerySet[Any]", model.filter(org_id=viewer.org_id))
        return query if viewer.is_admin else query.filter(id=0)  # ids start at 1: nothing

    return visible


def _query(of: Callable[[Viewer], QuerySet[Any]]) -> Visible:
    async def visible(viewer: Viewer) -> QuerySet[Any]:
        return of(viewer)

    return visible


async def _organization(viewer: Viewer) -> QuerySet[models.Organization]:
    return models.Organization.filter(id=viewer.org_id)


async def _statement_imports(viewer: Viewer) -> QuerySet[models.StatementImport]:
    """A card's imports, for whoever sees the card (``Card.imports``)."""
    return models.StatementImport.filter(
        org_id=viewer.org_id, card_id__in=Subquery(visible_cards(viewer).values("id"))
    )


VISIBLE: dict[str, Visible] = {
    # who sees what, by the GraphQL type's name (the ``Type`` of its global ids)
    "ApiToken": _query(lambda v: list_tokens(v, include_revoked=True)),  # own; admins all
    "Card": _query(visible_cards),  # admins all, holders their own
    "CardTransaction": _query(visible_transactions),
    "Category": _members(models.Category),
    "ContactPerson": _members(models.ContactPerson),
    "CustomField": _members(models.CustomField),
    "Customer": _members(models.Customer),
    "Expense": _query(visible_expenses),  # own, submitted to you as approver; admins all
    "IntegrationDeletion": _admins(models.IntegrationDeletion),
    "MileageRate": _members(models.MileageRate),
    "MileageVehicle": _members(models.MileageVehicle),
    "Notification": _query(list_notifications),  # your own
    "Organization": _organization,  # your own
    "PerDiemLocation": _admins(models.PerDiemLocation),
    "PerDiemPolicy": _admins(models.PerDiemPolicy),
    "PerDiemRate": _admins(models.PerDiemRate),
    "Potential": potentials_for,  # all, or your own deals when the organisation says so
    "Receipt": _query(visible_receipts),
    "Report": _query(visible_reports),
    "StatementImport": _statement_imports,
    "SyncRun": _admins(models.SyncRun),
    "User": _members(models.User),
    "UserSyncRun": _admins(models.UserSyncRun),
}


async def visible_rows(viewer: Viewer, kind: str, pks: Sequence[int]) -> list[Any | None]:
    """The rows of ``kind`` with these primary keys that the viewer may see, in key order
    (None where there is none, or none the viewer may see)."""
    visible = VISIBLE.get(kind)
    if visible is None:
        return [None for _ in pks]
    query = await visible(viewer)
    found = await query.in_bulk(list(set(pks)), "id")
    return [found.get(pk) for pk in pks]
