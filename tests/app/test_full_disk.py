"""Issue 9: answers kept in memory while the disk is full were dropped, silently, on a clean
stop. On a real full filesystem (a size-limited tmpfs, mounted as root): the ballast gives
the store room at once; without one, the stop writes them to a spill file elsewhere and
the next start saves them. Where nothing can be mounted, the same paths run on a store
SQLite itself calls full (``max_page_count``), the same SQLITE_FULL the recorder sees."""

from __future__ import annotations

import logging
import os
import subprocess

import pytest
from helpers.disks import fill
from PySide6.QtCore import Qt

from kiosk.app import guest as app
from kiosk.app.context import Context
from kiosk.config import Settings
from kiosk.store import spill
from kiosk.store.ballast import BALLAST_FILENAME, Ballast
from kiosk.store.recorder import DurableRecorder


@pytest.fixture
def state_home(tmp_path, monkeypatch):
    folder = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(folder))
    return folder


def start(qtbot, data_dir) -> tuple[Context, app.KioskApp]:
    ctx = Context(data_dir, data_dir / "kiosk.toml", False, Settings())
    kiosk = app.build_app(ctx)
    qtbot.addWidget(kiosk.window)
    kiosk.window.resize(1280, 800)
    kiosk.window.show()
    return ctx, kiosk


def stop(ctx, kiosk) -> None:
    kiosk.close()  # what the shell runs after SIGTERM or the owner's Exit
    ctx.close()


def tap(qtbot, kiosk, score: int, chip: int | None = None) -> str:
    qtbot.mouseClick(kiosk.question.score_buttons[score], Qt.MouseButton.LeftButton)
    answer_id = kiosk.flow.answer_id
    if chip is not None:
        qtbot.mouseClick(kiosk.why.reason_chips[chip], Qt.MouseButton.LeftButton)
    return answer_id


def test_the_ballast_makes_room_when_the_disk_fills(qtbot, small_disk, state_home, caplog):
    data_dir = small_disk / "data"
    data_dir.mkdir()
    ctx, kiosk = start(qtbot, data_dir)
    try:
        assert (data_dir / BALLAST_FILENAME).exists()
        fill(small_disk)
        caplog.set_level(logging.INFO, "kiosk")
        answer_id = tap(qtbot, kiosk, 3)
        assert kiosk.recorder.pending_count == 0 and kiosk.recorder.problem is None
        assert ctx.store().answers.get(answer_id).score == 3
        assert not (data_dir / BALLAST_FILENAME).exists()
        assert "released the 4 MB ballast file" in caplog.text
    finally:
        stop(ctx, kiosk)


def test_a_stop_on_a_full_disk_spills_the_answers_and_the_next_start_saves_them(
    qtbot, small_disk, state_home, caplog
):
    data_dir = small_disk / "data"
    data_dir.mkdir()
    ctx, kiosk = start(qtbot, data_dir)
    (data_dir / BALLAST_FILENAME).unlink()  # already spent on an earlier full disk
    fill(small_disk)
    caplog.set_level(logging.INFO, "kiosk")
    try:
        first = tap(qtbot, kiosk, 9)
        qtbot.mouseClick(kiosk.why.send_button, Qt.MouseButton.LeftButton)
        kiosk.flow.back_to_question()
        second = tap(qtbot, kiosk, 2, chip=0)
        chosen = kiosk.why.chosen_reasons()
        assert chosen and kiosk.recorder.pending_count >= 3
    finally:
        stop(ctx, kiosk)
    files = spill.pending(data_dir)
    assert len(files) == 1 and state_home in files[0].parents  # not on the full disk
    assert "kept in" in caplog.text and "saved at the next start" in caplog.text

    (small_disk / "filler.bin").unlink()  # staff freed some space
    ctx, kiosk = start(qtbot, data_dir)
    try:
        answers = ctx.store().answers
        assert answers.get(first).completion.value == "sent"
        left = answers.get(second)
        assert left.score == 2 and list(left.reasons) == chosen  # the chip tapped before
        assert left.completion.value == "timeout"  # the stop ended that guest's turn
        assert spill.pending(data_dir) == []
        assert "replaying" in caplog.text
    finally:
        stop(ctx, kiosk)


