"""Lifecycle settings through GraphQL: admin only, per organisation; the Sync Modules guard."""

from __future__ import annotations

from typing import Any

import pytest

from orm import models
from resolvers.errors import ErrorCode, Refused
from resolvers.lifecycle import SYNC_MODULES_OFF_MESSAGE, require_sync_modules, sync_modules_refusal
from resolvers.notifications import notify_admins
from sync.credentials import CredentialCipher
from sync.service import SyncService
from tests.conftest import execute
from tests.factories import make_org, make_user, viewer_for

OPTIONS = """
mutation($input: IntegrationOptionsInput!) {
  integrationOptionsSave(input: $input) {
    integration { syncModules realTimeSync potentialsOption } errors { field code }
  }
}
"""
ADMIN_ONLY = {
    "integrationOptionsSave": 'mutation { integrationOptionsSave(input: {syncModules: true}) '
                              '{ errors { code } } }',
    "integrationDisable": "mutation { integrationDisable { errors { code } } }",
    "integrationEnable": "mutation { integrationEnable { errors { code } } }",
    "integrationDelete": "mutation { integrationDelete(input: {mode: CONVERT_ALL}) "
                         "{ errors { code } } }",
    "integrationDeletion": "{ integrationDeletion { status } }",
}  # fmt: skip
STATE = "{ integration { state syncModules } integrationDeletion { status mode } }"


@pytest.fixture
def service() -> SyncService:
    return SyncService(
        CredentialCipher(CredentialCipher.generate_key()), notify_admins=notify_admins
    )


async def _run(document: str, user: models.User, service: SyncService, **variables: Any) -> Any:
    result = await execute(document, variables or None, viewer=viewer_for(user), sync=service)
    assert result.errors is None, result.errors
    return result.data


async def _connected_org(name: str) -> tuple[models.Organization, models.User]:
    org = await make_org(name=name)
    await models.Integration.create(org=org, state=models.IntegrationState.CONNECTED)
    return org, await make_user(org, role=models.UserRole.ADMIN)


async def test_submitters_are_refused_every_lifecycle_operation(
    db: None, service: SyncService
) -> None:
    org, _ = await _connected_org("Acme")
    submitter = await make_user(org)
    for name, document in ADMIN_ONLY.items():
        result = await execute(document, viewer=viewer_for(submitter), sync=service)
        assert result.errors is not None, name
        assert result.errors[0].extensions == {"code": "FORBIDDEN"}, name
    integration = await models.Integration.get(org_id=org.id)
    assert integration.state is models.IntegrationState.CONNECTED
    assert integration.sync_modules is False
    assert not await models.IntegrationDeletion.exists()


async def test_options_are_stored_and_each_left_out_stays(db: None, service: SyncService) -> None:
    _, admin = await _connected_org("Acme")
    on = await _run(OPTIONS, admin, service, input={"syncModules": True})
    assert on["integrationOptionsSave"] == {
        "integration": {"syncModules": True, "realTimeSync": False,
                        "potentialsOption": "ALL_POTENTIALS"},
        "errors": [],
    }  # fmt: skip
    changed = await _run(
        OPTIONS, admin, service, input={"potentialsOption": "ONLY_USERS_POTENTIALS"}
    )
    assert changed["integrationOptionsSave"]["integration"] == {
        "syncModules": True, "realTimeSync": False, "potentialsOption": "ONLY_USERS_POTENTIALS",
    }  # fmt: skip
    assert (await models.Integration.get()).sync_modules is True


async def test_options_need_a_connected_crm(db: None, service: SyncService) -> None:
    org = await make_org()
    admin = await make_user(org, role=models.UserRole.ADMIN)
    refused = await _run(OPTIONS, admin, service, input={"syncModules": True})
    assert refused["integrationOptionsSave"] == {
        "integration": None, "errors": [{"field": None, "code": "NOT_CONNECTED"}],
    }  # fmt: skip
    assert not await models.Integration.exists()


async def test_the_sync_modules_guard_refuses_with_a_clear_message(
    db: None, service: SyncService
) -> None:
    org = await make_org()
    admin = await make_user(org, role=models.UserRole.ADMIN)
    viewer = viewer_for(await make_user(org))
    refusal = await sync_modules_refusal(viewer)  # no integration at all
    assert refusal is not None and refusal.code is ErrorCode.SYNC_MODULES_OFF
    await models.Integration.create(org=org, state=models.IntegrationState.CONNECTED)
    with pytest.raises(Refused) as refused:
        await require_sync_modules(viewer)
    [error] = refused.value.errors
    assert (error.code, error.message) == (ErrorCode.SYNC_MODULES_OFF, SYNC_MODULES_OFF_MESSAGE)
    assert "Sync Modules" in error.message

    await _run(OPTIONS, admin, service, input={"syncModules": True})
    assert await sync_modules_refusal(viewer) is None
    await require_sync_modules(viewer)  # no exception: the pages are available

    await _run("mutation { integrationDisable { errors { code } } }", admin, service)
    disabled = await sync_modules_refusal(viewer)
    assert disabled is not None and disabled.code is ErrorCode.INTEGRATION_DISABLED


async def test_lifecycle_is_per_organisation(db: None, service: SyncService) -> None:
    acme, acme_admin = await _connected_org("Acme")
    globex, globex_admin = await _connected_org("Globex")
    await _run("mutation { integrationDisable { errors { code } } }", globex_admin, service)
    await _run(OPTIONS, globex_admin, service, input={"syncModules": True})
    await _run(ADMIN_ONLY["integrationDelete"], globex_admin, service)
    await service.deletions.idle()

    assert await _run(STATE, acme_admin, service) == {
        "integration": {"state": "CONNECTED", "syncModules": False}, "integrationDeletion": None,
    }  # fmt: skip
    assert await _run(STATE, globex_admin, service) == {
        "integration": {"state": "NOT_CONNECTED", "syncModules": False},
        "integrationDeletion": {"status": "SUCCEEDED", "mode": "CONVERT_ALL"},
    }  # fmt: skip
    # Acme's admin cannot delete Acme's integration through Globex's being disabled
    refused = await _run(ADMIN_ONLY["integrationDelete"], acme_admin, service)
    assert refused["integrationDelete"]["errors"] == [{"code": "INTEGRATION_NOT_DISABLED"}]
    assert await models.Notification.filter(org_id=acme.id).count() == 0
    assert await models.Notification.filter(org_id=globex.id, user_id=globex_admin.id).count() == 1
