"""Sync benchmarks (issue 4). Prints figures; not a pass/fail test.

1. 100,000 pending answers drained by the real SyncWorker (on its own thread, as in the app)
   to the reference endpoint (``kiosk endpoint``, waitress, in its own process) on loopback:
   answers per second, beside a bare loop of ``requests.post`` sending the same batches to
   the same server (ratio).
2. While that drain runs, the longest stall of the Qt UI thread: a QTimer ticks every 1 ms
   in the main thread and the largest gap between ticks is recorded (target < 16 ms).
3. Tap-to-alert for a detractor, p50 and p95: ``record_score(alert_kinds=("alert",))`` then
   ``SyncBridge.nudge()``, until the alert is in the endpoint's store.

Usage: ``python bench/bench_sync.py [--answers 100000] [--taps 200]``
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import requests
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QApplication

from kiosk import __version__
from kiosk.app.sync_bridge import SyncBridge
from kiosk.config import KioskSection, Settings, SyncSection
from kiosk.core.demo import DemoPlan, generate_answers
from kiosk.endpoint.store.service import CentralStore
from kiosk.store.recovery import open_store
from kiosk.sync import protocol
from kiosk.sync.worker import SyncWorker

TOKEN = "bench-token-0123456789"
KIOSK = "bench-kiosk"
BARE_TOKEN = "bench-bare-token-0123456789"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_endpoint(folder: Path, name: str) -> tuple[subprocess.Popen, str, Path]:
    db = folder / f"{name}.sqlite"
    tokens = folder / "tokens.txt"
    # Each kiosk posts with its own token (the bare loop posts as a kiosk of its own).
    tokens.write_text(f"{TOKEN} {KIOSK}\n{BARE_TOKEN} bare-kiosk\n", encoding="utf-8")
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kiosk",
            "--log-level",
            "ERROR",
            "endpoint",
            "--db",
            str(db),
            "--port",
            str(port),
            "--token-file",
            str(tokens),
            "--threads",
            "4",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            requests.get(url + "/v1/kiosks", timeout=1)
            return process, url, db
        except requests.ConnectionError:
            time.sleep(0.05)
    process.kill()
    raise SystemExit("the endpoint did not start")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def fill(store_path: Path, count: int):
    opened = open_store(store_path, KIOSK, __version__)
    plan = DemoPlan(
        count=count,
        days=60,
        end=datetime.now(timezone.utc),
        utc_offset_minutes=-180,
        kiosk_id=KIOSK,
        app_version=__version__,
    )
    answers = generate_answers(random.Random(7), plan)
    for start in range(0, len(answers), 10_000):
        # As guests' answers: demo answers are never queued for sync.
        opened.answers.import_answers(answers[start : start + 10_000], origin="guest", enqueue=True)
    return opened


def settings_for(url: str) -> Settings:
    return Settings(
        kiosk=KioskSection(id=KIOSK, site="bench"),
        sync=SyncSection(
            endpoint=url, token=TOKEN, interval_seconds=600, soon_after_answer_seconds=0.5
        ),
    )


def drain_with_ui(app: QApplication, worker: SyncWorker, total: int) -> tuple[float, float, int]:
    """Drain on the worker's thread while the UI thread ticks; (seconds, max gap ms, ticks)."""
    bridge = SyncBridge(worker)
    state = {"max_gap": 0.0, "ticks": 0, "done": False}
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def tick() -> None:
        now = clock.nsecsElapsed()
        state["max_gap"] = max(state["max_gap"], (now - last[0]) / 1e6)
        last[0] = now
        state["ticks"] += 1

    def on_status(status) -> None:
        if status.pending_answers == 0:
            state["done"] = True
            app.quit()

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(1)
    timer.timeout.connect(tick)
    bridge.status_changed.connect(on_status)
    started = time.perf_counter()
    timer.start()
    QTimer.singleShot(0, bridge.start)
    QTimer.singleShot(0, lambda: last.__setitem__(0, clock.nsecsElapsed()))
    app.exec()
    elapsed = time.perf_counter() - started
    timer.stop()
    bridge.stop()
    bridge.deleteLater()
    if not state["done"]:
        raise SystemExit("the drain did not finish")
    return elapsed, state["max_gap"], state["ticks"]


