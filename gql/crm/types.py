"""GraphQL types of CRM users, users syncs and CRM search results."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry

from gql.customers.types import Customer
from gql.identity.types import User, UserRole
from gql.ids import encode_id
from orm import models
from resolvers import crm_search, crm_users
from resolvers.crm_users import RoleRule, created_time


@strawberry.enum(description="What a role mapping compares: the CRM user's profile or role name.")
class CrmRoleMatch(Enum):
    PROFILE = "PROFILE"
    ROLE = "ROLE"


@strawberry.enum
class CrmSearchModule(Enum):
    ACCOUNTS = "Accounts"
    CONTACTS = "Contacts"


@strawberry.type
class CrmRoleMapping:
    match: CrmRoleMatch
    name: str
    role: UserRole  # type: ignore[valid-type]

    @classmethod
    def of(cls, rule: RoleRule) -> CrmRoleMapping:
        return cls(match=CrmRoleMatch(rule.kind), name=rule.name, role=rule.role)


@strawberry.type(description="One users sync: what happened to Spendsync users.")
class UserSyncRun:
    id: strawberry.ID
    trigger: str = strawberry.field(
        description="ENABLED (turning it on), MANUAL, or the trigger of the customer sync it "
        "followed (SCHEDULED, INITIAL, ...)."
    )
    status: str
    created_at: datetime
    finished_at: datetime | None
    fetched: int = strawberry.field(description="Active users the CRM listed.")
    created_active: int = strawberry.field(description="New users, ACTIVE (within the plan).")
    created_inactive: int = strawberry.field(description="New users, INACTIVE (beyond the plan).")
    linked: int = strawberry.field(description="Existing users linked by e-mail.")
    deactivated: int = strawberry.field(description="Deactivated or deleted in the CRM.")
    skipped: int
    error_message: str

    @classmethod
    def from_model(cls, row: models.UserSyncRun) -> UserSyncRun:
        return cls(
            id=encode_id("UserSyncRun", row.id), trigger=row.trigger, status=row.status.value,
            created_at=row.created_at, finished_at=row.finished_at, fetched=row.fetched,
            created_active=row.created_active, created_inactive=row.created_inactive,
            linked=row.linked, deactivated=row.deactivated, skipped=row.skipped,
            error_message=row.error_message,
        )  # fmt: skip


@strawberry.type(description="The users sync settings of the integration.")
class IntegrationUserSync:
    enabled: bool
    default_role: UserRole  # type: ignore[valid-type]
    role_mappings: list[CrmRoleMapping] = strawberry.field(
        description="In order; the first that applies gives the role, else the default."
    )
    runs: list[UserSyncRun] = strawberry.field(description="The latest 20 users syncs.")


@strawberry.type
class CrmUserInfo:
    crm_user_id: str
    name: str
    email: str | None
    status: str | None = strawberry.field(description="The CRM's status: active, disabled, ...")
    profile: str | None
    role: str | None
    created_time: datetime | None
    imported_user: User | None = strawberry.field(
        description="The Spendsync user linked to it; null when not imported yet."
    )

    @classmethod
    def of(cls, entry: crm_users.CrmUserEntry) -> CrmUserInfo:
        user = entry.user
        return cls(
            crm_user_id=user.id, name=user.full_name or user.email or user.id, email=user.email,
            status=user.status, profile=user.profile.name if user.profile else None,
            role=user.role.name if user.role else None, created_time=created_time(user),
            imported_user=User.from_model(entry.imported) if entry.imported else None,
        )  # fmt: skip


@strawberry.type(description="A page of the CRM's users, oldest first (the import order).")
class CrmUserList:
    nodes: list[CrmUserInfo]
    total: int
    page: int
    per_page: int
    has_next_page: bool


@strawberry.type
class CrmContactResult:
    crm_id: str
    first_name: str
    last_name: str
    email: str | None
    account_crm_id: str | None
    account_name: str | None
    linked_customer: Customer | None = strawberry.field(
        description="The customer it is already linked to (for a contact person, its customer)."
    )

    @classmethod
    def of(cls, hit: crm_search.ContactHit) -> CrmContactResult:
        c = hit.contact
        return cls(
            crm_id=c.crm_id, first_name=c.first_name, last_name=c.last_name, email=c.email,
            account_crm_id=c.account_crm_id, account_name=c.account_name,
            linked_customer=Customer.from_model(hit.customer) if hit.customer else None,
        )  # fmt: skip


@strawberry.type
class CrmAccountResult:
    crm_id: str
    name: str
    phone: str | None
    website: str | None
    linked_customer: Customer | None
    contacts: list[CrmContactResult] = strawberry.field(
        description="Its contacts in the CRM (first 20)."
    )

    @classmethod
    def of(cls, hit: crm_search.AccountHit) -> CrmAccountResult:
        a = hit.account
        return cls(
            crm_id=a.crm_id, name=a.name, phone=a.phone, website=a.website,
            linked_customer=Customer.from_model(hit.customer) if hit.customer else None,
            contacts=[CrmContactResult.of(c) for c in hit.contacts],
        )  # fmt: skip
