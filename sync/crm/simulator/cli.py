"""``spendsync crm-sim``: serve a generated store with uvicorn (token and API on one port)."""

from __future__ import annotations

import argparse

import httpx
from starlette.applications import Starlette

from sync.crm.simulator.app import create_simulator_app
from sync.crm.simulator.config import (
    DEMO_CLIENT_ID,
    DEMO_CLIENT_SECRET,
    DEMO_REFRESH_TOKEN,
    SimulatorConfig,
)
from sync.crm.simulator.store import CrmStore


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8001)
    parser.add_argument(
        "--demo", action="store_true", help="serve the small demo dataset (ignores the counts)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--accounts", type=int, default=300)
    parser.add_argument("--contacts", type=int, default=900)
    parser.add_argument("--deals", type=int, default=400)
    parser.add_argument("--users", type=int, default=25)
    parser.add_argument("--multi-currency", action="store_true")
    parser.add_argument("--latency-ms", type=int, default=0)
    parser.add_argument("--client-id", default=DEMO_CLIENT_ID)
    parser.add_argument("--client-secret", default=DEMO_CLIENT_SECRET)
    parser.add_argument("--refresh-token", default=DEMO_REFRESH_TOKEN)
    parser.add_argument("--daily-credits", type=int, default=None)
    parser.add_argument("--max-concurrency", type=int, default=None)
    parser.add_argument("--search-index-delay", type=float, default=0.0)


def build_app(args: argparse.Namespace, notifier: httpx.AsyncClient | None = None) -> Starlette:
    store = (
        CrmStore.demo()
        if args.demo
        else CrmStore.generate(
            seed=args.seed,
            accounts=args.accounts,
            contacts=args.contacts,
            deals=args.deals,
            users=args.users,
            multi_currency=args.multi_currency,
        )
    )
    config = SimulatorConfig(
        client_id=args.client_id,
        client_secret=args.client_secret,
        refresh_token=args.refresh_token,
        latency_ms=args.latency_ms,
        daily_credits=args.daily_credits,
        max_concurrency=args.max_concurrency,
        search_index_delay_s=args.search_index_delay,
    )
    return create_simulator_app(store, config, notifier=notifier)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    base = f"http://{args.host}:{args.port}"
    print(f"Zoho CRM simulator on {base}  (token: {base}/oauth/v2/token, API: {base}/crm/v8/)")
    print(f"  client_id={args.client_id}")
    print(f"  client_secret={args.client_secret}")
    print(f"  refresh_token={args.refresh_token}")
    dataset = (
        "demo dataset"
        if args.demo
        else f"seed={args.seed} accounts={args.accounts} contacts={args.contacts} "
        f"deals={args.deals} users={args.users}"
    )
    print(f"  {dataset} latency_ms={args.latency_ms}", flush=True)
    notifier = httpx.AsyncClient(timeout=httpx.Timeout(5.0))
    app = build_app(args, notifier)
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(prog="spendsync crm-sim", description=__doc__)
    add_arguments(parser)
    return run(parser.parse_args())


if __name__ == "__main__":
    raise SystemExit(main())
