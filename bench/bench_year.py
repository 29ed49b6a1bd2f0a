"""A year at the counter in minutes: the real kiosk as its own process, guests tapping as
fast as the screens allow, the plug pulled (SIGKILL of the whole process) at random moments,
and the network going away and coming back. Prints figures; not a pytest test (a short run
is, in tests/app/test_bench_year.py).

* The kiosk is a child process (``--child``): ``build_app`` + ``AdminSide`` (the real sync
  thread) offscreen, driven by bench_soak's simulated guests through Qt's own clicks, with
  short timers. It prints ``ack <id>`` when a guest's score is committed (the guest sees the
  next screen: the kiosk has taken the answer) and a ``sample`` line of RSS, fds and threads
  every second.
* The parent runs the reference endpoint (``kiosk endpoint``, its own process, via
  bench_soak's Network) and takes it down now and then; it SIGKILLs the kiosk every few
  seconds and starts it again on the same data folder.
* At the end a last kiosk runs without guests until the outbox is empty and is stopped
  cleanly (SIGTERM). Then: every acknowledged answer is in the store and at the endpoint
  exactly once, every seq gap at the endpoint is explained by a recovery the kiosk recorded,
  ``PRAGMA integrity_check`` is ok, nothing is left open or pending, and the kiosk's memory,
  fds and threads do not grow from one life to the next.

Usage: ``python bench/bench_year.py [--minutes 5] [--seed 1]``; exit code 0 only on PASS.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

LIFE_SECONDS = (3.0, 10.0)  # how long the kiosk runs between two pulled plugs
OUTAGE_EVERY_S = (8.0, 20.0)
OUTAGE_LENGTH_S = (2.0, 6.0)
DRAIN_LIMIT_S = 120.0
START_LIMIT_S = 30.0
RSS_GROWTH_LIMIT_MB = 40.0


# --- the child: one life of the kiosk ---------------------------------------------------------


def child(data_dir: str, url: str, seed: int, guests_on: bool) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import logging

    from bench_soak import Guests, open_fds, os_threads, rss_mb, soak_settings
    from PySide6.QtCore import QTimer

    from kiosk.app.admin import AdminSide
    from kiosk.app.context import Context
    from kiosk.app.guest import build_app, qt_app
    from kiosk.sync.worker import read_status

    logging.getLogger("kiosk").setLevel(logging.WARNING)
    app = qt_app()
    ctx = Context.from_options(None, data_dir)
    ctx.reload_settings(soak_settings(ctx.settings, url))
    kiosk = build_app(ctx)
    kiosk.window.resize(1280, 800)
    kiosk.window.show()
    owner = AdminSide(kiosk)
    owner.start()
    out = sys.stdout

    def acked(answer_id: str) -> None:
        out.write(f"ack {answer_id}\n")
        out.flush()

    connected = [None]

    def follow_flow() -> None:
        if kiosk.flow is not connected[0]:
            kiosk.flow.answer_recorded.connect(acked)
            connected[0] = kiosk.flow

    follow_flow()

    def sample() -> None:
        follow_flow()
        status = read_status(ctx.store().db, ctx.settings)
        out.write(
            f"sample {rss_mb():.1f} {open_fds()} {threading.active_count()} "
            f"{os_threads()} {status.pending_answers + status.pending_alerts}\n"
        )
        out.flush()

    sampler = QTimer()
    sampler.timeout.connect(sample)
    sampler.start(1000)
    guests = Guests(kiosk, random.Random(seed))
    if guests_on:
        guests.timer.start()
    signal.signal(signal.SIGTERM, lambda *_: app.quit())
    ticker = QTimer()
    ticker.timeout.connect(lambda: None)
    ticker.start(100)
    out.write("started\n")
    out.flush()
    sample()
    app.exec()
    guests.timer.stop()
    sampler.stop()
    owner.stop()
    kiosk.close()
    ctx.close()
    out.write("stopped\n")
    out.flush()
    return 0


# --- the parent -------------------------------------------------------------------------------


@dataclass
class Life:
    """What one kiosk process said."""

    acks: list[str] = field(default_factory=list)
    samples: list[tuple[float, int, int, int, int]] = field(default_factory=list)
    started: bool = False
    stopped: bool = False


class Kiosk:
    """Starts the kiosk child and reads what it prints on a thread of its own."""

    def __init__(self, data: Path, url: str, seed: int, *, guests: bool) -> None:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(HERE.parent))
        self.life = Life()
        self.process = subprocess.Popen(
            [
                sys.executable,
                str(Path(__file__).resolve()),
                "--child",
                str(data),
                url,
                str(seed),
                "1" if guests else "0",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            word, _, rest = line.strip().partition(" ")
            if word == "ack":
                self.life.acks.append(rest)
            elif word == "sample":
                rss, fds, threads, os_thr, pending = rest.split()
                self.life.samples.append(
                    (float(rss), int(fds), int(threads), int(os_thr), int(pending))
                )
            elif word == "started":
                self.life.started = True
            elif word == "stopped":
                self.life.stopped = True

    def wait_started(self) -> None:
        deadline = time.monotonic() + START_LIMIT_S
        while not self.life.started:
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the kiosk did not start (exit {self.process.poll()})")
            time.sleep(0.05)

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)
        self.reader.join(5)

    def stop(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        code = self.process.wait(30)
        self.reader.join(5)
        return code


def verify(
    store_path: Path, central_db: Path, kiosk_id: str, acked: set[str]
) -> list[tuple[bool, str]]:
    from kiosk.endpoint.store.service import CentralStore

    checks: list[tuple[bool, str]] = []
    con = sqlite3.connect(f"file:{store_path}?mode=ro", uri=True)
    try:
        integrity = con.execute("PRAGMA integrity_check").fetchall()
        local = dict(con.execute("SELECT id, seq FROM answers WHERE origin != 'demo'").fetchall())
        open_answers = con.execute(
            "SELECT count(*) FROM answers WHERE completion IS NULL"
        ).fetchone()[0]
        states = dict(con.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall())
        recoveries = con.execute(
            "SELECT count(*) FROM events WHERE kind IN ('store_recovered', 'store_missing')"
        ).fetchone()[0]
    finally:
        con.close()
    central = CentralStore.open(central_db)
    try:
        held = central.answer_ids()
        report = next((r for r in central.kiosks() if r.kiosk_id == kiosk_id), None)
    finally:
        central.close()
    checks.append((integrity == [("ok",)], f"PRAGMA integrity_check: {integrity[:3]}"))
    lost_here = acked - set(local)
    checks.append(
        (
            not lost_here,
            f"every acknowledged answer in the kiosk's store "
            f"({len(acked)} acknowledged, {len(lost_here)} missing)",
        )
    )
    lost_there = acked - set(held)
    checks.append(
        (not lost_there, f"every acknowledged answer at the endpoint ({len(lost_there)} missing)")
    )
    checks.append(
        (
            len(held) == len(set(held)),
            f"none twice at the endpoint ({len(held)} rows, {len(set(held))} ids)",
        )
    )
    extra = set(held) - set(local)
    checks.append((not extra, f"nothing at the endpoint the kiosk does not hold ({len(extra)})"))
    if report is None:
        checks.append((False, "the endpoint has no report for this kiosk"))
    else:
        explained = not report.gaps or recoveries > 0
        checks.append(
            (
                explained,
                f"seq gaps explained: {len(report.gaps)} gap(s) "
                f"{report.gaps[:3]}, {recoveries} recovery event(s)",
            )
        )
    pending = states.get("pending", 0) + states.get("quarantined", 0)
    checks.append(
        (
            open_answers == 0 and pending == 0,
            f"nothing left waiting: {open_answers} open, outbox {states}",
        )
    )
    return checks


def growth(lives: list[Life]) -> list[tuple[bool, str]]:
    """Each life's figures a few seconds in: the last life must not carry more than the first."""

    def early(life: Life):
        usable = life.samples[2:4] or life.samples[-1:]
        return usable[0] if usable else None

    points = [p for p in (early(life) for life in lives) if p is not None]
    if len(points) < 2:
        return [(True, "growth: too few lives to compare")]
    first, last = points[0], points[-1]
    checks = [
        (
            last[0] - first[0] < RSS_GROWTH_LIMIT_MB,
            f"RSS a few seconds into each life: first {first[0]:.1f} MB, last {last[0]:.1f} MB, "
            f"max {max(p[0] for p in points):.1f} MB",
        ),
        (
            last[1] <= first[1] + 3,
            f"fds: first {first[1]}, last {last[1]}, max {max(p[1] for p in points)}",
        ),
        (
            last[2] <= first[2] + 1,
            f"threads: first {first[2]}, last {last[2]}, max {max(p[2] for p in points)}",
        ),
    ]
    final = lives[-1].samples
    if len(final) >= 4:
        checks.append(
            (
                final[-1][0] - final[1][0] < RSS_GROWTH_LIMIT_MB
                and final[-1][1] <= final[1][1] + 3,
                f"final life: RSS {final[1][0]:.1f} -> {final[-1][0]:.1f} MB, fds "
                f"{final[1][1]} -> {final[-1][1]}",
            )
        )
    return checks


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--child", nargs=4, metavar=("DATA", "URL", "SEED", "GUESTS"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child:
        data, url, seed, guests = args.child
        return child(data, url, int(seed), guests == "1")

    from bench_soak import KIOSK_ID, Network

    rng = random.Random(args.seed)
    duration = args.minutes * 60
    with tempfile.TemporaryDirectory(prefix="kiosk-year-") as tmp:
        folder = Path(tmp)
        data = folder / "data"
        network = Network(folder)
        network.start_endpoint()
        network.wait_up()
        lives: list[Life] = []
        kills = 0
        started = time.monotonic()
        next_outage = started + rng.uniform(*OUTAGE_EVERY_S)
        restore_at: float | None = None
        print(
            f"year: {args.minutes:g} min, endpoint {network.url}, SIGKILL every "
            f"{LIFE_SECONDS[0]:.0f}-{LIFE_SECONDS[1]:.0f} s",
            flush=True,
        )
        try:
            while time.monotonic() - started < duration:
                kiosk = Kiosk(data, network.url, rng.randrange(10**6), guests=True)
                kiosk.wait_started()
                until = min(time.monotonic() + rng.uniform(*LIFE_SECONDS), started + duration)
                while time.monotonic() < until:
                    now = time.monotonic()
                    if restore_at is not None and now >= restore_at:
                        network.restore()
                        restore_at = None
                    elif restore_at is None and now >= next_outage:
                        network.outage()
                        restore_at = now + rng.uniform(*OUTAGE_LENGTH_S)
                        next_outage = now + rng.uniform(*OUTAGE_EVERY_S)
                    time.sleep(0.05)
                kiosk.kill()
                kills += 1
                lives.append(kiosk.life)
                print(
                    f"{time.monotonic() - started:6.0f} s  life {len(lives):3d}: "
                    f"{len(kiosk.life.acks):4d} answers, then SIGKILL; outages "
                    f"{network.outages}",
                    flush=True,
                )
            # The network comes back; a last kiosk without guests sends what is left.
            network.restore()
            network.wait_up()
            last = Kiosk(data, network.url, 0, guests=False)
            last.wait_started()
            drain_started = time.monotonic()
            while time.monotonic() - drain_started < DRAIN_LIMIT_S:
                samples = last.life.samples
                if len(samples) >= 6 and samples[-1][4] == 0:
                    break
                time.sleep(0.2)
            drained_in = time.monotonic() - drain_started
            code = last.stop()
            lives.append(last.life)
        finally:
            network.close()

        acked = {a for life in lives for a in life.acks}
        store_path = data / "kiosk.sqlite"
        checks = verify(store_path, network.db, KIOSK_ID, acked)
        checks.append(
            (code == 0 and last.life.stopped, f"the last kiosk stopped cleanly (exit {code})")
        )
        checks.extend(growth(lives))
        elapsed = time.monotonic() - started
        print()
        print(
            f"answers acknowledged: {len(acked)} in {elapsed / 60:.1f} min "
            f"({len(acked) / max(duration, 1) * 60:.0f}/min) over {len(lives)} kiosk lives"
        )
        print(
            f"plug pulled: {kills} SIGKILLs; network: {network.outages} outages "
            f"({network.garbage_phases} with a garbage server), {network.restarts} restarts"
        )
        print(f"drain at the end: {drained_in:.1f} s")
        ok = True
        for good, text in checks:
            ok = ok and good
            print(f"{'PASS' if good else 'FAIL'}: {text}")
        print("RESULT:", "PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
