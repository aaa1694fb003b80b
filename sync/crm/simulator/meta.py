"""Module and field definitions: what ``settings/modules`` and ``settings/fields`` describe.

Field definitions also drive write validation (types, lengths, mandatory, unique) and the search
operators allowed per field type.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DEAL_STAGES: tuple[tuple[str, int, str], ...] = (
    ("Qualification", 10, "Open"),
    ("Needs Analysis", 20, "Open"),
    ("Value Proposition", 40, "Open"),
    ("Identify Decision Makers", 60, "Open"),
    ("Proposal/Price Quote", 75, "Open"),
    ("Negotiation/Review", 90, "Open"),
    ("Closed Won", 100, "Closed Won"),
    ("Closed Lost", 0, "Closed Lost"),
    ("Closed-Lost to Competition", 0, "Closed Lost"),
)

JSON_TYPES = {
    "text": "string",
    "textarea": "string",
    "email": "string",
    "phone": "string",
    "website": "string",
    "picklist": "string",
    "integer": "integer",
    "bigint": "string",
    "double": "double",
    "currency": "double",
    "percent": "double",
    "boolean": "boolean",
    "date": "string",
    "datetime": "string",
    "lookup": "jsonobject",
    "ownerlookup": "jsonobject",
    "userlookup": "jsonobject",
    "multiselectpicklist": "jsonarray",
}


@dataclass(frozen=True)
class FieldDef:
    api_name: str
    label: str
    data_type: str
    length: int = 255
    mandatory: bool = False
    unique: bool = False
    custom: bool = False
    read_only: bool = False
    picklist: tuple[str, ...] = ()
    restricted_picklist: bool = False
    lookup_module: str | None = None
    decimal_place: int | None = None

    @property
    def json_type(self) -> str:
        return JSON_TYPES.get(self.data_type, "string")


@dataclass(frozen=True)
class ModuleDef:
    api_name: str
    singular: str
    plural: str
    fields: tuple[FieldDef, ...]
    #: Default duplicate-check field for upsert (§10.3).
    duplicate_field: str
    display_field: str
    related_lists: tuple[tuple[str, str, str], ...] = ()  # (api_name, module, lookup field)
    by_name: dict[str, FieldDef] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {f.api_name: f for f in self.fields})


def _system_fields() -> tuple[FieldDef, ...]:
    return (
        FieldDef("Created_By", "Created By", "userlookup", read_only=True),
        FieldDef("Modified_By", "Modified By", "userlookup", read_only=True),
        FieldDef("Created_Time", "Created Time", "datetime", read_only=True),
        FieldDef("Modified_Time", "Modified Time", "datetime", read_only=True),
    )


def _currency_fields(multi_currency: bool) -> tuple[FieldDef, ...]:
    if not multi_currency:
        return ()
    return (
        FieldDef("Currency", "Currency", "picklist", length=3),
        FieldDef("Exchange_Rate", "Exchange Rate", "double", length=16, decimal_place=9),
    )


def build_modules(multi_currency: bool, currencies: tuple[str, ...]) -> dict[str, ModuleDef]:
    """The three synced modules with their standard fields and the ``Zoho_Expense`` checkbox."""
    expense = FieldDef("Zoho_Expense", "Zoho Expense", "boolean", length=5, custom=True)
    owner = FieldDef("Owner", "Account Owner", "ownerlookup")
    accounts = ModuleDef(
        "Accounts",
        "Account",
        "Accounts",
        (
            owner,
            FieldDef("Account_Name", "Account Name", "text", 200, mandatory=True, unique=True),
            FieldDef("Account_Number", "Account Number", "text", 40),
            FieldDef(
                "Account_Type",
                "Account Type",
                "picklist",
                120,
                picklist=(
                    "Analyst",
                    "Competitor",
                    "Customer",
                    "Distributor",
                    "Integrator",
                    "Investor",
                    "Partner",
                    "Press",
                    "Prospect",
                    "Reseller",
                    "Other",
                ),
            ),
            FieldDef(
                "Industry",
                "Industry",
                "picklist",
                120,
                picklist=(
                    "Communications",
                    "Consulting",
                    "Education",
                    "Financial Services",
                    "Government",
                    "Manufacturing",
                    "Retail",
                    "Technology",
                ),
            ),
            FieldDef("Annual_Revenue", "Annual Revenue", "currency", 16, decimal_place=2),
            FieldDef("Employees", "Employees", "integer", 9),
            FieldDef("Phone", "Phone", "phone", 30),
            FieldDef("Website", "Website", "website", 255),
            FieldDef("Billing_Street", "Billing Street", "text", 250),
            FieldDef("Billing_City", "Billing City", "text", 30),
            FieldDef("Billing_Code", "Billing Code", "text", 30),
            FieldDef("Billing_State", "Billing State", "text", 30),
            FieldDef("Billing_Country", "Billing Country", "text", 30),
            FieldDef("Shipping_Street", "Shipping Street", "text", 250),
            FieldDef("Shipping_City", "Shipping City", "text", 30),
            FieldDef("Shipping_State", "Shipping State", "text", 30),
            FieldDef("Shipping_Code", "Shipping Code", "text", 30),
            FieldDef("Shipping_Country", "Shipping Country", "text", 30),
            FieldDef("Parent_Account", "Parent Account", "lookup", lookup_module="Accounts"),
            FieldDef("Description", "Description", "textarea", 32000),
            *_currency_fields(multi_currency),
            expense,
            *_system_fields(),
        ),
        duplicate_field="Account_Name",
        display_field="Account_Name",
        related_lists=(
            ("Contacts", "Contacts", "Account_Name"),
            ("Deals", "Deals", "Account_Name"),
        ),
    )
    contacts = ModuleDef(
        "Contacts",
        "Contact",
        "Contacts",
        (
            FieldDef("Owner", "Contact Owner", "ownerlookup"),
            FieldDef("First_Name", "First Name", "text", 40),
            FieldDef("Last_Name", "Last Name", "text", 80, mandatory=True),
            FieldDef("Full_Name", "Full Name", "text", 120, read_only=True),
            FieldDef("Email", "Email", "email", 100, unique=True),
            FieldDef("Secondary_Email", "Secondary Email", "email", 100),
            FieldDef("Phone", "Phone", "phone", 30),
            FieldDef("Mobile", "Mobile", "phone", 30),
            FieldDef("Title", "Title", "text", 100),
            FieldDef("Department", "Department", "text", 30),
            FieldDef("Account_Name", "Account Name", "lookup", lookup_module="Accounts"),
            FieldDef(
                "Lead_Source",
                "Lead Source",
                "picklist",
                120,
                picklist=(
                    "Advertisement",
                    "Cold Call",
                    "Employee Referral",
                    "Partner",
                    "Trade Show",
                    "Web Download",
                    "Web Research",
                ),
            ),
            FieldDef("Date_of_Birth", "Date of Birth", "date"),
            FieldDef("Email_Opt_Out", "Email Opt Out", "boolean", 5),
            FieldDef("Mailing_Street", "Mailing Street", "text", 250),
            FieldDef("Mailing_City", "Mailing City", "text", 30),
            FieldDef("Mailing_State", "Mailing State", "text", 30),
            FieldDef("Mailing_Zip", "Mailing Zip", "text", 30),
            FieldDef("Mailing_Country", "Mailing Country", "text", 30),
            FieldDef("Description", "Description", "textarea", 32000),
            *_currency_fields(multi_currency),
            expense,
            *_system_fields(),
        ),
        duplicate_field="Email",
        display_field="Full_Name",
        related_lists=(("Deals", "Deals", "Contact_Name"),),
    )
    deals = ModuleDef(
        "Deals",
        "Deal",
        "Deals",
        (
            FieldDef("Owner", "Deal Owner", "ownerlookup"),
            FieldDef("Deal_Name", "Deal Name", "text", 120, mandatory=True, unique=True),
            FieldDef(
                "Stage",
                "Stage",
                "picklist",
                120,
                mandatory=True,
                picklist=tuple(s for s, _, _ in DEAL_STAGES),
                restricted_picklist=True,
            ),
            FieldDef("Pipeline", "Pipeline", "picklist", 120, picklist=("Standard (Standard)",)),
            FieldDef("Amount", "Amount", "currency", 16, decimal_place=2),
            FieldDef("Closing_Date", "Closing Date", "date"),
            FieldDef("Account_Name", "Account Name", "lookup", lookup_module="Accounts"),
            FieldDef("Contact_Name", "Contact Name", "lookup", lookup_module="Contacts"),
            FieldDef("Probability", "Probability (%)", "percent", 5),
            FieldDef(
                "Type", "Type", "picklist", 120, picklist=("New Business", "Existing Business")
            ),
            FieldDef(
                "Lead_Source",
                "Lead Source",
                "picklist",
                120,
                picklist=("Advertisement", "Cold Call", "Partner", "Web Download"),
            ),
            FieldDef("Next_Step", "Next Step", "text", 100),
            FieldDef(
                "Reason_For_Loss__s",
                "Reason For Loss",
                "picklist",
                120,
                picklist=("Price", "Competition", "Lost to Competitor", "No Budget"),
            ),
            FieldDef("Description", "Description", "textarea", 32000),
            *_currency_fields(multi_currency),
            expense,
            *_system_fields(),
        ),
        duplicate_field="Deal_Name",
        display_field="Deal_Name",
    )
    if multi_currency:
        # Currency picklists list the org's active currencies.
        for module in (accounts, contacts, deals):
            cur = module.by_name["Currency"]
            module.by_name["Currency"] = FieldDef(
                cur.api_name,
                cur.label,
                cur.data_type,
                cur.length,
                picklist=currencies,
                restricted_picklist=True,
            )
            object.__setattr__(
                module,
                "fields",
                tuple(module.by_name[f.api_name] for f in module.fields),
            )
    return {m.api_name: m for m in (accounts, contacts, deals)}


def stable_id(kind: str, index: int) -> str:
    """A 19-digit Zoho-looking id, unique per (kind, index), stable across runs."""
    kinds = {
        "module": 1,
        "field": 2,
        "view": 3,
        "user": 4,
        "role": 5,
        "profile": 6,
        "currency": 7,
        "org": 8,
        "pick": 9,
        "related": 10,
        "layout": 11,
        "channel": 12,
    }
    return str(5_725_767_000_000_000_000 + kinds[kind] * 10_000_000_000 + index)
