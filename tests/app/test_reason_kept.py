"""Issue 9 / docs/deployment.md: what the guest chose is kept, even through a power cut.

A real kiosk process: a score tapped, then a reason chip, then SIGKILL (no clean stop, as
when the plug is pulled). At the next start the answer is there with that reason."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from kiosk.app.context import Context
from kiosk.store.stats import dashboard_stats

CHILD = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from kiosk.app.guest import build_app, qt_app
    from kiosk.app.context import Context

    application = qt_app()
    kiosk = build_app(Context.from_options(None, sys.argv[1]))
    kiosk.window.resize(1280, 800)
    kiosk.window.show()
    application.processEvents()
    QTest.mouseClick(kiosk.question.score_buttons[3], Qt.MouseButton.LeftButton)
    chip = kiosk.why.reason_chips[1]
    QTest.mouseClick(chip, Qt.MouseButton.LeftButton)
    application.processEvents()  # the chip is drawn, then its commit runs
    print(kiosk.flow.answer_id, kiosk.why.chosen_reasons()[0], flush=True)
    time.sleep(60)
    """
)


@pytest.mark.slow
def test_a_reason_tapped_just_before_a_power_cut_is_kept(data_dir):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    try:
        line = child.stdout.readline().split()
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
    answer_id, reason = line
    ctx = Context.from_options(None, str(data_dir))
    try:
        opened = ctx.store()
        closed = opened.answers.close_abandoned()  # what the next start does first
        answer = opened.answers.get(answer_id)
        assert closed == 1 and answer.score == 3
        assert answer.reasons == (reason,)
        assert answer.completion.value == "timeout"
        stats = dashboard_stats(opened.db, None, None, include_flagged=True)
        assert dict(stats.reasons["detractor"]).get(reason) == 1  # counted on the dashboard
    finally:
        ctx.close()
