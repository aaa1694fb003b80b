"""Fetch-on-choose: a CRM account or contact picked from a search becomes a linked customer,
written exactly as the customer sync writes it (the same mapping and the same local writers).

* An account → a BUSINESS customer (not in CONTACTS mode: there, customers are contacts).
* A contact in CONTACTS mode → an INDIVIDUAL customer.
* A contact in ACCOUNTS_AND_CONTACTS mode → its account's customer (the account is fetched
  too), the contact becoming a contact person of it; a contact without an account becomes an
  INDIVIDUAL customer (the user chose it, so the orphan-contacts setting does not hold it back).
* A contact in ACCOUNTS mode → its account's customer; without an account it cannot be one.

With the SKIP duplicate policy a record matching an unlinked local customer leaves that
customer unlinked, as a sync would; the choice then returns that local customer.
"""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from orm import models
from sync.crm.dto import CrmRecord, parse_datetime
from sync.crm.protocol import CrmClient
from sync.engine import fieldmap, local, mapping
from sync.engine.runner import field_maps

MODULES = {"Accounts": models.CrmModule.ACCOUNTS, "Contacts": models.CrmModule.CONTACTS}


class ChooseProblem(Exception):
    """The chosen record cannot become a customer; ``code`` is an ErrorCode value."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class Chooser:
    client: CrmClient
    integration: models.Integration

    async def choose(self, module: str, crm_id: str) -> models.Customer:
        mode = self.integration.customer_module
        if module == "Accounts":
            if mode is models.CustomerModule.CONTACTS:
                raise ChooseProblem(
                    "Customers come from CRM contacts here: choose one of the account's contacts.",
                    "INVALID",
                )
            return await self._account(await self._fetch("Accounts", crm_id))
        contact = await self._fetch("Contacts", crm_id)
        if mode is models.CustomerModule.CONTACTS:
            return await self._write("Contacts", contact)
        account_id = mapping.lookup_id(contact.get("Account_Name"))
        if account_id is None:
            if mode is models.CustomerModule.ACCOUNTS:
                raise ChooseProblem(
                    "This contact has no account, and customers come from CRM accounts here.",
                    "INVALID",
                )
            return await self._write("Contacts", contact)
        customer = await self._account(await self._fetch("Accounts", account_id))
        if mode is models.CustomerModule.ACCOUNTS_AND_CONTACTS and customer.crm_id == account_id:
            person = mapping.person_values(contact, field_maps(self.integration)["Contacts"])
            async with in_transaction() as conn:
                await local.write_persons(
                    conn, self.integration.org_id, [(contact.id, account_id, person)],
                    local.Tally(),
                )  # fmt: skip
        return customer

    async def _fetch(self, module: str, crm_id: str) -> CrmRecord:
        fields = fieldmap.request_fields(module, field_maps(self.integration)[module])
        record = (
            await self.client.get_record(module, crm_id, fields=fields)
            if crm_id.isdigit()
            else None
        )
        if record is None:
            raise ChooseProblem(f"The CRM has no such {module[:-1].lower()}.", "NOT_FOUND")
        return record

    async def _account(self, record: CrmRecord) -> models.Customer:
        return await self._write("Accounts", record)

    async def _write(self, module: str, record: CrmRecord) -> models.Customer:
        """Map and write one record as the sync does; returns the customer it became."""
        org_id = self.integration.org_id
        field_map = field_maps(self.integration)[module]
        types = {f.api_name: f.data_type for f in await models.CustomField.filter(org_id=org_id)}
        try:
            values = (
                mapping.account_values(record, field_map)
                if module == "Accounts"
                else mapping.contact_values(record, field_map)
            )
        except mapping.MappingError as exc:
            raise ChooseProblem(f"Spendsync cannot use this record: {exc}.", "INVALID") from exc
        item = local.CustomerItem(
            record.id, values, record.modified_time,
            mapping.custom_values(record, field_map, types),
            parse_datetime(record.get("Created_Time")),
        )  # fmt: skip
        kind = (
            models.CustomerType.BUSINESS if module == "Accounts" else models.CustomerType.INDIVIDUAL
        )
        crm_module = MODULES[module]
        index = await local.DuplicateIndex.load(org_id, kind)
        try:
            async with in_transaction() as conn:
                await local.write_customers(
                    conn, org_id, crm_module, [item], self.integration.duplicate_policy, index,
                    local.Tally(), self.integration.conflict_policy,
                )  # fmt: skip
        except IntegrityError:
            pass  # a sync (or another choice) linked the record meanwhile: that row is the one
        linked = await models.Customer.get_or_none(
            org_id=org_id, crm_module=crm_module, crm_id=record.id
        )
        if linked is not None:
            return linked
        # SKIP: the local duplicate stays, unlinked (the index holds plain rows)
        return await models.Customer.get(id=index.matches(values)[0]["id"])
