"""Pages run named GraphQL operations in-process, with the same context as ``/graphql``."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from starlette.requests import Request

from gql.context import build_context
from gql.schema import schema

OPERATIONS_DIR = Path(__file__).resolve().parent / "operations"


class GraphQLCallError(Exception):
    """A top-level GraphQL error in a page's operation: permission denied, bad request or bug."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        self.errors = errors
        self.codes = {str((e.get("extensions") or {}).get("code", "")) for e in errors}
        self.messages = [str(e.get("message")) for e in errors]
        super().__init__("; ".join(str(e.get("message")) for e in errors))


@cache
def operation_document(name: str) -> str:
    """The text of ``web/operations/<name>.graphql`` (one named operation per file)."""
    path = OPERATIONS_DIR / f"{name}.graphql"
    if not path.is_file() or path.parent != OPERATIONS_DIR:
        raise KeyError(f"no stored GraphQL operation named {name!r}")
    return path.read_text()


async def run_operation(
    request: Request, name: str, variables: dict[str, Any] | None = None
) -> dict[str, Any]:
    context = await build_context(request)
    result = await schema.execute(
        operation_document(name),
        variable_values=variables,
        context_value=context,
        operation_name=name,
    )
    if result.errors:
        raise GraphQLCallError([dict(error.formatted) for error in result.errors])
    assert result.data is not None
    if _selects_user_errors(name):
        _name_error_fields(result.data)
    return result.data


@cache
def _selects_user_errors(name: str) -> bool:
    return "field" in operation_document(name)


def _name_error_fields(value: Any) -> None:
    """Pages place a ``UserError`` next to its form field by name: its ``field`` path
    (``["expenses", "1", "amount"]``) becomes the dotted name ``expenses.1.amount`` (one place
    for every page, so templates and routes name fields as before)."""
    if isinstance(value, list):
        for item in value:
            _name_error_fields(item)
    elif isinstance(value, dict):
        path = value.get("field")
        if isinstance(path, list) and "message" in value:
            value["field"] = ".".join(path)
        for item in value.values():
            if isinstance(item, dict | list):
                _name_error_fields(item)
