"""Custom scalars. Money crosses the boundary as a decimal string, never a float."""

from __future__ import annotations

from decimal import Decimal
from typing import NewType

import strawberry
from graphql import GraphQLError
from strawberry.types.scalar import ScalarDefinition

from orm.money import MoneyError, parse_decimal

DecimalString = NewType("DecimalString", Decimal)


def _serialize(value: object) -> str:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise TypeError(f"DecimalString cannot represent {value!r}")
    return format(value, "f")


def _parse(value: object) -> Decimal:
    """A refused value is a GraphQLError (a validation error of the request, as strawberry's
    own scalars raise): a ValueError here was reported as INTERNAL_SERVER_ERROR."""
    if not isinstance(value, str):
        raise GraphQLError('DecimalString takes a string such as "12.50", not a number')
    try:
        return parse_decimal(value, bounded=False)
    except MoneyError as exc:
        raise GraphQLError(f"DecimalString: {exc}") from None


DECIMAL_STRING = strawberry.scalar(
    name="DecimalString",
    description='An exact decimal number written as a string, e.g. "1234.50".',
    serialize=_serialize,
    parse_value=_parse,
)

SCALAR_MAP: dict[object, ScalarDefinition] = {DecimalString: DECIMAL_STRING}


@strawberry.type(description="An amount with its ISO 4217 currency code.")
class Money:
    amount: DecimalString = strawberry.field(
        description=(
            'Decimal string in the currency\'s minor unit precision, e.g. "12.50"; never a float.'
        )
    )
    currency: str = strawberry.field(description="ISO 4217 currency code, e.g. `EUR`.")
