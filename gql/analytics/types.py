"""Output types of spend analytics. Key objects resolve through the request's loaders."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import strawberry

from gql.categories.types import Category
from gql.context import Info
from gql.customers.types import Customer
from gql.expenses.status import ExpenseStatus
from gql.identity.types import User
from gql.money import money
from gql.pagination import Edge, PageInfo
from gql.potentials.types import Potential, PotentialState
from gql.scalars import DecimalString, Money
from resolvers.analytics.aggregate import Aggregate, Group, Measures
from resolvers.analytics.filters import Dimension

RATIO_PLACES = Decimal("0.0001")


def ratio_of(total: int, deal_amount: int) -> Decimal:
    """Spend ÷ deal amount (both in minor units of one currency), to 4 decimals, half up."""
    return (Decimal(total) / Decimal(deal_amount)).quantize(RATIO_PLACES, rounding=ROUND_HALF_UP)


def _money(minor: int | None, currency: str) -> Money | None:
    return None if minor is None else money(minor, currency)


@strawberry.type(description="Totals over every group of the answer, in the base currency.")
class SpendSummary:
    count: int = strawberry.field(description="Expenses.")
    total: Money = strawberry.field(description="Sum of the amounts.")
    reimbursable_total: Money = strawberry.field(description="Sum of the Reimbursable amounts.")
    billable_total: Money = strawberry.field(description="Sum of the Billable amounts.")
    average: Money | None = strawberry.field(description="Rounded half up; null when empty.")
    minimum: Money | None = strawberry.field(description="Smallest amount; null when empty.")
    maximum: Money | None = strawberry.field(description="Largest amount; null when empty.")
    won_deals: int | None = strawberry.field(
        description="Grouped by POTENTIAL and OUTCOME: the won deals with spend; else null."
    )
    spend_on_won_deals: Money | None = strawberry.field(
        description="Grouped by POTENTIAL and OUTCOME: what was spent on won deals; else null."
    )
    spend_per_won_deal: Money | None = strawberry.field(
        description="What was spent on won deals ÷ their number (rounded half up)."
    )
    spend_on_deals_per_won_deal: Money | None = strawberry.field(
        description="What was spent on every deal of the answer (won, lost or open) ÷ the "
        "number of won deals: the cost of acquiring one."
    )

    @classmethod
    def of(cls, answer: Aggregate) -> SpendSummary:
        m, currency = answer.summary, answer.currency
        per_won = on_deals_per_won = None
        if answer.won_deals:
            per_won = Measures(answer.won_deals, answer.won_total or 0).average
            on_deals_per_won = Measures(answer.won_deals, m.total).average
        return cls(
            count=m.count, total=money(m.total, currency),
            reimbursable_total=money(m.reimbursable, currency),
            billable_total=money(m.billable, currency), average=_money(m.average, currency),
            minimum=_money(m.minimum, currency), maximum=_money(m.maximum, currency),
            won_deals=answer.won_deals, spend_on_won_deals=_money(answer.won_total, currency),
            spend_per_won_deal=_money(per_won, currency),
            spend_on_deals_per_won_deal=_money(on_deals_per_won, currency),
        )  # fmt: skip


@strawberry.type(
    description="One group: its keys (null where not grouped by, or where the expenses have "
    "none, e.g. no deal) and its measures in the base currency."
)
class SpendGroup:
    count: int = strawberry.field(description="Expenses.")
    total: Money = strawberry.field(description="Sum of the amounts.")
    reimbursable_total: Money = strawberry.field(description="Sum of the Reimbursable amounts.")
    billable_total: Money = strawberry.field(description="Sum of the Billable amounts.")
    average: Money = strawberry.field(description="Rounded half up to the minor unit.")
    minimum: Money = strawberry.field(description="Smallest amount.")
    maximum: Money = strawberry.field(description="Largest amount.")
    period: date | None = strawberry.field(
        description="Grouped by DAY … YEAR: the period's first day."
    )
    stage: str | None = strawberry.field(
        description="Grouped by STAGE: the deal's stage in the CRM."
    )
    outcome: PotentialState | None = strawberry.field(  # type: ignore[valid-type]
        description="Grouped by OUTCOME: whether the deal is open, won or lost."
    )
    status: ExpenseStatus | None = strawberry.field(
        description="Grouped by STATUS: the expenses' status."
    )
    currency: str | None = strawberry.field(description="Grouped by CURRENCY: the expenses'.")
    _group: strawberry.Private[Group]
    _base_currency: strawberry.Private[str]

    @classmethod
    def of(cls, group: Group, base_currency: str) -> SpendGroup:
        m, keys = group.measures, group.keys
        period = next((v for d, v in keys.items() if isinstance(v, date)), None)
        return cls(
            count=m.count, total=money(m.total, base_currency),
            reimbursable_total=money(m.reimbursable, base_currency),
            billable_total=money(m.billable, base_currency),
            average=money(m.average or 0, base_currency),
            minimum=money(m.minimum or 0, base_currency),
            maximum=money(m.maximum or 0, base_currency),
            period=period, stage=keys.get(Dimension.STAGE), outcome=keys.get(Dimension.OUTCOME),
            status=keys.get(Dimension.STATUS), currency=keys.get(Dimension.CURRENCY),
            _group=group, _base_currency=base_currency,
        )  # fmt: skip

    def _id(self, dimension: Dimension) -> int | None:
        value = self._group.keys.get(dimension)
        return value if isinstance(value, int) else None

    @strawberry.field(description="Grouped by POTENTIAL: the deal.")
    async def potential(self, info: Info) -> Potential | None:
        key = self._id(Dimension.POTENTIAL)
        row = await info.context.loaders.potential_by_id.load(key) if key else None
        return Potential.from_model(row) if row else None

    @strawberry.field(description="Grouped by CUSTOMER: the customer.")
    async def customer(self, info: Info) -> Customer | None:
        key = self._id(Dimension.CUSTOMER)
        row = await info.context.loaders.customer_by_id.load(key) if key else None
        return Customer.from_model(row) if row else None

    @strawberry.field(description="Grouped by USER: who spent.")
    async def user(self, info: Info) -> User | None:
        key = self._id(Dimension.USER)
        row = await info.context.loaders.user_by_id.load(key) if key else None
        return User.from_model(row) if row else None

    @strawberry.field(description="Grouped by CATEGORY: the category.")
    async def category(self, info: Info) -> Category | None:
        key = self._id(Dimension.CATEGORY)
        row = await info.context.loaders.category_by_id.load(key) if key else None
        return Category.from_model(row) if row else None

    @strawberry.field(description="Grouped by POTENTIAL: the deal's amount, in its currency.")
    async def deal_amount(self, info: Info) -> Money | None:
        key = self._id(Dimension.POTENTIAL)
        row = await info.context.loaders.potential_by_id.load(key) if key else None
        if row is None or row.amount_minor is None or not row.currency:
            return None
        return money(row.amount_minor, row.currency)

    @strawberry.field(
        description="Grouped by POTENTIAL: total ÷ the deal's amount, to 4 decimals; null when "
        "the deal has no amount, or one in another currency than the base currency."
    )
    async def spend_to_deal_amount(self, info: Info) -> DecimalString | None:
        key = self._id(Dimension.POTENTIAL)
        row = await info.context.loaders.potential_by_id.load(key) if key else None
        if row is None or not row.amount_minor or row.currency != self._base_currency:
            return None
        return DecimalString(ratio_of(self._group.measures.total, row.amount_minor))


@strawberry.type(description="Groups of spend, a page at a time, with totals over all groups.")
class SpendGroupConnection:
    edges: list[Edge[SpendGroup]] = strawberry.field(
        description="The groups of this page, each with its cursor."
    )
    page_info: PageInfo = strawberry.field(description="Where this page is among all groups.")
    total_count: int = strawberry.field(description="Groups in all.")
    summary: SpendSummary = strawberry.field(
        description="Totals over every group, not only this page's."
    )

    @strawberry.field(description="The groups of this page.")
    def nodes(self) -> list[SpendGroup]:
        return [edge.node for edge in self.edges]
