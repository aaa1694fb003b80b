"""No per diem row of one organisation is reachable with another organisation's identity, and
a submitter never reaches another submitter's per diem."""

from __future__ import annotations

from gql.errors import field_path
from gql.ids import encode_id
from orm import models
from tests.conftest import execute
from tests.factories import viewer_for
from tests.gql.perdiem.conftest import World
from tests.gql.perdiem.test_calculate_and_record import EXPENSE, RECORD, UPDATE, trip
from tests.gql.perdiem.test_config import (
    ASSIGN,
    LOAD_PRESET,
    LOCATION_CREATE,
    LOCATION_DELETE,
    LOCATION_UPDATE,
    POLICY_UPDATE,
    RATE_CREATE,
    RATE_DELETE,
)


async def test_another_organisations_admin_reaches_nothing(world: World) -> None:
    recorded = await execute(RECORD, {"input": {"trip": trip(world), "dates": ["2025-12-31"]}},
                             viewer=viewer_for(world.alice))  # fmt: skip
    expense_id = recorded.data["perDiemRecord"]["perDiems"][0]["expense"]["id"]
    outsider = viewer_for(world.other_admin)
    policy = encode_id("PerDiemPolicy", world.policy.id)
    berlin = encode_id("PerDiemLocation", world.berlin.id)
    rate = await models.PerDiemRate.get(location_id=world.berlin.id)
    # reads
    listed = await execute("{ perDiemPolicies { nodes { name } } }", viewer=outsider)
    assert listed.data["perDiemPolicies"]["nodes"] == [{"name": "US"}]
    one = await execute("query($id: ID!) { perDiemPolicy(id: $id) { name } }", {"id": policy},
                        viewer=outsider)  # fmt: skip
    assert one.data["perDiemPolicy"] is None
    seen = await execute(EXPENSE, {"id": expense_id}, viewer=outsider)
    assert seen.data["perDiemExpense"] is None
    # writes: every one NOT_FOUND, nothing changed
    attempts = [
        ("perDiemPolicyUpdate", POLICY_UPDATE, {"id": policy, "name": "Taken over"}, "id"),
        ("perDiemPolicyLoadPreset", LOAD_PRESET, {"id": policy, "preset": "US_FEDERAL"}, "id"),
        ("perDiemLocationCreate", LOCATION_CREATE, {"policyId": policy, "name": "X"}, "policyId"),
        ("perDiemLocationUpdate", LOCATION_UPDATE, {"id": berlin, "name": "X"}, "id"),
        ("perDiemLocationDelete", LOCATION_DELETE, {"id": berlin}, "id"),
        ("perDiemRateCreate", RATE_CREATE,
         {"locationId": berlin, "currency": "EUR", "fullDay": "1", "effectiveFrom": "2030-01-01"},
         "locationId"),
        ("perDiemRateDelete", RATE_DELETE, {"id": encode_id("PerDiemRate", rate.id)}, "id"),
        ("perDiemPolicyAssign", ASSIGN,
         {"userId": encode_id("User", world.alice.id),
          "policyId": encode_id("PerDiemPolicy", world.other_policy.id)}, "userId"),
        ("perDiemUpdate", UPDATE, {"id": expense_id, "trip": trip(world)}, "id"),
    ]  # fmt: skip
    for name, document, values, field in attempts:
        result = await execute(document, {"input": values}, viewer=outsider)
        assert result.data[name]["errors"] == [{"field": field_path(field), "code": "NOT_FOUND"}], (
            name
        )
    await world.policy.refresh_from_db()
    assert world.policy.name == "Germany" and world.policy.breakfast_share is not None
    assert sorted(await models.PerDiemLocation.filter(policy_id=world.policy.id)
                  .values_list("name", flat=True)) == ["Berlin", "Munich"]  # fmt: skip
    assert await models.PerDiemRate.filter(id=rate.id).exists()
    assert (await models.PerDiemAssignment.get(user_id=world.alice.id)).policy_id == world.policy.id


async def test_a_location_of_another_organisation_cannot_be_used(world: World) -> None:
    foreign = encode_id("PerDiemLocation", world.other_location.id)
    result = await execute(
        RECORD, {"input": {"trip": trip(world, departureLocationId=foreign),
                           "dates": ["2025-12-30"]}},
        viewer=viewer_for(world.alice),
    )  # fmt: skip
    assert result.data["perDiemRecord"]["errors"] == [
        {"field": ["trip", "departureLocationId"], "code": "NOT_FOUND"}
    ]
    assert await models.Expense.all().count() == 0


async def test_submitters_reach_only_their_own_per_diems(world: World) -> None:
    recorded = await execute(RECORD, {"input": {"trip": trip(world), "dates": ["2025-12-31"]}},
                             viewer=viewer_for(world.alice))  # fmt: skip
    expense_id = recorded.data["perDiemRecord"]["perDiems"][0]["expense"]["id"]
    bob = viewer_for(world.bob)
    assert (await execute(EXPENSE, {"id": expense_id}, viewer=bob)).data["perDiemExpense"] is None
    changed = await execute(UPDATE, {"input": {"id": expense_id, "trip": trip(world, meals=[])}},
                            viewer=bob)  # fmt: skip
    assert changed.data["perDiemUpdate"]["errors"] == [{"field": ["id"], "code": "NOT_FOUND"}]
    admin = await execute(EXPENSE, {"id": expense_id}, viewer=viewer_for(world.admin))
    assert admin.data["perDiemExpense"]["day"]["amount"]["amount"] == "24.00"
