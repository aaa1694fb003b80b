"""Admin configuration: policies and rules, presets, locations, rates, assignment; SUBMITTERs
are refused on every configuration mutation and nothing changes."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from tortoise.transactions import in_transaction

from gql.errors import field_path
from gql.ids import encode_id
from orm import models
from resolvers.perdiem.presets import PRESETS, PerDiemPreset
from resolvers.perdiem.store import write_rules
from tests.conftest import execute
from tests.factories import viewer_for
from tests.gql.perdiem.conftest import HAWAII_BANDS, World

POLICY_FIELDS = """
policy { id name rules { tiers { minHours exclusive share } firstLastDayShare breakfastShare
         lunchShare dinnerShare }
         locations { name rates { fullDay { amount currency } breakfast { amount } effectiveFrom
                                  effectiveTo } } }
errors { field code }
"""
POLICY_CREATE = f"""
mutation($input: PerDiemPolicyCreateInput!) {{ perDiemPolicyCreate(input: $input) {{ {POLICY_FIELDS} }} }}
"""
POLICY_UPDATE = f"""
mutation($input: PerDiemPolicyUpdateInput!) {{ perDiemPolicyUpdate(input: $input) {{ {POLICY_FIELDS} }} }}
"""
LOAD_PRESET = f"""
mutation($input: PerDiemPolicyLoadPresetInput!) {{
  perDiemPolicyLoadPreset(input: $input) {{ {POLICY_FIELDS} }}
}}
"""
ASSIGN = """
mutation($input: PerDiemPolicyAssignInput!) {
  perDiemPolicyAssign(input: $input) { user { name } policy { name } errors { field code } }
}
"""
LOCATION_CREATE = """
mutation($input: PerDiemLocationCreateInput!) {
  perDiemLocationCreate(input: $input) { location { id name } errors { field code } }
}
"""
LOCATION_UPDATE = """
mutation($input: PerDiemLocationUpdateInput!) {
  perDiemLocationUpdate(input: $input) { location { id name } errors { field code } }
}
"""
LOCATION_DELETE = """
mutation($input: PerDiemDeleteInput!) {
  perDiemLocationDelete(input: $input) { deletedId errors { field code } }
}
"""
RATE_FIELDS = """
rate { id fullDay { amount currency } breakfast { amount } lunch { amount } dinner { amount }
       effectiveFrom effectiveTo }
