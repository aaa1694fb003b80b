"""A small version of bench/sync_crash.py: kill -9 a sync mid-run, rerun, compare with the CRM."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[3] / "bench" / "sync_crash.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("sync_crash", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_killed_syncs_converge_without_duplicates_or_losses() -> None:
    outcomes = _bench().run(runs=3, records=500, seed=4, window_min=100)
    assert [(o.converged, o.duplicates, o.missing, o.mismatched) for o in outcomes] == [
        (True, 0, 0, 0)
    ] * 3
