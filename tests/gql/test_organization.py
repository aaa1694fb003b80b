from __future__ import annotations

import pytest

from orm import models
from tests.conftest import dotted, execute
from tests.factories import make_org, make_user, viewer_for

pytestmark = pytest.mark.usefixtures("db")

ORGANIZATION = "{ organization { name baseCurrency timeZone activeUserLimit activeUserCount } }"
ORGANIZATION_UPDATE = """
mutation Update($input: OrganizationUpdateInput!) {
  organizationUpdate(input: $input) {
    organization { name baseCurrency timeZone }
    errors { field code message }
  }
}
"""


async def test_the_organisation_is_readable_by_its_members() -> None:
    org = await make_org(active_user_limit=10)
    user = await make_user(org)
    await make_user(org, status=models.UserStatus.INACTIVE)
    result = await execute(ORGANIZATION, viewer=viewer_for(user))
    assert result.data["organization"] == {
        "name": "Acme Sales", "baseCurrency": "USD", "timeZone": "UTC",
        "activeUserLimit": 10, "activeUserCount": 1,
    }  # fmt: skip


async def test_an_admin_updates_the_organisation() -> None:
    admin = await make_user(await make_org(), role=models.UserRole.ADMIN)
    result = await execute(
        ORGANIZATION_UPDATE,
        {"input": {"name": "Acme EU", "baseCurrency": "eur", "timeZone": "Europe/Berlin"}},
        viewer=viewer_for(admin),
    )
    assert result.data["organizationUpdate"] == {
        "organization": {"name": "Acme EU", "baseCurrency": "EUR", "timeZone": "Europe/Berlin"},
        "errors": [],
    }
    stored = await models.Organization.get(id=admin.org_id)
    assert (stored.name, stored.base_currency, stored.time_zone) == (
        "Acme EU",
        "EUR",
        "Europe/Berlin",
    )


async def test_bad_organisation_input_changes_nothing() -> None:
    admin = await make_user(await make_org(), role=models.UserRole.ADMIN)
    result = await execute(
        ORGANIZATION_UPDATE,
        {"input": {"name": "Renamed", "baseCurrency": "XYZ", "timeZone": "Mars/Olympus"}},
        viewer=viewer_for(admin),
    )
    payload = result.data["organizationUpdate"]
    assert payload["organization"] is None
    assert {(dotted(e["field"]), e["code"]) for e in payload["errors"]} == {
        ("baseCurrency", "INVALID_CURRENCY"),
        ("timeZone", "INVALID_TIME_ZONE"),
    }
    stored = await models.Organization.get(id=admin.org_id)
    assert (stored.name, stored.base_currency, stored.time_zone) == ("Acme Sales", "USD", "UTC")


async def test_only_admins_update_the_organisation() -> None:
    approver = await make_user(await make_org(), role=models.UserRole.APPROVER)
    result = await execute(
        ORGANIZATION_UPDATE, {"input": {"name": "X"}}, viewer=viewer_for(approver)
    )
    assert result.errors[0].extensions["code"] == "FORBIDDEN"
    assert (await models.Organization.get(id=approver.org_id)).name == "Acme Sales"


async def test_members_read_whether_self_approval_is_allowed() -> None:
    strict = await make_user(await make_org())
    lenient = await make_user(await make_org(allow_self_approval=True))
    query = "{ organization { allowSelfApproval } }"
    assert (await execute(query, viewer=viewer_for(strict))).data == {
        "organization": {"allowSelfApproval": False}
    }
    assert (await execute(query, viewer=viewer_for(lenient))).data == {
        "organization": {"allowSelfApproval": True}
    }
