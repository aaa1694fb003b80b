"""Opaque global ids: base64 of ``Type:pk``; malformed or foreign ids decode to None, and so do
ids whose pk no row can have (above the 32-bit integer primary keys of every table: PostgreSQL
refuses such a parameter outright, so the id is refused here, where it enters)."""

from __future__ import annotations

import base64
import binascii

import strawberry

from gql.limits import MAX_LIST_INPUT

MAX_PK = 2**31 - 1  # orm.models.base: IntField primary keys


def encode_id(type_name: str, pk: int) -> strawberry.ID:
    return strawberry.ID(base64.urlsafe_b64encode(f"{type_name}:{pk}".encode()).decode())


def decode_id(type_name: str, value: str) -> int | None:
    decoded = decode_any_id(value)
    return decoded[1] if decoded is not None and decoded[0] == type_name else None


def decode_any_id(value: str) -> tuple[str, int] | None:
    """The type's name and the primary key of any global id; None when it is not one."""
    try:
        raw = base64.urlsafe_b64decode(value.encode("ascii")).decode()
    except (binascii.Error, UnicodeError, ValueError):
        return None
    kind, _, pk = raw.partition(":")
    if not kind or not pk.isascii() or not pk.isdigit() or len(pk) > 10:
        return None
    number = int(pk)
    return (kind, number) if number <= MAX_PK else None


def pk(type_name: str, value: strawberry.ID | None) -> int | None:
    """The primary key of an id of the given type; -1 for a malformed id (never found)."""
    if value is None:
        return None
    decoded = decode_id(type_name, value)
    return -1 if decoded is None else decoded


def pks(type_name: str, values: list[strawberry.ID] | None) -> list[int]:
    """The primary keys of a list of ids (-1 for a malformed one); at most ``MAX_LIST_INPUT`` + 1
    are decoded."""
    return [pk(type_name, value) or -1 for value in (values or [])[: MAX_LIST_INPUT + 1]]
