"""A detractor tapped on a real kiosk until its case shows on an open inbox page (issue 12).

Every part is the real one, each in its own process: the central service (``kiosk endpoint``
under waitress, on a new SQLite file or on PostgreSQL), registered with the ``kiosk endpoint
add-*`` commands; the ``kiosk`` command fullscreen on Xvfb with openbox, syncing to the
service with its token in a ``token_file``; the managers' inbox page open in Chromium
(Playwright, Debian's /usr/bin/chromium), logged in as the area manager.

Each round taps a detractor score (0-6 in turn) with ``xdotool click`` at the button's place,
then Skip (the guest flow's end; the alert itself goes at the score tap), and the thank-you
brings the question back after 1 s (``[thanks] seconds``; ``[timeouts] idle_seconds`` is 5,
the abuse filter is off so quick taps still alert). The time runs from just before the click
until the new case's row is in the open page's DOM (a MutationObserver in the page stamps
it; the page polls ``/web/inbox/live`` each second, then fetches the rows). The floor, in the
same round and on the same inbox: a direct ``POST /v1/alerts`` with the kiosk's token, timed
the same way, so the ratio shows what the kiosk adds (its tap, its store, its sync thread).
A random pause of up to 1 s before each tap and each POST spreads them over the page's poll.
The service's own receipt stamp of each alert splits off the part before the service (the
kiosk's tap, commit and sync thread; the floor's bare request) from the page's part.
The buttons' places come from the same screens laid out offscreen at the kiosk's 1280x800
with the same configuration. Target: p95 under 2 s.

    python bench/bench_tap_to_inbox.py [--taps 50] [--db sqlite|postgresql|postgresql://...]

``--db postgresql`` starts a throwaway cluster (or uses $KIOSK_BENCH_POSTGRES_URL);
``--db postgresql://user@host/db`` makes a new database on that server. Either is dropped at
the end. Needs Xvfb, openbox, xdotool and chromium (tools/test-deps.sh) and playwright.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

import requests
from central_common import BenchDatabase, percentile, start_service

CHROMIUM = os.environ.get("KIOSK_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
SCREEN = (1280, 800)
TITLE = "Counter feedback|Opinión en mostrador"  # the kiosk window's title, in either language
KIOSK_ID, SITE, AREA = "tap-1", "bench", "Bench"
MANAGER, PASSWORD = "bench-manager", "a long bench password"
THANKS_SECONDS = 1.0
FLOOR_SEQ = 10**6  # the floor's alerts are numbered from here (the kiosk's from 1)
ROW_TIMEOUT = 20.0  # one case that takes this long is a broken run, not a slow one
TOOLS = ("Xvfb", "openbox", "xdotool")
# Each case row of the inbox carries data-case; the observer stamps when each count is first
# reached (performance.timeOrigin + now(): the same wall clock as Python's time.time()).
OBSERVER = """() => {
  const rows = document.getElementById("inbox-rows");
  window.__rowsAt = {};
  const stamp = () => {
    const n = rows.querySelectorAll("tr[data-case]").length;
    if (!(n in window.__rowsAt)) window.__rowsAt[n] = performance.timeOrigin + performance.now();
  };
  stamp();
  new MutationObserver(stamp).observe(rows, {childList: true, subtree: true});
}"""


NEWEST_SCORE = """() => {
  const rows = [...document.querySelectorAll("#inbox-rows tr[data-case]")];
  rows.sort((a, b) => b.dataset.case - a.dataset.case);
  return Number(rows[0].querySelector("strong").textContent);
}"""


def config_text(endpoint: str) -> str:
    """The kiosk's file: the bench's site, short guest timings, no abuse filter, sync on."""
    return f"""\
[kiosk]
id = "{KIOSK_ID}"
site = "{SITE}"
shop_name = "Bench"

[thanks]
seconds = {THANKS_SECONDS}

[timeouts]
idle_seconds = 5

[abuse]
enabled = false

[sync]
endpoint = "{endpoint}"
token_file = "token.txt"
"""


def console(name: str) -> list[str]:
    """The ``kiosk`` console script beside this Python (``python -m kiosk`` without one)."""
    script = Path(sys.executable).with_name(name)
    return [str(script)] if script.exists() else [sys.executable, "-m", name]


def kiosk_command(*argv: str, stdin: str | None = None) -> str:
    result = subprocess.run(
        [*console("kiosk"), *argv],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"kiosk {' '.join(argv[:2])} failed: {result.stderr.strip()}")
    return result.stdout


def register(db: str) -> str:
    """Area, site, kiosk and an area manager, by the commands; the kiosk's token."""
    kiosk_command("endpoint", "add-area", AREA, "--db", db)
    kiosk_command("endpoint", "add-site", SITE, "--area", AREA, "--name", "Bench", "--db", db)
    out = kiosk_command("endpoint", "add-kiosk", KIOSK_ID, "--site", SITE, "--db", db)
    kiosk_command(
        "endpoint",
        "add-user",
        MANAGER,
        "--role",
        "area",
        "--scope",
        AREA,
        "--password-stdin",
        "--db",
        db,
        stdin=PASSWORD + "\n",
    )
    return out.strip().splitlines()[-1]


