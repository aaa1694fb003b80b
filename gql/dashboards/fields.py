"""Dashboards: the viewer's dashboard (their own, else the organisation's default), saving and
resetting it, and the organisation's default an admin sets. Each component's figures come from
the spend analytics aggregate, for whoever views it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import strawberry

from gql.analytics.fields import answer
from gql.analytics.inputs import AnalyticsDimension, AnalyticsMeasure
from gql.analytics.types import SpendGroupConnection
from gql.context import Info
from gql.enums import described_enum
from gql.errors import UserError, errors_field
from gql.expenses.status import ExpenseStatus
from gql.ids import encode_id, pk
from gql.pagination import After
from gql.payloads import payload
from gql.permissions import IsAuthenticated, viewer_of
from gql.potentials.types import Potential, PotentialState
from resolvers import dashboards
from resolvers.analytics.filters import Dimension, Measure

DashboardComponentKind = described_enum(
    dashboards.ComponentKind,
    name="DashboardComponentKind",
    description="BAR, LINE and PIE charts plot the measure per group; KPI shows the measure "
    "over every group; TABLE lists the groups.",
    values={
        "BAR": "Bar chart of the measure per group.",
        "LINE": "Line chart of the measure per group (e.g. per month).",
        "PIE": "Pie chart of the measure per group.",
        "KPI": "One figure: the measure over every group.",
        "TABLE": "A table of the groups and their measures.",
    },
)
DashboardReport = described_enum(
    dashboards.ComponentReport,
    name="DashboardReport",
    description="A ready report (as the query of the same name) or AD_HOC: spendAnalytics "
    "grouped by the component's groupBy.",
    values={
        "SPEND_PER_DEAL": "As the query `spendPerDeal`.",
        "DEAL_SPEND_BY_USER": "As `dealSpendByUser`, for the component's `potentialId`.",
        "DEAL_SPEND_BY_MONTH": "As `dealSpendByMonth`.",
        "LOST_DEAL_SPEND": "As `lostDealSpend`.",
        "SPEND_BY_STAGE": "As `spendByStage`.",
        "SPEND_PER_CUSTOMER": "As `spendPerCustomer`.",
        "AD_HOC": "As `spendAnalytics`, grouped by the component's `groupBy`.",
    },
)
DashboardPeriod = described_enum(
    dashboards.Period,
    name="DashboardPeriod",
    description="The expense dates counted: CUSTOM uses dateFrom and dateTo; the others move "
    "with today's date in the organisation's time zone.",
    values={
        "ALL_TIME": "Every date.",
        "THIS_MONTH": "From the first of this month on.",
        "LAST_MONTH": "The previous calendar month.",
        "THIS_QUARTER": "From the first day of this calendar quarter on.",
        "THIS_YEAR": "From 1 January of this year on.",
        "LAST_12_MONTHS": "This month and the eleven before it.",
        "CUSTOM": "From `dateFrom` to `dateTo`.",
    },
)
DashboardSource = described_enum(
    dashboards.DashboardSource,
    name="DashboardSource",
    description="OWN: the viewer's own dashboard; ORGANIZATION: the organisation's default; "
    "NONE: neither exists.",
    values={
        "OWN": "The viewer's own dashboard.",
        "ORGANIZATION": "The organisation's default (the viewer has none of their own).",
        "NONE": "Neither exists: an empty dashboard.",
    },
)


@strawberry.type(description="Which expenses a component counts.")
class DashboardFilter:
    period: DashboardPeriod = strawberry.field(description="The expense dates counted.")  # type: ignore[valid-type]
    date_from: date | None = strawberry.field(description="CUSTOM: first date (ISO 8601 date).")
    date_to: date | None = strawberry.field(description="CUSTOM: last date (ISO 8601 date).")
    statuses: list[ExpenseStatus] = strawberry.field(
        description="Expense statuses counted; empty: the report's default."
    )
    outcomes: list[PotentialState] = strawberry.field(  # type: ignore[valid-type]
        description="Deal outcomes counted; empty: all."
    )
    reimbursable: bool | None = strawberry.field(
        description="true: only Reimbursable; false: only the others; null: both."
    )
    billable: bool | None = strawberry.field(
        description="true: only Billable; false: only the others; null: both."
    )
    has_potential: bool | None = strawberry.field(
        description="true: only expenses on a deal; false: only those without; null: both."
    )


@strawberry.type(description="One component of a dashboard, in the dashboard's order.")
class DashboardComponent:
    id: str = strawberry.field(description="Stable within the dashboard.")
    kind: DashboardComponentKind = strawberry.field(description="Chart, KPI tile or table.")  # type: ignore[valid-type]
    title: str = strawberry.field(description="Heading shown on the component.")
    report: DashboardReport = strawberry.field(description="The ready report it shows, or AD_HOC.")  # type: ignore[valid-type]
    group_by: AnalyticsDimension | None = strawberry.field(  # type: ignore[valid-type]
        description="AD_HOC: the grouping; else the report's."
    )
    measure: AnalyticsMeasure = strawberry.field(description="What is plotted or totalled.")  # type: ignore[valid-type]
    rows: int = strawberry.field(description="How many groups are shown, largest first.")
    filter: DashboardFilter = strawberry.field(description="Which expenses it counts.")
    _component: strawberry.Private[dashboards.Component]
    _today: strawberry.Private[date]

    @classmethod
    def of(cls, component: dashboards.Component, today: date) -> DashboardComponent:
        f = component.filter
        return cls(
            id=component.id, kind=component.kind, title=component.title,
            report=component.report, group_by=component.group_by, measure=component.measure,
            rows=component.rows,
            filter=DashboardFilter(
                period=f.period, date_from=f.date_from, date_to=f.date_to,
                statuses=list(f.statuses), outcomes=list(f.outcomes),
                reimbursable=f.reimbursable, billable=f.billable, has_potential=f.has_potential,
            ),
            _component=component, _today=today,
        )  # fmt: skip

    @strawberry.field(description="DEAL_SPEND_BY_USER: the deal.")
    async def potential(self, info: Info) -> Potential | None:
        key = self._component.potential_id
        row = await info.context.loaders.potential_by_id.load(key) if key else None
        return Potential.from_model(row) if row else None

    @strawberry.field(description="DEAL_SPEND_BY_USER: the deal's id (kept when the deal is gone).")
    def potential_id(self) -> strawberry.ID | None:
        key = self._component.potential_id
        return encode_id("Potential", key) if key else None

    @strawberry.field(
        description="The component's figures for the viewer (what they may see): its first "
        "`rows` groups (or `first` of them, `after` a cursor) and the summary over all of them. "
        "One aggregate statement."
    )
    async def data(
        self,
        info: Info,
        first: Annotated[
            int | None,
            strawberry.argument(description="Page size; left out: the component's `rows`."),
        ] = None,
        after: After = None,
    ) -> SpendGroupConnection:
        question = dashboards.component_question(self._component, self._today)
        size = self._component.rows if first is None else first
        return await answer(info, question, size, after)


@strawberry.type(
    description=(
        "A user's dashboard: components over the spend analytics. A"
        " user sees their own, else the organisation's default."
    )
)
class Dashboard:
    source: DashboardSource = strawberry.field(description="Whose dashboard this is.")  # type: ignore[valid-type]
    components: list[DashboardComponent] = strawberry.field(
        description="The components, in display order."
    )
    updated_at: datetime | None = strawberry.field(
        description="Last saved (ISO 8601 date-time, UTC); null when nothing was saved."
    )

    @classmethod
    def of(cls, view: dashboards.DashboardView, today: date) -> Dashboard:
        """``today``: the organisation's date, from which moving periods are counted."""
        return cls(
            source=view.source,
            components=[DashboardComponent.of(c, today) for c in view.components],
            updated_at=view.updated_at,
        )


