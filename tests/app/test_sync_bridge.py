"""SyncBridge: the worker's news reaches the UI thread as Qt signals; stop() joins."""

from __future__ import annotations

from endpoint_server import TOKEN, LiveServer, central

from kiosk.app.sync_bridge import SyncBridge
from kiosk.config import KioskSection, Settings, SyncSection
from kiosk.core.sync import SyncStatus
from kiosk.sync.worker import SyncWorker


def test_bridge_emits_status_and_alert_delivered_in_the_ui_thread(qtbot, tmp_path, answer_store):
    store, app = central(tmp_path / "central.sqlite")
    server = LiveServer(app)
    settings = Settings(
        kiosk=KioskSection(id="test-kiosk", site="Centro"),
        sync=SyncSection(
            endpoint=server.url,
            token=TOKEN,
            connect_timeout=0.5,
            read_timeout=0.5,
            interval_seconds=600,
        ),
    )
    worker = SyncWorker(settings, answer_store.db, token=TOKEN)
    bridge = SyncBridge(worker)
    statuses: list[SyncStatus] = []
    bridge.status_changed.connect(statuses.append)
    try:
        with qtbot.waitSignal(bridge.status_changed, timeout=3000):
            bridge.start()
        unhappy = answer_store.record_score(1, "es", alert_kinds=("alert",))
        with qtbot.waitSignal(bridge.alert_delivered, timeout=3000) as blocker:
            bridge.nudge()
        assert blocker.args == [unhappy.id]
        assert store.alert_ids() == [unhappy.id]
        qtbot.waitUntil(lambda: statuses[-1].pending_alerts == 0, timeout=3000)
        assert isinstance(statuses[-1], SyncStatus) and not statuses[-1].offline
        with qtbot.waitSignal(bridge.status_changed, timeout=3000):
            bridge.sync_now()
    finally:
        bridge.stop()
        worker.client.close()
        server.stop()
        store.close()
    assert not worker.is_running()


def test_stopping_never_waits_on_a_dripping_endpoint(qtbot, answer_store):
    """Issue 9: the sync thread (not a daemon) held the kiosk's exit for as long as a
    dripping reply lasted; stop() now cuts the request off."""
    import time

    from helpers.drip import DripServer

    from kiosk.app.sync_bridge import STOP_SECONDS

    server = DripServer(interval=0.2)
    settings = Settings(
        kiosk=KioskSection(id="test-kiosk", site="Centro"),
        sync=SyncSection(
            endpoint=server.url,
            token=TOKEN,
            connect_timeout=5,
            read_timeout=60,
            interval_seconds=600,
        ),
    )
    answer_store.record_score(1, "es", alert_kinds=("alert",))  # something to send at once
    worker = SyncWorker(settings, answer_store.db, token=TOKEN)
    bridge = SyncBridge(worker)
    try:
        bridge.start()
        qtbot.waitUntil(lambda: server.requests > 0, timeout=5000)
        time.sleep(0.3)  # the reply is dripping in
        started = time.monotonic()
        bridge.stop()
        elapsed = time.monotonic() - started
    finally:
        worker.client.close()
        server.stop()
    assert not worker.is_running()
    assert elapsed < STOP_SECONDS
