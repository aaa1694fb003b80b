"""Who sees which cards: admins every card of the organisation, everyone else their own."""

from __future__ import annotations

from tortoise.queryset import QuerySet

from orm import models
from resolvers.viewer import Viewer


def visible_cards(viewer: Viewer) -> QuerySet[models.Card]:
    query = models.Card.filter(org_id=viewer.org_id)
    return query if viewer.is_admin else query.filter(holder_id=viewer.user_id)


def visible_transactions(viewer: Viewer) -> QuerySet[models.CardTransaction]:
    query = models.CardTransaction.filter(org_id=viewer.org_id)
    return query if viewer.is_admin else query.filter(card__holder_id=viewer.user_id)


async def card_settings(org_id: int) -> models.CardSettings:
    """The organisation's settings (both preferences off when never saved)."""
    found = await models.CardSettings.get_or_none(org_id=org_id)
    return found or models.CardSettings(org_id=org_id)


async def card_of(viewer: Viewer, card_id: int | None) -> models.Card | None:
    return await visible_cards(viewer).get_or_none(id=card_id)


async def transaction_of(
    viewer: Viewer, transaction_id: int | None
) -> models.CardTransaction | None:
    return await visible_transactions(viewer).get_or_none(id=transaction_id)


def card_transactions(
    org_id: int, status: models.CardTransactionStatus | None = None
) -> QuerySet[models.CardTransaction]:
    """The organisation's transactions, newest first (a card's page filters by its card)."""
    query = models.CardTransaction.filter(org_id=org_id)
    if status is not None:
        query = query.filter(status=status)
    return query.order_by("-posted_date", "-id")


def statement_imports(org_id: int) -> QuerySet[models.StatementImport]:
    """The organisation's statement imports, newest first (a card's page filters by its card)."""
    return models.StatementImport.filter(org_id=org_id).order_by("-id")
