"""A small organisation: an admin, an approver, two submitters, categories, a customer with a
contact person, and a potential of that customer."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from orm import models
from tests.factories import make_category, make_customer, make_org, make_potential, make_user


@dataclass
class World:
    org: models.Organization
    admin: models.User
    approver: models.User
    alice: models.User
    bob: models.User
    meals: models.Category
    travel: models.Category
    globex: models.Customer
    hank: models.ContactPerson
    renewal: models.Potential


@pytest.fixture
async def world(db: None) -> World:
    org = await make_org(base_currency="USD", time_zone="UTC")
    globex = await make_customer(org, email="ap@globex.example", crm_module=models.CrmModule.ACCOUNTS,
                                 crm_id="4150868000000224011")  # fmt: skip
    hank = await models.ContactPerson.create(
        org=org, customer=globex, first_name="Hank", last_name="Scorpio", is_primary=True
    )
    return World(
        org=org,
        admin=await make_user(org, email="admin@acme.example", role=models.UserRole.ADMIN),
        approver=await make_user(org, email="approver@acme.example", role=models.UserRole.APPROVER),
        alice=await make_user(
            org, email="alice@acme.example", name="Alice", crm_user_id="crm-alice"
        ),
        bob=await make_user(org, email="bob@acme.example", name="Bob", crm_user_id="crm-bob"),
        meals=await make_category(org, "Meals"),
        travel=await make_category(org, "Travel"),
        globex=globex,
        hank=hank,
        renewal=await make_potential(
            org, globex, crm_id="4150868000000300001", owner_crm_user_id="crm-alice"
        ),
    )
