"""Money and totals as GraphQL values."""

from __future__ import annotations

import strawberry

from gql.context import Info
from gql.permissions import viewer_of
from gql.scalars import DecimalString, Money
from orm.money import CURRENCY_EXPONENTS
from orm.money import Money as MoneyValue
from resolvers.expenses.queries import Totals


def money(minor: int, currency: str) -> Money:
    return Money(amount=DecimalString(MoneyValue(minor, currency).amount), currency=currency)


@strawberry.type(description="Sums in the organisation's base currency.")
class SpendTotals:
    expense_count: int = strawberry.field(description="Number of expenses.")
    total: Money = strawberry.field(description="Sum of the amounts.")
    reimbursable: Money = strawberry.field(description="Sum of the Reimbursable amounts.")
    non_reimbursable: Money = strawberry.field(
        description="Sum of the amounts not to be reimbursed."
    )
    amount_to_reimburse: Money = strawberry.field(
        description="What the organisation still owes: the reimbursable total less what was "
        "reimbursed (expenses in reimbursed reports)."
    )

    @classmethod
    def from_totals(cls, totals: Totals, currency: str, *, reimbursed: bool = False) -> SpendTotals:
        return cls(
            expense_count=totals.count,
            total=money(totals.total, currency),
            reimbursable=money(totals.reimbursable, currency),
            non_reimbursable=money(totals.non_reimbursable, currency),
            amount_to_reimburse=money(0 if reimbursed else totals.to_reimburse, currency),
        )


async def base_currency(info: Info) -> tuple[str, int]:
    """The viewer's organisation's base currency and 10 ** its exponent (minor units a unit)."""
    viewer = viewer_of(info)
    org = await info.context.loaders.organization_by_id.load(viewer.org_id)
    assert org is not None
    return org.base_currency, 10 ** CURRENCY_EXPONENTS[org.base_currency]
