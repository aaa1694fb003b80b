"""The ``spendsync`` console script."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import os
import sys
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from web.settings import PROJECT_ROOT, Settings, SettingsError

if TYPE_CHECKING:
    from orm.models import SyncRun
    from resolvers.errors import FieldError

SCHEMA_FILE = PROJECT_ROOT / "schema.graphql"


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from web.app import create_app
    from web.database import apply_migrations, ensure_demo

    if args.workers < 1:
        print("--workers must be at least 1.", file=sys.stderr)
        return 2
    if args.workers > 1 and settings.sync_runner != "jobs":
        # each process would schedule and run syncs itself: only the job queue is shared
        message = (
            "--workers above 1 needs PostgreSQL with SYNC_RUNNER=jobs (syncs run in "
            "`spendsync worker` processes); with SQLite serve one process."
        )
        print(message, file=sys.stderr)
        return 2
    applied = asyncio.run(apply_migrations(settings.database_url))
    if applied:
        print(f"Applied migrations: {', '.join(applied)}")
    if not args.no_demo:
        demo = asyncio.run(ensure_demo(settings.database_url))
        if demo is not None:
            print(
                "\nCreated the demo organisation. Sign in at "
                f"http://{args.host or settings.host}:{args.port or settings.port}/login\n"
                f"  e-mail:   {demo.email}\n  password: {demo.password}\n"
                "(shown once; `spendsync createadmin` adds more admins)\n",
                flush=True,
            )
    # one process: the app itself; several: each builds it from the same environment
    several = args.workers > 1
    uvicorn.run(
        "web.app:app_from_env" if several else create_app(settings),
        factory=several,
        workers=args.workers if several else None,
        host=args.host or settings.host,
        port=args.port or settings.port,
        log_level=settings.log_level.lower(),
        # the client address (sign-in throttling) comes from X-Forwarded-For only when it is
        # sent by a proxy named in FORWARDED_ALLOW_IPS
        proxy_headers=bool(settings.forwarded_allow_ips),
        forwarded_allow_ips=settings.forwarded_allow_ips or None,
    )
    return 0


def _migrate(args: argparse.Namespace, settings: Settings) -> int:
    from web.database import apply_migrations

    applied = asyncio.run(apply_migrations(settings.database_url))
    print(f"Applied: {', '.join(applied)}" if applied else "Database is up to date.")
    return 0


def _read_password(from_stdin: bool) -> str:
    env_password = os.environ.get("SPENDSYNC_ADMIN_PASSWORD")
    if env_password:
        return env_password
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Password (again): "):
        raise SystemExit("The passwords differ.")
    return first


def _createadmin(args: argparse.Namespace, settings: Settings) -> int:
    from tortoise import Tortoise

    from orm.config import tortoise_config
    from resolvers.organizations import create_organization_with_admin

    password = _read_password(args.password_stdin)

    async def create() -> list[str]:
        await Tortoise.init(config=tortoise_config(settings.database_url))
        try:
            result = await create_organization_with_admin(
                org_name=args.organization,
                base_currency=args.currency,
                time_zone=args.time_zone,
                admin_email=args.email,
                admin_name=args.name,
                admin_password=password,
                active_user_limit=args.user_limit,
            )
        finally:
            await Tortoise.close_connections()
        return [f"{e.field or 'input'}: {e.message} ({e.code})" for e in result.errors]

    problems = asyncio.run(create())
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    print(f"Created organisation {args.organization!r} with admin {args.email}.")
    return 0


def _export_schema(args: argparse.Namespace, settings: Settings) -> int:
    from gql.schema import schema_sdl

    sdl = schema_sdl()
    target = Path(args.output)
    if args.check:
        if not target.exists() or target.read_text() != sdl:
            print(f"{target} is out of date: run `spendsync export-schema`.", file=sys.stderr)
            return 1
        return 0
    target.write_text(sdl)
    print(f"Wrote {target}")
    return 0


def _makemigrations(args: argparse.Namespace, settings: Settings) -> int:
    from web.database import make_migrations

    written = make_migrations(args.name)
    for dialect, name in written.items():
        print(f"{dialect}: {name or 'no changes'}")
    return 0


def _sync(args: argparse.Namespace, settings: Settings) -> int:
    from resolvers.sync_runtime import run_once

    def show(sync_run: SyncRun) -> None:
        total = max(sync_run.estimated_total, sync_run.processed, 1)
        filled = int(30 * sync_run.processed / total)
        bar = "#" * filled + "." * (30 - filled)
        line = f"[{bar}] {sync_run.processed}/{sync_run.estimated_total}"
        print(f"\r{line} {sync_run.status.value:<9}", end="", flush=True)

    async def run() -> int:
        sync_run = await run_once(settings, args.org, takeover=args.takeover, progress=show)
        if sync_run is None:
            print(f"Organisation {args.org} has no connected CRM integration.", file=sys.stderr)
            return 2
        print(
            f"\ncreated={sync_run.created} updated={sync_run.updated} "
            f"cloned={sync_run.cloned} merged={sync_run.merged} skipped={sync_run.skipped} "
            f"deactivated={sync_run.deactivated} failed={sync_run.failed}"
        )
        if sync_run.error_message:
            print(sync_run.error_message, file=sys.stderr)
        return 0 if sync_run.status.value == "SUCCEEDED" else 1

    return _with_database(settings, run)


def _worker(args: argparse.Namespace, settings: Settings) -> int:
    from orm.config import dialect_of
    from resolvers.sync_runtime import run_worker

    if dialect_of(settings.database_url) != "postgres":
        print("spendsync worker needs a PostgreSQL DATABASE_URL; with SQLite the app runs "
              "syncs itself.", file=sys.stderr)  # fmt: skip
        return 2

    async def work() -> int:
        if await run_worker(settings, concurrency=args.concurrency, apply_schema=args.apply_schema):
            print("Applied the procrastinate schema.")
        return 0

    return _with_database(settings, work)


def _problems(errors: Sequence[FieldError]) -> str:
    return "\n".join(f"{e.field or 'input'}: {e.message} ({e.code})" for e in errors)


def _with_database(settings: Settings, work: Callable[[], Awaitable[int]]) -> int:
    from tortoise import Tortoise

    from orm.config import tortoise_config

    async def run() -> int:
        await Tortoise.init(config=tortoise_config(settings.database_url))
        try:
            return await work()
        finally:
            await Tortoise.close_connections()

    return asyncio.run(run())


def _base_url(settings: Settings) -> str:
    return settings.public_base_url or f"http://{settings.host}:{settings.port}"


def _reset_link(args: argparse.Namespace, settings: Settings) -> int:
    from resolvers.identity import links
    from resolvers.mail import LogMailer, Postman

    accounts = links.AccountLinks(settings.secret_key, Postman(LogMailer()))

    async def work() -> int:
        result = await links.link_for_address(
            accounts, args.email, org_id=args.org, base_url=_base_url(settings)
        )
        if result.value is None:
            print(_problems(result.errors), file=sys.stderr)
            return 1
        print(result.value)
        print("The link works once; open it to choose a password.", file=sys.stderr)
        return 0

    return _with_database(settings, work)


def _token_create(args: argparse.Namespace, settings: Settings) -> int:
    from datetime import UTC, datetime, timedelta

    from resolvers.identity import tokens

    if args.expires_days is not None and not 1 <= args.expires_days <= 3650:
        print("--expires-days must be between 1 and 3650.", file=sys.stderr)
        return 2
    expires_at = None
    if args.expires_days is not None:
        expires_at = datetime.now(UTC) + timedelta(days=args.expires_days)

    async def work() -> int:
        result = await tokens.create_token_for_address(
            args.email, org_id=args.org, name=args.name, expires_at=expires_at,
            read_only=args.read_only,
        )  # fmt: skip
        if result.value is None:
            print(_problems(result.errors), file=sys.stderr)
            return 1
        print(result.value.secret)
        until = f"until {expires_at:%Y-%m-%d %H:%M} UTC" if expires_at else "until revoked"
        access = "read-only " if args.read_only else ""
        print(f"{access}API token {args.name!r} for {args.email}, valid {until}; shown once: "
              "send it as `Authorization: Bearer <token>`.", file=sys.stderr)  # fmt: skip
        return 0

    return _with_database(settings, work)


def _rotate_keys(args: argparse.Namespace, settings: Settings) -> int:
    from resolvers import credentials

    old_keys = [*(args.old_key or []), *settings.credentials_key_previous]
    if not all(credentials.is_key(key) for key in old_keys):
        print("--old-key: not a Fernet key.", file=sys.stderr)
        return 2

    async def work() -> int:
        result = await credentials.rotate_keys(settings.credentials_key, old_keys)
        print(f"CRM credentials re-encrypted with CREDENTIALS_KEY: {result.rotated} "
              f"integration(s); already current: {result.current}.")  # fmt: skip
        print(f"Embed secrets re-encrypted: {result.embed_rotated}; "
              f"already current: {result.embed_current}.")  # fmt: skip
        if result.unreadable:
            orgs = ", ".join(str(org) for org in result.unreadable)
            print(f"No key given can read the credentials of organisation(s) {orgs}: pass "
                  "the key they were written with (--old-key), or reconnect them.",
                  file=sys.stderr)  # fmt: skip
            return 1
        return 0

    return _with_database(settings, work)


def _crm_sim(args: argparse.Namespace, settings: Settings) -> int:
    from sync.crm.simulator import cli

    return cli.run(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="spendsync", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="apply migrations and serve the app")
    serve.add_argument("--host", help="default: $HOST or 127.0.0.1")
    serve.add_argument("--port", type=int, help="default: $PORT or 8000")
    serve.add_argument("--no-demo", action="store_true", help="skip the first-start demo data")
    serve.add_argument(
        "--workers", type=int, default=1,
        help="app processes sharing the port (PostgreSQL with SYNC_RUNNER=jobs); default 1",
    )  # fmt: skip
    serve.set_defaults(handler=_serve)

    migrate = commands.add_parser("migrate", help="apply pending database migrations")
    migrate.set_defaults(handler=_migrate)

    admin = commands.add_parser(
        "createadmin",
        help="create an organisation and its first admin",
        description="The password comes from $SPENDSYNC_ADMIN_PASSWORD, stdin or a prompt.",
    )
    admin.add_argument("--organization", required=True)
    admin.add_argument("--email", required=True)
    admin.add_argument("--name", required=True)
    admin.add_argument("--currency", default="USD", help="base currency (ISO 4217)")
    admin.add_argument("--time-zone", default="UTC")
    admin.add_argument("--user-limit", type=int, default=25, help="active users the plan allows")
    admin.add_argument("--password-stdin", action="store_true")
    admin.set_defaults(handler=_createadmin)

    export = commands.add_parser("export-schema", help="write the GraphQL SDL")
    export.add_argument("--output", default=str(SCHEMA_FILE))
    export.add_argument("--check", action="store_true", help="fail if the file is out of date")
    export.set_defaults(handler=_export_schema)

    makemigrations = commands.add_parser(
        "makemigrations", help="generate aerich migrations for SQLite and PostgreSQL"
    )
    makemigrations.add_argument("--name", required=True)
    makemigrations.set_defaults(handler=_makemigrations)

    sync = commands.add_parser("sync", help="run one CRM sync of an organisation, with progress")
    sync.add_argument("--org", type=int, required=True, help="the organisation's id")
    sync.add_argument(
        "--takeover",
        action="store_true",
        help="first mark a run left active by a killed process as failed (no other process "
        "may be syncing this organisation)",
    )
    sync.set_defaults(handler=_sync)

    worker = commands.add_parser(
        "worker", help="run CRM syncs from the PostgreSQL job queue (procrastinate)"
    )
    worker.add_argument("--concurrency", type=int, default=2, help="syncs at a time")
    worker.add_argument(
        "--apply-schema", action="store_true", help="create the job queue's tables and exit"
    )
    worker.set_defaults(handler=_worker)

    user = commands.add_parser("user", help="users: a set-password link")
    user_commands = user.add_subparsers(dest="user_command", required=True)
    reset_link = user_commands.add_parser(
        "reset-link",
        help="print a link to choose a new password (a lost admin password)",
        description="Prints an invitation (no password yet) or password-reset link for an "
        "active user; it works once. Links point at $PUBLIC_BASE_URL, else http://$HOST:$PORT.",
    )
    reset_link.add_argument("--email", required=True)
    reset_link.add_argument("--org", type=int, help="the organisation's id, when the address "
                            "exists in several")  # fmt: skip
    reset_link.set_defaults(handler=_reset_link)

    token = commands.add_parser("token", help="API tokens for automation")
    token_commands = token.add_subparsers(dest="token_command", required=True)
    token_create = token_commands.add_parser(
        "create",
        help="print a new API token of a user (shown once)",
        description="Prints the bearer token on stdout; everything else goes to stderr.",
    )
    token_create.add_argument("--email", required=True, help="the user the token acts as")
    token_create.add_argument("--name", required=True, help="what the token is for")
    token_create.add_argument("--expires-days", type=int, help="default: never expires")
    token_create.add_argument(
        "--read-only", action="store_true",
        help="queries only, every mutation refused (READ_ONLY_TOKEN): for reporting tools",
    )  # fmt: skip
    token_create.add_argument("--org", type=int, help="the organisation's id, when the "
                              "address exists in several")  # fmt: skip
    token_create.set_defaults(handler=_token_create)

    rotate = commands.add_parser(
        "rotate-keys",
        help="re-encrypt every stored CRM secret and embed secret with CREDENTIALS_KEY",
        description="Reads the stored CRM secrets with CREDENTIALS_KEY, the keys in "
        "$CREDENTIALS_KEY_PREVIOUS (comma-separated) or --old-key, and writes them back "
        "encrypted with CREDENTIALS_KEY, one row per transaction. Safe to run again. "
        "SECRET_KEY needs no command: see docs/OPERATIONS.md (SECRET_KEY_PREVIOUS).",
    )
    rotate.add_argument(
        "--old-key", action="append", help="a previous CREDENTIALS_KEY (repeatable)"
    )
    rotate.set_defaults(handler=_rotate_keys)

    from sync.crm.simulator.cli import add_arguments as add_crm_sim_arguments

    crm_sim = commands.add_parser(
        "crm-sim",
        help="serve the Zoho CRM simulator (OAuth token endpoint and CRM API on one port)",
    )
    add_crm_sim_arguments(crm_sim)
    crm_sim.set_defaults(handler=_crm_sim)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env()
    except SettingsError as exc:
        print(f"spendsync: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(level=settings.log_level, format="%(levelname)s %(name)s: %(message)s")
    result: int = args.handler(args, settings)
    return result


if __name__ == "__main__":
    raise SystemExit(main())
