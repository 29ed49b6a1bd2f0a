"""Cold start of the real ``kiosk --windowed`` command to the question on screen, beside a
bare PySide6 window (the floor), and the same for the PyInstaller build.

Each start is a fresh process on a new, empty data folder. The time runs from just before
exec to the moment the child writes :data:`kiosk.startup_marker.LINE` on stderr: with
``$KIOSK_STARTUP_MARKER`` set, the app draws its first frame and says so if the question
screen is in it. The bare window (a QLabel of the kiosk's size, same marker code) is timed
the same way. PSS (proportional set size, /proc/PID/smaps_rollup, summed over the process
and its children: a one-file build runs in a child) is read at that moment, then the child
is killed. Linux only (smaps_rollup).

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

from kiosk.startup_marker import ENV, LINE  # noqa: E402

BARE = """
from PySide6.QtWidgets import QApplication, QLabel
from kiosk.startup_marker import arm
app = QApplication([])
window = QLabel("How likely are you to recommend us?")
window.resize(1280, 800)
window.show()
arm(window, window)
app.exec()
"""
DEADLINE = 60.0


def pss_kib(pid: int) -> int:
    """PSS of ``pid`` and its descendants, in KiB."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo += children.get(current, [])
        try:
            for line in Path(f"/proc/{current}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


def start_once(command: list[str], platform: str) -> tuple[float, int]:
    """(seconds from exec to the marker, PSS in KiB then) for one fresh start."""
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as data:
        env = dict(os.environ, QT_QPA_PLATFORM=platform, **{ENV: "1"})
        env["KIOSK_DATA_DIR"] = data
        env.pop("KIOSK_CONFIG", None)
        began = time.perf_counter()
        child = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, env=env, cwd=data, start_new_session=True,
        )
        try:
            elapsed = _wait_for_marker(child, began)
            memory = pss_kib(child.pid)
        finally:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait(timeout=30)
            child.stderr.close()
    return elapsed, memory


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
    results: dict[str, list[tuple[float, int]]] = {name: [] for name in commands}
    for _ in range(args.runs):  # interleaved, so a busy moment hits all of them alike
        for name, command in commands.items():
            results[name].append(start_once(command, args.platform))
    time_ms = {n: statistics.median(t for t, _ in r) * 1000 for n, r in results.items()}
    pss_mib = {n: statistics.median(m for _, m in r) / 1024 for n, r in results.items()}

    print(f"runs: {args.runs} each (median; fresh process, new data folder; {args.platform})")
    print(f"kiosk command: {args.kiosk}")
    print(f"bare PySide6 window shown:     {time_ms['bare']:7.1f} ms   PSS {pss_mib['bare']:6.1f} MiB")
    print(f"kiosk question shown (source): {time_ms['source']:7.1f} ms   PSS {pss_mib['source']:6.1f} MiB")
    print(f"ratio source / bare:           {time_ms['source'] / time_ms['bare']:7.2f}x")
    if frozen:
        size = disk_size(args.frozen) / 2**20
        print(f"kiosk question shown (frozen): {time_ms['frozen']:7.1f} ms   PSS {pss_mib['frozen']:6.1f} MiB")
        print(f"ratio frozen / source:         {time_ms['frozen'] / time_ms['source']:7.2f}x   (target <= 1.20x)")
        print(f"frozen build on disk:          {size:7.1f} MiB  ({args.frozen})")
    else:
        print(f"no frozen build at {args.frozen} (make build), skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
