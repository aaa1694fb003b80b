"""Users from the CRM: which Spendsync role a CRM user gets, the import order, and writing the
CRM's users into Spendsync users (docs/SYNC.md, "Users from the CRM").

Rules:

* Links are ``User.crm_user_id``. A CRM user without a link is matched to an unlinked local
  user by normalised e-mail and linked (status and role of that user stay as they are);
  otherwise a new user is created with the role the mapping gives (SUBMITTER by default).
* New users are ACTIVE while the plan allows (``Organization.active_user_limit``, counting the
  users already active), the rest INACTIVE, in the CRM users' creation order (then CRM id).
* A full sync deactivates linked users the CRM no longer lists as active (deactivated or
  deleted there); they are never deleted, and the last active admin is never deactivated.
* Roles of users that already exist are never changed by a sync (an admin may have changed
  them here).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from orm import models
from sync.crm.dto import parse_datetime
from sync.crm.metadata_dto import CrmUser
from sync.crm.protocol import CrmClient
from sync.engine.mapping import normal_email, text

MAPPING_KINDS = ("PROFILE", "ROLE")
_LATEST = datetime.max.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class RoleRule:
    """A CRM user whose profile (kind PROFILE) or role (kind ROLE) is ``name`` gets ``role``."""

    kind: str
    name: str
    role: models.UserRole

    def applies(self, user: CrmUser) -> bool:
        lookup = user.profile if self.kind == "PROFILE" else user.role
        name = lookup.name if lookup is not None else None
        return bool(name) and str(name).casefold() == self.name.casefold()

    def as_json(self) -> dict[str, str]:
        return {"kind": self.kind, "name": self.name, "role": self.role.value}

    @classmethod
    def from_json(cls, data: Mapping[str, str]) -> RoleRule:
        return cls(data["kind"], data["name"], models.UserRole(data["role"]))


def rules_of(integration: models.Integration) -> list[RoleRule]:
    return [RoleRule.from_json(item) for item in integration.user_role_mapping or []]


def role_for(user: CrmUser, rules: Sequence[RoleRule]) -> models.UserRole:
    """The first rule that applies, in the order the admin gave them; SUBMITTER otherwise."""
    return next((rule.role for rule in rules if rule.applies(user)), models.UserRole.SUBMITTER)


def created_time(user: CrmUser) -> datetime | None:
    return parse_datetime(user.raw.get("created_time"))


def import_order(user: CrmUser) -> tuple[datetime, int, str]:
    """Oldest CRM user first; ties by CRM id (numerically, as Zoho's ids are digits)."""
    moment = created_time(user) or _LATEST
    return moment.astimezone(UTC), len(user.id), user.id


def display_name(user: CrmUser) -> str:
    full = text(user.full_name, 200)
    parts = " ".join(p for p in (user.first_name, user.last_name) if p)
    return full or text(parts, 200) or (user.email or user.id)[:200]


async def read_users(client: CrmClient) -> list[CrmUser]:
    """Every user the CRM lists (active and deactivated; Zoho leaves deleted users out)."""
    return [user async for user in client.iter_users(type="AllUsers")]


@dataclass
class UserCounts:
    fetched: int = 0
    created_active: int = 0
    created_inactive: int = 0
    linked: int = 0
    deactivated: int = 0
    skipped: int = 0
    users: list[models.User] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Wanted:
    """A CRM user to import with the role it gets."""

    user: CrmUser
    role: models.UserRole


async def apply_users(
    org_id: int,
    wanted: Sequence[Wanted],
    *,
    still_active: Iterable[str] | None = None,
) -> UserCounts:
    """Import ``wanted`` (in that order) and, when ``still_active`` (the CRM ids of the CRM's
    active users) is given, deactivate linked users missing from it. One transaction with the
    organisation row locked, so the plan limit holds under concurrent imports. ``users`` of
    the result are the Spendsync users of ``wanted``, in order."""
    counts = UserCounts(fetched=len(wanted))
    async with in_transaction() as conn:
        org = await models.Organization.select_for_update().using_db(conn).get(id=org_id)
        local = await models.User.filter(org_id=org_id).using_db(conn).order_by("id")
        by_crm = {u.crm_user_id: u for u in local if u.crm_user_id}
        by_email = {normal_email(u.email): u for u in local}
        free = org.active_user_limit - sum(u.status is models.UserStatus.ACTIVE for u in local)
        for item in wanted:
            crm = item.user
            if (found := by_crm.get(crm.id)) is not None:
                counts.users.append(found)
                continue
            email = normal_email(crm.email)
            existing = by_email.get(email) if email else None
            if email is None or (existing is not None and existing.crm_user_id is not None):
                counts.skipped += 1
                continue
            if existing is not None:
                existing.crm_user_id = crm.id
                await existing.save(using_db=conn, update_fields=["crm_user_id", "updated_at"])
                by_crm[crm.id] = existing
                counts.linked += 1
                counts.users.append(existing)
                continue
            status = models.UserStatus.ACTIVE if free > 0 else models.UserStatus.INACTIVE
            free -= status is models.UserStatus.ACTIVE
            user = await models.User.create(
                org_id=org_id, email=email, name=display_name(crm), role=item.role,
                status=status, crm_user_id=crm.id, using_db=conn,
            )  # fmt: skip
            by_crm[crm.id], by_email[email] = user, user
            if status is models.UserStatus.ACTIVE:
                counts.created_active += 1
            else:
                counts.created_inactive += 1
            counts.users.append(user)
        if still_active is not None:
            counts.deactivated = await _deactivate_missing(conn, list(by_crm.values()),
                                                           set(still_active))  # fmt: skip
    return counts


async def _deactivate_missing(
    conn: BaseDBAsyncClient, linked: Sequence[models.User], active_ids: set[str]
) -> int:
    gone = [
        u
        for u in linked
        if u.status is models.UserStatus.ACTIVE and u.crm_user_id not in active_ids
    ]
    if not gone:
        return 0
    # Admins not linked to the CRM count too: the organisation keeps one active admin.
    admins = await models.User.filter(
        org_id=gone[0].org_id, role=models.UserRole.ADMIN, status=models.UserStatus.ACTIVE
    ).using_db(conn).count()  # fmt: skip
    ids = []
    for user in gone:
        if user.role is models.UserRole.ADMIN:
            if admins <= 1:
                continue
            admins -= 1
        ids.append(user.id)
    if ids:
        await (
            models.User.filter(id__in=ids).using_db(conn).update(status=models.UserStatus.INACTIVE)
        )
    return len(ids)


async def sync_users(
    client: CrmClient, integration: models.Integration, run: models.UserSyncRun
) -> UserCounts:
    """The full users sync: import the CRM's active users, deactivate those it dropped."""
    crm_users = await read_users(client)
    active = sorted((u for u in crm_users if u.active), key=import_order)
    rules = rules_of(integration)
    counts = await apply_users(
        integration.org_id,
        [Wanted(u, role_for(u, rules)) for u in active],
        still_active=[u.id for u in active],
    )
    await models.UserSyncRun.filter(id=run.id).update(
        status=models.SyncStatus.SUCCEEDED, finished_at=datetime.now(UTC),
        fetched=counts.fetched, created_active=counts.created_active,
        created_inactive=counts.created_inactive, linked=counts.linked,
        deactivated=counts.deactivated, skipped=counts.skipped,
    )  # fmt: skip
    return counts
