"""Output types of the card domain. Relations resolve through the request's loaders."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import strawberry

from gql.categories.types import Category
from gql.context import Info
from gql.enums import described_enum
from gql.expenses.types import Expense
from gql.identity.types import User
from gql.ids import encode_id
from gql.money import money
from gql.node import Node
from gql.pagination import After, Connection, First, child_connection
from gql.scalars import Money
from orm import models
from resolvers.cards.access import card_transactions, statement_imports
from resolvers.cards.csv_mapping import CsvMapping as CsvMappingValue

CardKind = described_enum(
    models.CardKind,
    description="Who pays the card's bill.",
    values={
        "CORPORATE": "Paid by the organisation: its expenses are never Reimbursable.",
        "PERSONAL": "The holder's own card: its expenses are Reimbursable by default.",
    },
)
StatementFormat = described_enum(
    models.StatementFormat,
    description="A card statement file format.",
    values={
        "CSV": "Comma-separated values, read with the card's CSV mapping.",
        "OFX": "Open Financial Exchange 1.x (SGML) or 2.x (XML).",
    },
)
CardTransactionStatus = described_enum(
    models.CardTransactionStatus,
    description="Where a card transaction is in matching.",
    values={
        "UNMATCHED": "Not yet tied to an expense.",
        "MATCHED": "Tied to one expense.",
        "EXCLUDED": "Set aside by the holder (a personal spend, a payment).",
    },
)


async def _user(info: Info, user_id: int) -> User:
    row = await info.context.loaders.user_by_id.load(user_id)
    assert row is not None
    return User.from_model(row)


@strawberry.type(description="How a card's CSV statements are read (remembered per card).")
class CsvMapping:
    date_column: str = strawberry.field(description="Header of the posting date column.")
    description_column: str = strawberry.field(description="Header of the description column.")
    amount_column: str | None = strawberry.field(
        description="Header of the signed amount column; null with debit and credit columns."
    )
    debit_column: str | None = strawberry.field(description="Header of the debit column.")
    credit_column: str | None = strawberry.field(description="Header of the credit column.")
    id_column: str | None = strawberry.field(
        description="Header of the bank's transaction id column."
    )
    date_format: str = strawberry.field(description="strftime format of the dates.")
    charges_negative: bool = strawberry.field(
        description="Whether charges are written as negative amounts."
    )
    decimal_separator: str = strawberry.field(description="`.` or `,`.")
    delimiter: str = strawberry.field(description="The field separator.")

    @classmethod
    def from_json(cls, value: dict[str, object]) -> CsvMapping:
        mapping = CsvMappingValue.from_json(dict(value))
        return cls(**mapping.to_json())


@strawberry.type(
    description=(
        "A corporate or personal payment card whose statements are "
        "imported and matched to expenses. Admins see every card; "
        "others the cards they hold."
    )
)
class Card(Node):
    id: strawberry.ID = strawberry.field(description="Opaque id of the card.")
    kind: CardKind = strawberry.field(  # type: ignore[valid-type]
        description="Corporate (paid by the organisation) or personal."
    )
    name: str = strawberry.field(description="A name to recognise the card by.")
    last_four: str = strawberry.field(description="The last four digits of the card number.")
    currency: str = strawberry.field(description="ISO 4217 code of every transaction of the card.")
    is_active: bool = strawberry.field(description="Inactive cards take no imports.")
    csv_mapping: CsvMapping | None = strawberry.field(
        description="How the card's CSV statements are read; null until set."
    )
    _row: strawberry.Private[models.Card]

    @classmethod
    def from_model(cls, row: models.Card) -> Card:
        return cls(
            id=encode_id("Card", row.id), kind=row.kind, name=row.name, last_four=row.last_four,
            currency=row.currency, is_active=row.is_active,
            csv_mapping=CsvMapping.from_json(row.csv_mapping) if row.csv_mapping else None,
            _row=row,
        )  # fmt: skip

    @strawberry.field(description="The user who holds the card.")
    async def holder(self, info: Info) -> User:
        return await _user(info, self._row.holder_id)

    @strawberry.field(description="Newest first.")
    async def transactions(
        self,
        info: Info,
        status: Annotated[
            CardTransactionStatus | None,  # type: ignore[valid-type]
            strawberry.argument(description="Only transactions with this status."),
        ] = None,
        first: First = None,
        after: After = None,
    ) -> Connection[CardTransaction]:
        org_id = self._row.org_id
        loader = info.context.loaders.child_pages(
            f"card.transactions:{status}", lambda: card_transactions(org_id, status), "card_id"
        )
        return await child_connection(
            loader, self._row.id, CardTransaction.from_model, first=first, after=after
        )

    @strawberry.field(description="Newest first, undone ones included.")
    async def imports(
        self, info: Info, first: First = None, after: After = None
    ) -> Connection[StatementImport]:
        org_id = self._row.org_id
        loader = info.context.loaders.child_pages(
            "card.imports", lambda: statement_imports(org_id), "card_id"
        )
        return await child_connection(
            loader, self._row.id, StatementImport.from_model, first=first, after=after
        )


@strawberry.type(description="One statement file imported for a card.")
class StatementImport(Node):
    id: strawberry.ID = strawberry.field(description="Opaque id of the import.")
    file_name: str = strawberry.field(description="The file's name.")
    format: StatementFormat = strawberry.field(description="CSV or OFX.")  # type: ignore[valid-type]
    imported_at: datetime = strawberry.field(
        description="When it was imported (ISO 8601 date-time, UTC)."
    )
    row_count: int = strawberry.field(description="Transactions the file held.")
    imported_count: int = strawberry.field(description="Transactions added.")
    duplicate_count: int = strawberry.field(
        description="Rows skipped: repeated in the file or imported before."
    )
    matched_count: int = strawberry.field(
        description="Transactions auto-matched to existing expenses."
    )
    created_expense_count: int = strawberry.field(
        description="Expenses auto-created for charges that matched nothing."
    )
    undone_at: datetime | None = strawberry.field(
        description="When the import was undone; null otherwise."
    )
    _row: strawberry.Private[models.StatementImport]

    @classmethod
    def from_model(cls, row: models.StatementImport) -> StatementImport:
        return cls(
            id=encode_id("StatementImport", row.id), file_name=row.file_name, format=row.format,
            imported_at=row.created_at, row_count=row.row_count,
            imported_count=row.imported_count, duplicate_count=row.duplicate_count,
            matched_count=row.matched_count, created_expense_count=row.created_expense_count,
            undone_at=row.undone_at, _row=row,
        )  # fmt: skip

    @strawberry.field(description="The user who imported it.")
    async def imported_by(self, info: Info) -> User:
        return await _user(info, self._row.imported_by_id)


@strawberry.type(description="Amounts are positive for a charge, negative for a credit.")
class CardTransaction(Node):
    id: strawberry.ID = strawberry.field(description="Opaque id of the transaction.")
    external_id: str | None = strawberry.field(
        description="The bank's transaction id, when the statement gives one."
    )
    posted_date: date = strawberry.field(description="Posting date (ISO 8601 date).")
    amount: Money = strawberry.field(
        description="Positive for a charge, negative for a credit, in the card's currency."
    )
    description: str = strawberry.field(
        description="The statement's description (usually the merchant)."
    )
    status: CardTransactionStatus = strawberry.field(  # type: ignore[valid-type]
        description="Whether it is matched to an expense."
    )
    created_expense: bool = strawberry.field(
        description="True when the import created the matched expense."
    )
    _row: strawberry.Private[models.CardTransaction]

    @classmethod
    def from_model(cls, row: models.CardTransaction) -> CardTransaction:
        return cls(
            id=encode_id("CardTransaction", row.id), external_id=row.external_id,
            posted_date=row.posted_date, amount=money(row.amount_minor, row.currency),
            description=row.description, status=row.status,
            created_expense=row.created_expense, _row=row,
        )  # fmt: skip

    @strawberry.field(description="The card it was charged to.")
    async def card(self, info: Info) -> Card:
        row = await info.context.loaders.card_by_id.load(self._row.card_id)
        assert row is not None
        return Card.from_model(row)

    @strawberry.field(description="The matched expense; null unless MATCHED.")
    async def expense(self, info: Info) -> Expense | None:
        if self._row.expense_id is None:
            return None
        row = await info.context.loaders.expense_by_id.load(self._row.expense_id)
        return Expense.from_model(row) if row else None

    @strawberry.field(name="import", description="The statement import that brought it.")
    async def statement_import(self, info: Info) -> StatementImport:
        row = await info.context.loaders.statement_import_by_id.load(self._row.statement_import_id)
        assert row is not None
        return StatementImport.from_model(row)


@strawberry.type(description="The organisation's card preferences.")
class CardSettings:
    auto_match: bool = strawberry.field(
        description="Match new corporate-card charges to expenses (same amount, ±3 days)."
    )
    auto_create: bool = strawberry.field(
        description="Create an expense for a charge that matched nothing (needs autoMatch)."
    )
    _row: strawberry.Private[models.CardSettings]

    @classmethod
    def from_model(cls, row: models.CardSettings) -> CardSettings:
        return cls(auto_match=row.auto_match, auto_create=row.auto_create, _row=row)

    @strawberry.field(description="Category of auto-created expenses.")
    async def auto_create_category(self, info: Info) -> Category | None:
        if self._row.auto_create_category_id is None:
            return None
        row = await info.context.loaders.category_by_id.load(self._row.auto_create_category_id)
        return Category.from_model(row) if row else None
