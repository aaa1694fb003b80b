"""Read throughput of ``ZohoCrmClient`` against the CRM simulator over loopback (uvicorn).

Run: ``.venv/bin/python bench/crm_client.py [--records N]``

For each simulated latency per request (0 and 200 ms) and each concurrency (1, 5, 10), the
benchmark runs the simulator in a child process (uvicorn, one worker) and starts
``concurrency`` readers that each walk the whole Accounts module (page numbers,
then page tokens past 2,000) through ONE client whose organisation limiter allows
``concurrency`` requests in flight. It prints records read per second and the ratio of the wall
time to the critical-path bound ``pages x latency / concurrency`` (1.00 = no overhead beyond
the simulated latency; not defined at latency 0), and the client process's CPU time per page
and the simulator process's CPU time per page (read from ``/proc``; "n/a" off Linux).
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this folder comes first on sys.path, and bench/sync.py would hide the
# project's `sync` package: drop the folder before importing the project.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse
import asyncio
import os
import platform
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import uvicorn

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sync.crm import OAuthCredentials, OrgLimiter, ZohoCrmClient
from sync.crm.simulator import CrmStore, SimulatorConfig, create_simulator_app

FIELDS = ["Account_Name", "Owner", "Phone", "Website", "Industry", "Billing_City"]


def _serve_forever(records: int, latency_ms: int, port: int) -> None:
    """Child process: the simulator under uvicorn on 127.0.0.1:``port``."""
    store = CrmStore.generate(seed=1, accounts=records, contacts=0, deals=0, users=3)
    app = create_simulator_app(store, SimulatorConfig(latency_ms=latency_ms))
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process (Linux ``/proc``), None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def serve(records: int, latency_ms: int) -> Iterator[tuple[str, int]]:
    """Run the simulator in its own process (no shared GIL with the client); yield URL, pid."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    child = subprocess.Popen(  # our own interpreter and script
        [
            sys.executable,
            __file__,
            "--serve",
            str(port),
            "--records",
            str(records),
            "--latency",
            str(latency_ms),
        ]
    )
    deadline = time.monotonic() + 60
    try:
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                if time.monotonic() > deadline or child.poll() is not None:
                    raise RuntimeError("the simulator did not start") from None
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}", child.pid
    finally:
        child.terminate()
        child.wait(timeout=10)


async def read_all(client: ZohoCrmClient) -> tuple[int, int]:
    records = pages = 0
    async for page in client.iter_pages(
        "Accounts", FIELDS, sort_by="Modified_Time", sort_order="asc"
    ):
        pages += 1
        records += len(page.records)
    return records, pages


async def run_case(
    base_url: str, config: SimulatorConfig, concurrency: int
) -> tuple[int, int, float, float]:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits) as http:
        client = ZohoCrmClient(
            http,
            OAuthCredentials(config.client_id, config.client_secret, config.refresh_token),
            accounts_url=base_url,
            api_url=base_url,
            limiter=OrgLimiter(max_in_flight=concurrency),
            timeout=60.0,
        )
        await client.get_org()  # token and connection warm-up, outside the timing
        started, cpu = time.perf_counter(), time.process_time()
        results = await asyncio.gather(*(read_all(client) for _ in range(concurrency)))
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    return sum(r for r, _ in results), sum(p for _, p in results), elapsed, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=6000, help="Accounts in the store")
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--latency", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        _serve_forever(args.records, args.latency, args.serve)
        return

    print(
        f"# {args.records} Accounts, 200 per page, {len(FIELDS)} fields; "
        f"Python {platform.python_version()}, {platform.machine()}, "
        f"httpx {httpx.__version__}, uvicorn {uvicorn.__version__}"
    )
    print(
        "| latency/request | concurrency | records read | pages | seconds | records/s "
        "| bound (s) | ratio to bound | client CPU/page | simulator CPU/page |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for latency_ms in (0, 200):
        config = SimulatorConfig(latency_ms=latency_ms)
        with serve(args.records, latency_ms) as (base_url, pid):
            for concurrency in (1, 5, 10):
                server_before = cpu_seconds(pid)
                records, pages, elapsed, cpu = asyncio.run(run_case(base_url, config, concurrency))
                server_after = cpu_seconds(pid)
                server = (
                    f"{(server_after - server_before) / pages * 1000:.1f} ms"
                    if server_before is not None and server_after is not None
                    else "n/a"
                )
                bound = pages * latency_ms / 1000 / concurrency
                ratio = f"{elapsed / bound:.2f}" if bound else "n/a"
                print(
                    f"| {latency_ms} ms | {concurrency} | {records} | {pages} | {elapsed:.2f} "
                    f"| {records / elapsed:,.0f} | {bound:.2f} | {ratio} "
                    f"| {cpu / pages * 1000:.1f} ms | {server} |",
                    flush=True,
                )


if __name__ == "__main__":
    main()
