"""How long to wait before trying again.

Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And
Jitter"): the wait is uniform in ``[0, min(cap, base * 2**attempt)]``, so many kiosks that
lost the same endpoint do not come back in lock-step. ``Retry-After`` from a 429/503 is
obeyed; a refused token (401/403) is retried slowly, since a person must fix it.
"""

from __future__ import annotations

import random
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

BASE_SECONDS = 1.0
AUTH_RETRY_SECONDS = 300.0
# A Retry-After is obeyed, but not beyond an hour: a misconfigured proxy must not park
# the alerts for a day.
RETRY_AFTER_CAP_SECONDS = 3600.0


def full_jitter(
    attempt: int, cap: float, *, base: float = BASE_SECONDS, rng: random.Random | None = None
) -> float:
    """Seconds to wait after the ``attempt``-th consecutive failure (1 = the first)."""
    exponent = min(max(attempt - 1, 0), 30)
    ceiling = min(cap, base * (2**exponent))
    return (rng or random).uniform(0.0, ceiling)


def auth_wait(cap: float) -> float:
    """A refused token is retried slowly (a person has to fix it), never faster than this."""
    return min(AUTH_RETRY_SECONDS, max(cap, 1.0))


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), RETRY_AFTER_CAP_SECONDS)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now = now or datetime.now(timezone.utc)
    return min(max((when - now).total_seconds(), 0.0), RETRY_AFTER_CAP_SECONDS)
