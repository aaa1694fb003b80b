"""Queries and mutations of the card domain; each delegates to one resolver."""

from __future__ import annotations

from typing import Annotated

import strawberry

from gql.cards import inputs
from gql.cards.types import Card, CardSettings, CardTransaction, StatementImport
from gql.context import Info
from gql.errors import UserError, errors_field
from gql.ids import pk
from gql.pagination import After, Connection, First, paginate
from gql.payloads import payload
from gql.permissions import IsAdmin, IsAuthenticated, viewer_of
from orm import models
from resolvers.cards import cards, imports, matching
from resolvers.cards.access import (
    card_of,
    card_settings,
    transaction_of,
    visible_cards,
)
from resolvers.cards.csv_mapping import CsvMapping
from resolvers.cards.expense_from import CardExpenseData, create_expense_from_transaction
from resolvers.errors import MutationResult


@strawberry.type(description="Result of a mutation that changes a card.")
class CardPayload:
    card: Card | None = strawberry.field(description="The card as saved; null when refused.")
    errors: list[UserError] = errors_field()


@strawberry.type(description="Result of `cardSettingsUpdate`.")
class CardSettingsPayload:
    settings: CardSettings | None = strawberry.field(
        description="The preferences as saved; null when refused."
    )
    errors: list[UserError] = errors_field()


@strawberry.type(description="Result of `cardStatementImport`.")
class CardStatementImportPayload:
    statement_import: StatementImport | None = strawberry.field(
        description="None when the file was refused or held nothing new."
    )
    row_count: int = strawberry.field(description="Transactions the file held.")
    imported_count: int = strawberry.field(description="Transactions added.")
    duplicate_count: int = strawberry.field(
        description="Rows skipped: repeated in the file or imported before."
    )
    notice: str = strawberry.field(
        description=(
            "A note for the user (e.g. every transaction was already imported); empty otherwise."
        )
    )
    errors: list[UserError] = errors_field()


@strawberry.type(description="Result of `cardImportUndo`.")
class StatementImportPayload:
    statement_import: StatementImport | None = strawberry.field(
        description="The undone import; null when refused."
    )
    errors: list[UserError] = errors_field()


@strawberry.type(description="Result of a mutation on one card transaction.")
class CardTransactionPayload:
    transaction: CardTransaction | None = strawberry.field(
        description="The transaction as saved; null when refused."
    )
    errors: list[UserError] = errors_field()


def _card(result: MutationResult[models.Card]) -> CardPayload:
    return payload(CardPayload, result, Card.from_model)


def _transaction(result: MutationResult[models.CardTransaction]) -> CardTransactionPayload:
    return payload(CardTransactionPayload, result, CardTransaction.from_model)


@strawberry.type
class CardQueries:
    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="Admins see every card of the organisation; others their own.",
    )
    async def cards(self, info: Info, first: First = None, after: After = None) -> Connection[Card]:
        query = visible_cards(viewer_of(info)).order_by("name", "id")
        return await paginate(query, Card.from_model, first=first, after=after)

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description=(
            "One card by id: admins any card of the organisation, "
            "others only cards they hold; null otherwise."
        ),
    )
    async def card(
        self,
        info: Info,
        id: Annotated[strawberry.ID, strawberry.argument(description="The card's opaque id.")],
    ) -> Card | None:
        row = await card_of(viewer_of(info), pk("Card", id))
        return Card.from_model(row) if row else None

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="One card transaction by id, under the same rule as `card`.",
    )
    async def card_transaction(
        self,
        info: Info,
        id: Annotated[
            strawberry.ID, strawberry.argument(description="The transaction's opaque id.")
        ],
    ) -> CardTransaction | None:
        row = await transaction_of(viewer_of(info), pk("CardTransaction", id))
        return CardTransaction.from_model(row) if row else None

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="The organisation's card preferences (auto-match, auto-create).",
    )
    async def card_settings(self, info: Info) -> CardSettings:
        return CardSettings.from_model(await card_settings(viewer_of(info).org_id))