errors { field code }
"""
RATE_CREATE = f"""
mutation($input: PerDiemRateCreateInput!) {{ perDiemRateCreate(input: $input) {{ {RATE_FIELDS} }} }}
"""
RATE_UPDATE = f"""
mutation($input: PerDiemRateUpdateInput!) {{ perDiemRateUpdate(input: $input) {{ {RATE_FIELDS} }} }}
"""
RATE_DELETE = """
mutation($input: PerDiemDeleteInput!) { perDiemRateDelete(input: $input) { deletedId errors { field code } } }
"""
IMPORT = """
mutation($input: PerDiemRatesImportInput!) {
  perDiemRatesImport(input: $input) { locationsCreated ratesCreated errors { field message code } }
}
"""
GERMANY_RULES = {
    "tiers": [{"minHours": "8", "exclusive": True, "share": "0.5"},
              {"minHours": "24", "exclusive": False, "share": "1"}],
    "firstLastDayShare": "0.5", "breakfastShare": "0.2", "lunchShare": "0.4", "dinnerShare": "0.4",
}  # fmt: skip


def gid(kind: str, pk: int) -> str:
    return encode_id(kind, pk)


async def test_admin_creates_a_policy_with_a_custom_tier_table_then_loads_presets(
    world: World,
) -> None:
    admin = viewer_for(world.admin)
    custom = {"tiers": [{"minHours": "14", "share": "0.5"}, {"minHours": "8", "share": "0.25"},
                        {"minHours": "24", "share": "1"}]}  # fmt: skip
    created = await execute(POLICY_CREATE, {"input": {"name": "Field sales", "rules": custom}},
                            viewer=admin)  # fmt: skip
    payload = created.data["perDiemPolicyCreate"]
    assert payload["errors"] == []
    assert payload["policy"]["rules"] == {
        "tiers": [{"minHours": "8", "exclusive": False, "share": "0.25"},
                  {"minHours": "14", "exclusive": False, "share": "0.5"},
                  {"minHours": "24", "exclusive": False, "share": "1"}],
        "firstLastDayShare": None, "breakfastShare": None, "lunchShare": None, "dinnerShare": None,
    }  # fmt: skip
    policy_id = payload["policy"]["id"]
    german = await execute(LOAD_PRESET, {"input": {"id": policy_id, "preset": "GERMANY"}},
                           viewer=admin)  # fmt: skip
    assert german.data["perDiemPolicyLoadPreset"]["policy"]["rules"] == {
        **GERMANY_RULES,
        "tiers": [{"minHours": "8", "exclusive": True, "share": "0.5"},
                  {"minHours": "24", "exclusive": False, "share": "1"}],
    }  # fmt: skip
    us = await execute(LOAD_PRESET, {"input": {"id": policy_id, "preset": "US_FEDERAL"}},
                       viewer=admin)  # fmt: skip
    assert us.data["perDiemPolicyLoadPreset"]["policy"]["rules"] == {
        "tiers": [{"minHours": "12", "exclusive": True, "share": "0.75"},
                  {"minHours": "24", "exclusive": False, "share": "1"}],
        "firstLastDayShare": "0.75", "breakfastShare": None, "lunchShare": None,
        "dinnerShare": None,
    }  # fmt: skip
    assert await models.PerDiemTier.filter(policy_id=int(await _pk(policy_id))).count() == 2
    renamed = await execute(POLICY_UPDATE, {"input": {"id": policy_id, "name": "Germany"}},
                            viewer=admin)  # fmt: skip
    assert renamed.data["perDiemPolicyUpdate"]["errors"] == [{"field": ["name"], "code": "UNIQUE"}]


async def _pk(global_id: str) -> int:
    from gql.ids import decode_id

    value = decode_id("PerDiemPolicy", global_id)
    assert value is not None
    return value


@pytest.mark.parametrize(
    ("rules", "field", "code"),
    [
        ({"tiers": [{"minHours": "8", "share": "1.5"}]}, "rules.tiers.0.share", "INVALID"),
        ({"tiers": [{"minHours": "25", "share": "1"}]}, "rules.tiers.0.minHours", "INVALID"),
        ({"tiers": [{"minHours": "8", "share": "0.5"}, {"minHours": "8", "share": "0.6"}]},
         "rules.tiers.1.minHours", "UNIQUE"),
        ({"tiers": [], "breakfastShare": "-0.2"}, "rules.breakfastShare", "INVALID"),
        ({"tiers": [], "firstLastDayShare": "0.33333"}, "rules.firstLastDayShare", "INVALID"),
        # time bands: the whole day, no gaps, no overlaps (the floor is not switched on either)
        ({"tiers": [], "incidentalsFloor": True,
          "timeBands": [HAWAII_BANDS[0], HAWAII_BANDS[1], HAWAII_BANDS[3]]},
         "rules.timeBands.2.startsAfter", "TIME_BAND_GAP"),
        ({"tiers": [], "timeBands": HAWAII_BANDS[:3]}, "rules.timeBands.2.endsAt",
         "TIME_BAND_GAP"),
        ({"tiers": [], "timeBands": HAWAII_BANDS[1:]}, "rules.timeBands.0.startsAfter",
         "TIME_BAND_GAP"),
        ({"tiers": [], "timeBands": [HAWAII_BANDS[0] | {"endsAt": "07:00:00"}, *HAWAII_BANDS[1:]]},
         "rules.timeBands.1.startsAfter", "TIME_BAND_OVERLAP"),
        ({"tiers": [], "timeBands": [*HAWAII_BANDS, HAWAII_BANDS[3] | {"endsAt": "20:00:00"}]},
         "rules.timeBands.4.startsAfter", "UNIQUE"),
        ({"tiers": [], "timeBands": [HAWAII_BANDS[0], HAWAII_BANDS[1] | {"endsAt": "06:00:00"},
                                     *HAWAII_BANDS[2:]]},
         "rules.timeBands.1.endsAt", "INVALID"),
        ({"tiers": [], "timeBands": [HAWAII_BANDS[0] | {"share": "1.25"}, *HAWAII_BANDS[1:]]},
         "rules.timeBands.0.share", "INVALID"),
        ({"tiers": [], "timeBands": [HAWAII_BANDS[0]] * 25}, "rules.timeBands", "TOO_MANY_ITEMS"),
    ],
)  # fmt: skip
async def test_bad_rules_change_nothing(
    world: World, rules: dict[str, Any], field: str, code: str
) -> None:
    policy = await models.PerDiemPolicy.get(id=world.policy.id)
    async with in_transaction() as connection:  # the policy has bands to keep, too
        await write_rules(connection, policy, replace(PRESETS[PerDiemPreset.GERMANY],
                          time_bands=PRESETS[PerDiemPreset.HAWAII].time_bands))  # fmt: skip
    result = await execute(
        POLICY_UPDATE, {"input": {"id": gid("PerDiemPolicy", world.policy.id), "rules": rules}},
        viewer=viewer_for(world.admin),
    )  # fmt: skip
    assert result.data["perDiemPolicyUpdate"] == {
        "policy": None, "errors": [{"field": field_path(field), "code": code}]
    }  # fmt: skip
    assert await models.PerDiemTier.filter(policy_id=world.policy.id).count() == 2
    assert await models.PerDiemTimeBand.filter(policy_id=world.policy.id).count() == 4
    assert not (await models.PerDiemPolicy.get(id=world.policy.id)).incidentals_floor


async def test_locations_and_rates_with_components_and_effective_dates(world: World) -> None:
    admin = viewer_for(world.admin)
    created = await execute(
        LOCATION_CREATE,
        {"input": {"policyId": gid("PerDiemPolicy", world.policy.id), "name": "Paris"}},
        viewer=admin,
    )
    location_id = created.data["perDiemLocationCreate"]["location"]["id"]
    rate = {"locationId": location_id, "currency": "eur", "fullDay": "53.00",
            "breakfast": "10.60", "lunch": "21.20", "dinner": "21.20",
            "effectiveFrom": "2025-01-01", "effectiveTo": "2025-12-31"}  # fmt: skip
    first = await execute(RATE_CREATE, {"input": rate}, viewer=admin)
    assert first.data["perDiemRateCreate"]["rate"] == {
        "id": first.data["perDiemRateCreate"]["rate"]["id"],
        "fullDay": {"amount": "53.00", "currency": "EUR"}, "breakfast": {"amount": "10.60"},
        "lunch": {"amount": "21.20"}, "dinner": {"amount": "21.20"},
        "effectiveFrom": "2025-01-01", "effectiveTo": "2025-12-31",
    }  # fmt: skip
    # components that do not add up, a partial set, an overlap, a reversed range, bad amounts
    for changes, field, code in [
        ({"dinner": "21.00", "effectiveFrom": "2026-01-01", "effectiveTo": None},
         "breakfast", "COMPONENTS_MISMATCH"),
        ({"lunch": None, "effectiveFrom": "2026-01-01", "effectiveTo": None},
         "breakfast", "COMPONENTS_MISMATCH"),
        ({"effectiveFrom": "2025-12-31", "effectiveTo": None}, "effectiveFrom", "RATE_OVERLAP"),
        ({"effectiveFrom": "2026-02-01", "effectiveTo": "2026-01-01"}, "effectiveTo",
         "INVALID_DATE_RANGE"),
        ({"fullDay": "53.001", "effectiveFrom": "2026-01-01", "effectiveTo": None}, "fullDay",
         "INVALID_AMOUNT"),
        ({"currency": "EURO", "effectiveFrom": "2026-01-01", "effectiveTo": None}, "currency",
         "INVALID_CURRENCY"),
    ]:  # fmt: skip
        refused = await execute(RATE_CREATE, {"input": rate | changes}, viewer=admin)
        assert refused.data["perDiemRateCreate"] == {
            "rate": None, "errors": [{"field": field_path(field), "code": code}]
        }, changes  # fmt: skip
    later = await execute(
        RATE_CREATE, {"input": rate | {"fullDay": "58.00", "breakfast": None, "lunch": None,
                                       "dinner": None, "effectiveFrom": "2026-01-01",
                                       "effectiveTo": None}},
        viewer=admin,
    )  # fmt: skip
    later_id = later.data["perDiemRateCreate"]["rate"]["id"]
    assert later.data["perDiemRateCreate"]["errors"] == []
    # updating a rate checks overlaps against the others only, and keeps its id
    changed = await execute(
        RATE_UPDATE, {"input": {"id": later_id, "currency": "EUR", "fullDay": "59.00",
                                "effectiveFrom": "2026-01-01"}},
        viewer=admin,
    )  # fmt: skip
    assert changed.data["perDiemRateUpdate"]["rate"]["id"] == later_id
    assert changed.data["perDiemRateUpdate"]["rate"]["fullDay"] == {
        "amount": "59.00",
        "currency": "EUR",
    }
    rates = await models.PerDiemRate.filter(location__name="Paris").order_by("effective_from")
    assert [(r.full_day_minor, r.breakfast_minor) for r in rates] == [(5300, 1060), (5900, None)]
    renamed = await execute(LOCATION_UPDATE, {"input": {"id": location_id, "name": "Berlin"}},
                            viewer=admin)  # fmt: skip
    assert renamed.data["perDiemLocationUpdate"]["errors"] == [
        {"field": ["name"], "code": "UNIQUE"}
    ]
    deleted = await execute(RATE_DELETE, {"input": {"id": later_id}}, viewer=admin)
    assert deleted.data["perDiemRateDelete"] == {"deletedId": later_id, "errors": []}
    gone = await execute(LOCATION_DELETE, {"input": {"id": location_id}}, viewer=admin)
    assert gone.data["perDiemLocationDelete"] == {"deletedId": location_id, "errors": []}
    assert not await models.PerDiemRate.filter(location__name="Paris").exists()


async def test_assigning_a_policy(world: World) -> None:
    admin = viewer_for(world.admin)
    variables = {"input": {"userId": gid("User", world.bob.id),
                           "policyId": gid("PerDiemPolicy", world.policy.id)}}  # fmt: skip
    result = await execute(ASSIGN, variables, viewer=admin)
    assert result.data["perDiemPolicyAssign"] == {
        "user": {"name": "Bob"}, "policy": {"name": "Germany"}, "errors": []
    }  # fmt: skip
    again = await execute(ASSIGN, variables, viewer=admin)  # idempotent: still one row
    assert again.data["perDiemPolicyAssign"]["errors"] == []
    assert await models.PerDiemAssignment.filter(user_id=world.bob.id).count() == 1
    removed = await execute(ASSIGN, {"input": {"userId": gid("User", world.bob.id)}}, viewer=admin)
    assert removed.data["perDiemPolicyAssign"]["policy"] is None
    assert not await models.PerDiemAssignment.filter(user_id=world.bob.id).exists()
    foreign = await execute(
        ASSIGN, {"input": {"userId": gid("User", world.bob.id),
                           "policyId": gid("PerDiemPolicy", world.other_policy.id)}},
        viewer=admin,
    )  # fmt: skip
    assert foreign.data["perDiemPolicyAssign"]["errors"] == [
        {"field": ["policyId"], "code": "NOT_FOUND"}
    ]


ASSIGNED_USERS = """
query($first: Int) { perDiemPolicies(first: $first) { nodes { name assignedUsers { name } } } }
"""
MY_POLICY_USERS = "query { myPerDiemPolicy { name assignedUsers { name } } }"


async def test_a_policy_lists_its_users_to_admins_only(world: World) -> None:
    await models.PerDiemAssignment.create(org=world.org, user=world.bob, policy=world.policy)
    result = await execute(ASSIGNED_USERS, {"first": 10}, viewer=viewer_for(world.admin))
    assert result.errors is None
    assert result.data["perDiemPolicies"]["nodes"] == [
        {"name": "Germany", "assignedUsers": [{"name": "Alice"}, {"name": "Bob"}]}
    ]
    # a member reads their own policy, not who else claims under it
    member = await execute(MY_POLICY_USERS, viewer=viewer_for(world.alice))
    assert member.errors is not None
    assert member.errors[0].extensions == {"code": "FORBIDDEN"}


def _admin_mutations(world: World) -> list[tuple[str, str, dict[str, Any]]]:
    policy = gid("PerDiemPolicy", world.policy.id)
    location = gid("PerDiemLocation", world.berlin.id)
    rate = {"currency": "EUR", "fullDay": "1.00", "effectiveFrom": "2030-01-01"}
    return [
        ("perDiemPolicyCreate", POLICY_CREATE, {"name": "Mine"}),
        ("perDiemPolicyUpdate", POLICY_UPDATE, {"id": policy, "rules": {"tiers": []}}),
        ("perDiemPolicyLoadPreset", LOAD_PRESET, {"id": policy, "preset": "US_FEDERAL"}),
        ("perDiemPolicyAssign", ASSIGN, {"userId": gid("User", world.bob.id), "policyId": policy}),
        ("perDiemLocationCreate", LOCATION_CREATE, {"policyId": policy, "name": "Rome"}),
        ("perDiemLocationUpdate", LOCATION_UPDATE, {"id": location, "name": "Rome"}),
        ("perDiemLocationDelete", LOCATION_DELETE, {"id": location}),
        ("perDiemRateCreate", RATE_CREATE, {"locationId": location, **rate}),
        ("perDiemRateUpdate", RATE_UPDATE, {"id": gid("PerDiemRate", 1), **rate}),
        ("perDiemRateDelete", RATE_DELETE, {"id": gid("PerDiemRate", 1)}),
        ("perDiemRatesImport", IMPORT,
         {"policyId": policy, "csv": "location,currency,full_day,effective_from\nRome,EUR,40,2030-01-01\n"}),
    ]  # fmt: skip


async def _snapshot() -> list[object]:
    return [
        sorted(await models.PerDiemPolicy.all().values_list("name", "first_last_day_share")),
        sorted(await models.PerDiemTier.all().values_list("policy_id", "min_hours", "share")),
        sorted(await models.PerDiemLocation.all().values_list("id", "name")),
        sorted(await models.PerDiemRate.all().values_list("id", "full_day_minor")),
        sorted(await models.PerDiemAssignment.all().values_list("user_id", "policy_id")),
    ]


async def test_submitters_are_refused_on_every_configuration_mutation(world: World) -> None:
    before = await _snapshot()
    mutations = _admin_mutations(world)
    assert len(mutations) == 11
    for name, document, values in mutations:
        result = await execute(document, {"input": values}, viewer=viewer_for(world.alice))
        assert result.data is None, name
        assert [e.extensions["code"] for e in result.errors] == ["FORBIDDEN"], name
        assert result.errors[0].path == [name]
    assert await _snapshot() == before
    # the same documents do work for an admin (so the refusal is the permission, not the input)
    for name, document, values in mutations[:5]:
        done = await execute(document, {"input": values}, viewer=viewer_for(world.admin))
        assert done.errors is None and done.data[name]["errors"] == [], name


async def test_policy_queries_are_for_admins_and_mine_for_everyone(world: World) -> None:
    listed = await execute("{ perDiemPolicies { nodes { name locations { name } } } }",
                           viewer=viewer_for(world.admin))  # fmt: skip
    assert listed.data["perDiemPolicies"]["nodes"] == [
        {"name": "Germany", "locations": [{"name": "Berlin"}, {"name": "Munich"}]}
    ]
    refused = await execute("{ perDiemPolicies { nodes { name } } }",
                            viewer=viewer_for(world.alice))  # fmt: skip
    assert refused.errors[0].extensions["code"] == "FORBIDDEN"
    mine = "{ myPerDiemPolicy { name locations { name rates { fullDay { amount } } } } }"
    alice = await execute(mine, viewer=viewer_for(world.alice))
    assert alice.data["myPerDiemPolicy"] == {
        "name": "Germany",
        "locations": [{"name": "Berlin", "rates": [{"fullDay": {"amount": "28.00"}}]},
                      {"name": "Munich", "rates": [{"fullDay": {"amount": "24.00"}},
                                                   {"fullDay": {"amount": "30.00"}}]}],
    }  # fmt: skip
    bob = await execute(mine, viewer=viewer_for(world.bob))
    assert bob.data["myPerDiemPolicy"] is None


async def test_policy_listing_costs_a_fixed_number_of_queries(
    world: World, count_queries: Any
) -> None:
    document = ("{ perDiemPolicies { nodes { rules { tiers { share } } locations { name "
                "rates { fullDay { amount } } } } } }")  # fmt: skip
    await execute(document, viewer=viewer_for(world.admin))
    few = len(count_queries)
    for number in range(5):
        policy = await models.PerDiemPolicy.create(org=world.org, name=f"Extra {number}")
        await models.PerDiemLocation.create(org=world.org, policy=policy, name="X")
    count_queries.statements.clear()
    await execute(document, viewer=viewer_for(world.admin))
    assert len(count_queries) == few
