"""A wall-clock limit on one article's analysis, so that no input can stall a run.

The limit is a real-time interval timer (``SIGALRM``): it interrupts pure-Python code, such
as an extractor stuck in a loop, at its next step. Signals reach only a process's main
thread, so elsewhere (a web server's worker threads) and where the platform has no such
timer the block runs without a limit. A timer the caller had set is replaced while the
block runs and not restored.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from newsfacts.errors import TimeLimitError


def can_limit() -> bool:
    """Whether ``time_limit`` can interrupt code here."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``TimeLimitError`` in the block once it has run ``seconds`` (0: no limit)."""
    if seconds <= 0 or not can_limit():
        yield
        return

    def expired(signum: int, frame: FrameType | None) -> None:
        raise TimeLimitError(f"analysis took longer than {seconds:g} s and was stopped")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
