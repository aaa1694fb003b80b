"""GraphQL enums over the Python enums of the lower floors, with a description on every value."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import TypeVar

import strawberry

E = TypeVar("E", bound=type[Enum])


def described_enum(
    cls: E, *, description: str, values: Mapping[str, str], name: str | None = None
) -> E:
    """``strawberry.enum(cls)`` with a description on each value, keyed by member name.

    The enum itself stays in ``orm``/``resolvers`` (which know nothing of GraphQL); a value
    left out of ``values`` is published without a description, which the schema linter of
    ``make lint`` reports.
    """
    unknown = set(values) - set(cls.__members__)
    if unknown:
        raise ValueError(f"{cls.__name__} has no member {', '.join(sorted(unknown))}")
    wrapped = strawberry.enum(cls, name=name, description=description)
    for value in wrapped.__strawberry_definition__.values:  # type: ignore[attr-defined]
        value.description = values.get(value.name, value.description)
    return wrapped
