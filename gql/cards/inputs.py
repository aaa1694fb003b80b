"""Inputs of the card domain."""

from __future__ import annotations

import strawberry

from gql.cards.types import CardKind, StatementFormat
from gql.scalars import DecimalString


@strawberry.input(description="A new card.")
class CardCreateInput:
    holder_id: strawberry.ID = strawberry.field(description="The active user who holds the card.")
    kind: CardKind = strawberry.field(description="Corporate or personal.")  # type: ignore[valid-type]
    name: str = strawberry.field(description="A name to recognise the card by (e.g. the bank's).")
    last_four: str = strawberry.field(description="The last four digits of the card number.")
    currency: str = strawberry.field(
        description="ISO 4217 code; every transaction of the card is in it."
    )


@strawberry.input(description="Only the fields given change.")
class CardUpdateInput:
    id: strawberry.ID = strawberry.field(description="The card's opaque id.")
    holder_id: strawberry.ID | None = strawberry.field(
        default=None, description="A new holder (an active user)."
    )
    name: str | None = strawberry.field(default=None, description="A new name.")
    last_four: str | None = strawberry.field(default=None, description="New last four digits.")
    currency: str | None = strawberry.field(
        default=None, description="A new ISO 4217 code; only while the card has no transactions."
    )
    is_active: bool | None = strawberry.field(
        default=None, description="False deactivates the card (no more imports)."
    )


@strawberry.input(description="The organisation's card preferences.")
class CardSettingsUpdateInput:
    auto_match: bool = strawberry.field(
        description="Match new corporate-card charges to expenses (same amount, within 3 days)."
    )
    auto_create: bool = strawberry.field(
        description="Create an expense for a charge that matched nothing (needs `autoMatch`)."
    )
    auto_create_category_id: strawberry.ID | None = strawberry.field(
        default=None, description="Category of auto-created expenses; required with `autoCreate`."
    )


@strawberry.input(
    description="Give `amountColumn`, or both `debitColumn` and `creditColumn`. Column names "
    "are header texts; `dateFormat` uses strftime directives such as %d/%m/%Y."
)
class CardCsvMappingSetInput:
    card_id: strawberry.ID = strawberry.field(description="The card's opaque id.")
    date_column: str = strawberry.field(description="Header of the posting date column.")
    description_column: str = strawberry.field(
        description="Header of the description (merchant) column."
    )
    amount_column: str | None = strawberry.field(
        default=None, description="Header of the signed amount column."
    )
    debit_column: str | None = strawberry.field(
        default=None, description="Header of the debit (charges) column, with `creditColumn`."
    )
    credit_column: str | None = strawberry.field(
        default=None, description="Header of the credit column, with `debitColumn`."
    )
    id_column: str | None = strawberry.field(
        default=None,
        description="Header of the bank's transaction id column, used to skip repeats; optional.",
    )
    date_format: str = strawberry.field(
        default="%Y-%m-%d", description="strftime format of the dates, %Y-%m-%d by default."
    )
    charges_negative: bool = strawberry.field(
        default=False, description="True when the bank writes charges as negative amounts."
    )
    decimal_separator: str = strawberry.field(default=".", description="`.` (default) or `,`.")
    delimiter: str = strawberry.field(
        default=",", description="Field separator: `,` (default), `;` or a tab."
    )


@strawberry.input(description="A card statement file to import.")
class CardStatementImportInput:
    card_id: strawberry.ID = strawberry.field(description="The card's opaque id; an active card.")
    format: StatementFormat = strawberry.field(  # type: ignore[valid-type]
        description="CSV (read with the card's mapping) or OFX."
    )
    file_name: str = strawberry.field(description="The file's name, kept with the import.")
    content_base64: str = strawberry.field(description="The file's bytes, base64; at most 5 MiB.")


@strawberry.input(description="The card whose latest statement import is undone.")
class CardImportUndoInput:
    card_id: strawberry.ID = strawberry.field(description="The card's opaque id.")


@strawberry.input(description="A charge and the expense it paid.")
class CardTransactionMatchInput:
    id: strawberry.ID = strawberry.field(description="The unmatched charge's opaque id.")
    expense_id: strawberry.ID = strawberry.field(description="One of the holder's own expenses.")


@strawberry.input(description="One card transaction.")
class CardTransactionInput:
    id: strawberry.ID = strawberry.field(description="The transaction's opaque id.")


@strawberry.input(
    description="An expense from an unmatched charge: date, amount, currency, merchant (the "
    "description on the statement) and reference come from the transaction."
)
class CardTransactionExpenseCreateInput:
    id: strawberry.ID = strawberry.field(description="The unmatched charge's opaque id.")
    category_id: strawberry.ID = strawberry.field(description="An enabled, not reserved category.")
    description: str = strawberry.field(default="", description="Free text for the expense.")
    is_billable: bool = strawberry.field(
        default=False, description="Billable: to be charged on to the customer."
    )
    is_reimbursable: bool | None = strawberry.field(
        default=None,
        description="A corporate card's expense is never reimbursable; a personal card's is by "
        "default.",
    )
    customer_id: strawberry.ID | None = strawberry.field(
        default=None, description="The active customer the expense is for."
    )
    potential_id: strawberry.ID | None = strawberry.field(
        default=None, description="A potential (CRM deal) of that customer."
    )
    exchange_rate: DecimalString | None = strawberry.field(
        default=None, description="Required when the card's currency is not the base currency."
    )