def idle_stall(app: QApplication, seconds: float) -> float:
    """The longest gap of the same 1 ms timer with no sync running: this machine's floor."""
    clock = QElapsedTimer()
    clock.start()
    state = {"last": clock.nsecsElapsed(), "max": 0.0}

    def tick() -> None:
        now = clock.nsecsElapsed()
        state["max"] = max(state["max"], (now - state["last"]) / 1e6)
        state["last"] = now

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(1)
    timer.timeout.connect(tick)
    timer.start()
    QTimer.singleShot(int(seconds * 1000), app.quit)
    app.exec()
    timer.stop()
    return state["max"]


def bare_loop(url: str, answers, batch: int) -> float:
    """The same batches with a plain ``requests.post`` each: the floor of what HTTP costs."""
    kiosk = protocol.kiosk_block("bare-kiosk", "bench", __version__)
    bodies = []
    for start in range(0, len(answers), batch):
        chunk = [protocol.answer_to_wire(a) for a in answers[start : start + batch]]
        for wire in chunk:
            wire["id"] = str(uuid.uuid4())  # new ids: the server really stores them
        bodies.append(
            protocol.encode(
                {
                    "kiosk": kiosk,
                    "answers": chunk,
                    "sent_at": datetime.now(timezone.utc).isoformat(),
                }
            )
        )
    headers = {"Authorization": f"Bearer {BARE_TOKEN}", "Content-Type": "application/json"}
    started = time.perf_counter()
    for body in bodies:
        reply = requests.post(url + protocol.ANSWERS_PATH, data=body, headers=headers, timeout=30)
        reply.raise_for_status()
    return time.perf_counter() - started


def tap_to_alert(app: QApplication, opened, url: str, central_db: Path, taps: int) -> list[float]:
    worker = SyncWorker(settings_for(url), opened.db, token=TOKEN)
    bridge = SyncBridge(worker)
    bridge.start()
    central = CentralStore.open(central_db)
    times = []
    try:
        time.sleep(0.3)
        for _ in range(taps):
            started = time.perf_counter()
            answer = opened.answers.record_score(random.randint(0, 6), "es", alert_kinds=("alert",))
            bridge.nudge()
            con = central.db.connection()
            while (
                con.execute("SELECT 1 FROM alerts WHERE answer_id = ?", (answer.id,)).fetchone()
                is None
            ):
                app.processEvents()
                time.sleep(0.0005)
                if time.perf_counter() - started > 10:
                    raise SystemExit("an alert did not arrive within 10 s")
            times.append((time.perf_counter() - started) * 1000)
    finally:
        bridge.stop()
        worker.client.close()
        central.close()
    return times


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--answers", type=int, default=100_000)
    parser.add_argument("--taps", type=int, default=200)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        opened = fill(folder / "kiosk.sqlite", args.answers)
        print(f"filled {args.answers} pending answers in {time.perf_counter() - started:.1f} s")
        process, url, central_db = start_endpoint(folder, "central")
        try:
            print(f"UI thread idle (no sync), 3 s: longest stall {idle_stall(app, 3.0):.1f} ms")
            worker = SyncWorker(settings_for(url), opened.db, token=TOKEN)
            seconds, max_gap, ticks = drain_with_ui(app, worker, args.answers)
            worker.client.close()
            rate = args.answers / seconds
            print(
                f"sync drain: {args.answers} answers in {seconds:.1f} s = {rate:,.0f} answers/s"
                f" (batches of {worker.settings.sync.batch_size})"
            )
            print(
                f"UI thread while syncing: longest stall {max_gap:.1f} ms over {ticks} ticks"
                f" of a 1 ms QTimer (target < 16 ms)"
            )
            held = CentralStore.open(central_db)
            held_count = held.count_answers()
            print(f"endpoint holds {held_count} answers")
            if held_count != args.answers:
                print(f"WARNING: expected {args.answers} answers at the endpoint")
            held.close()
            answers = list(opened.answers.iter_answers())
            bare = bare_loop(url, answers, worker.settings.sync.batch_size)
            bare_rate = len(answers) / bare
            print(
                f"bare requests.post loop: {len(answers)} answers in {bare:.1f} s ="
                f" {bare_rate:,.0f} answers/s; sync/bare ratio {rate / bare_rate:.2f}"
            )
            times = tap_to_alert(app, opened, url, central_db, args.taps)
            print(
                f"tap-to-alert over {len(times)} detractor taps: p50 {statistics.median(times):.1f} ms,"
                f" p95 {percentile(times, 0.95):.1f} ms, max {max(times):.1f} ms"
            )
        finally:
            stop(process)
            opened.db.close()
    app.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
