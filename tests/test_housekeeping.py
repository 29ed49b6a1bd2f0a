"""The suite's own checks: a test that leaves a thread or a timer running fails, and says
where it was started (tests/helpers/fixtures.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent

LEAKS = """
import threading

from PySide6.QtCore import QObject, QTimer

never = threading.Event()


def test_clean(qtbot):
    timer = QTimer()
    timer.start(10_000)
    timer.stop()
    worker = threading.Thread(target=lambda: None, daemon=True)
    worker.start()


def test_leaves_a_daemon_thread():
    threading.Thread(target=never.wait, name="left-behind", daemon=True).start()


def test_leaves_a_timer(qtbot):
    test_leaves_a_timer.timer = timer = QTimer()
    timer.start(10_000)


def test_leaves_a_single_shot(qapp):
    QTimer.singleShot(10_000, lambda: None)


def test_a_shot_dies_with_its_receiver(qapp):
    owner = QObject()
    QTimer.singleShot(10_000, owner, lambda: None)
    del owner  # the shot goes with it
"""


@pytest.mark.slow
def test_leftover_threads_and_timers_fail_with_their_start(pytester):
    pytester.makeconftest(
        f"import sys\nsys.path.insert(0, {str(TESTS)!r})\n"
        "pytest_plugins = ['helpers.fixtures']\n\n"
        "def pytest_configure(config):\n"
        "    import helpers.fixtures\n"
        "    helpers.fixtures.JOIN_SECONDS = 0.2  # the leaked thread never ends: no wait\n"
    )
    pytester.makepyfile(test_leaks=LEAKS)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=5, errors=3)
    out = result.stdout.str()
    assert "thread 'left-behind' (daemon=True)" in out
    assert "QTimer every 10000 ms of no parent" in out
    assert "QTimer.singleShot not fired yet" in out
    # each names the line that started it, not pytest's frames
    for line in ('name="left-behind"', "timer.start(10_000)", "QTimer.singleShot(10_000, lambda"):
        assert line in out
    reports = out[out.index("ERROR at teardown") : out.index("short test summary")]
    assert f"{os.sep}_pytest{os.sep}" not in reports and f"{os.sep}pluggy{os.sep}" not in reports
