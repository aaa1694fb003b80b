"""Payment cards, their statement imports and transactions, and the organisation's card settings.

Transaction amounts are signed minor units of the card's currency from the holder's side: a
charge (money spent) is positive, a credit (refund, payment to the card) negative.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from tortoise import fields

from orm.models.base import TimestampedModel
from orm.models.expenses import Category, Expense
from orm.models.identity import User
from orm.models.organizations import Organization


class CardKind(StrEnum):
    CORPORATE = "CORPORATE"
    PERSONAL = "PERSONAL"


class StatementFormat(StrEnum):
    CSV = "CSV"
    OFX = "OFX"


class CardTransactionStatus(StrEnum):
    UNMATCHED = "UNMATCHED"
    MATCHED = "MATCHED"
    EXCLUDED = "EXCLUDED"


class Card(TimestampedModel):
    """A card held by one user. The CSV column mapping is remembered per card (banks differ)."""

    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="cards", on_delete=fields.CASCADE
    )
    org_id: int
    holder: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="cards", on_delete=fields.RESTRICT
    )
    holder_id: int
    kind = fields.CharEnumField(CardKind, max_length=16)
    name = fields.CharField(max_length=100)
    last_four = fields.CharField(max_length=4)
    currency = fields.CharField(max_length=3)
    is_active = fields.BooleanField(default=True)
    csv_mapping: Any = fields.JSONField(null=True)

    class Meta:
        table = "card"
        indexes = (("org", "holder"),)


class StatementImport(TimestampedModel):
    """One imported statement file; ``created_at`` is when it was imported."""

    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="statement_imports", on_delete=fields.CASCADE
    )
    org_id: int
    card: fields.ForeignKeyRelation[Card] = fields.ForeignKeyField(
        "models.Card", related_name="imports", on_delete=fields.CASCADE
    )
    card_id: int
    imported_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="statement_imports", on_delete=fields.RESTRICT
    )
    imported_by_id: int
    file_name = fields.CharField(max_length=255)
    format = fields.CharEnumField(StatementFormat, max_length=8)
    row_count = fields.IntField(default=0)
    imported_count = fields.IntField(default=0)
    duplicate_count = fields.IntField(default=0)
    matched_count = fields.IntField(default=0)
    created_expense_count = fields.IntField(default=0)
    undone_at: datetime | None = fields.DatetimeField(null=True)

    class Meta:
        table = "statement_import"
        indexes = (("org", "card"),)


class CardTransaction(TimestampedModel):
    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="card_transactions", on_delete=fields.CASCADE
    )
    org_id: int
    card: fields.ForeignKeyRelation[Card] = fields.ForeignKeyField(
        "models.Card", related_name="transactions", on_delete=fields.CASCADE
    )
    card_id: int
    statement_import: fields.ForeignKeyRelation[StatementImport] = fields.ForeignKeyField(
        "models.StatementImport", related_name="transactions", on_delete=fields.CASCADE
    )
    statement_import_id: int
    external_id = fields.CharField(max_length=255, null=True)
    posted_date: date = fields.DateField()
    amount_minor = fields.BigIntField()
    currency = fields.CharField(max_length=3)
    description = fields.CharField(max_length=500, default="")
    # "id:<external id>" when the file has one, else "row:<date>|<minor>|<description>".
    dedupe_key = fields.CharField(max_length=600)
    status = fields.CharEnumField(
        CardTransactionStatus, max_length=16, default=CardTransactionStatus.UNMATCHED
    )
    # One transaction per expense at most (unique; NULLs do not collide).
    expense: fields.OneToOneNullableRelation[Expense] = fields.OneToOneField(
        "models.Expense", related_name="card_transaction", null=True, on_delete=fields.SET_NULL
    )
    expense_id: int | None
    # True when the import created the matched expense (undo removes it with the transaction).
    created_expense = fields.BooleanField(default=False)

    class Meta:
        table = "card_transaction"
        unique_together = (("card", "dedupe_key"),)
        indexes = (("org", "card", "status"),)


class CardSettings(TimestampedModel):
    """The organisation's card preferences; an organisation without a row has both off."""

    org: fields.OneToOneRelation[Organization] = fields.OneToOneField(
        "models.Organization", related_name="card_settings", on_delete=fields.CASCADE
    )
    org_id: int
    auto_match = fields.BooleanField(default=False)
    auto_create = fields.BooleanField(default=False)
    auto_create_category: fields.ForeignKeyNullableRelation[Category] = fields.ForeignKeyField(
        "models.Category", related_name="card_settings", null=True, on_delete=fields.SET_NULL
    )
    auto_create_category_id: int | None

    class Meta:
        table = "card_settings"
