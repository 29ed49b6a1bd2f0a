"""The worker's own thread: timer, nudge, sync_now, stop; detractor alerts in measured time."""

from __future__ import annotations

import threading
import time

from endpoint_server import Faults, LiveServer, central
from helpers.sync import sync_settings

from kiosk.core.answer import Completion
from kiosk.store import outbox
from kiosk.sync.worker import SyncWorker


def wait_for(predicate, timeout: float = 5.0) -> float:
    """Seconds until ``predicate()`` held; fails the test after ``timeout``."""
    start = time.monotonic()
    while not predicate():
        assert time.monotonic() - start < timeout, "timed out waiting"
        time.sleep(0.01)
    return time.monotonic() - start


def test_detractor_alert_delivered_once_with_the_server_down_then_up(tmp_path, answer_store):
    store, app = central(tmp_path / "central.sqlite")
    faults = Faults(app)
    first = LiveServer(faults)
    port, url = first.port, first.url
    first.stop()  # the endpoint is down: connections are refused
    settings = sync_settings(url, max_backoff_seconds=0.3)
    delivered: list[str] = []
    worker = SyncWorker(
        settings, answer_store.db, token=settings.sync.token, on_alert_delivered=delivered.append
    )
    worker.start()
    server = None
    try:
        unhappy = answer_store.record_score(2, "es", alert_kinds=("alert",))
        worker.nudge()
        time.sleep(1.0)
        state = outbox.state_of(answer_store.db.connection(), "alert", unhappy.id)
        assert state[0] == "pending" and state[1] >= 2  # tried and failed while down
        server = LiveServer(faults, port=port)
        up_at = time.monotonic()
        wait_for(lambda: unhappy.id in store.alert_ids())
        arrival = time.monotonic() - up_at
        assert arrival < 2.0, f"alert took {arrival:.2f} s after the endpoint came back"
        wait_for(lambda: delivered == [unhappy.id])
        answer_store.complete(unhappy.id, Completion.SKIPPED)
        worker.nudge()
        wait_for(lambda: unhappy.id in store.answer_ids())
        time.sleep(0.3)
        alert_posts = [f for path, f in faults.seen if path == "/v1/alerts" and f == "ok"]
        assert alert_posts == ["ok"]  # delivered once, never repeated
        assert delivered == [unhappy.id]
    finally:
        worker.stop()
        worker.client.close()
        if server:
            server.stop()
        store.close()
    assert not worker.is_running()


def test_alert_goes_at_once_and_answers_soon_after_a_nudge(endpoint, answer_store):
    store, faults, server = endpoint
    settings = sync_settings(server.url, interval_seconds=600, soon_after_answer_seconds=1.0)
    worker = SyncWorker(settings, answer_store.db, token=settings.sync.token)
    worker.start()
    try:
        time.sleep(0.1)  # the first pass at start finds nothing
        unhappy = answer_store.record_score(0, "es", alert_kinds=("alert",))
        answer_store.complete(unhappy.id, Completion.SENT, comment="frío")
        tapped = time.monotonic()
        worker.nudge()
        alert_after = wait_for(lambda: unhappy.id in store.alert_ids())
        answer_after = wait_for(lambda: unhappy.id in store.answer_ids())
        assert alert_after < 0.8  # at once, not after the answers' "soon" delay
        assert time.monotonic() - tapped >= 0.95  # the answer waited "soon", not "now"
        assert answer_after < 3.0
    finally:
        worker.stop()
        worker.client.close()


def test_sync_now_runs_at_once_despite_a_long_interval(endpoint, answer_store):
    from helpers.sync import add_answers

    store, _, server = endpoint
    settings = sync_settings(server.url, interval_seconds=600)
    worker = SyncWorker(settings, answer_store.db, token=settings.sync.token)
    worker.start()
    try:
        time.sleep(0.1)
        ids = add_answers(answer_store, 3)
        time.sleep(0.2)
        assert store.count_answers() == 0  # no timer or nudge yet
        worker.sync_now()
        wait_for(lambda: store.count_answers() == 3, timeout=2)
        assert sorted(store.answer_ids()) == sorted(ids)
    finally:
        worker.stop()
        worker.client.close()


