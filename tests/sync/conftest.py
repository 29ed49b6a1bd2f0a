"""Fixtures for the sync tests: a live reference endpoint with faults, and kiosk settings."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from endpoint_server import TOKEN, Faults, LiveServer, central

from kiosk.config import KioskSection, Settings, SyncSection
from kiosk.core.answer import Completion


@pytest.fixture
def endpoint(tmp_path):
    """(central store, faults middleware, live server) on 127.0.0.1."""
    store, app = central(tmp_path / "central.sqlite")
    faults = Faults(app, slow_seconds=0.8)
    server = LiveServer(faults)
    yield store, faults, server
    server.stop()
    store.close()


def sync_settings(url: str, **sync: object) -> Settings:
    options: dict[str, object] = {
        "endpoint": url, "token": TOKEN, "batch_size": 10, "connect_timeout": 0.5,
        "read_timeout": 0.5, "max_backoff_seconds": 0.2, "soon_after_answer_seconds": 0.05,
        "interval_seconds": 30.0,
    }
    options.update(sync)
    return Settings(kiosk=KioskSection(id="test-kiosk", site="shop-1"), sync=SyncSection(**options))


@pytest.fixture
def kiosk_settings(endpoint) -> Settings:
    return sync_settings(endpoint[2].url)


def add_answers(answer_store, n: int, *, score: int = 9, alert_kinds=()) -> list[str]:
    """``n`` complete answers, taps a minute apart, as the guest flow stores them."""
    ids = []
    start = datetime.now(timezone.utc) - timedelta(days=1)
    for i in range(n):
        at = start + timedelta(minutes=i)
        answer = answer_store.record_score(score, "es", now=at, alert_kinds=alert_kinds)
        answer_store.complete(answer.id, Completion.SENT, reasons=["speed"],
                              comment=f"comentario ñ {i}", now=at + timedelta(seconds=5))
        ids.append(answer.id)
    return ids
