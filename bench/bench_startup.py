"""Cold start of the real ``kiosk --windowed`` command to the question on screen, beside a
bare PySide6 window (the floor), and the same for the PyInstaller build.

Each start is a fresh process on a new, empty data folder. The time runs from just before
exec to the moment the child writes :data:`kiosk.app.startup_marker.LINE` on stderr: with
``$KIOSK_STARTUP_MARKER`` set, the app draws its first frame and says so if the question
screen is in it. The bare window (a QLabel of the kiosk's size, same marker code) is timed
the same way. PSS and RSS (/proc/PID/smaps_rollup, summed over the process and its
children: a one-file build runs in a child) are read at that moment, then the child is
killed. Linux only (smaps_rollup).

    python bench/bench_startup.py [--runs N] [--kiosk CMD] [--frozen PATH | --no-frozen]

``--kiosk`` defaults to the ``kiosk`` console script beside this Python (run with
PYTHONPATH=. to time the checkout), ``--frozen`` to dist/kiosk/kiosk when it exists.
"""

from __future__ import annotations

import argparse
import os
import selectors
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.app.startup_marker import ENV, LINE  # noqa: E402

BARE = """
from PySide6.QtWidgets import QApplication, QLabel
from kiosk.app.startup_marker import arm
app = QApplication([])
window = QLabel("How likely are you to recommend us?")
window.resize(1280, 800)
window.show()
arm(window, window)
app.exec()
"""
DEADLINE = 60.0


def memory_kib(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of ``pid`` and its descendants, in KiB.

    PSS counts a shared page in part: libraries mapped by other running processes (other
    Pythons of the same venv) count less for the source start than the frozen build's own
    copies do. RSS counts every page in full: compare the two kinds by RSS.
    """
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    pss = rss = 0
    todo = [pid]
    while todo:
        current = todo.pop()
        todo += children.get(current, [])
        try:
            for line in Path(f"/proc/{current}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    pss += int(line.split()[1])
                elif line.startswith("Rss:"):
                    rss += int(line.split()[1])
        except OSError:
            pass
    return pss, rss


def start_once(command: list[str], platform: str) -> tuple[float, int, int]:
    """(seconds from exec to the marker, PSS and RSS in KiB then) for one fresh start."""
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as data:
        env = dict(os.environ, QT_QPA_PLATFORM=platform, **{ENV: "1"})
        env["KIOSK_DATA_DIR"] = data
        env.pop("KIOSK_CONFIG", None)
        # An installed kiosk runs from bytecode (pip compiles at install, a build ships it);
        # a shell with this set would have every start compile the checkout's sources anew
        # while the bare window's PySide6 is compiled already. The warm-up start writes it.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        began = time.perf_counter()
        child = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
            cwd=data,
            start_new_session=True,
        )
        try:
            elapsed = _wait_for_marker(child, began)
            pss, rss = memory_kib(child.pid)
        finally:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait(timeout=30)
            child.stderr.close()
    return elapsed, pss, rss


def _wait_for_marker(child: subprocess.Popen, began: float) -> float:
    selector = selectors.DefaultSelector()
    selector.register(child.stderr, selectors.EVENT_READ)
    seen = b""
    while time.perf_counter() - began < DEADLINE:
        if not selector.select(timeout=1.0):
            continue
        chunk = os.read(child.stderr.fileno(), 65536)
        if not chunk:
            break
        seen += chunk
        if LINE.encode() in seen:
            return time.perf_counter() - began
    tail = seen.decode(errors="replace")[-2000:]
    raise RuntimeError(f"{child.args[0]}: no start-up marker (exit {child.poll()}):\n{tail}")


def disk_size(program: Path) -> int:
    """Bytes on disk of a build: its folder for one-folder (``_internal/``), else the file."""
    folder = program.parent
    if not (folder / "_internal").is_dir():
        return program.stat().st_size
    return sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_dir())


def default_kiosk() -> str | None:
    beside = Path(sys.executable).parent / "kiosk"
    return str(beside) if beside.exists() else shutil.which("kiosk")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--kiosk", default=default_kiosk(), help="the kiosk console command")
    parser.add_argument("--frozen", type=Path, default=ROOT / "dist" / "kiosk" / "kiosk")
    parser.add_argument("--no-frozen", action="store_true")
    parser.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM")
    args = parser.parse_args()
    if args.kiosk is None:
        parser.error("no kiosk command found; install the project or give --kiosk")
    commands = {
        "bare": [sys.executable, "-c", BARE],
        "source": [args.kiosk, "--windowed"],
    }
    frozen = not args.no_frozen and args.frozen.exists()
    if frozen:
        commands["frozen"] = [str(args.frozen), "--windowed"]
    for command in commands.values():
        start_once(command, args.platform)  # warm the OS file cache once for each
    results: dict[str, list[tuple[float, int, int]]] = {name: [] for name in commands}
    for _ in range(args.runs):  # interleaved, so a busy moment hits all of them alike
        for name, command in commands.items():
            results[name].append(start_once(command, args.platform))

    def median(name: str, index: int, scale: float) -> float:
        return statistics.median(run[index] for run in results[name]) * scale

    def line(label: str, name: str) -> str:
        return (
            f"{label:31}{median(name, 0, 1000):7.1f} ms   PSS {median(name, 1, 1 / 1024):6.1f}"
            f" MiB   RSS {median(name, 2, 1 / 1024):6.1f} MiB"
        )

    print(f"runs: {args.runs} each (median; fresh process, new data folder; {args.platform})")
    print(f"kiosk command: {args.kiosk}")
    print(line("bare PySide6 window shown:", "bare"))
    print(line("kiosk question shown (source):", "source"))
    source_ratio = median("source", 0, 1) / median("bare", 0, 1)
    print(f"{'ratio source / bare:':31}{source_ratio:7.2f}x")
    if frozen:
        print(line("kiosk question shown (frozen):", "frozen"))
        ratio = median("frozen", 0, 1) / median("source", 0, 1)
        print(f"{'ratio frozen / source:':31}{ratio:7.2f}x   (target <= 1.20x)")
        size = disk_size(args.frozen) / 2**20
        print(f"{'frozen build on disk:':31}{size:7.1f} MiB  ({args.frozen})")
    else:
        print(f"no frozen build at {args.frozen} (make build), skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
