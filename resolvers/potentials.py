"""Potentials (CRM deals): listed for pickers and widgets; admins may create local ones."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from orm import models
from orm.money import Money, MoneyError
from resolvers.errors import ErrorCode, FieldError, MutationResult
from resolvers.validation import clean_text
from resolvers.viewer import Viewer


@dataclass(frozen=True, slots=True)
class PotentialFilter:
    customer_id: int | None = None
    crm_id: str | None = None
    state: models.PotentialState | None = None
    search: str | None = None
    include_inactive: bool = False


async def potentials_for(viewer: Viewer) -> QuerySet[models.Potential]:
    """What the viewer may pick: all of the organisation's, or only the viewer's own CRM deals
    when the organisation's potential scope is OWN (admins always see all)."""
    query = models.Potential.filter(org_id=viewer.org_id)
    if viewer.is_admin:
        return query
    org = await models.Organization.get(id=viewer.org_id)
    if org.potential_scope is models.PotentialScope.OWN:
        user = await models.User.get(id=viewer.user_id)
        if not user.crm_user_id:  # no CRM user: no deal of their own (ids start at 1)
            return query.filter(id=0)
        query = query.filter(owner_crm_user_id=user.crm_user_id)
    return query


async def list_potentials(
    viewer: Viewer, filters: PotentialFilter | None = None
) -> QuerySet[models.Potential]:
    query = await potentials_for(viewer)
    filters = filters or PotentialFilter()
    if not filters.include_inactive:
        query = query.filter(is_active=True)
    if filters.customer_id is not None:
        query = query.filter(
            Q(customer_id=filters.customer_id) | Q(contact_customer_id=filters.customer_id)
        )
    if filters.crm_id is not None:
        query = query.filter(crm_id=filters.crm_id)
    if filters.state is not None:
        query = query.filter(state=filters.state)
    if filters.search and filters.search.strip():
        query = query.filter(name__icontains=filters.search.strip()[:100])
    return query.order_by("name", "id")


@dataclass(frozen=True, slots=True)
class PotentialData:
    name: str
    customer_id: int | None = None
    stage: str = ""
    state: models.PotentialState = models.PotentialState.OPEN
    amount: str | None = None
    currency: str | None = None
    closing_date: date | None = None
    owner_crm_user_id: str | None = None


async def create_potential(viewer: Viewer, data: PotentialData) -> MutationResult[models.Potential]:
    errors: list[FieldError] = []
    name = clean_text(data.name, "name", max_length=255, errors=errors)
    stage = clean_text(data.stage, "stage", max_length=100, errors=errors, required=False)
    owner = clean_text(
        data.owner_crm_user_id or "", "ownerCrmUserId", max_length=64, errors=errors, required=False
    )
    amount: Money | None = None
    if data.amount is not None:
        try:
            amount = Money.from_decimal(data.amount, data.currency or "")
        except MoneyError as exc:
            errors.append(FieldError("amount", str(exc), ErrorCode.INVALID_AMOUNT))
    customer = None
    if data.customer_id is not None:
        customer = await models.Customer.get_or_none(id=data.customer_id, org_id=viewer.org_id)
        if customer is None:
            errors.append(FieldError("customerId", "No such customer.", ErrorCode.NOT_FOUND))
    if errors:
        return MutationResult(errors=errors)
    is_contact = customer is not None and customer.type is models.CustomerType.INDIVIDUAL
    potential = await models.Potential.create(
        org_id=viewer.org_id,
        name=name,
        customer=None if is_contact else customer,
        contact_customer=customer if is_contact else None,
        stage=stage,
        state=data.state,
        amount_minor=amount.minor if amount else None,
        currency=amount.currency if amount else None,
        closing_date=data.closing_date,
        owner_crm_user_id=owner or None,
    )
    return MutationResult(potential)
