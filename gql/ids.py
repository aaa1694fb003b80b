"""Opaque global ids: base64 of ``Type:pk``; malformed or foreign ids decode to None."""

from __future__ import annotations

import base64
import binascii

import strawberry


def encode_id(type_name: str, pk: int) -> strawberry.ID:
    return strawberry.ID(base64.urlsafe_b64encode(f"{type_name}:{pk}".encode()).decode())


def decode_id(type_name: str, value: str) -> int | None:
    try:
        raw = base64.urlsafe_b64decode(value.encode("ascii")).decode()
    except (binascii.Error, UnicodeError, ValueError):
        return None
    kind, _, pk = raw.partition(":")
    if kind != type_name or not pk.isdigit() or len(pk) > 18:
        return None
    return int(pk)
