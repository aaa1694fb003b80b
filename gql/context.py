"""The request context, built only by ``build_context`` (HTTP and in-process calls alike)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import TYPE_CHECKING, Any

import strawberry
from starlette.requests import HTTPConnection
from strawberry.dataloader import DataLoader
from tortoise.queryset import QuerySet

from orm import models
from resolvers import loaders
from resolvers.embedding import OriginCache
from resolvers.expenses.queries import Totals
from resolvers.identity.links import AccountLinks
from resolvers.identity.sessions import session_viewer
from resolvers.identity.tokens import authenticate_token
from resolvers.pagination import BadCursor
from resolvers.receipts.service import ReceiptSettings
from resolvers.viewer import Viewer

if TYPE_CHECKING:
    from sync.service import SyncService

SESSION_USER_KEY = "user_id"
SESSION_ORG_KEY = "org_id"
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


@dataclass
class Loaders:
    """One DataLoader per batch function, created lazily per request and bound to the tenant."""

    org_id: int | None
    _child_pages: dict[str, DataLoader[loaders.PageKey, loaders.ChildPage]] = field(
        default_factory=dict
    )
    # the GraphQL object of each loaded row, built once (gql/nodes.py: node_of)
    nodes: dict[tuple[int, Any], tuple[Any, Any]] = field(default_factory=dict)
    # ``node``/``nodes``: one loader per type of the rows the viewer may see (gql/node.py)
    node_loaders: dict[str, DataLoader[int, Any]] = field(default_factory=dict)

    def _bind(self, batch: Any) -> DataLoader[int, Any]:
        if self.org_id is None:

            async def nothing(keys: list[int]) -> list[None]:
                return [None for _ in keys]

            return DataLoader(load_fn=nothing)
        return DataLoader(load_fn=partial(batch, self.org_id))

    @cached_property
    def organization_by_id(self) -> DataLoader[int, models.Organization | None]:
        return self._bind(loaders.organizations_by_id)

    @cached_property
    def user_by_id(self) -> DataLoader[int, models.User | None]:
        return self._bind(loaders.by_id(models.User))

    @cached_property
    def active_user_count_by_org_id(self) -> DataLoader[int, int]:
        return self._bind(loaders.active_user_counts_by_org_id)

    @cached_property
    def category_by_id(self) -> DataLoader[int, models.Category | None]:
        return self._bind(loaders.by_id(models.Category))

    @cached_property
    def customer_by_id(self) -> DataLoader[int, models.Customer | None]:
        return self._bind(loaders.by_id(models.Customer))

    @cached_property
    def potential_by_id(self) -> DataLoader[int, models.Potential | None]:
        return self._bind(loaders.by_id(models.Potential))

    @cached_property
    def report_by_id(self) -> DataLoader[int, models.Report | None]:
        return self._bind(loaders.by_id(models.Report))

    @cached_property
    def contact_person_by_id(self) -> DataLoader[int, models.ContactPerson | None]:
        return self._bind(loaders.by_id(models.ContactPerson))

    @cached_property
    def contact_persons_by_customer_id(self) -> DataLoader[int, list[models.ContactPerson]]:
        return self._bind(loaders.active_contact_persons_by_customer_id)

    @cached_property
    def attendees_by_expense_id(self) -> DataLoader[int, list[models.ExpenseAttendee]]:
        return self._bind(loaders.grouped_by(models.ExpenseAttendee, "expense_id"))

    @cached_property
    def receipts_by_expense_id(self) -> DataLoader[int, list[models.Receipt]]:
        return self._bind(loaders.grouped_by(models.Receipt, "expense_id"))

    @cached_property
    def events_by_report_id(self) -> DataLoader[int, list[models.ReportEvent]]:
        return self._bind(loaders.grouped_by(models.ReportEvent, "report_id", "created_at", "id"))

    @cached_property
    def totals_by_report_id(self) -> DataLoader[int, Totals]:
        return self._bind(loaders.report_totals_by_id)

    @cached_property
    def per_diem_policy_by_id(self) -> DataLoader[int, models.PerDiemPolicy | None]:
        return self._bind(loaders.by_id(models.PerDiemPolicy))

    @cached_property
    def per_diem_tiers_by_policy_id(self) -> DataLoader[int, list[models.PerDiemTier]]:
        return self._bind(
            loaders.grouped_by(models.PerDiemTier, "policy_id", "min_hours", "exclusive", "id")
        )

    @cached_property
    def per_diem_time_bands_by_policy_id(self) -> DataLoader[int, list[models.PerDiemTimeBand]]:
        return self._bind(
            loaders.grouped_by(models.PerDiemTimeBand, "policy_id", "starts_after_minute", "id")
        )

    @cached_property
    def per_diem_assignments_by_policy_id(
        self,
    ) -> DataLoader[int, list[models.PerDiemAssignment]]:
        return self._bind(loaders.grouped_by(models.PerDiemAssignment, "policy_id"))

    @cached_property
    def per_diem_locations_by_policy_id(self) -> DataLoader[int, list[models.PerDiemLocation]]:
        return self._bind(loaders.grouped_by(models.PerDiemLocation, "policy_id", "name", "id"))

    @cached_property
    def per_diem_rates_by_location_id(self) -> DataLoader[int, list[models.PerDiemRate]]:
        return self._bind(
            loaders.grouped_by(models.PerDiemRate, "location_id", "effective_from", "id")
        )

    @cached_property
    def record_errors_by_run_id(self) -> DataLoader[int, list[dict[str, Any]]]:
        return self._bind(loaders.first_record_errors_by_run_id)

    @cached_property
    def mileage_vehicle_by_id(self) -> DataLoader[int, models.MileageVehicle | None]:
        return self._bind(loaders.by_id(models.MileageVehicle))

    @cached_property
    def mileage_rate_by_id(self) -> DataLoader[int, models.MileageRate | None]:
        return self._bind(loaders.by_id(models.MileageRate))

    @cached_property
    def mileage_rates_by_vehicle_id(self) -> DataLoader[int, list[models.MileageRate]]:
        return self._bind(
            loaders.grouped_by(models.MileageRate, "vehicle_id", "effective_from", "id")
        )

    @cached_property
    def mileage_slabs_by_rate_id(self) -> DataLoader[int, list[models.MileageSlab]]:
        return self._bind(loaders.grouped_by(models.MileageSlab, "rate_id", "from_hundredths"))

    @cached_property
    def mileage_detail_by_expense_id(self) -> DataLoader[int, list[models.MileageDetail]]:
        return self._bind(loaders.grouped_by(models.MileageDetail, "expense_id"))

    @cached_property
    def mileage_lines_by_detail_id(self) -> DataLoader[int, list[models.MileageLine]]:
        return self._bind(loaders.grouped_by(models.MileageLine, "detail_id", "position"))

    @cached_property
    def expense_by_id(self) -> DataLoader[int, models.Expense | None]:
        return self._bind(loaders.by_id(models.Expense))

    @cached_property
    def card_by_id(self) -> DataLoader[int, models.Card | None]:
        return self._bind(loaders.by_id(models.Card))

    def child_pages(
        self, name: str, children: Callable[[], QuerySet[Any]], parent: str
    ) -> DataLoader[loaders.PageKey, loaders.ChildPage]:
        """The loader of a nested connection's pages, one per ``name`` (name each distinct
        ``children`` query: its filters and arguments). ``children`` gives every child the
        viewer may see, in the connection's order; ``parent`` is its foreign key column."""
        loader = self._child_pages.get(name)
        if loader is None:

            async def pages(
                keys: list[loaders.PageKey],
            ) -> list[loaders.ChildPage | BadCursor]:
                return await loaders.child_pages(children(), parent, keys)

            # batched, never cached: a later mutation field of the same document must see
            # what an earlier one changed (a connection is not one row that stays the same)
            loader = self._child_pages[name] = DataLoader(load_fn=pages, cache=False)
        return loader

    @cached_property
    def statement_import_by_id(self) -> DataLoader[int, models.StatementImport | None]:
        return self._bind(loaders.by_id(models.StatementImport))


