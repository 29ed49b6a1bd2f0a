"""Detractor alerts to a Slack/Teams/Mattermost-style webhook: {"text": ...}, once."""

from __future__ import annotations

import json
import time

from endpoint_server import LiveServer

from kiosk.config import AlertsSection, KioskSection, Settings, SyncSection
from kiosk.core.sync import alert_kinds_for
from kiosk.store import outbox
from kiosk.sync.worker import SyncWorker


class Hook:
    """A chat webhook that fails the first ``failures`` posts with 500."""

    def __init__(self, failures: int = 0) -> None:
        self.failures = failures
        self.bodies: list[dict] = []

    def __call__(self, environ, start_response):
        raw = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        if self.failures:
            self.failures -= 1
            start_response("500 Internal Server Error", [("Content-Length", "0")])
            return [b""]
        self.bodies.append(json.loads(raw))
        start_response("200 OK", [("Content-Length", "2")])
        return [b"ok"]


def settings_for(url: str) -> Settings:
    return Settings(
        kiosk=KioskSection(id="test-kiosk", site="Centro"),
        sync=SyncSection(connect_timeout=0.5, read_timeout=0.5, max_backoff_seconds=0.05),
        alerts=AlertsSection(webhook_url=url + "/hooks/abc"),
    )


def test_webhook_alert_is_delivered_once_with_a_text_field(answer_store):
    hook = Hook(failures=2)
    server = LiveServer(hook)
    settings = settings_for(server.url)
    worker = SyncWorker(settings, answer_store.db)
    try:
        kinds = alert_kinds_for(3, alerts_enabled=True, endpoint="", webhook_url="x")
        unhappy = answer_store.record_score(3, "es", alert_kinds=kinds)
        for _ in range(6):
            worker.run_once()
            time.sleep(0.06)
        assert len(hook.bodies) == 1
        [body] = hook.bodies
        assert set(body) == {"text"}
        assert "3/10" in body["text"] and "Centro" in body["text"]
        state = outbox.state_of(answer_store.db.connection(), "webhook", unhappy.id)
        assert state == ("delivered", 2)
    finally:
        worker.client.close()
        server.stop()


def test_alert_kinds_only_for_detractors_and_configured_targets():
    assert alert_kinds_for(6, alerts_enabled=True, endpoint="http://e", webhook_url="http://w") == (
        "alert",
        "webhook",
    )
    assert alert_kinds_for(7, alerts_enabled=True, endpoint="http://e", webhook_url="") == ()
    assert alert_kinds_for(0, alerts_enabled=False, endpoint="http://e", webhook_url="") == ()
    assert alert_kinds_for(0, alerts_enabled=True, endpoint="", webhook_url="") == ()
    assert (
        alert_kinds_for(0, alerts_enabled=True, endpoint="http://e", webhook_url="", flagged=True)
        == ()
    )
