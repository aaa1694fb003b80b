"""Writing one page of CRM records into Spendsync rows, inside the caller's transaction.

Each writer costs a fixed number of statements per page (lookups by CRM id with ``IN``, then
bulk inserts and bulk updates), whatever the page's size.

Links are the CRM ids on the rows: unique per (organisation, module, CRM id). A CRM record
without a link that matches an unlinked local customer (same type; normalised e-mail, else
normalised name) is a duplicate, handled by the integration's policy:

* CLONE: a new customer is created beside the existing one;
* OVERWRITE: the existing one is updated and linked; several matches are merged into the
  oldest (their expenses, reports, potentials and contact persons re-pointed, nothing lost);
* SKIP: the existing one stays unlinked and the record is counted as skipped.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from pypika_tortoise.terms import Bracket
from tortoise import timezone
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import Q
from tortoise.functions import Max, Min
from tortoise.transactions import in_transaction

from orm import models
from orm.money import CURRENCY_EXPONENTS, Money, MoneyError
from sync.engine import rows
from sync.engine.fieldmap import EXTRA_LIMITS
from sync.engine.mapping import CustomerValues, DealValues, PersonValues, normal_email, normal_name

CUSTOMER_FIELDS = (
    "name", "email", "phone", "website", "status", "crm_module", "crm_id", "crm_modified_at",
    "crm_created_at", "crm_duplicate_of", "sync_dirty", "custom_values", *EXTRA_LIMITS,
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class CustomerItem:
    crm_id: str
    values: CustomerValues
    modified: datetime | None
    custom: dict[str, Any]
    created: datetime | None = None


PERSON_FIELDS = ("first_name", "last_name", "email", "phone", "customer_id", "is_active")
POTENTIAL_FIELDS = (
    "name", "stage", "state", "amount_minor", "currency", "closing_date", "owner_crm_user_id",
    "is_active", "customer_id", "contact_customer_id", "crm_account_id", "crm_contact_id",
)  # fmt: skip


@dataclass
class Tally:
    counts: Counter[str] = field(default_factory=Counter)

    def add(self, outcome: str, n: int = 1) -> None:
        self.counts[outcome] += n


Row = dict[str, Any]


def _apply(row: Row, values: Mapping[str, object]) -> bool:
    """Set the values on the row; True when something changed."""
    changed = False
    for key, value in values.items():
        if row.get(key) != value:
            row[key] = value
            changed = True
    return changed


class DuplicateIndex:
    """Unlinked local customers of one type by normalised e-mail and name, loaded once per
    stream; linked and merged customers leave it as the stream goes. Rows are plain values
    (``id`` and :data:`CUSTOMER_FIELDS`)."""

    def __init__(self, customers: Sequence[Row]) -> None:
        self.by_email: dict[str, list[Row]] = defaultdict(list)
        self.by_name: dict[str, list[Row]] = defaultdict(list)
        for customer in sorted(customers, key=lambda c: int(c["id"])):
            email = normal_email(customer["email"])
            if email:
                self.by_email[email].append(customer)
            self.by_name[normal_name(customer["name"])].append(customer)

    @classmethod
    async def load(cls, org_id: int, kind: models.CustomerType) -> DuplicateIndex:
        rows = await models.Customer.filter(org_id=org_id, type=kind, crm_id__isnull=True).values(
            "id", *CUSTOMER_FIELDS
        )
        return cls(rows)

    def matches(self, values: CustomerValues) -> list[Row]:
        if not self.by_name:  # no unlinked customer of this type (the usual case)
            return []
        if values.email and self.by_email.get(values.email):
            return list(self.by_email[values.email])
        return list(self.by_name.get(normal_name(values.name), []))

    def forget(self, customers: Sequence[Row]) -> None:
        gone = {c["id"] for c in customers}
        for table in (self.by_email, self.by_name):
            for key in list(table):
                table[key] = [c for c in table[key] if c["id"] not in gone]


async def _merge(conn: BaseDBAsyncClient, keep_id: int, ids: list[int]) -> None:
    for model in (models.Expense, models.Report):
        await model.filter(customer_id__in=ids).using_db(conn).update(customer_id=keep_id)
    await models.Potential.filter(customer_id__in=ids).using_db(conn).update(customer_id=keep_id)
    await (
        models.Potential.filter(contact_customer_id__in=ids)
        .using_db(conn)
        .update(contact_customer_id=keep_id)
    )
    await (
        models.ContactPerson.filter(customer_id__in=ids)
        .using_db(conn)
        .update(customer_id=keep_id, is_primary=False)
    )
    await (
        models.CustomerCrmAlias.filter(customer_id__in=ids)
        .using_db(conn)
        .update(customer_id=keep_id)
    )
    await models.Customer.filter(id__in=ids).using_db(conn).delete()


def _age(created: datetime | None, crm_id: str) -> tuple[Any, ...]:
    """Orders CRM records oldest first: Created_Time, then the id (numerically when it is a
    number, as Zoho's are; they grow with creation); a record without a time comes last."""
    number = int(crm_id) if crm_id.isdigit() else 0
    return (created is None, created.timestamp() if created else 0.0, number, crm_id)


@dataclass(slots=True)
class _Holder:
    """The customer a CRM duplicate key belongs to, and the CRM record it is linked to. ``id``
    is None while the customer is only in this page's inserts (``row`` is then that row)."""

    id: int | None
    crm_id: str
    created: datetime | None
    row: Row | None = None


class TwinIndex:
    """CRM records that duplicate each other (duplicate policy OVERWRITE): accounts with the
    same normalised name, contacts with the same e-mail. Holds the linked customers of one
    module by that key, loaded once per stream; each key keeps one customer, linked to the
    oldest CRM record of the key."""

    def __init__(self, module: models.CrmModule, holders: dict[str, _Holder]) -> None:
        self.module = module
        self.holders = holders

    def key(self, values: CustomerValues) -> str | None:
        if self.module is models.CrmModule.CONTACTS:
            return values.email  # already normalised; contacts without one are never twins
        return normal_name(values.name) or None

    @classmethod
    async def load(cls, org_id: int, module: models.CrmModule) -> TwinIndex:
        index = cls(module, {})
        found = await models.Customer.filter(org_id=org_id, crm_module=module).values_list(
            "id", "crm_id", "crm_created_at", "name", "email"
        )
        for customer_id, crm_id, created, name, email in found:
            values = CustomerValues(name, email, None, None)
            key = index.key(values)
            holder = index.holders.get(key) if key else None
            if key and (
                holder is None or _age(created, crm_id) < _age(holder.created, holder.crm_id)
            ):
                index.holders[key] = _Holder(customer_id, crm_id, created)
        return index


async def _select_row(conn: BaseDBAsyncClient, customer_id: int) -> Row:
    rows_found = (
        await models.Customer.filter(id=customer_id).using_db(conn).values("id", *CUSTOMER_FIELDS)
    )
    return rows_found[0]


async def _twin(
    conn: BaseDBAsyncClient,
    item: CustomerItem,
    holder: _Holder,
    row: Row | None,
    linked: dict[str, Row],
    to_create: list[Row],
    tally: Tally,
    notes: list[tuple[str, str]],
    aliases: list[tuple[str, _Holder]],
) -> tuple[bool, Row | None]:
    """The CRM record ``item`` duplicates the one ``holder`` is linked to. Returns (done,
    row): done when the record merged into the holder's customer; otherwise the row the
    record is now written to (the holder's customer, relinked to this older record)."""
    crm_id = item.crm_id
    if holder.id is None and row is not None:
        # an older record new in this page, and this one already has a customer: it keeps it
        # for now; the next run finds both linked and merges them
        return False, row
    if _age(item.created, crm_id) >= _age(holder.created, holder.crm_id):
        # a younger twin: merged into the holder's customer, its own customer (if any) too
        if row is not None and holder.id is not None and int(row["id"]) != holder.id:
            await _merge(conn, holder.id, [int(row["id"])])
            linked.pop(crm_id, None)
        notes.append((crm_id, f"MERGED: a duplicate of the CRM record {holder.crm_id}"))
        tally.add("merged")
        aliases.append((crm_id, holder))
        return True, None
    # an older twin: the customer is linked to it, the younger record merged into it
    notes.append((holder.crm_id, f"MERGED: a duplicate of the CRM record {crm_id}"))
    tally.add("merged")
    younger = holder.crm_id
    if holder.id is None and holder.row is not None:  # only in this page's inserts so far
        row = holder.row
        to_create.remove(row)
    elif holder.id is not None:
        if row is not None and int(row["id"]) != holder.id:
            await _merge(conn, int(row["id"]), [holder.id])
            holder.id = int(row["id"])
        elif row is None:
            row = await _select_row(conn, holder.id)
    linked.pop(younger, None)
    holder.crm_id, holder.created = crm_id, item.created
    aliases.append((younger, holder))
    if row is not None:
        linked[crm_id] = row
    return False, row


async def write_customers(
    conn: BaseDBAsyncClient,
    org_id: int,
    module: models.CrmModule,
    items: Sequence[CustomerItem],
    policy: models.DuplicatePolicy,
    index: DuplicateIndex,
    tally: Tally,
    conflict_policy: models.ConflictPolicy = models.ConflictPolicy.CRM_WINS,
    twins: TwinIndex | None = None,
    notes: list[tuple[str, str]] | None = None,
) -> list[str]:
    """Returns the CRM ids of records changed both here and in the CRM since the last sync.
    ``twins`` (OVERWRITE): CRM records duplicating each other become one customer; each merge
    is added to ``notes`` as (CRM id, message)."""
    conflicts: list[str] = []
    notes = notes if notes is not None else []
    if not items:
        return conflicts
    kind = (
        models.CustomerType.BUSINESS
        if module is models.CrmModule.ACCOUNTS
        else models.CustomerType.INDIVIDUAL
    )
    linked: dict[str, Row] = {
        str(row["crm_id"]): row
        for row in await rows.select_in(
            conn,
            models.Customer,
            ("id", *CUSTOMER_FIELDS),
            where={"org_id": org_id, "crm_module": module},
            key="crm_id",
            values=[item.crm_id for item in items],
        )
    }
    to_update: list[Row] = []
    to_create: list[Row] = []
    marked: list[Row] = []
    pending: list[_Holder] = []
    aliases: list[tuple[str, _Holder]] = []
    merged_into: dict[str, int] = {}
    if twins is not None:  # records merged by an earlier run
        merged_into = await _aliases(conn, org_id, module, [i.crm_id for i in items])
    for item in items:
        crm_id, values, modified = item.crm_id, item.values, item.modified
        wanted: dict[str, object] = {
            **values.as_dict(), "status": models.CustomerStatus.ACTIVE, "crm_module": module,
            "crm_id": crm_id, "crm_modified_at": modified, "crm_created_at": item.created,
            "crm_duplicate_of": None,
        }  # fmt: skip
        row = linked.get(crm_id)
        key = twins.key(values) if twins is not None else None
        holder = twins.holders.get(key) if twins is not None and key else None
        if holder is not None and holder.crm_id != crm_id:
            known = row is None and holder.id is not None and merged_into.get(crm_id) == holder.id
            if known and _age(item.created, crm_id) >= _age(holder.created, holder.crm_id):
                continue  # merged by an earlier run
            done, row = await _twin(
                conn, item, holder, row, linked, to_create, tally, notes, aliases
            )
            if done:
                continue
        base = (row["custom_values"] or {}) if row is not None else {}
        wanted["custom_values"] = {**base, **item.custom} if item.custom else base
        if row is not None:
            if row.get("crm_id") == crm_id and row["sync_dirty"]:
                known = row["crm_modified_at"]
                crm_changed = modified is None or known is None or modified > known
                if not crm_changed:
                    continue  # only the local side changed: the push sends it
                conflicts.append(crm_id)
                tally.add("conflicts")
                if conflict_policy is models.ConflictPolicy.SPENDSYNC_WINS:
                    continue  # keep the local version; the push overwrites the CRM's
                wanted["sync_dirty"] = False
            if twins is not None:
                _rekey(twins, row, key, crm_id, item.created)
            if row.get("id") is None:  # a row of this page's inserts, taken by an older twin
                _apply(row, wanted)
                to_create.append(row)
            elif _apply(row, wanted):
                to_update.append(row)
                tally.add("updated")
            continue
        matches = index.matches(values)
        if matches and policy is models.DuplicatePolicy.SKIP:
            tally.add("skipped")
            for match in matches:  # never pushed while it duplicates this record
                if match["crm_duplicate_of"] != crm_id:
                    match["crm_duplicate_of"] = crm_id
                    marked.append(match)
        elif matches and policy is models.DuplicatePolicy.OVERWRITE:
            keep, others = matches[0], matches[1:]
            if others:
                await _merge(conn, int(keep["id"]), [int(other["id"]) for other in others])
                tally.add("merged", len(others))
            wanted["custom_values"] = {**(keep["custom_values"] or {}), **item.custom}
            _apply(keep, wanted)
            to_update.append(keep)
            index.forget(matches)
            linked[crm_id] = keep
            tally.add("updated")
            if twins is not None and key:
                twins.holders[key] = _Holder(int(keep["id"]), crm_id, item.created)
        else:
            new = dict.fromkeys(CUSTOMER_FIELDS)
            new.update(org_id=org_id, type=kind, sync_dirty=False, **wanted)
            to_create.append(new)
            tally.add("cloned" if matches else "created")
            if twins is not None and key:
                twins.holders[key] = _Holder(None, crm_id, item.created, new)
                pending.append(twins.holders[key])
    await rows.update_many(conn, models.Customer, to_update, CUSTOMER_FIELDS)
    await rows.update_many(conn, models.Customer, marked, ("crm_duplicate_of",))
    await rows.insert_many(conn, models.Customer, to_create)
    if pending:  # the new customers' ids, for twins in later pages
        ids = await _customer_ids(conn, org_id, module, {h.crm_id for h in pending})
        for holder in pending:
            holder.id, holder.row = ids.get(holder.crm_id), None
    if aliases:
        await _record_aliases(conn, org_id, module, aliases)
    return conflicts


async def _aliases(
    conn: BaseDBAsyncClient, org_id: int, module: models.CrmModule, crm_ids: Sequence[str]
) -> dict[str, int]:
    """The customers CRM records were merged into, by CRM id."""
    found = await rows.select_in(
        conn, models.CustomerCrmAlias, ("crm_id", "customer_id"),
        where={"org_id": org_id, "crm_module": module}, key="crm_id", values=sorted(set(crm_ids)),
    )  # fmt: skip
    return {str(row["crm_id"]): int(row["customer_id"]) for row in found}


async def _record_aliases(
    conn: BaseDBAsyncClient,
    org_id: int,
    module: models.CrmModule,
    aliases: list[tuple[str, _Holder]],
) -> None:
    """CRM records merged into a customer (the last word on each record wins)."""
    latest = {crm_id: holder.id for crm_id, holder in aliases if holder.id is not None}
    if not latest:
        return
    await (
        models.CustomerCrmAlias.filter(org_id=org_id, crm_module=module, crm_id__in=list(latest))
        .using_db(conn)
        .delete()
    )
    await rows.insert_many(conn, models.CustomerCrmAlias, [
        {"org_id": org_id, "customer_id": customer_id, "crm_module": module, "crm_id": crm_id}
        for crm_id, customer_id in latest.items()
    ])  # fmt: skip


def _rekey(
    twins: TwinIndex, row: Row, key: str | None, crm_id: str, created: datetime | None
) -> None:
    """A linked record whose key changed (renamed, new e-mail) leaves its old key."""
    old = twins.key(CustomerValues(str(row.get("name") or ""), row.get("email"), None, None))
    if old and old != key:
        holder = twins.holders.get(old)
        if holder is not None and holder.crm_id == crm_id:
            del twins.holders[old]
    if key and key not in twins.holders and row.get("id") is not None:
        twins.holders[key] = _Holder(int(row["id"]), crm_id, created)


async def _customer_ids(
    conn: BaseDBAsyncClient,
    org_id: int,
    module: models.CrmModule,
    crm_ids: set[str],
    aliases: bool = True,
) -> dict[str, int]:
    """Local ids of linked customers by CRM id (plain values: no model objects to build)."""
    if not crm_ids:
        return {}
    found = await rows.select_in(
        conn, models.Customer, ("crm_id", "id"),
        where={"org_id": org_id, "crm_module": module}, key="crm_id", values=sorted(crm_ids),
    )  # fmt: skip
    ids = {str(row["crm_id"]): int(row["id"]) for row in found}
    missing = crm_ids.difference(ids)
    if missing and aliases:  # records merged into another record's customer
        ids.update(await _aliases(conn, org_id, module, sorted(missing)))
    return ids


async def write_persons(
    conn: BaseDBAsyncClient,
    org_id: int,
    items: Sequence[tuple[str, str, PersonValues]],
    tally: Tally,
    *,
    aliases: bool = True,
) -> None:
    """Contacts of synced accounts become their contact persons; the first one is primary. A
    contact whose account is not synced (outside the account view) is skipped."""
    if not items:
        return
    accounts = await _customer_ids(
        conn, org_id, models.CrmModule.ACCOUNTS, {account for _, account, _ in items}, aliases
    )
    existing: dict[str, Row] = {
        str(p["crm_id"]): p
        for p in await rows.select_in(
            conn,
            models.ContactPerson,
            ("id", *PERSON_FIELDS, "crm_id"),
            where={"org_id": org_id},
            key="crm_id",
            values=[crm_id for crm_id, _, _ in items],
        )
    }
    with_primary: set[int] = {
        int(row["customer_id"])
        for row in await models.ContactPerson.filter(
            customer_id__in=list(accounts.values()), is_primary=True
        )
        .using_db(conn)
        .values("customer_id")
    }
    to_update: list[Row] = []
    to_create: list[Row] = []
    for crm_id, account_crm_id, values in items:
        account_id = accounts.get(account_crm_id)
        if account_id is None:
            tally.add("skipped")
            continue
        wanted = {
            "first_name": values.first_name, "last_name": values.last_name,
            "email": values.email, "phone": values.phone, "customer_id": account_id,
            "is_active": True,
        }  # fmt: skip
        person = existing.get(crm_id)
        if person is not None:
            if _apply(person, wanted):
                to_update.append(person)
                tally.add("updated")
            continue
        primary = account_id not in with_primary
        with_primary.add(account_id)
        to_create.append({"org_id": org_id, "crm_id": crm_id, "is_primary": primary, **wanted})
        tally.add("created")
    await rows.update_many(conn, models.ContactPerson, to_update, PERSON_FIELDS)
    await rows.insert_many(conn, models.ContactPerson, to_create)


def _amount(values: DealValues) -> tuple[int | None, str | None]:
    if values.amount is None or not values.currency:
        return None, None
    code = values.currency.upper()
    exponent = CURRENCY_EXPONENTS.get(code)
    if exponent is not None and values.amount.is_finite():
        # the usual case without Money's exact context: a deal amount (at most 10^12, checked
        # by the mapping) with no more decimals than the currency has is exact in Decimal's
        # default 28 digits
        scaled = values.amount.scaleb(exponent)
        if scaled == scaled.to_integral_value():
            return int(scaled), code
    try:
        places = Decimal(1).scaleb(-CURRENCY_EXPONENTS.get(values.currency.upper(), 2))
        money = Money.from_decimal(values.amount.quantize(places), values.currency)
    except (MoneyError, InvalidOperation):
        return None, None
    return money.minor, money.currency


async def write_potentials(
    conn: BaseDBAsyncClient,
    org_id: int,
    items: Sequence[tuple[str, DealValues]],
    tally: Tally,
    *,
    aliases: bool = True,
) -> None:
    """``aliases``: whether the organisation may have CRM records merged into customers (one
    lookup more for deals whose account or contact has no customer of its own)."""
    if not items:
        return
    accounts = await _customer_ids(
        conn, org_id, models.CrmModule.ACCOUNTS,
        {v.account_id for _, v in items if v.account_id}, aliases,
    )  # fmt: skip
    contacts = await _customer_ids(
        conn, org_id, models.CrmModule.CONTACTS,
        {v.contact_id for _, v in items if v.contact_id}, aliases,
    )  # fmt: skip
    existing: dict[str, Row] = {
        str(p["crm_id"]): p
        for p in await rows.select_in(
            conn,
            models.Potential,
            ("id", *POTENTIAL_FIELDS, "crm_id"),
            where={"org_id": org_id},
            key="crm_id",
            values=[crm_id for crm_id, _ in items],
        )
    }
    to_update: list[Row] = []
    to_create: list[Row] = []
    for crm_id, values in items:
        amount_minor, currency = _amount(values)
        account_id = accounts.get(values.account_id or "")
        contact_id = contacts.get(values.contact_id or "")
        wanted = {
            "name": values.name, "stage": values.stage,
            "state": models.PotentialState(values.state), "amount_minor": amount_minor,
            "currency": currency, "closing_date": values.closing_date,
            "owner_crm_user_id": values.owner_id, "is_active": True,
            "customer_id": account_id,
            "contact_customer_id": contact_id,
            "crm_account_id": values.account_id,
            "crm_contact_id": values.contact_id,
        }  # fmt: skip
        potential = existing.get(crm_id)
        if potential is None:
            to_create.append({"org_id": org_id, "crm_id": crm_id, **wanted})
            tally.add("created")
        elif _apply(potential, wanted):
            to_update.append(potential)
            tally.add("updated")
    await rows.update_many(conn, models.Potential, to_update, POTENTIAL_FIELDS)
    await rows.insert_many(conn, models.Potential, to_create)


RELINK_BATCH = 5000
# (CRM id column, link column, module of the customer it points at)
_RELINKS = (
    ("crm_account_id", "customer_id", models.CrmModule.ACCOUNTS),
    ("crm_contact_id", "contact_customer_id", models.CrmModule.CONTACTS),
)


def _relink_sql(
    conn: BaseDBAsyncClient,
    crm_field: str,
    link_field: str,
    module: str,
    source: type[models.Customer] | type[models.CustomerCrmAlias] = models.Customer,
) -> str:
    """UPDATE potential SET link = (the customer of its CRM id), updated_at = ? for one org's
    potentials in an id range whose link is missing and whose customer is synced. Parameters:
    updated_at, org_id, lowest id (excluded), highest id, org_id."""
    potential, customer = models.Potential._meta.basetable, source._meta.basetable
    executor = conn.executor_class(model=models.Potential, db=conn)
    link, crm = potential[link_field], potential[crm_field]
    target = customer.id if source is models.Customer else customer.customer_id
    owner = (
        conn.query_class.from_(customer)
        .select(target)
        .where(customer.org_id == potential.org_id)
        .where(customer.crm_module == module)
        .where(customer.crm_id == crm)
    )
    synced = (
        conn.query_class.from_(customer)
        .select(customer.crm_id)
        .where(customer.org_id == executor.parameter(4))
        .where(customer.crm_module == module)
    )
    query = (
        conn.query_class.update(potential)
        .set(link, Bracket(owner))
        .set(potential.updated_at, executor.parameter(0))
        .where(potential.org_id == executor.parameter(1))
        .where(potential.id > executor.parameter(2))
        .where(potential.id <= executor.parameter(3))
        .where(link.isnull())
        .where(crm.isin(synced))
    )
    return str(query.get_sql())


async def relink_potentials(org_id: int) -> None:
    """Point potentials at their account and contact customers once both are synced (deals and
    accounts are read in parallel, so a deal may arrive before its account). The database
    joins them by CRM id, one short transaction per range of ``RELINK_BATCH`` ids: no rows
    travel to Python, so time and memory do not grow with what is already linked."""
    bounds = (
        await models.Potential.filter(org_id=org_id)
        .filter(
            Q(customer_id__isnull=True, crm_account_id__isnull=False)
            | Q(contact_customer_id__isnull=True, crm_contact_id__isnull=False)
        )
        .annotate(low=Min("id"), high=Max("id"))
        .values_list("low", "high")
    )
    low, high = bounds[0] if bounds else (None, None)
    if low is None or high is None:
        return
    database = models.Potential._meta.db
    statements = [_relink_sql(database, *relink) for relink in _RELINKS]
    # then deals of CRM records merged into another record's customer (OVERWRITE)
    statements += [
        _relink_sql(database, *relink, source=models.CustomerCrmAlias) for relink in _RELINKS
    ]
    for after in range(int(low) - 1, int(high), RELINK_BATCH):
        async with in_transaction() as conn:
            for sql in statements:
                await conn.execute_query(
                    sql, [timezone.now(), org_id, after, after + RELINK_BATCH, org_id]
                )


async def deactivate(
    conn: BaseDBAsyncClient, org_id: int, module: str, crm_ids: list[str], tally: Tally
) -> None:
    """Deleted in the CRM: customers and potentials are deactivated (kept for the expenses that
    use them); so are contact persons."""
    if module == "Deals":
        n = (
            await models.Potential.filter(org_id=org_id, crm_id__in=crm_ids, is_active=True)
            .using_db(conn)
            .update(is_active=False)
        )
    else:
        crm_module = (
            models.CrmModule.ACCOUNTS if module == "Accounts" else models.CrmModule.CONTACTS
        )
        n = await models.Customer.filter(
            org_id=org_id, crm_module=crm_module, crm_id__in=crm_ids,
            status=models.CustomerStatus.ACTIVE,
        ).using_db(conn).update(status=models.CustomerStatus.INACTIVE)  # fmt: skip
        await (
            models.CustomerCrmAlias.filter(org_id=org_id, crm_module=crm_module, crm_id__in=crm_ids)
            .using_db(conn)
            .delete()
        )
        if module == "Contacts":
            await (
                models.ContactPerson.filter(org_id=org_id, crm_id__in=crm_ids)
                .using_db(conn)
                .update(is_active=False, is_primary=False)
            )
    tally.add("deactivated", n)


async def drop_potentials_outside(org_id: int, tally: Tally) -> None:
    """A deal follows its account: when accounts are read through a view, a potential whose CRM
    account is not a synced customer (outside the view) is not kept. Run after
    :func:`relink_potentials`, so deals read before their account are linked by then. One that
    an expense or a report names is deactivated (kept, like a deal deleted in the CRM); the
    others are deleted. Counted ``skipped``."""
    while True:
        outside: list[Any] = await (
            models.Potential.filter(
                org_id=org_id, crm_account_id__isnull=False, customer_id__isnull=True,
                is_active=True,
            ).limit(RELINK_BATCH).values_list("id", flat=True)
        )  # fmt: skip
        ids = [int(i) for i in outside]
        if not ids:
            return
        async with in_transaction() as conn:
            used: set[int] = set()
            for model in (models.Expense, models.Report):
                found: list[Any] = await (
                    model.filter(potential_id__in=ids)
                    .using_db(conn)
                    .values_list("potential_id", flat=True)
                )
                used.update(int(i) for i in found)
            gone = [i for i in ids if i not in used]
            if gone:
                await models.Potential.filter(id__in=gone).using_db(conn).delete()
            if used:
                await (
                    models.Potential.filter(id__in=sorted(used))
                    .using_db(conn)
                    .update(is_active=False)
                )
        tally.add("skipped", len(ids))