@strawberry.type
class CardMutations:
    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Add a corporate or personal card for one "
            "active user. Codes: REQUIRED, NOT_FOUND, USER_INACTIVE, "
            "INVALID, INVALID_CURRENCY."
        ),
    )
    async def card_create(
        self,
        info: Info,
        input: Annotated[
            inputs.CardCreateInput,
            strawberry.argument(
                description="The card's holder, kind, name, last four digits and currency."
            ),
        ],
    ) -> CardPayload:
        data = cards.CardData(
            holder_id=pk("User", input.holder_id), kind=input.kind, name=input.name,
            last_four=input.last_four, currency=input.currency,
        )  # fmt: skip
        return _card(await cards.save_card(viewer_of(info), None, data))

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. Change a card; a card with transactions keeps"
            " its currency (CURRENCY_MISMATCH). Cards are deactivated, "
            "never deleted."
        ),
    )
    async def card_update(
        self,
        info: Info,
        input: Annotated[
            inputs.CardUpdateInput,
            strawberry.argument(description="The card and the fields to change."),
        ],
    ) -> CardPayload:
        data = cards.CardData(
            holder_id=pk("User", input.holder_id), name=input.name, last_four=input.last_four,
            currency=input.currency, is_active=input.is_active,
        )  # fmt: skip
        return _card(await cards.save_card(viewer_of(info), pk("Card", input.id) or -1, data))

    @strawberry.mutation(
        permission_classes=[IsAdmin],
        description=(
            "Admins only. The organisation's auto-match and auto-create"
            " preferences. Codes: NOT_FOUND, CATEGORY_DISABLED, "
            "CATEGORY_RESERVED, REQUIRED."
        ),
    )
    async def card_settings_update(
        self,
        info: Info,
        input: Annotated[
            inputs.CardSettingsUpdateInput, strawberry.argument(description="The new preferences.")
        ],
    ) -> CardSettingsPayload:
        result = await cards.save_settings(
            viewer_of(info), auto_match=input.auto_match, auto_create=input.auto_create,
            category_id=pk("Category", input.auto_create_category_id),
        )  # fmt: skip
        return payload(CardSettingsPayload, result, CardSettings.from_model)

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description=(
            "The card's holder or an admin: set how the card's CSV "
            "statements are read. Codes: NOT_FOUND, REQUIRED, INVALID."
        ),
    )
    async def card_csv_mapping_set(
        self,
        info: Info,
        input: Annotated[
            inputs.CardCsvMappingSetInput,
            strawberry.argument(description="The card and how its CSV statements are read."),
        ],
    ) -> CardPayload:
        mapping = CsvMapping(
            date_column=input.date_column, description_column=input.description_column,
            amount_column=input.amount_column, debit_column=input.debit_column,
            credit_column=input.credit_column, id_column=input.id_column,
            date_format=input.date_format, charges_negative=input.charges_negative,
            decimal_separator=input.decimal_separator, delimiter=input.delimiter,
        )  # fmt: skip
        return _card(
            await cards.set_csv_mapping(viewer_of(info), pk("Card", input.card_id), mapping)
        )

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description=(
            "The card's holder or an admin: import a CSV or OFX "
            "statement; repeated transactions are skipped, then "
            "auto-match and auto-create run. Codes: CARD_INACTIVE, "
            "CSV_MAPPING_REQUIRED, STATEMENT_INVALID, FILE_TOO_LARGE."
        ),
    )
    async def card_statement_import(
        self,
        info: Info,
        input: Annotated[
            inputs.CardStatementImportInput,
            strawberry.argument(description="The card and the statement file (CSV or OFX)."),
        ],
    ) -> CardStatementImportPayload:
        result = await imports.import_statement(
            viewer_of(info), pk("Card", input.card_id), file_name=input.file_name,
            file_format=input.format, content_base64=input.content_base64,
        )  # fmt: skip
        outcome = result.value
        statement = outcome.statement_import if outcome else None
        return payload(
            CardStatementImportPayload, result,
            statement_import=StatementImport.from_model(statement) if statement else None,
            row_count=outcome.row_count if outcome else 0,
            imported_count=outcome.imported_count if outcome else 0,
            duplicate_count=outcome.duplicate_count if outcome else 0,
            notice=outcome.notice if outcome else "",
        )  # fmt: skip

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description=(
            "The card's holder or an admin: remove what the card's latest"
            " import added (its transactions and the expenses it "
            "created). Codes: NOT_FOUND, IMPORT_IN_USE."
        ),
    )
    async def card_import_undo(
        self,
        info: Info,
        input: Annotated[
            inputs.CardImportUndoInput,
            strawberry.argument(description="The card whose latest statement import is undone."),
        ],
    ) -> StatementImportPayload:
        result = await imports.undo_last_import(viewer_of(info), pk("Card", input.card_id))
        return payload(StatementImportPayload, result, StatementImport.from_model)

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description=(
            "The card holder: match an unmatched charge to one of their "
            "expenses of the same amount and currency. Codes: "
            "AMOUNT_MISMATCH, ALREADY_MATCHED, "
            "CARD_EXPENSE_NOT_REIMBURSABLE, EXPENSE_NOT_MATCHABLE, "
            "EXPENSE_LOCKED, INVALID_AMOUNT."
        ),
    )
    async def card_transaction_match(
        self,
        info: Info,
        input: Annotated[
            inputs.CardTransactionMatchInput,
            strawberry.argument(
                description=(
                    "The unmatched charge and the holder's expense of the same amount and currency."
                )
            ),
        ],
    ) -> CardTransactionPayload:
        return _transaction(
            await matching.match_transaction(
                viewer_of(info), pk("CardTransaction", input.id), pk("Expense", input.expense_id)
            )
        )

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="The card holder: create an expense from an unmatched charge, matched to it.",
    )
    async def card_transaction_expense_create(
        self,
        info: Info,
        input: Annotated[
            inputs.CardTransactionExpenseCreateInput,
            strawberry.argument(
                description=(
                    "The unmatched charge and the expense details the statement does not give."
                )
            ),
        ],
    ) -> CardTransactionPayload:
        data = CardExpenseData(
            category_id=pk("Category", input.category_id), description=input.description,
            is_billable=input.is_billable, is_reimbursable=input.is_reimbursable,
            customer_id=pk("Customer", input.customer_id),
            potential_id=pk("Potential", input.potential_id), exchange_rate=input.exchange_rate,
        )  # fmt: skip
        return _transaction(
            await create_expense_from_transaction(
                viewer_of(info), pk("CardTransaction", input.id), data
            )
        )

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description=(
            "The card holder: undo a match; the expense stays as an "
            "ordinary expense. Codes: NOT_FOUND, INVALID_TRANSITION, "
            "EXPENSE_LOCKED."
        ),
    )
    async def card_transaction_unmatch(
        self,
        info: Info,
        input: Annotated[
            inputs.CardTransactionInput,
            strawberry.argument(description="The matched transaction; its expense stays."),
        ],
    ) -> CardTransactionPayload:
        return _transaction(
            await matching.unmatch_transaction(viewer_of(info), pk("CardTransaction", input.id))
        )

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description=(
            "The card holder: set an unmatched transaction aside (a "
            "personal spend, a payment). Codes: NOT_FOUND, "
            "INVALID_TRANSITION."
        ),
    )
    async def card_transaction_exclude(
        self,
        info: Info,
        input: Annotated[
            inputs.CardTransactionInput,
            strawberry.argument(
                description="The unmatched transaction to exclude (a personal spend, a payment)."
            ),
        ],
    ) -> CardTransactionPayload:
        return _transaction(
            await matching.exclude_transaction(viewer_of(info), pk("CardTransaction", input.id))
        )

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description=(
            "The card holder: bring an excluded transaction back to "
            "UNMATCHED. Codes: NOT_FOUND, INVALID_TRANSITION."
        ),
    )
    async def card_transaction_restore(
        self,
        info: Info,
        input: Annotated[
            inputs.CardTransactionInput,
            strawberry.argument(description="The excluded transaction, back to UNMATCHED."),
        ],
    ) -> CardTransactionPayload:
        return _transaction(
            await matching.restore_transaction(viewer_of(info), pk("CardTransaction", input.id))
        )
