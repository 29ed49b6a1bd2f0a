"""Helpers for the sync tests: kiosk settings for a live endpoint, and complete answers."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from endpoint_server import TOKEN

from kiosk.config import KioskSection, Settings, SyncSection
from kiosk.core.answer import Completion

# The test server's "slow" fault holds its reply for SLOW_REPLY_SECONDS, past the read timeout
# of a test that asks for SHORT_READ_TIMEOUT. Every other test gets deadlines that a loaded CI
# machine cannot miss: a short deadline is the fault under test, never a default.
SHORT_READ_TIMEOUT = 0.5
SLOW_REPLY_SECONDS = 0.8
ROOMY_TIMEOUT = 10.0


def sync_settings(url: str, **sync: object) -> Settings:
    options: dict[str, object] = {
        "endpoint": url,
        "token": TOKEN,
        "batch_size": 10,
        "connect_timeout": ROOMY_TIMEOUT,
        "read_timeout": ROOMY_TIMEOUT,
        "max_backoff_seconds": 0.2,
        "soon_after_answer_seconds": 0.05,
        "interval_seconds": 30.0,
    }
    options.update(sync)
    return Settings(kiosk=KioskSection(id="test-kiosk", site="shop-1"), sync=SyncSection(**options))


def add_answers(answer_store, n: int, *, score: int = 9, alert_kinds=()) -> list[str]:
    """``n`` complete answers, taps a minute apart, as the guest flow stores them."""
    ids = []
    start = datetime.now(timezone.utc) - timedelta(days=1)
    for i in range(n):
        at = start + timedelta(minutes=i)
        answer = answer_store.record_score(score, "es", now=at, alert_kinds=alert_kinds)
        answer_store.complete(
            answer.id,
            Completion.SENT,
            reasons=["speed"],
            comment=f"comentario ñ {i}",
            now=at + timedelta(seconds=5),
        )
        ids.append(answer.id)
    return ids
