"""Error conventions.

* User-fixable problems come back as ``UserError`` rows in a mutation payload.
* ``PublicError`` is a deliberate top-level error (bad pagination, ...) with ``extensions.code``.
* Anything else that escapes a resolver is a bug: it is logged with the request id and masked.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaskErrors

from gql.availability import UNAVAILABLE_MESSAGE, database_unavailable
from gql.enums import described_enum
from resolvers.errors import ErrorCode, FieldError, Refused

if TYPE_CHECKING:
    from strawberry.types import ExecutionContext

logger = logging.getLogger("spendsync.graphql")

described_enum(
    ErrorCode,
    name="ErrorCode",
    description="Why a mutation input was refused; stable values a client can branch on.",
    values={
        "INVALID": "The value is not acceptable here; the message says why.",
        "REQUIRED": "A required value is missing or blank.",
        "NOT_FOUND": "No such record in your organisation, or not one you may see.",
        "UNIQUE": "Another record already uses this value (a name, e-mail or code).",
        "TOO_LONG": "The text exceeds the field's maximum length.",
        "INVALID_EMAIL": "Not a valid e-mail address.",
        "PASSWORD_TOO_WEAK": "The password is too short or too common.",
        "INVALID_CREDENTIALS": "Wrong e-mail or password (the answer does not say which).",
        "TOO_MANY_ATTEMPTS": (
            "Too many failed sign-ins or reset requests from this address or for this user; "
            "wait and try again."
        ),
        "INVALID_LINK": "The invitation or reset link is malformed, expired or already used.",
        "DELIVERY_FAILED": "The e-mail could not be sent; what it accompanied was still done.",
        "ORGANIZATION_REQUIRED": (
            "The e-mail address exists in several organisations: give `organizationId`."
        ),
        "LAST_ADMIN": "The change would leave the organisation without an active admin.",
        "USER_LIMIT_REACHED": (
            "The organisation has as many active users as its plan allows (`activeUserLimit`)."
        ),
        "USER_INACTIVE": "The user is deactivated.",
        "ALREADY_REVOKED": "The API token was already revoked.",
        "INVALID_CURRENCY": "Not an ISO 4217 currency code this server knows.",
        "INVALID_TIME_ZONE": "Not an IANA time zone name.",
        "INVALID_AMOUNT": (
            "Not a decimal string, not positive, or more digits or decimals than the currency"
            " allows."
        ),
        "EXCHANGE_RATE_REQUIRED": (
            "An expense in a currency other than the base currency needs an exchange rate."
        ),
        "DATE_IN_FUTURE": "The date is after today in the organisation's time zone.",
        "INVALID_DATE_RANGE": "The start is after the end, or the range is too long.",
        "CATEGORY_DISABLED": "The category is disabled; choose an enabled one.",
        "CUSTOMER_INACTIVE": "The customer is inactive and takes no new expenses.",
        "CUSTOMER_IN_USE": "Expenses or reports still point at the customer.",
        "POTENTIAL_NOT_OF_CUSTOMER": (
            "The potential (CRM deal) belongs to another customer than the expense's."
        ),
        "POTENTIAL_NOT_ALLOWED": (
            "The potential is inactive, or not one you own while users may pick only their own."
        ),
        "EXPENSE_LOCKED": (
            "The expense is on a submitted, approved or reimbursed report and cannot change."
        ),
        "REPORT_NOT_EDITABLE": "The report is no longer a draft (or rejected) and cannot change.",
        "REPORT_EMPTY": "A report without expenses cannot be submitted.",
        "INVALID_APPROVER": "The approver is not an active approver or admin of the organisation.",
        "SELF_APPROVAL_NOT_ALLOWED": (
            "The organisation does not allow approving your own report (`allowSelfApproval`)."
        ),
        "INVALID_TRANSITION": (
            "The record's status does not allow this step (e.g. approving a draft report)."
        ),
        "NOT_PERMITTED": "Your role does not allow this on this record.",
        "TOO_MANY_ITEMS": "More items than one call accepts; split the request.",
        "UNSUPPORTED_FILE_TYPE": (
            "The file is not a receipt type this server accepts (images and PDF)."
        ),
        "FILE_TOO_LARGE": "The file exceeds the upload limit.",
        "RECEIPT_IN_USE": "The receipt is already attached to another expense.",
        "CRM_REJECTED": "Zoho CRM refused the request; the message carries its reason.",
        "CRM_UNREACHABLE": "Zoho CRM did not answer; nothing was changed, try again later.",
        "NOT_CONNECTED": "The organisation has no connected Zoho CRM integration.",
        "CURRENCY_MISMATCH": (
            "The organisation's base currency differs from the CRM's; align them first."
        ),
        "SYNC_NOT_CONFIGURED": "The sync needs its settings first (what to sync, which modules).",
        "BASE_CURRENCY_LOCKED": "The base currency cannot change once expenses are recorded in it.",
        "INCOMPATIBLE_FIELD_TYPE": (
            "The CRM field's data type cannot hold the mapped Spendsync field."
        ),
        "INTEGRATION_DISABLED": "The CRM integration is disabled; enable it first.",
        "INTEGRATION_NOT_DISABLED": "Disable the CRM integration before deleting it.",
        "DELETION_IN_PROGRESS": "The CRM integration is being deleted.",
        "SYNC_MODULES_OFF": (
            "The Sync Modules this needs are turned off in the integration settings."
        ),
        "PUBLIC_URL_MISSING": (
            "Real-time sync needs a public address for the CRM's callbacks (PUBLIC_BASE_URL)."
        ),
        "PER_DIEM_NO_POLICY": "No per diem policy covers this trip's location and dates.",
        "PER_DIEM_NO_RATE": "The per diem policy has no rate for this location or day.",
        "PER_DIEM_EXPENSE": "The expense is a per diem; change it with `perDiemUpdate`.",
        "CATEGORY_RESERVED": (
            "The category is reserved (per diem or mileage) and is used only through its own "
            "mutations."
        ),
        "PER_DIEM_DAY_CLAIMED": "You already claimed a per diem for this day.",
        "COMPONENTS_MISMATCH": (
            "Meal components must be given all together (breakfast, lunch and dinner) or not "
            "at all."
        ),
        "RATE_OVERLAP": "Another rate already covers this location and period.",
        "TIME_BAND_GAP": "The time bands leave hours of the day uncovered.",
        "TIME_BAND_OVERLAP": "Two time bands cover the same hours.",
        "DAY_NOT_IN_TRIP": "The day is outside the trip's dates, or given twice.",
        "INVALID_CSV": "The CSV file cannot be read (encoding, header or columns).",
        "INVALID_DISTANCE": "The distance is not a positive number within limits.",
        "INVALID_ODOMETER": "The odometer end reading is not above the start reading.",
        "VEHICLE_DISABLED": "The vehicle is disabled; choose an enabled one.",
        "NO_MILEAGE_RATE": "No mileage rate applies on the trip's date for this vehicle.",
        "RATE_PERIOD_OVERLAP": (
            "Another mileage rate of the same vehicle covers part of this period."
        ),
        "RATE_IN_USE": "Expenses were priced with this rate; end it with an end date instead.",
        "MILEAGE_AMOUNT_LOCKED": (
            "A Mileage expense's date, amount and currency follow from its trip; use "
            "`mileageExpenseUpdate`."
        ),
        "STATEMENT_INVALID": "The card statement file cannot be read as the chosen format.",
        "CSV_MAPPING_REQUIRED": (
            "The card needs its CSV column mapping before a CSV statement is imported."
        ),
        "CARD_INACTIVE": "The card is inactive.",
        "IMPORT_IN_USE": (
            "Transactions of this statement import are matched, excluded or reported; undo "
            "that first."
        ),
        "ALREADY_MATCHED": "The card transaction or the expense is already matched.",
        "AMOUNT_MISMATCH": "The expense's amount differs from the card transaction's.",
        "CARD_AMOUNT_LOCKED": "A card expense's amount comes from its card transaction.",
        "EXPENSE_NOT_MATCHABLE": (
            "Mileage and Per Diem expenses take their amount from rates and cannot match a "
            "card transaction."
        ),
        "CARD_EXPENSE_NOT_REIMBURSABLE": (
            "An expense paid with a corporate card is not Reimbursable."
        ),
        "EMBED_NOT_SET_UP": (
            "Embedding in Zoho CRM is not set up; an admin generates the embed secret first."
        ),
        "EMBED_LINK_INVALID": "The embed link is malformed or its signature does not verify.",
        "EMBED_LINK_EXPIRED": "The embed link has expired; open it again from the CRM.",
        "EMBED_LINK_USED": "The embed link was already used.",
    },
)


def field_path(name: str | None) -> list[str] | None:
    """A resolver's dotted input name (``expenses.1.amount``) as a path of names and indexes
    (``["expenses", "1", "amount"]``); None (or empty) stays None."""
    return name.split(".") if name else None


@strawberry.type(
    description="A problem the user can fix in a mutation's input, returned as data in the "
    "payload's `errors` (empty on success)."
)
class UserError:
    field: list[str] | None = strawberry.field(
        description="The path of the input field the error concerns, within the mutation's "
        "`input` (or among its arguments when it takes no `input`): field names and, into "
        'lists, indexes as strings, e.g. `["amount"]`, `["expenses", "1", "amount"]`; the same '
        "shape in single and bulk mutations. Null when the error concerns no one field."
    )
    message: str = strawberry.field(description="What is wrong, in words to show the user.")
    code: ErrorCode = strawberry.field(description="Why, for clients that branch on it.")

    @classmethod
    def from_errors(cls, errors: list[FieldError]) -> list[UserError]:
        return [cls(field=field_path(e.field), message=e.message, code=e.code) for e in errors]


def errors_field() -> Any:
    """The ``errors`` field of a mutation's payload, with the description every payload shares."""
    return strawberry.field(
        description="Why the input was refused, one entry per problem; empty on success. "
        "A refused mutation changes nothing."
    )


