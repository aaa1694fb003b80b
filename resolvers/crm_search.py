"""Search in CRM and fetch-on-choose, for any member of the organisation (docs/SYNC.md,
"Search in CRM"): results say which customer they are already linked to; choosing one makes
it a linked customer through the sync's own mapping and writers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from orm import models
from resolvers.crm_users import CrmUnavailable
from resolvers.errors import ErrorCode, MutationResult
from resolvers.viewer import Viewer
from sync.api import MAX_SEARCH_RESULTS, ChooseProblem, CrmError, FoundAccount, FoundContact
from sync.service import SyncService

MAX_NAME = 100


async def _connected(viewer: Viewer) -> models.Integration:
    integration = await models.Integration.get_or_none(org_id=viewer.org_id)
    if integration is None or integration.state is not models.IntegrationState.CONNECTED:
        raise CrmUnavailable("The CRM is not connected.", ErrorCode.NOT_CONNECTED)
    return integration


@dataclass(frozen=True)
class Links:
    """Customers already linked to CRM accounts and contacts (contacts of ACCOUNTS_AND_CONTACTS
    are linked through the contact person of their account's customer)."""

    accounts: dict[str, models.Customer]
    contacts: dict[str, models.Customer]

    @classmethod
    async def load(
        cls, org_id: int, account_ids: Iterable[str], contact_ids: Iterable[str]
    ) -> Links:
        accounts = {
            str(c.crm_id): c
            for c in await models.Customer.filter(
                org_id=org_id, crm_module=models.CrmModule.ACCOUNTS, crm_id__in=list(account_ids)
            )
        }
        wanted = list(contact_ids)
        contacts = {
            str(c.crm_id): c
            for c in await models.Customer.filter(
                org_id=org_id, crm_module=models.CrmModule.CONTACTS, crm_id__in=wanted
            )
        }
        persons = await models.ContactPerson.filter(
            org_id=org_id, crm_id__in=wanted, is_active=True
        ).prefetch_related("customer")
        for person in persons:
            contacts.setdefault(str(person.crm_id), person.customer)
        return cls(accounts, contacts)

    def contact(self, found: FoundContact, mode: models.CustomerModule) -> models.Customer | None:
        """The customer choosing this contact would give, if it exists already (in ACCOUNTS
        mode, its account's customer)."""
        if mode is models.CustomerModule.ACCOUNTS:
            return self.accounts.get(found.account_crm_id) if found.account_crm_id else None
        return self.contacts.get(found.crm_id)


@dataclass(frozen=True)
class ContactHit:
    contact: FoundContact
    customer: models.Customer | None


@dataclass(frozen=True)
class AccountHit:
    account: FoundAccount
    customer: models.Customer | None
    contacts: list[ContactHit]


def _limit(limit: int) -> int:
    return min(max(limit, 1), MAX_SEARCH_RESULTS)


def _clean(value: str | None, name: str) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value.strip()) > MAX_NAME:
        raise CrmUnavailable(f"The {name} is too long (at most {MAX_NAME}).", ErrorCode.TOO_LONG)
    return value.strip()


async def search_contacts(
    viewer: Viewer, service: SyncService, first_name: str | None, last_name: str | None,
    limit: int,
) -> list[ContactHit]:  # fmt: skip
    first, last = _clean(first_name, "first name"), _clean(last_name, "last name")
    if first is None and last is None:
        raise CrmUnavailable("Give a first or a last name.", ErrorCode.REQUIRED)
    integration = await _connected(viewer)
    try:
        found = await service.search_contacts(integration, first, last, _limit(limit))
    except CrmError as exc:
        raise CrmUnavailable(f"The CRM refused the search: {exc}", ErrorCode.CRM_REJECTED) from exc
    links = await Links.load(
        viewer.org_id, [c.account_crm_id for c in found if c.account_crm_id],
        [c.crm_id for c in found],
    )  # fmt: skip
    return [ContactHit(c, links.contact(c, integration.customer_module)) for c in found]


async def search_accounts(
    viewer: Viewer, service: SyncService, account_name: str, limit: int
) -> list[AccountHit]:
    name = _clean(account_name, "account name")
    if name is None:
        raise CrmUnavailable("Give an account name.", ErrorCode.REQUIRED)
    integration = await _connected(viewer)
    try:
        found = await service.search_accounts(integration, name, _limit(limit))
    except CrmError as exc:
        raise CrmUnavailable(f"The CRM refused the search: {exc}", ErrorCode.CRM_REJECTED) from exc
    links = await Links.load(
        viewer.org_id, [a.crm_id for a in found],
        [c.crm_id for a in found for c in a.contacts],
    )  # fmt: skip
    return [
        AccountHit(
            a,
            links.accounts.get(a.crm_id),
            [ContactHit(c, links.contact(c, integration.customer_module)) for c in a.contacts],
        )
        for a in found
    ]


async def choose(
    viewer: Viewer, service: SyncService, module: str, crm_id: str
) -> MutationResult[models.Customer]:
    """Fetch the record into Spendsync as a linked customer; choosing again returns the same
    customer (refreshed from the CRM)."""
    try:
        integration = await _connected(viewer)
    except CrmUnavailable as exc:
        return MutationResult.fail(None, str(exc), exc.code)
    try:
        customer = await service.choose(integration, module, crm_id.strip())
    except ChooseProblem as exc:
        return MutationResult.fail("crmId", str(exc), ErrorCode(exc.code))
    except CrmError as exc:
        return MutationResult.fail(None, f"The CRM refused: {exc}", ErrorCode.CRM_REJECTED)
    return MutationResult(customer)
