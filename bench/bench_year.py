"""A busy counter's year in minutes: the real kiosk as its own process, guests tapping as fast
as the screens allow, the plug pulled (SIGKILL of the whole process) a thousand times, the
network gone for days or replaced by a hostile endpoint, the clock jumping and the disk
filling. Prints figures; exit code 0 only on PASS. Not a pytest test (a short run is, in
tests/app/test_bench_year.py).

The year, by default (``--scale`` multiplies the three counts):

* **73,000 answers** (200 a day). Simulated time is counted in answers: a day is
  answers / 365 of them, so "an outage of three days" is the network gone while 600 guests
  answer.
* Guests, driven through Qt's own clicks on the real screens: a quarter switch language
  first (some again on the why screen), then a score (about 15% detractors); then reasons and
  Send, a comment typed on the on-screen keyboard, Skip, or a walk-away ended by the idle
  timer; half of the detractors ask for a call-back and type a name and a phone number on
  the contact screen's keyboard (some change their mind and skip).
* **1,000 power cuts**: SIGKILL at random moments, and on purpose at the moments that matter:
  inside a store transaction before its COMMIT, right after the endpoint stored a batch and
  before the kiosk heard it, in the middle of the owner's export, and during start-up.
* **100 network outages** of up to three simulated days: silence (connection refused), a
  garbage server, a server dripping its reply a byte every 0.2 s, and a proxy that hands the
  batch to the real endpoint and then drops the reply.
* The kiosk's wall clock jumps forward and back (libfaketime, Debian's ``faketime``; its
  monotonic clock is left alone, as a real machine's is).
* The disk fills twice (the data folder is its own tmpfs, filled to the last byte for a few
  seconds; root only, else skipped and said), and each time the plug is pulled twice while
  it is full, with answers waiting: once in the life that filled it, once in the next life,
  which starts on the full disk without a ballast to release.
* The owner exports now and then from the admin services (the screen's own code path).

At the end a kiosk runs a while without interruption (for growth), then one without guests
until the outbox is empty, stopped cleanly (SIGTERM). Then: every acknowledged answer in the
store and at the endpoint exactly once, with the score and language the guest chose and the
reasons and comment the kiosk holds; every call-back the guest sent at the endpoint; an
alert for every detractor; every seq gap explained by a recovery the kiosk recorded;
``PRAGMA integrity_check`` ok; nothing left open or pending; every finished export whole and
no unfinished one left beyond the sweep; no growth in memory, file descriptors or threads.

Usage: ``python bench/bench_year.py [--scale 1] [--answers N] [--power-cuts N]
[--outages N] [--seed 1] [--no-clock-jumps] [--no-disk-fill]``
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import csv
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

YEAR_ANSWERS = 73_000
YEAR_POWER_CUTS = 1_000
YEAR_OUTAGES = 100
DAYS = 365
LONGEST_OUTAGE_DAYS = 3.0
DRAIN_LIMIT_S = 300.0
START_LIMIT_S = 30.0
DIE_LIMIT_S = 4.0  # an armed kill that found no moment by then becomes a plain SIGKILL
STALL_LIMIT_S = 60.0  # a kiosk with guests and no answer for this long has stopped working
RSS_GROWTH_LIMIT_MB = 40.0
FAKETIME = Path("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1")
# Wall-clock jumps the kiosk lives through, in order (within the endpoint's two days of
# plausible drift ahead, so answers stay acceptable), each put right a simulated day or two
# later (NTP coming back): forward, back, a day ahead, back.
CLOCK_STEPS = ("+6h", "-3h", "+1d", "-90m")
CLOCK_ROUNDS = 3
CLOCK_WRONG_DAYS = (0.5, 2.0)
CLOCK_WRONG_MIN = 60  # answers
DISK_SIZE = "256m"
FULL_FOR_S = (4.0, 8.0)
# Each full disk also takes the plug twice while it is full: once in the life that filled
# it (its ballast spent) and once in the life that starts on it (no ballast to release), each
# once a few answers wait for the store (it accepts some first: its write-ahead log has room
# of its own). The disk is freed only after both.
FULL_DISK_CUTS = 2
FULL_DISK_ANSWERS = 3  # acknowledged while the store refused them, before the cut
FULL_DISK_GIVE_UP = 400  # answers taken on the full disk without one refused: cut anyway
# How the plug is pulled: at a random moment, or armed for a moment that matters.
CUT_KINDS = {"random": 0.45, "commit": 0.2, "sync": 0.2, "export": 0.08, "start-up": 0.07}
# What the network does during an outage.
OUTAGE_KINDS = {"silent": 0.55, "garbage": 0.15, "drip": 0.1, "lost-reply": 0.2}
EXPORT_LIFE_SHARE = 0.08  # lives in which the owner also exports (to completion)
SWEEP_GRACE_S = 10.0  # kiosk.files leaves a younger unfinished file alone

# A hostile stand-in on the endpoint's port: "drip" sends its reply a byte every 0.2 s;
# "lost-reply" hands each request to the real endpoint (argv[3]) and drops the reply.
HOSTILE_SERVER = r"""
import http.client, socket, sys, threading, time
mode, port = sys.argv[1], int(sys.argv[2])
backend = int(sys.argv[3]) if len(sys.argv) > 3 else 0

def read_request(con):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = con.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0") or 0)
    while len(body) < length:
        chunk = con.recv(65536)
        if not chunk:
            return None
        body += chunk
    method, path, _ = lines[0].split(" ", 2)
    return method, path, headers, body

def serve(con):
    con.settimeout(30)
    try:
        request = read_request(con)
        if request is None:
            return
        if mode == "drip":
            con.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        b"Content-Length: 4000\r\n\r\n")
            for _ in range(4000):
                con.sendall(b" ")
                time.sleep(0.2)
        else:  # lost-reply: the endpoint stores the batch; its reply never arrives
            method, path, headers, body = request
            keep = {k: v for k, v in headers.items() if k in ("authorization", "content-type")}
            upstream = http.client.HTTPConnection("127.0.0.1", backend, timeout=30)
            upstream.request(method, path, body=body, headers=keep)
            upstream.getresponse().read()
            upstream.close()
            con.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    except OSError:
        pass
    finally:
        con.close()

srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", port))
srv.listen(16)
while True:
    con, _ = srv.accept()
    threading.Thread(target=serve, args=(con,), daemon=True).start()
"""


# --- the child: one life of the kiosk ---------------------------------------------------------


class Plan:
    """What the parent asked for on stdin: die at the next moment of a kind, or export."""

    def __init__(self) -> None:
        self.armed: str | None = None
        self.lock = threading.Lock()

    def take(self, kind: str) -> bool:
        with self.lock:
            if self.armed == kind:
                self.armed = None
                return True
            return False


def child(data_dir: str, url: str, seed: int, guests_on: bool) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if "faketime" in os.environ.get("LD_PRELOAD", ""):
        # libfaketime 0.9.10 breaks clock_nanosleep(TIMER_ABSTIME) when it leaves the
        # monotonic clock alone, which time.sleep uses; an Event's wait is unaffected.
        time.sleep = lambda seconds: threading.Event().wait(seconds)  # type: ignore[assignment]
    import logging

    from bench_soak import open_fds, os_threads, rss_mb, soak_settings
    from PySide6.QtCore import QTimer

    from kiosk.app.admin import AdminSide
    from kiosk.app.context import Context
    from kiosk.app.guest import build_app, qt_app
    from kiosk.core.exports import ExportRequest
    from kiosk.sync.worker import read_status

    logging.getLogger("kiosk").setLevel(logging.WARNING)
    out_lock = threading.Lock()

    def say(line: str) -> None:
        with out_lock:
            sys.stdout.write(line + "\n")
            sys.stdout.flush()

    plan = Plan()

    def die(kind: str) -> None:
        say(f"dying {kind}")
        os.kill(os.getpid(), signal.SIGKILL)

    _hook_moments(plan, die)
    app = qt_app()
    ctx = Context.from_options(None, data_dir)
    base = soak_settings(ctx.settings, url)
    ctx.reload_settings(
        replace(
            base,
            callback=replace(base.callback, enabled=True),
            timeouts=replace(base.timeouts, idle_seconds=0.05),
            thanks=replace(base.thanks, seconds=0.005, seconds_with_qr=0.005),
        )
    )
    kiosk = build_app(ctx)
    kiosk.window.resize(1024, 600)
    kiosk.window.show()
    owner = AdminSide(kiosk)
    owner.start()
    guests = YearGuests(kiosk, random.Random(seed), say)
    exports: list[threading.Thread] = []

    def export() -> None:
        fmt = random.Random().choice(("csv", "csv", "json", "xlsx"))
        request = ExportRequest(since=None, until=None, include_flagged=True, format=fmt)
        folder = Path(data_dir) / "exports"
        name = f"year-{time.monotonic_ns()}.{fmt}"
        say(f"export begin {name}")
        try:
            count = owner.services.export(request, folder / name)
        except Exception as exc:  # a full disk: the owner sees it fail, nothing is lost
            say(f"export failed {name} {type(exc).__name__}")
            return
        say(f"export end {name} {count}")

    def commands() -> None:
        for line in sys.stdin:
            word, _, rest = line.strip().partition(" ")
            if word == "die":
                with plan.lock:
                    plan.armed = rest
            if word == "export" or rest == "export":
                thread = threading.Thread(target=export, daemon=True)
                exports.append(thread)
                thread.start()

    threading.Thread(target=commands, daemon=True).start()

    def sample() -> None:
        status = read_status(ctx.store().db, ctx.settings)
        say(
            f"sample {rss_mb():.1f} {open_fds()} {threading.active_count()} "
            f"{os_threads()} {status.pending_answers + status.pending_alerts}"
        )

    sampler = QTimer()
    sampler.timeout.connect(sample)
    sampler.start(500)
    if guests_on:
        guests.timer.start()
    signal.signal(signal.SIGTERM, lambda *_: app.quit())
    ticker = QTimer()
    ticker.timeout.connect(lambda: None)
    ticker.start(100)
    say("started")
    sample()
    app.exec()
    guests.timer.stop()
    sampler.stop()
    for thread in exports:
        thread.join(60)
    owner.stop()
    kiosk.close()
    ctx.close()
    say("stopped")
    return 0


def _hook_moments(plan: Plan, die) -> None:
    """Where an armed kill strikes: the bench's own hooks around the kiosk's real code."""
    from kiosk.export import writer
    from kiosk.store import database
    from kiosk.sync import client

    transaction = database.Database.transaction

    @contextlib.contextmanager
    def dying_transaction(self):
        with transaction(self) as con:
            yield con
            if plan.take("commit"):  # written, not committed: the plug goes now
                die("commit")

    database.Database.transaction = dying_transaction

    exchange = client.Client._exchange

    def dying_exchange(self, method, url, *args, **kwargs):
        reply = exchange(self, method, url, *args, **kwargs)
        if method == "POST" and reply.status == 200 and plan.take("sync"):
            die("sync")  # the endpoint stored the batch; the kiosk never hears it
        return reply

    client.Client._exchange = dying_exchange

    def dying(source):
        def rows(*args, **kwargs):
            for number, item in enumerate(source(*args, **kwargs)):
                if number == 0 and plan.take("export"):  # the file begun, not finished
                    die("export")
                yield item

        return rows

    for name in ("iter_csv_chunks", "iter_export_rows", "iter_sheet_batches"):
        setattr(writer, name, dying(getattr(writer, name)))


class YearGuests:
    """One guest at a time, driven by a short timer on the UI thread through real clicks."""

    NAMES = ("ana", "luis", "marta", "jörg", "ñico")

    def __init__(self, kiosk, rng: random.Random, say) -> None:
        from PySide6.QtCore import QTimer

        self.kiosk = kiosk
        self.rng = rng
        self.say = say
        self.kinds: Counter[str] = Counter()
        self.timer = QTimer()
        self.timer.setInterval(1)
        self.timer.timeout.connect(self.step)
        self._busy_until = 0.0
        self._tapped: tuple[int, str] | None = None
        self._flow = None
        self._connect()

    def _connect(self) -> None:
        flow = self.kiosk.flow
        if flow is not self._flow:
            flow.answer_recorded.connect(self._recorded)
            self._flow = flow

    def _recorded(self, answer_id: str) -> None:
        # The guest sees the next screen: the kiosk has taken the answer.
        score, language = self._tapped or (-1, "?")
        waiting = self.kiosk.recorder.pending_count  # writes the store refused, this one too
        self.say(f"ack {answer_id} {score} {language} {waiting}")

    def step(self) -> None:
        kiosk = self.kiosk
        self._connect()
        if time.monotonic() < self._busy_until:
            return
        screen = kiosk.window.current_screen()
        if screen is kiosk.question:
            self.guest()
        elif screen is kiosk.thanks and self.rng.random() < 0.3:
            kiosk.flow._thanks_tapped()  # the guest taps the thank-you away
        # On the why screen after a walk-away, nothing to do: the idle timer ends it.

    def _switch_language(self, switch) -> None:
        self.kinds["language"] += 1
        other = next(lang for lang in switch.buttons if lang != self.kiosk.translations.language)
        switch.buttons[other].click()

    def guest(self) -> None:
        kiosk, rng = self.kiosk, self.rng
        if rng.random() < 0.25:  # a tourist reads it in the other language first
            self._switch_language(kiosk.question.language_switch)
        score = rng.randint(0, 6) if rng.random() < 0.15 else rng.randint(7, 10)
        self._tapped = (score, kiosk.translations.language)
        kiosk.question.score_buttons[score].click()
        self._busy_until = time.monotonic() + rng.uniform(0.0, 0.005)
        why = kiosk.flow._why
        if why is None or kiosk.window.current_screen() is not why:
            return
        if rng.random() < 0.05:
            self._switch_language(why.language_switch)
        roll = rng.random()
        if why.callback_button.isVisible() and roll < 0.5:
            self.callback(why)
        elif roll < 0.45:
            self.kinds["reasons"] += 1
            for chip in rng.sample(why.reason_chips, rng.randint(1, 3)):
                chip.click()
            why.send_button.click()
        elif roll < 0.60:
            self.kinds["comment"] += 1
            why.open_keyboard()
            self.type(why.keyboard, rng.choice(("rico", "lento", "ñandú", "café")))
            why.send_button.click()
        elif roll < 0.80:
            self.kinds["skip"] += 1
            why.skip_button.click()
        else:
            self.kinds["walk-away"] += 1  # nothing more: the flow's idle timer ends it

    def callback(self, why) -> None:
        """A detractor asks for a call-back and leaves a name and a number (or skips)."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        rng = self.rng
        for chip in rng.sample(why.reason_chips, rng.randint(0, 2)):
            chip.click()
        answer_id = self.kiosk.flow.answer_id
        why.callback_button.click()
        contact = self.kiosk.flow._contact
        if contact is None or self.kiosk.window.current_screen() is not contact:
            return
        if rng.random() < 0.2:
            self.kinds["callback-skipped"] += 1
            contact.skip_button.click()
            return
        self.kinds["callback"] += 1
        contact.open_keyboard(contact.name_field)
        self.type(contact.keyboard, rng.choice(self.NAMES))
        contact.open_keyboard(contact.reach_field)
        self.type(contact.keyboard, "6" + "".join(rng.choice("0123456789") for _ in range(8)))
        QTest.mouseClick(contact.consent_line, Qt.MouseButton.LeftButton)
        typed = (contact.name_field.text(), contact.reach_field.text())
        contact.send_button.click()
        if self.kiosk.window.current_screen() is not contact:
            self.say(f"contact {answer_id} {typed[0]} {typed[1]}")

    @staticmethod
    def type(keyboard, text: str) -> None:
        for key in text:
            button = keyboard.keys.get(key)
            if button is not None:
                button.click()


