"""Dashboards: the viewer's dashboard (their own, else the organisation's default), saving and
resetting it, and the organisation's default an admin sets. Each component's figures come from
the spend analytics aggregate, for whoever views it."""

from __future__ import annotations

from datetime import date, datetime

import strawberry

from gql.analytics.fields import answer
from gql.analytics.inputs import AnalyticsDimension, AnalyticsMeasure
from gql.analytics.types import SpendGroupConnection
from gql.context import Info
from gql.errors import UserError
from gql.expenses.status import ExpenseStatus
from gql.ids import encode_id, pk
from gql.payloads import payload
from gql.permissions import IsAuthenticated, viewer_of
from gql.potentials.types import Potential, PotentialState
from resolvers import dashboards
from resolvers.analytics.filters import Dimension, Measure

DashboardComponentKind = strawberry.enum(
    dashboards.ComponentKind,
    name="DashboardComponentKind",
    description="BAR, LINE and PIE charts plot the measure per group; KPI shows the measure "
    "over every group; TABLE lists the groups.",
)
DashboardReport = strawberry.enum(
    dashboards.ComponentReport,
    name="DashboardReport",
    description="A ready report (as the query of the same name) or AD_HOC: spendAnalytics "
    "grouped by the component's groupBy.",
)
DashboardPeriod = strawberry.enum(
    dashboards.Period,
    name="DashboardPeriod",
    description="The expense dates counted: CUSTOM uses dateFrom and dateTo; the others move "
    "with today's date in the organisation's time zone.",
)
DashboardSource = strawberry.enum(
    dashboards.DashboardSource,
    name="DashboardSource",
    description="OWN: the viewer's own dashboard; ORGANIZATION: the organisation's default; "
    "NONE: neither exists.",
)


@strawberry.type(description="Which expenses a component counts.")
class DashboardFilter:
    period: DashboardPeriod  # type: ignore[valid-type]
    date_from: date | None
    date_to: date | None
    statuses: list[ExpenseStatus]
    outcomes: list[PotentialState]  # type: ignore[valid-type]
    reimbursable: bool | None
    billable: bool | None
    has_potential: bool | None


@strawberry.type(description="One component of a dashboard, in the dashboard's order.")
class DashboardComponent:
    id: str = strawberry.field(description="Stable within the dashboard.")
    kind: DashboardComponentKind  # type: ignore[valid-type]
    title: str
    report: DashboardReport  # type: ignore[valid-type]
    group_by: AnalyticsDimension | None  # type: ignore[valid-type]
    measure: AnalyticsMeasure  # type: ignore[valid-type]
    rows: int = strawberry.field(description="How many groups are shown, largest first.")
    filter: DashboardFilter
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
        "`rows` groups and the summary over all of them. One aggregate statement."
    )
    async def data(self, info: Info) -> SpendGroupConnection:
        question = dashboards.component_question(self._component, self._today)
        return await answer(info, question, self._component.rows, None)


@strawberry.type
class Dashboard:
    source: DashboardSource  # type: ignore[valid-type]
    components: list[DashboardComponent]
    updated_at: datetime | None

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
    period: DashboardPeriod = dashboards.Period.ALL_TIME  # type: ignore[valid-type]
    date_from: date | None = strawberry.field(default=None, description="CUSTOM only.")
    date_to: date | None = strawberry.field(default=None, description="CUSTOM only.")
    statuses: list[ExpenseStatus] | None = strawberry.field(
        default=None,
        description="Empty: ready reports count APPROVED and REIMBURSED expenses, AD_HOC all.",
    )
    outcomes: list[PotentialState] | None = None  # type: ignore[valid-type]
    reimbursable: bool | None = None
    billable: bool | None = None
    has_potential: bool | None = None

    def to_filter(self) -> dashboards.ComponentFilter:
        return dashboards.ComponentFilter(
            period=self.period, date_from=self.date_from, date_to=self.date_to,
            statuses=tuple(self.statuses or ()), outcomes=tuple(self.outcomes or ()),
            reimbursable=self.reimbursable, billable=self.billable,
            has_potential=self.has_potential,
        )  # fmt: skip


@strawberry.input
class DashboardComponentInput:
    kind: DashboardComponentKind  # type: ignore[valid-type]
    report: DashboardReport  # type: ignore[valid-type]
    id: str | None = strawberry.field(
        default=None, description="Keep a component's id; left out: a new one is given."
    )
    title: str = strawberry.field(default="", description="Empty: named after the report.")
    group_by: AnalyticsDimension | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="AD_HOC only (charts need one)."
    )
    measure: AnalyticsMeasure = Measure.TOTAL  # type: ignore[valid-type]
    rows: int = dashboards.DEFAULT_ROWS
    filter: DashboardFilterInput | None = None
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


@strawberry.input
class DashboardResetInput:
    organization_default: bool = strawberry.field(
        default=False,
        description="Admins: remove the organisation's default instead of their own dashboard.",
    )


@strawberry.type
class DashboardPayload:
    dashboard: Dashboard | None = strawberry.field(
        description="dashboardSave: what was saved; dashboardReset: what the viewer sees now."
    )
    errors: list[UserError]


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
    async def dashboard_save(self, info: Info, input: DashboardSaveInput) -> DashboardPayload:
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
        self, info: Info, input: DashboardResetInput | None = None
    ) -> DashboardPayload:
        default = input.organization_default if input else False
        result = await dashboards.reset_dashboard(viewer_of(info), organization_default=default)
        dashboard = await dashboard_of(info, result.value)
        return payload(DashboardPayload, result, dashboard=dashboard)