class PublicError(GraphQLError):
    """A deliberate top-level error; its message and code reach the client unchanged."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message, extensions={"code": code})

    @classmethod
    def of(cls, refused: Refused) -> PublicError:
        """A resolver's refusal of a query as the top-level error (its first reason)."""
        error = refused.errors[0]
        return cls(error.message, error.code.value)


def is_unexpected(error: GraphQLError) -> bool:
    """True for a Python exception that escaped a resolver (a bug), false for deliberate errors,
    permission errors and the parser's and validator's errors."""
    original = error.original_error
    return original is not None and not isinstance(original, GraphQLError)


def _request_id(execution_context: ExecutionContext | None) -> str | None:
    context = getattr(execution_context, "context", None)
    return getattr(context, "request_id", None)


def log_errors(errors: list[GraphQLError], execution_context: ExecutionContext | None) -> None:
    request_id = _request_id(execution_context)
    for error in errors:
        if is_unexpected(error):
            logger.error(
                "unexpected error in %s (request %s)",
                ".".join(str(p) for p in error.path or ()) or "operation",
                request_id,
                exc_info=error.original_error,
            )
        else:
            logger.info("graphql error (request %s): %s", request_id, error.message)


class MaskUnexpectedErrors(MaskErrors):
    """Mask bugs, keep everything else, and give every top-level error a code."""

    def __init__(self) -> None:
        super().__init__(should_mask_error=is_unexpected, error_message="Internal server error.")

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        if error.original_error is not None and database_unavailable(error.original_error):
            return GraphQLError(
                UNAVAILABLE_MESSAGE,
                nodes=error.nodes,
                path=error.path,
                extensions={
                    "code": "SERVICE_UNAVAILABLE",
                    "requestId": _request_id(self.execution_context),
                },
            )
        masked = super().anonymise_error(error)
        masked.extensions = {
            "code": "INTERNAL_SERVER_ERROR",
            "requestId": _request_id(self.execution_context),
        }
        return masked

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        processed = super()._process_errors(errors)
        for error in processed:
            extensions: dict[str, Any] = dict(error.extensions or {})
            if "code" not in extensions:
                extensions["code"] = (
                    "GRAPHQL_PARSE_FAILED"
                    if error.message.startswith("Syntax Error")
                    else "GRAPHQL_VALIDATION_FAILED"
                )
            error.extensions = extensions
        return processed
