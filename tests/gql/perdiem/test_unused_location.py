"""Every location id a per diem input gives is checked against the viewer's policy, also the
one its mode does not use (it is stored with the recorded per diem)."""

from __future__ import annotations

from gql.ids import encode_id
from orm import models
from tests.conftest import execute
from tests.factories import viewer_for
from tests.gql.perdiem.conftest import World
from tests.gql.perdiem.test_calculate_and_record import RECORD, trip


async def test_a_trip_refuses_a_foreign_location_id_it_does_not_use(world: World) -> None:
    foreign = encode_id("PerDiemLocation", world.other_location.id)
    result = await execute(
        RECORD, {"input": {"trip": trip(world, locationId=foreign), "dates": ["2025-12-31"]}},
        viewer=viewer_for(world.alice),
    )  # fmt: skip
    assert result.data["perDiemRecord"]["errors"] == [
        {"field": ["trip", "locationId"], "code": "NOT_FOUND"}
    ]
    assert await models.PerDiemDetail.all().count() == 0
    assert await models.Expense.all().count() == 0
    own = encode_id("PerDiemLocation", world.berlin.id)
    fine = await execute(
        RECORD, {"input": {"trip": trip(world, locationId=own), "dates": ["2025-12-31"]}},
        viewer=viewer_for(world.alice),
    )  # fmt: skip
    assert fine.data["perDiemRecord"]["errors"] == []
