"""Inputs of the card domain."""

from __future__ import annotations

import strawberry

from gql.cards.types import CardKind, StatementFormat
from gql.scalars import DecimalString


@strawberry.input
class CardCreateInput:
    holder_id: strawberry.ID
    kind: CardKind  # type: ignore[valid-type]
    name: str
    last_four: str
    currency: str


@strawberry.input(description="Only the fields given change.")
class CardUpdateInput:
    id: strawberry.ID
    holder_id: strawberry.ID | None = None
    name: str | None = None
    last_four: str | None = None
    currency: str | None = None
    is_active: bool | None = None


@strawberry.input
class CardSettingsUpdateInput:
    auto_match: bool
    auto_create: bool
    auto_create_category_id: strawberry.ID | None = None


@strawberry.input(
    description="Give `amountColumn`, or both `debitColumn` and `creditColumn`. Column names "
    "are header texts; `dateFormat` uses strftime directives such as %d/%m/%Y."
)
class CardCsvMappingSetInput:
    card_id: strawberry.ID
    date_column: str
    description_column: str
    amount_column: str | None = None
    debit_column: str | None = None
    credit_column: str | None = None
    id_column: str | None = None
    date_format: str = "%Y-%m-%d"
    charges_negative: bool = False
    decimal_separator: str = "."
    delimiter: str = ","


@strawberry.input
class CardStatementImportInput:
    card_id: strawberry.ID
    format: StatementFormat  # type: ignore[valid-type]
    file_name: str
    content_base64: str = strawberry.field(description="The file's bytes, base64; at most 5 MiB.")


@strawberry.input
class CardImportUndoInput:
    card_id: strawberry.ID


@strawberry.input
class CardTransactionMatchInput:
    id: strawberry.ID
    expense_id: strawberry.ID


@strawberry.input
class CardTransactionInput:
    id: strawberry.ID


@strawberry.input(
    description="An expense from an unmatched charge: date, amount, currency, merchant (the "
    "description on the statement) and reference come from the transaction."
)
class CardTransactionExpenseCreateInput:
    id: strawberry.ID
    category_id: strawberry.ID
    description: str = ""
    is_billable: bool = False
    is_reimbursable: bool | None = strawberry.field(
        default=None,
        description="A corporate card's expense is never reimbursable; a personal card's is by "
        "default.",
    )
    customer_id: strawberry.ID | None = None
    potential_id: strawberry.ID | None = None
    exchange_rate: DecimalString | None = strawberry.field(
        default=None, description="Required when the card's currency is not the base currency."
    )
