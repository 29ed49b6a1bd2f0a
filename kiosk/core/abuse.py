"""Telling accidental or mischievous taps from real guests.

Nothing is ever deleted: a suspicious answer is stored with flags and left out of the NPS by
default. Two rules, both configurable:

* ``too_soon``: a score within ``min_gap_seconds`` of the question coming back after the
  previous guest (after their thank-you or walk-away). A real next guest takes longer than
  that to step up; the same hand tapping again does not.
* ``burst``: the ``burst_count``-th identical score (and every further one) within
  ``burst_window_seconds``. One person hammering "0" or "10" is one opinion, not ten.

Times are plain seconds from a monotonic clock supplied by the caller, so the rules can be
tested without sleeping and are not fooled by the wall clock being set.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from kiosk.core.answer import Flag


@dataclass(frozen=True, slots=True)
class AbuseRules:
    min_gap_seconds: float = 3.0
    burst_count: int = 4
    burst_window_seconds: float = 90.0
    enabled: bool = True


class AbuseFilter:
    """Remembers recent taps and says which flags a new one deserves."""

    def __init__(self, rules: AbuseRules | None = None, history: int = 64) -> None:
        self.rules = rules or AbuseRules()
        # Enough history to see a whole burst, however large the configured count.
        self._taps: deque[tuple[float, int]] = deque(maxlen=max(history, self.rules.burst_count))
        self._last_flow_end: float | None = None

    def flags_for(self, score: int, now: float) -> tuple[str, ...]:
        """Flags for a score tapped at ``now``; records the tap."""
        flags: list[str] = []
        rules = self.rules
        if rules.enabled:
            if (
                self._last_flow_end is not None
                and 0 <= now - self._last_flow_end < rules.min_gap_seconds
            ):
                flags.append(Flag.TOO_SOON.value)
            window_start = now - rules.burst_window_seconds
            same = sum(1 for t, s in self._taps if s == score and t >= window_start)
            if rules.burst_count > 1 and same + 1 >= rules.burst_count:
                flags.append(Flag.BURST.value)
        self._taps.append((now, score))
        return tuple(flags)

    def flow_ended(self, now: float) -> None:
        """The question screen came back at ``now`` after a guest's flow ended."""
        self._last_flow_end = now
