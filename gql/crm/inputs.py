from __future__ import annotations

import strawberry

from gql.crm.types import CrmRoleMatch, CrmSearchModule
from gql.identity.types import UserRole


@strawberry.input
class CrmRoleMappingInput:
    match: CrmRoleMatch
    name: str = strawberry.field(description="The CRM's profile or role name (any case).")
    role: UserRole  # type: ignore[valid-type]


@strawberry.input
class IntegrationUserSyncSaveInput:
    enabled: bool = strawberry.field(
        description="Turning it on runs an instant users sync; off stops the users sync."
    )
    role_mappings: list[CrmRoleMappingInput] = strawberry.field(
        default_factory=list, description="At most 50, in order; unmatched users: SUBMITTER."
    )


@strawberry.input
class CrmUserImportChoice:
    crm_user_id: str
    role: UserRole  # type: ignore[valid-type]


@strawberry.input
class CrmUsersImportInput:
    users: list[CrmUserImportChoice] = strawberry.field(description="At most 100.")


@strawberry.input
class CrmCustomerChooseInput:
    module: CrmSearchModule
    crm_id: str
