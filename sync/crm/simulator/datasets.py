"""Deterministic datasets: the same seed and knobs always give the same store, byte for byte.

Knobs model what a real org contains: contacts without an account, near-duplicate account names
("Acme Ltd" / "Acme Limited"), contacts sharing an e-mail, non-ASCII names, deals in every stage
(Closed Lost included), a ``Zoho_Expense`` checkbox, and an optional multi-currency org.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

from sync.crm.simulator.datasets_org import CURRENCIES, currency_rows, org_row
from sync.crm.simulator.meta import DEAL_STAGES, build_modules, stable_id
from sync.crm.simulator.store import CrmStore
from sync.crm.simulator.views import default_views

DATASET_NOW = datetime(2026, 1, 5, 4, 30, tzinfo=UTC)

FIRST = (
    "James",
    "Mary",
    "Robert",
    "Patricia",
    "Michael",
    "Linda",
    "David",
    "Susan",
    "Daniel",
    "Karen",
    "Priya",
    "Arjun",
    "Wei",
    "Mei",
    "Omar",
    "Fatima",
    "Lars",
    "Ingrid",
    "Kofi",
    "Ama",
)
LAST = (
    "Smith",
    "Johnson",
    "Brown",
    "Garcia",
    "Miller",
    "Davis",
    "Patel",
    "Sharma",
    "Chen",
    "Wang",
    "Hassan",
    "Ali",
    "Larsen",
    "Nielsen",
    "Mensah",
    "Owusu",
    "Burns",
    "Boyle",
)
FIRST_NON_ASCII = (
    "José",
    "Zoë",
    "Søren",
    "Łukasz",
    "Chloé",
    "Jürgen",
    "Ayşe",
    "Björn",
    "太郎",
    "Дмитрий",
)
LAST_NON_ASCII = (
    "Müller",
    "Ødegaard",
    "Núñez",
    "Wójcik",
    "Çelik",
    "García",
    "山田",
    "Иванов",
    "Dvořák",
    "Ångström",
)
WORDS = (
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Stark",
    "Wayne",
    "Hooli",
    "Vandelay",
    "Soylent",
    "Tyrell",
    "Cyberdyne",
    "Wonka",
    "Gringotts",
    "Oscorp",
    "Aperture",
    "Monarch",
    "Pied Piper",
    "Dunder",
    "Sterling",
    "Massive",
)
SUFFIXES = ("Ltd", "Inc", "GmbH", "LLC", "Corp", "Group", "Holdings", "Partners")
NEAR_DUPLICATE = {
    "Ltd": "Limited",
    "Inc": "Inc.",
    "GmbH": "G.m.b.H.",
    "LLC": "L.L.C.",
    "Corp": "Corporation",
    "Group": "Grp",
    "Holdings": "Hldgs",
    "Partners": "& Co",
}
NON_ASCII_COMPANIES = (
    "Société Générale d'Ingénierie",
    "Müller & Söhne",
    "Łódź Logistyka",
    "東京トレーディング",
    "Ærø Fiskeri",
    "Café Olé",
)
CITIES = ("Chennai", "Austin", "London", "Berlin", "Paris", "Tokyo", "São Paulo", "Zürich")


def _user(index: int, rng: random.Random, now: datetime, admin_id: str) -> dict[str, Any]:
    first, last = FIRST[index % len(FIRST)], LAST[(index * 7) % len(LAST)]
    status = "active"
    if index > 1 and index % 10 == 0:
        status = "inactive"
    if index > 1 and index % 23 == 0:
        status = "deleted"
    user_id = stable_id("user", index + 1)
    created = now - timedelta(days=400 - index, hours=rng.randint(0, 23))
    admin = index == 0
    return {
        "id": user_id,
        "zuid": str(60_000_000 + index),
        "first_name": first,
        "last_name": last,
        "full_name": f"{first} {last}",
        "alias": None,
        "email": f"{first.lower()}.{last.lower()}{index}@spendsync-demo.test",
        "status": status,
        "confirm": index % 12 != 11,
        "type__s": "Regular User",
        "role": {"name": "CEO" if admin else "Manager", "id": stable_id("role", 1 if admin else 2)},
        "profile": {
            "name": "Administrator" if admin else "Standard",
            "id": stable_id("profile", 1 if admin else 2),
        },
        "time_zone": "Asia/Kolkata" if index % 3 == 0 else "America/Los_Angeles",
        "locale": "en_US",
        "language": "en_US",
        "country_locale": "en_US",
        "country": "IN" if index % 3 == 0 else "US",
        "date_format": "MMM d, yyyy",
        "time_format": "hh:mm a",
        "decimal_separator": "Period",
        "number_separator": "Space",
        "name_format__s": "Salutation,First Name,Last Name",
        "sort_order_preference__s": "First Name,Last Name",
        "Isonline": False,
        "microsoft": False,
        "personal_account": False,
        "sandboxDeveloper": False,
        "status_reason__s": None,
        "phone": None,
        "mobile": None,
        "Reporting_To": None if admin else admin_id,
        "created_by": admin_id,
        "created_time": created,
        "Modified_By": admin_id,
        "Modified_Time": created + timedelta(days=rng.randint(0, 30)),
    }


def generate(
    *,
    seed: int = 1,
    accounts: int = 300,
    contacts: int = 900,
    deals: int = 400,
    users: int = 25,
    multi_currency: bool = False,
    contacts_without_account: float = 0.15,
    near_duplicates: float = 0.05,
    shared_emails: float = 0.03,
    non_ascii: float = 0.1,
    zoho_expense: float = 0.3,
    now: datetime = DATASET_NOW,
) -> CrmStore:
    """Build a store; ``now`` is the latest Created/Modified time in the data."""
    rng = random.Random(seed)  # noqa: S311 - reproducible data, not secrets
    admin_id = stable_id("user", 1)
    user_rows = [_user(i, rng, now, admin_id) for i in range(max(users, 1))]
    owners = [u["id"] for u in user_rows if u["status"] == "active"]
    iso = tuple(c[0] for c in CURRENCIES) if multi_currency else ("USD",)
    modules = build_modules(multi_currency, iso)
    module_ids = {name: stable_id("module", i + 1) for i, name in enumerate(modules)}
    counter = 0
    field_ids: dict[str, dict[str, str]] = {}
    for name, module in modules.items():
        field_ids[name] = {}
        for fdef in module.fields:
            counter += 1
            field_ids[name][fdef.api_name] = stable_id("field", counter)
    org = org_row(multi_currency, now)
    currencies = currency_rows(multi_currency, now, admin_id)
    admin_ref = {"name": user_rows[0]["full_name"], "id": admin_id}
    views = default_views(modules, module_ids, field_ids, admin_ref, now - timedelta(days=300))
    store = CrmStore(
        org=org,
        users=user_rows,
        currencies=currencies,
        modules=modules,
        views=views,
        module_ids=module_ids,
        field_ids=field_ids,
        seed=seed,
    )

    def stamps(count: int) -> list[tuple[datetime, datetime]]:
        created = sorted(
            now - timedelta(seconds=rng.randint(3600, 365 * 86400)) for _ in range(count)
        )
        out = []
        for moment in created:
            span = int((now - moment).total_seconds())
            out.append((moment, moment + timedelta(seconds=rng.randint(0, span))))
        return out

    def base(created: datetime, modified: datetime) -> dict[str, Any]:
        owner = owners[rng.randrange(len(owners))]
        row: dict[str, Any] = {
            "Owner": owner,
            "Created_By": admin_id,
            "Modified_By": owner,
            "Created_Time": created,
            "Modified_Time": modified,
            "Zoho_Expense": rng.random() < zoho_expense,
        }
        if multi_currency:
            code = iso[rng.randrange(len(iso))]
            row["Currency"] = code
            row["Exchange_Rate"] = float(next(c[3] for c in CURRENCIES if c[0] == code))
        return row

    account_ids: list[str] = []
    taken: set[str] = set()
    for index, (created, modified) in enumerate(stamps(accounts)):
        word, suffix = WORDS[index % len(WORDS)], SUFFIXES[(index // len(WORDS)) % len(SUFFIXES)]
        name = f"{word} {suffix}"
        if rng.random() < non_ascii:
            name = NON_ASCII_COMPANIES[rng.randrange(len(NON_ASCII_COMPANIES))]
        elif index and rng.random() < near_duplicates:
            name = f"{word} {NEAR_DUPLICATE[suffix]}"
        unique_name, n = name, 1
        while unique_name.casefold() in taken:
            n += 1
            unique_name = f"{name} {n}"
        taken.add(unique_name.casefold())
        row = base(created, modified) | {
            "Account_Name": unique_name,
            "Account_Number": str(10_000 + index),
            "Account_Type": ("Customer", "Prospect", "Partner", "Reseller")[index % 4],
            "Industry": ("Technology", "Retail", "Consulting", "Manufacturing")[rng.randrange(4)],
            "Annual_Revenue": float(rng.randrange(50_000, 50_000_000, 1000)),
            "Employees": rng.randrange(1, 5000),
            "Phone": f"+1 555 {rng.randrange(1000, 9999)}",
            "Website": f"https://{word.lower().replace(' ', '')}{index}.example",
            "Billing_Street": f"{rng.randrange(1, 999)} Main Street",
            "Billing_City": CITIES[rng.randrange(len(CITIES))],
            "Billing_Code": str(rng.randrange(10000, 99999)),
            "Billing_Country": "United States",
            "Parent_Account": None,
            "Description": None,
        }
        account_ids.append(store.add("Accounts", row)["id"])

    contact_ids: list[str] = []
    contacts_of: dict[str, list[str]] = {}
    emails: list[str] = []
    for index, (created, modified) in enumerate(stamps(contacts)):
        if rng.random() < non_ascii:
            first = FIRST_NON_ASCII[rng.randrange(len(FIRST_NON_ASCII))]
            last = LAST_NON_ASCII[rng.randrange(len(LAST_NON_ASCII))]
        else:
            first, last = FIRST[rng.randrange(len(FIRST))], LAST[rng.randrange(len(LAST))]
        email = f"{first.lower()}.{last.lower()}.{index}@example.test"
        if emails and rng.random() < shared_emails:
            email = emails[rng.randrange(len(emails))]
        emails.append(email)
        account = None
        if account_ids and rng.random() >= contacts_without_account:
            account = account_ids[rng.randrange(len(account_ids))]
        row = base(created, modified) | {
            "First_Name": first,
            "Last_Name": last,
            "Email": email,
            "Secondary_Email": None,
            "Phone": f"+1 555 {rng.randrange(1000, 9999)}",
            "Mobile": None,
            "Title": ("CFO", "Sales Manager", "Engineer", None)[index % 4],
            "Department": None,
            "Account_Name": account,
            "Lead_Source": ("Cold Call", "Partner", "Web Download", None)[index % 4],
            "Date_of_Birth": None,
            "Email_Opt_Out": index % 17 == 0,
            "Mailing_City": CITIES[rng.randrange(len(CITIES))],
            "Mailing_Zip": None,
            "Mailing_Country": None,
            "Description": None,
        }
        contact_id = store.add("Contacts", row)["id"]
        contact_ids.append(contact_id)
        if account:
            contacts_of.setdefault(account, []).append(contact_id)

    for index, (created, modified) in enumerate(stamps(deals)):
        stage, probability, _ = (
            DEAL_STAGES[index % len(DEAL_STAGES)]
            if index < len(DEAL_STAGES)
            else DEAL_STAGES[rng.randrange(len(DEAL_STAGES))]
        )
        account = account_ids[rng.randrange(len(account_ids))] if account_ids else None
        people = contacts_of.get(account or "", [])
        row = base(created, modified) | {
            "Deal_Name": f"Deal {index + 1:05d} {WORDS[rng.randrange(len(WORDS))]}",
            "Stage": stage,
            "Pipeline": "Standard (Standard)",
            "Amount": float(rng.randrange(500, 250_000, 50)),
            "Closing_Date": (created + timedelta(days=rng.randint(10, 180))).date().isoformat(),
            "Account_Name": account,
            "Contact_Name": people[rng.randrange(len(people))] if people else None,
            "Probability": probability,
            "Type": ("New Business", "Existing Business")[index % 2],
            "Lead_Source": None,
            "Next_Step": None,
            "Reason_For_Loss__s": "Price"
            if stage.startswith("Closed") and probability == 0
            else None,
            "Description": None,
        }
        store.add("Deals", row)
    return store