def test_without_a_mount_the_same_stop_spills_and_replays(answer_store, data_dir, state_home):
    """The same mechanism on a store SQLite calls full (runs without root)."""
    con = answer_store.db.connection()
    pages = con.execute("PRAGMA page_count").fetchone()[0]
    con.execute(f"PRAGMA max_page_count = {pages}")
    recorder = DurableRecorder(answer_store, ballast=Ballast(data_dir), spill_dir=data_dir)
    ids = []
    while recorder.problem is None:  # until the pages run out
        ids.append(recorder.record_score(7, "en", flags=("x" * 300,)))
        recorder.choose_reasons(ids[-1], ["speed"])
    assert recorder.problem == "the disk is full"
    waiting = recorder.pending_count
    assert recorder.stop() == waiting
    [path] = spill.pending(data_dir)
    assert path.parent == data_dir / "spill"  # the data folder itself still takes a file
    con.execute("PRAGMA max_page_count = 1000000")
    again = DurableRecorder(answer_store, spill_dir=data_dir)
    assert again.replay_spilled() == waiting and again.pending_count == 0
    assert all(answer_store.get(i).reasons == ("speed",) for i in ids)
    assert spill.pending(data_dir) == []
    assert again.replay_spilled() == 0


SIGTERM_CHILD = """
import argparse
import sys
from PySide6.QtCore import QTimer, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from kiosk.app import shell

built = {}
real_build = shell.build_app

def build_and_keep(ctx, **kwargs):
    kiosk = real_build(ctx, **kwargs)
    built["kiosk"] = kiosk
    QTimer.singleShot(500, tap)
    return kiosk

def tap():
    kiosk = built["kiosk"]
    (kiosk.ctx.data_dir / "ballast.bin").unlink()  # spent on an earlier full disk
    with open(sys.argv[2], "wb", buffering=0) as filler:
        for size in (2**20, 2**16, 2**12, 2**9, 1):
            try:
                while True:
                    filler.write(b"\\xff" * size)
            except OSError:
                continue
    QTest.mouseClick(kiosk.question.score_buttons[4], Qt.MouseButton.LeftButton)
    QTest.mouseClick(kiosk.why.reason_chips[0], Qt.MouseButton.LeftButton)
    QApplication.processEvents()  # the chip's own commit (refused: kept in memory)
    print(kiosk.flow.answer_id, kiosk.recorder.pending_count, flush=True)

shell.build_app = build_and_keep
sys.exit(shell.main(argparse.Namespace(
    config=None, data_dir=sys.argv[1], windowed=True, log_level="INFO", command="run")))
"""


def stop_the_tapped_kiosk(data_dir, filler, signal_number: int) -> tuple[str, int, int]:
    """Run the real kiosk until its guest's tap waits in memory on a full disk (no ballast),
    then send it ``signal_number``: the answer id, the writes waiting, the exit code."""
    import sys

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, "-c", SIGTERM_CHILD, str(data_dir), str(filler)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    try:
        answer_id, waiting = child.stdout.readline().split()
        child.send_signal(signal_number)
        return answer_id, int(waiting), child.wait(timeout=20)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()


def the_next_start_has_it(qtbot, data_dir, answer_id) -> None:
    ctx, kiosk = start(qtbot, data_dir)
    try:
        answer = ctx.store().answers.get(answer_id)
        assert answer.score == 4 and len(answer.reasons) == 1
        assert spill.pending(data_dir) == []
    finally:
        stop(ctx, kiosk)


@pytest.mark.slow
def test_sigterm_on_a_full_disk_keeps_every_tap(qtbot, small_disk, state_home):
    """The real kiosk process, stopped by SIGTERM (a service stop) while its answer waits
    in memory on a full disk: spilled, logged, saved at the next start."""
    import signal

    data_dir = small_disk / "data"
    data_dir.mkdir()
    filler = small_disk / "filler.bin"
    answer_id, waiting, code = stop_the_tapped_kiosk(data_dir, filler, signal.SIGTERM)
    assert waiting >= 2 and code == 0  # the score and the chip, refused by the full disk
    [kept] = spill.pending(data_dir)
    assert state_home in kept.parents
    filler.unlink()
    log_text = (data_dir / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert "kept in" in log_text and str(kept) in log_text
    the_next_start_has_it(qtbot, data_dir, answer_id)


@pytest.mark.slow
def test_a_power_cut_on_a_full_disk_keeps_every_tap(qtbot, small_disk, state_home):
    """The real kiosk process, SIGKILLed (the plug pulled) while its answer waits in memory
    on a full disk without a ballast: the answer was copied to a spill file when the store
    refused it, so the next start saves it (a simulated year lost 100 answers this way)."""
    import signal

    data_dir = small_disk / "data"
    data_dir.mkdir()
    filler = small_disk / "filler.bin"
    answer_id, waiting, code = stop_the_tapped_kiosk(data_dir, filler, signal.SIGKILL)
    assert waiting >= 2 and code == -signal.SIGKILL
    [kept] = spill.pending(data_dir)
    assert state_home in kept.parents and len(spill.read(kept)) >= 2
    filler.unlink()
    the_next_start_has_it(qtbot, data_dir, answer_id)
