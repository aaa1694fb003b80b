"""An organisation on the German preset: Berlin (28 EUR, components 5.60 / 11.20 / 11.20) and
Munich (24 EUR until the end of 2025, 30 EUR from 2026); Alice is assigned the policy, Bob not.
A second organisation (Globex) has its own admin and policy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from tortoise.transactions import in_transaction

from orm import models
from resolvers.perdiem.presets import PRESETS, PerDiemPreset
from resolvers.perdiem.store import write_rules
from resolvers.viewer import Viewer
from tests.factories import make_org, make_user, viewer_for

# The HAWAII preset's bands as the API shows them (23:59 is the end of the day).
HAWAII_BANDS = [
    {"startsAfter": "00:00:00", "endsAt": "06:00:00", "share": "1"},
    {"startsAfter": "06:00:00", "endsAt": "12:00:00", "share": "0.75"},
    {"startsAfter": "12:00:00", "endsAt": "18:00:00", "share": "0.5"},
    {"startsAfter": "18:00:00", "endsAt": "23:59:00", "share": "0.25"},
]


@dataclass
class World:
    org: models.Organization
    admin: models.User
    alice: models.User
    bob: models.User
    policy: models.PerDiemPolicy
    berlin: models.PerDiemLocation
    munich: models.PerDiemLocation
    other_admin: models.User
    other_policy: models.PerDiemPolicy
    other_location: models.PerDiemLocation

    def as_(self, user: models.User) -> Viewer:
        return viewer_for(user)


async def make_policy(
    org: models.Organization, name: str, preset: PerDiemPreset
) -> models.PerDiemPolicy:
    policy = await models.PerDiemPolicy.create(org=org, name=name)
    async with in_transaction() as connection:
        await write_rules(connection, policy, PRESETS[preset])
    return policy


@pytest.fixture
async def world(db: None) -> World:
    org = await make_org(base_currency="EUR", time_zone="Europe/Berlin")
    policy = await make_policy(org, "Germany", PerDiemPreset.GERMANY)
    berlin = await models.PerDiemLocation.create(org=org, policy=policy, name="Berlin")
    await models.PerDiemRate.create(
        org=org, location=berlin, currency="EUR", full_day_minor=2800, breakfast_minor=560,
        lunch_minor=1120, dinner_minor=1120, effective_from=date(2020, 1, 1),
    )  # fmt: skip
    munich = await models.PerDiemLocation.create(org=org, policy=policy, name="Munich")
    await models.PerDiemRate.create(
        org=org, location=munich, currency="EUR", full_day_minor=2400,
        effective_from=date(2020, 1, 1), effective_to=date(2025, 12, 31),
    )  # fmt: skip
    await models.PerDiemRate.create(
        org=org, location=munich, currency="EUR", full_day_minor=3000,
        effective_from=date(2026, 1, 1),
    )  # fmt: skip
    alice = await make_user(org, email="alice@acme.example", name="Alice")
    await models.PerDiemAssignment.create(org=org, user=alice, policy=policy)
    other = await make_org("Globex", base_currency="USD", time_zone="UTC")
    other_policy = await make_policy(other, "US", PerDiemPreset.US_FEDERAL)
    return World(
        org=org,
        admin=await make_user(org, email="admin@acme.example", role=models.UserRole.ADMIN),
        alice=alice,
        bob=await make_user(org, email="bob@acme.example", name="Bob"),
        policy=policy,
        berlin=berlin,
        munich=munich,
        other_admin=await make_user(other, email="admin@globex.example",
                                    role=models.UserRole.ADMIN),
        other_policy=other_policy,
        other_location=await models.PerDiemLocation.create(org=other, policy=other_policy,
                                                           name="Chicago"),
    )  # fmt: skip
