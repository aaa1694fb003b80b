"""Two-way sync: customers created or changed in Spendsync are pushed to the CRM.

BUSINESS customers go to Accounts, INDIVIDUAL ones to Contacts. The duplicate policy decides
before anything is written, so the CRM's data never changes by a push the policy forbids:

* a customer a fetch found duplicating a CRM record under SKIP (``crm_duplicate_of``) is not
  pushed: it is unmarked and the reason recorded;
* every other new customer is INSERTED (batches of at most 100, ``trigger: []``), never
  upserted: an upsert matches on the CRM's duplicate-check fields and can land on an existing
  record, overwriting it. A clone (CLONE) therefore becomes a new CRM record, or is refused by
  the CRM's own duplicate check.

Linked ones are updated one by one with ``If-Unmodified-Since`` (the CRM's time when they last
matched), so a record changed in both places since the last sync is a conflict: CRM_WINS
fetches the CRM's version, SPENDSYNC_WINS sends the local one again without the condition.
A write the CRM refuses (or answers with a record another customer is linked to) leaves the
customer unmarked with the reason recorded, so no later run repeats it; editing the customer
again marks it again. Requests happen outside transactions; each batch's results are written
in one short one, and a row edited again meanwhile stays marked for the next push.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from orm import models
from sync.crm.dto import CrmRecord, WriteResult, parse_datetime
from sync.crm.errors import CrmConflict
from sync.crm.protocol import CrmClient
from sync.engine import fieldmap, mapping

BATCH = 100
TARGETS = (
    (models.CustomerType.BUSINESS, models.CrmModule.ACCOUNTS, "Accounts"),
    (models.CustomerType.INDIVIDUAL, models.CrmModule.CONTACTS, "Contacts"),
)


def _remote_custom(value: Any, kind: models.CustomFieldType) -> Any:
    """A stored custom value as the CRM field takes it (numbers as numbers)."""
    if value is None or kind is not models.CustomFieldType.NUMBER:
        return value
    number = Decimal(str(value))
    return int(number) if number == number.to_integral_value() else float(number)


def to_remote(
    customer: models.Customer,
    field_map: Mapping[str, str],
    custom_types: Mapping[str, models.CustomFieldType],
) -> dict[str, Any]:
    """The customer under the CRM fields of the integration's mapping: the inverse of the
    fetch, so whatever the mapping reads (addresses, mobile, currency, custom fields) is
    written back the same way. A contact's name splits at its last space."""
    first, _, last = customer.name.rpartition(" ")
    local: dict[str, Any] = {
        "name": customer.name, "first_name": first or None, "last_name": last or customer.name,
        "email": customer.email, "phone": customer.phone, "website": customer.website,
        **{target: getattr(customer, target) for target in fieldmap.EXTRA_LIMITS},
    }  # fmt: skip
    custom = customer.custom_values or {}
    remote: dict[str, Any] = {}
    for target, crm_field in field_map.items():
        if target.startswith(fieldmap.CUSTOM_PREFIX):
            api_name = target[len(fieldmap.CUSTOM_PREFIX) :]
            kind = custom_types.get(api_name)
            if kind is not None and api_name in custom:
                remote[crm_field] = _remote_custom(custom[api_name], kind)
        elif target in local and not (target == "currency" and local[target] is None):
            remote[crm_field] = local[target]
    return remote


