"""What the CRM tab's Bulk Add, Per Diem, Mileage and Card Transactions pages share: the
category, customer and potential pickers, and reading a Customer / Potential pair from a form."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from starlette.requests import Request

from web.graphql import run_operation
from web.routes.settings_forms import Error

# Every page swaps its body back on a refused write (so an error shows next to its field).
PAGE_TARGET = "tab-page"
BLOCKS = {PAGE_TARGET: "page"}


async def pickers(request: Request) -> dict[str, Any]:
    """Categories an expense may use, active customers and the potentials the viewer may pick
    (each with the ids of the customers it belongs to)."""
    data = await run_operation(request, "CrmTabPickers")
    potentials = []
    for node in data["potentials"]["nodes"]:
        owners = [c["id"] for c in (node["customer"], node["contactCustomer"]) if c]
        potentials.append({"id": node["id"], "name": node["name"], "customers": owners})
    customers = data["customers"]["nodes"]
    return {
        "base_currency": data["organization"]["baseCurrency"],
        "categories": [c for c in data["categories"]["nodes"] if c["kind"] == "STANDARD"],
        "customers": customers,
        "potentials": potentials,
        "potentials_by_customer": {
            c["id"]: [p for p in potentials if c["id"] in p["customers"]] for c in customers
        },
    }


def last_segment(errors: Iterable[Error], prefixes: tuple[str, ...]) -> list[Error]:
    """Errors named after a nested input (``trip.departureDate``) named as the page's fields."""
    out = []
    for item in errors:
        name = item.get("field")
        if isinstance(name, str):
            for prefix in prefixes:
                if name.startswith(prefix):
                    item = {**item, "field": name[len(prefix) :]}
                    break
        out.append(item)
    return out
