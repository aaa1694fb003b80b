"""The potentials option of the integration, set by an admin and applied to expenses, reports
and the potentials pickers."""

from __future__ import annotations

from typing import Any

from gql.ids import encode_id
from orm import models
from sync.credentials import CredentialCipher
from sync.service import SyncService
from tests.conftest import execute
from tests.factories import make_potential, viewer_for
from tests.gql.expenses.conftest import World
from tests.gql.expenses.test_expense_create import EXPENSE_CREATE, expense_input

OPTIONS = """
mutation($option: PotentialsOption!) {
  integrationOptionsSave(input: {potentialsOption: $option}) {
    integration { potentialsOption } errors { code }
  }
}
"""
REPORT_CREATE = """
mutation($input: ReportInput!) { reportCreate(input: $input) { errors { field code } } }
"""
POTENTIALS = "{ potentials { nodes { name } } }"


async def _names(user: models.User) -> list[str]:
    result = await execute(POTENTIALS, viewer=viewer_for(user))
    assert result.errors is None
    return [node["name"] for node in result.data["potentials"]["nodes"]]


async def _set(world: World, option: str) -> dict[str, Any]:
    service = SyncService(CredentialCipher(CredentialCipher.generate_key()))
    result = await execute(
        OPTIONS, {"option": option}, viewer=viewer_for(world.admin), sync=service
    )
    assert result.errors is None, result.errors
    data: dict[str, Any] = result.data["integrationOptionsSave"]
    return data


async def test_only_users_potentials_then_all_potentials(world: World) -> None:
    await models.Integration.create(org=world.org, state=models.IntegrationState.CONNECTED)
    bobs = await make_potential(world.org, world.globex, name="Bob's deal",
                                crm_id="4150868000000300002", owner_crm_user_id="crm-bob")  # fmt: skip
    assert await _names(world.bob) == ["Bob's deal", "Globex renewal"]  # ALL_POTENTIALS default

    assert await _set(world, "ONLY_USERS_POTENTIALS") == {
        "integration": {"potentialsOption": "ONLY_USERS_POTENTIALS"}, "errors": [],
    }  # fmt: skip
    assert (await models.Organization.get(id=world.org.id)).potential_scope.value == "OWN"
    assert await _names(world.bob) == ["Bob's deal"]
    assert await _names(world.alice) == ["Globex renewal"]
    assert await _names(world.admin) == ["Bob's deal", "Globex renewal"]  # admins see all
    others = encode_id("Potential", world.renewal.id)
    refused = await execute(
        EXPENSE_CREATE, {"input": {"expense": expense_input(world, potentialId=others)}},
        viewer=viewer_for(world.bob),
    )  # fmt: skip
    assert refused.data["expenseCreate"]["errors"][0]["code"] == "POTENTIAL_NOT_ALLOWED"
    report = {"name": "Trip", "startDate": "2026-01-01", "endDate": "2026-01-31",
              "potentialId": others}  # fmt: skip
    refused_report = await execute(REPORT_CREATE, {"input": report}, viewer=viewer_for(world.bob))
    assert refused_report.data["reportCreate"]["errors"] == [
        {"field": ["potentialId"], "code": "POTENTIAL_NOT_ALLOWED"}
    ]
    own = await execute(
        REPORT_CREATE,
        {"input": report | {"potentialId": encode_id("Potential", bobs.id)}},
        viewer=viewer_for(world.bob),
    )
    assert own.data["reportCreate"]["errors"] == []
    assert await models.Expense.filter(user_id=world.bob.id).count() == 0

    await _set(world, "ALL_POTENTIALS")  # changeable later
    assert await _names(world.bob) == ["Bob's deal", "Globex renewal"]
    allowed = await execute(
        EXPENSE_CREATE, {"input": {"expense": expense_input(world, potentialId=others)}},
        viewer=viewer_for(world.bob),
    )  # fmt: skip
    assert allowed.data["expenseCreate"]["errors"] == []
