"""Where Strawberry's per-field machinery costs: a minimal reproduction, no database, no HTTP.

Run: .venv/bin/python bench/strawberry_fields.py [--items 100 1000] [--repeats 30]

One list of ``--items`` rows, each with 6 scalar attributes, a money-like object of 2 scalars,
and two relations (a category and a user, shared by many rows), answered four ways:

* ``async``:  the relations are ``async def`` resolvers that await a value (what a DataLoader
  per row does, minus the loader), as the expense types had them;
* ``sync``:   the relations are plain ``def`` resolvers that return the value at once (what
  gql/nodes.py makes of a prepared page);
* ``direct``: ``sync`` plus gql/direct.py: graphql-core calls the attribute reads and the
  resolvers itself, without Strawberry's per-field wrapper;
* ``leaf``:   ``direct`` plus ``LeafExecutionContext``: scalar attributes read and coerced at
  once;
* ``planned``: ``direct`` plus ``PlannedExecutionContext`` (gql/execution.py, what the schema
  uses): a plan per selection runs the attributes, DIRECT resolvers, their objects and lists
  without graphql-core's per-field ``execute_field``/``complete_value``.

All variants must answer the same data.

Prints the median CPU time of one execution, per item and per field execution.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import argparse
import asyncio
import importlib.metadata as metadata
import statistics
import time
from typing import Any

import strawberry

from gql.direct import DIRECT, LeafExecutionContext, install
from gql.execution import PlannedExecutionContext


@strawberry.type
class Named:
    id: strawberry.ID
    name: str


@strawberry.type
class Amount:
    amount: str
    currency: str


CATEGORIES = [Named(id=strawberry.ID(f"C{i}"), name=f"Category {i}") for i in range(5)]
USERS = [Named(id=strawberry.ID(f"U{i}"), name=f"User {i}") for i in range(5)]


@strawberry.type
class AsyncItem:
    id: strawberry.ID
    merchant: str
    description: str
    status: str
    is_billable: bool
    total: int
    amount: Amount
    _index: strawberry.Private[int]

    @strawberry.field
    async def category(self, info: strawberry.Info) -> Named:
        await asyncio.sleep(0)
        return CATEGORIES[self._index % 5]

    @strawberry.field
    async def user(self, info: strawberry.Info) -> Named:
        await asyncio.sleep(0)
        return USERS[self._index % 5]


@strawberry.type
class SyncItem:
    id: strawberry.ID
    merchant: str
    description: str
    status: str
    is_billable: bool
    total: int
    amount: Amount
    _index: strawberry.Private[int]

    @strawberry.field(metadata=DIRECT)
    def category(self, info: strawberry.Info) -> Named:
        return CATEGORIES[self._index % 5]

    @strawberry.field(metadata=DIRECT)
    def user(self, info: strawberry.Info) -> Named:
        return USERS[self._index % 5]


def _row(kind: type, index: int) -> Any:
    return kind(
        id=strawberry.ID(f"E{index}"), merchant=f"M{index}", description="lunch", status="OK",
        is_billable=index % 2 == 0, total=index, amount=Amount(amount="12.50", currency="USD"),
        _index=index,
    )  # fmt: skip


@strawberry.type
class AsyncQuery:
    @strawberry.field
    async def items(self, count: int) -> list[AsyncItem]:
        return [_row(AsyncItem, i) for i in range(count)]


@strawberry.type
class SyncQuery:
    @strawberry.field
    async def items(self, count: int) -> list[SyncItem]:
        return [_row(SyncItem, i) for i in range(count)]


DOCUMENT = """query Items($count: Int!) { items(count: $count) {
  id merchant description status isBillable total amount { amount currency }
  category { id name } user { id name }
} }"""
FIELDS_PER_ITEM = 6 + 3 + 3 + 3  # scalars, amount{2}, category{2}, user{2}


def schemas() -> dict[str, strawberry.Schema]:
    direct = strawberry.Schema(query=SyncQuery)
    install(direct._schema)
    leaf = strawberry.Schema(query=SyncQuery, execution_context_class=LeafExecutionContext)
    install(leaf._schema)
    planned = strawberry.Schema(query=SyncQuery, execution_context_class=PlannedExecutionContext)
    install(planned._schema)
    return {
        "async": strawberry.Schema(query=AsyncQuery),
        "sync": strawberry.Schema(query=SyncQuery),
        "direct": direct,
        "leaf": leaf,
        "planned": planned,
    }


async def measure(schema: strawberry.Schema, items: int, repeats: int, answers: list[Any]) -> float:
    timings = []
    for _ in range(repeats + 3):
        started = time.process_time()
        result = await schema.execute(DOCUMENT, {"count": items})
        timings.append(time.process_time() - started)
        assert result.errors is None, result.errors
        if not answers:
            answers.append(result.data)
        assert result.data == answers[0], "the variants answer different data"
    return statistics.median(timings[3:])


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args()
    built = schemas()
    version = metadata.version("strawberry-graphql")
    print(f"python={sys.version.split()[0]} strawberry-graphql={version}")
    for items in args.items:
        base = None
        answers: list[Any] = []
        for name, schema in built.items():
            took = await measure(schema, items, args.repeats, answers)
            base = base or took
            per_field = took / (items * FIELDS_PER_ITEM) * 1e6
            print(
                f"items={items:5} {name:7} {took * 1000:8.2f} ms  {took / items * 1e6:6.1f} µs/item"
                f"  {per_field:5.2f} µs/field  ({took / base:.2f}x async)",
                flush=True,
            )


if __name__ == "__main__":
    asyncio.run(main())
