"""Demo data for the CRM tab's Bulk Add, Per Diem, Mileage and Card Transactions pages: an
organisation with Sync Modules on, categories, two customers with a potential each, a per
diem policy on the German preset (Berlin, Munich) assigned to the given users, a Car at 0.30
per km, and a corporate card of the holder with three unmatched charges."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tortoise.transactions import in_transaction

from orm import models
from resolvers.perdiem.presets import PRESETS, PerDiemPreset
from resolvers.perdiem.store import write_rules
from tests.factories import make_category, make_crm_tab, make_customer, make_potential

CHARGES = (("HOTEL ADLON BERLIN", 21240), ("TAXI BERLIN", 2350), ("LUFTHANSA", 18900))


@dataclass
class KindsData:
    meals: models.Category
    travel: models.Category
    globex: models.Customer
    renewal: models.Potential
    initech: models.Customer
    pilot: models.Potential
    policy: models.PerDiemPolicy
    berlin: models.PerDiemLocation
    munich: models.PerDiemLocation
    car: models.MileageVehicle
    card: models.Card
    charges: dict[str, models.CardTransaction]


async def seed_per_diem_policy(
    org: models.Organization, *users: models.User
) -> tuple[models.PerDiemPolicy, models.PerDiemLocation, models.PerDiemLocation]:
    """A per diem policy "Germany" on the German preset with Berlin (28.00 a full day, meals
    5.60/11.20/11.20) and Munich (30.00 a full day), assigned to ``users``."""
    currency = org.base_currency
    policy = await models.PerDiemPolicy.create(org=org, name="Germany")
    async with in_transaction() as connection:
        await write_rules(connection, policy, PRESETS[PerDiemPreset.GERMANY])
    berlin = await models.PerDiemLocation.create(org=org, policy=policy, name="Berlin")
    await models.PerDiemRate.create(
        org=org, location=berlin, currency=currency, full_day_minor=2800, breakfast_minor=560,
        lunch_minor=1120, dinner_minor=1120, effective_from=date(2020, 1, 1),
    )  # fmt: skip
    munich = await models.PerDiemLocation.create(org=org, policy=policy, name="Munich")
    await models.PerDiemRate.create(
        org=org, location=munich, currency=currency, full_day_minor=3000,
        effective_from=date(2020, 1, 1),
    )  # fmt: skip
    for user in users:
        await models.PerDiemAssignment.create(org=org, user=user, policy=policy)
    return policy, berlin, munich


async def seed_expense_kinds(
    org: models.Organization, holder: models.User, *claimants: models.User
) -> KindsData:
    """``holder`` holds the card; the per diem policy is assigned to ``holder`` and
    ``claimants``."""
    currency = org.base_currency
    await make_crm_tab(org)
    meals = await make_category(org, "Meals")
    travel = await make_category(org, "Travel")
    globex = await make_customer(org, "Globex Corporation")
    initech = await make_customer(org, "Initech")
    renewal = await make_potential(org, globex, "Globex renewal")
    pilot = await make_potential(org, initech, "Initech pilot")

    policy, berlin, munich = await seed_per_diem_policy(org, holder, *claimants)

    mileage = await make_category(org, "Mileage")
    car = await models.MileageVehicle.create(org=org, name="Car", category=mileage)
    await models.MileageRate.create(
        org=org, vehicle=car, effective_from=date(2020, 1, 1), unit=models.DistanceUnit.KM,
        currency=currency, rate_per_unit=Decimal("0.30"),
    )  # fmt: skip

    card = await models.Card.create(
        org=org, holder=holder, kind=models.CardKind.CORPORATE, name="Company Visa",
        last_four="4242", currency=currency,
    )  # fmt: skip
    statement = await models.StatementImport.create(
        org=org, card=card, imported_by=holder, file_name="statement.csv",
        format=models.StatementFormat.CSV, row_count=3, imported_count=3,
    )  # fmt: skip
    charges = {}
    for day, (text, minor) in enumerate(CHARGES, start=10):
        charges[text] = await models.CardTransaction.create(
            org=org, card=card, statement_import=statement, posted_date=date(2026, 1, day),
            amount_minor=minor, currency=currency, description=text,
            dedupe_key=f"row:{text}",
        )  # fmt: skip
    return KindsData(
        meals=meals, travel=travel, globex=globex, renewal=renewal, initech=initech,
        pilot=pilot, policy=policy, berlin=berlin, munich=munich, car=car, card=card,
        charges=charges,
    )  # fmt: skip