def test_the_thread_is_named_uses_its_own_connection_and_stops(endpoint, answer_store):
    _, _, server = endpoint
    settings = sync_settings(server.url)
    seen_threads: list[str] = []
    worker = SyncWorker(
        settings,
        answer_store.db,
        token=settings.sync.token,
        on_status=lambda s: seen_threads.append(threading.current_thread().name),
    )
    main_con = answer_store.db.connection()
    worker.start()
    wait_for(lambda: seen_threads)
    assert seen_threads[0] == "kiosk-sync"
    started = time.monotonic()
    worker.stop()
    assert time.monotonic() - started < 1.0
    assert not worker.is_running()
    assert answer_store.db.connection() is main_con
    worker.client.close()


def test_a_down_endpoint_does_not_make_the_loop_spin(endpoint, answer_store):
    from helpers.sync import add_answers

    _, faults, server = endpoint
    faults.down = True
    settings = sync_settings(server.url, max_backoff_seconds=0.5)
    passes: list[float] = []
    worker = SyncWorker(
        settings,
        answer_store.db,
        token=settings.sync.token,
        on_status=lambda s: passes.append(time.monotonic()),
    )
    add_answers(answer_store, 3)
    answer_store.record_score(1, "es", alert_kinds=("alert",))
    worker.start()
    try:
        time.sleep(1.5)
    finally:
        worker.stop()
        worker.client.close()
    requests_made = len(faults.seen)
    assert 2 <= requests_made <= 40, requests_made
    assert len(passes) <= 60, len(passes)
    assert worker.status().pending == 4 and "503" in worker.status().last_error


def test_new_settings_take_effect_at_once_on_the_running_worker(endpoint, answer_store, tmp_path):
    from helpers.sync import add_answers

    from kiosk.store import sync_state
    from kiosk.sync.worker import worker_for

    store, _, server = endpoint
    offline = sync_settings("", interval_seconds=600)
    (tmp_path / "token.txt").write_text("wrong\n", encoding="utf-8")
    worker = worker_for(offline, answer_store.db, tmp_path)
    worker.start()
    try:
        ids = add_answers(answer_store, 2)
        time.sleep(0.1)
        assert worker.status().offline and store.count_answers() == 0
        online = sync_settings(server.url, interval_seconds=600)
        worker.reconfigure(online, online.sync.token)
        wait_for(lambda: store.count_answers() == 2, timeout=3)
        assert sorted(store.answer_ids()) == sorted(ids)
        assert not worker.status().offline
    finally:
        worker.stop()
        worker.client.close()
    # An unreadable token file is a visible error, not a crash.
    from kiosk.config import SyncSection

    bad = sync_settings(server.url)
    bad = type(bad)(kiosk=bad.kiosk, sync=SyncSection(endpoint=server.url, token_file="nope.txt"))
    worker = worker_for(bad, answer_store.db, tmp_path)
    worker.client.close()
    state = sync_state.read(answer_store.db.connection())
    assert "nope.txt" in state.last_error and state.auth_failing


def test_a_request_cut_by_the_kiosks_stop_is_not_a_failed_attempt(endpoint, answer_store):
    """A stop aborts the request in flight; that is not the endpoint's failure: no attempt is
    counted and the error the owner sees is still the endpoint's own (a race in CI showed
    "the sync is stopping" instead of the 503 before it)."""
    from helpers.sync import add_answers

    _, faults, server = endpoint
    faults.slow_seconds = 5.0
    faults.add("503", "slow")
    settings = sync_settings(server.url, max_backoff_seconds=0.1)
    worker = SyncWorker(settings, answer_store.db, token=settings.sync.token)
    add_answers(answer_store, 2)
    worker.start()
    try:
        wait_for(lambda: [fault for _, fault in faults.seen] == ["503", "slow"])
    finally:
        worker.stop()
        worker.client.close()
    status = worker.status()
    assert status.pending == 2 and "503" in status.last_error
    con = answer_store.db.connection()
    assert {row[0] for row in con.execute("SELECT attempts FROM outbox")} == {1}
