"""Soak: can the kiosk run for months unattended? Prints figures; not a pytest test.

In one process: the real guest app offscreen (``build_app``) with the real ``AdminSide``, so
the sync worker thread runs, against the reference endpoint (``kiosk endpoint``, its own
process) on 127.0.0.1. Simulated guests tap at a fast pace: a quarter switch language
first, then a score, then reasons + Send, a comment typed on the on-screen keyboard, Skip,
or a walk-away ended by the flow's own idle timer (short timers); about 15% detractors, each
raising an alert. Meanwhile the endpoint is stopped and restarted about every 30 s (a
network outage), and once a small garbage server takes its port for a while (500s, 503
with Retry-After, 200s with garbage, resets).

Every 15 s a line: elapsed, flows done, RSS, open fds, threads, ``kiosk.sqlite-wal`` size,
outbox pending. At the end the endpoint stays up and the sync drains by itself (no "Sync
now"), then exactly-once is checked (every guest answer id at the endpoint, none twice, no
seq gaps, alerts once each) and PASS/FAIL lines and growth figures are printed.

Usage: ``python bench/bench_soak.py [--minutes 5] [--seed 1]``; exit code 0 only on PASS.
"""

from __future__ import annotations

import argparse
import collections
import logging
import os
import random
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer

from kiosk.app.admin import AdminSide
from kiosk.app.context import Context
from kiosk.app.guest import build_app, qt_app
from kiosk.config import Settings
from kiosk.sync.worker import read_status

TOKEN = "soak-token-0123456789"
KIOSK_ID = "soak-kiosk"
OUTAGE_EVERY_S = 30.0
OUTAGE_LENGTH_S = 8.0
GARBAGE_AT_OUTAGE = 2  # the second outage is a garbage server instead of silence
REPORT_EVERY_S = 15.0
DRAIN_LIMIT_S = 120.0

# A stand-in on the endpoint's port that answers everything badly, in turn.
GARBAGE_SERVER = r"""
import socket, sys, itertools
srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", int(sys.argv[1])))
srv.listen(16)
replies = itertools.cycle([
    b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: 5\r\nConnection: close\r\n\r\noops!",
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 9\r\n"
    b"Connection: close\r\n\r\n{garbage!",
    b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\n"
    b"Connection: close\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n"
    b"Connection: close\r\n\r\n{\"stored\":1}",
    None,  # reset: close with no reply at all
])
while True:
    con, _ = srv.accept()
    con.settimeout(2)
    try:
        con.recv(65536)
        reply = next(replies)
        if reply:
            con.sendall(reply)
    except OSError:
        pass
    con.close()
"""


class LogTally(logging.Handler):
    """Counts the app's warnings and errors (to a file, not the screen); errors are bugs here."""

    def __init__(self, path: Path) -> None:
        super().__init__(logging.INFO)
        self.file = logging.FileHandler(path, encoding="utf-8")
        self.file.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        self.counts: collections.Counter[str] = collections.Counter()
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.file.emit(record)
        if record.levelno >= logging.ERROR:
            self.errors.append(f"{record.name}: {record.getMessage()[:200]}")
        if record.levelno >= logging.WARNING:
            self.counts[f"{record.levelname} {record.name}"] += 1

    def close(self) -> None:
        self.file.close()
        super().close()


# --- process figures (Linux /proc) -----------------------------------------------------------


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def os_threads() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("Threads:"):
                return int(line.split()[1])
    return 0


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


def file_mb(path: Path) -> float:
    try:
        return path.stat().st_size / (1024 * 1024)
    except FileNotFoundError:
        return 0.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- the endpoint and its outages ------------------------------------------------------------


