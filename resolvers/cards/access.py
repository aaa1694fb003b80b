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
