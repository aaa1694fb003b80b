"""Prometheus metrics of sync runs, recorded where a run ends (``SyncService._execute``).

The metrics live in prometheus_client's default registry of the process that ran the sync; with
``PROMETHEUS_MULTIPROC_DIR`` set they are written to that directory instead and every process
of the machine that shares it is reported together (docs/OPERATIONS.md).
"""

from __future__ import annotations

from prometheus_client import Counter, Gauge

SYNC_RUNS = Counter(
    "spendsync_sync_runs_total",
    "CRM sync runs that ended, by trigger and final status.",
    ["trigger", "status"],
)
SYNC_LAST_DURATION = Gauge(
    "spendsync_sync_last_run_duration_seconds",
    "Duration of the last CRM sync run that ended (started_at to finished_at).",
    multiprocess_mode="mostrecent",
)


def run_ended(trigger: str, status: str, seconds: float | None) -> None:
    """Count a run that ended; its duration when it started (a run cancelled while queued has
    none)."""
    SYNC_RUNS.labels(trigger=trigger, status=status).inc()
    if seconds is not None:
        SYNC_LAST_DURATION.set(max(seconds, 0.0))
