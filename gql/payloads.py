"""The one way a mutation's result becomes its payload.

Every payload type has ``errors`` and, mostly, one field for what the mutation made, changed or
removed. ``payload`` fills both from a ``MutationResult``: the value field with the converted
value (None while the result has none), ``errors`` with the result's errors. Fields a payload
has beyond those two are passed by name.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any, TypeVar

from gql.errors import UserError
from resolvers.errors import MutationResult

P = TypeVar("P")
V = TypeVar("V")


@cache
def _value_fields(cls: Callable[..., Any]) -> tuple[str, ...]:
    assert dataclasses.is_dataclass(cls), f"{cls!r} is not a strawberry type"
    return tuple(f.name for f in dataclasses.fields(cls) if f.name != "errors")


def _build(
    cls: Callable[..., P], result: MutationResult[Any], value: object, extra: dict[str, object]
) -> P:
    names = [name for name in _value_fields(cls) if name not in extra]
    assert len(names) <= 1, f"{cls!r} has more than one value field: {names}"
    fields = {names[0]: value} if names else {}
    return cls(**fields, **extra, errors=UserError.from_errors(result.errors))


def payload(
    cls: Callable[..., P],
    result: MutationResult[V],
    convert: Callable[[V], object] | None = None,
    *,
    empty: object = None,
    **extra: object,
) -> P:
    """``cls`` with its value field set to ``convert(result.value)`` (``empty`` when the result
    has no value; with no ``convert`` the value as it is), ``extra`` fields as given and
    ``errors`` from the result. When ``extra`` names every field but ``errors``, there is no
    value field and ``convert`` is not used."""
    value: object = empty
    if result.value is not None:
        value = convert(result.value) if convert is not None else result.value
    return _build(cls, result, value, extra)


def list_payload(
    cls: Callable[..., P],
    result: MutationResult[Sequence[V]] | MutationResult[list[V]],
    convert: Callable[[V], object],
    **extra: object,
) -> P:
    """``cls`` with its value field set to ``convert`` of every item of ``result.value`` (an
    empty list when the result has no value), ``extra`` and ``errors`` as in ``payload``."""
    return _build(cls, result, [convert(item) for item in result.value or []], extra)
