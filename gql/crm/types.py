"""GraphQL types of CRM users, users syncs and CRM search results."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry

from gql.customers.types import Customer
from gql.enums import described_enum
from gql.identity.types import User, UserRole
from gql.ids import encode_id
from gql.node import Node
from orm import models
from resolvers import crm_search, crm_users
from resolvers.crm_users import RoleRule, created_time


class CrmRoleMatch(Enum):
    PROFILE = "PROFILE"
    ROLE = "ROLE"


described_enum(
    CrmRoleMatch,
    description="What a role mapping compares: the CRM user's profile or role name.",
    values={
        "PROFILE": "The CRM user's profile name.",
        "ROLE": "The CRM user's role name.",
    },
)


class CrmSearchModule(Enum):
    ACCOUNTS = "Accounts"
    CONTACTS = "Contacts"


described_enum(
    CrmSearchModule,
    description="The Zoho CRM module a search result comes from.",
    values={
        "ACCOUNTS": "Accounts: companies.",
        "CONTACTS": "Contacts: people.",
    },
)


@strawberry.type(description="One rule giving CRM users a Spendsync role.")
class CrmRoleMapping:
    match: CrmRoleMatch = strawberry.field(
        description="Compared with the CRM user's profile or role name."
    )
    name: str = strawberry.field(description="The CRM profile or role name (any case).")
    role: UserRole = strawberry.field(description="The Spendsync role given to matching users.")  # type: ignore[valid-type]

    @classmethod
    def of(cls, rule: RoleRule) -> CrmRoleMapping:
        return cls(match=CrmRoleMatch(rule.kind), name=rule.name, role=rule.role)


@strawberry.type(description="One users sync: what happened to Spendsync users.")
class UserSyncRun(Node):
    id: strawberry.ID = strawberry.field(description="Opaque id of the run.")
    trigger: str = strawberry.field(
        description="ENABLED (turning it on), MANUAL, or the trigger of the customer sync it "
        "followed (SCHEDULED, INITIAL, ...)."
    )
    status: str = strawberry.field(description="QUEUED, RUNNING, SUCCEEDED or FAILED.")
    created_at: datetime = strawberry.field(
        description="When the run was queued (ISO 8601 date-time, UTC)."
    )
    finished_at: datetime | None = strawberry.field(
        description="When it ended; null while queued or running."
    )
    fetched: int = strawberry.field(description="Active users the CRM listed.")
    created_active: int = strawberry.field(description="New users, ACTIVE (within the plan).")
    created_inactive: int = strawberry.field(description="New users, INACTIVE (beyond the plan).")
    linked: int = strawberry.field(description="Existing users linked by e-mail.")
    deactivated: int = strawberry.field(description="Deactivated or deleted in the CRM.")
    skipped: int = strawberry.field(
        description="CRM users left as they were (already linked or not importable)."
    )
    error_message: str = strawberry.field(description="Why the run failed; empty otherwise.")

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
    enabled: bool = strawberry.field(
        description="Whether CRM users are synced into Spendsync users."
    )
    default_role: UserRole = strawberry.field(  # type: ignore[valid-type]
        description="The role of synced users no role mapping matches."
    )
    role_mappings: list[CrmRoleMapping] = strawberry.field(
        description="In order; the first that applies gives the role, else the default."
    )
    runs: list[UserSyncRun] = strawberry.field(description="The latest 20 users syncs.")


@strawberry.type(description="A user of the connected Zoho CRM.")
class CrmUserInfo:
    crm_user_id: str = strawberry.field(description="The user's id in Zoho CRM.")
    name: str = strawberry.field(
        description="Full name (or e-mail, or id, when the CRM has no name)."
    )
    email: str | None = strawberry.field(description="E-mail address, as in the CRM.")
    status: str | None = strawberry.field(description="The CRM's status: active, disabled, ...")
    profile: str | None = strawberry.field(
        description="The CRM profile name (e.g. Administrator, Standard)."
    )
    role: str | None = strawberry.field(description="The CRM role name.")
    created_time: datetime | None = strawberry.field(
        description="When the user was created in the CRM (ISO 8601 date-time)."
    )
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
    nodes: list[CrmUserInfo] = strawberry.field(description="The users of this page.")
    total: int = strawberry.field(description="All CRM users.")
    page: int = strawberry.field(description="This page's number, from 1.")
    per_page: int = strawberry.field(description="Users per page.")
    has_next_page: bool = strawberry.field(description="Whether a later page exists.")


@strawberry.type(description="A Zoho CRM contact (a person) found by a CRM search.")
class CrmContactResult:
    crm_id: str = strawberry.field(description="The contact's id in Zoho CRM.")
    first_name: str = strawberry.field(description="First name.")
    last_name: str = strawberry.field(description="Last name.")
    email: str | None = strawberry.field(description="E-mail address, as in the CRM.")
    account_crm_id: str | None = strawberry.field(
        description="The CRM id of the contact's account; null for a contact without one."
    )
    account_name: str | None = strawberry.field(description="The name of the contact's account.")
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


@strawberry.type(description="A Zoho CRM account (a company) found by `crmSearchAccounts`.")
class CrmAccountResult:
    crm_id: str = strawberry.field(description="The account's id in Zoho CRM.")
    name: str = strawberry.field(description="Account name.")
    phone: str | None = strawberry.field(description="Phone number, as in the CRM.")
    website: str | None = strawberry.field(description="Website, as in the CRM.")
    linked_customer: Customer | None = strawberry.field(
        description="The Spendsync customer already linked to it; null if none."
    )
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
