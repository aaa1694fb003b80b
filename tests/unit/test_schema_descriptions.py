"""Enum values documented in the schema (gql/enums.py); the rest is graphql-schema-linter's job
in ``make lint``."""

from __future__ import annotations

from enum import Enum

import pytest
from graphql import GraphQLEnumType

from gql.enums import described_enum
from gql.schema import schema


def test_described_enum_refuses_a_value_the_enum_does_not_have() -> None:
    class Colour(Enum):
        RED = "RED"

    with pytest.raises(ValueError, match="BLUE"):
        described_enum(Colour, description="A colour.", values={"RED": "Red.", "BLUE": "Blue."})


def test_described_enum_puts_each_description_on_its_value() -> None:
    class Fruit(Enum):
        APPLE = "APPLE"
        PEAR = "PEAR"

    wrapped = described_enum(
        Fruit,
        name="Fruit",
        description="A fruit.",
        values={"APPLE": "An apple.", "PEAR": "A pear."},
    )
    definition = wrapped.__strawberry_definition__  # type: ignore[attr-defined]
    assert definition.name == "Fruit"
    assert definition.description == "A fruit."
    assert {v.name: v.description for v in definition.values} == {
        "APPLE": "An apple.",
        "PEAR": "A pear.",
    }


def test_every_enum_and_enum_value_of_the_schema_is_described() -> None:
    missing = []
    for name, graphql_type in schema._schema.type_map.items():
        if name.startswith("__") or not isinstance(graphql_type, GraphQLEnumType):
            continue
        if not graphql_type.description:
            missing.append(name)
        missing += [f"{name}.{v}" for v, d in graphql_type.values.items() if not d.description]
    assert missing == []


def test_error_codes_carry_their_descriptions_into_the_sdl() -> None:
    sdl = schema.as_str()
    body = sdl[sdl.index("enum ErrorCode {") :].split("}", 1)[0]
    assert (
        '"""Wrong e-mail or password (the answer does not say which)."""\n  INVALID_CREDENTIALS'
        in (body)
    )
