"""Enums and inputs of spend analytics."""

from __future__ import annotations

from datetime import date
from enum import Enum

import strawberry

from gql.expenses.status import ExpenseStatus
from gql.ids import pks
from gql.potentials.types import PotentialState
from resolvers.analytics import filters

AnalyticsDimension = strawberry.enum(
    filters.Dimension,
    name="AnalyticsDimension",
    description="What spend is grouped by. POTENTIAL (and its STAGE and OUTCOME) is the "
    "expense's own deal, else its report's; CUSTOMER likewise. DAY … YEAR group the expense "
    "date (a date in the organisation's time zone) by the period's first day; weeks start on "
    "Monday.",
)
AnalyticsMeasure = strawberry.enum(
    filters.Measure,
    name="AnalyticsMeasure",
    description="Measures in the organisation's base currency (COUNT: number of expenses).",
)


@strawberry.enum
class SortDirection(Enum):
    ASC = "ASC"
    DESC = "DESC"


@strawberry.input(
    description="Which expenses count. Lists mean any of; an empty list is no filter."
)
class SpendFilter:
    date_from: date | None = None
    date_to: date | None = None
    statuses: list[ExpenseStatus] | None = None
    user_ids: list[strawberry.ID] | None = None
    customer_ids: list[strawberry.ID] | None = None
    potential_ids: list[strawberry.ID] | None = None
    category_ids: list[strawberry.ID] | None = None
    stages: list[str] | None = strawberry.field(default=None, description="Deal stages.")
    outcomes: list[PotentialState] | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="Deal outcomes: OPEN, WON, LOST."
    )
    reimbursable: bool | None = None
    billable: bool | None = None
    has_potential: bool | None = strawberry.field(
        default=None, description="true: only expenses on a deal; false: only those without."
    )

    def to_filter(self) -> filters.SpendFilter:
        return filters.SpendFilter(
            date_from=self.date_from, date_to=self.date_to, statuses=tuple(self.statuses or ()),
            user_ids=tuple(pks("User", self.user_ids)),
            customer_ids=tuple(pks("Customer", self.customer_ids)),
            potential_ids=tuple(pks("Potential", self.potential_ids)),
            category_ids=tuple(pks("Category", self.category_ids)),
            stages=tuple((self.stages or ())[: filters.MAX_IDS + 1]),
            outcomes=tuple(self.outcomes or ()), reimbursable=self.reimbursable,
            billable=self.billable, has_potential=self.has_potential,
        )  # fmt: skip


@strawberry.input(description="Order by a measure or by one of the groupings (exactly one).")
class SpendOrder:
    measure: AnalyticsMeasure | None = None  # type: ignore[valid-type]
    dimension: AnalyticsDimension | None = None  # type: ignore[valid-type]
    direction: SortDirection = SortDirection.DESC

    def to_order(self) -> filters.Order:
        return filters.Order(
            measure=self.measure,
            dimension=self.dimension,
            descending=self.direction is SortDirection.DESC,
        )


def spend_filter(value: SpendFilter | None) -> filters.SpendFilter:
    return value.to_filter() if value is not None else filters.SpendFilter()


def spend_orders(values: list[SpendOrder] | None) -> list[filters.Order]:
    return [value.to_order() for value in (values or [])[: filters.MAX_ORDERS + 1]]
