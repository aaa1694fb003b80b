"""GraphQL documents built to probe the limits."""

from __future__ import annotations


def doubling_fragments(levels: int) -> str:
    """Each fragment spreads the next one twice: a few hundred bytes that expand to 2**levels."""
    parts = ["{ ...Q0 }"]
    parts += [
        f"fragment Q{n} on Query {{ ...Q{n + 1} ...Q{n + 1} __typename }}"
        for n in range(levels - 1)
    ]
    parts.append(f"fragment Q{levels - 1} on Query {{ __typename }}")
    return " ".join(parts)