class Network:
    """The endpoint process on a fixed port, stopped and started (or replaced by garbage)."""

    def __init__(self, folder: Path) -> None:
        self.db = folder / "central.sqlite"
        self.tokens = folder / "tokens.txt"
        self.tokens.write_text(f"{TOKEN} {KIOSK_ID}\n", encoding="utf-8")  # bound to the kiosk
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None
        self.garbage: subprocess.Popen | None = None
        self.outages = 0
        self.garbage_phases = 0
        self.restarts = 0

    def start_endpoint(self, port: int | None = None) -> subprocess.Popen:
        """The endpoint on its port (or on ``port``, behind something that takes its own)."""
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kiosk",
                "--log-level",
                "ERROR",
                "endpoint",
                "--db",
                str(self.db),
                "--port",
                str(port or self.port),
                "--token-file",
                str(self.tokens),
                "--threads",
                "4",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return self.process

    def wait_up(self, limit: float = 20.0, url: str | None = None) -> None:
        import requests  # here: bench_year's kiosk child imports this module, and starts fast

        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            try:
                requests.get((url or self.url) + "/v1/kiosks", timeout=1).close()
                return
            except requests.RequestException:
                time.sleep(0.05)
        raise SystemExit("the endpoint did not start")

    def outage(self) -> None:
        """Take the endpoint down (SIGTERM; a restart follows after OUTAGE_LENGTH_S)."""
        self.outages += 1
        _stop(self.process)
        self.process = None
        if self.outages == GARBAGE_AT_OUTAGE:
            self.garbage_phases += 1
            self.garbage = subprocess.Popen(
                [sys.executable, "-c", GARBAGE_SERVER, str(self.port)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )

    def restore(self) -> None:
        if self.garbage is not None:
            _stop(self.garbage)
            self.garbage = None
        if self.process is None:
            self.restarts += 1
            self.start_endpoint()

    def close(self) -> None:
        _stop(self.garbage)
        _stop(self.process)


def _stop(process: subprocess.Popen | None) -> None:
    if process is None:
        return
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# --- the guests ------------------------------------------------------------------------------


class Guests:
    """One simulated guest at a time, driven by a short timer on the UI thread."""

    def __init__(self, kiosk, rng: random.Random) -> None:
        self.kiosk = kiosk
        self.rng = rng
        self.flows_started = 0
        self.flows_done = 0
        self.kinds = {
            "send": 0,
            "comment": 0,
            "skip": 0,
            "walkaway": 0,
            "thanks_tap": 0,
            "language": 0,
        }
        self.timer = QTimer()
        self.timer.setInterval(15)
        self.timer.timeout.connect(self.step)
        self._busy_until = 0.0
        self._connected_flow = None
        self._connect()

    def _connect(self) -> None:
        flow = self.kiosk.flow
        if flow is not self._connected_flow:
            flow.answer_completed.connect(self._completed)
            self._connected_flow = flow

    def _completed(self, _answer_id: str) -> None:
        self.flows_done += 1

    def step(self) -> None:
        kiosk = self.kiosk
        screen = kiosk.window.current_screen()
        now = time.monotonic()
        if now < self._busy_until:
            return
        if screen is kiosk.question:
            self.tap_score()
        elif screen is kiosk.thanks and self.rng.random() < 0.3:
            self.kinds["thanks_tap"] += 1
            kiosk.flow._thanks_tapped()  # the guest taps the thank-you away
        # On the why screen with a walk-away, nothing to do: the idle timer ends it.

    def tap_score(self) -> None:
        kiosk = self.kiosk
        rng = self.rng
        score = rng.randint(0, 6) if rng.random() < 0.15 else rng.randint(7, 10)
        self.flows_started += 1
        if rng.random() < 0.25:  # a tourist reads it in the other language first
            self.kinds["language"] += 1
            buttons = kiosk.question.language_switch.buttons
            other = next(lang for lang in buttons if lang != kiosk.translations.language)
            buttons[other].click()
        kiosk.question.score_buttons[score].click()
        if kiosk.window.current_screen() is not kiosk.why:
            return
        roll = rng.random()
        why = kiosk.why
        if roll < 0.45:
            self.kinds["send"] += 1
            for chip in rng.sample(why.reason_chips, rng.randint(1, 3)):
                chip.click()
            why.send_button.click()
        elif roll < 0.60:
            self.kinds["comment"] += 1
            why.open_keyboard()
            keys = why.keyboard.keys
            for key in rng.choice(("rico", "lento", "ñandú", "café")):
                button = keys.get(key)
                if button is not None:
                    button.click()
            why.send_button.click()
        elif roll < 0.80:
            self.kinds["skip"] += 1
            why.skip_button.click()
        else:
            self.kinds["walkaway"] += 1  # nothing more: the flow's idle timer ends it
        # The next guest steps up a moment later.
        self._busy_until = time.monotonic() + rng.uniform(0.0, 0.1)


# --- verification ----------------------------------------------------------------------------


def verify(store_path: Path, central_db: Path, flows_done: int) -> list[tuple[bool, str]]:
    checks: list[tuple[bool, str]] = []
    con = sqlite3.connect(f"file:{store_path}?mode=ro", uri=True)
    try:
        local = dict(con.execute("SELECT id, seq FROM answers WHERE origin = 'guest'").fetchall())
        incomplete = con.execute(
            "SELECT count(*) FROM answers WHERE completion IS NULL"
        ).fetchone()[0]
        states = dict(con.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall())
        alert_ids = {
            row[0] for row in con.execute("SELECT answer_id FROM outbox WHERE kind = 'alert'")
        }
        detractors = {
            row[0]
            for row in con.execute(
                "SELECT id FROM answers WHERE origin = 'guest' AND category = 'detractor'"
                " AND flagged = 0"
            )
        }
    finally:
        con.close()
    from kiosk.endpoint.store.service import CentralStore

    central = CentralStore.open(central_db)
    try:
        held = central.answer_ids()
        held_alerts = central.alert_ids()
        reports = [r for r in central.kiosks() if r.kiosk_id == KIOSK_ID]
    finally:
        central.close()

    checks.append(
        (
            len(local) == flows_done,
            f"kiosk holds {len(local)} guest answers for {flows_done} flows completed",
        )
    )
    checks.append((incomplete == 0, f"answers left open at the kiosk: {incomplete}"))
    missing = set(local) - set(held)
    checks.append((not missing, f"every kiosk answer at the endpoint ({len(missing)} missing)"))
    extra = set(held) - set(local)
    checks.append((not extra, f"no unknown answers at the endpoint ({len(extra)})"))
    checks.append(
        (
            len(held) == len(set(held)),
            f"none twice at the endpoint ({len(held)} rows, {len(set(held))} ids)",
        )
    )
    if reports:
        report = reports[0]
        seqs = sorted(local.values())
        checks.append(
            (
                report.missing == 0 and not report.gaps and report.last_seq == seqs[-1],
                f"no seq gaps (endpoint: seq {report.first_seq}..{report.last_seq}, "
                f"missing {report.missing}, gaps {report.gaps[:3]})",
            )
        )
    else:
        checks.append((False, "the endpoint has no report for this kiosk"))
    checks.append(
        (
            alert_ids == detractors,
            f"one alert queued per unflagged detractor ({len(alert_ids)} alerts, "
            f"{len(detractors)} detractors)",
        )
    )
    checks.append(
        (
            set(held_alerts) == alert_ids and len(held_alerts) == len(set(held_alerts)),
            f"alerts at the endpoint once each ({len(held_alerts)} held, {len(alert_ids)} queued)",
        )
    )
    pending = states.get("pending", 0)
    quarantined = states.get("quarantined", 0)
    checks.append(
        (
            pending == 0 and quarantined == 0,
            f"outbox: {states.get('delivered', 0)} delivered, {pending} pending, "
            f"{quarantined} quarantined",
        )
    )
    return checks


# --- the run ---------------------------------------------------------------------------------


def soak_settings(base: Settings, url: str) -> Settings:
    """Short timers so that many guests pass; validated ranges are bypassed on purpose."""
    return replace(
        base,
        kiosk=replace(base.kiosk, id=KIOSK_ID, site="soak", fullscreen=False),
        timeouts=replace(base.timeouts, idle_seconds=0.4),
        thanks=replace(base.thanks, seconds=0.15, seconds_with_qr=0.15),
        abuse=replace(base.abuse, enabled=False),  # a fast robot is not an abuser here
        sync=replace(
            base.sync,
            endpoint=url,
            token=TOKEN,
            interval_seconds=10.0,
            soon_after_answer_seconds=0.5,
            max_backoff_seconds=20.0,
            connect_timeout=2.0,
            read_timeout=5.0,
        ),
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    duration = args.minutes * 60
    rng = random.Random(args.seed)
    app = qt_app()

    with tempfile.TemporaryDirectory(prefix="kiosk-soak-") as tmp:
        folder = Path(tmp)
        data = folder / "data"
        network = Network(folder)
        tally = LogTally(folder / "soak.log")
        kiosk_log = logging.getLogger("kiosk")
        kiosk_log.addHandler(tally)
        kiosk_log.setLevel(logging.INFO)
        kiosk_log.propagate = False
        network.start_endpoint()
        network.wait_up()
        ctx = Context.from_options(None, str(data))
        ctx.reload_settings(soak_settings(ctx.settings, network.url))
        kiosk = build_app(ctx)
        kiosk.window.resize(1280, 800)
        kiosk.window.show()
        owner = AdminSide(kiosk)
        owner.start()
        guests = Guests(kiosk, rng)
        wal = ctx.store_path.with_name(ctx.store_path.name + "-wal")

        samples: list[tuple[float, float, int, int, int]] = []  # t, rss, fds, threads, os thr
        wal_max = [0.0]
        started = time.monotonic()

        def pending() -> int:
            status = read_status(ctx.store().db, ctx.settings)
            return status.pending_answers + status.pending_alerts

        def sample() -> None:
            t = time.monotonic() - started
            samples.append((t, rss_mb(), open_fds(), threading.active_count(), os_threads()))
            wal_max[0] = max(wal_max[0], file_mb(wal))

        def report() -> None:
            t, rss, fds, threads, os_thr = samples[-1]
            print(
                f"{t:6.0f} s  flows {guests.flows_done:6d}  RSS {rss:6.1f} MB  fds {fds:3d}  "
                f"threads {threads} (os {os_thr})  WAL {file_mb(wal):5.2f} MB  "
                f"pending {pending():5d}  outages {network.outages}",
                flush=True,
            )

        next_outage = [OUTAGE_EVERY_S]
        restore_at = [None]

        def chaos() -> None:
            t = time.monotonic() - started
            if restore_at[0] is not None and t >= restore_at[0]:
                network.restore()
                restore_at[0] = None
            elif restore_at[0] is None and t >= next_outage[0] and t < duration - 20:
                network.outage()
                restore_at[0] = t + OUTAGE_LENGTH_S
                next_outage[0] = t + OUTAGE_EVERY_S

        def finish() -> None:
            if time.monotonic() - started >= duration:
                app.quit()

        timers = []
        for interval, slot in (
            (1000, sample),
            (int(REPORT_EVERY_S * 1000), report),
            (250, chaos),
            (200, finish),
        ):
            timer = QTimer()
            timer.timeout.connect(slot)
            timer.start(interval)
            timers.append(timer)
        sample()
        guests.timer.start()
        print(
            f"soak: {args.minutes:g} min, endpoint {network.url}, outage every "
            f"{OUTAGE_EVERY_S:.0f} s for {OUTAGE_LENGTH_S:.0f} s, garbage server at outage "
            f"{GARBAGE_AT_OUTAGE}",
            flush=True,
        )
        app.exec()

        # Guests stop; the last one's flow ends by itself.
        guests.timer.stop()
        for timer in timers[2:]:
            timer.stop()
        network.restore()
        network.wait_up()
        end_flows = time.monotonic()
        while (
            kiosk.window.current_screen() is not kiosk.question and time.monotonic() - end_flows < 5
        ):
            app.processEvents()
            time.sleep(0.01)
        drain_started = time.monotonic()
        while pending() and time.monotonic() - drain_started < DRAIN_LIMIT_S:
            app.processEvents()
            time.sleep(0.05)
        drained_in = time.monotonic() - drain_started
        left = pending()
        # Outbox items nudged last may still be in flight: let the worker settle.
        time.sleep(0.5)
        sample()
        report()
        for timer in timers[:2]:
            timer.stop()

        owner.stop()
        kiosk.close()
        app.processEvents()
        store_path = ctx.store_path
        ctx.close()
        network.close()

        checks = verify(store_path, network.db, guests.flows_done)
        print()
        print(
            f"flows: {guests.flows_done} completed of {guests.flows_started} started, "
            f"{guests.flows_done / duration:.1f}/s; {guests.kinds}"
        )
        print(
            f"network: {network.outages} outages ({network.garbage_phases} with a garbage "
            f"server), {network.restarts} restarts"
        )
        print(
            f"drain after the last outage: {drained_in:.1f} s with no 'Sync now' "
            f"({left} still pending)"
        )
        ok = left == 0
        print(
            f"{'PASS' if ok else 'FAIL'}: the sync drained by itself within {DRAIN_LIMIT_S:.0f} s"
        )
        for good, text in checks:
            ok = ok and good
            print(f"{'PASS' if good else 'FAIL'}: {text}")
        growth(samples, wal_max[0])
        print(f"log: {dict(tally.counts)}")
        for line in tally.errors[:10]:
            print(f"  error logged: {line}")
        ok = ok and not tally.errors
        print(f"{'PASS' if not tally.errors else 'FAIL'}: no errors logged ({len(tally.errors)})")
        kiosk_log.removeHandler(tally)
        tally.close()
        print("RESULT:", "PASS" if ok else "FAIL")
    app.shutdown()
    return 0 if ok else 1


def growth(samples: list[tuple[float, float, int, int, int]], wal_max: float) -> None:
    tenth = max(1, len(samples) // 10)
    first, last = samples[:tenth], samples[-tenth - 1 : -1] or samples[-tenth:]

    def mean(rows, index):
        return sum(r[index] for r in rows) / len(rows)

    print(
        f"RSS: first 10% {mean(first, 1):.1f} MB, last 10% {mean(last, 1):.1f} MB, growth "
        f"{mean(last, 1) - mean(first, 1):+.1f} MB; peak {max(s[1] for s in samples):.1f} MB"
    )
    print(f"fds: first {samples[0][2]}, last {samples[-1][2]}, max {max(s[2] for s in samples)}")
    print(
        f"threads (Python): first {samples[0][3]}, last {samples[-1][3]}, max "
        f"{max(s[3] for s in samples)}; OS threads first {samples[0][4]}, last "
        f"{samples[-1][4]}, max {max(s[4] for s in samples)}"
    )
    print(f"WAL: max {wal_max:.2f} MB")


if __name__ == "__main__":
    sys.exit(main())
