from __future__ import annotations

import strawberry

from gql.crm.types import CrmRoleMatch, CrmSearchModule
from gql.identity.types import UserRole


@strawberry.input(description="One rule giving CRM users a Spendsync role.")
class CrmRoleMappingInput:
    match: CrmRoleMatch = strawberry.field(
        description="Compare with the CRM user's profile or role name."
    )
    name: str = strawberry.field(description="The CRM's profile or role name (any case).")
    role: UserRole = strawberry.field(description="The Spendsync role given to matching users.")  # type: ignore[valid-type]


@strawberry.input(description="The users sync settings.")
class IntegrationUserSyncSaveInput:
    enabled: bool = strawberry.field(
        description="Turning it on runs an instant users sync; off stops the users sync."
    )
    role_mappings: list[CrmRoleMappingInput] = strawberry.field(
        default_factory=list, description="At most 50, in order; unmatched users: SUBMITTER."
    )


@strawberry.input(description="One CRM user to import, with the role to give them.")
class CrmUserImportChoice:
    crm_user_id: str = strawberry.field(
        description="The user's id in Zoho CRM (`crmUserId` of `crmUsers`)."
    )
    role: UserRole = strawberry.field(description="The Spendsync role of the new user.")  # type: ignore[valid-type]


@strawberry.input(description="CRM users to import as Spendsync users.")
class CrmUsersImportInput:
    users: list[CrmUserImportChoice] = strawberry.field(description="At most 100.")


@strawberry.input(description="A CRM account or contact to bring in as a customer.")
class CrmCustomerChooseInput:
    module: CrmSearchModule = strawberry.field(
        description="Whether `crmId` is an account or a contact."
    )
    crm_id: str = strawberry.field(description="The record's id in Zoho CRM.")