@dataclass
class Context:
    viewer: Viewer | None
    request_id: str
    request: HTTPConnection | None = None
    receipts: ReceiptSettings | None = None
    sync: SyncService | None = None
    accounts: AccountLinks | None = None
    # who may read the schema: "public" or "signed-in" (the GRAPHQL_INTROSPECTION setting)
    introspection: str = "public"
    # the organisations' CRM origins (CORS, frame-ancestors); invalidated when they change
    origins: OriginCache | None = None
    # http://localhost and http://127.0.0.1 accepted as CRM origins (development only)
    allow_loopback_origins: bool = False
    loaders: Loaders = field(init=False)

    def __post_init__(self) -> None:
        self.loaders = Loaders(self.viewer.org_id if self.viewer else None)

    def signed_in(self, viewer: Viewer) -> None:
        """The rest of the request (the sign-in's payload first) is answered as ``viewer``."""
        self.viewer = viewer
        self.loaders = Loaders(viewer.org_id)

    @property
    def session(self) -> MutableMapping[str, Any] | None:
        """The browser session, when the request carries one (not for bearer-token calls)."""
        if self.request is None or "session" not in self.request.scope:
            return None
        if self.request.headers.get("authorization"):
            return None
        return self.request.session


def request_id_of(request: HTTPConnection | None) -> str:
    incoming = request.headers.get("x-request-id", "") if request is not None else ""
    return incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex


