"""The simulator in a child process on 127.0.0.1 (benchmarks, crash tests): its data lives
as long as the process, whatever happens to the processes that talk to it."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import httpx

PROJECT_ROOT = Path(__file__).resolve().parents[3]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def simulator_process(options: Mapping[str, object], *, timeout: float = 120) -> Iterator[str]:
    """Start ``spendsync crm-sim`` with ``options`` (``{"accounts": 300, ...}``), wait until it
    answers, yield its base URL, and stop it afterwards."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "web.cli",
        "crm-sim",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    for name, value in options.items():
        command += [f"--{name.replace('_', '-')}", str(value)]
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and CLI
        command, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                httpx.get(f"{url}/crm/v8/org", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("the simulator did not start") from None
                time.sleep(0.1)
        yield url
    finally:
        process.kill()
        process.wait()
