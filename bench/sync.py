"""Speed of a full customer + potential sync against the simulator on loopback.

Run: .venv/bin/python bench/sync.py --records 50000 --latency-ms 200 --concurrency 5

The simulator (half accounts, half deals) runs in its own process with the given latency per
request; the sync runs here, into a fresh SQLite file, through the real client. The bound is the
critical path the CRM allows: the larger of (all pages * latency / concurrency) and (the longest
stream's pages * latency, since a page_token chain is sequential). The last line is
``records=… wall_s=… bound_s=… ratio=… records_per_s=… peak_rss_mb=…``.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this file's folder comes first on sys.path and this module ("sync") would
# hide the project's `sync` package: drop the folder before importing the project.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse
import asyncio
import math
import os
import resource
import tempfile
import time

from tortoise import Tortoise

from orm import models
from orm.config import tortoise_config
from sync.credentials import CredentialCipher
from sync.crm.factory import ClientFactory
from sync.crm.ratelimit import LimiterRegistry
from sync.crm.simulator import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, DEMO_REFRESH_TOKEN
from sync.crm.simulator.process import simulator_process
from sync.service import SyncService
from web.database import apply_migrations

ROOT = Path(__file__).resolve().parent.parent
PAGE = 200


async def measure(records: int, latency_ms: int, concurrency: int) -> str:
    accounts, deals = records // 2, records - records // 2
    options = {"seed": 1, "accounts": accounts, "contacts": 0, "deals": deals, "users": 5,
               "latency_ms": latency_ms}  # fmt: skip
    with (
        simulator_process(options) as url,
        tempfile.TemporaryDirectory(prefix="spendsync-bench-") as directory,
    ):
        database_url = f"sqlite://{directory}/bench.sqlite3"
        await apply_migrations(database_url)
        await Tortoise.init(config=tortoise_config(database_url))
        cipher = CredentialCipher(CredentialCipher.generate_key())
        org = await models.Organization.create(name="Bench")
        await models.Integration.create(
            org=org, state=models.IntegrationState.CONNECTED, accounts_url=url, api_url=url,
            client_id=DEMO_CLIENT_ID, client_secret_encrypted=cipher.encrypt(DEMO_CLIENT_SECRET),
            refresh_token_encrypted=cipher.encrypt(DEMO_REFRESH_TOKEN),
            customer_module=models.CustomerModule.ACCOUNTS, customers_configured=True,
        )  # fmt: skip
        factory = ClientFactory()
        factory.limiters = LimiterRegistry(max_in_flight=concurrency)
        service = SyncService(cipher, factory)
        started = time.perf_counter()
        run = await service.run_now(org.id, "MANUAL")
        wall = time.perf_counter() - started
        assert run.status is models.SyncStatus.SUCCEEDED, run.error_message
        assert run.processed == records, (run.processed, records)
        await Tortoise.close_connections()
    latency = latency_ms / 1000
    pages = [math.ceil(accounts / PAGE), math.ceil(deals / PAGE)]
    bound = max(sum(pages) * latency / concurrency, max(pages) * latency)
    ratio = f"{wall / bound:.2f}" if bound else "n/a"
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return (
        f"records={records} wall_s={wall:.2f} bound_s={bound:.2f} ratio={ratio} "
        f"records_per_s={records / wall:.0f} peak_rss_mb={rss_mb:.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--records", type=int, default=50_000)
    parser.add_argument("--latency-ms", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    print(asyncio.run(measure(args.records, args.latency_ms, args.concurrency)))


if __name__ == "__main__":
    main()
