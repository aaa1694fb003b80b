"""Customers (CRM accounts and contacts), their contact persons, and potentials (CRM deals)."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from tortoise import fields

from orm.models.base import TimestampedModel
from orm.models.organizations import Organization

if TYPE_CHECKING:
    from orm.models.expenses import Expense


class CustomerType(StrEnum):
    BUSINESS = "BUSINESS"
    INDIVIDUAL = "INDIVIDUAL"


class CustomerStatus(StrEnum):
    ACTIVE = "ACTIVE"
    INACTIVE = "INACTIVE"


class CrmModule(StrEnum):
    ACCOUNTS = "ACCOUNTS"
    CONTACTS = "CONTACTS"
    DEALS = "DEALS"


class CustomFieldType(StrEnum):
    TEXT = "TEXT"
    NUMBER = "NUMBER"
    DATE = "DATE"
    BOOLEAN = "BOOLEAN"
    PICKLIST = "PICKLIST"


class PotentialState(StrEnum):
    OPEN = "OPEN"
    WON = "WON"
    LOST = "LOST"


class Customer(TimestampedModel):
    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="customers", on_delete=fields.CASCADE
    )
    org_id: int
    name = fields.CharField(max_length=200)
    type = fields.CharEnumField(CustomerType, max_length=16)
    status = fields.CharEnumField(CustomerStatus, max_length=16, default=CustomerStatus.ACTIVE)
    email = fields.CharField(max_length=254, null=True)
    phone = fields.CharField(max_length=50, null=True)
    website = fields.CharField(max_length=255, null=True)
    mobile = fields.CharField(max_length=50, null=True)
    currency = fields.CharField(max_length=3, null=True)
    billing_street = fields.CharField(max_length=250, null=True)
    billing_city = fields.CharField(max_length=100, null=True)
    billing_state = fields.CharField(max_length=100, null=True)
    billing_code = fields.CharField(max_length=30, null=True)
    billing_country = fields.CharField(max_length=100, null=True)
    shipping_street = fields.CharField(max_length=250, null=True)
    shipping_city = fields.CharField(max_length=100, null=True)
    shipping_state = fields.CharField(max_length=100, null=True)
    shipping_code = fields.CharField(max_length=30, null=True)
    shipping_country = fields.CharField(max_length=100, null=True)
    # The CRM record this customer mirrors: an account (BUSINESS) or a contact (INDIVIDUAL).
    crm_module = fields.CharEnumField(CrmModule, max_length=16, null=True)
    crm_id = fields.CharField(max_length=64, null=True)
    # The CRM's Modified_Time when this row last matched the CRM record (sent back as
    # If-Unmodified-Since when a local change is pushed).
    crm_modified_at = fields.DatetimeField(null=True)
    # The CRM record's Created_Time: of CRM records that duplicate each other, the oldest
    # keeps the customer (duplicate policy OVERWRITE).
    crm_created_at = fields.DatetimeField(null=True)
    # Changed in Spendsync since the last push (two-way sync pushes it).
    sync_dirty = fields.BooleanField(default=False)
    # An unlinked customer a sync found duplicating this CRM record (same module as the
    # customer's type) while the duplicate policy was SKIP: it is never pushed to the CRM.
    crm_duplicate_of = fields.CharField(max_length=64, null=True)
    # Values of the organisation's custom fields, by the field's api name.
    custom_values: dict[str, Any] | None = fields.JSONField(default=dict, null=True)

    contact_persons: fields.ReverseRelation[ContactPerson]
    potentials: fields.ReverseRelation[Potential]
    expenses: fields.ReverseRelation[Expense]

    class Meta:
        table = "customer"
        unique_together = (("org", "crm_module", "crm_id"),)
        indexes = (("org", "status", "name"),)


class CustomField(TimestampedModel):
    """An organisation-level field of customers (a CRM field can be mapped onto it)."""

    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="custom_fields", on_delete=fields.CASCADE
    )
    org_id: int
    label = fields.CharField(max_length=100)
    api_name = fields.CharField(max_length=100)
    data_type = fields.CharEnumField(CustomFieldType, max_length=12)
    options: list[str] = fields.JSONField(default=list)

    class Meta:
        table = "custom_field"
        unique_together = (("org", "api_name"),)


class CustomerCrmAlias(TimestampedModel):
    """A CRM record merged into a customer linked to another record of the same module (a
    duplicate inside the CRM, duplicate policy OVERWRITE): deals and contacts that name it
    belong to that customer."""

    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="customer_crm_aliases", on_delete=fields.CASCADE
    )
    org_id: int
    customer: fields.ForeignKeyRelation[Customer] = fields.ForeignKeyField(
        "models.Customer", related_name="crm_aliases", on_delete=fields.CASCADE
    )
    customer_id: int
    crm_module = fields.CharEnumField(CrmModule, max_length=16)
    crm_id = fields.CharField(max_length=64)

    class Meta:
        table = "customer_crm_alias"
        unique_together = (("org", "crm_module", "crm_id"),)


class ContactPerson(TimestampedModel):
    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="contact_persons", on_delete=fields.CASCADE
    )
    org_id: int
    customer: fields.ForeignKeyRelation[Customer] = fields.ForeignKeyField(
        "models.Customer", related_name="contact_persons", on_delete=fields.CASCADE
    )
    customer_id: int
    first_name = fields.CharField(max_length=100, default="")
    last_name = fields.CharField(max_length=100)
    email = fields.CharField(max_length=254, null=True)
    phone = fields.CharField(max_length=50, null=True)
    is_primary = fields.BooleanField(default=False)
    # Removed persons are deactivated, not deleted: expenses may name them as attendees.
    is_active = fields.BooleanField(default=True)
    crm_id = fields.CharField(max_length=64, null=True)

    class Meta:
        table = "contact_person"
        unique_together = (("org", "crm_id"),)


class Potential(TimestampedModel):
    """A CRM deal. It belongs to an account customer, a contact customer, or both."""

    org: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "models.Organization", related_name="potentials", on_delete=fields.CASCADE
    )
    org_id: int
    name = fields.CharField(max_length=255)
    customer: fields.ForeignKeyNullableRelation[Customer] = fields.ForeignKeyField(
        "models.Customer", related_name="potentials", null=True, on_delete=fields.RESTRICT
    )
    customer_id: int | None
    contact_customer: fields.ForeignKeyNullableRelation[Customer] = fields.ForeignKeyField(
        "models.Customer", related_name="contact_potentials", null=True, on_delete=fields.RESTRICT
    )
    contact_customer_id: int | None
    stage = fields.CharField(max_length=100, default="")
    state = fields.CharEnumField(PotentialState, max_length=8, default=PotentialState.OPEN)
    amount_minor = fields.BigIntField(null=True)
    currency = fields.CharField(max_length=3, null=True)
    closing_date: date | None = fields.DateField(null=True)
    owner_crm_user_id = fields.CharField(max_length=64, null=True)
    is_active = fields.BooleanField(default=True)
    crm_id = fields.CharField(max_length=64, null=True)
    # The deal's account and contact in the CRM: kept so links resolve whichever syncs first.
    crm_account_id = fields.CharField(max_length=64, null=True)
    crm_contact_id = fields.CharField(max_length=64, null=True)

    class Meta:
        table = "potential"
        unique_together = (("org", "crm_id"),)
