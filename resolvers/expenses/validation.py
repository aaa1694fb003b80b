"""Checks of expense and report input. Related rows are loaded once per batch (``Lookup``), so a
bulk add of 100 expenses costs a fixed number of queries."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from orm import models
from orm.money import CURRENCY_EXPONENTS, Money, MoneyError, normalize_currency
from resolvers.categories import reserved_category_error
from resolvers.errors import ErrorCode, FieldError
from resolvers.potentials import potentials_for
from resolvers.validation import clean_text
from resolvers.viewer import Viewer

MAX_EXCHANGE_RATE = Decimal("1000000")
# Largest base amount stored, in minor units (fits a 64-bit integer with room for sums).
MAX_BASE_MINOR = 10**15
MAX_ATTENDEES = 50
MAX_RECEIPTS_PER_EXPENSE = 10


@dataclass(slots=True)
class ExpenseData:
    date: date | None = None
    category_id: int | None = None
    amount: Decimal | None = None
    currency: str | None = None
    exchange_rate: Decimal | None = None
    merchant: str = ""
    description: str = ""
    reference: str = ""
    is_reimbursable: bool = True
    is_billable: bool = False
    customer_id: int | None = None
    potential_id: int | None = None
    attendee_user_ids: list[int] = field(default_factory=list)
    attendee_contact_person_ids: list[int] = field(default_factory=list)
    receipt_ids: list[int] = field(default_factory=list)


@dataclass(slots=True)
class CleanExpense:
    """Validated values, ready to be written."""

    values: dict[str, object]
    attendee_user_ids: list[int]
    attendee_contact_person_ids: list[int]
    receipt_ids: list[int]


@dataclass(slots=True)
class Lookup:
    """The organisation and every related row the inputs name, each loaded with one query."""

    org: models.Organization
    today: date
    categories: dict[int, models.Category]
    customers: dict[int, models.Customer]
    potentials: dict[int, models.Potential]
    allowed_potential_ids: set[int]
    users: dict[int, models.User]
    contact_persons: dict[int, models.ContactPerson]
    receipts: dict[int, models.Receipt]


def _ids(values: Iterable[int | None]) -> list[int]:
    return sorted({value for value in values if value is not None})


async def load_lookup(
    viewer: Viewer,
    *,
    category_ids: Iterable[int | None] = (),
    customer_ids: Iterable[int | None] = (),
    potential_ids: Iterable[int | None] = (),
    user_ids: Iterable[int | None] = (),
    contact_person_ids: Iterable[int | None] = (),
    receipt_ids: Iterable[int | None] = (),
) -> Lookup:
    org = await models.Organization.get(id=viewer.org_id)
    potential_list = _ids(potential_ids)
    potentials = await models.Potential.filter(org_id=org.id).in_bulk(potential_list, "id")
    wanted_customers = [*customer_ids]
    for potential in potentials.values():
        wanted_customers += [potential.customer_id, potential.contact_customer_id]
    customers = await models.Customer.filter(org_id=org.id).in_bulk(_ids(wanted_customers), "id")
    allowed_query = (await potentials_for(viewer)).filter(id__in=potential_list)
    allowed = {row.id for row in await allowed_query.only("id")}
    return Lookup(
        org=org,
        today=datetime.now(ZoneInfo(org.time_zone)).date(),
        categories=await models.Category.filter(org_id=org.id).in_bulk(_ids(category_ids), "id"),
        customers=customers,
        potentials=potentials,
        allowed_potential_ids=allowed,
        users=await models.User.filter(org_id=org.id).in_bulk(_ids(user_ids), "id"),
        contact_persons=await models.ContactPerson.filter(org_id=org.id, is_active=True).in_bulk(
            _ids(contact_person_ids), "id"
        ),
        receipts=await models.Receipt.filter(org_id=org.id, user_id=viewer.user_id).in_bulk(
            _ids(receipt_ids), "id"
        ),
    )


async def lookup_for_expenses(viewer: Viewer, rows: Sequence[ExpenseData]) -> Lookup:
    return await load_lookup(
        viewer,
        category_ids=(row.category_id for row in rows),
        customer_ids=(row.customer_id for row in rows),
        potential_ids=(row.potential_id for row in rows),
        user_ids=(uid for row in rows for uid in row.attendee_user_ids),
        contact_person_ids=(cid for row in rows for cid in row.attendee_contact_person_ids),
        receipt_ids=(rid for row in rows for rid in row.receipt_ids),
    )


def check_customer_and_potential(
    lookup: Lookup,
    customer_id: int | None,
    potential_id: int | None,
    errors: list[FieldError],
    prefix: str = "",
) -> tuple[models.Customer | None, models.Potential | None]:
    """An active customer, and a potential the viewer may use that belongs to it. Without a
    customer, the potential's own customer (its account, else its contact) is taken."""
    customer = potential = None
    if potential_id is not None:
        potential = lookup.potentials.get(potential_id)
        if potential is None:
            errors.append(
                FieldError(f"{prefix}potentialId", "No such potential.", ErrorCode.NOT_FOUND)
            )
        elif potential_id not in lookup.allowed_potential_ids or not potential.is_active:
            errors.append(
                FieldError(
                    f"{prefix}potentialId",
                    "You may only choose your own, active potentials.",
                    ErrorCode.POTENTIAL_NOT_ALLOWED,
                )
            )
            potential = None
    if customer_id is None and potential is not None:
        customer_id = potential.customer_id or potential.contact_customer_id
    if customer_id is not None:
        customer = lookup.customers.get(customer_id)
        if customer is None:
            errors.append(
                FieldError(f"{prefix}customerId", "No such customer.", ErrorCode.NOT_FOUND)
            )
        elif customer.status is not models.CustomerStatus.ACTIVE:
            errors.append(
                FieldError(
                    f"{prefix}customerId",
                    "This customer is inactive and cannot be used on new expenses or reports.",
                    ErrorCode.CUSTOMER_INACTIVE,
                )
            )
    if (
        potential is not None
        and customer is not None
        and customer.id not in (potential.customer_id, potential.contact_customer_id)
    ):
        errors.append(
            FieldError(
                f"{prefix}potentialId",
                "This potential belongs to another customer.",
                ErrorCode.POTENTIAL_NOT_OF_CUSTOMER,
            )
        )
    return customer, potential


