"""Search in CRM: contacts by first and last name, accounts by account name (each with its
contacts, read through the related-records API). Names match by prefix, case-insensitively.

An empty answer is a normal answer: the CRM indexes new records with a delay, so a record
created a moment ago may not be found yet.
"""

from __future__ import annotations

from dataclasses import dataclass

from sync.crm.criteria import Criteria, Criterion, all_of
from sync.crm.dto import CrmRecord
from sync.crm.protocol import CrmClient
from sync.engine.mapping import lookup_id, normal_email, text

CONTACT_FIELDS = ("First_Name", "Last_Name", "Email", "Account_Name")
ACCOUNT_FIELDS = ("Account_Name", "Phone", "Website")
MAX_RESULTS = 25
MAX_CONTACTS_PER_ACCOUNT = 20


@dataclass(frozen=True, slots=True)
class FoundContact:
    crm_id: str
    first_name: str
    last_name: str
    email: str | None
    account_crm_id: str | None
    account_name: str | None

    @classmethod
    def of(cls, record: CrmRecord) -> FoundContact:
        account = record.get("Account_Name")
        account_name = account.get("name") if isinstance(account, dict) else None
        return cls(
            crm_id=record.id, first_name=text(record.get("First_Name"), 100) or "",
            last_name=text(record.get("Last_Name"), 100) or "",
            email=normal_email(text(record.get("Email"), 254)),
            account_crm_id=lookup_id(account), account_name=text(account_name, 200),
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class FoundAccount:
    crm_id: str
    name: str
    phone: str | None
    website: str | None
    contacts: tuple[FoundContact, ...]


def contact_criteria(first_name: str | None, last_name: str | None) -> Criteria:
    parts = [
        Criterion(name, "starts_with", value.strip())
        for name, value in (("First_Name", first_name), ("Last_Name", last_name))
        if value and value.strip()
    ]
    if not parts:
        raise ValueError("give a first or a last name")
    return parts[0] if len(parts) == 1 else all_of(*parts)


async def search_contacts(
    client: CrmClient, first_name: str | None, last_name: str | None, limit: int
) -> list[FoundContact]:
    found: list[FoundContact] = []
    results = client.search(
        "Contacts", criteria=contact_criteria(first_name, last_name), fields=CONTACT_FIELDS
    )
    async for record in results:
        found.append(FoundContact.of(record))
        if len(found) >= limit:
            break
    return found


async def search_accounts(client: CrmClient, name: str, limit: int) -> list[FoundAccount]:
    records: list[CrmRecord] = []
    results = client.search(
        "Accounts", criteria=Criterion("Account_Name", "starts_with", name.strip()),
        fields=ACCOUNT_FIELDS,
    )  # fmt: skip
    async for record in results:
        records.append(record)
        if len(records) >= limit:
            break
    accounts = []
    for record in records:
        contacts: list[FoundContact] = []
        async for contact in client.iter_related("Accounts", record.id, "Contacts", CONTACT_FIELDS):
            contacts.append(FoundContact.of(contact))
            if len(contacts) >= MAX_CONTACTS_PER_ACCOUNT:
                break
        accounts.append(
            FoundAccount(
                crm_id=record.id,
                name=text(record.get("Account_Name"), 200) or "",
                phone=text(record.get("Phone"), 50),
                website=text(record.get("Website"), 255),
                contacts=tuple(contacts),
            )
        )
    return accounts
