"""CSV import of locations and rates: a good file, and malformed ones refused with the line
number and reason while nothing is imported."""

from __future__ import annotations

import pytest

from gql.ids import encode_id
from orm import models
from tests.conftest import dotted, execute
from tests.factories import viewer_for
from tests.gql.perdiem.conftest import World

IMPORT = """
mutation($input: PerDiemRatesImportInput!) {
  perDiemRatesImport(input: $input) {
    locationsCreated ratesCreated
    policy { locations { name rates { fullDay { amount currency } dinner { amount }
                                      effectiveFrom effectiveTo } } }
    errors { field message code }
  }
}
"""
GOOD = """\ufeffLocation,Currency,Full_Day,Breakfast,Lunch,Dinner,Effective_From,Effective_To
Paris,EUR,53.00,10.60,21.20,21.20,2025-01-01,2025-12-31
Paris,EUR,58.00,,,,2026-01-01,
"Frankfurt am Main",EUR,28.00,5.60,11.20,11.20,2024-01-01,
Munich,EUR,20.00,,,,2019-01-01,2019-12-31
"""


async def _import(world: World, text: str) -> dict[str, object]:
    result = await execute(
        IMPORT, {"input": {"policyId": encode_id("PerDiemPolicy", world.policy.id), "csv": text}},
        viewer=viewer_for(world.admin),
    )  # fmt: skip
    assert result.errors is None
    return result.data["perDiemRatesImport"]


async def test_a_good_file_creates_locations_and_rates(world: World) -> None:
    payload = await _import(world, GOOD)
    assert (payload["errors"], payload["locationsCreated"], payload["ratesCreated"]) == ([], 2, 4)
    locations = {loc["name"]: loc["rates"] for loc in payload["policy"]["locations"]}
    assert locations["Paris"] == [
        {"fullDay": {"amount": "53.00", "currency": "EUR"}, "dinner": {"amount": "21.20"},
         "effectiveFrom": "2025-01-01", "effectiveTo": "2025-12-31"},
        {"fullDay": {"amount": "58.00", "currency": "EUR"}, "dinner": None,
         "effectiveFrom": "2026-01-01", "effectiveTo": None},
    ]  # fmt: skip
    assert locations["Frankfurt am Main"][0]["fullDay"] == {"amount": "28.00", "currency": "EUR"}
    # an existing location gets the rate (an earlier period, no overlap)
    assert [r["fullDay"]["amount"] for r in locations["Munich"]] == ["20.00", "24.00", "30.00"]


@pytest.mark.parametrize(
    ("text", "errors"),
    [
        ("location,currency,full_day\nParis,EUR,53\n",
         [("csv.1", "Line 1: the header lacks effective_from.", "INVALID_CSV")]),
        ("location,currency,full_day,effective_from,colour\n",
         [("csv.1", "Line 1: unknown columns colour.", "INVALID_CSV")]),
        ("", [("csv.1", "Line 1: the header lacks location, currency, full_day, effective_from.",
               "INVALID_CSV")]),
        ("location,currency,full_day,effective_from\n",
         [("csv", "The file has no rates.", "INVALID_CSV")]),
        ("location,currency,full_day,effective_from\nParis,EUR,53.00,2025-01-01\n"
         "Rome,EUR,fifty,2025-01-01\nOslo,NOK,700,31/01/2025\nLima,PEN,90\n",
         [("csv.3.full_day", "Line 3: 'fifty' is not an amount.", "INVALID_AMOUNT"),
          ("csv.4.effective_from", "Line 4: '31/01/2025' is not a date (YYYY-MM-DD).",
           "INVALID_CSV"),
          ("csv.5", "Line 5: 3 cells where the header has 4.", "INVALID_CSV")]),
        ("location,currency,full_day,breakfast,lunch,dinner,effective_from\n"
         "Paris,EUR,53.00,10.00,21.20,21.20,2025-01-01\n"
         "Rome,XXX,40,,,,2025-01-01\n"
         "Oslo,NOK,-5,,,,2025-01-01\n",
         [("csv.2.breakfast", "Line 2: Breakfast, lunch and dinner must add up to the full-day "
           "amount.", "COMPONENTS_MISMATCH"),
          ("csv.3.currency", "Line 3: 'XXX' is not an ISO 4217 currency code",
           "INVALID_CURRENCY"),
          ("csv.4.full_day", "Line 4: The amount must be more than zero.", "INVALID_AMOUNT")]),
        # overlapping an existing rate (Berlin is open-ended from 2020) and within the file
        ("location,currency,full_day,effective_from,effective_to\n"
         "Berlin,EUR,30,2026-01-01,\nParis,EUR,53,2025-01-01,2025-12-31\n"
         "Paris,EUR,54,2025-06-01,\n",
         [("csv.2.effective_from", "Line 2: another rate of this location is in force on some "
           "of these days.", "RATE_OVERLAP"),
          ("csv.4.effective_from", "Line 4: another rate of this location is in force on some "
           "of these days.", "RATE_OVERLAP")]),
        ('location,currency,full_day,effective_from\n"Paris,EUR,53,2025-01-01\n',
         [("csv.2", "Line 2: unexpected end of data", "INVALID_CSV")]),
    ],
)  # fmt: skip
async def test_malformed_files_import_nothing(
    world: World, text: str, errors: list[tuple[str, str, str]]
) -> None:
    before = (await models.PerDiemLocation.all().count(), await models.PerDiemRate.all().count())
    payload = await _import(world, text)
    assert [(dotted(e["field"]), e["message"], e["code"]) for e in payload["errors"]] == errors
    assert (payload["locationsCreated"], payload["ratesCreated"], payload["policy"]) == (0, 0, None)
    after = (await models.PerDiemLocation.all().count(), await models.PerDiemRate.all().count())
    assert after == before


