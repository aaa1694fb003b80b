"""Inputs naming a record by Spendsync or CRM id."""

from __future__ import annotations

import strawberry

from gql.customers.types import CrmModule


@strawberry.input(description="A record of the CRM: its module and its CRM record id.")
class CrmRecordInput:
    module: CrmModule = strawberry.field(description="The CRM module: Accounts, Contacts or Deals.")  # type: ignore[valid-type]
    id: str = strawberry.field(description="The CRM's record id, e.g. 4150868000000224011.")


@strawberry.input(
    one_of=True,
    description="Exactly one of: a Spendsync customer id, a Spendsync potential id, or a CRM "
    "module with a CRM record id.",
)
class RecordInput:
    customer_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="A Spendsync customer's opaque id."
    )
    potential_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="A Spendsync potential's opaque id."
    )
    crm: CrmRecordInput | None = strawberry.field(
        default=strawberry.UNSET, description="A Zoho CRM account, contact or deal."
    )
