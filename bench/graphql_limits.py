"""Time to refuse or validate hostile GraphQL documents (the cost limits of gql/limits.py).

Run: .venv/bin/python bench/graphql_limits.py
Prints, per document, the median milliseconds of parse + cost check + validation over a few
runs and whether the document was accepted. Refused documents must stay near 1 ms whatever
their expansion; accepted ones are bounded by the limits.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import statistics
import time

from graphql import get_introspection_query, parse, validate

from gql.limits import MAX_SAME_RESPONSE_NAME, document_problem
from gql.schema import schema


def doubling(levels: int) -> str:
    parts = ["{ ...Q0 }"]
    parts += [
        f"fragment Q{n} on Query {{ ...Q{n + 1} ...Q{n + 1} __typename }}"
        for n in range(levels - 1)
    ]
    parts.append(f"fragment Q{levels - 1} on Query {{ __typename }}")
    return " ".join(parts)


def chain(depth: int) -> str:
    inner = "kind"
    for _ in range(depth):
        inner = f"ofType {{ name {inner} }}"
    return inner


TYPE = (
    "name kind description specifiedByURL fields { name description isDeprecated "
    "deprecationReason args { name description defaultValue type { kind name ofType { kind name "
    "ofType { kind name } } } } type { kind name ofType { kind name ofType { kind name } } } } "
    "inputFields { name description defaultValue type { kind name } } interfaces { name kind } "
    "enumValues { name description isDeprecated } possibleTypes { name kind }"
)
K = MAX_SAME_RESPONSE_NAME
CHAIN = chain(6)
DOCUMENTS = {
    "doubling fragments, 18 levels": doubling(18),
    "doubling fragments, 30 levels": doubling(30),
    "viewer { email } x 240": "{" + " viewer { email }" * 240 + " }",
    "introspection query": get_introspection_query(),
    f"__schema {{ types {{ ... }} }} x {K} (accepted worst case)": "{"
    + f" __schema {{ types {{ {TYPE} }} directives {{ name args {{ name }} }} }}" * K
    + " }",
    f"__schema types fields type + 6 ofType x {K}": "{"
    + f" __schema {{ types {{ fields {{ type {{ {CHAIN} }} args {{ type {{ {CHAIN} }} }} }} }} }}"
    * K
    + " }",
}


def measure(document: str) -> tuple[float, bool]:
    start = time.perf_counter()
    node = parse(document)
    problem = document_problem(node)
    if problem is None:
        validate(schema._schema, node)
    return (time.perf_counter() - start) * 1000, problem is None


def main() -> None:
    for name, document in DOCUMENTS.items():
        runs = [measure(document) for _ in range(5)]
        median = statistics.median(ms for ms, _ in runs)
        verdict = "accepted" if runs[0][1] else "refused (QUERY_TOO_COMPLEX)"
        print(f"{name:55} {len(document):6} bytes  {median:8.2f} ms  {verdict}")


if __name__ == "__main__":
    main()
