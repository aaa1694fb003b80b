"""The executable schema, assembled from per-domain query and mutation parts."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaxAliasesLimiter, MaxTokensLimiter, QueryDepthLimiter
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry.types.base import get_object_definition

from gql.analytics.fields import AnalyticsQueries
from gql.cards.fields import CardMutations, CardQueries
from gql.categories.fields import CategoryMutations, CategoryQueries
from gql.crm.fields import CrmMutations, CrmQueries
from gql.custom_fields.fields import CustomFieldMutations, CustomFieldQueries
from gql.customers.fields import CustomerMutations, CustomerQueries
from gql.dashboards.fields import DashboardMutations, DashboardQueries
from gql.direct import install as install_direct_resolvers
from gql.document_cache import DocumentCache
from gql.embedding.fields import EmbeddingMutations, EmbeddingQueries
from gql.errors import MaskUnexpectedErrors, log_errors
from gql.execution import PlannedExecutionContext
from gql.expenses.fields import ExpenseMutations, ExpenseQueries
from gql.identity.fields import IdentityMutations, IdentityQueries
from gql.integration.fields import (
    IntegrationMappingQueries,
    IntegrationMutations,
    IntegrationQueries,
)
from gql.integration.lifecycle import IntegrationLifecycleMutations, IntegrationLifecycleQueries
from gql.limits import CostLimiter
from gql.mileage.fields import MileageMutations, MileageQueries
from gql.node import NodeQueries
from gql.notifications.fields import NotificationMutations, NotificationQueries
from gql.organizations.fields import OrganizationMutations, OrganizationQueries
from gql.perdiem.fields import PerDiemMutations, PerDiemQueries
from gql.permissions import IntrospectionPolicy, ReadOnlyTokens
from gql.potentials.fields import PotentialMutations, PotentialQueries
from gql.receipts.fields import ReceiptQueries
from gql.record_context.fields import RecordContextQueries
from gql.scalars import SCALAR_MAP, Money
from gql.text import TextBoundary

if TYPE_CHECKING:
    from strawberry.types import ExecutionContext

MAX_DEPTH = 10
MAX_TOKENS = 2000
MAX_ALIASES = 15

Query = merge_types(
    "Query",
    (IdentityQueries, OrganizationQueries, CategoryQueries, CustomFieldQueries, CustomerQueries,
     PotentialQueries, ExpenseQueries, ReceiptQueries, RecordContextQueries, IntegrationQueries,
     IntegrationMappingQueries, CrmQueries, IntegrationLifecycleQueries, NotificationQueries,
     PerDiemQueries, MileageQueries, CardQueries, AnalyticsQueries, DashboardQueries,
     EmbeddingQueries, NodeQueries),
)  # fmt: skip
Mutation = merge_types(
    "Mutation",
    (IdentityMutations, OrganizationMutations, CategoryMutations, CustomFieldMutations,
     CustomerMutations, PotentialMutations, ExpenseMutations, IntegrationMutations,
     CrmMutations, IntegrationLifecycleMutations, NotificationMutations, PerDiemMutations,
     MileageMutations, CardMutations, DashboardMutations,
     EmbeddingMutations),
)  # fmt: skip
get_object_definition(Query, strict=True).description = (
    "Every read of the API. Signed in (browser session) or with `Authorization: Bearer <token>`; "
    "everything is scoped to the caller's organisation. A field's description says who may "
    "call it; without the right, it answers a top-level UNAUTHENTICATED or FORBIDDEN error. "
    "READ_ONLY tokens may call every query."
)
get_object_definition(Mutation, strict=True).description = (
    "Every write of the API. A refused input comes back in the payload's `errors` (field, "
    "message and code) and changes nothing; a missing right is a top-level UNAUTHENTICATED or "
    "FORBIDDEN error. READ_ONLY tokens may call no mutation (READ_ONLY_TOKEN)."
)


class SpendsyncSchema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        log_errors(errors, execution_context)


schema = SpendsyncSchema(
    query=Query,
    mutation=Mutation,
    types=[Money],
    extensions=[
        CostLimiter,
        TextBoundary,
        IntrospectionPolicy,
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: QueryDepthLimiter(max_depth=MAX_DEPTH),
        lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
        ReadOnlyTokens,
        MaskUnexpectedErrors,
        DocumentCache,  # after every extension that may refuse a document in on_validate
    ],
    config=StrawberryConfig(disable_field_suggestions=True, scalar_map=SCALAR_MAP),
    execution_context_class=PlannedExecutionContext,
)
install_direct_resolvers(schema._schema)  # plain attributes and DIRECT resolvers (gql/direct.py)


def schema_sdl() -> str:
    """The SDL as committed in ``schema.graphql``."""
    return schema.as_str() + "\n"
