"""A clock that moves only when told: the sync worker's tests step past backoffs at once."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone


class ManualClock:
    """Implements :class:`kiosk.sync.clock.Clock`; starts at the real time of its creation."""

    def __init__(self, start: datetime | None = None) -> None:
        self._start = start or datetime.now(timezone.utc)
        self._elapsed = 0.0
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._start + timedelta(seconds=self._elapsed)

    def monotonic(self) -> float:
        with self._lock:
            return self._elapsed

    def wait(self, event: threading.Event, seconds: float) -> bool:
        """Time passes at once: the wait is over (unless the event was already set)."""
        self.advance(seconds)
        return event.is_set()

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._elapsed += max(seconds, 0.0)
