"""Cold start to the question screen shown, beside a bare PySide6 window (ratio).

Each start is a fresh Python process (offscreen): the time runs from spawning it to the
child saying its window is exposed. The kiosk child builds the real app (theme, fonts,
translations, store with migrations on a new temporary folder, screens) with build_app.
Usage: python bench/bench_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE = """
from PySide6.QtWidgets import QApplication, QLabel
from PySide6.QtTest import QTest
app = QApplication([])
w = QLabel("How likely are you to recommend us?")
w.resize(1280, 800)
w.show()
QTest.qWaitForWindowExposed(w)
app.processEvents()
print("shown", flush=True)
"""

KIOSK = """
import sys
from PySide6.QtTest import QTest
from kiosk.app.guest import build_app, qt_app
from kiosk.app.context import Context
app = qt_app()
kiosk = build_app(Context.from_options(None, sys.argv[1]))
kiosk.window.resize(1280, 800)
kiosk.window.show()
QTest.qWaitForWindowExposed(kiosk.window)
app.processEvents()
assert kiosk.window.current_screen() is kiosk.question
print("shown", flush=True)
"""


def start_once(code: str, *extra: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    began = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, *extra], stdout=subprocess.PIPE, text=True, env=env
    )
    line = child.stdout.readline()
    elapsed = time.perf_counter() - began
    child.wait(timeout=60)
    child.stdout.close()
    if line.strip() != "shown":
        raise RuntimeError(f"child did not start (exit {child.returncode})")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    start_once(BARE)  # warm the OS file cache once for both
    bare, kiosk = [], []
    for _ in range(args.runs):
        bare.append(start_once(BARE))
        with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as data:
            kiosk.append(start_once(KIOSK, data))
    b, k = statistics.median(bare), statistics.median(kiosk)
    print(f"runs: {args.runs} each (median; fresh process, new store each time)")
    print(f"bare PySide6 window shown:  {b * 1000:7.1f} ms")
    print(f"kiosk question shown:       {k * 1000:7.1f} ms")
    print(f"ratio kiosk / bare:         {k / b:7.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
