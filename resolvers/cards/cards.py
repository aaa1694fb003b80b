"""Admin configuration: cards, the organisation's card preferences; and CSV mappings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tortoise.transactions import in_transaction

from orm import models
from orm.money import MoneyError, normalize_currency
from resolvers.cards.access import card_settings, visible_cards
from resolvers.cards.csv_mapping import CsvMapping
from resolvers.categories import reserved_category_error
from resolvers.errors import ErrorCode, FieldError, MutationResult
from resolvers.validation import clean_text
from resolvers.viewer import Viewer


@dataclass(slots=True)
class CardData:
    holder_id: int | None = None
    kind: models.CardKind | None = None
    name: str | None = None
    last_four: str | None = None
    currency: str | None = None
    is_active: bool | None = None


async def save_card(
    viewer: Viewer, card_id: int | None, data: CardData
) -> MutationResult[models.Card]:
    """Create (every field but ``is_active`` required) or change a card; admins only."""
    card = None
    if card_id is not None:
        card = await models.Card.get_or_none(id=card_id, org_id=viewer.org_id)
        if card is None:
            return MutationResult.fail("id", "No such card.", ErrorCode.NOT_FOUND)
    errors: list[FieldError] = []
    values: dict[str, Any] = {}
    if data.holder_id is not None or card is None:
        holder = await models.User.get_or_none(
            id=data.holder_id or -1, org_id=viewer.org_id, status=models.UserStatus.ACTIVE
        )
        if holder is None:
            errors.append(FieldError("holderId", "No such active user.", ErrorCode.NOT_FOUND))
        values["holder_id"] = data.holder_id
    if data.kind is not None or card is None:
        if data.kind is None:
            errors.append(FieldError("kind", "This field is required.", ErrorCode.REQUIRED))
        values["kind"] = data.kind
    if data.name is not None or card is None:
        values["name"] = clean_text(data.name or "", "name", max_length=100, errors=errors)
    if data.last_four is not None or card is None:
        digits = (data.last_four or "").strip()
        if len(digits) != 4 or not digits.isdigit():
            errors.append(FieldError("lastFour", "Give the last four digits.", ErrorCode.INVALID))
        values["last_four"] = digits
    if data.currency is not None or card is None:
        try:
            values["currency"] = normalize_currency(data.currency or "")
        except MoneyError as exc:
            errors.append(FieldError("currency", str(exc), ErrorCode.INVALID_CURRENCY))
    changes_currency = card is not None and values.get("currency", card.currency) != card.currency
    if changes_currency and await models.CardTransaction.filter(card_id=card_id).exists():
        errors.append(
                FieldError("currency", "A card with transactions keeps its currency.",
                           ErrorCode.CURRENCY_MISMATCH)
            )  # fmt: skip
    if data.is_active is not None:
        values["is_active"] = data.is_active
    if errors:
        return MutationResult(errors=errors)
    if card is None:
        card = await models.Card.create(org_id=viewer.org_id, **values)
    else:
        card.update_from_dict(values)
        await card.save()
    return MutationResult(card)


async def save_settings(
    viewer: Viewer, *, auto_match: bool, auto_create: bool, category_id: int | None
) -> MutationResult[models.CardSettings]:
    """Auto-create needs an enabled category for the expenses it creates."""
    category = None
    if category_id is not None:
        category = await models.Category.get_or_none(id=category_id, org_id=viewer.org_id)
        if category is None:
            return MutationResult.fail("autoCreateCategoryId", "No such category.",
                                       ErrorCode.NOT_FOUND)  # fmt: skip
        if reserved := reserved_category_error(category, "autoCreateCategoryId"):
            return MutationResult(errors=[reserved])
    if auto_create and (category is None or not category.is_enabled):
        return MutationResult.fail(
            "autoCreateCategoryId",
            "Auto-create needs an enabled category for the expenses it creates.",
            ErrorCode.REQUIRED if category is None else ErrorCode.CATEGORY_DISABLED,
        )
    async with in_transaction() as connection:
        settings = await card_settings(viewer.org_id)
        settings.auto_match = auto_match
        settings.auto_create = auto_create
        settings.auto_create_category_id = category_id
        await settings.save(using_db=connection)
    return MutationResult(settings)


async def set_csv_mapping(
    viewer: Viewer, card_id: int | None, mapping: CsvMapping
) -> MutationResult[models.Card]:
    """The card's holder or an admin chooses the mapping once; later imports reuse it."""
    card = await visible_cards(viewer).get_or_none(id=card_id or -1)
    if card is None:
        return MutationResult.fail("cardId", "No such card.", ErrorCode.NOT_FOUND)
    errors = mapping.check()
    if errors:
        return MutationResult(errors=errors)
    card.csv_mapping = mapping.to_json()
    await card.save(update_fields=["csv_mapping", "updated_at"])
    return MutationResult(card)
