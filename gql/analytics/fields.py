"""Spend analytics queries: one ad hoc aggregate and the ready reports, one SQL statement each
(plus the page's key objects through loaders)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from gql.analytics import inputs
from gql.analytics.types import SpendGroup, SpendGroupConnection, SpendSummary
from gql.context import Info
from gql.errors import PublicError
from gql.ids import pk
from gql.pagination import After, First, page_edges, page_window
from gql.permissions import IsAuthenticated, viewer_of
from resolvers.analytics.aggregate import aggregate
from resolvers.analytics.filters import AnalyticsError, Question
from resolvers.analytics.reports import ReadyReport, ready_question

Filter = inputs.SpendFilter | None
Orders = list[inputs.SpendOrder] | None
FilterArgument = Annotated[
    Filter,
    strawberry.argument(
        description="Which expenses count (any of each list); none: every expense you may see."
    ),
]
LargestFirst = Annotated[
    Orders,
    strawberry.argument(
        description="Sort keys in order (at most 4); by default the largest total first."
    ),
]
READY_NOTE = (
    " Unless `filter.statuses` says otherwise, only APPROVED and REIMBURSED expenses count."
)


async def answer(
    info: Info, question: Question, first: int | None, after: str | None
) -> SpendGroupConnection:
    offset, size = page_window(first, after)
    try:
        result = await aggregate(viewer_of(info), question, offset=offset, limit=size + 1)
    except AnalyticsError as exc:
        raise PublicError(str(exc), exc.code) from exc
    edges, page_info = page_edges(
        result.groups,
        lambda group: SpendGroup.of(group, result.currency),
        offset=offset,
        size=size,
    )
    return SpendGroupConnection(
        edges=edges, page_info=page_info, total_count=result.group_count,
        summary=SpendSummary.of(result),
    )  # fmt: skip


async def _ready(
    info: Info,
    report: ReadyReport,
    filter: Filter,
    order_by: Orders,
    first: int | None,
    after: str | None,
    potential_id: int | None = None,
) -> SpendGroupConnection:
    question = ready_question(
        report, inputs.spend_filter(filter), inputs.spend_orders(order_by),
        potential_id=potential_id,
    )  # fmt: skip
    return await answer(info, question, first, after)


@strawberry.type
class AnalyticsQueries:
    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="Spend grouped by up to four dimensions (none: one grand total), filtered, "
        "measured in the base currency and ordered by a measure or a grouping (by default: "
        "the period, else the largest total first). Covers what you may see: admins "
        "everything, approvers what was submitted to them, everyone their own.",
    )
    async def spend_analytics(
        self,
        info: Info,
        group_by: Annotated[
            list[inputs.AnalyticsDimension],  # type: ignore[valid-type]
            strawberry.argument(
                description="Up to four dimensions, in order; none gives one grand total."
            ),
        ],
        filter: FilterArgument = None,
        order_by: Annotated[
            Orders,
            strawberry.argument(
                description=(
                    "Sort keys in order (at most 4); by default the period, "
                    "else the largest total first."
                )
            ),
        ] = None,
        first: First = None,
        after: After = None,
    ) -> SpendGroupConnection:
        question = Question(
            filter=inputs.spend_filter(filter),
            group_by=list(group_by)[:5],
            order_by=inputs.spend_orders(order_by),
        )
        return await answer(info, question, first, after)

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="Spend per deal with the deal (amount, stage, outcome), spend ÷ deal amount, "
        "and in the summary what won deals cost." + READY_NOTE,
    )
    async def spend_per_deal(
        self,
        info: Info,
        filter: FilterArgument = None,
        order_by: LargestFirst = None,
        first: First = None,
        after: After = None,
    ) -> SpendGroupConnection:
        return await _ready(info, ReadyReport.SPEND_PER_DEAL, filter, order_by, first, after)

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="One deal's spend by user, most first (order by TOTAL ASC for the least)."
        + READY_NOTE,
    )
    async def deal_spend_by_user(
        self,
        info: Info,
        potential_id: Annotated[
            strawberry.ID,
            strawberry.argument(description="The deal (potential) whose spend is split by user."),
        ],
        filter: FilterArgument = None,
        order_by: LargestFirst = None,
        first: First = None,
        after: After = None,
    ) -> SpendGroupConnection:
        return await _ready(
            info, ReadyReport.DEAL_SPEND_BY_USER, filter, order_by, first, after,
            potential_id=pk("Potential", potential_id),
        )  # fmt: skip

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="What was spent on deals, per month of the expense date." + READY_NOTE,
    )
    async def deal_spend_by_month(
        self,
        info: Info,
        filter: FilterArgument = None,
        order_by: Annotated[
            Orders,
            strawberry.argument(description="Sort keys in order (at most 4); by default by month."),
        ] = None,
        first: First = None,
        after: After = None,
    ) -> SpendGroupConnection:
        return await _ready(info, ReadyReport.DEAL_SPEND_BY_MONTH, filter, order_by, first, after)

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="What was spent on lost deals, per deal." + READY_NOTE,
    )
    async def lost_deal_spend(
        self,
        info: Info,
        filter: FilterArgument = None,
        order_by: LargestFirst = None,
        first: First = None,
        after: After = None,
    ) -> SpendGroupConnection:
        return await _ready(info, ReadyReport.LOST_DEAL_SPEND, filter, order_by, first, after)

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="What was spent on deals, per deal stage." + READY_NOTE,
    )
    async def spend_by_stage(
        self,
        info: Info,
        filter: FilterArgument = None,
        order_by: LargestFirst = None,
        first: First = None,
        after: After = None,
    ) -> SpendGroupConnection:
        return await _ready(info, ReadyReport.SPEND_BY_STAGE, filter, order_by, first, after)

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="Spend per customer (the expense's, else its report's)." + READY_NOTE,
    )
    async def spend_per_customer(
        self,
        info: Info,
        filter: FilterArgument = None,
        order_by: LargestFirst = None,
        first: First = None,
        after: After = None,
    ) -> SpendGroupConnection:
        return await _ready(info, ReadyReport.SPEND_PER_CUSTOMER, filter, order_by, first, after)
