"""Memory (RSS) after 10,000 simulated guest flows vs after 100. Target: growth under 10 MB.

Each flow is the real thing on the real widgets: tap a score, choose a reason, type a word on
the on-screen keyboard, Send, and back to the question; every answer is committed to SQLite.
Usage: python bench/bench_memory.py [--flows N]
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mb() -> float:
    """Resident set size now (Linux /proc; elsewhere the peak from getrusage)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--flows", type=int, default=10_000)
    args = parser.parse_args()

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from kiosk.app.context import Context
    from kiosk.app.guest import build_app, qt_app

    qt_app()
    left = Qt.MouseButton.LeftButton
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as data:
        kiosk = build_app(Context.from_options(None, data))
        kiosk.window.resize(1280, 800)
        kiosk.window.show()
        QTest.qWaitForWindowExposed(kiosk.window)
        keys = kiosk.why.keyboard.keys
        marks: dict[int, float] = {}
        began = time.perf_counter()
        for n in range(1, args.flows + 1):
            QTest.mouseClick(kiosk.question.score_buttons[n % 11], left)
            QTest.mouseClick(kiosk.why.reason_chips[n % 6], left)
            kiosk.why.open_keyboard()
            for key in ("b", "u", "e", "n", "o"):
                QTest.mouseClick(keys[key], left)
            QTest.mouseClick(kiosk.why.send_button, left)
            kiosk.flow.back_to_question()
            QApplication.processEvents()
            if n in (100, 1000, args.flows):
                gc.collect()
                marks[n] = rss_mb()
        elapsed = time.perf_counter() - began
        stored = kiosk.ctx.store().answers.count()
        kiosk.close()
        kiosk.ctx.close()
    for n, value in sorted(marks.items()):
        print(f"RSS after {n:6d} flows: {value:7.1f} MB")
    growth = marks[args.flows] - marks[100]
    print(f"growth {args.flows} vs 100 flows: {growth:+.1f} MB (target < 10 MB)")
    print(f"{stored} answers stored; {elapsed / args.flows * 1000:.2f} ms per flow")
    return 0


if __name__ == "__main__":
    sys.exit(main())