class InvalidToken(Exception):
    """A Bearer token was sent and names no usable token (unknown, malformed, expired, revoked,
    or its user deactivated): the request is refused with HTTP 401 and ``UNAUTHENTICATED``
    (``web.errors.invalid_token``) rather than answered as anonymous, so a widget whose token
    stopped working learns it from the status."""

    message = "The API token is invalid, expired or revoked: send a valid one, or none."


async def viewer_of(request: HTTPConnection) -> Viewer | None:
    """Bearer token first (widgets, tools); otherwise the signed session cookie (browser).

    A Bearer token that does not authenticate raises ``InvalidToken``; another scheme (a
    proxy's Basic credentials) is not ours and leaves the caller anonymous."""
    authorization = request.headers.get("authorization")
    if authorization is not None:
        scheme, _, credentials = authorization.partition(" ")
        if scheme.lower() != "bearer":
            return None
        viewer = await authenticate_token(credentials.strip())
        if viewer is None:
            raise InvalidToken(InvalidToken.message)
        return viewer
    if "session" not in request.scope:
        return None
    session = request.session
    return await session_viewer(session.get(SESSION_USER_KEY), session.get(SESSION_ORG_KEY))


async def build_context(
    request: HTTPConnection | None,
    *,
    viewer: Viewer | None = None,
    receipts: ReceiptSettings | None = None,
    sync: SyncService | None = None,
    accounts: AccountLinks | None = None,
) -> Context:
    """Build the context for a request; tests and scripts may pass a viewer without a request.

    Services the app set up (the receipt storage) come from ``request.app.state``.
    """
    introspection = "public"
    origins: OriginCache | None = None
    allow_loopback_origins = False
    if request is not None:
        introspection = getattr(request.app.state, "graphql_introspection", "public")
        origins = getattr(request.app.state, "origin_cache", None)
        allow_loopback_origins = getattr(request.app.state, "allow_loopback_origins", False)
        if viewer is None:
            viewer = await viewer_of(request)
        if receipts is None:
            receipts = getattr(request.app.state, "receipts", None)
        if sync is None:
            sync = getattr(request.app.state, "sync", None)
        if accounts is None:
            accounts = getattr(request.app.state, "accounts", None)
    return Context(
        viewer=viewer,
        request_id=request_id_of(request),
        request=request,
        receipts=receipts,
        sync=sync,
        accounts=accounts,
        introspection=introspection,
        origins=origins,
        allow_loopback_origins=allow_loopback_origins,
    )


Info = strawberry.Info[Context, None]
