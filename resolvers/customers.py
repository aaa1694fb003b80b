"""Customers and their contact persons, created in Spendsync or synced from the CRM."""

from __future__ import annotations

from dataclasses import dataclass, field

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import Q
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from orm import models
from resolvers.custom_fields import clean_custom_values
from resolvers.errors import ErrorCode, FieldError, MutationResult, Refused
from resolvers.validation import clean_currency, clean_email, clean_text, clean_web_address
from resolvers.viewer import Viewer

MAX_CONTACT_PERSONS = 50


@dataclass(frozen=True, slots=True)
class CustomerFilter:
    status: models.CustomerStatus | None = None
    type: models.CustomerType | None = None
    search: str | None = None
    crm_id: str | None = None
    synced: bool | None = None


@dataclass(frozen=True, slots=True)
class ContactPersonData:
    last_name: str
    first_name: str = ""
    email: str | None = None
    phone: str | None = None
    is_primary: bool = False
    id: int | None = None  # an existing contact person of this customer, changed in place


@dataclass(slots=True)
class CustomerData:
    """Fields of a create or update; None leaves a field unchanged on update."""

    name: str | None = None
    type: models.CustomerType | None = None
    status: models.CustomerStatus | None = None
    email: str | None = None
    phone: str | None = None
    website: str | None = None
    contact_persons: list[ContactPersonData] | None = field(default=None)
    mobile: str | None = None
    currency: str | None = None
    billing: AddressData | None = None
    shipping: AddressData | None = None
    # (custom field api name, value as text; None or "" clears it); None leaves them as they are
    custom_fields: list[tuple[str, str | None]] | None = None


@dataclass(frozen=True, slots=True)
class AddressData:
    street: str | None = None
    city: str | None = None
    state: str | None = None
    code: str | None = None
    country: str | None = None


ADDRESS_LIMITS = {"street": 250, "city": 100, "state": 100, "code": 30, "country": 100}


def list_customers(
    viewer: Viewer, filters: CustomerFilter | None = None
) -> QuerySet[models.Customer]:
    query = models.Customer.filter(org_id=viewer.org_id)
    if filters is not None:
        if filters.status is not None:
            query = query.filter(status=filters.status)
        if filters.type is not None:
            query = query.filter(type=filters.type)
        if filters.crm_id is not None:
            query = query.filter(crm_id=filters.crm_id)
        if filters.search and filters.search.strip():
            term = filters.search.strip()[:100]
            query = query.filter(Q(name__icontains=term) | Q(email__icontains=term))
        if filters.synced is not None:
            query = query.filter(crm_id__isnull=not filters.synced)
    return query.order_by("name", "id")


def _optional(
    value: str | None, name: str, max_length: int, errors: list[FieldError]
) -> str | None:
    if value is None or not value.strip():
        return None
    return clean_text(value, name, max_length=max_length, errors=errors)


def _clean_contact_persons(
    persons: list[ContactPersonData], errors: list[FieldError]
) -> list[ContactPersonData]:
    if len(persons) > MAX_CONTACT_PERSONS:
        errors.append(
            FieldError(
                "contactPersons", f"At most {MAX_CONTACT_PERSONS}.", ErrorCode.TOO_MANY_ITEMS
            )
        )
        return []
    cleaned = []
    for index, person in enumerate(persons):
        path = f"contactPersons.{index}"
        email = person.email.strip() if person.email else None
        cleaned.append(
            ContactPersonData(
                last_name=clean_text(
                    person.last_name, f"{path}.lastName", max_length=100, errors=errors
                ),
                first_name=clean_text(
                    person.first_name,
                    f"{path}.firstName",
                    max_length=100,
                    errors=errors,
                    required=False,
                ),
                email=clean_email(email, f"{path}.email", errors) if email else None,
                phone=_optional(person.phone, f"{path}.phone", 50, errors),
                is_primary=person.is_primary,
                id=person.id,
            )
        )
    if cleaned and sum(p.is_primary for p in cleaned) > 1:
        errors.append(
            FieldError(
                "contactPersons", "Only one contact person can be primary.", ErrorCode.INVALID
            )
        )
    elif cleaned and not any(p.is_primary for p in cleaned):
        first = cleaned[0]
        cleaned[0] = ContactPersonData(
            first.last_name, first.first_name, first.email, first.phone, True, first.id
        )
    return cleaned