def layout(config: Path) -> dict[int, tuple[tuple[int, int], tuple[int, int]]]:
    """Per detractor score, the centres of its button and of the why screen's Skip, in the
    window's pixels: the kiosk's own screens, built offscreen at the kiosk's size."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # this process only; the kiosk gets xcb
    from PySide6.QtTest import QTest

    from kiosk.app.context import Context
    from kiosk.app.guest import build_app, qt_app

    app = qt_app()
    places = {}
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-layout-") as data:
        kiosk = build_app(Context.from_options(str(config), data))
        window = kiosk.window
        window.resize(*SCREEN)
        window.show()
        QTest.qWaitForWindowExposed(window)
        app.processEvents()

        def centre(widget) -> tuple[int, int]:
            point = widget.mapTo(window, widget.rect().center())
            return point.x(), point.y()

        for score in range(7):
            button = kiosk.question.score_buttons[score]
            kiosk.why.start(score)
            window.show_screen(kiosk.why)
            app.processEvents()
            skip = centre(kiosk.why.skip_button)
            window.show_screen(kiosk.question)
            app.processEvents()
            places[score] = (centre(button), skip)
        kiosk.close()
        kiosk.ctx.close()
    return places


def free_display() -> int:
    for number in range(90, 200):
        if not (
            Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists()
        ):
            return number
    raise SystemExit("no free X display number")


def wait_for(check, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise SystemExit(f"{what} did not happen within {seconds:.0f} s")
        time.sleep(0.05)


class Processes:
    """Every child the bench starts, stopped (TERM, then KILL) in reverse order at exit."""

    def __init__(self) -> None:
        self.children: list[tuple[str, subprocess.Popen]] = []

    def start(self, name: str, argv: list[str], **options) -> subprocess.Popen:
        child = subprocess.Popen(argv, **options)
        self.children.append((name, child))
        return child

    def adopt(self, name: str, child: subprocess.Popen) -> None:
        self.children.append((name, child))

    def check(self) -> None:
        for name, child in self.children:
            if child.poll() is not None:
                raise SystemExit(f"{name} ended (exit code {child.returncode})")

    def stop(self) -> None:
        for _name, child in reversed(self.children):
            if child.poll() is None:
                child.terminate()
                try:
                    child.wait(15)
                except subprocess.TimeoutExpired:
                    child.kill()
                    child.wait()
        self.children.clear()


def start_x(processes: Processes) -> dict[str, str]:
    number = free_display()
    processes.start(
        "Xvfb",
        ["Xvfb", f":{number}", "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for(lambda: Path(f"/tmp/.X11-unix/X{number}").exists(), 10, "Xvfb's start")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env["DISPLAY"] = f":{number}"
    processes.start(
        "openbox", ["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    time.sleep(0.5)
    return env


def xdotool(env: dict[str, str], *argv: str) -> str:
    result = subprocess.run(
        ["xdotool", *argv], env=env, capture_output=True, text=True, timeout=20, check=False
    )
    return result.stdout.strip() if result.returncode == 0 else ""


def kiosk_window(env: dict[str, str], processes: Processes) -> tuple[int, int]:
    """The fullscreen kiosk window's top-left corner on the screen."""
    found: list[str] = []

    def visible() -> bool:
        processes.check()
        found[:] = xdotool(env, "search", "--onlyvisible", "--name", TITLE).splitlines()
        return bool(found)

    wait_for(visible, 60, "the kiosk window's appearance")
    shape = xdotool(env, "getwindowgeometry", "--shell", found[-1])
    values = dict(line.split("=", 1) for line in shape.splitlines() if "=" in line)
    if (int(values["WIDTH"]), int(values["HEIGHT"])) != SCREEN:
        raise SystemExit(
            f"the kiosk window is {values['WIDTH']}x{values['HEIGHT']}, not fullscreen"
        )
    return int(values["X"]), int(values["Y"])


