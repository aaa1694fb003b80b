"""The one JSON parser for request bodies: strict UTF-8, no lone surrogates, bounded nesting.

``json.loads`` answers a body nested 100,000 deep with ``RecursionError`` and a body that is not
UTF-8 with ``UnicodeDecodeError``; both escaped as HTTP 500. orjson refuses invalid UTF-8,
unpaired surrogates and nesting deeper than 1,024 levels (in C, without recursion limits of
Python) with its ``JSONDecodeError``, which is ``json.JSONDecodeError``: the callers answer it
with HTTP 400. Variables are bounded further, and cheaply, where they are used
(``gql.text``: 32 levels, 10,000 values).
"""

from __future__ import annotations

import orjson

MAX_JSON_DEPTH = 1024  # orjson's own limit


def loads(data: str | bytes) -> object:
    """The decoded body; raises ``json.JSONDecodeError`` for anything else."""
    return orjson.loads(data)
