"""A wall-clock deadline that interrupts even CPU-bound code on the main thread (SIGALRM), so a
test of "this must not hang" fails instead of hanging the suite."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from types import FrameType


class DeadlineExceeded(BaseException):
    """A BaseException, so no ``except Exception`` on the way can swallow it."""


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: FrameType | None) -> None:
        raise DeadlineExceeded(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
