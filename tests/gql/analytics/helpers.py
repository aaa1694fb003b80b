"""Running analytics documents and reading their groups compactly."""

from __future__ import annotations

from typing import Any

from orm import models
from tests.conftest import execute
from tests.factories import viewer_for

GROUP_FIELDS = """
  count total { amount currency } reimbursableTotal { amount } billableTotal { amount }
  average { amount } minimum { amount } maximum { amount }
  period stage outcome status currency dealAmount { amount currency } spendToDealAmount
  potential { name stage } customer { name } user { name } category { name }
"""
SUMMARY_FIELDS = """
  count total { amount currency } reimbursableTotal { amount } billableTotal { amount }
  average { amount } minimum { amount } maximum { amount }
  wonDeals spendOnWonDeals { amount } spendPerWonDeal { amount }
  spendOnDealsPerWonDeal { amount }
"""
TYPES = {
    "groupBy": "[AnalyticsDimension!]!",
    "filter": "SpendFilter",
    "orderBy": "[SpendOrder!]",
    "first": "Int",
    "after": "String",
    "potentialId": "ID!",
}


def document(field: str, names: list[str]) -> str:
    declared = ", ".join(f"${name}: {TYPES[name]}" for name in names)
    passed = ", ".join(f"{name}: ${name}" for name in names)
    return (
        f"query Q{f'({declared})' if names else ''} {{ {field}{f'({passed})' if names else ''}"
        " { totalCount pageInfo { hasNextPage endCursor }"
        f" summary {{ {SUMMARY_FIELDS} }} nodes {{ {GROUP_FIELDS} }} }} }}"
    )


async def run(user: models.User, field: str, **variables: Any) -> Any:
    return await execute(document(field, list(variables)), variables, viewer=viewer_for(user))


async def ask(user: models.User, field: str, **variables: Any) -> dict[str, Any]:
    result = await run(user, field, **variables)
    assert result.errors is None, result.errors
    assert result.data is not None
    data: dict[str, Any] = result.data[field]
    return data


def label(group: dict[str, Any]) -> str | None:
    """The group's key as one readable value (the first key present); None: no key."""
    for name in ("potential", "customer", "user", "category"):
        if group[name] is not None:
            return str(group[name]["name"])
    for name in ("period", "stage", "outcome", "status", "currency"):
        if group[name] is not None:
            return str(group[name])
    return None


def totals(connection: dict[str, Any]) -> list[tuple[str | None, int, str]]:
    """``(key, count, total)`` per group, in the answer's order."""
    return [(label(g), g["count"], g["total"]["amount"]) for g in connection["nodes"]]


def measures(group: dict[str, Any]) -> tuple[Any, ...]:
    """``(count, total, reimbursable, billable, average, minimum, maximum)``."""
    return (
        group["count"], group["total"]["amount"], group["reimbursableTotal"]["amount"],
        group["billableTotal"]["amount"], group["average"]["amount"],
        group["minimum"]["amount"], group["maximum"]["amount"],
    )  # fmt: skip
