"""Writing CRM records into Spendsync rows, inside the caller's (one page's) transaction.

Links are the CRM ids on the rows: unique per (organisation, module, CRM id). A CRM record
without a link that matches an unlinked local customer (same type; normalised e-mail, else
normalised name) is a duplicate, handled by the integration's policy:

* CLONE: a new customer is created beside the existing one;
* OVERWRITE: the existing one is updated and linked; several matches are merged into the first
  (their expenses, reports, potentials and contact persons re-pointed, nothing lost);
* SKIP: the existing one stays unlinked and the record is counted as skipped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import Q

from orm import models
from resolvers.money import CURRENCY_EXPONENTS, Money, MoneyError
from sync.engine.mapping import CustomerValues, DealValues, PersonValues


@dataclass
class Tally:
    counts: Counter[str] = field(default_factory=Counter)

    def add(self, outcome: str, n: int = 1) -> None:
        self.counts[outcome] += n


def _changed(row: object, values: Mapping[str, object]) -> bool:
    return any(getattr(row, key) != value for key, value in values.items())


async def _duplicates(
    conn: BaseDBAsyncClient, org_id: int, kind: models.CustomerType, values: CustomerValues
) -> list[models.Customer]:
    unlinked = models.Customer.filter(org_id=org_id, type=kind, crm_id__isnull=True).using_db(conn)
    if values.email:
        matches = await unlinked.filter(email__iexact=values.email).order_by("id")
        if matches:
            return list(matches)
    # narrowed in SQL, compared exactly (case and spacing normalised) here
    candidates = await unlinked.filter(name__icontains=values.name.strip()).order_by("id")
    wanted = " ".join(values.name.split()).casefold()
    return [c for c in candidates if " ".join(c.name.split()).casefold() == wanted]


async def _merge(
    conn: BaseDBAsyncClient, keep: models.Customer, others: list[models.Customer]
) -> None:
    ids = [other.id for other in others]
    for model in (models.Expense, models.Report):
        await model.filter(customer_id__in=ids).using_db(conn).update(customer_id=keep.id)
    await models.Potential.filter(customer_id__in=ids).using_db(conn).update(customer_id=keep.id)
    await (
        models.Potential.filter(contact_customer_id__in=ids)
        .using_db(conn)
        .update(contact_customer_id=keep.id)
    )
    await (
        models.ContactPerson.filter(customer_id__in=ids)
        .using_db(conn)
        .update(customer_id=keep.id, is_primary=False)
    )
    await models.Customer.filter(id__in=ids).using_db(conn).delete()


async def upsert_customer(
    conn: BaseDBAsyncClient,
    org_id: int,
    module: models.CrmModule,
    crm_id: str,
    values: CustomerValues,
    policy: models.DuplicatePolicy,
    tally: Tally,
) -> models.Customer | None:
    kind = (
        models.CustomerType.BUSINESS
        if module is models.CrmModule.ACCOUNTS
        else models.CustomerType.INDIVIDUAL
    )
    fields = values.as_dict()
    linked = (
        await models.Customer.filter(org_id=org_id, crm_module=module, crm_id=crm_id)
        .using_db(conn)
        .first()
    )
    if linked is not None:
        if _changed(linked, {**fields, "status": models.CustomerStatus.ACTIVE}):
            linked.update_from_dict({**fields, "status": models.CustomerStatus.ACTIVE})
            await linked.save(using_db=conn)
            tally.add("updated")
        return linked
    matches = await _duplicates(conn, org_id, kind, values)
    link = {"crm_module": module, "crm_id": crm_id}
    if matches and policy is models.DuplicatePolicy.SKIP:
        tally.add("skipped")
        return None
    if matches and policy is models.DuplicatePolicy.OVERWRITE:
        keep, others = matches[0], matches[1:]
        if others:
            await _merge(conn, keep, others)
            tally.add("merged", len(others))
        keep.update_from_dict({**fields, **link, "status": models.CustomerStatus.ACTIVE})
        await keep.save(using_db=conn)
        tally.add("updated")
        return keep
    created = await models.Customer.create(
        org_id=org_id, type=kind, using_db=conn, **fields, **link
    )
    tally.add("cloned" if matches else "created")
    return created


async def upsert_person(
    conn: BaseDBAsyncClient,
    customer: models.Customer,
    crm_id: str,
    values: PersonValues,
    tally: Tally,
) -> None:
    fields = {"first_name": values.first_name, "last_name": values.last_name, "email": values.email,
              "phone": values.phone, "customer_id": customer.id}  # fmt: skip
    person = (
        await models.ContactPerson.filter(org_id=customer.org_id, crm_id=crm_id)
        .using_db(conn)
        .first()
    )
    if person is not None:
        if _changed(person, fields):
            person.update_from_dict(fields)
            await person.save(using_db=conn)
            tally.add("updated")
        return
    has_primary = (
        await models.ContactPerson.filter(customer_id=customer.id, is_primary=True)
        .using_db(conn)
        .exists()
    )
    await models.ContactPerson.create(
        org_id=customer.org_id, crm_id=crm_id, is_primary=not has_primary, using_db=conn, **fields
    )
    tally.add("created")


async def upsert_potential(
    conn: BaseDBAsyncClient, org_id: int, crm_id: str, values: DealValues, tally: Tally
) -> None:
    links: dict[str, int | None] = {"customer_id": None, "contact_customer_id": None}
    if values.account_id:
        account = (
            await models.Customer.filter(
                org_id=org_id, crm_module=models.CrmModule.ACCOUNTS, crm_id=values.account_id
            )
            .using_db(conn)
            .first()
        )
        links["customer_id"] = account.id if account else None
    if values.contact_id:
        contact = (
            await models.Customer.filter(
                org_id=org_id, crm_module=models.CrmModule.CONTACTS, crm_id=values.contact_id
            )
            .using_db(conn)
            .first()
        )
        links["contact_customer_id"] = contact.id if contact else None
    amount_minor = None
    currency = values.currency
    if values.amount is not None and currency:
        try:
            places = Decimal(1).scaleb(-CURRENCY_EXPONENTS.get(currency.upper(), 2))
            amount_minor = Money.from_decimal(values.amount.quantize(places), currency).minor
        except MoneyError:
            amount_minor, currency = None, None
    fields = {
        "name": values.name, "stage": values.stage, "state": models.PotentialState(values.state),
        "amount_minor": amount_minor, "currency": currency if amount_minor is not None else None,
        "closing_date": values.closing_date, "owner_crm_user_id": values.owner_id,
        "is_active": True, **links,
    }  # fmt: skip
    potential = await models.Potential.filter(org_id=org_id, crm_id=crm_id).using_db(conn).first()
    if potential is None:
        await models.Potential.create(org_id=org_id, crm_id=crm_id, using_db=conn, **fields)
        tally.add("created")
    elif _changed(potential, fields):
        potential.update_from_dict(fields)
        await potential.save(using_db=conn)
        tally.add("updated")


async def deactivate(
    conn: BaseDBAsyncClient, org_id: int, module: str, crm_ids: list[str], tally: Tally
) -> None:
    """Deleted in the CRM: customers and potentials are deactivated (kept for the expenses that
    use them); contact persons are removed."""
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
        n = (
            await models.Customer.filter(
                Q(
                    org_id=org_id,
                    crm_module=crm_module,
                    crm_id__in=crm_ids,
                    status=models.CustomerStatus.ACTIVE,
                )
            )
            .using_db(conn)
            .update(status=models.CustomerStatus.INACTIVE)
        )
        if module == "Contacts":
            await (
                models.ContactPerson.filter(org_id=org_id, crm_id__in=crm_ids)
                .using_db(conn)
                .delete()
            )
    tally.add("deactivated", n)
