"""Importing a statement file into a card, and undoing a card's last import."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from datetime import UTC, datetime

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from orm import models
from resolvers.cards.access import card_settings, visible_cards
from resolvers.cards.csv_mapping import CsvMapping
from resolvers.cards.csv_statement import parse_csv
from resolvers.cards.matching import auto_match
from resolvers.cards.ofx_statement import parse_ofx
from resolvers.cards.statement import MAX_STATEMENT_BYTES, StatementRejected, StatementRow
from resolvers.errors import ErrorCode, FieldError, MutationResult, Refused
from resolvers.validation import formula_safe
from resolvers.viewer import Viewer

Status = models.CardTransactionStatus


@dataclass(slots=True)
class ImportOutcome:
    """``statement_import`` is None when the file held nothing new (then nothing is written)."""

    statement_import: models.StatementImport | None
    row_count: int = 0
    imported_count: int = 0
    duplicate_count: int = 0
    notice: str = ""
    transactions: list[models.CardTransaction] = field(default_factory=list)


def decode_content(content_base64: str) -> bytes | FieldError:
    """The file from its base64 text; the size is checked on the text, before decoding."""
    if len(content_base64) > (MAX_STATEMENT_BYTES + 2) // 3 * 4 + 4:
        return FieldError(
            "contentBase64",
            f"Statements may be at most {MAX_STATEMENT_BYTES // (1024 * 1024)} MiB.",
            ErrorCode.FILE_TOO_LARGE,
        )
    try:
        data = base64.b64decode(content_base64, validate=True)
    except (binascii.Error, ValueError):
        return FieldError("contentBase64", "Not base64 text.", ErrorCode.INVALID)
    if len(data) > MAX_STATEMENT_BYTES:
        return FieldError("contentBase64", "The statement is too large.", ErrorCode.FILE_TOO_LARGE)
    return data


def _parse(
    card: models.Card, file_format: models.StatementFormat, data: bytes
) -> list[StatementRow] | list[FieldError]:
    try:
        if file_format is models.StatementFormat.OFX:
            return parse_ofx(data, card.currency)
        if card.csv_mapping is None:
            return [FieldError("cardId", "Choose the card's CSV column mapping first.",
                               ErrorCode.CSV_MAPPING_REQUIRED)]  # fmt: skip
        return parse_csv(data, CsvMapping.from_json(card.csv_mapping), card.currency)
    except StatementRejected as rejected:
        return [FieldError("contentBase64", str(problem), ErrorCode.STATEMENT_INVALID)
                for problem in rejected.problems]  # fmt: skip


async def import_statement(
    viewer: Viewer,
    card_id: int | None,
    *,
    file_name: str,
    file_format: models.StatementFormat,
    content_base64: str,
) -> MutationResult[ImportOutcome]:
    """All or nothing: a bad line refuses the file. Rows already on the card (same dedupe key)
    and repeats within the file are counted and skipped."""
    card = await visible_cards(viewer).get_or_none(id=card_id or -1)
    if card is None:
        return MutationResult.fail("cardId", "No such card.", ErrorCode.NOT_FOUND)
    if not card.is_active:
        return MutationResult.fail("cardId", "The card is inactive.", ErrorCode.CARD_INACTIVE)
    data = decode_content(content_base64)
    if isinstance(data, FieldError):
        return MutationResult(errors=[data])
    parsed = _parse(card, file_format, data)
    if parsed and isinstance(parsed[0], FieldError):
        return MutationResult(errors=[e for e in parsed if isinstance(e, FieldError)])
    rows = [row for row in parsed if isinstance(row, StatementRow)]
    unique: dict[str, StatementRow] = {}
    for row in rows:
        unique.setdefault(row.dedupe_key, row)
    existing = {
        str(key)
        for key in await models.CardTransaction.filter(
            card_id=card.id, dedupe_key__in=list(unique)
        ).values_list("dedupe_key", flat=True)
    }
    new = [row for key, row in unique.items() if key not in existing]
    outcome = ImportOutcome(None, row_count=len(rows), duplicate_count=len(rows) - len(new))
    if not new:
        outcome.notice = (
            f"All {len(rows)} transactions of this file were already imported; nothing new."
        )
        return MutationResult(outcome)
    try:
        async with in_transaction() as connection:
            await _write(connection, viewer, card, file_name, file_format, new, outcome)
    except IntegrityError:
        return MutationResult.fail(
            "cardId", "Another import of this card ran at the same time; try again.",
            ErrorCode.UNIQUE,
        )  # fmt: skip
    except Refused as refusal:
        return MutationResult(errors=refusal.errors)
    return MutationResult(outcome)


async def _write(
    connection: BaseDBAsyncClient,
    viewer: Viewer,
    card: models.Card,
    file_name: str,
    file_format: models.StatementFormat,
    new: list[StatementRow],
    outcome: ImportOutcome,
) -> None:
    statement = await models.StatementImport.create(
        org_id=viewer.org_id, card_id=card.id, imported_by_id=viewer.user_id,
        file_name=(file_name.strip() or "statement")[:255], format=file_format,
        row_count=outcome.row_count, imported_count=len(new),
        duplicate_count=outcome.duplicate_count, using_db=connection,
    )  # fmt: skip
    transactions = []
    for row in new:
        transactions.append(
            await models.CardTransaction.create(
                org_id=viewer.org_id, card_id=card.id, statement_import_id=statement.id,
                external_id=row.external_id, posted_date=row.posted_date,
                amount_minor=row.amount_minor, currency=card.currency,
                description=formula_safe(row.description), dedupe_key=row.dedupe_key,
                using_db=connection,
            )
        )  # fmt: skip
    org = await models.Organization.get(id=viewer.org_id, using_db=connection)
    settings = await card_settings(viewer.org_id)
    matched, created = await auto_match(connection, card, org, settings, transactions)
    statement.matched_count, statement.created_expense_count = matched, created
    await statement.save(using_db=connection)
    outcome.statement_import = statement
    outcome.imported_count = len(new)
    outcome.transactions = transactions
    if outcome.duplicate_count:
        outcome.notice = f"{outcome.duplicate_count} transactions were already imported."


async def undo_last_import(
    viewer: Viewer, card_id: int | None
) -> MutationResult[models.StatementImport]:
    """Remove what the card's latest import added: its transactions and the expenses it
    auto-created. Refused if any of its transactions was used: excluded, matched to an
    expense the import did not create, or its created expense put on a report."""
    card = await visible_cards(viewer).get_or_none(id=card_id or -1)
    if card is None:
        return MutationResult.fail("cardId", "No such card.", ErrorCode.NOT_FOUND)
    try:
        async with in_transaction() as connection:
            statement = await (
                models.StatementImport.filter(card_id=card.id, undone_at__isnull=True)
                .order_by("-id").select_for_update().using_db(connection).first()
            )  # fmt: skip
            if statement is None:
                raise Refused([FieldError("cardId", "This card has no import to undo.",
                                          ErrorCode.NOT_FOUND)])  # fmt: skip
            rows = await (
                models.CardTransaction.filter(statement_import_id=statement.id)
                .select_for_update().using_db(connection)
            )  # fmt: skip
            created_ids = [row.expense_id for row in rows
                           if row.created_expense and row.expense_id is not None]  # fmt: skip
            reported = (
                await models.Expense.filter(id__in=created_ids, report_id__isnull=False)
                .using_db(connection)
                .exists()
            )
            used = reported or any(
                row.status is Status.EXCLUDED
                or (row.status is Status.MATCHED and not row.created_expense)
                for row in rows
            )
            if used:
                raise Refused([FieldError(
                    "cardId",
                    "Some transactions of this import are already matched, excluded or "
                    "reported; unmatch or restore them first.",
                    ErrorCode.IMPORT_IN_USE,
                )])  # fmt: skip
            await (
                models.CardTransaction.filter(statement_import_id=statement.id)
                .using_db(connection)
                .delete()
            )
            await (
                models.Receipt.filter(expense_id__in=created_ids)
                .using_db(connection)
                .update(expense_id=None)
            )
            await models.Expense.filter(id__in=created_ids).using_db(connection).delete()
            statement.undone_at = datetime.now(UTC)
            await statement.save(using_db=connection, update_fields=["undone_at", "updated_at"])
    except Refused as refusal:
        return MutationResult(errors=refusal.errors)
    return MutationResult(statement)
