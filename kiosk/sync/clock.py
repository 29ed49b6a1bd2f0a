"""The sync's sense of time, injectable so tests move time instead of sleeping.

:class:`SystemClock` is the real one. A test passes its own object with the same three
methods (see ``tests/helpers`` for a manual clock) and steps it past a backoff at once.
"""

from __future__ import annotations

import threading
import time
from datetime import datetime, timezone
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The wall clock, timezone-aware UTC (stored on outbox rows)."""
        ...

    def monotonic(self) -> float:
        """Seconds on a clock that never jumps (backoffs, intervals)."""
        ...

    def wait(self, event: threading.Event, seconds: float) -> bool:
        """Sleep up to ``seconds`` or until ``event`` is set; True when it was set."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(timezone.utc)

    def monotonic(self) -> float:
        return time.monotonic()

    def wait(self, event: threading.Event, seconds: float) -> bool:
        return event.wait(seconds)
