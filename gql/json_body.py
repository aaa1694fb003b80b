"""The one JSON parser for request bodies: strict UTF-8, no lone surrogates, bounded nesting.

``json.loads`` answers a body nested 100,000 deep with ``RecursionError`` and a body that is not
UTF-8 with ``UnicodeDecodeError``; both escaped as HTTP 500. Here every refusal is a
``json.JSONDecodeError`` (orjson's is one), which the callers answer with HTTP 400.
"""

from __future__ import annotations

import json

import orjson

MAX_JSON_DEPTH = 64


def loads(data: str | bytes) -> object:
    """The decoded body; raises ``json.JSONDecodeError`` for anything else."""
    value = orjson.loads(data)  # its JSONDecodeError is json's
    if _deeper_than(value, MAX_JSON_DEPTH):
        raise json.JSONDecodeError(f"The body is nested deeper than {MAX_JSON_DEPTH}.", "", 0)
    return value


def _deeper_than(value: object, limit: int) -> bool:
    stack: list[tuple[object, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth >= limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return False