async def dashboard_of(info: Info, view: dashboards.DashboardView | None) -> Dashboard | None:
    if view is None:
        return None
    return Dashboard.of(view, await dashboards.organization_today(viewer_of(info)))


@strawberry.input(description="Which expenses a component counts; lists mean any of.")
class DashboardFilterInput:
    period: DashboardPeriod = strawberry.field(  # type: ignore[valid-type]
        default=dashboards.Period.ALL_TIME,
        description="The expense dates counted; ALL_TIME by default.",
    )
    date_from: date | None = strawberry.field(default=None, description="CUSTOM only.")
    date_to: date | None = strawberry.field(default=None, description="CUSTOM only.")
    statuses: list[ExpenseStatus] | None = strawberry.field(
        default=None,
        description="Empty: ready reports count APPROVED and REIMBURSED expenses, AD_HOC all.",
    )
    outcomes: list[PotentialState] | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="Deal outcomes counted: OPEN, WON, LOST."
    )
    reimbursable: bool | None = strawberry.field(
        default=None, description="true: only Reimbursable; false: only the others."
    )
    billable: bool | None = strawberry.field(
        default=None, description="true: only Billable; false: only the others."
    )
    has_potential: bool | None = strawberry.field(
        default=None, description="true: only expenses on a deal; false: only those without."
    )

    def to_filter(self) -> dashboards.ComponentFilter:
        return dashboards.ComponentFilter(
            period=self.period, date_from=self.date_from, date_to=self.date_to,
            statuses=tuple(self.statuses or ()), outcomes=tuple(self.outcomes or ()),
            reimbursable=self.reimbursable, billable=self.billable,
            has_potential=self.has_potential,
        )  # fmt: skip


