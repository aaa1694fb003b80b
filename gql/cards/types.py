"""Output types of the card domain. Relations resolve through the request's loaders."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from gql.categories.types import Category
from gql.context import Info
from gql.expenses.types import Expense
from gql.identity.types import User
from gql.ids import encode_id
from gql.money import money
from gql.pagination import After, Connection, First, child_connection
from gql.scalars import Money
from orm import models
from resolvers.cards.access import card_transactions, statement_imports
from resolvers.cards.csv_mapping import CsvMapping as CsvMappingValue

CardKind = strawberry.enum(models.CardKind)
StatementFormat = strawberry.enum(models.StatementFormat)
CardTransactionStatus = strawberry.enum(models.CardTransactionStatus)


async def _user(info: Info, user_id: int) -> User:
    row = await info.context.loaders.user_by_id.load(user_id)
    assert row is not None
    return User.from_model(row)


@strawberry.type(description="How a card's CSV statements are read (remembered per card).")
class CsvMapping:
    date_column: str
    description_column: str
    amount_column: str | None
    debit_column: str | None
    credit_column: str | None
    id_column: str | None
    date_format: str
    charges_negative: bool
    decimal_separator: str
    delimiter: str

    @classmethod
    def from_json(cls, value: dict[str, object]) -> CsvMapping:
        mapping = CsvMappingValue.from_json(dict(value))
        return cls(**mapping.to_json())


@strawberry.type
class Card:
    id: strawberry.ID
    kind: CardKind  # type: ignore[valid-type]
    name: str
    last_four: str
    currency: str
    is_active: bool
    csv_mapping: CsvMapping | None
    _row: strawberry.Private[models.Card]

    @classmethod
    def from_model(cls, row: models.Card) -> Card:
        return cls(
            id=encode_id("Card", row.id), kind=row.kind, name=row.name, last_four=row.last_four,
            currency=row.currency, is_active=row.is_active,
            csv_mapping=CsvMapping.from_json(row.csv_mapping) if row.csv_mapping else None,
            _row=row,
        )  # fmt: skip

    @strawberry.field
    async def holder(self, info: Info) -> User:
        return await _user(info, self._row.holder_id)

    @strawberry.field(description="Newest first.")
    async def transactions(
        self,
        info: Info,
        status: CardTransactionStatus | None = None,  # type: ignore[valid-type]
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


@strawberry.type
class StatementImport:
    id: strawberry.ID
    file_name: str
    format: StatementFormat  # type: ignore[valid-type]
    imported_at: datetime
    row_count: int
    imported_count: int
    duplicate_count: int
    matched_count: int
    created_expense_count: int
    undone_at: datetime | None
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

    @strawberry.field
    async def imported_by(self, info: Info) -> User:
        return await _user(info, self._row.imported_by_id)


@strawberry.type(description="Amounts are positive for a charge, negative for a credit.")
class CardTransaction:
    id: strawberry.ID
    external_id: str | None
    posted_date: date
    amount: Money
    description: str
    status: CardTransactionStatus  # type: ignore[valid-type]
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

    @strawberry.field
    async def card(self, info: Info) -> Card:
        row = await info.context.loaders.card_by_id.load(self._row.card_id)
        assert row is not None
        return Card.from_model(row)

    @strawberry.field
    async def expense(self, info: Info) -> Expense | None:
        if self._row.expense_id is None:
            return None
        row = await info.context.loaders.expense_by_id.load(self._row.expense_id)
        return Expense.from_model(row) if row else None

    @strawberry.field(name="import")
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

    @strawberry.field
    async def auto_create_category(self, info: Info) -> Category | None:
        if self._row.auto_create_category_id is None:
            return None
        row = await info.context.loaders.category_by_id.load(self._row.auto_create_category_id)
        return Category.from_model(row) if row else None