# --- the parent -------------------------------------------------------------------------------


@dataclass
class Life:
    """What one kiosk process said."""

    acks: list[tuple[str, int, str]] = field(default_factory=list)
    contacts: list[tuple[str, str, str]] = field(default_factory=list)  # id, name, reach
    samples: list[tuple[float, int, int, int, int]] = field(default_factory=list)
    exports: dict[str, int] = field(default_factory=dict)  # finished: name -> answers
    exporting: set[str] = field(default_factory=set)
    exports_failed: int = 0  # refused by a full disk: the owner saw it fail
    waiting: int = 0  # answers acknowledged while the store refused writes
    died: str = ""
    started: bool = False
    stopped: bool = False


class Kiosk:
    """Starts the kiosk child and reads what it prints on a thread of its own."""

    def __init__(
        self,
        data: Path,
        url: str,
        seed: int,
        *,
        guests: bool,
        clock: Path | None = None,
        stderr: Path | None = None,
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
        errors = stderr.open("a", encoding="utf-8") if stderr else None
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
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=errors or subprocess.DEVNULL,
            text=True,
            env=env,
        )
        if errors is not None:
            errors.close()  # the child has its own
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        life = self.life
        for line in self.process.stdout:
            word, _, rest = line.strip().partition(" ")
            if word == "ack":
                answer_id, score, language, waiting = rest.split()
                life.acks.append((answer_id, int(score), language))
                life.waiting += int(waiting) > 0
            elif word == "contact":
                answer_id, name, reach = rest.split(" ")
                life.contacts.append((answer_id, name, reach))
            elif word == "sample":
                rss, fds, threads, os_thr, pending = rest.split()
                life.samples.append((float(rss), int(fds), int(threads), int(os_thr), int(pending)))
            elif word == "export":
                what, name, *count = rest.split()
                if what == "begin":
                    life.exporting.add(name)
                elif what == "end":
                    life.exporting.discard(name)
                    life.exports[name] = int(count[0])
                else:
                    life.exporting.discard(name)
                    life.exports_failed += 1
            elif word == "dying":
                life.died = rest
            elif word == "started":
                life.started = True
            elif word == "stopped":
                life.stopped = True

    def tell(self, line: str) -> None:
        with contextlib.suppress(OSError, ValueError):
            assert self.process.stdin is not None
            self.process.stdin.write(line + "\n")
            self.process.stdin.flush()

    def wait_started(self) -> None:
        deadline = time.monotonic() + START_LIMIT_S
        while not self.life.started:
            if self.process.poll() is not None or time.monotonic() > deadline:
                code = self.process.poll()
                self.kill()
                raise SystemExit(f"the kiosk did not start (exit {code})")
            time.sleep(0.01)

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.process.send_signal(signal.SIGKILL)
        self.reap()

    def reap(self) -> None:
        self.process.wait(10)
        self.reader.join(5)
        for stream in (self.process.stdin, self.process.stdout):
            with contextlib.suppress(OSError):
                if stream is not None:
                    stream.close()

    def stop(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(60)
        except subprocess.TimeoutExpired:
            self.kill()
            return -1
        self.reap()
        return code


class Disk:
    """The kiosk's data folder on a tmpfs of its own, filled to the last byte on demand."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True)
        self.mounted = False
        self.fills = 0
        self.full_until: float | None = None
        self.filler = folder / "filler.bin"
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

    def fill(self, seconds: float) -> None:
        """Take every free byte, and keep taking what is freed until the time is up (as a
        runaway log would): the ballast the kiosk releases buys it one retry, no more."""
        self.take_all()
        self.fills += 1
        self.full_until = time.monotonic() + seconds

    def take_all(self) -> None:
        """Raw writes until the disk refuses a byte (nothing buffered to fail at close)."""
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

    def tick(self, free: bool = True) -> None:
        """Keep the disk full while it is meant to be; free it after (when ``free``)."""
        if self.full_until is None:
            return
        if free and time.monotonic() >= self.full_until:
            self.filler.unlink(missing_ok=True)
            self.full_until = None
        else:
            self.take_all()

    def close(self) -> None:
        if self.mounted:
            self.mounted = False
            subprocess.run(["umount", "-l", str(self.folder)], check=False)


class Clock:
    """The offset of the kiosk's wall clock, in a file its libfaketime reads.

    libfaketime slows every clock call (the guests' pace drops by 40%), so a life gets it
    only when its clock is wrong or goes wrong during that life (:meth:`Run.clock_for`).
    """

    def __init__(self, folder: Path) -> None:
        self.path = folder / "clock"
        self.enabled = FAKETIME.exists()
        self.jumps = 0
        self.offset = "+0"
        self.path.write_text("+0\n", encoding="utf-8")

    def set(self, offset: str) -> None:
        self.path.write_text(offset + "\n", encoding="utf-8")
        if offset != "+0":
            self.jumps += 1
        self.offset = offset

    def reset(self) -> None:
        self.set("+0")


class Weather:
    """The network over the year: the endpoint up, gone, or replaced by a hostile one."""

    def __init__(self, folder: Path, rng: random.Random) -> None:
        from bench_soak import GARBAGE_SERVER, Network, free_port

        self.network = Network(folder)
        self.garbage_script = GARBAGE_SERVER
        self.backend_port = free_port()
        self.rng = rng
        self.kinds: Counter[str] = Counter()
        self.stand_in: subprocess.Popen | None = None
        self.current = ""

    @property
    def url(self) -> str:
        return self.network.url

    def start(self) -> None:
        self.network.start_endpoint()
        self.network.wait_up()

    def outage(self) -> None:
        from bench_soak import _stop

        kind = pick(self.rng, OUTAGE_KINDS)
        self.kinds[kind] += 1
        self.current = kind
        net = self.network
        net.outages += 1
        _stop(net.process)
        net.process = None
        port = str(net.port)
        if kind == "garbage":
            script = [self.garbage_script, port]
        elif kind == "drip":
            script = [HOSTILE_SERVER, "drip", port]
        elif kind == "lost-reply":
            net.start_endpoint(self.backend_port)
            net.wait_up(url=f"http://127.0.0.1:{self.backend_port}")
            script = [HOSTILE_SERVER, "lost-reply", port, str(self.backend_port)]
        else:
            return
        self.stand_in = subprocess.Popen(
            [sys.executable, "-c", *script],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def restore(self) -> None:
        from bench_soak import _stop

        if not self.current:
            return
        _stop(self.stand_in)
        self.stand_in = None
        net = self.network
        _stop(net.process)  # the lost-reply backend
        net.restarts += 1
        net.start_endpoint()
        net.wait_up()
        self.current = ""

    def close(self) -> None:
        from bench_soak import _stop

        _stop(self.stand_in)
        self.network.close()


def pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


@dataclass
class Year:
    """When things happen, in answers acknowledged so far (simulated time)."""

    answers: int
    cuts: list[int]
    outages: list[tuple[int, int]]  # (start, end) in answers
    clock_jumps: list[tuple[int, str]]  # (when, the offset from then on)
    disk_fills: list[int]

    @classmethod
    def plan(
        cls,
        rng: random.Random,
        answers: int,
        cuts: int,
        outages: int,
        jumps_on: bool,
        fills: bool,
    ) -> Year:
        day = answers / DAYS
        starts = sorted(rng.randrange(answers) for _ in range(outages))
        spans = []
        for number, start in enumerate(starts):
            end = start + max(1, round(rng.uniform(0.1, LONGEST_OUTAGE_DAYS) * day))
            if number + 1 < len(starts):
                end = min(end, starts[number + 1])
            if end > start:
                spans.append((start, end))
        jumps: list[tuple[int, str]] = []
        if jumps_on:
            steps = CLOCK_ROUNDS * len(CLOCK_STEPS)
            for number in range(steps):
                at = round(answers * (number + 1) / (steps + 1))
                # Wrong for long enough that the kiosk syncs meanwhile, in a short run too.
                back = at + max(CLOCK_WRONG_MIN, round(rng.uniform(*CLOCK_WRONG_DAYS) * day))
                jumps += [(at, CLOCK_STEPS[number % len(CLOCK_STEPS)]), (back, "+0")]
            jumps.sort(key=lambda jump: jump[0])
        return cls(
            answers=answers,
            cuts=sorted(rng.randrange(answers) for _ in range(cuts)),
            outages=spans,
            clock_jumps=jumps,
            disk_fills=[answers // 3, 2 * answers // 3] if fills else [],
        )


class Run:
    """The parent's loop: lives of the kiosk, each ended by a pulled plug."""

    def __init__(self, args, folder: Path) -> None:
        self.rng = random.Random(args.seed)
        self.disk = Disk(folder / "disk")
        atexit.register(self.disk.close)  # even when the run fails midway
        self.data = folder / "disk" / "data"
        self.clock = Clock(folder)
        if args.no_clock_jumps:
            self.clock.enabled = False
        self.year = Year.plan(
            self.rng,
            args.answers,
            args.power_cuts,
            args.outages,
            self.clock.enabled,
            self.disk.mounted and not args.no_disk_fill,
        )
        self.weather = Weather(folder, self.rng)
        self.lives: list[Life] = []
        self.acked = 0
        self.cuts: Counter[str] = Counter()
        self.outage_end: int | None = None
        self.swept = 0
        self.faked_lives = 0
        self.problems: list[str] = []  # a kiosk that exited by itself, or stopped answering
        self.stderr_log = folder / "kiosk-stderr.log"
        self.stderr_log.touch()
        self.exports_checked = 0
        self.exports_broken: list[str] = []
        self.final_start_wall = 0.0
        self.full_cuts = 0  # cuts still to come on the full disk
        self.full_since = 0  # answers acknowledged when the disk filled (or the last such cut)
        self.cuts_with_waiting = 0  # pulled plugs that found answers waiting for the store
        self.start_times: list[float] = []  # seconds from spawn to the first screen
        self.last_kill = 0.0
        self.started = time.monotonic()

    def clock_for(self, until: int) -> Path | None:
        """libfaketime for a life that ends at answer ``until``, if its clock is or goes wrong."""
        if not self.clock.enabled:
            return None
        jumps = self.year.clock_jumps
        if self.clock.offset != "+0" or (jumps and jumps[0][0] <= until):
            self.faked_lives += 1
            return self.clock.path
        return None

    def spawn(self, guests: bool = True, until: int = 0) -> Kiosk:
        parts_before = self.unfinished_exports()
        kiosk = Kiosk(
            self.data,
            self.weather.url,
            self.rng.randrange(10**6),
            guests=guests,
            clock=self.clock_for(until),
            stderr=self.stderr_log,
        )
        kiosk.parts_before = parts_before  # type: ignore[attr-defined]
        return kiosk

    def unfinished_exports(self) -> list[Path]:
        return sorted((self.data / "exports").glob(".*.part"))

    def weather_tick(self, acked: int) -> None:
        year = self.year
        self.disk.tick(free=not self.full_cuts)
        while year.clock_jumps and acked >= year.clock_jumps[0][0]:
            self.clock.set(year.clock_jumps.pop(0)[1])
        if year.disk_fills and acked >= year.disk_fills[0] and self.disk.full_until is None:
            year.disk_fills.pop(0)
            self.disk.fill(self.rng.uniform(*FULL_FOR_S))
            self.full_cuts, self.full_since = FULL_DISK_CUTS, acked
            self.say(f"disk full at answer {acked}")
        if self.outage_end is not None and acked >= self.outage_end:
            self.weather.restore()
            self.outage_end = None
        if self.outage_end is None and year.outages and acked >= year.outages[0][0]:
            _start, end = year.outages.pop(0)
            self.weather.outage()
            self.outage_end = end

    def say(self, text: str) -> None:
        print(f"{time.monotonic() - self.started:7.0f} s  {text}", flush=True)

    def one_life(self) -> None:
        """A kiosk from start to pulled plug."""
        year = self.year
        kinds = list(CUT_KINDS)  # each kind once first, so that a short run has them all
        kind = kinds[len(self.lives)] if len(self.lives) < len(kinds) else pick(self.rng, CUT_KINDS)
        target = year.cuts[0] if year.cuts else year.answers
        spawned = time.monotonic()
        kiosk = self.spawn(until=target + 150)  # an armed cut may take a few more answers
        if kind == "start-up":
            # Within the quickest start seen so far (a start on a full disk, without a
            # ballast to write, is quicker), so that the cut falls in the start itself.
            quickest = min(self.start_times, default=1.0)
            time.sleep(self.rng.uniform(0.0, 0.8 * quickest))
            kiosk.kill()
            self.end_life(kiosk, "start-up" if not kiosk.life.started else "random")
            return
        kiosk.wait_started()
        self.start_times.append(time.monotonic() - spawned)
        self.note_sweep(kiosk)
        export_at = None
        if len(self.lives) == 1:  # one export always runs to its end, so one is checked
            kiosk.tell("export")
            deadline = time.monotonic() + START_LIMIT_S
            while time.monotonic() < deadline and not (
                kiosk.life.exports or kiosk.life.exports_failed or kiosk.process.poll() is not None
            ):
                self.weather_tick(self.acked + len(kiosk.life.acks))
                time.sleep(0.01)
        elif self.rng.random() < EXPORT_LIFE_SHARE:
            export_at = self.rng.randint(self.acked, max(self.acked, target))
        last_ack, last_count = time.monotonic(), 0
        while True:
            count = len(kiosk.life.acks)
            acked = self.acked + count
            self.weather_tick(acked)
            if export_at is not None and acked >= export_at:
                kiosk.tell("export")
                export_at = None
            if acked >= target or kiosk.process.poll() is not None:
                break
            if self.full_cuts and (
                kiosk.life.waiting >= FULL_DISK_ANSWERS
                or acked >= self.full_since + FULL_DISK_GIVE_UP
            ):
                kind = "full-disk"  # answers the store refused wait: pull the plug now
                break
            if count != last_count:
                last_ack, last_count = time.monotonic(), count
            elif time.monotonic() - last_ack > STALL_LIMIT_S:
                self.problems.append(
                    f"life {len(self.lives) + 1}: no answer for {STALL_LIMIT_S:.0f} s"
                )
                tail = self.stderr_log.read_text(encoding="utf-8", errors="replace")[-1500:]
                self.say(f"the kiosk stopped answering; its stderr ends:\n{tail}")
                break
            time.sleep(0.01)
        if kiosk.process.poll() is not None:  # nobody pulled the plug yet
            kiosk.reap()
            self.crashed(kiosk)
            self.end_life(kiosk, "crash")
            return
        if kind == "sync" and self.weather.current:
            kind = "random"  # no batch gets through an outage: a plain cut, not a wait
        if kind in ("random", "full-disk"):
            time.sleep(self.rng.uniform(0.0, 0.05))
            kiosk.kill()
            if kind == "full-disk":
                self.cuts_with_waiting += kiosk.life.waiting >= FULL_DISK_ANSWERS
                self.full_cuts -= 1
                self.full_since = self.acked + len(kiosk.life.acks)
                kiosk.life.died = kind
        else:
            kiosk.tell(f"die {kind}")
            deadline = time.monotonic() + DIE_LIMIT_S
            while kiosk.process.poll() is None and time.monotonic() < deadline:
                self.weather_tick(self.acked + len(kiosk.life.acks))
                time.sleep(0.01)
            kiosk.kill()  # no-op if it died by itself
            if kind == "export" and kiosk.life.died == "export":
                for name in kiosk.life.exporting:  # cut before the rename: not there at all
                    if (self.data / "exports" / name).exists():
                        self.exports_broken.append(f"{name}: under its name after a cut midway")
        self.end_life(kiosk, kiosk.life.died or "random")

    def crashed(self, kiosk: Kiosk) -> None:
        """A kiosk that ended by itself, not by a cut: a failure, with its last words."""
        code = kiosk.process.returncode
        tail = self.stderr_log.read_text(encoding="utf-8", errors="replace")[-1500:]
        self.problems.append(f"life {len(self.lives) + 1}: the kiosk exited by itself ({code})")
        self.say(f"the kiosk exited by itself with {code}; its stderr ends:\n{tail}")

    def note_sweep(self, kiosk: Kiosk) -> None:
        before = kiosk.parts_before  # type: ignore[attr-defined]
        self.swept += sum(1 for part in before if not part.exists())

    def collect_exports(self, life: Life) -> None:
        """The owner takes each finished export away (checked whole first): the disk keeps
        only the store. One finished in the instant before a cut was never announced: it
        must be whole all the same."""
        for path in sorted((self.data / "exports").glob("year-*")):
            try:
                rows = export_rows(path)
            except Exception as exc:
                self.exports_broken.append(f"{path.name}: {type(exc).__name__} {exc}")
            else:
                count = life.exports.get(path.name)
                if count is not None and rows != count:
                    self.exports_broken.append(f"{path.name}: {rows} rows for {count} answers")
            self.exports_checked += 1
            path.unlink()

    def end_life(self, kiosk: Kiosk, kind: str) -> None:
        self.collect_exports(kiosk.life)
        if self.year.cuts:
            self.year.cuts.pop(0)
        self.cuts[kind] += 1
        self.last_kill = time.monotonic()
        self.lives.append(kiosk.life)
        self.acked += len(kiosk.life.acks)
        if len(self.lives) % 50 == 0:
            self.say(
                f"life {len(self.lives):4d}: {self.acked} answers, cuts {dict(self.cuts)}, "
                f"outages {dict(self.weather.kinds)}"
            )

    def long_life(self, answers: int) -> Kiosk:
        """Guests without a pulled plug, for growth within one process."""
        kiosk = self.spawn()
        kiosk.wait_started()
        self.note_sweep(kiosk)
        while len(kiosk.life.acks) < answers and kiosk.process.poll() is None:
            time.sleep(0.05)
        time.sleep(1.0)  # a last sample or two
        return kiosk


def verify(
    run: Run, acks: dict[str, tuple[int, str]], contacts: dict[str, tuple[str, str]]
) -> list[tuple[bool, str]]:
    from bench_soak import KIOSK_ID

    store_path = run.data / "kiosk.sqlite"
    central_db = run.weather.network.db
    checks: list[tuple[bool, str]] = []
    con = sqlite3.connect(f"file:{store_path}?mode=ro", uri=True)
    try:
        integrity = con.execute("PRAGMA integrity_check").fetchall()
        local = {
            row[0]: row[1:]
            for row in con.execute(
                "SELECT id, score, language, reasons, comment, category, flagged FROM answers"
                " WHERE origin != 'demo'"
            )
        }
        open_answers = con.execute(
            "SELECT count(*) FROM answers WHERE completion IS NULL"
        ).fetchone()[0]
        states = dict(con.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall())
        recoveries = con.execute(
            "SELECT count(*) FROM events WHERE kind IN ('store_recovered', 'store_missing')"
        ).fetchone()[0]
    finally:
        con.close()
    central = sqlite3.connect(f"file:{central_db}?mode=ro", uri=True)
    try:
        held = central.execute(
            "SELECT id, content FROM answers WHERE kiosk_id = ?", (KIOSK_ID,)
        ).fetchall()
        held_contacts = central.execute(
            "SELECT answer_id, name, reach FROM contacts WHERE kiosk_id = ?", (KIOSK_ID,)
        ).fetchall()
        held_alerts = {row[0] for row in central.execute("SELECT answer_id FROM alerts")}
    finally:
        central.close()
    from kiosk.endpoint.store.service import CentralStore

    store = CentralStore.open(central_db)
    try:
        report = next((r for r in store.kiosks() if r.kiosk_id == KIOSK_ID), None)
    finally:
        store.close()

    checks.append((integrity == [("ok",)], f"PRAGMA integrity_check: {integrity[:3]}"))
    acked = set(acks)
    lost_here = acked - set(local)
    checks.append(
        (
            not lost_here,
            f"every acknowledged answer in the kiosk's store "
            f"({len(acked)} acknowledged, {len(lost_here)} missing)",
        )
    )
    contents = {answer_id: json.loads(content) for answer_id, content in held}
    lost_there = acked - set(contents)
    checks.append(
        (not lost_there, f"every acknowledged answer at the endpoint ({len(lost_there)} missing)")
    )
    checks.append(
        (
            len(held) == len(contents),
            f"none twice at the endpoint ({len(held)} rows, {len(contents)} ids)",
        )
    )
    extra = set(contents) - set(local)
    checks.append((not extra, f"nothing at the endpoint the kiosk does not hold ({len(extra)})"))
    wrong_tap = [
        answer_id
        for answer_id, (score, language) in acks.items()
        if answer_id in contents
        and (contents[answer_id].get("score"), contents[answer_id].get("language"))
        != (score, language)
    ]
    checks.append(
        (
            not wrong_tap,
            f"the score and language each guest tapped, at the endpoint ({len(wrong_tap)} "
            f"differ{', e.g. ' + wrong_tap[0] if wrong_tap else ''})",
        )
    )
    differ = [
        answer_id
        for answer_id, (score, language, reasons, comment, _cat, _flag) in local.items()
        if answer_id in contents
        and (
            sorted(contents[answer_id].get("reasons", [])),
            contents[answer_id].get("comment", ""),
        )
        != (sorted(json.loads(reasons)), comment)
    ]
    with_reasons = sum(1 for row in local.values() if row[2] != "[]")
    checks.append(
        (
            not differ,
            f"reasons and comments at the endpoint as the kiosk holds them ({with_reasons} with "
            f"reasons; {len(differ)} differ)",
        )
    )
    held_by_id = {row[0]: (row[1], row[2]) for row in held_contacts}
    lost_contacts = set(contacts) - set(held_by_id)
    wrong = [i for i, typed in contacts.items() if i in held_by_id and held_by_id[i] != typed]
    checks.append(
        (
            not lost_contacts and not wrong,
            f"every call-back the guests sent at the endpoint, with the name and number typed "
            f"({len(contacts)} sent, {len(lost_contacts)} missing, {len(wrong)} different, "
            f"{len(held_contacts)} held)",
        )
    )
    detractors = {
        answer_id
        for answer_id, (_s, _l, _r, _c, category, flagged) in local.items()
        if category == "detractor" and not flagged
    }
    no_alert = detractors - held_alerts
    checks.append(
        (
            not no_alert,
            f"an alert for every detractor ({len(detractors)} detractors, {len(no_alert)} without)",
        )
    )
    if report is None:
        checks.append((False, "the endpoint has no report for this kiosk"))
    else:
        skew_h = (report.max_abs_skew_seconds or 0) / 3600
        if run.clock.jumps > 1:
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
    from kiosk.store import spill

    spilled = spill.pending(run.data)  # the kiosks ran with this process's environment
    checks.append(
        (
            open_answers == 0 and pending == 0 and not spilled,
            f"nothing left waiting: {open_answers} open, outbox {states}, "
            f"{len(spilled)} spill file(s)",
        )
    )
    checks.extend(verify_exports(run))
    checks.append(
        (
            not run.problems,
            f"every kiosk ended by a cut or a stop, none by itself or stalled "
            f"({len(run.problems)} problems: {run.problems[:3]})",
        )
    )
    return checks


def export_rows(path: Path) -> int:
    """How many answers an export holds; raises if it is not whole."""
    if path.suffix == ".csv":
        text = path.read_text(encoding="utf-8-sig")
        if not text.endswith("\n"):
            raise ValueError("the last line is cut short")
        rows = list(csv.reader(text.splitlines()))
        width = len(rows[0])
        if any(len(row) != width for row in rows):
            raise ValueError("a row has fewer fields than the header")
        return len(rows) - 1
    if path.suffix == ".json":
        return len(json.loads(path.read_text(encoding="utf-8"))["answers"])
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        return sum(1 for _ in book["Answers"].iter_rows(values_only=True)) - 1
    finally:
        book.close()


def verify_exports(run: Run) -> list[tuple[bool, str]]:
    """Each finished export was whole; unfinished ones only from the sweep's grace period."""
    checks = [
        (
            not run.exports_broken and run.exports_checked > 0,
            f"every finished export whole ({run.exports_checked} checked, as the owner copied "
            f"each away; broken: {run.exports_broken[:3]})",
        )
    ]
    left = [
        part
        for part in run.unfinished_exports()
        if part.stat().st_mtime < run.final_start_wall - SWEEP_GRACE_S
    ]
    checks.append(
        (
            not left,
            f"unfinished exports swept at the next start: {run.swept} removed, {len(left)} "
            "left older than the sweep's grace",
        )
    )
    return checks


def growth(lives: list[Life], long_life: Life) -> list[tuple[bool, str]]:
    """Each life's figures at its first sample: the last life must not carry more than the
    first; and within the long life, nothing grows after its warm-up."""
    points = [life.samples[0] for life in lives if life.samples]
    checks: list[tuple[bool, str]] = []
    if len(points) >= 2:
        first, last = points[0], points[-1]
        checks += [
            (
                last[0] - first[0] < RSS_GROWTH_LIMIT_MB,
                f"RSS at each life's start: first {first[0]:.1f} MB, last {last[0]:.1f} MB, "
                f"max {max(p[0] for p in points):.1f} MB",
            ),
            (
                last[1] <= first[1] + 3,
                f"fds at each life's start: first {first[1]}, last {last[1]}, "
                f"max {max(p[1] for p in points)}",
            ),
            (
                last[2] <= first[2] + 1,
                f"threads at each life's start: first {first[2]}, last {last[2]}, "
                f"max {max(p[2] for p in points)}",
            ),
        ]
    samples = long_life.samples
    if len(samples) >= 8:
        warm = samples[len(samples) // 4]
        end = samples[-1]
        checks.append(
            (
                end[0] - warm[0] < RSS_GROWTH_LIMIT_MB / 4
                and end[1] <= warm[1] + 3
                and end[3] <= warm[3] + 1,
                f"one long life ({len(long_life.acks)} answers): RSS {warm[0]:.1f} -> "
                f"{end[0]:.1f} MB, fds {warm[1]} -> {end[1]}, OS threads {warm[3]} -> {end[3]}",
            )
        )
    else:
        checks.append((False, f"the long life gave {len(samples)} samples"))
    return checks


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0, help="of the year's three counts")
    parser.add_argument("--answers", type=int)
    parser.add_argument("--power-cuts", type=int)
    parser.add_argument("--outages", type=int)
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
    args.answers = args.answers or max(1, round(YEAR_ANSWERS * args.scale))
    args.power_cuts = args.power_cuts or max(1, round(YEAR_POWER_CUTS * args.scale))
    args.outages = args.outages or max(1, round(YEAR_OUTAGES * args.scale))

    with tempfile.TemporaryDirectory(prefix="kiosk-year-", ignore_cleanup_errors=True) as tmp:
        run = Run(args, Path(tmp))
        year = run.year
        print(
            f"year: {year.answers} answers, {len(year.cuts)} power cuts, {len(year.outages)} "
            f"outages (a day = {year.answers / DAYS:.0f} answers); clock jumps "
            f"{'on' if run.clock.enabled else 'off (no ' + str(FAKETIME) + ')'}; disk fill "
            f"{'on' if year.disk_fills else 'off (' + (run.disk.why or 'asked') + ')'}",
            flush=True,
        )
        try:
            run.weather.start()
            while year.cuts:
                run.one_life()
            while run.acked < year.answers:  # the answers after the last cut
                if len(run.lives) > 2 * args.power_cuts + 10:
                    run.problems.append(f"{len(run.lives)} lives and still short of the answers")
                    break
                year.cuts.append(year.answers)
                run.one_life()
            run.say(f"{len(run.lives)} lives; the long life and the drain")
            # The disk and the clock come right, the network comes back.
            run.disk.full_until = time.monotonic()
            run.disk.tick()
            run.clock.reset()
            run.weather.restore()
            if run.weather.network.process is None:
                run.weather.start()
            long_kiosk = run.long_life(max(200, year.answers // 30))
            long_kiosk.kill()
            run.lives.append(long_kiosk.life)
            time.sleep(max(0.0, SWEEP_GRACE_S + 1 - (time.monotonic() - run.last_kill)))
            run.final_start_wall = time.time()
            last = run.spawn(guests=False)
            last.wait_started()
            run.note_sweep(last)
            drain_started = time.monotonic()
            while time.monotonic() - drain_started < DRAIN_LIMIT_S:
                samples = last.life.samples
                if len(samples) >= 6 and samples[-1][4] == 0:
                    break
                time.sleep(0.2)
            drained_in = time.monotonic() - drain_started
            code = last.stop()
            run.lives.append(last.life)
        finally:
            run.weather.close()

        acks = {a[0]: (a[1], a[2]) for life in run.lives for a in life.acks}
        contacts = {c[0]: (c[1], c[2]) for life in run.lives for c in life.contacts}
        checks = verify(run, acks, contacts)
        checks.append(
            (code == 0 and last.life.stopped, f"the last kiosk stopped cleanly (exit {code})")
        )
        checks.extend(growth(run.lives[:-2], long_kiosk.life))
        if run.disk.fills:
            checks.append(
                (
                    run.cuts_with_waiting > 0,
                    f"the plug was pulled {run.cuts_with_waiting} time(s) with answers "
                    "waiting for the full disk",
                )
            )
        elapsed = time.monotonic() - run.started
        languages = Counter(language for score, language in acks.values())
        print()
        print(
            f"answers acknowledged: {len(acks)} in {elapsed / 60:.1f} min "
            f"({len(acks) / max(elapsed, 1) * 60:.0f}/min) over {len(run.lives)} kiosk lives; "
            f"languages {dict(languages)}; call-backs sent {len(contacts)}"
        )
        print(f"plug pulled: {sum(run.cuts.values())} SIGKILLs {dict(run.cuts)}")
        net = run.weather.network
        print(f"network: {net.outages} outages {dict(run.weather.kinds)}, {net.restarts} restarts")
        print(
            f"exports: {run.exports_checked} finished and checked, "
            f"{sum(life.exports_failed for life in run.lives)} refused by a full disk, "
            f"{run.swept} unfinished swept"
        )
        print(f"drain at the end: {drained_in:.1f} s")
        print(
            f"clock jumps: {run.clock.jumps}, each put right later ({run.faked_lives} lives under "
            f"libfaketime); disk filled: {run.disk.fills} time(s), "
            f"{sum(life.waiting for life in run.lives)} answers acknowledged while the store "
            f"refused them, {run.cuts_with_waiting} plugs pulled with answers waiting"
        )
        ok = True
        for good, text in checks:
            ok = ok and good
            print(f"{'PASS' if good else 'FAIL'}: {text}")
        print("RESULT:", "PASS" if ok else "FAIL")
        run.disk.close()  # before the folder is removed
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