def _clean(data: CustomerData, errors: list[FieldError], *, creating: bool) -> dict[str, object]:
    values: dict[str, object] = {}
    if data.name is not None or creating:
        values["name"] = clean_text(data.name or "", "name", max_length=200, errors=errors)
    if data.type is not None:
        values["type"] = data.type
    elif creating:
        errors.append(FieldError("type", "This field is required.", ErrorCode.REQUIRED))
    if data.status is not None:
        values["status"] = data.status
    if data.email is not None:
        values["email"] = clean_email(data.email, "email", errors) if data.email.strip() else None
    if data.phone is not None:
        values["phone"] = _optional(data.phone, "phone", 50, errors)
    if data.website is not None:
        values["website"] = clean_web_address(
            data.website, "website", max_length=255, errors=errors
        )
    if data.mobile is not None:
        values["mobile"] = _optional(data.mobile, "mobile", 50, errors)
    if data.currency is not None:
        values["currency"] = (
            clean_currency(data.currency, "currency", errors) if data.currency.strip() else None
        )
    for kind, address in (("billing", data.billing), ("shipping", data.shipping)):
        if address is None:
            continue
        for part, limit in ADDRESS_LIMITS.items():
            values[f"{kind}_{part}"] = _optional(
                getattr(address, part), f"{kind}Address.{part}", limit, errors
            )
    return values


async def save_customer(
    viewer: Viewer, customer_id: int | None, data: CustomerData
) -> MutationResult[models.Customer]:
    """Create (no id) or update a customer; given contact persons replace the existing ones."""
    errors: list[FieldError] = []
    creating = customer_id is None
    values = _clean(data, errors, creating=creating)
    persons = None
    if data.contact_persons is not None:
        persons = _clean_contact_persons(data.contact_persons, errors)
    custom: dict[str, object] = {}
    if data.custom_fields is not None:
        custom = await clean_custom_values(viewer, data.custom_fields, errors)
    if errors:
        return MutationResult(errors=errors)
    try:
        return await _save(viewer, customer_id, creating, values, persons, custom)
    except Refused as refusal:
        return MutationResult(errors=refusal.errors)


async def _save(
    viewer: Viewer,
    customer_id: int | None,
    creating: bool,
    values: dict[str, object],
    persons: list[ContactPersonData] | None,
    custom: dict[str, object],
) -> MutationResult[models.Customer]:
    async with in_transaction() as connection:
        if creating:
            customer = models.Customer(org_id=viewer.org_id)
        else:
            found = (
                await models.Customer.filter(id=customer_id, org_id=viewer.org_id)
                .using_db(connection)
                .first()
            )
            if found is None:
                return MutationResult.fail("id", "No such customer.", ErrorCode.NOT_FOUND)
            customer = found
        if custom:
            # a cleared field stays as None, so a two-way sync clears it in the CRM too
            values = {**values, "custom_values": {**(customer.custom_values or {}), **custom}}
        customer.update_from_dict({**values, "sync_dirty": True})  # pushed by a two-way sync
        await customer.save(using_db=connection)
        if persons is not None:
            refused = await _replace_persons(connection, viewer, customer, persons)
            if refused:
                raise Refused(refused)  # rolls the whole call back
    return MutationResult(customer)


async def _replace_persons(
    connection: BaseDBAsyncClient,
    viewer: Viewer,
    customer: models.Customer,
    persons: list[ContactPersonData],
) -> list[FieldError]:
    """The given list becomes the customer's contact persons: ids are changed in place, the
    others are added, those left out are deactivated (expenses may name them as attendees)."""
    existing = {
        p.id: p
        for p in await models.ContactPerson.filter(customer_id=customer.id).using_db(connection)
    }
    errors = [
        FieldError(f"contactPersons.{i}.id", "Not a contact person of this customer.",
                   ErrorCode.NOT_FOUND)
        for i, p in enumerate(persons)
        if p.id is not None and p.id not in existing
    ]  # fmt: skip
    if errors:
        return errors
    kept = {p.id for p in persons if p.id is not None}
    await (
        models.ContactPerson.filter(customer_id=customer.id)
        .exclude(id__in=kept)
        .using_db(connection)
        .update(is_active=False, is_primary=False)
    )
    for person in persons:
        values = {
            "first_name": person.first_name, "last_name": person.last_name,
            "email": person.email, "phone": person.phone, "is_primary": person.is_primary,
            "is_active": True,
        }  # fmt: skip
        if person.id is not None:
            await models.ContactPerson.filter(id=person.id).using_db(connection).update(**values)
        else:
            await models.ContactPerson.create(
                org_id=viewer.org_id, customer_id=customer.id, using_db=connection, **values
            )
    return []


async def delete_customer(viewer: Viewer, customer_id: int | None) -> MutationResult[int]:
    """A customer used by any expense, report or potential cannot be deleted (deactivate it)."""
    customer = None
    if customer_id is not None:
        customer = await models.Customer.get_or_none(id=customer_id, org_id=viewer.org_id)
    if customer is None:
        return MutationResult.fail("id", "No such customer.", ErrorCode.NOT_FOUND)
    in_use = (
        await models.Expense.filter(customer_id=customer.id).exists()
        or await models.Report.filter(customer_id=customer.id).exists()
        or await models.Potential.filter(
            Q(customer_id=customer.id) | Q(contact_customer_id=customer.id)
        ).exists()
    )
    if in_use:
        return MutationResult.fail(
            "id",
            "This customer is used by expenses, reports or potentials; deactivate it instead.",
            ErrorCode.CUSTOMER_IN_USE,
        )
    await customer.delete()
    return MutationResult(customer.id)