def alert_body(seq: int) -> dict:
    """A detractor alert as the kiosk sends it, for the floor (alerts are kept apart from
    the answers, so its seq never meets the kiosk's own)."""
    now = datetime.now(timezone.utc).astimezone()
    return {
        "kiosk": {"id": KIOSK_ID, "site": SITE, "app_version": "bench"},
        "sent_at": now.isoformat(),
        "answer": {
            "id": str(uuid.uuid4()),
            "seq": seq,
            "score": 2,
            "category": "detractor",
            "language": "es",
            "reasons": [],
            "comment": "",
            "flags": [],
            "completion": "sent",
            "app_version": "bench",
            "created_at": now.isoformat(),
        },
    }


class Inbox:
    """The open inbox page and the moments its case rows appear."""

    def __init__(self, page) -> None:
        self.page = page
        page.evaluate(OBSERVER)
        self.rows = self.count()

    def count(self) -> int:
        return self.page.locator("#inbox-rows tr[data-case]").count()

    def next_row_at(self) -> float:
        """Wait for one more case row; the wall-clock second it appeared."""
        self.rows += 1
        self.page.wait_for_function(
            f"window.__rowsAt[{self.rows}] !== undefined", timeout=ROW_TIMEOUT * 1000
        )
        return self.page.evaluate(f"window.__rowsAt[{self.rows}]") / 1000

    def newest_score(self) -> int:
        """The score on the newest case's row (the highest case number)."""
        return self.page.evaluate(NEWEST_SCORE)


def log_in(page, url: str) -> None:
    page.goto(f"{url}/web/login")
    page.locator("#name").fill(MANAGER)
    page.locator("#password").fill(PASSWORD)
    page.locator("form.card button[type=submit]").click()
    page.wait_for_url(f"{url}/web/")