def _base_amount(money: Money, rate: Decimal, base_currency: str) -> int:
    """Convert minor units with an exact rate, rounding half up to the base currency's unit."""
    shift = CURRENCY_EXPONENTS[base_currency] - CURRENCY_EXPONENTS[money.currency]
    converted = (Decimal(money.minor) * rate).scaleb(shift)
    return int(converted.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _check_amount(
    row: ExpenseData, lookup: Lookup, errors: list[FieldError], prefix: str
) -> tuple[Money | None, Decimal]:
    base = lookup.org.base_currency
    money = None
    if row.amount is None:
        errors.append(FieldError(f"{prefix}amount", "This field is required.", ErrorCode.REQUIRED))
    try:
        currency = normalize_currency(row.currency or base)
    except MoneyError as exc:
        errors.append(FieldError(f"{prefix}currency", str(exc), ErrorCode.INVALID_CURRENCY))
        return None, Decimal(1)
    if row.amount is not None:
        try:
            money = Money.from_decimal(row.amount, currency)
            if money.minor <= 0:
                raise MoneyError("The amount must be more than zero.")
        except MoneyError as exc:
            errors.append(FieldError(f"{prefix}amount", str(exc), ErrorCode.INVALID_AMOUNT))
            money = None
    rate = Decimal(1)
    if currency != base:
        if row.exchange_rate is None:
            errors.append(
                FieldError(
                    f"{prefix}exchangeRate",
                    f"Give the rate from {currency} to the base currency {base}.",
                    ErrorCode.EXCHANGE_RATE_REQUIRED,
                )
            )
        elif not (0 < row.exchange_rate <= MAX_EXCHANGE_RATE) or row.exchange_rate != round(
            row.exchange_rate, 10
        ):
            errors.append(
                FieldError(
                    f"{prefix}exchangeRate",
                    "The rate must be positive, at most 1,000,000, with at most 10 decimals.",
                    ErrorCode.INVALID_AMOUNT,
                )
            )
        else:
            rate = row.exchange_rate
    elif row.exchange_rate is not None and row.exchange_rate != 1:
        errors.append(
            FieldError(
                f"{prefix}exchangeRate",
                "An expense in the base currency has a rate of 1.",
                ErrorCode.INVALID_AMOUNT,
            )
        )
    return money, rate


def _check_attendees_and_receipts(
    row: ExpenseData,
    lookup: Lookup,
    customer: models.Customer | None,
    errors: list[FieldError],
    prefix: str,
    expense_id: int | None,
) -> None:
    if len(row.attendee_user_ids) + len(row.attendee_contact_person_ids) > MAX_ATTENDEES:
        errors.append(
            FieldError(f"{prefix}attendees", f"At most {MAX_ATTENDEES}.", ErrorCode.TOO_MANY_ITEMS)
        )
    for uid in row.attendee_user_ids:
        if uid not in lookup.users:
            errors.append(
                FieldError(f"{prefix}attendeeUserIds", "No such user.", ErrorCode.NOT_FOUND)
            )
    for cid in row.attendee_contact_person_ids:
        person = lookup.contact_persons.get(cid)
        if person is None or customer is None or person.customer_id != customer.id:
            errors.append(
                FieldError(
                    f"{prefix}attendeeContactPersonIds",
                    "Attendees must be contact persons of the expense's customer.",
                    ErrorCode.INVALID,
                )
            )
    if len(row.receipt_ids) > MAX_RECEIPTS_PER_EXPENSE:
        errors.append(
            FieldError(
                f"{prefix}receiptIds",
                f"At most {MAX_RECEIPTS_PER_EXPENSE}.",
                ErrorCode.TOO_MANY_ITEMS,
            )
        )
    for rid in row.receipt_ids:
        receipt = lookup.receipts.get(rid)
        if receipt is None:
            errors.append(
                FieldError(f"{prefix}receiptIds", "No such receipt.", ErrorCode.NOT_FOUND)
            )
        elif receipt.expense_id is not None and receipt.expense_id != expense_id:
            errors.append(
                FieldError(
                    f"{prefix}receiptIds",
                    "This receipt belongs to another expense.",
                    ErrorCode.RECEIPT_IN_USE,
                )
            )


def clean_expense(
    row: ExpenseData,
    lookup: Lookup,
    errors: list[FieldError],
    prefix: str = "",
    expense_id: int | None = None,
    current_category_id: int | None = None,
) -> CleanExpense | None:
    """Validate one expense against the preloaded rows; None (with errors) when it is refused.
    ``current_category_id``: the category the expense already has (kept even if reserved)."""
    start = len(errors)
    if row.date is None:
        errors.append(FieldError(f"{prefix}date", "This field is required.", ErrorCode.REQUIRED))
    elif row.date > lookup.today:
        errors.append(
            FieldError(
                f"{prefix}date",
                "An expense cannot be dated in the future.",
                ErrorCode.DATE_IN_FUTURE,
            )
        )
    category = lookup.categories.get(row.category_id) if row.category_id is not None else None
    if category is None:
        errors.append(FieldError(f"{prefix}categoryId", "Choose a category.", ErrorCode.NOT_FOUND))
    elif not category.is_enabled:
        errors.append(
            FieldError(
                f"{prefix}categoryId", "This category is disabled.", ErrorCode.CATEGORY_DISABLED
            )
        )
    elif category.id != current_category_id and (
        reserved := reserved_category_error(category, f"{prefix}categoryId")
    ):
        errors.append(reserved)
    money, rate = _check_amount(row, lookup, errors, prefix)
    customer, potential = check_customer_and_potential(
        lookup, row.customer_id, row.potential_id, errors, prefix
    )
    _check_attendees_and_receipts(row, lookup, customer, errors, prefix, expense_id)
    texts = {
        "merchant": clean_text(
            row.merchant, f"{prefix}merchant", max_length=200, errors=errors, required=False
        ),
        "description": clean_text(
            row.description, f"{prefix}description", max_length=2000, errors=errors, required=False
        ),
        "reference": clean_text(
            row.reference, f"{prefix}reference", max_length=100, errors=errors, required=False
        ),
    }
    if len(errors) > start or money is None:
        return None
    base_minor = _base_amount(money, rate, lookup.org.base_currency)
    if abs(base_minor) > MAX_BASE_MINOR:
        errors.append(
            FieldError(
                f"{prefix}amount",
                "This amount is too large once converted to the base currency.",
                ErrorCode.INVALID_AMOUNT,
            )
        )
        return None
    return CleanExpense(
        values={
            "date": row.date,
            "category_id": row.category_id,
            "amount_minor": money.minor,
            "currency": money.currency,
            "exchange_rate": rate,
            "base_amount_minor": base_minor,
            "is_reimbursable": row.is_reimbursable,
            "is_billable": row.is_billable,
            "customer_id": customer.id if customer else None,
            "potential_id": potential.id if potential else None,
            **texts,
        },
        attendee_user_ids=sorted(set(row.attendee_user_ids)),
        attendee_contact_person_ids=sorted(set(row.attendee_contact_person_ids)),
        receipt_ids=sorted(set(row.receipt_ids)),
    )
