"""Sync runs are counted by trigger and final status where they end, with the last duration."""

from __future__ import annotations

from prometheus_client import REGISTRY

from orm import models
from sync.credentials import CredentialCipher
from sync.service import SyncService
from tests.sync.engine.conftest import CONNECTION, SIM, Crm, make_integration


def runs(trigger: str, status: str) -> float:
    value = REGISTRY.get_sample_value(
        "spendsync_sync_runs_total", {"trigger": trigger, "status": status}
    )
    return value or 0.0


async def test_a_run_that_ends_is_counted_with_its_duration(
    crm: Crm, org: models.Organization
) -> None:
    service = SyncService(
        CredentialCipher(CredentialCipher.generate_key()), crm.factory, allow_explicit_urls=False
    )
    await make_integration(
        org, client_id=CONNECTION.client_id, accounts_url=SIM, api_url=SIM,
        client_secret_encrypted=service.cipher.encrypt(CONNECTION.client_secret),
        refresh_token_encrypted=service.cipher.encrypt(CONNECTION.refresh_token),
    )  # fmt: skip
    before = runs("SCHEDULED", "FAILED")
    run = await service.run_now(org.id, "SCHEDULED")
    await service.aclose_when_idle()
    assert run.status is models.SyncStatus.FAILED
    assert runs("SCHEDULED", "FAILED") == before + 1
    assert run.started_at is not None and run.finished_at is not None
    duration = REGISTRY.get_sample_value("spendsync_sync_last_run_duration_seconds")
    assert duration == (run.finished_at - run.started_at).total_seconds()
