"""Dashboards: components (chart, KPI tile, table) over the spend analytics, saved per user, with
an organisation-wide default an admin sets.

A user sees their own dashboard, else the organisation's default, else an empty one. Every read
and write names the viewer's own row (``user_id`` and ``org_id`` of the viewer) or the default of
the viewer's organisation: no id reaches another user's or another organisation's dashboard.
A component stores only its settings; its figures are asked of the aggregate for whoever views
it, so the organisation's default shows each user what they may see.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from orm import models
from resolvers.analytics.filters import (
    TIME_DIMENSIONS,
    Dimension,
    Measure,
    Order,
    Question,
    SpendFilter,
)
from resolvers.analytics.reports import ReadyReport, ready_question
from resolvers.errors import ErrorCode, FieldError, MutationResult
from resolvers.expenses.status import ExpenseStatus
from resolvers.potentials import potentials_for
from resolvers.validation import clean_text
from resolvers.viewer import Viewer

MAX_COMPONENTS = 24
MAX_TITLE_LENGTH = 80
MAX_ROWS = 50
DEFAULT_ROWS = 10
COMPONENT_ID = re.compile(r"^[a-z0-9]{1,16}$")


class ComponentKind(StrEnum):
    BAR = "BAR"
    LINE = "LINE"
    PIE = "PIE"
    KPI = "KPI"
    TABLE = "TABLE"


CHARTS = frozenset({ComponentKind.BAR, ComponentKind.LINE, ComponentKind.PIE})


class ComponentReport(StrEnum):
    """A ready report, or AD_HOC: the aggregate grouped by ``group_by`` (or not at all)."""

    SPEND_PER_DEAL = "SPEND_PER_DEAL"
    DEAL_SPEND_BY_USER = "DEAL_SPEND_BY_USER"
    DEAL_SPEND_BY_MONTH = "DEAL_SPEND_BY_MONTH"
    LOST_DEAL_SPEND = "LOST_DEAL_SPEND"
    SPEND_BY_STAGE = "SPEND_BY_STAGE"
    SPEND_PER_CUSTOMER = "SPEND_PER_CUSTOMER"
    AD_HOC = "AD_HOC"


REPORT_TITLES = {
    ComponentReport.SPEND_PER_DEAL: "Spend per deal",
    ComponentReport.DEAL_SPEND_BY_USER: "Deal spend by user",
    ComponentReport.DEAL_SPEND_BY_MONTH: "Spent on deals per month",
    ComponentReport.LOST_DEAL_SPEND: "Spend on lost deals",
    ComponentReport.SPEND_BY_STAGE: "Spend by stage",
    ComponentReport.SPEND_PER_CUSTOMER: "Spend per customer",
}
MEASURE_TITLES = {
    Measure.COUNT: "Expenses",
    Measure.TOTAL: "Total spend",
    Measure.REIMBURSABLE_TOTAL: "Reimbursable spend",
    Measure.BILLABLE_TOTAL: "Billable spend",
    Measure.AVERAGE: "Average expense",
    Measure.MINIMUM: "Smallest expense",
    Measure.MAXIMUM: "Largest expense",
}


class Period(StrEnum):
    """The date range of a component: a fixed one (CUSTOM: ``date_from``/``date_to``) or one
    that moves with today's date in the organisation's time zone."""

    ALL_TIME = "ALL_TIME"
    THIS_MONTH = "THIS_MONTH"
    LAST_MONTH = "LAST_MONTH"
    THIS_QUARTER = "THIS_QUARTER"
    THIS_YEAR = "THIS_YEAR"
    LAST_12_MONTHS = "LAST_12_MONTHS"
    CUSTOM = "CUSTOM"


class DashboardSource(StrEnum):
    OWN = "OWN"
    ORGANIZATION = "ORGANIZATION"
    NONE = "NONE"


@dataclass(frozen=True, slots=True)
class ComponentFilter:
    period: Period = Period.ALL_TIME
    date_from: date | None = None
    date_to: date | None = None
    statuses: tuple[ExpenseStatus, ...] = ()
    outcomes: tuple[models.PotentialState, ...] = ()
    reimbursable: bool | None = None
    billable: bool | None = None
    has_potential: bool | None = None


@dataclass(frozen=True, slots=True)
class Component:
    """One component's settings (what is stored). ``potential_id``: DEAL_SPEND_BY_USER's deal."""

    id: str
    kind: ComponentKind
    title: str
    report: ComponentReport
    group_by: Dimension | None = None
    measure: Measure = Measure.TOTAL
    rows: int = DEFAULT_ROWS
    filter: ComponentFilter = field(default_factory=ComponentFilter)
    potential_id: int | None = None

    def to_json(self) -> dict[str, Any]:
        f = self.filter
        return {
            "id": self.id, "kind": self.kind.value, "title": self.title,
            "report": self.report.value,
            "groupBy": self.group_by.value if self.group_by else None,
            "measure": self.measure.value, "rows": self.rows,
            "potentialId": self.potential_id,
            "filter": {
                "period": f.period.value,
                "dateFrom": f.date_from.isoformat() if f.date_from else None,
                "dateTo": f.date_to.isoformat() if f.date_to else None,
                "statuses": [s.value for s in f.statuses],
                "outcomes": [o.value for o in f.outcomes],
                "reimbursable": f.reimbursable, "billable": f.billable,
                "hasPotential": f.has_potential,
            },
        }  # fmt: skip

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Component:
        """A stored component (written by ``to_json`` after the checks of ``check_components``)."""
        f = data.get("filter") or {}

        def day(value: object) -> date | None:
            return date.fromisoformat(value) if isinstance(value, str) else None

        group_by = data.get("groupBy")
        return cls(
            id=str(data["id"]), kind=ComponentKind(data["kind"]), title=str(data["title"]),
            report=ComponentReport(data["report"]),
            group_by=Dimension(group_by) if group_by else None,
            measure=Measure(data.get("measure") or Measure.TOTAL),
            rows=int(data.get("rows") or DEFAULT_ROWS),
            potential_id=data.get("potentialId"),
            filter=ComponentFilter(
                period=Period(f.get("period") or Period.ALL_TIME),
                date_from=day(f.get("dateFrom")), date_to=day(f.get("dateTo")),
                statuses=tuple(ExpenseStatus(s) for s in f.get("statuses") or ()),
                outcomes=tuple(models.PotentialState(o) for o in f.get("outcomes") or ()),
                reimbursable=f.get("reimbursable"), billable=f.get("billable"),
                has_potential=f.get("hasPotential"),
            ),
        )  # fmt: skip


@dataclass(slots=True)
class ComponentDraft:
    """A component as a client sends it, before the checks. ``potential_id`` -1: malformed."""

    kind: ComponentKind
    report: ComponentReport
    id: str | None = None
    title: str = ""
    group_by: Dimension | None = None
    measure: Measure = Measure.TOTAL
    rows: int = DEFAULT_ROWS
    filter: ComponentFilter = field(default_factory=ComponentFilter)
    potential_id: int | None = None


@dataclass(frozen=True, slots=True)
class DashboardView:
    source: DashboardSource
    components: list[Component]
    updated_at: datetime | None = None


def default_title(draft: ComponentDraft | Component) -> str:
    if draft.report is not ComponentReport.AD_HOC:
        return REPORT_TITLES[draft.report]
    what = MEASURE_TITLES[draft.measure]
    if draft.group_by is None:
        return what
    return f"{what} by {draft.group_by.value.lower()}"


def _view(row: models.Dashboard | None, source: DashboardSource) -> DashboardView:
    if row is None:
        return DashboardView(DashboardSource.NONE, [])
    return DashboardView(source, [Component.from_json(c) for c in row.components], row.updated_at)


async def viewer_dashboard(viewer: Viewer) -> DashboardView:
    """The viewer's own dashboard, else their organisation's default, else an empty one."""
    own = await models.Dashboard.get_or_none(user_id=viewer.user_id, org_id=viewer.org_id)
    if own is not None:
        return _view(own, DashboardSource.OWN)
    return await organization_dashboard(viewer)


async def organization_dashboard(viewer: Viewer) -> DashboardView:
    row = await models.Dashboard.get_or_none(default_of_id=viewer.org_id, org_id=viewer.org_id)
    return _view(row, DashboardSource.ORGANIZATION)


def _check_filter(f: ComponentFilter, path: str, errors: list[FieldError]) -> ComponentFilter:
    if f.period is not Period.CUSTOM and (f.date_from or f.date_to):
        errors.append(
            FieldError(
                f"{path}.period",
                "Choose the custom period to give dates.",
                ErrorCode.INVALID,
            )
        )
    if f.date_from and f.date_to and f.date_to < f.date_from:
        errors.append(
            FieldError(
                f"{path}.dateTo",
                "The end date may not precede the start date.",
                ErrorCode.INVALID_DATE_RANGE,
            )
        )
    return ComponentFilter(
        period=f.period, date_from=f.date_from, date_to=f.date_to,
        statuses=tuple(dict.fromkeys(f.statuses)), outcomes=tuple(dict.fromkeys(f.outcomes)),
        reimbursable=f.reimbursable, billable=f.billable, has_potential=f.has_potential,
    )  # fmt: skip


async def check_components(
    viewer: Viewer, drafts: Sequence[ComponentDraft], kept_deals: frozenset[int] = frozenset()
) -> MutationResult[list[Component]]:
    """The components to store, or every problem found (field paths
    ``components.<index>.<field>``). ``kept_deals``: deals of the dashboard the viewer sees now,
    accepted again even where the viewer could not pick them (the organisation's default names
    a deal outside a submitter's own), so that a change elsewhere is not refused for them."""
    if len(drafts) > MAX_COMPONENTS:
        return MutationResult.fail(
            "components",
            f"A dashboard holds at most {MAX_COMPONENTS} components.",
            ErrorCode.TOO_MANY_ITEMS,
        )
    errors: list[FieldError] = []
    seen: set[str] = set()
    wanted_deals = {d.potential_id for d in drafts if d.potential_id is not None}
    pickable: set[int] = set()
    if wanted_deals:
        query = await potentials_for(viewer)
        found = query.filter(id__in=[p for p in wanted_deals if p > 0])
        pickable = {row.id for row in await found.only("id")} | (wanted_deals & kept_deals)
    components: list[Component] = []
    for index, draft in enumerate(drafts):
        path = f"components.{index}"
        title = clean_text(
            draft.title, f"{path}.title", max_length=MAX_TITLE_LENGTH, errors=errors,
            required=False,
        )  # fmt: skip
        component_id = draft.id
        if component_id is not None and not COMPONENT_ID.match(component_id):
            errors.append(
                FieldError(
                    f"{path}.id",
                    "A component id is 1 to 16 lower-case letters and digits.",
                    ErrorCode.INVALID,
                )
            )
        elif component_id is not None and component_id in seen:
            errors.append(FieldError(f"{path}.id", "Ids must differ.", ErrorCode.UNIQUE))
        while component_id is None or component_id in seen:
            component_id = secrets.token_hex(4)
        seen.add(component_id)
        if not 1 <= draft.rows <= MAX_ROWS:
            errors.append(
                FieldError(f"{path}.rows", f"Show 1 to {MAX_ROWS} rows.", ErrorCode.INVALID)
            )
        if draft.report is ComponentReport.AD_HOC:
            if draft.group_by is None and draft.kind in CHARTS:
                errors.append(
                    FieldError(
                        f"{path}.groupBy",
                        "A chart needs a grouping: choose what to group by.",
                        ErrorCode.REQUIRED,
                    )
                )
        elif draft.group_by is not None:
            errors.append(
                FieldError(
                    f"{path}.groupBy",
                    "A ready report has its own grouping; choose Ad hoc to group otherwise.",
                    ErrorCode.INVALID,
                )
            )
        if draft.report is ComponentReport.DEAL_SPEND_BY_USER:
            if draft.potential_id is None:
                errors.append(
                    FieldError(f"{path}.potentialId", "Choose the deal.", ErrorCode.REQUIRED)
                )
            elif draft.potential_id not in pickable:
                errors.append(
                    FieldError(f"{path}.potentialId", "No such deal.", ErrorCode.NOT_FOUND)
                )
        elif draft.potential_id is not None:
            errors.append(
                FieldError(
                    f"{path}.potentialId",
                    "Only the report Deal spend by user names a deal.",
                    ErrorCode.INVALID,
                )
            )
        checked = _check_filter(draft.filter, f"{path}.filter", errors)
        components.append(
            Component(
                id=component_id, kind=draft.kind, title=title or default_title(draft),
                report=draft.report, group_by=draft.group_by, measure=draft.measure,
                rows=draft.rows, filter=checked, potential_id=draft.potential_id,
            )
        )  # fmt: skip
    if errors:
        return MutationResult(errors=errors)
    return MutationResult(components)


async def save_dashboard(
    viewer: Viewer, drafts: Sequence[ComponentDraft], *, organization_default: bool = False
) -> MutationResult[DashboardView]:
    """Replace the viewer's own dashboard (or, for an admin, the organisation's default) with
    ``drafts``, in their order. Refused input changes nothing."""
    if organization_default and not viewer.is_admin:
        return MutationResult.fail(
            "organizationDefault",
            "Only an admin may set the organisation's default dashboard.",
            ErrorCode.NOT_PERMITTED,
        )
    shown = await (
        organization_dashboard(viewer) if organization_default else viewer_dashboard(viewer)
    )
    kept = frozenset(c.potential_id for c in shown.components if c.potential_id is not None)
    checked = await check_components(viewer, drafts, kept)
    if checked.value is None:
        return MutationResult(errors=checked.errors)
    stored = [c.to_json() for c in checked.value]
    where: dict[str, int] = (
        {"default_of_id": viewer.org_id} if organization_default else {"user_id": viewer.user_id}
    )
    for _ in range(2):  # a concurrent first save of the same dashboard: update the winner's row
        try:
            async with in_transaction() as connection:
                row = (
                    await models.Dashboard.filter(org_id=viewer.org_id, **where)
                    .using_db(connection)
                    .first()
                )
                if row is None:
                    row = models.Dashboard(org_id=viewer.org_id, **where)
                row.components = stored
                row.updated_by_id = viewer.user_id
                await row.save(using_db=connection)
            break
        except IntegrityError:
            continue
    else:  # pragma: no cover - the unique row exists after the first conflict
        raise RuntimeError("the dashboard could not be saved")
    source = DashboardSource.ORGANIZATION if organization_default else DashboardSource.OWN
    return MutationResult(_view(row, source))


async def reset_dashboard(
    viewer: Viewer, *, organization_default: bool = False
) -> MutationResult[DashboardView]:
    """Drop the viewer's own dashboard (they see the organisation's default again), or, for an
    admin, the organisation's default. Answers what the viewer sees now."""
    if organization_default and not viewer.is_admin:
        return MutationResult.fail(
            "organizationDefault",
            "Only an admin may remove the organisation's default dashboard.",
            ErrorCode.NOT_PERMITTED,
        )
    if organization_default:
        await models.Dashboard.filter(org_id=viewer.org_id, default_of_id=viewer.org_id).delete()
    else:
        await models.Dashboard.filter(org_id=viewer.org_id, user_id=viewer.user_id).delete()
    return MutationResult(await viewer_dashboard(viewer))


def _month_start(day: date, months_back: int = 0) -> date:
    index = day.year * 12 + day.month - 1 - months_back
    return date(index // 12, index % 12 + 1, 1)


def period_dates(component: ComponentFilter, today: date) -> tuple[date | None, date | None]:
    """The first and last day the component counts (None: unbounded)."""
    period = component.period
    if period is Period.THIS_MONTH:
        return _month_start(today), None
    if period is Period.LAST_MONTH:
        return _month_start(today, 1), _month_start(today) - timedelta(days=1)
    if period is Period.THIS_QUARTER:
        return _month_start(today, (today.month - 1) % 3), None
    if period is Period.THIS_YEAR:
        return date(today.year, 1, 1), None
    if period is Period.LAST_12_MONTHS:
        return _month_start(today, 11), None
    if period is Period.CUSTOM:
        return component.date_from, component.date_to
    return None, None


async def organization_today(viewer: Viewer) -> date:
    org = await models.Organization.get(id=viewer.org_id)
    return datetime.now(ZoneInfo(org.time_zone)).date()


def component_question(component: Component, today: date) -> Question:
    """What the component asks of the aggregate (a ready report's own conditions apply)."""
    f = component.filter
    date_from, date_to = period_dates(f, today)
    spend_filter = SpendFilter(
        date_from=date_from, date_to=date_to, statuses=f.statuses, outcomes=f.outcomes,
        reimbursable=f.reimbursable, billable=f.billable, has_potential=f.has_potential,
    )  # fmt: skip
    if component.report is ComponentReport.AD_HOC:
        group_by = [component.group_by] if component.group_by else []
        orders: list[Order] = []
        if component.group_by is not None and component.group_by not in TIME_DIMENSIONS:
            orders = [Order(measure=component.measure, descending=True)]
        return Question(filter=spend_filter, group_by=group_by, order_by=orders)
    orders = []
    if component.report is not ComponentReport.DEAL_SPEND_BY_MONTH:
        orders = [Order(measure=component.measure, descending=True)]
    return ready_question(
        ReadyReport(component.report.value), spend_filter, orders,
        potential_id=component.potential_id,
    )  # fmt: skip
