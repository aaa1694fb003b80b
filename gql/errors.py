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
from resolvers.errors import ErrorCode, FieldError, Refused

if TYPE_CHECKING:
    from strawberry.types import ExecutionContext

logger = logging.getLogger("spendsync.graphql")

strawberry.enum(ErrorCode, name="ErrorCode", description="Why a mutation input was refused.")


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
