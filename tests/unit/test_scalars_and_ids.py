from __future__ import annotations

import base64
from decimal import Decimal

import pytest
import strawberry

from gql.ids import decode_id, encode_id
from gql.scalars import SCALAR_MAP, DecimalString, Money


@strawberry.type
class EchoQuery:
    @strawberry.field
    def echo(self, value: DecimalString) -> Money:
        return Money(amount=DecimalString(value * 2), currency="USD")


ECHO_SCHEMA = strawberry.Schema(
    query=EchoQuery, config=strawberry.schema.config.StrawberryConfig(scalar_map=SCALAR_MAP)
)


def test_decimal_strings_round_trip_exactly() -> None:
    result = ECHO_SCHEMA.execute_sync(
        "query($v: DecimalString!) { echo(value: $v) { amount currency } }", {"v": "0.10"}
    )
    assert result.errors is None
    assert result.data == {"echo": {"amount": "0.20", "currency": "USD"}}


@pytest.mark.parametrize("value", [0.1, 12, "1e5", "abc", "NaN"])
def test_decimal_strings_refuse_numbers_and_junk(value: object) -> None:
    result = ECHO_SCHEMA.execute_sync(
        "query($v: DecimalString!) { echo(value: $v) { amount } }", {"v": value}
    )
    assert result.data is None
    assert result.errors


def test_money_amount_is_serialised_without_exponent() -> None:
    result = ECHO_SCHEMA.execute_sync('{ echo(value: "1E+2") { amount } }')
    assert result.errors  # literals go through the same strict parser
    assert format(Decimal("1E+2"), "f") == "100"


def test_global_ids() -> None:
    token = encode_id("User", 42)
    assert decode_id("User", token) == 42
    assert decode_id("ApiToken", token) is None
    for junk in ("", "!!", "VXNlcg==", "VXNlcjphYmM=", encode_id("User", 10**20)):
        assert decode_id("User", junk) is None
    # no row has a pk beyond the 32-bit primary keys: refused before it reaches a query
    assert decode_id("User", encode_id("User", 2**31 - 1)) == 2**31 - 1
    assert decode_id("User", encode_id("User", 2**31)) is None
    assert decode_id("User", encode_id("User", 3776862532316)) is None
    superscript = base64.urlsafe_b64encode("User:\u00b2".encode()).decode()
    assert decode_id("User", superscript) is None