async def test_an_oversized_file_is_refused(world: World) -> None:
    text = "location,currency,full_day,effective_from\n" + "Paris,EUR,1,2025-01-01\n" * 50_000
    payload = await _import(world, text)
    assert [(dotted(e["field"]), e["code"]) for e in payload["errors"]] == [
        ("csv", "FILE_TOO_LARGE")
    ]
    assert not await models.PerDiemLocation.filter(name="Paris").exists()


async def test_another_organisations_policy_is_not_found(world: World) -> None:
    result = await execute(
        IMPORT, {"input": {"policyId": encode_id("PerDiemPolicy", world.other_policy.id),
                           "csv": GOOD}},
        viewer=viewer_for(world.admin),
    )  # fmt: skip
    assert result.data["perDiemRatesImport"]["errors"] == [
        {"field": ["policyId"], "message": "No such per diem policy.", "code": "NOT_FOUND"}
    ]
    assert await models.PerDiemLocation.filter(policy_id=world.other_policy.id).count() == 1


PARTS = "location,currency,full_day,breakfast,lunch,dinner,incidentals,partial_day,effective_from\n"


async def test_incidentals_and_partial_day_columns(world: World) -> None:
    text = (PARTS + "Chicago,USD,79.00,18.00,20.00,36.00,5.00,,2026-01-01\n"
            "Paris,EUR,39.00,,,,,26.00,2026-01-01\n")  # fmt: skip
    payload = await _import(world, text)
    assert (payload["errors"], payload["ratesCreated"]) == ([], 2)
    rows = await models.PerDiemRate.filter(
        location__policy_id=world.policy.id, location__name__in=["Chicago", "Paris"]
    ).order_by("currency")
    assert [(r.currency, r.full_day_minor, r.dinner_minor, r.incidentals_minor,
             r.partial_day_minor) for r in rows] == [
        ("EUR", 3900, None, None, 2600), ("USD", 7900, 3600, 500, None)
    ]  # fmt: skip


async def test_bad_incidentals_and_partial_day_cells_import_nothing(world: World) -> None:
    before = await models.PerDiemRate.all().count()
    syntax = await _import(world, PARTS + "Rome,EUR,40.00,,,,five,,2026-01-01\n")
    assert [(dotted(e["field"]), e["message"], e["code"]) for e in syntax["errors"]] == [
        ("csv.2.incidentals", "Line 2: 'five' is not an amount.", "INVALID_AMOUNT"),
    ]
    text = (PARTS + "Chicago,USD,79.00,18.00,20.00,41.00,5.00,,2026-01-01\n"
            "Paris,EUR,39.00,,,,,39.01,2026-01-01\n"
            "Oslo,NOK,700,,,,800,,2026-01-01\n")  # fmt: skip
    payload = await _import(world, text)
    assert [(dotted(e["field"]), e["message"], e["code"]) for e in payload["errors"]] == [
        ("csv.2.breakfast", "Line 2: Breakfast, lunch, dinner and incidentals must add up to "
         "the full-day amount.", "COMPONENTS_MISMATCH"),
        ("csv.3.partial_day", "Line 3: The partial-day amount may not exceed the full-day "
         "amount.", "INVALID_AMOUNT"),
        ("csv.4.incidentals", "Line 4: The incidentals are part of the full-day amount: at most "
         "that much.", "COMPONENTS_MISMATCH"),
    ]  # fmt: skip
    assert payload["ratesCreated"] == 0
    assert await models.PerDiemRate.all().count() == before
    assert not await models.PerDiemLocation.filter(
        policy_id=world.policy.id, name="Chicago"
    ).exists()