class Pusher:
    def __init__(
        self, client: CrmClient, integration: models.Integration, run: models.SyncRun
    ) -> None:
        self.client = client
        self.integration = integration
        self.run = run
        self.org_id = integration.org_id
        self.maps = {
            "Accounts": fieldmap.effective("Accounts", integration.account_field_map),
            "Contacts": fieldmap.effective("Contacts", integration.contact_field_map),
        }
        self.custom_types: dict[str, models.CustomFieldType] = {}

    def _remote(self, module: str, customer: models.Customer) -> dict[str, Any]:
        return to_remote(customer, self.maps[module], self.custom_types)

    async def execute(self) -> None:
        self.custom_types = {
            f.api_name: f.data_type for f in await models.CustomField.filter(org_id=self.org_id)
        }
        skip = self.integration.duplicate_policy is models.DuplicatePolicy.SKIP
        for kind, crm_module, module in TARGETS:
            after = 0
            while True:
                batch = (
                    await models.Customer.filter(
                        org_id=self.org_id, type=kind, sync_dirty=True, id__gt=after
                    )
                    .order_by("id")
                    .limit(BATCH)
                )
                if not batch:
                    break
                after = batch[-1].id
                new = [c for c in batch if c.crm_id is None]
                held = [c for c in new if skip and c.crm_duplicate_of]
                if held:
                    await self._hold_back(module, held)
                new = [c for c in new if not (skip and c.crm_duplicate_of)]
                if new:
                    results = await self.client.insert(
                        module, [self._remote(module, c) for c in new], trigger=[]
                    )
                    await self._record(crm_module, module, list(zip(new, results, strict=True)))
                for customer in (c for c in batch if c.crm_id is not None):
                    await self._update(crm_module, module, customer)

    async def _hold_back(self, module: str, customers: list[models.Customer]) -> None:
        """SKIP: a local duplicate of a CRM record is not synced; it stays unlinked here."""
        async with in_transaction() as conn:
            for customer in customers:
                await models.SyncRecordError.create(
                    org_id=self.org_id, run_id=self.run.id, module=module,
                    crm_id=f"local:{customer.id}",
                    message=(
                        f"SKIPPED: a duplicate of the CRM record {customer.crm_duplicate_of}; "
                        "not pushed (duplicate policy SKIP)."
                    ),
                    using_db=conn,
                )  # fmt: skip
                await self._unmark(conn, customer)
            await (
                models.SyncRun.filter(id=self.run.id)
                .using_db(conn)
                .update(skipped=F("skipped") + len(customers))
            )

    @staticmethod
    async def _unmark(conn: BaseDBAsyncClient, customer: models.Customer) -> None:
        """Not pushed again until it is edited again (an edit made meanwhile keeps the mark)."""
        await (
            models.Customer.filter(id=customer.id, updated_at=customer.updated_at)
            .using_db(conn)
            .update(sync_dirty=False)
        )

    async def _update(
        self, crm_module: models.CrmModule, module: str, customer: models.Customer
    ) -> None:
        record = self._remote(module, customer) | {"id": customer.crm_id}
        crm_wins = self.integration.conflict_policy is models.ConflictPolicy.CRM_WINS
        try:
            results = await self.client.update(
                module, [record], trigger=[],
                unmodified_since=customer.crm_modified_at if crm_wins else None,
            )  # fmt: skip
        except CrmConflict:
            await self._conflict(crm_module, module, customer)
            return
        await self._record(crm_module, module, [(customer, results[0])])

    async def _conflict(
        self, crm_module: models.CrmModule, module: str, customer: models.Customer
    ) -> None:
        """CRM_WINS: the CRM's version replaces the local change."""
        field_map = self.maps[module]
        fields = fieldmap.request_fields(module, field_map)
        remote = await self.client.get_record(module, customer.crm_id or "", fields=fields)
        async with in_transaction() as conn:
            if remote is not None:
                values = _values(module, remote, field_map)
                custom = mapping.custom_values(remote, field_map, self.custom_types)
                if custom:
                    values["custom_values"] = {**(customer.custom_values or {}), **custom}
                await (
                    models.Customer.filter(id=customer.id, updated_at=customer.updated_at)
                    .using_db(conn)
                    .update(**values, crm_modified_at=remote.modified_time, sync_dirty=False)
                )
            await models.SyncRecordError.create(
                org_id=self.org_id, run_id=self.run.id, module=module, crm_id=customer.crm_id or "",
                message="CONFLICT: changed in both places; the CRM's version kept", using_db=conn,
            )  # fmt: skip
            await (
                models.SyncRun.filter(id=self.run.id)
                .using_db(conn)
                .update(conflicts=F("conflicts") + 1)
            )

    async def _record(
        self,
        crm_module: models.CrmModule,
        module: str,
        outcomes: list[tuple[models.Customer, WriteResult]],
    ) -> None:
        pushed = failed = 0
        async with in_transaction() as conn:
            for customer, result in outcomes:
                refusal = None
                if not result.ok or result.id is None:
                    refusal = f"The CRM refused the push: {_reason(result)}"
                elif customer.crm_id is not None and result.id != customer.crm_id:
                    refusal = f"The CRM answered with another record ({result.id})."
                elif (
                    customer.crm_id is None
                    and await models.Customer.filter(
                        org_id=self.org_id, crm_module=crm_module, crm_id=result.id
                    )
                    .exclude(id=customer.id)
                    .using_db(conn)
                    .exists()
                ):  # an insert never lands on an existing record; a CRM that says so is refused
                    refusal = (
                        f"The CRM answered with the record {result.id}, already linked to "
                        "another customer."
                    )
                if refusal is not None:
                    failed += 1
                    await models.SyncRecordError.create(
                        org_id=self.org_id, run_id=self.run.id, module=module,
                        crm_id=customer.crm_id or f"local:{customer.id}", message=refusal,
                        using_db=conn,
                    )  # fmt: skip
                    await self._unmark(conn, customer)
                    continue
                if customer.crm_id is None:  # the new CRM record is linked in any case
                    created = parse_datetime(result.details.get("Created_Time"))
                    await (
                        models.Customer.filter(id=customer.id, crm_id__isnull=True)
                        .using_db(conn)
                        .update(
                            crm_module=crm_module, crm_id=result.id, crm_created_at=created,
                            crm_modified_at=result.modified_time, crm_duplicate_of=None,
                        )
                    )  # fmt: skip
                # unchanged since it was read: otherwise it stays marked for the next push
                await (
                    models.Customer.filter(id=customer.id, updated_at=customer.updated_at)
                    .using_db(conn)
                    .update(
                        sync_dirty=False,
                        crm_modified_at=result.modified_time or customer.crm_modified_at,
                    )
                )
                pushed += 1
            await (
                models.SyncRun.filter(id=self.run.id)
                .using_db(conn)
                .update(pushed=F("pushed") + pushed, failed=F("failed") + failed)
            )


def _reason(result: WriteResult) -> str:
    """The CRM's refusal in words, naming the record a duplicate check found."""
    reason = result.message or result.code
    duplicate = result.details.get("duplicate_record")
    if result.code == "DUPLICATE_DATA" and isinstance(duplicate, Mapping):
        field = result.details.get("api_name")
        reason = f"{reason} ({result.code}: {field} matches the CRM record {duplicate.get('id')})"
    elif result.code and result.code not in reason:
        reason = f"{reason} ({result.code})"
    return reason


def _values(module: str, record: CrmRecord, field_map: dict[str, str]) -> dict[str, Any]:
    values = (
        mapping.account_values(record, field_map)
        if module == "Accounts"
        else mapping.contact_values(record, field_map)
    )
    return values.as_dict()
