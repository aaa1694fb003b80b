"""A fixed dataset whose aggregates are worked out by hand in the tests.

Base currency USD. Deals: RENEWAL (WON, "Closed Won", 10,000.00 USD), PILOT (LOST, "Closed Lost",
5,000.00 EUR: another currency), EXPANSION (OPEN, "Negotiation", 20,000.00 USD).

    expense  user   category  date        amount         base    deal (how)        customer  status
    e1       alice  Travel    2026-01-05  100.00 USD   10000    RENEWAL (report)  Globex (report)  APPROVED
    e2       alice  Meals     2026-01-20   50.00 EUR    5500    RENEWAL (own)     Globex     APPROVED   billable
    e9       alice  Travel    2026-01-06   25.00 USD    2500    EXPANSION (own; the report says RENEWAL)  Globex  APPROVED
    e3       bob    Travel    2026-02-03  200.00 USD   20000    PILOT             Initech    REIMBURSED billable, not reimbursable
    e4       bob    Meals     2026-02-14   30.00 USD    3000    —                 —          REIMBURSED
    e5       alice  Travel    2026-03-31  400.00 USD   40000    EXPANSION         Globex     REJECTED
    e6       bob    Meals     2026-04-01   10.00 USD    1000    RENEWAL           Globex     UNSUBMITTED (draft)
    e7       alice  Meals     2026-04-02   1000 JPY      670    PILOT             Initech    UNREPORTED
    e8       alice  Travel    2026-05-10   75.00 USD    7500    EXPANSION         Globex     SUBMITTED (to the admin)

Alice's approved report R1 (e1, e2, e9), Bob's reimbursed R2 (e3, e4) and Alice's rejected R3
(e5) went to the approver; Bob's draft R4 holds e6; Alice's R5 (e8) awaits the admin.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from orm import models
from tests.factories import (
    make_category,
    make_customer,
    make_expense,
    make_org,
    make_potential,
    make_report,
    make_user,
)


@dataclass
class Dataset:
    org: models.Organization
    admin: models.User
    approver: models.User
    alice: models.User
    bob: models.User
    travel: models.Category
    meals: models.Category
    globex: models.Customer
    initech: models.Customer
    renewal: models.Potential
    pilot: models.Potential
    expansion: models.Potential


@pytest.fixture
async def data(db: None) -> Dataset:
    return await build_dataset()


async def build_dataset() -> Dataset:
    org = await make_org(base_currency="USD", time_zone="UTC")
    other = await make_org(name="Other tenant")
    admin = await make_user(org, name="Ada Admin", role=models.UserRole.ADMIN)
    approver = await make_user(org, name="Abe Approver", role=models.UserRole.APPROVER)
    alice = await make_user(org, name="Alice")
    bob = await make_user(org, name="Bob")
    travel, meals = await make_category(org, "Travel"), await make_category(org, "Meals")
    globex = await make_customer(org, "Globex")
    initech = await make_customer(org, "Initech")
    won, lost, open_ = (
        models.PotentialState.WON,
        models.PotentialState.LOST,
        models.PotentialState.OPEN,
    )
    renewal = await make_potential(org, globex, "Globex renewal", state=won, stage="Closed Won",
                                   amount_minor=1_000_000, currency="USD")  # fmt: skip
    pilot = await make_potential(org, initech, "Initech pilot", state=lost, stage="Closed Lost",
                                 amount_minor=500_000, currency="EUR")  # fmt: skip
    expansion = await make_potential(org, globex, "Globex expansion", state=open_,
                                     stage="Negotiation", amount_minor=2_000_000, currency="USD")  # fmt: skip
    status = models.ReportStatus
    r1 = await make_report(alice, status=status.APPROVED, approver=approver, potential=renewal,
                           customer=globex)  # fmt: skip
    r2 = await make_report(bob, status=status.REIMBURSED, approver=approver)
    r3 = await make_report(alice, status=status.REJECTED, approver=approver)
    r4 = await make_report(bob, status=status.DRAFT)
    r5 = await make_report(alice, status=status.SUBMITTED, approver=admin)
    d = date
    await make_expense(alice, travel, 10000, date=d(2026, 1, 5), report=r1)
    await make_expense(alice, meals, 5000, "EUR", date=d(2026, 1, 20), report=r1,
                       exchange_rate=Decimal("1.1"), base_amount_minor=5500, potential=renewal,
                       customer=globex, is_billable=True)  # fmt: skip
    await make_expense(alice, travel, 2500, date=d(2026, 1, 6), report=r1, potential=expansion,
                       customer=globex)  # fmt: skip
    await make_expense(bob, travel, 20000, date=d(2026, 2, 3), report=r2, potential=pilot,
                       customer=initech, is_billable=True, is_reimbursable=False)  # fmt: skip
    await make_expense(bob, meals, 3000, date=d(2026, 2, 14), report=r2)
    await make_expense(alice, travel, 40000, date=d(2026, 3, 31), report=r3, potential=expansion,
                       customer=globex)  # fmt: skip
    await make_expense(bob, meals, 1000, date=d(2026, 4, 1), report=r4, potential=renewal,
                       customer=globex)  # fmt: skip
    await make_expense(alice, meals, 1000, "JPY", date=d(2026, 4, 2), potential=pilot,
                       customer=initech, exchange_rate=Decimal("0.0067"),
                       base_amount_minor=670)  # fmt: skip
    await make_expense(alice, travel, 7500, date=d(2026, 5, 10), report=r5, potential=expansion,
                       customer=globex)  # fmt: skip
    # another tenant's spend, on the same dates, never shows
    stranger = await make_user(other, role=models.UserRole.ADMIN)
    await make_expense(stranger, await make_category(other, "Travel"), 99999, date=d(2026, 1, 5))
    return Dataset(org, admin, approver, alice, bob, travel, meals, globex, initech, renewal,
                   pilot, expansion)  # fmt: skip
