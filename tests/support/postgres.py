"""A throwaway PostgreSQL cluster for the test session, started with the local binaries.

PostgreSQL refuses to run as root, so as root every server command runs through
``runuser -u postgres``, in a data directory that user owns.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


class PostgresUnavailable(RuntimeError):
    pass


def _bin_dir() -> Path | None:
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True)
    return Path(candidates[0]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Cluster:
    data_dir: Path
    port: int
    bin_dir: Path
    run_as: list[str]

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def url_for(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str) -> None:
        result = subprocess.run(
            [*self.run_as, *args], capture_output=True, text=True, timeout=120, check=False
        )
        if result.returncode != 0:
            raise PostgresUnavailable(f"{' '.join(args)} failed:\n{result.stdout}{result.stderr}")

    def _options(self) -> str:
        return (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.data_dir.parent} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )

    def pause(self) -> None:
        """Stop the server (fast: its connections are cut, new ones refused) and keep its data,
        for :meth:`resume`: the database going away under a running process."""
        self._run(
            str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-m", "fast", "-w", "stop"
        )

    def resume(self) -> None:
        self._run(
            str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-o", self._options(),
            "-l", str(self.data_dir.parent / "server.log"), "-w", "-t", "60", "start",
        )  # fmt: skip

    def stop(self) -> None:
        try:
            self._run(
                str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-m", "immediate", "stop"
            )
        finally:
            shutil.rmtree(self.data_dir.parent, ignore_errors=True)


def start_cluster() -> Cluster:
    bin_dir = _bin_dir()
    if bin_dir is None:
        raise PostgresUnavailable("no PostgreSQL server binaries (pg_ctl, initdb) found")
    root = Path(tempfile.mkdtemp(prefix="spendsync-pg-"))
    data_dir = root / "data"
    run_as: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("runuser") is None:
            raise PostgresUnavailable("running as root but runuser is missing")
        shutil.chown(root, user="postgres")
        root.chmod(0o700)
        run_as = ["runuser", "-u", "postgres", "--"]
    cluster = Cluster(data_dir=data_dir, port=_free_port(), bin_dir=bin_dir, run_as=run_as)
    cluster._run(
        str(bin_dir / "initdb"), "-D", str(data_dir), "-U", "postgres", "-A", "trust",
        "--no-sync", "-E", "UTF8", "--locale=C",
    )  # fmt: skip
    try:
        cluster.resume()
    except PostgresUnavailable:
        shutil.rmtree(root, ignore_errors=True)
        raise
    return cluster