def measure(args: argparse.Namespace, work: Path, processes: Processes, stack) -> None:
    kind = "sqlite" if args.db == "sqlite" else "postgresql"
    database = BenchDatabase(kind, args.db if "://" in args.db else None)
    stack.callback(database.close)
    stack.callback(processes.stop)  # before the database goes
    token = register(database.url)
    service, url = start_service(database.url)
    processes.adopt("the central service", service)

    data, config = work / "kiosk-data", work / "kiosk.toml"
    data.mkdir()
    config.write_text(config_text(url), encoding="utf-8")
    token_file = work / "token.txt"
    token_file.write_text(token + "\n", encoding="utf-8")
    token_file.chmod(0o600)
    places = layout(config)

    env = start_x(processes)
    processes.start(
        "the kiosk",
        [*console("kiosk"), "--data-dir", str(data), "--config", str(config)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        origin = kiosk_window(env, processes)
        run(args, database.url, url, token, origin, env, places, processes, stack)
    except BaseException:
        print_log_tail(data)
        raise


def run(args, db, url, token, origin, env, places, processes, stack) -> None:
    """The browser on the inbox, the untimed round, then the timed ones."""

    from playwright.sync_api import sync_playwright

    playwright = stack.enter_context(sync_playwright())
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    stack.callback(browser.close)
    page = browser.new_context(viewport={"width": 1366, "height": 900}, locale="en-GB").new_page()
    log_in(page, url)
    page.goto(f"{url}/web/inbox")
    inbox = Inbox(page)
    time.sleep(1.2)  # the page has polled once: it knows the cases there are

    session = requests.Session()
    rng = random.Random(12)

    def tap(score: int) -> tuple[float, float]:
        (bx, by), (sx, sy) = places[score]
        xdotool(env, "mousemove", str(origin[0] + bx), str(origin[1] + by))
        time.sleep(rng.random())
        tapped = time.time()
        xdotool(env, "click", "1")
        try:
            shown = inbox.next_row_at()
        except Exception as exc:
            processes.check()
            raise SystemExit(f"the tap on {score} never showed in the inbox: {exc}") from None
        if inbox.newest_score() != score:  # the click hit another button than meant
            raise SystemExit(f"tapped {score}, the inbox shows {inbox.newest_score()}")
        # The guest ends the flow; the thank-you gives the question back after THANKS_SECONDS.
        xdotool(env, "mousemove", str(origin[0] + sx), str(origin[1] + sy), "click", "1")
        return tapped, shown

    def post(seq: int) -> tuple[float, float]:
        time.sleep(rng.random())
        posted = time.time()
        reply = session.post(
            f"{url}/v1/alerts",
            json=alert_body(seq),
            timeout=10,
            headers={"Authorization": f"Bearer {token}"},
        )
        if reply.status_code != 200 or not reply.json()["stored"]:
            raise SystemExit(f"the floor's alert was refused: {reply.status_code} {reply.text}")
        return posted, inbox.next_row_at()

    def back_to_question(since: float) -> None:
        rest = THANKS_SECONDS + 0.4 - (time.monotonic() - since)
        if rest > 0:
            time.sleep(rest)

    # One untimed round first (the kiosk's first alert, the page's first refresh).
    tap(6)
    ended = time.monotonic()
    post(FLOOR_SEQ)
    back_to_question(ended)
    taps: list[tuple[float, float]] = []  # (tapped or posted, row shown), wall clock
    floors: list[tuple[float, float]] = []
    for n in range(args.taps):
        taps.append(tap(n % 7))
        ended = time.monotonic()
        floors.append(post(FLOOR_SEQ + 1 + n))
        back_to_question(ended)
        processes.check()
    held = inbox.count()
    kiosk_arrivals, floor_arrivals = arrivals(db)
    print(f"tap to inbox: {len(taps)} detractor taps on a real kiosk, store {store_name(db)}")
    print(line("kiosk tap -> case row in the open inbox", [b - a for a, b in taps]))
    print(line("  of which tap -> alert at the service", gaps(taps, kiosk_arrivals[1:])))
    print(line("floor: POST /v1/alerts -> case row", [b - a for a, b in floors]))
    print(line("  of which POST -> alert at the service", gaps(floors, floor_arrivals[1:])))
    p50, p95 = (percentile([b - a for a, b in taps], share) for share in (0.5, 0.95))
    f50, f95 = (percentile([b - a for a, b in floors], share) for share in (0.5, 0.95))
    print(f"ratio tap/floor: p50 {p50 / f50:.2f}x, p95 {p95 / f95:.2f}x")
    met = "met" if p95 < 2 else "MISSED"
    print(f"open cases on the page at the end: {held}; target p95 < 2 s: {met}")


def arrivals(db: str) -> tuple[list[float], list[float]]:
    """When the service received each alert (its own stamp), the kiosk's and the floor's,
    in order."""
    from sqlalchemy import select

    from kiosk.endpoint.store import schema
    from kiosk.endpoint.store.engine import open_engine

    engine = open_engine(db)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                select(schema.alerts.c.received_utc, schema.alerts.c.content).order_by(
                    schema.alerts.c.received_utc
                )
            ).all()
    finally:
        engine.dispose()
    kiosk, floor = [], []
    for received, content in rows:
        when = datetime.fromisoformat(received).timestamp()
        (floor if json.loads(content)["seq"] >= FLOOR_SEQ else kiosk).append(when)
    return kiosk, floor


def gaps(started: list[tuple[float, float]], arrived: list[float]) -> list[float]:
    if len(arrived) != len(started):
        raise SystemExit(f"{len(arrived)} alerts held at the service for {len(started)} sent")
    return [when - began for (began, _), when in zip(started, arrived, strict=True)]


def store_name(db: str) -> str:
    return "a new SQLite file" if "://" not in db else f"PostgreSQL ({db.rsplit('@', 1)[-1]})"


def line(name: str, values: list[float]) -> str:
    return (
        f"{name:42s} p50 {percentile(values, 0.5) * 1000:5.0f} ms   p95"
        f" {percentile(values, 0.95) * 1000:5.0f} ms   max {max(values) * 1000:5.0f} ms"
    )


def print_log_tail(data: Path) -> None:
    log = data / "logs" / "kiosk.log"
    if log.exists():
        lines = log.read_text(encoding="utf-8", errors="replace").splitlines()[-20:]
        print("the kiosk's log, last lines:\n  " + "\n  ".join(lines), file=sys.stderr)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--taps", type=int, default=50)
    parser.add_argument(
        "--db",
        default="sqlite",
        help="sqlite (a new file), postgresql (a throwaway cluster) or postgresql://... (a new"
        " database on that server)",
    )
    args = parser.parse_args()
    if args.db not in ("sqlite", "postgresql") and not args.db.startswith("postgresql://"):
        parser.error("--db is sqlite, postgresql or postgresql://user@host/dbname")
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if not shutil.which(CHROMIUM):
        missing.append(CHROMIUM)
    if missing:
        raise SystemExit(f"needs {', '.join(missing)} (tools/test-deps.sh installs them)")
    # A TERM ends the run as an exception would, so every child is stopped on the way out.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    processes = Processes()
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-tap-") as work:
        with contextlib.ExitStack() as stack:
            measure(args, Path(work), processes, stack)
    return 0


if __name__ == "__main__":
    sys.exit(main())
