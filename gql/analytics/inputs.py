"""Enums and inputs of spend analytics."""

from __future__ import annotations

from datetime import date
from enum import Enum

import strawberry

from gql.enums import described_enum
from gql.expenses.status import ExpenseStatus
from gql.ids import pks
from gql.potentials.types import PotentialState
from resolvers.analytics import filters

AnalyticsDimension = described_enum(
    filters.Dimension,
    name="AnalyticsDimension",
    description="What spend is grouped by. POTENTIAL (and its STAGE and OUTCOME) is the "
    "expense's own deal, else its report's; CUSTOMER likewise. DAY … YEAR group the expense "
    "date (a date in the organisation's time zone) by the period's first day; weeks start on "
    "Monday.",
    values={
        "POTENTIAL": "The deal (potential): the expense's, else its report's.",
        "CUSTOMER": "The customer: the expense's, else its report's.",
        "USER": "Who spent (the submitter).",
        "CATEGORY": "The expense category.",
        "DAY": "The expense date.",
        "WEEK": "The week of the expense date (from Monday).",
        "MONTH": "The month of the expense date.",
        "QUARTER": "The calendar quarter of the expense date.",
        "YEAR": "The calendar year of the expense date.",
        "STAGE": "The deal's stage in the CRM.",
        "OUTCOME": "Whether the deal is open, won or lost.",
        "STATUS": "The expense status.",
        "CURRENCY": "The currency the expenses were recorded in.",
    },
)
AnalyticsMeasure = described_enum(
    filters.Measure,
    name="AnalyticsMeasure",
    description="Measures in the organisation's base currency (COUNT: number of expenses).",
    values={
        "COUNT": "Number of expenses.",
        "TOTAL": "Sum of the amounts.",
        "REIMBURSABLE_TOTAL": "Sum of the Reimbursable amounts.",
        "BILLABLE_TOTAL": "Sum of the Billable amounts.",
        "AVERAGE": "Mean amount, rounded half up.",
        "MINIMUM": "Smallest amount.",
        "MAXIMUM": "Largest amount.",
    },
)


class SortDirection(Enum):
    ASC = "ASC"
    DESC = "DESC"


described_enum(
    SortDirection,
    description="Sort order.",
    values={"ASC": "Smallest (or earliest) first.", "DESC": "Largest (or latest) first."},
)


@strawberry.input(
    description="Which expenses count. Lists mean any of; an empty list is no filter."
)
class SpendFilter:
    date_from: date | None = strawberry.field(
        default=None, description="First expense date counted (ISO 8601 date)."
    )
    date_to: date | None = strawberry.field(
        default=None, description="Last expense date counted (ISO 8601 date)."
    )
    statuses: list[ExpenseStatus] | None = strawberry.field(
        default=None, description="Expense statuses (derived from the report)."
    )
    user_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Whose expenses (submitters)."
    )
    customer_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="The expenses' customers (the expense's, else its report's)."
    )
    potential_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="The expenses' potentials (CRM deals)."
    )
    category_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="The expenses' categories."
    )
    stages: list[str] | None = strawberry.field(default=None, description="Deal stages.")
    outcomes: list[PotentialState] | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="Deal outcomes: OPEN, WON, LOST."
    )
    reimbursable: bool | None = strawberry.field(
        default=None, description="true: only Reimbursable expenses; false: only the others."
    )
    billable: bool | None = strawberry.field(
        default=None, description="true: only Billable expenses; false: only the others."
    )
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
    measure: AnalyticsMeasure | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="Order by this measure."
    )
    dimension: AnalyticsDimension | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="Order by this grouping (it must be in `groupBy`)."
    )
    direction: SortDirection = strawberry.field(
        default=SortDirection.DESC, description="DESC (default) or ASC."
    )

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
