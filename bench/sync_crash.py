"""Crash safety of the sync: kill -9 a sync process at random points, rerun it, compare.

Run: .venv/bin/python bench/sync_crash.py --runs 20 --records 3000 [--db postgres]

The simulator runs in its own process (its data survives the killed syncs). Each trial starts
from an empty database, starts `spendsync sync`, kills it with SIGKILL at a seeded random point
of a clean run's duration, reruns it to completion and compares the result with the CRM's data
(regenerated from the same seed). The last line is
``converged=N/N duplicates=0 missing=0 mismatched=0``.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this folder comes first on sys.path, and bench/sync.py would hide the
# project's `sync` package: drop the folder before importing the project.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))  # tests.support.postgres: the throwaway cluster of the tests

import argparse
import asyncio
import os
import random
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass

import asyncpg  # type: ignore[import-untyped]
from tortoise import Tortoise

from orm import models
from orm.config import tortoise_config
from sync.credentials import CredentialCipher
from sync.crm.simulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_REFRESH_TOKEN, CrmStore
from sync.crm.simulator.process import simulator_process
from tests.support.postgres import Cluster, start_cluster
from web.database import apply_migrations


@dataclass
class Outcome:
    converged: bool
    duplicates: int
    missing: int
    mismatched: int


def _dataset(seed: int, records: int) -> dict[str, int]:
    accounts = records // 2
    return {
        "seed": seed,
        "accounts": accounts,
        "contacts": 0,
        "deals": records - accounts,
        "users": 3,
    }


async def prepare(database_url: str, crm_url: str, key: str) -> int:
    await apply_migrations(database_url)
    await Tortoise.init(config=tortoise_config(database_url))
    try:
        cipher = CredentialCipher(key)
        org = await models.Organization.create(name="Crash test")
        await models.Integration.create(
            org=org, state=models.IntegrationState.CONNECTED, accounts_url=crm_url, api_url=crm_url,
            client_id=DEMO_CLIENT_ID, client_secret_encrypted=cipher.encrypt(DEMO_CLIENT_SECRET),
            refresh_token_encrypted=cipher.encrypt(DEMO_REFRESH_TOKEN),
            customer_module=models.CustomerModule.ACCOUNTS, customers_configured=True,
        )  # fmt: skip
        return org.id
    finally:
        await Tortoise.close_connections()


def sync_command(org_id: int) -> list[str]:
    return [sys.executable, "-m", "web.cli", "sync", "--org", str(org_id), "--takeover"]


async def compare(database_url: str, seed: int, records: int) -> Outcome:
    store = CrmStore.generate(**_dataset(seed, records))
    await Tortoise.init(config=tortoise_config(database_url))
    try:
        customers = await models.Customer.all()
        potentials = await models.Potential.all()
    finally:
        await Tortoise.close_connections()
    by_id: dict[str, list[models.Customer]] = {}
    for customer in customers:
        by_id.setdefault(customer.crm_id or "", []).append(customer)
    deals: dict[str, list[models.Potential]] = {}
    for potential in potentials:
        deals.setdefault(potential.crm_id or "", []).append(potential)
    duplicates = sum(len(rows) - 1 for rows in by_id.values()) + sum(
        len(r) - 1 for r in deals.values()
    )
    duplicates += sum(1 for key in by_id if key not in store.records["Accounts"])
    missing = mismatched = 0
    for crm_id, account in store.records["Accounts"].items():
        rows = by_id.get(crm_id)
        if not rows:
            missing += 1
        elif rows[0].name != account["Account_Name"] or rows[0].phone != account["Phone"]:
            mismatched += 1
    for crm_id, deal in store.records["Deals"].items():
        found = deals.get(crm_id)
        if not found:
            missing += 1
        elif found[0].name != deal["Deal_Name"] or found[0].amount_minor != round(
            deal["Amount"] * 100
        ):
            mismatched += 1
    converged = duplicates == missing == mismatched == 0
    return Outcome(converged, duplicates, missing, mismatched)


def trial(
    make_database: Callable[[str], str],
    index: int,
    crm_url: str,
    seed: int,
    records: int,
    kill_after: float,
    env: dict[str, str],
) -> Outcome:
    database_url = make_database(f"trial_{index}")
    org_id = asyncio.run(prepare(database_url, crm_url, env["CREDENTIALS_KEY"]))
    trial_env = env | {"DATABASE_URL": database_url}
    victim = subprocess.Popen(sync_command(org_id), cwd=ROOT, env=trial_env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        victim.wait(timeout=kill_after)
    except subprocess.TimeoutExpired:
        os.kill(victim.pid, signal.SIGKILL)
        victim.wait()
    rerun = subprocess.run(sync_command(org_id), cwd=ROOT, env=trial_env, capture_output=True,
                           text=True, timeout=600)  # fmt: skip
    if rerun.returncode != 0:
        raise RuntimeError(f"the rerun failed:\n{rerun.stdout[-2000:]}\n{rerun.stderr[-4000:]}")
    return asyncio.run(compare(database_url, seed, records))


def _postgres_database(cluster: Cluster) -> Callable[[str], str]:
    def create(name: str) -> str:
        async def make() -> None:
            connection = await asyncpg.connect(cluster.url)
            try:
                await connection.execute(f'CREATE DATABASE "{name}"')
            finally:
                await connection.close()

        asyncio.run(make())
        return cluster.url_for(name)

    return create


def run(
    runs: int, records: int, seed: int = 1, window_min: int = 1000, db: str = "sqlite"
) -> list[Outcome]:
    """``window_min``: modules with at least this many records are read in parallel
    ``Modified_Time`` windows (so a kill can land while windows complete out of order).
    ``db``: each trial's database is a SQLite file, or a database of one throwaway PostgreSQL
    cluster."""
    rng = random.Random(seed)
    cluster = start_cluster() if db == "postgres" else None
    try:
        with (
            simulator_process(_dataset(seed, records), timeout=60) as crm_url,
            tempfile.TemporaryDirectory(prefix="spendsync-crash-") as directory,
        ):
            workdir = Path(directory)
            make_database = (
                _postgres_database(cluster)
                if cluster is not None
                else (lambda name: f"sqlite://{workdir}/{name}.sqlite3")
            )
            env = os.environ | {
                "CREDENTIALS_KEY": CredentialCipher.generate_key(),
                "SPENDSYNC_VAR_DIR": str(workdir / "var"),
                "SYNC_WINDOW_MIN_RECORDS": str(window_min),
                "SYNC_WINDOW_MIN_LATENCY_MS": "0",  # split although the simulator answers at once
            }
            return _trials(make_database, crm_url, runs, records, seed, rng, env)
    finally:
        if cluster is not None:
            cluster.stop()


def _trials(
    make_database: Callable[[str], str],
    crm_url: str,
    runs: int,
    records: int,
    seed: int,
    rng: random.Random,
    env: dict[str, str],
) -> list[Outcome]:
    started = time.monotonic()
    clean = trial(make_database, 0, crm_url, seed, records, kill_after=3600, env=env)
    duration = time.monotonic() - started
    if not clean.converged:
        raise RuntimeError(f"a clean run did not converge: {clean}")
    outcomes = []
    for index in range(1, runs + 1):
        kill_after = rng.uniform(0.05, 0.95) * duration
        outcomes.append(trial(make_database, index, crm_url, seed, records, kill_after, env))
    return outcomes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--records", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--window-min-records", type=int, default=1000)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    args = parser.parse_args()
    outcomes = run(args.runs, args.records, args.seed, args.window_min_records, args.db)
    converged = sum(o.converged for o in outcomes)
    duplicates = sum(o.duplicates for o in outcomes)
    missing = sum(o.missing for o in outcomes)
    mismatched = sum(o.mismatched for o in outcomes)
    print(
        f"converged={converged}/{len(outcomes)} duplicates={duplicates} missing={missing} "
        f"mismatched={mismatched}"
    )


if __name__ == "__main__":
    main()
