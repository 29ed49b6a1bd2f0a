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
* The kiosk's wall clock jumps forward and back (libfaketime, Debian's ``faketime``; its
  monotonic clock is left alone, as a real machine's is): the parent writes the offset to a
  file the child's libfaketime re-reads each second. Without the library this is skipped,
  and the run says so.
* The disk fills (twice a run): the data folder is its own small tmpfs (root only; else
  skipped, and said), and the parent fills every free byte for a few seconds, then frees
  them, while guests keep tapping and the plug keeps being pulled.
* At the end a last kiosk runs without guests until the outbox is empty and is stopped
  cleanly (SIGTERM). Then: every acknowledged answer is in the store and at the endpoint
  exactly once, every seq gap at the endpoint is explained by a recovery the kiosk recorded,
  ``PRAGMA integrity_check`` is ok, nothing is left open or pending, and the kiosk's memory,
  fds and threads do not grow from one life to the next.

Usage: ``python bench/bench_year.py [--minutes 5] [--seed 1] [--no-clock-jumps]
[--no-disk-fill]``; exit code 0 only on PASS.
"""

from __future__ import annotations

import argparse
import atexit
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
FAKETIME = Path("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1")
# Wall-clock offsets the kiosk lives through, in order (within the endpoint's two days
# of plausible drift ahead, so answers stay acceptable): forward, back, a day ahead, back.
CLOCK_STEPS = ("+6h", "-3h", "+1d", "+0", "-90m", "+0")
CLOCK_STEP_EVERY_S = (10.0, 25.0)
DISK_SIZE = "96m"
FULL_FOR_S = (4.0, 8.0)


# --- the child: one life of the kiosk ---------------------------------------------------------


def child(data_dir: str, url: str, seed: int, guests_on: bool) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if "faketime" in os.environ.get("LD_PRELOAD", ""):
        # libfaketime 0.9.10 breaks clock_nanosleep(TIMER_ABSTIME) when it leaves the
        # monotonic clock alone, which time.sleep uses; an Event's wait is unaffected.
        time.sleep = lambda seconds: threading.Event().wait(seconds)  # type: ignore[assignment]
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

    def __init__(
        self, data: Path, url: str, seed: int, *, guests: bool, clock: Path | None = None
    ) -> None:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(HERE.parent))
        if clock is not None:
            env.update(
                LD_PRELOAD=str(FAKETIME),
                FAKETIME_TIMESTAMP_FILE=str(clock),
                FAKETIME_DONT_FAKE_MONOTONIC="1",
                FAKETIME_CACHE_DURATION="1",
            )
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


class Disk:
    """The kiosk's data folder on a tmpfs of its own, filled to the last byte on demand."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True)
        self.mounted = False
        self.why = ""
        if os.geteuid() != 0:
            self.why = "not root: no tmpfs, no disk fill"
            return
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={DISK_SIZE}", "tmpfs", str(folder)],
            capture_output=True,
            text=True,
            check=False,
        )
        self.mounted = done.returncode == 0
        self.why = "" if self.mounted else f"cannot mount a tmpfs: {done.stderr.strip()}"
        self.filler = folder / "filler.bin"
        self.fills = 0
        self.full_until: float | None = None

    def fill(self, seconds: float) -> None:
        """Take every free byte (raw writes: nothing buffered to fail at close)."""
        fd = os.open(self.filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            for size in (1 << 20, 4096, 1):
                block = b"\0" * size
                try:
                    while True:
                        os.write(fd, block)
                except OSError:
                    pass  # full at this block size: try smaller ones
        finally:
            os.close(fd)
        self.fills += 1
        self.full_until = time.monotonic() + seconds

    def tick(self) -> None:
        if self.full_until is not None and time.monotonic() >= self.full_until:
            self.filler.unlink(missing_ok=True)
            self.full_until = None

    def close(self) -> None:
        if self.mounted:
            self.mounted = False
            subprocess.run(["umount", "-l", str(self.folder)], check=False)


class Clock:
    """The offset of the kiosk's wall clock, in a file its libfaketime reads."""

    def __init__(self, folder: Path, rng: random.Random) -> None:
        self.path = folder / "clock"
        self.enabled = FAKETIME.exists()
        self.rng = rng
        self.step = 0
        self.jumps = 0
        self.path.write_text("+0\n", encoding="utf-8")
        self.next_at = time.monotonic() + rng.uniform(*CLOCK_STEP_EVERY_S)

    def tick(self) -> None:
        if self.enabled and time.monotonic() >= self.next_at:
            offset = CLOCK_STEPS[self.step % len(CLOCK_STEPS)]
            self.path.write_text(offset + "\n", encoding="utf-8")
            self.step += 1
            self.jumps += 1
            self.next_at = time.monotonic() + self.rng.uniform(*CLOCK_STEP_EVERY_S)


def verify(
    store_path: Path, central_db: Path, kiosk_id: str, acked: set[str], jumped: bool
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
        skew_h = (report.max_abs_skew_seconds or 0) / 3600
        if jumped:
            checks.append(
                (skew_h >= 1, f"the kiosk's clock really jumped: the endpoint saw {skew_h:.1f} h")
            )
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
    parser.add_argument("--no-clock-jumps", action="store_true")
    parser.add_argument("--no-disk-fill", action="store_true")
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
    with tempfile.TemporaryDirectory(prefix="kiosk-year-", ignore_cleanup_errors=True) as tmp:
        folder = Path(tmp)
        disk = Disk(folder / "disk")
        atexit.register(disk.close)  # even when the run fails midway
        data = folder / "disk" / "data"
        clock = Clock(folder, rng)
        if args.no_clock_jumps:
            clock.enabled = False
        fill_at = [] if args.no_disk_fill or not disk.mounted else [duration / 3, 2 * duration / 3]
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
            f"{LIFE_SECONDS[0]:.0f}-{LIFE_SECONDS[1]:.0f} s; clock jumps "
            f"{'on' if clock.enabled else 'off (no ' + str(FAKETIME) + ')'}; disk fill "
            f"{'on' if fill_at else 'off (' + (disk.why or 'asked') + ')'}",
            flush=True,
        )
        try:
            while time.monotonic() - started < duration:
                kiosk = Kiosk(
                    data,
                    network.url,
                    rng.randrange(10**6),
                    guests=True,
                    clock=clock.path if clock.enabled else None,
                )
                kiosk.wait_started()
                until = min(time.monotonic() + rng.uniform(*LIFE_SECONDS), started + duration)
                while time.monotonic() < until:
                    now = time.monotonic()
                    clock.tick()
                    disk.tick()
                    if fill_at and now - started >= fill_at[0] and disk.full_until is None:
                        fill_at.pop(0)
                        disk.fill(rng.uniform(*FULL_FOR_S))
                        print(f"{now - started:6.0f} s  disk full", flush=True)
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
            # The disk and the clock come right, the network comes back; a last kiosk without
            # guests sends what is left.
            disk.full_until = time.monotonic()
            disk.tick()
            clock.path.write_text("+0\n", encoding="utf-8")
            network.restore()
            network.wait_up()
            last = Kiosk(
                data, network.url, 0, guests=False, clock=clock.path if clock.enabled else None
            )
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
        checks = verify(store_path, network.db, KIOSK_ID, acked, clock.jumps > 1)
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
        print(f"clock jumps: {clock.jumps}; disk filled: {disk.fills} time(s)")
        ok = True
        for good, text in checks:
            ok = ok and good
            print(f"{'PASS' if good else 'FAIL'}: {text}")
        print("RESULT:", "PASS" if ok else "FAIL")
        disk.close()  # before the folder is removed
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
