"""The narrow collaborators the service hands to the parts it runs: the near-real-time
channels (``realtime.py``), the deletions (``deletion.py``) and the users sync
(``users_service.py``). They receive these, never the service, and import nothing of
``sync.service`` (the import-linter contract ``sync-without-circles``)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from orm import models
from sync.crm.protocol import CrmClient

# The time of the service (tests give a fixed one).
Clock = Callable[[], datetime]
# A client of the organisation's CRM, its secrets decrypted only inside the opener.
ClientOpener = Callable[[models.Integration], AbstractAsyncContextManager[CrmClient]]


class StartRun(Protocol):
    def __call__(
        self, org_id: int, trigger: str, *, modules: frozenset[str] | None = None
    ) -> Awaitable[models.SyncRun]: ...


@dataclass(frozen=True)
class RunGate:
    """The service's runs as a callback sees them: wait for an organisation's run in this
    process to end, start one (of some streams only), wait for every run to end (tests)."""

    wait: Callable[[int], Awaitable[None]]
    start: StartRun
    idle: Callable[[], Awaitable[None]]
