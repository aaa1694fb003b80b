"""Sorted selections of records, cached until the next write (so a page costs O(page)).

Get Records and Related Records cut pages out of one filtered, sorted selection of a module
(filter = ``ids``, ``cvid``, parent record, ``If-Modified-Since``). Sorting it again on every page
costs O(n log n) per request (≈150 ms at 25,000 records); :class:`OrderCache` keeps each
selection in ascending key order with its keys (for ``bisect``) until a module it depends on
changes.

A selection is stamped with ``(version, len)`` of every module it depends on: the store bumps a
module's version on every insert, update and delete (``CrmStore.touch``), and the length also
catches ``store.records[m].clear()`` and other direct edits of the id → record dicts made by
tests. Editing a stored record's fields in place without ``touch`` is not detected.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sync.crm.simulator.store import CrmStore

Key = tuple[Any, int]
SortKey = Callable[[dict[str, Any]], Key]


def id_key(record: dict[str, Any]) -> Key:
    return (0, int(record["id"]))


def field_key(name: str) -> SortKey:
    """Sort by a field, ties broken by id (the order Zoho documents for equal times)."""
    return lambda record: (record[name], int(record["id"]))


@dataclass(frozen=True)
class Ordered:
    """Records in ascending key order; ``keys[i]`` is the key of ``records[i]``."""

    records: list[dict[str, Any]]
    keys: list[Key]

    def __len__(self) -> int:
        return len(self.records)


class OrderCache:
    """Least-recently-used map: (selection, sort) → :class:`Ordered`, checked against stamps."""

    # A client reading modules in parallel Modified_Time windows holds two selections per
    # window (filtered by id, then sorted) at once; fewer entries than that thrash the cache.
    def __init__(self, store: CrmStore, max_entries: int = 64) -> None:
        self.store = store
        self.max_entries = max_entries
        self._entries: OrderedDict[Hashable, tuple[Hashable, Ordered]] = OrderedDict()
        self.builds = 0  # how many selections were (re)built, for tests

    def stamp(self, modules: Iterable[str]) -> Hashable:
        store = self.store
        return tuple((m, store.version(m), len(store.records[m])) for m in modules)

    def ordered(
        self,
        selection: Hashable,
        modules: tuple[str, ...],
        build: Callable[[], Iterable[dict[str, Any]]],
        key: SortKey,
    ) -> Ordered:
        """The records ``build`` returns, sorted by ``key``; rebuilt only after a write."""
        stamp = self.stamp(modules)
        hit = self._entries.get(selection)
        if hit is not None and hit[0] == stamp:
            self._entries.move_to_end(selection)
            return hit[1]
        records = sorted(build(), key=key)
        result = Ordered(records, [key(r) for r in records])
        self.builds += 1
        self._entries[selection] = (stamp, result)
        self._entries.move_to_end(selection)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)
        return result