@strawberry.input(description="One component of a dashboard.")
class DashboardComponentInput:
    kind: DashboardComponentKind = strawberry.field(description="Chart, KPI tile or table.")  # type: ignore[valid-type]
    report: DashboardReport = strawberry.field(description="A ready report, or AD_HOC.")  # type: ignore[valid-type]
    id: str | None = strawberry.field(
        default=None, description="Keep a component's id; left out: a new one is given."
    )
    title: str = strawberry.field(default="", description="Empty: named after the report.")
    group_by: AnalyticsDimension | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="AD_HOC only (charts need one)."
    )
    measure: AnalyticsMeasure = strawberry.field(  # type: ignore[valid-type]
        default=Measure.TOTAL, description="What is plotted or totalled; TOTAL by default."
    )
    rows: int = strawberry.field(
        default=dashboards.DEFAULT_ROWS, description="How many groups to show, largest first."
    )
    filter: DashboardFilterInput | None = strawberry.field(
        default=None, description="Which expenses it counts; all by default."
    )
    potential_id: strawberry.ID | None = strawberry.field(
        default=None, description="DEAL_SPEND_BY_USER: the deal."
    )

    def to_draft(self) -> dashboards.ComponentDraft:
        group_by = self.group_by
        return dashboards.ComponentDraft(
            kind=self.kind, report=self.report, id=self.id, title=self.title,
            group_by=Dimension(group_by) if group_by is not None else None,
            measure=Measure(self.measure), rows=self.rows,
            filter=self.filter.to_filter() if self.filter else dashboards.ComponentFilter(),
            potential_id=pk("Potential", self.potential_id),
        )  # fmt: skip


@strawberry.input(description="The whole dashboard, in order; it replaces the stored one.")
class DashboardSaveInput:
    components: list[DashboardComponentInput] = strawberry.field(
        description=f"At most {dashboards.MAX_COMPONENTS}."
    )
    organization_default: bool = strawberry.field(
        default=False,
        description="Admins: save the organisation's default (seen by every user without "
        "their own dashboard) instead of their own.",
    )


@strawberry.input(
    description="Which dashboard to remove: yours, or (admins) the organisation's default."
)
class DashboardResetInput:
    organization_default: bool = strawberry.field(
        default=False,
        description="Admins: remove the organisation's default instead of their own dashboard.",
    )


@strawberry.type(description="Result of `dashboardSave` and `dashboardReset`.")
class DashboardPayload:
    dashboard: Dashboard | None = strawberry.field(
        description="dashboardSave: what was saved; dashboardReset: what the viewer sees now."
    )
    errors: list[UserError] = errors_field()


@strawberry.type
class DashboardQueries:
    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="The viewer's dashboard: their own, else the organisation's default (see "
        "`source`).",
    )
    async def dashboard(self, info: Info) -> Dashboard:
        view = await dashboards.viewer_dashboard(viewer_of(info))
        return Dashboard.of(view, await dashboards.organization_today(viewer_of(info)))

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="The organisation's default dashboard, or null when an admin set none.",
    )
    async def organization_dashboard(self, info: Info) -> Dashboard | None:
        view = await dashboards.organization_dashboard(viewer_of(info))
        if view.source is dashboards.DashboardSource.NONE:
            return None
        return await dashboard_of(info, view)


@strawberry.type
class DashboardMutations:
    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="Save the viewer's own dashboard (or, admins, the organisation's default): "
        "its components in order. Refused input changes nothing.",
    )
    async def dashboard_save(
        self,
        info: Info,
        input: Annotated[
            DashboardSaveInput, strawberry.argument(description="The whole dashboard.")
        ],
    ) -> DashboardPayload:
        drafts = [c.to_draft() for c in input.components[: dashboards.MAX_COMPONENTS + 1]]
        result = await dashboards.save_dashboard(
            viewer_of(info), drafts, organization_default=input.organization_default
        )
        dashboard = await dashboard_of(info, result.value)
        return payload(DashboardPayload, result, dashboard=dashboard)

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="Reset to default: drop the viewer's own dashboard, so they see the "
        "organisation's default (admins: or remove that default).",
    )
    async def dashboard_reset(
        self,
        info: Info,
        input: Annotated[
            DashboardResetInput | None,
            strawberry.argument(description="Whose dashboard to remove."),
        ] = None,
    ) -> DashboardPayload:
        default = input.organization_default if input else False
        result = await dashboards.reset_dashboard(viewer_of(info), organization_default=default)
        dashboard = await dashboard_of(info, result.value)
        return payload(DashboardPayload, result, dashboard=dashboard)
