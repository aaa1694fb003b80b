"""The one payload builder: value field, empty value, extra fields and errors from a result."""

from __future__ import annotations

from functools import partial

import pytest
import strawberry

from gql.errors import UserError
from gql.ids import encode_id
from gql.payloads import list_payload, payload
from resolvers.errors import ErrorCode, FieldError, MutationResult


@strawberry.type
class ThingPayload:
    thing: str | None
    errors: list[UserError]


@strawberry.type
class ThingsPayload:
    things: list[str]
    count: int
    errors: list[UserError]


@strawberry.type
class ErrorsOnlyPayload:
    errors: list[UserError]


REFUSED = FieldError("name", "Give a name.", ErrorCode.REQUIRED)


def test_the_value_field_holds_the_converted_value() -> None:
    built = payload(ThingPayload, MutationResult(value=7), partial(encode_id, "Thing"))
    assert built.thing == encode_id("Thing", 7)
    assert built.errors == []


def test_a_refused_result_has_no_value_and_its_errors() -> None:
    built = payload(ThingPayload, MutationResult[int](errors=[REFUSED]), str)
    assert built.thing is None
    assert [(e.field, e.message, e.code) for e in built.errors] == [
        (["name"], "Give a name.", ErrorCode.REQUIRED)
    ]


def test_empty_and_extra_fields() -> None:
    refused = payload(ThingsPayload, MutationResult[list[str]](errors=[REFUSED]), empty=[], count=0)
    assert (refused.things, refused.count, len(refused.errors)) == ([], 0, 1)
    listed = list_payload(ThingsPayload, MutationResult(value=[1, 2]), str, count=2)
    assert (listed.things, listed.count, listed.errors) == (["1", "2"], 2, [])


def test_a_payload_of_errors_only() -> None:
    assert len(payload(ErrorsOnlyPayload, MutationResult[None](errors=[REFUSED])).errors) == 1


def test_two_value_fields_are_a_mistake_of_the_caller() -> None:
    with pytest.raises(AssertionError, match="more than one value field"):
        payload(ThingsPayload, MutationResult(value=["a"]), list)
